/**
 * The generated job scripts, read as text (array range, explicit shard count, dependency,
 * quoting) and run with bash without Slurm: task i of the array script runs shard i into a
 * folder whose path has a space, a quote and a percent sign, the merge script merges the shards
 * into files identical to a single run, and a missing shard is reported with its sbatch line.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrayScript, mergeScript, submitScript } from '../../src/cluster/job-scripts.ts';
import { writeJob } from '../../src/cluster/write-job.ts';
import { cli, outputs, tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { bash, fakeSbatch, sbatchCalls, tinyPlan } from './slurm-helpers.ts';

describe('job script text', () => {
  const out = path.join(tempRoot(), "it's 100% results");
  const plan = tinyPlan(out, { partition: 'debug', time: '1-12:30', cpusPerTask: '4', jobName: 'tiny-job' });
  const array = arrayScript(plan);

  it('has one array task per shard and writes the shard count into the script', () => {
    expect(array).toMatch(/^#!\/bin\/bash\n/);
    expect(array).toContain('#SBATCH --array=1-4\n');
    expect(array).toContain('#SBATCH --job-name=tiny-job\n#SBATCH --array=1-4\n#SBATCH --partition=debug\n#SBATCH --time=1-12:30\n#SBATCH --cpus-per-task=4\n');
    expect(array).toContain('\nshards=4\n');
    expect(array).toContain('--shard "$shard/$shards"');
    expect(array).toContain('workers=${SLURM_CPUS_PER_TASK:-4}');
    // A resubmitted single task sees SLURM_ARRAY_TASK_COUNT=1: the script must not rely on it.
    expect(array).not.toMatch(/\$\{?SLURM_ARRAY_TASK_COUNT/);
    expect(array).toContain('--resume "$dir"');
  });

  it('quotes paths for the shell and escapes % in the log path only', () => {
    const jobDir = path.join(out, 'tiny', 'job-slurm');
    const quoted = `'${path.join(out, 'tiny').replace(/'/g, `'\\''`)}'`;
    expect(array).toContain(`dir=${quoted}/job"-shard\${shard}of\${shards}"`);
    expect(array).toContain(`#SBATCH --output="${path.join(jobDir, 'logs').replace('100%', '100%%')}/shard-%A_%a.out"`);
    expect(mergeScript(plan)).toContain(`#SBATCH --output="${path.join(jobDir, 'logs').replace('100%', '100%%')}/merge-%j.out"`);
    expect(array).toContain(`cd ${path.resolve(import.meta.dirname, '..', '..')}`);
  });

  it('forwards --replications and --seed only when given', () => {
    expect(array).not.toContain('--replications');
    expect(array).not.toContain('--seed');
    const given = arrayScript(tinyPlan(out, { replications: '5', seed: 'my seed' }));
    expect(given).toContain("--shard \"$shard/$shards\" --replications 5 --seed 'my seed' --workers");
  });

  it('adds extra #SBATCH lines and setup commands to both jobs', () => {
    const custom = tinyPlan(out, { sbatchOption: ['--account=abc', '--mem=2G'], setup: ['module load nodejs/20'] });
    for (const text of [arrayScript(custom), mergeScript(custom)]) {
      expect(text).toContain('#SBATCH --account=abc\n#SBATCH --mem=2G\n');
      expect(text).toMatch(/\nmodule load nodejs\/20\ncommand -v node/);
    }
  });

  it('merges into the run id and submits the merge after the array (afterok)', () => {
    expect(mergeScript(plan)).toContain('--run-id job\n');
    expect(mergeScript(plan)).toContain('#SBATCH --job-name=tiny-job-merge\n');
    const submit = submitScript(plan);
    expect(submit).toContain('tasks=${1:-1-4}');
    expect(submit).toContain('sbatch --parsable --array="$tasks" "$job/array.sbatch"');
    expect(submit).toContain('sbatch --parsable --dependency=afterok:"$array" "$job/merge.sbatch"');
  });
});

describe('job scripts run with bash', () => {
  it('submit.sh submits the array, then the merge depending on it (fake sbatch)', async () => {
    const dir = tempRoot();
    const job = writeJob(tinyPlan(path.join(dir, 'out dir')));
    fakeSbatch(dir);
    const first = await bash([job.submit], { PATH: `${dir}:${process.env.PATH ?? ''}` });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('submitted array job 41 (shards 1-4 of 4) and merge job 42');
    const again = await bash([job.submit, '3'], { PATH: `${dir}:${process.env.PATH ?? ''}` });
    expect(again.stdout).toContain('submitted array job 43 (shards 3 of 4) and merge job 44');
    expect(sbatchCalls(dir)).toEqual([
      `--parsable --array=1-4 ${job.array}`,
      `--parsable --dependency=afterok:41 ${job.merge}`,
      `--parsable --array=3 ${job.array}`,
      `--parsable --dependency=afterok:43 ${job.merge}`,
    ]);
  });

  it('runs shard i per task, reports a missing shard with its sbatch line, and merges to the single-run files', async () => {
    const out = path.join(tempRoot(), "it's 100% results");
    mkdirSync(out);
    const plan = tinyPlan(out);
    const job = writeJob(plan);
    const single = cli(['run', TINY, '--workers', '1', '--out', out, '--run-id', 'single', '--no-progress']);
    const task = (i: number): ReturnType<typeof bash> => bash([job.array], { SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: '1', SLURM_CPUS_PER_TASK: '1' });
    const tasks = await Promise.all([1, 2, 4].map(task));
    for (const t of tasks) expect(t.code, t.stderr).toBe(0);
    expect(tasks[2]?.stdout).toContain('shard 4/4 complete: 3 replications');

    const incomplete = await bash([job.merge]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain(`shard 3/4 (no folder given): missing replication 2; re-run it on the cluster with: sbatch --array=3 '${job.array.replace(/'/g, `'\\''`)}'`);
    expect(incomplete.stderr).toContain(`or re-run it and the merge in one go: bash '${job.submit.replace(/'/g, `'\\''`)}' 3`);
    expect(existsSync(plan.mergedDir)).toBe(false);

    // Shard 3 runs, then is cut back to what a task killed after one replication leaves behind:
    // the re-run continues that folder rather than starting over.
    const lone = await task(3);
    expect(lone.code, lone.stderr).toBe(0);
    const shard3 = plan.shardDirs[2] ?? '';
    const journal = path.join(shard3, 'journal.ndjson');
    writeFileSync(journal, `${readFileSync(journal, 'utf8').split('\n')[0] ?? ''}\n`);
    rmSync(path.join(shard3, 'manifest.json'));
    const resumed = await task(3);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`2 of 3 replications to run (1 already journaled) on 1 worker -> ${shard3}`);

    const merged = await bash([job.merge]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('merged 4 folders, 18 replications');
    expect((await single).code).toBe(0);
    expect(outputs(plan.mergedDir)).toEqual(outputs(path.join(out, 'tiny', 'single')));
  });

  it('the merge script says what to do when no shard has started', async () => {
    const job = writeJob(tinyPlan(path.join(tempRoot(), 'empty')));
    const result = await bash([job.merge]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no shard has started; submit the array: bash ${job.submit}`);
  });

  it('rejects an array task outside 1..n', async () => {
    const job = writeJob(tinyPlan(path.join(tempRoot(), 'range')));
    const result = await bash([job.array], { SLURM_ARRAY_TASK_ID: '5' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('array task 5 is not a shard of 1-4');
  });
});
