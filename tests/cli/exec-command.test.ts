/**
 * `corridor-sim exec <script> [args...]`: a model script outside the project, importing
 * 'corridor-sim' and a file of its own, runs from its cached bundle with its arguments, output and
 * exit code passed through; changing the file it imports rebuilds the bundle. Bundles go to a
 * temporary cache folder (CORRIDOR_SIM_CACHE_DIR), never the project's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleScript, CACHE_DIR_VARIABLE } from '../../src/build/bundle-script.ts';
import { execScript } from '../../src/cli/exec-command.ts';
import { UsageError } from '../../src/cli/exit.ts';
import { cli } from '../experiments/cli-helpers.ts';

/** Five customers at a one-server desk, one hour each: the last leaves at hour 5. */
const MODEL = `
import { Resource, Simulation, type ProcessGenerator } from 'corridor-sim';
import { label } from './label.ts';
const sim = new Simulation();
const desk = new Resource(sim, 1, 'desk');
let served = 0;
function* customer(): ProcessGenerator {
  const request = desk.request();
  yield request;
  yield sim.timeout(1);
  desk.release(request);
  served++;
}
for (let i = 0; i < 5; i++) sim.process(customer(), 'customer');
sim.run();
console.log(JSON.stringify({ label: label(), served, hours: sim.now, args: process.argv.slice(2), main: process.argv[1], url: import.meta.url }));
process.exitCode = 3;
`;

const label = (text: string): string => `export const label = (): string => ${JSON.stringify(text)};\n`;

describe('corridor-sim exec', () => {
  let dir: string;
  let cache: string;
  const saved = process.env[CACHE_DIR_VARIABLE];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-exec-'));
    cache = path.join(dir, 'cache');
    writeFileSync(path.join(dir, 'model.ts'), MODEL);
    writeFileSync(path.join(dir, 'label.ts'), label('first'));
    process.env[CACHE_DIR_VARIABLE] = cache;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[CACHE_DIR_VARIABLE];
    else process.env[CACHE_DIR_VARIABLE] = saved;
  });

  it("runs a script that imports 'corridor-sim', passing its arguments, output and exit code through", async () => {
    const script = path.join(dir, 'model.ts');
    const result = await cli(['exec', script, 'first-arg', '--replications', '5', '--', '--quiet'], { [CACHE_DIR_VARIABLE]: cache });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual({
      label: 'first',
      served: 5,
      hours: 5,
      args: ['first-arg', '--replications', '5', '--quiet'],
      // As under `node model.ts`: the script is the program, and import.meta.url is its own.
      main: script,
      url: `file://${script}`,
    });
  });

  it('rebuilds the bundle when a file the script imports changes, and reuses it otherwise', async () => {
    const script = path.join(dir, 'model.ts');
    const first = await bundleScript(script);
    expect(path.dirname(first)).toBe(cache);
    expect(await bundleScript(script)).toBe(first);
    writeFileSync(path.join(dir, 'label.ts'), label('second, changed'));
    const second = await bundleScript(script);
    expect(second).not.toBe(first);
    const run = (bundle: string): unknown => {
      try {
        return execFileSync(process.execPath, [bundle], { encoding: 'utf8' });
      } catch (error) {
        // Exit code 3 is the script's own; its output is what we check.
        return JSON.parse((error as { stdout: string }).stdout) as unknown;
      }
    };
    expect(run(second)).toMatchObject({ label: 'second, changed', served: 5 });
  });

  it('refuses a missing script, or one esbuild cannot build, as bad input (exit 2), naming the place', async () => {
    await expect(execScript(path.join(dir, 'missing.ts'), [])).rejects.toThrow(new UsageError(`script: got "${path.join(dir, 'missing.ts')}", expected an existing .ts or .js file`));
    writeFileSync(path.join(dir, 'broken.ts'), 'const x = ;\n');
    await expect(execScript(path.join(dir, 'broken.ts'), [])).rejects.toThrow(`${path.join(dir, 'broken.ts')}:1:11: Unexpected ";"`);
  });
});
