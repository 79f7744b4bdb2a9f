/**
 * Input that would run forever or exhaust memory is refused up front (issue 12): an empty seed,
 * and more replications in one run than the limit (10,000 by default, raised with
 * --max-replications), whether typed, in a run.json to merge or in a manifest to reproduce. The
 * CLI runs in this process (see in-process.ts); nothing here starts a worker.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExperimentError, runExperiment, withOverrides } from '../../src/experiments/index.ts';
import { DEFAULT_MAX_REPLICATIONS } from '../../src/experiments/replication-limit.ts';
import tiny from '../experiments/fixtures/tiny.ts';
import { tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { cliInProcess } from './in-process.ts';

const MODEL = 'tests/corridor/fixtures/small-corridor.yaml';

let tmp: string;
let runDir: string;

beforeAll(async () => {
  tmp = tempRoot();
  const run = await runExperiment(withOverrides(tiny, { replications: 1 }), { out: path.join(tmp, 'results'), runId: 'done', workers: 1, experimentFile: TINY });
  runDir = run.runDir ?? '';
}, 120_000);

/** A copy of the finished run with `file` (JSON) edited to ask for 1e9 replications. */
function askingForBillions(name: string, file: string): string {
  const dir = path.join(tmp, name);
  cpSync(runDir, dir, { recursive: true });
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { experiment: { replications: number } };
  data.experiment.replications = 1_000_000_000;
  writeFileSync(path.join(dir, file), JSON.stringify(data));
  return dir;
}

describe('limits', () => {
  it('refuses a simulate run beyond 100 years (warm-up + horizon) with exit 2, naming both options', async () => {
    const result = await cliInProcess(['simulate', MODEL, '--days', '40000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('options --warmup-days + --days: got 40060 days, expected at most 36500 (100 years)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an empty seed in run, simulate and trace', async () => {
    for (const args of [['run', TINY, '--seed', ''], ['simulate', MODEL, '--seed', ''], ['trace', TINY, '--scenario', 'base', '--replication', '0', '--seed', '']]) {
      const result = await cliInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      // A bad option value: one line, then where the options are explained.
      expect(result.stderr).toBe(`corridor-sim: option --seed: got "", expected an integer or a word\nsee: corridor-sim ${args[0] ?? ''} --help\n`);
    }
  });

  it('refuses --replications 1000000000 with the limit and how to raise it, instead of a V8 crash', async () => {
    const result = await cliInProcess(['run', TINY, '--replications', '1000000000', '--out', tmp]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'corridor-sim: option --replications: 3 scenarios x 1,000,000,000 replications = 3,000,000,000 replications in one run, more than the limit of 10,000 ' +
        '(each finished replication is held in memory until the files are written); if the machine has the memory, raise the limit with --max-replications 3000000000\n',
    );
    expect(DEFAULT_MAX_REPLICATIONS).toBe(10_000);
    await expect(runExperiment(tiny, { replications: 1e9 })).rejects.toThrow(ExperimentError);
  });

  it('--max-replications lowers and raises the limit, and must be an integer >= 1', async () => {
    const lowered = await cliInProcess(['run', TINY, '--replications', '2', '--max-replications', '5', '--out', tmp]);
    expect(lowered.code).toBe(2);
    expect(lowered.stderr).toContain('= 6 replications in one run, more than the limit of 5');
    // At the limit, the run passes this check and stops at the next one (a results root that is a file).
    const file = path.join(runDir, 'run.json');
    const raised = await cliInProcess(['run', TINY, '--replications', '2', '--max-replications', '6', '--out', file]);
    expect(raised.code).toBe(2);
    expect(raised.stderr).toContain('option --out');
    const zero = await cliInProcess(['run', TINY, '--max-replications', '0']);
    expect(zero.stderr).toBe('corridor-sim: option --max-replications: got "0", expected an integer >= 1\nsee: corridor-sim run --help\n');
  });

  it('applies the limit to a manifest to reproduce and to a run.json to merge', async () => {
    const manifestDir = askingForBillions('manifest', 'manifest.json');
    const reproduce = await cliInProcess(['reproduce', path.join(manifestDir, 'manifest.json')]);
    expect(reproduce.code).toBe(2);
    expect(reproduce.stderr).toContain(`reproduce: ${path.join(manifestDir, 'manifest.json')}: 3 scenarios x 1,000,000,000 replications`);
    expect(reproduce.stderr).toContain('--max-replications');
    const runJsonDir = askingForBillions('run-json', 'run.json');
    const merge = await cliInProcess(['merge', runJsonDir, '--out', tmp]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`merge: ${path.join(runJsonDir, 'run.json')}: 3 scenarios x 1,000,000,000 replications`);
  });
});
