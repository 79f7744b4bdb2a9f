/**
 * Writing a planned job to its folder: the three scripts and the logs folder (Slurm does not
 * create the folder of an --output file; a job whose log folder is missing fails silently).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { SLURM_FILES } from '../experiments/slurm-job-folder.ts';
import type { JobPlan } from './job-plan.ts';
import { arrayScript, mergeScript, submitScript } from './job-scripts.ts';

/** The files of a written job. */
export interface WrittenJob {
  readonly array: string;
  readonly merge: string;
  readonly submit: string;
  readonly logs: string;
}

/** Create the job folder (it must not exist: planJob checked) and write the scripts. */
export function writeJob(plan: JobPlan): WrittenJob {
  mkdirSync(plan.experimentDir, { recursive: true });
  mkdirSync(plan.jobDir);
  const logs = path.join(plan.jobDir, SLURM_FILES.logs);
  mkdirSync(logs);
  const files = {
    array: path.join(plan.jobDir, SLURM_FILES.array),
    merge: path.join(plan.jobDir, SLURM_FILES.merge),
    submit: path.join(plan.jobDir, SLURM_FILES.submit),
  };
  writeFileAtomic(files.array, arrayScript(plan));
  writeFileAtomic(files.merge, mergeScript(plan));
  writeFileAtomic(files.submit, submitScript(plan));
  for (const file of Object.values(files)) chmodSync(file, 0o755);
  return { ...files, logs };
}
