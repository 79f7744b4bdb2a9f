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
import { prepareRun } from '../experiments/prepare-run.ts';
import { replicationSeed } from '../random/index.ts';
import { EXIT_RUN_FAILED } from './exit.ts';
import { keyMetrics } from './key-metrics.ts';
import { isQuiet, note } from './output.ts';
import type { RunExtras } from './run-extras.ts';
import { interruptExitCode, listenForInterrupts, type InterruptSignal } from './interrupt.ts';
import { outputAnalysisJson, outputAnalysisLines, type OutputAnalysisJson } from './run-summary.ts';
import { describePrecision } from '../experiments/output-analysis/precision-spec.ts';

/** A run started from a command line. */
export interface CommandLineRun {
  readonly experiment: Experiment;
  /** The experiment file as typed, e.g. experiments/caspian-capacity.ts. */
  readonly experimentFile: string;
  readonly options: RunOptions;
  readonly commandLine: readonly string[];
  /** How to start this experiment again, e.g. `corridor-sim run experiments/x.ts` (with any --set, --scenarios, --horizon-days). */
  readonly invocation: string;
  /** --dry-run and --json (the experiment already has --set, --scenarios and --horizon-days applied). */
  readonly extras?: Pick<RunExtras, 'dryRun' | 'json'>;
}

/** Run, report, and return the exit code. Bad input throws (ExperimentError, ModelErrors). */
export async function executeRun(input: CommandLineRun): Promise<number> {
  if (input.extras?.dryRun === true) return dryRun(input);
  let resumeHint = '';
  const interruption = listenForInterrupts(() => resumeHint);
  let run: ExperimentRun;
  try {
    run = await runExperiment(input.experiment, {
      ...input.options,
      signal: interruption.signal,
      experimentFile: input.experimentFile,
      commandLine: input.commandLine,
      ...(isQuiet() || input.extras?.json === true ? { progress: false } : {}),
      onStart(start) {
        const where = start.runDir ?? 'memory';
        const resumed = start.toRun < start.total ? ` (${start.total - start.toRun} already journaled)` : '';
        note(`${input.experiment.name}: ${start.toRun} of ${start.total} replications to run${resumed} on ${start.workers} worker${start.workers === 1 ? '' : 's'} -> ${where}`);
        const precision = input.experiment.precision;
        if (precision !== undefined) note(`  that is the first batch; then more until ${describePrecision(precision)}`);
        // Known only now: before validation passed there is no run folder to continue.
        if (start.runDir !== null) resumeHint = ` Continue with: ${input.invocation} --resume ${start.runDir}`;
      },
    });
  } finally {
    interruption.dispose();
  }
  const code = report(run, input, interruption.received());
  if (input.extras?.json === true) process.stdout.write(`${JSON.stringify(jsonSummary(run), null, 2)}\n`);
  return code;
}

/** `--json`: what a script needs to go on from a run, on stdout (with the output analysis: warm-up, precision, batch means). */
export interface RunJson extends OutputAnalysisJson {
  readonly runDir: string | null;
  readonly status: ExperimentRun['status'];
  readonly experiment: string;
  readonly scenarios: readonly string[];
  readonly baseline: string;
  readonly seed: string | number;
  readonly horizonDays: number;
  readonly failures: number;
  /** The report's key metrics per scenario: mean and Student-t 95% CI over the replications (null with 1 replication: see batchMeans). */
  readonly keyMeans: readonly { scenario: string; metric: string; n: number; mean: number | null; ci95Low: number | null; ci95High: number | null }[];
}

/** The --json summary of a run. */
export function jsonSummary(run: ExperimentRun): RunJson {
  const { experiment } = run;
  const metrics = [...new Set(run.summary.map((s) => s.metric))];
  const wait = (metric: string): number | null => run.summary.find((s) => s.scenario === experiment.baseline && s.metric === metric)?.mean ?? null;
  const key = new Set(keyMetrics(metrics, wait));
  return {
    runDir: run.runDir,
    status: run.status,
    experiment: experiment.name,
    scenarios: experiment.scenarios.map((s) => s.id),
    baseline: experiment.baseline,
    seed: experiment.seed,
    horizonDays: experiment.horizonHours / 24,
    ...outputAnalysisJson(run),
    failures: run.failures.length,
    keyMeans: run.summary.filter((s) => key.has(s.metric)).map((s) => ({ scenario: s.scenario, metric: s.metric, n: s.n, mean: s.mean, ci95Low: s.ci95Low, ci95High: s.ci95High })),
  };
}

/** `--dry-run`: validate, then print what would run; nothing runs and nothing is written. */
function dryRun(input: CommandLineRun): number {
  const plan = prepareRun(input.experiment, input.options);
  const e = plan.experiment;
  const replications = [...new Set(plan.tasks.map((t) => t.replication))].sort((a, b) => a - b);
  const seeds = replications.map((r) => ({ replication: r, seed: replicationSeed(e.seed, r) }));
  if (input.extras?.json === true) {
    const json = {
      dryRun: true, experiment: e.name, runDir: plan.runDir, resume: plan.resuming, baseline: e.baseline,
      scenarios: e.scenarios, replications: e.replications, toRun: plan.tasks.length, total: plan.total, workers: plan.workers,
      masterSeed: e.seed, seeds, warmupDays: e.autoWarmup === null ? 'auto' : e.warmupHours / 24, horizonDays: e.horizonHours / 24,
      precision: e.precision ?? null,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `${e.name} (${input.experimentFile}): ${e.scenarios.length} scenarios x ${e.replications} replications = ${plan.total} replications${plan.shard !== null ? ` in shard ${shardText(plan.shard)}` : ''}; ${plan.tasks.length} to run on ${plan.workers} worker${plan.workers === 1 ? '' : 's'}`,
    'scenarios:',
    ...e.scenarios.map((s) => {
      const parts = [s.model, ...s.overlays.map((o) => `+ ${o}`), ...Object.entries(s.set).map(([k, v]) => `${k}=${JSON.stringify(v)}`), ...s.remove.map((r) => `-${r}`)];
      return `  ${s.id}${s.id === e.baseline ? ' (baseline)' : ''}: ${parts.join(' ')}`;
    }),
    `seeds: master ${String(e.seed)}; replication r runs with replicationSeed(seed, r) in every scenario: ${seeds.slice(0, 5).map((s) => `${s.replication}: ${s.seed}`).join(', ')}${seeds.length > 5 ? `, ... (${seeds.length} in all)` : ''}`,
    e.autoWarmup === null
      ? `time: warm-up chosen by MSER (auto) from a pilot of ${(2 * e.horizonHours) / 24} days per replication, then ${e.horizonHours / 24} days measured per replication`
      : `time: ${e.warmupHours / 24} days warm-up + ${e.horizonHours / 24} days measured per replication`,
    ...(e.precision !== undefined ? [`precision: the ${e.replications} replications are the first batch; then more until ${describePrecision(e.precision)}`] : []),
    `output folder: ${plan.runDir ?? '(none: in memory)'}${plan.resuming ? ' (resumed)' : ' (not created)'}`,
    'dry run: nothing was run or written',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
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
  // --json prints the summary instead (stdout holds only JSON); --quiet keeps stdout for answers.
  if (input.extras?.json === true || isQuiet()) return 0;
  if (run.shard !== null) {
    console.log(`shard ${shardText(run.shard)} complete: ${run.records.length} replications journaled in ${dir}`);
    console.log(`when all ${run.shard.count} shards are complete, combine them with: corridor-sim merge <the ${run.shard.count} shard folders>`);
    return 0;
  }
  const files = run.manifest?.outputs.map((o) => `${o.file} (${o.rows} rows)`).join(', ') ?? '';
  console.log(`${run.experiment.name}: ${run.records.length} replications (${run.ranNow} run now) of ${run.experiment.scenarios.length} scenarios`);
  console.log(`wrote ${dir}: ${files}, manifest.json`);
  for (const line of outputAnalysisLines(run)) console.log(line);
  return 0;
}
