/**
 * `corridor-sim run`'s new options, in process (no child start-up): --set, --scenarios,
 * --horizon-days, --dry-run, --json, --quiet, and usage errors as one line plus the help hint.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSetOption } from '../../src/cli/run-extras.ts';
import { tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { cliInProcess } from './in-process.ts';

const tmp = tempRoot();
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface RunJson {
  runDir: string;
  status: string;
  scenarios: string[];
  replications: number;
  horizonDays: number;
  keyMeans: { scenario: string; metric: string; mean: number | null; ci95Low: number | null; ci95High: number | null }[];
}

describe('run options', () => {
  it('--set (JSON or text values, reserved steps refused), --scenarios (baseline required) and --horizon-days change what runs; --json --quiet print only JSON', async () => {
    expect(parseSetOption('legs.caspian.fleet.vessels=3')).toEqual(['legs.caspian.fleet.vessels', 3]);
    expect(parseSetOption('title=a b')).toEqual(['title', 'a b']);
    const result = await cliInProcess(['run', TINY, '--replications', '2', '--scenarios', 'base,vessels=1', '--set', 'legs.caspian.fleet.vessels=2',
      '--horizon-days', '20', '--out', tmp, '--run-id', 'flags', '--json', '--quiet', '--workers', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as RunJson;
    expect(json.status).toBe('complete');
    expect(json.scenarios).toEqual(['base', 'vessels=1']);
    expect(json.horizonDays).toBe(20);
    expect(json.keyMeans.length).toBeGreaterThan(0);
    for (const k of json.keyMeans) expect(k.ci95Low ?? 0).toBeLessThanOrEqual(k.ci95High ?? 0);
    const manifest = JSON.parse(readFileSync(path.join(json.runDir, 'manifest.json'), 'utf8')) as { experiment: { horizonHours: number; scenarios: { id: string; set: Record<string, unknown> }[] } };
    expect(manifest.experiment.horizonHours).toBe(480);
    // The command line's value wins over the scenario's own (vessels=1 sets 1).
    expect(manifest.experiment.scenarios.map((s) => s.set['legs.caspian.fleet.vessels'])).toEqual([2, 2]);

    const noBaseline = await cliInProcess(['run', TINY, '--scenarios', 'vessels=1', '--out', tmp]);
    expect(noBaseline.code).toBe(2);
    expect(noBaseline.stderr).toContain('includes the baseline "base"');
    const reserved = await cliInProcess(['run', TINY, '--set', 'legs.__proto__.x=1', '--out', tmp]);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toContain('reserved step "__proto__"');
  });

  it('--dry-run prints scenarios, replications, seeds, horizon and output folder, and runs and writes nothing', async () => {
    const out = path.join(tmp, 'dry');
    const result = await cliInProcess(['run', TINY, '--dry-run', '--out', out, '--replications', '3', '--horizon-days', '15']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 scenarios x 3 replications = 9 replications');
    expect(result.stdout).toMatch(/base \(baseline\): tests\/corridor\/fixtures\/small-corridor\.yaml/);
    expect(result.stdout).toMatch(/seeds: master 42; .*0: \d+, 1: \d+, 2: \d+/);
    expect(result.stdout).toContain('10 days warm-up + 15 days measured');
    expect(result.stdout).toContain(`output folder: ${path.join(out, 'tiny')}`);
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors print one line and the hint, not the whole help (unknown option, missing argument, bad value), exit 2', async () => {
    for (const [args, first] of [
      [['run', TINY, '--bogus'], "error: unknown option '--bogus'"],
      [['run'], "error: missing required argument 'experiment'"],
      [['run', TINY, '--horizon-days', 'x'], 'corridor-sim: option --horizon-days: got "x"'],
      [['compare', tmp, '--metrics', ','], 'corridor-sim: option --metrics: got ","'],
    ] as const) {
      const result = await cliInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(2);
      expect(lines[0]).toContain(first);
      expect(lines[1]).toBe(`see: corridor-sim ${args[0]} --help`);
    }
  });

  it('--quiet on every command: no informational lines (report, run), errors still on stderr', async () => {
    const run = await cliInProcess(['run', TINY, '--replications', '2', '--out', tmp, '--run-id', 'quiet', '--quiet', '--workers', '1']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    const dir = path.join(tmp, 'tiny', 'quiet');
    const report = await cliInProcess(['report', dir, '--quiet']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toBe('');
    expect(readdirSync(dir)).toContain('report.html');
    const bad = await cliInProcess(['report', path.join(tmp, 'nothing'), '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toBe('');
  });
});
