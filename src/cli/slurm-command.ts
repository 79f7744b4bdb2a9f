/**
 * `corridor-sim slurm <experiment.ts> --shards N`: write (and with --submit, submit) a Slurm job
 * array whose task i runs shard i of N, and a merge job that waits for it (see src/cluster).
 */
import type { Command } from 'commander';
import path from 'node:path';
import { planJob, type JobPlan } from '../cluster/job-plan.ts';
import { findOnPath, submitJob } from '../cluster/sbatch.ts';
import { parseSlurmOptions, type RawSlurmOptions } from '../cluster/slurm-options.ts';
import { writeJob } from '../cluster/write-job.ts';
import { loadExperimentFile } from '../experiments/load-experiment-file.ts';
import { shellQuote, slurmShardRunId } from '../experiments/slurm-job-folder.ts';
import { UsageError, withExitCodes } from './exit.ts';

// No default list: commander would print it as (default: []) in the help.
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** This project's CLI entry point, which the jobs run (the nodes must see the same path). */
const CLI = path.resolve(import.meta.dirname, '..', '..', 'bin', 'corridor-sim.mjs');

/** Add the `slurm` subcommand to `program`. */
export function registerSlurm(program: Command): void {
  program
    .command('slurm')
    .description('write (and with --submit, submit) a Slurm job array running shard i of N per task, and a merge job after it')
    .argument('<experiment>', 'experiment file, e.g. experiments/caspian-capacity.ts')
    .option('--shards <n>', 'array tasks; task i runs shard i of n (at most the replications per scenario)')
    .option('--partition <name>', 'Slurm partition (default: the cluster\'s default)')
    .option('--time <limit>', 'time limit per task: minutes, h:mm:ss or days-hours (default: the partition\'s)')
    .option('--cpus-per-task <n>', 'CPUs per task, used as worker threads (default 1)')
    .option('--job-name <name>', 'Slurm job name (default: the experiment name; the merge adds -merge)')
    .option('--sbatch-option <opt>', 'extra #SBATCH line for both jobs, repeatable, e.g. --sbatch-option=--account=abc', collect)
    .option('--setup <command>', 'shell line run before node in both jobs, repeatable, e.g. --setup "module load nodejs/20"', collect)
    .option('--replications <n>', "replications per scenario (default: the experiment's)")
    .option('--seed <seed>', "master seed (default: the experiment's)")
    .option('--out <dir>', 'results root (default results): shards, merged run and job folder go to <dir>/<experiment>/')
    .option('--run-id <id>', 'the merged run folder\'s name; shards get <id>-shard<i>of<n>, the job folder <id>-slurm (default: UTC time)')
    .option('--submit', 'submit the job with sbatch (else print how to)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim slurm experiments/caspian-capacity.ts --shards 4 --partition debug --time 30 --cpus-per-task 4 --submit',
        '  bash results/caspian-capacity/<run id>-slurm/submit.sh       # submit a written job',
        '  bash results/caspian-capacity/<run id>-slurm/submit.sh 3     # re-run shard 3, then merge again',
        'Exit codes: 0 written (and submitted), 1 submission failed, 2 bad input or no sbatch (nothing is written).',
      ].join('\n'),
    )
    .action((file: string, raw: RawSlurmOptions) =>
      withExitCodes(async () => {
        const options = parseSlurmOptions(raw);
        const experiment = await loadExperimentFile(file);
        const plan = planJob(experiment, file, options, { workDir: process.cwd(), cli: CLI, nodeDir: path.dirname(process.execPath) });
        const sbatch = options.submit ? findOnPath('sbatch') : null;
        if (options.submit && sbatch === null) {
          throw new UsageError('option --submit: sbatch not found on PATH; run this on the cluster\'s login node, or leave out --submit and copy the job folder there');
        }
        const job = writeJob(plan);
        printJob(plan);
        if (sbatch === null) {
          console.log(`submit with: bash ${shellQuote(job.submit)}`);
          return 0;
        }
        const submitted = submitJob(plan, job, sbatch);
        if (!submitted.ok) {
          process.stderr.write(`corridor-sim: submission failed: ${submitted.message}\n`);
          return 1;
        }
        const ids = `${submitted.arrayId},${submitted.mergeId}`;
        console.log(`submitted array job ${submitted.arrayId} (shards 1-${plan.shards} of ${plan.shards}) and merge job ${submitted.mergeId} (after every shard succeeded)`);
        console.log(`monitor: squeue -j ${ids}    afterwards: sacct -j ${ids}    logs: ${job.logs}/`);
        return 0;
      }),
    );
}

/** What was written, for the researcher. */
function printJob(plan: JobPlan): void {
  const { experiment, shards } = plan;
  const perShard = Math.ceil(experiment.replications / shards);
  console.log(
    `${experiment.name}: ${experiment.scenarios.length} scenarios x ${experiment.replications} replications in ${shards} shards ` +
      `(up to ${perShard} replication${perShard === 1 ? '' : 's'} x ${experiment.scenarios.length} scenarios per task); job folder ${plan.jobDir}/`,
  );
  console.log(`  array.sbatch  task i runs shard i of ${shards} into ${path.join(plan.experimentDir, slurmShardRunId(plan.runId, '<i>', shards))}/`);
  console.log(`  merge.sbatch  merges them into ${plan.mergedDir}/`);
  console.log('  submit.sh     submits both; the merge waits for the array (--dependency=afterok)');
}
