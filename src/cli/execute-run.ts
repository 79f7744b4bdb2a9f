/**
 * Running an experiment from a command line (`corridor-sim run` and `npx tsx <file>`): Ctrl-C
 * handling, progress, and what to tell the researcher at the end, including the command that
 * continues an interrupted or failed run. Returns the exit code: 0 complete, 1 some replications
 * failed, 130 interrupted.
 */
import { ModelErrors } from '../corridor/model-error.ts';
import type { Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';
import type { RunOptions } from './prepare-run.ts';
import { runExperiment, type ExperimentRun } from './run-experiment.ts';
import { shardText } from './shard.ts';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** A run started from a command line. */
export interface CommandLineRun {
  readonly experiment: Experiment;
  /** The experiment file as typed, e.g. experiments/caspian-capacity.ts. */
  readonly experimentFile: string;
  readonly options: RunOptions;
  readonly commandLine: readonly string[];
  /** How to start this experiment again, e.g. `corridor-sim run experiments/x.ts`. */
  readonly invocation: string;
}

/** Run, report, and return the exit code. Bad input throws (ExperimentError, ModelErrors). */
export async function executeRun(input: CommandLineRun): Promise<number> {
  const controller = new AbortController();
  let resumeHint = '';
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`\nstopped at once.${resumeHint}\n`);
      process.exit(EXIT_INTERRUPTED);
    }
    process.stderr.write('\nstopping: no new replications; running ones finish and are journaled (Ctrl-C again to stop at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let run: ExperimentRun;
  try {
    run = await runExperiment(input.experiment, {
      ...input.options,
      signal: controller.signal,
      experimentFile: input.experimentFile,
      commandLine: input.commandLine,
      onStart(start) {
        const where = start.runDir ?? 'memory';
        const resumed = start.toRun < start.total ? ` (${start.total - start.toRun} already journaled)` : '';
        process.stderr.write(`${input.experiment.name}: ${start.toRun} of ${start.total} replications to run${resumed} on ${start.workers} worker${start.workers === 1 ? '' : 's'} -> ${where}\n`);
        // Known only now: before validation passed there is no run folder to continue.
        if (start.runDir !== null) resumeHint = ` Continue with: ${input.invocation} --resume ${start.runDir}`;
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return report(run, input);
}

function report(run: ExperimentRun, input: CommandLineRun): number {
  const dir = run.runDir ?? '';
  const resume = `${input.invocation} --resume ${dir}`;
  const err = (text: string): boolean => process.stderr.write(`${text}\n`);
  if (run.status === 'interrupted') {
    err(`interrupted: ${run.records.length} of ${run.total} replications are journaled in ${dir}`);
    err(`continue with: ${resume}`);
    return EXIT_INTERRUPTED;
  }
  if (run.status === 'failed') {
    // The seed the run used, if not the file's (--seed, now or when the resumed run started).
    const seed = String(run.experiment.seed);
    const seedOption = seed !== String(input.experiment.seed) ? ` --seed ${seed}` : '';
    err(`${run.failures.length} of ${run.ranNow + run.failures.length} replications failed:`);
    for (const f of run.failures.slice(0, 20)) err(`  scenario ${f.scenario}, replication ${f.replication}, seed ${f.seed}: ${f.message}`);
    if (run.failures.length > 20) err(`  ... and ${run.failures.length - 20} more (all listed in ${dir}/failures.json)`);
    const first = run.failures[0];
    if (first !== undefined) {
      err(`re-run one alone with its event trace: corridor-sim trace ${input.experimentFile} --scenario ${first.scenario} --replication ${first.replication}${seedOption} --events trace.txt`);
    }
    err(`the other replications are journaled in ${dir}; after a fix, run the missing ones with: ${resume}`);
    return 1;
  }
  if (run.shard !== null) {
    console.log(`shard ${shardText(run.shard)} complete: ${run.records.length} replications journaled in ${dir}`);
    console.log(`when all ${run.shard.count} shards are complete, combine them with: corridor-sim merge <the ${run.shard.count} shard folders>`);
    return 0;
  }
  const files = run.manifest?.outputs.map((o) => `${o.file} (${o.rows} rows)`).join(', ') ?? '';
  console.log(`${run.experiment.name}: ${run.records.length} replications (${run.ranNow} run now) of ${run.experiment.scenarios.length} scenarios`);
  console.log(`wrote ${dir}: ${files}, manifest.json`);
  return 0;
}

/** Run `action`; report bad input (exit 2) and crashes (exit 1) as the CLI does. */
export async function runGuarded(action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ExperimentError || error instanceof ModelErrors) {
      process.stderr.write(`corridor-sim: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`corridor-sim: run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
