/**
 * The layout of a Slurm job written by `corridor-sim slurm` (src/cluster), kept here because
 * `merge` reads it too: when a shard of such a job is missing, merge names the `sbatch` command
 * that re-runs it on the cluster. Layout, beside the run folders of the experiment:
 *
 *     <root>/<experiment>/<run id>-slurm/          array.sbatch, merge.sbatch, submit.sh, logs/
 *     <root>/<experiment>/<run id>-shard<i>of<n>/  shard i's run folder (array task i)
 *     <root>/<experiment>/<run id>/                the merged run
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** File names inside a job folder. */
export const SLURM_FILES = {
  array: 'array.sbatch',
  merge: 'merge.sbatch',
  submit: 'submit.sh',
  logs: 'logs',
} as const;

/** `<run id>-slurm`: the job folder's name. */
export function slurmJobFolderName(runId: string): string {
  return `${runId}-slurm`;
}

/** `<run id>-shard<i>of<n>`: the run id of array task i (the suffix a default shard run id has). */
export function slurmShardRunId(runId: string, index: number | string, count: number): string {
  return `${runId}-shard${index}of${count}`;
}

/**
 * The job folder that produced any of these shard folders, or null if none came from a Slurm
 * job. Recognised by name and by its array script, so folders from plain `run --shard` never
 * match (they have no `-slurm` sibling).
 */
export function findSlurmJobFolder(dirs: readonly string[]): string | null {
  for (const dir of dirs) {
    const match = /^(.+)-shard\d+of\d+$/.exec(path.basename(path.resolve(dir)));
    if (match?.[1] === undefined) continue;
    const job = path.join(path.dirname(path.resolve(dir)), slurmJobFolderName(match[1]));
    if (existsSync(path.join(job, SLURM_FILES.array))) return job;
  }
  return null;
}

/** `text` as one shell word: unchanged if it is plainly safe, else in single quotes. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that re-runs shard `index` of the job in `jobDir` (the task resumes its folder if it has one). */
export function slurmRerunCommand(jobDir: string, index: number): string {
  return `sbatch --array=${index} ${shellQuote(path.join(jobDir, SLURM_FILES.array))}`;
}

/** The command that re-runs these shards and then the merge (which waits for them). */
export function slurmResubmitCommand(jobDir: string, indices: readonly number[]): string {
  return `bash ${shellQuote(path.join(jobDir, SLURM_FILES.submit))} ${indices.join(',')}`;
}
