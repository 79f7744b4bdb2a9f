/**
 * `corridor-sim run --precision / --precision-max / --warmup` (src/cli/run-extras.ts) and what the
 * run then says (src/cli/run-summary.ts, src/report/output-analysis-facts.ts): bad values are one
 * usage line plus the help hint, exit 2, nothing written; a precision run prints the count reached
 * and records it in manifest.json and run.json; a warm-up that never settles is one NOT STEADY line.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { warmupLines } from '../../src/cli/run-summary.ts';
import type { ReplicationRecord } from '../../src/experiments/journal.ts';
import { chooseWarmup, HOURS_PER_WEEK } from '../../src/experiments/output-analysis/auto-warmup.ts';
import type { PrecisionOutcome } from '../../src/experiments/output-analysis/precision-run.ts';
import { outputAnalysisFacts } from '../../src/report/output-analysis-facts.ts';
import type { RunFolder } from '../../src/report/run-folder.ts';
import tiny from '../experiments/fixtures/tiny.ts';
import { tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { cliInProcess } from './in-process.ts';

const tmp = tempRoot();
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('run --precision, --precision-max, --warmup', () => {
  it('refuses bad values with one line and the help hint, exit 2, and writes nothing', async () => {
    const out = path.join(tmp, 'never');
    for (const [args, first] of [
      [['--precision', '0%'], 'option --precision: got "0%", expected a percentage above 0 and below 100'],
      [['--precision', '5'], 'option --precision: got "5", expected a unit after 5 (h, d, feu, feu/week), or % for a relative target'],
      [['--precision', 'fast'], 'option --precision: got "fast", expected a target such as 5%'],
      [['--precision', '5%:'], 'option --precision: got "5%:", expected comma-separated metric names'],
      [['--precision', '5%', '--precision-max', '1'], 'option --precision-max: got "1", expected an integer >= 2'],
      [['--precision-max', '20'], 'option --precision-max: got "20", expected it with --precision'],
      [['--warmup', 'soon'], 'option --warmup: got "soon", expected a number of days >= 0 or auto'],
      [['--warmup', 'auto', '--horizon-days', '10'], 'option --warmup: got "auto", expected a horizon of at least 14 days'],
    ] as const) {
      const result = await cliInProcess(['run', TINY, ...args, '--out', out]);
      expect(result.code, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(2);
      expect(lines[0]).toContain(`corridor-sim: ${first}`);
      expect(lines[1]).toBe('see: corridor-sim run --help');
    }
    // Checked against the experiment's metrics before anything runs: one line, exit 2.
    for (const [args, message] of [
      [['--precision', '2h:network.backlog_feu'], 'precision: target 2h is in hours, but network.backlog_feu is in FEU'],
      [['--precision', '5%:route.nowhere.transit_mean_h'], 'precision: metric "route.nowhere.transit_mean_h" matches no metric'],
      [['--precision', '5%', '--shard', '1/2'], 'option --shard: a run to a precision'],
    ] as const) {
      const result = await cliInProcess(['run', TINY, ...args, '--out', out]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('--dry-run shows the warm-up choice and the precision plan', async () => {
    const auto = await cliInProcess(['run', TINY, '--dry-run', '--warmup', 'auto', '--precision', '5%:route.middle.transit_mean_h', '--precision-max', '40']);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stdout).toContain('time: warm-up chosen by MSER (auto) from a pilot of 120 days per replication, then 60 days measured');
    expect(auto.stdout).toContain('precision: the 6 replications are the first batch; then more until ±5% of the mean (half-width of the 95% CI) on route.middle.transit_mean_h, batches of at least 5, at most 40 replications');
    const fixed = await cliInProcess(['run', TINY, '--dry-run', '--warmup', '3.5']);
    expect(fixed.stdout).toContain('time: 3.5 days warm-up + 60 days measured');
  });

  it('a precision run prints the count it reached and records it in manifest.json and run.json', async () => {
    // The run's summary goes through console.log (as execute-run.ts writes it).
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await cliInProcess(['run', TINY, '--scenarios', 'base', '--replications', '3', '--horizon-days', '30', '--warmup', '2',
      '--precision', '10%:route.middle.transit_mean_h', '--precision-max', '12', '--out', tmp, '--run-id', 'precision', '--workers', '2', '--no-progress']);
    const stdout = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    expect(result.code, result.stderr).toBe(0);
    const line = stdout.split('\n').find((l) => l.startsWith('precision: '));
    const manifest = JSON.parse(readFileSync(path.join(tmp, 'tiny', 'precision', 'manifest.json'), 'utf8')) as { precision: PrecisionOutcome; replicationsDone: number };
    const { precision } = manifest;
    expect(precision.status).toBe('met');
    expect(precision.steps[0]).toBe(3);
    expect(manifest.replicationsDone).toBe(precision.replications);
    expect(line).toBe(`precision: ±10% of the mean (95% CI half-width) on route.middle.transit_mean_h: met by all 1 intervals with ${precision.replications} replications per scenario (batches to ${precision.steps.join(', ')}; maximum 12)`);
    expect(stdout).toMatch(/\n {2}base {2}route\.middle\.transit_mean_h {2}mean \d+ ±[\d.]+ \([\d.]+%\), target ±[\d.]+: met$/m);
    const m = precision.metrics[0];
    expect((m?.halfWidth ?? Infinity) <= (m?.targetHalfWidth ?? 0)).toBe(true);
    const runJson = JSON.parse(readFileSync(path.join(tmp, 'tiny', 'precision', 'run.json'), 'utf8')) as { precision: PrecisionOutcome };
    expect(runJson.precision).toEqual(precision);
  }, 20_000);

  it('flags a warm-up that never settled in one summary line and in the report header', () => {
    const growing: ReplicationRecord[] = [0, 1].map((r) => ({
      scenario: 'base', replication: r, seed: r, metrics: [],
      series: [
        { series: 'stage_weekly_queue_feu', key: 's', values: Array.from({ length: 30 }, (_, w) => 10 * w + r) },
        { series: 'route_weekly_feu', key: 'r', values: Array.from({ length: 30 }, () => 5) },
      ],
    }));
    const single = { ...tiny, scenarios: tiny.scenarios.slice(0, 1) };
    const choice = chooseWarmup(single, growing, 30 * HOURS_PER_WEEK);
    const lines = warmupLines({ ...single, autoWarmup: choice, warmupHours: choice.warmupHours });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^NOT STEADY: base: FEU waiting never settled \(MSER's minimum at the cap of 15 weeks\)/);
    expect(lines[1]).not.toContain('\n');
    const folder = { dir: tmp, experiment: { ...single, autoWarmup: choice }, manifest: {} } as unknown as RunFolder;
    expect(outputAnalysisFacts(folder)[0]?.[1]).toMatch(/^15 weeks by MSER-7 .*; NOT STEADY \(never settled: base: FEU waiting\)/);
  });
});
