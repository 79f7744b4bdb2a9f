import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The code of examples/<name>.ts as the README prints it: without the file's header comment and
 * importing from 'corridor-sim' (the files import ../src/index.ts, so they type-check and run
 * without a build).
 */
function asInReadme(name: string): string {
  const text = readFileSync(path.join(root, 'examples', `${name}.ts`), 'utf8');
  return text.replace(/^\/\*\*[\s\S]*?\*\/\n/, '').replace("from '../src/index.ts'", "from 'corridor-sim'");
}

function run(name: string): string {
  return execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join('examples', `${name}.ts`)], { cwd: root, encoding: 'utf8' });
}

// The README's library examples live in examples/, where the type check and the linter see
// them; this test keeps the README's copies identical and checks what each one prints.
describe('README library examples', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it.each(['batch-transport', 'stop-at-event', 'monitor-resource', 'state-machine', 'warmup-by-count'])('README shows examples/%s.ts as it is', (name) => {
    expect(readme).toContain(asInReadme(name));
  });

  it('batch transport: trains run about 80% full', () => {
    const out = run('batch-transport');
    const load = Number(/mean load (\d+)%/.exec(out)?.[1]);
    expect(load).toBeGreaterThan(50);
    expect(load).toBeLessThanOrEqual(100);
  });

  it('stop at an event: the clock stops when the 1000th ship sails', () => {
    const out = run('stop-at-event');
    const [, finished, clock] = /sailed by (\d+) h .*clock (\d+) h/.exec(out) ?? [];
    expect(finished).toBeDefined();
    expect(clock).toBe(finished);
    // 1000 ships at one every 2 h: about 2000 h.
    expect(Number(finished)).toBeGreaterThan(1800);
    expect(Number(finished)).toBeLessThan(2200);
  });

  it('monitoring a resource: utilization near rho = 2.5 / 3', () => {
    const out = run('monitor-resource');
    const utilization = Number(/utilization ([\d.]+)/.exec(out)?.[1]);
    expect(utilization).toBeGreaterThan(0.75);
    expect(utilization).toBeLessThan(0.92);
    expect(out).toContain('queue');
  });

  it('the state machine prints exactly what the process version prints (same entries, same order)', () => {
    const out = run('state-machine');
    expect(out).toMatch(/mean queue \d+\.\d{4} trucks/);
    expect(out).toBe(run('monitor-resource'));
  });

  it('warm-up by count: M/M/1 wait near 9 h after 5000 customers', () => {
    const out = run('warmup-by-count');
    expect(out).toContain('over 195000');
    const wait = Number(/mean wait ([\d.]+) h/.exec(out)?.[1]);
    expect(wait).toBeGreaterThan(8);
    expect(wait).toBeLessThan(10);
  });
});
