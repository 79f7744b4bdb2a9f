/**
 * Running an experiment from a command line (`corridor-sim run` and `npx tsx <file>`): signal
 * handling, progress, and what to tell the researcher at the end, including the command that
 * continues an interrupted or failed run. Returns the exit code: 0 complete, 1 some replications
 * failed, 130/143 interrupted by SIGINT/SIGTERM (see exit.ts).
 */
import type { Experiment } from '../experiments/define-experiment.ts';
import type { RunOptions } from '../experiments/prepare-run.ts';
import { runExperiment, type ExperimentRun } from '../experiments/run-experiment.ts';
import { shardText } from '../experiments/shard.ts';
import { EXIT_RUN_FAILED } from './exit.ts';
import { interruptExitCode, listenForInterrupts, type InterruptSignal } from './interrupt.ts';

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
  let resumeHint = '';
  const interruption = listenForInterrupts(() => resumeHint);
  let run: ExperimentRun;
  try {
    run = await runExperiment(input.experiment, {
      ...input.options,
      signal: interruption.signal,
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
    interruption.dispose();
  }
  return report(run, input, interruption.received());
}

function report(run: ExperimentRun, input: CommandLineRun, signal: InterruptSignal | null): number {
  const dir = run.runDir ?? '';
  const resume = `${input.invocation} --resume ${dir}`;
  const err = (text: string): boolean => process.stderr.write(`${text}\n`);
  if (run.status === 'interrupted') {
    const where = run.runDir === null ? 'in memory only (no run folder), so nothing is kept' : `journaled in ${dir}`;
    err(`interrupted${signal !== null ? ` by ${signal}` : ''}: ${run.records.length} of ${run.total} replications are ${where}`);
    if (run.runDir !== null) err(`continue with: ${resume}`);
    return interruptExitCode(signal ?? 'SIGINT');
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
    return EXIT_RUN_FAILED;
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
