/**
 * `corridor-sim slurm` from the command line: bad options and experiments exit 2 and write
 * nothing; the job folder and its scripts are written beside the run folders; --submit spawns
 * sbatch (a fake one here), refuses to start without it (exit 2), and reports a refused
 * submission (exit 1).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSlurmTime, type RawSlurmOptions } from '../../src/cluster/slurm-options.ts';
import { ExperimentError } from '../../src/experiments/experiment-error.ts';
import { cli, tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { fakeSbatch, sbatchCalls, tinyPlan } from './slurm-helpers.ts';

describe('Slurm time limits', () => {
  it('accepts the formats sbatch accepts and nothing else', () => {
    for (const ok of ['30', '90:00', '2:00:00', '1-12', '1-12:30', '2-00:00:01', 'UNLIMITED']) expect(isSlurmTime(ok), ok).toBe(true);
    for (const bad of ['0', '1:75', '1-24', '2h', '1:2:3:4', '-5', '', '1-']) expect(isSlurmTime(bad), bad).toBe(false);
  });
});

describe('option checks', () => {
  const cases: [string, RawSlurmOptions, string][] = [
    ['--shards 0', { shards: '0' }, 'option --shards: got "0", expected an integer >= 1'],
    ['--shards 2.5', { shards: '2.5' }, 'option --shards: got "2.5", expected an integer >= 1'],
    ['more shards than replications', { shards: '7' }, 'option --shards: got 7, but the experiment has 6 replications per scenario'],
    ['more shards than --replications', { shards: '4', replications: '3' }, 'option --shards: got 4, but the experiment has 3 replications'],
    ['--partition with a space', { partition: 'big queue' }, 'option --partition: got "big queue"'],
    ['--cpus-per-task 0', { cpusPerTask: '0' }, 'option --cpus-per-task: got "0", expected an integer >= 1'],
    ['--job-name with a space', { jobName: 'my job' }, 'option --job-name: got "my job"'],
    ['--sbatch-option without dashes', { sbatchOption: ['account=abc'] }, 'option --sbatch-option: got "account=abc"'],
    ['--setup with a line break', { setup: ['a\nb'] }, 'option --setup: got "a\\nb"'],
    ['--run-id with a slash', { runId: 'a/b' }, 'option --run-id: got "a/b"'],
    ['--seed empty', { seed: ' ' }, 'option --seed: got ""'],
    ['--out with a double quote', { out: 'res"ults' }, 'which an #SBATCH line cannot hold'],
  ];
  for (const [name, raw, message] of cases) {
    it(name, () => {
      const out = path.join(tempRoot(), 'results');
      expect(() => tinyPlan(out, raw)).toThrow(ExperimentError);
      expect(() => tinyPlan(out, raw)).toThrow(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe.concurrent('corridor-sim slurm: bad input exits 2 and writes nothing', () => {
  const cases: [string, string[], string][] = [
    ['no --shards', [], 'option --shards: required'],
    ['--time 1:75', ['--shards', '2', '--time', '1:75'], 'option --time: got "1:75", expected a Slurm time limit'],
    ['more shards than replications', ['--shards', '7'], 'option --shards: got 7, but the experiment has 6 replications per scenario'],
    ['an unknown option', ['--shards', '2', '--nodes', '3'], "unknown option '--nodes'"],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const out = path.join(tempRoot(), 'results');
      const result = await cli(['slurm', TINY, ...args, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('an experiment file that does not load', async () => {
    const out = path.join(tempRoot(), 'results');
    const missing = await cli(['slurm', 'experiments/no-such.ts', '--shards', '2', '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('experiment file experiments/no-such.ts not found');
    const bad = await cli(['slurm', 'tests/experiments/fixtures/bad-definition.ts', '--shards', '2', '--out', out]);
    expect(bad.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a run id whose folders exist', async () => {
    const out = tempRoot();
    const first = await cli(['slurm', TINY, '--shards', '2', '--out', out, '--run-id', 'taken']);
    expect(first.code, first.stderr).toBe(0);
    const again = await cli(['slurm', TINY, '--shards', '3', '--out', out, '--run-id', 'taken']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`option --run-id: ${path.join(out, 'tiny', 'taken-slurm')} already exists; choose another id`);
  });

  it('--submit without sbatch on PATH', async () => {
    const out = path.join(tempRoot(), 'results');
    const result = await cli(['slurm', TINY, '--shards', '2', '--out', out, '--submit'], { PATH: tempRoot() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('option --submit: sbatch not found on PATH');
    expect(existsSync(out)).toBe(false);
  });
});

describe.concurrent('corridor-sim slurm: writing and submitting', () => {
  it('writes the job folder beside the run folders and says how to submit', async () => {
    const out = path.join(tempRoot(), 'my results');
    const result = await cli(['slurm', TINY, '--shards', '3', '--out', out, '--run-id', 'r1']);
    expect(result.code, result.stderr).toBe(0);
    const job = path.join(out, 'tiny', 'r1-slurm');
    expect(readdirSync(job).sort()).toEqual(['array.sbatch', 'logs', 'merge.sbatch', 'submit.sh']);
    expect(readdirSync(path.join(out, 'tiny'))).toEqual(['r1-slurm']);
    expect(result.stdout).toContain(`array.sbatch  task i runs shard i of 3 into ${path.join(out, 'tiny', 'r1-shard<i>of3')}/`);
    expect(result.stdout).toContain(`merge.sbatch  merges them into ${path.join(out, 'tiny', 'r1')}/`);
    expect(result.stdout).toContain(`submit with: bash '${path.join(job, 'submit.sh')}'`);
  });

  it('--submit submits the array and a merge that depends on it, and says how to monitor', async () => {
    const bin = tempRoot();
    fakeSbatch(bin);
    const out = tempRoot();
    const result = await cli(['slurm', TINY, '--shards', '4', '--out', out, '--run-id', 'sub', '--submit'], { PATH: `${bin}:${process.env.PATH ?? ''}` });
    expect(result.code, result.stderr).toBe(0);
    const job = path.join(out, 'tiny', 'sub-slurm');
    expect(sbatchCalls(bin)).toEqual([`--parsable --array=1-4 ${job}/array.sbatch`, `--parsable --dependency=afterok:41 ${job}/merge.sbatch`]);
    expect(result.stdout).toContain('submitted array job 41 (shards 1-4 of 4) and merge job 42');
    expect(result.stdout).toContain('monitor: squeue -j 41,42    afterwards: sacct -j 41,42');
  });

  it('a refused submission exits 1 with sbatch\'s message, keeping the scripts', async () => {
    const bin = tempRoot();
    fakeSbatch(bin, true);
    const out = tempRoot();
    const result = await cli(['slurm', TINY, '--shards', '2', '--out', out, '--run-id', 'refused', '--submit'], { PATH: `${bin}:${process.env.PATH ?? ''}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('submission failed: sbatch --array=1-2');
    expect(result.stderr).toContain('Invalid partition name specified');
    expect(existsSync(path.join(out, 'tiny', 'refused-slurm', 'submit.sh'))).toBe(true);
  });
});
