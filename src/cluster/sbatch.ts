/**
 * Submitting a written job with sbatch, from Node, as submit.sh does: the array first, then the
 * merge with `--dependency=afterok:<array id>`. `sbatch --parsable` prints `id` or `id;cluster`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { shellQuote } from '../experiments/slurm-job-folder.ts';
import type { JobPlan } from './job-plan.ts';
import type { WrittenJob } from './write-job.ts';

/** The first executable `name` on `PATH`, or null. */
export function findOnPath(name: string, pathVariable = process.env.PATH ?? ''): string | null {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here; try the next folder
    }
  }
  return null;
}

/** The outcome of a submission: both job ids, or what went wrong (and what was submitted before). */
export type Submission =
  | { readonly ok: true; readonly arrayId: string; readonly mergeId: string }
  | { readonly ok: false; readonly message: string };

function sbatch(sbatchPath: string, args: readonly string[], cwd: string): { id: string } | { error: string } {
  // Generous: a busy controller can take a while to answer, but a hung one must not hang us.
  const result = spawnSync(sbatchPath, ['--parsable', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.error !== undefined) return { error: `sbatch ${args.join(' ')}: ${result.error.message}` };
  const id = result.stdout.trim().split(';')[0] ?? '';
  if (result.status !== 0 || !/^\d+$/.test(id)) {
    const why = result.stderr.trim() || result.stdout.trim() || `exit code ${String(result.status)}`;
    return { error: `sbatch ${args.join(' ')} failed: ${why}` };
  }
  return { id };
}

/** Submit the array and the merge that depends on it. */
export function submitJob(plan: JobPlan, job: WrittenJob, sbatchPath: string): Submission {
  const array = sbatch(sbatchPath, [`--array=1-${plan.shards}`, job.array], plan.env.workDir);
  if ('error' in array) return { ok: false, message: array.error };
  const merge = sbatch(sbatchPath, [`--dependency=afterok:${array.id}`, job.merge], plan.env.workDir);
  if ('error' in merge) {
    return {
      ok: false,
      message: `${merge.error}\nthe array job ${array.id} is submitted; submit the merge once it is accepted: sbatch --dependency=afterok:${array.id} ${shellQuote(job.merge)}`,
    };
  }
  return { ok: true, arrayId: array.id, mergeId: merge.id };
}
