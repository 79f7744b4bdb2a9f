/**
 * On a real Slurm cluster (.ci/run starts a single-node one with ../shared/slurm/up.sh): a
 * 4-shard job array plus its merge job produce files byte-identical to a local single run; and
 * a job whose shard 3 never ran fails to merge, names shard 3 and the command that re-runs it,
 * and that command (re-run plus merge) completes the run. Skipped, saying why, without Slurm.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, outputs, tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { bash, slurmStatus, stopSlurm, waitForJobs } from './slurm-helpers.ts';

const slurm = slurmStatus();
if (!slurm.up) console.warn(`tests/cluster/slurm-cluster.test.ts: skipped: ${slurm.reason}`);
const title = (name: string): string => (slurm.up ? name : `${name} (skipped: ${slurm.reason})`);

/** Job ids from `submitted array job 12 (...) and merge job 13`. */
function jobIds(stdout: string): [string, string] {
  const match = /submitted array job (\d+) .* and merge job (\d+)/.exec(stdout);
  if (match?.[1] === undefined || match[2] === undefined) throw new Error(`no job ids in: ${stdout}`);
  return [match[1], match[2]];
}

/** Every log of a job folder, for failure messages. */
function logs(jobDir: string): string {
  const dir = path.join(jobDir, 'logs');
  return readdirSync(dir).map((f) => `--- ${f}\n${readFileSync(path.join(dir, f), 'utf8')}`).join('\n');
}

let out: string;
let single: Promise<Record<string, string>>;

beforeAll(() => {
  // A space in the results path: the scripts' quoting is exercised on the real scheduler.
  out = path.join(tempRoot(), 'cluster results');
  if (!slurm.up) return;
  single = cli(['run', TINY, '--workers', '1', '--out', out, '--run-id', 'local', '--no-progress']).then((run) => {
    expect(run.code, run.stderr).toBe(0);
    return outputs(path.join(out, 'tiny', 'local'));
  });
});

afterAll(() => stopSlurm(slurm));

describe.concurrent('on a Slurm cluster', () => {
  it.skipIf(!slurm.up)(title('a 4-shard job array and its merge job give the files of a local run, byte for byte'), { timeout: 200_000 }, async () => {
    const submitted = await cli(['slurm', TINY, '--shards', '4', '--partition', 'debug', '--time', '10', '--out', out, '--run-id', 'array', '--submit']);
    expect(submitted.code, submitted.stderr).toBe(0);
    const ids = jobIds(submitted.stdout);
    await waitForJobs(ids);
    const job = path.join(out, 'tiny', 'array-slurm');
    const merged = path.join(out, 'tiny', 'array');
    expect(existsSync(path.join(merged, 'manifest.json')), logs(job)).toBe(true);
    for (let i = 1; i <= 4; i++) expect(readFileSync(path.join(job, 'logs', `shard-${ids[0]}_${i}.out`), 'utf8')).toContain(`shard ${i}/4 complete`);
    expect(outputs(merged)).toEqual(await single);
    const manifest = JSON.parse(readFileSync(path.join(merged, 'manifest.json'), 'utf8')) as { kind: string; mergedFrom: string[] };
    expect(manifest.kind).toBe('merge');
    expect(manifest.mergedFrom).toEqual([1, 2, 3, 4].map((i) => path.join(out, 'tiny', `array-shard${i}of4`)));
  });

  it.skipIf(!slurm.up)(title('a missing shard is named by the merge job with the command that re-runs it, which completes the run'), { timeout: 200_000 }, async () => {
    const written = await cli(['slurm', TINY, '--shards', '4', '--partition', 'debug', '--time', '10', '--out', out, '--run-id', 'rerun']);
    expect(written.code, written.stderr).toBe(0);
    const job = path.join(out, 'tiny', 'rerun-slurm');
    // Shard 3 never runs: the merge job runs after the others and must refuse.
    const partial = await bash([path.join(job, 'submit.sh'), '1,2,4']);
    expect(partial.code, partial.stderr).toBe(0);
    const [, firstMerge] = jobIds(partial.stdout);
    await waitForJobs(jobIds(partial.stdout));
    const report = readFileSync(path.join(job, 'logs', `merge-${firstMerge}.out`), 'utf8');
    expect(report).toContain(`shard 3/4 (no folder given): missing replication 2; re-run it on the cluster with: sbatch --array=3 '${job}/array.sbatch'`);
    const again = /re-run it and the merge in one go: (.+)$/m.exec(report)?.[1];
    expect(again).toBe(`bash '${job}/submit.sh' 3`);

    const rerun = await bash(['-c', again ?? 'false']);
    expect(rerun.code, rerun.stderr).toBe(0);
    await waitForJobs(jobIds(rerun.stdout));
    const merged = path.join(out, 'tiny', 'rerun');
    expect(existsSync(path.join(merged, 'manifest.json')), logs(job)).toBe(true);
    expect(outputs(merged)).toEqual(await single);
  });
});
