/**
 * Planning a Slurm job for an experiment: validate the experiment and options exactly as
 * `corridor-sim run --shard` would (so a job cannot fail on bad input after queueing for hours),
 * then fix every absolute path the scripts need. Nothing is written here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Experiment } from '../experiments/define-experiment.ts';
import { ExperimentError } from '../experiments/experiment-error.ts';
import { checkOutputFolder, pathInside } from '../output/output-paths.ts';
import { prepareRun } from '../experiments/prepare-run.ts';
import { RUN_ID_PATTERN, timestampRunId } from '../experiments/run-dir.ts';
import { parseSeed } from '../experiments/run-options.ts';
import { slurmJobFolderName, slurmShardRunId } from '../experiments/slurm-job-folder.ts';
import type { SlurmOptions } from './slurm-options.ts';

/** Where things are on the submitting machine (the compute nodes must see the same paths). */
export interface JobEnvironment {
  /** The folder the job runs in: model paths in experiments are relative to it. */
  readonly workDir: string;
  /** This project's `bin/corridor-sim.mjs`. */
  readonly cli: string;
  /** The folder of the node binary that generated the job, put first on the job's PATH. */
  readonly nodeDir: string;
}

/** Everything the scripts need, with absolute paths. */
export interface JobPlan {
  readonly experiment: Experiment;
  readonly experimentFile: string;
  readonly shards: number;
  readonly runId: string;
  readonly resultsRoot: string;
  /** `<results root>/<experiment>`: the shard folders, the merged run and the job folder. */
  readonly experimentDir: string;
  readonly jobDir: string;
  readonly shardDirs: readonly string[];
  readonly mergedDir: string;
  readonly jobName: string;
  readonly options: SlurmOptions;
  readonly env: JobEnvironment;
}

/** The folders a job with this run id would create. */
function jobFolders(experimentDir: string, runId: string, shards: number): string[] {
  const shardIds = Array.from({ length: shards }, (_, i) => slurmShardRunId(runId, i + 1, shards));
  return [runId, slurmJobFolderName(runId), ...shardIds].map((id) => pathInside(experimentDir, [id], 'option --run-id'));
}

/** Validate `experiment` with `options` and plan the job. @throws ExperimentError (bad input) */
export function planJob(input: Experiment, experimentFile: string, options: SlurmOptions, env: JobEnvironment): JobPlan {
  // Checked first: the job folder is written here (the shards and the merge later, on the nodes).
  const resultsRoot = path.resolve(env.workDir, options.out);
  const experimentDir = pathInside(resultsRoot, [input.name], 'option --out');
  checkOutputFolder(experimentDir, 'option --out');
  const prepared = prepareRun(input, {
    ...(options.replications !== null ? { replications: Number(options.replications) } : {}),
    ...(options.seed !== null ? { seed: parseSeed(options.seed) } : {}),
    shard: { index: 1, count: options.shards },
  });
  const { experiment } = prepared;
  if (options.shards > experiment.replications) {
    throw new ExperimentError(
      `option --shards: got ${options.shards}, but the experiment has ${experiment.replications} replications per scenario, so some shards would run nothing; use at most ${experiment.replications}`,
    );
  }
  const taken = (id: string): string | undefined => jobFolders(experimentDir, id, options.shards).find((dir) => existsSync(dir));

  let runId: string;
  if (options.runId !== null) {
    runId = options.runId;
    const longest = slurmShardRunId(runId, options.shards, options.shards);
    if (!RUN_ID_PATTERN.test(runId) || !RUN_ID_PATTERN.test(longest)) {
      throw new ExperimentError(`option --run-id: got "${runId}", expected letters, digits and . _ - (first a letter or digit), short enough for "${longest}"`);
    }
    const clash = taken(runId);
    if (clash !== undefined) throw new ExperimentError(`option --run-id: ${clash} already exists; choose another id`);
  } else {
    const stamp = timestampRunId(new Date(), null);
    runId = stamp;
    for (let n = 2; taken(runId) !== undefined; n++) runId = `${stamp}-${n}`;
  }
  const [mergedDir, jobDir, ...shardDirs] = jobFolders(experimentDir, runId, options.shards) as [string, string, ...string[]];
  // sbatch reads #SBATCH values in double quotes without escapes, so the log folder cannot hold these.
  if (/["\\\r\n]/.test(jobDir)) throw new ExperimentError(`option --out: ${jobDir} contains a double quote, backslash or line break, which an #SBATCH line cannot hold; choose another folder`);
  return {
    experiment,
    experimentFile: path.resolve(env.workDir, experimentFile),
    shards: options.shards,
    runId,
    resultsRoot,
    experimentDir,
    jobDir,
    shardDirs,
    mergedDir,
    jobName: options.jobName ?? experiment.name,
    options,
    env,
  };
}
