/**
 * `runExperiment`: the programmatic API behind `corridor-sim run`. It validates, runs the missing
 * replications on worker threads, journals each as it finishes (when writing files), and returns
 * the results in memory: records, summary and comparison. Without `out` or `resume` nothing is
 * written, so a caller can run experiments in a loop (e.g. a route-choice equilibrium).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { removeStaleTemporaries, writeFileAtomic } from '../output/atomic-write.ts';
import { silentProgress, startProgress } from '../output/progress.ts';
import { compare, orderRecords, summarize, type ComparisonRow, type SummaryRow } from './assemble.ts';
import type { Experiment } from './define-experiment.ts';
import type { ModelHash } from './fingerprint.ts';
import { JournalWriter, repairJournal, type ReplicationRecord } from './journal.ts';
import { runTexts, writeOutputs, type Manifest, type StudyRecord } from './outputs.ts';
import { pendingTasks, prepareRun, recordKey, workerCount, type PreparedRun, type RunOptions } from './prepare-run.ts';
import { createRunDir, readRunInfo, RUN_FILES, writeRunInfo, type RunInfo } from './run-dir.ts';
import { copyInputs, inputFiles, type InputCopy } from './run-inputs.ts';
import type { Shard } from './shard.ts';
import { runTaskPool } from './task-pool.ts';
import { WorkerGroup } from './worker-group.ts';
import { resolveAutoWarmup } from './output-analysis/auto-warmup.ts';
import { precisionStep, type PrecisionOutcome } from './output-analysis/precision-run.ts';
import type { Task } from './worker-protocol.ts';

export type { RunOptions } from './prepare-run.ts';

/** A replication that threw: where and with which seed, to re-run it alone with `corridor-sim trace`. */
export interface ReplicationFailure {
  readonly scenario: string;
  readonly replication: number;
  readonly seed: number;
  readonly message: string;
}

/** The outcome of `runExperiment`. */
export interface ExperimentRun {
  /** The experiment as run (with --replications / --seed applied). */
  readonly experiment: Experiment;
  /** complete: every replication of the run (or shard) is done; failed: some threw; interrupted: stopped by the signal. */
  readonly status: 'complete' | 'failed' | 'interrupted';
  readonly shard: Shard | null;
  readonly fingerprint: string;
  /** The model and overlay files read, with their SHA-256. */
  readonly models: readonly ModelHash[];
  /** The run folder, or null for an in-memory run. */
  readonly runDir: string | null;
  /** Finished replications (journaled earlier and new), in canonical order. */
  readonly records: readonly ReplicationRecord[];
  /** Per scenario and metric; empty unless complete. */
  readonly summary: readonly SummaryRow[];
  /** Each scenario against the baseline; empty unless complete. */
  readonly comparison: readonly ComparisonRow[];
  readonly failures: readonly ReplicationFailure[];
  /** Replications in the run (or shard; with a precision target, up to the last batch), and how many ran in this call. */
  readonly total: number;
  readonly ranNow: number;
  /** The manifest written, if any. */
  readonly manifest: Manifest | null;
  /** With a precision target: the replications reached, the final half-widths and whether they met it; else null. */
  readonly precision: PrecisionOutcome | null;
  /**
   * The CSV files written to the run folder, by name, as written (empty for an in-memory run or
   * a shard): for whoever reads them next in this process (the study's report), instead of
   * reading tens of megabytes back from disk.
   */
  readonly written: ReadonlyMap<string, string>;
}

/** Run `experiment`. Rejects with ExperimentError on bad input (before anything is written). */
export async function runExperiment(input: Experiment, options: RunOptions = {}): Promise<ExperimentRun> {
  // Output analysis before the run (src/experiments/output-analysis): the pilot of warmup 'auto'.
  const experiment = await resolveAutoWarmup(input, options);
  const plan = prepareRun(experiment, options);
  const opened = plan.runDir === null ? null : openRunDir(plan, options);
  const journal = opened?.journal ?? null;
  options.onStart?.({ runDir: plan.runDir, total: plan.total, toRun: plan.tasks.length, workers: plan.workers });
  const records = new Map(plan.done);
  const failures: ReplicationFailure[] = [];
  let interrupted = false;
  let ranNow = 0;
  let total = plan.total;
  /** Run `tasks` on the pool, journaling each result; false if the batch failed or was interrupted. */
  const runBatch = async (tasks: readonly Task[]): Promise<boolean> => {
    const progress = options.progress === true
      ? startProgress({ total, done: total - tasks.length, unit: 'replications', label: plan.experiment.name })
      : silentProgress;
    try {
      const outcome = await runTaskPool({
        init: { scenarios: plan.experiment.scenarios, warmupHours: plan.experiment.warmupHours, horizonHours: plan.experiment.horizonHours, metrics: plan.experiment.metrics },
        tasks,
        workers: workerCount(options.workers, tasks.length),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(group !== undefined ? { group } : {}),
        onResult(task, metrics, series) {
          const scenario = plan.experiment.scenarios[task.scenarioIndex]?.id ?? '';
          const record: ReplicationRecord = { scenario, replication: task.replication, seed: task.seed, metrics, series };
          journal?.append(record);
          records.set(recordKey(scenario, task.replication), record);
          ranNow++;
          progress.tick();
        },
        onFailure(task, message) {
          failures.push({ scenario: plan.experiment.scenarios[task.scenarioIndex]?.id ?? '', replication: task.replication, seed: task.seed, message });
          progress.tick(true);
        },
      });
      interrupted = outcome.interrupted;
    } finally {
      progress.stop();
    }
    return !interrupted && failures.length === 0;
  };

  let precision: PrecisionOutcome | null = null;
  // A precision run's batches share their workers (one start-up, warm models' code); a caller's
  // group (an equilibrium's rounds) is the caller's to close.
  const ownGroup = options.workerGroup === undefined && plan.experiment.precision !== undefined ? new WorkerGroup() : undefined;
  const group = options.workerGroup ?? ownGroup;
  try {
    let ok = plan.tasks.length === 0 || (await runBatch(plan.tasks));
    // Replications to a precision: more batches until the targets are met (precision-run.ts).
    const spec = plan.experiment.precision;
    if (spec !== undefined) {
      const steps = [plan.experiment.replications];
      while (ok) {
        const step = precisionStep(plan.experiment, spec, orderRecords(plan.experiment, records.values()), steps);
        precision = step.outcome;
        if (step.additional === 0) break;
        const from = steps[steps.length - 1] ?? 0;
        steps.push(from + step.additional);
        const tasks = pendingTasks(plan.experiment, Array.from({ length: step.additional }, (_, i) => from + i), records);
        total = (from + step.additional) * plan.experiment.scenarios.length;
        ok = tasks.length === 0 || (await runBatch(tasks));
      }
    }
  } finally {
    journal?.close();
    await ownGroup?.close();
  }

  // A precision run keeps the replications its decisions reached (a journal cannot hold more, but be sure).
  const kept = precision === null ? [...records.values()] : [...records.values()].filter((r) => r.replication < (precision?.replications ?? 0));
  const ordered = orderRecords(plan.experiment, kept);
  const order = new Map(plan.experiment.scenarios.map((s, i) => [s.id, i]));
  failures.sort((a, b) => (order.get(a.scenario) ?? 0) - (order.get(b.scenario) ?? 0) || a.replication - b.replication);
  if (plan.runDir !== null) writeFailures(plan.runDir, failures);
  const status = interrupted ? 'interrupted' : failures.length > 0 ? 'failed' : 'complete';
  const base = { experiment: plan.experiment, shard: plan.shard, fingerprint: plan.fingerprint, models: plan.models, runDir: plan.runDir, records: ordered, failures, total, ranNow };
  if (status !== 'complete') return { ...base, status, summary: [], comparison: [], manifest: null, precision: null, written: new Map() };

  const summary = summarize(plan.experiment, ordered);
  const comparison = compare(plan.experiment, ordered);
  let manifest: Manifest | null = null;
  let written: ReadonlyMap<string, string> = new Map();
  // An in-memory run writes no files, so it formats no CSV texts (about 0.3 s of main-thread
  // time for a few scenarios, while the workers wait).
  if (plan.runDir !== null) {
    const texts = plan.shard === null ? runTexts(plan.experiment, ordered, summary, comparison) : [];
    // The files kept whole, for the report to read from memory; it reads streamed ones from disk.
    written = new Map(texts.flatMap((t) => ('text' in t ? [[t.file, t.text] as const] : [])));
    // run.json was written before the first batch; it gets the outcome too, so a folder says how far it got.
    if (precision !== null) writeRunInfo(plan.runDir, { ...readRunInfo(plan.runDir), precision });
    manifest = writeOutputs(plan.runDir, texts, {
      kind: plan.shard === null ? 'run' : 'shard',
      commandLine: options.commandLine ?? [],
      experimentFile: options.experimentFile ?? null,
      runId: plan.runId ?? path.basename(plan.runDir),
      experiment: plan.experiment,
      fingerprint: plan.fingerprint,
      models: plan.models,
      shard: plan.shard,
      mergedFrom: null,
      replicationsDone: ordered.length,
      ...(opened?.inputs !== undefined ? { inputs: opened.inputs } : {}),
      ...(opened?.study !== undefined ? { study: opened.study } : {}),
      ...(precision !== null ? { precision } : {}),
    });
  }
  return { ...base, status, summary, comparison, manifest, precision, written };
}


/**
 * Create (or reopen, for --resume) the run folder and its journal. A new folder gets copies of
 * the input files (run-inputs.ts); a resumed one keeps those it got when it was created.
 */
function openRunDir(plan: PreparedRun, options: RunOptions): { journal: JournalWriter; inputs: readonly InputCopy[] | undefined; study: StudyRecord | undefined } {
  const dir = plan.runDir as string;
  let inputs: readonly InputCopy[] | undefined;
  let study: StudyRecord | undefined = options.study;
  if (plan.resuming) {
    if (plan.journal !== null) repairJournal(path.join(dir, RUN_FILES.journal), plan.journal);
    removeStaleTemporaries(dir);
    const info = readRunInfo(dir);
    inputs = info.inputs;
    study = info.study ?? study;
  } else {
    // The folder first (it must not exist yet), then the copies, then run.json listing them.
    createRunDir(dir, null);
    inputs = copyInputs(dir, inputFiles(plan.experiment, options.extraInputs));
    const info: RunInfo = {
      format: 'corridor-sim-run/1',
      runId: plan.runId ?? path.basename(dir),
      experimentFile: options.experimentFile ?? null,
      experiment: plan.experiment,
      models: plan.models,
      fingerprint: plan.fingerprint,
      shard: plan.shard,
      createdAt: new Date().toISOString(),
      inputs,
      ...(study !== undefined ? { study } : {}),
    };
    writeRunInfo(dir, info);
  }
  return { journal: new JournalWriter(path.join(dir, RUN_FILES.journal)), inputs, study };
}

/** failures.json lists this session's failures; a clean session removes an old one. */
function writeFailures(dir: string, failures: readonly ReplicationFailure[]): void {
  const file = path.join(dir, RUN_FILES.failures);
  if (failures.length > 0) writeFileAtomic(file, `${JSON.stringify(failures, null, 2)}\n`);
  else if (existsSync(file)) rmSync(file);
}
