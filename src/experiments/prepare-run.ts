/**
 * Everything checked before a run touches the disk: the options, every scenario's model (loaded
 * and run for one simulated hour, which also yields the metric names the patterns must match),
 * the model hashes and fingerprint, and for --resume the run folder and its journal. A bad
 * experiment or option therefore fails with exit code 2 and leaves no results folder behind.
 */
import type { WorkerGroup } from './worker-group.ts';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ModelErrors } from '../corridor/model-error.ts';
import { checkOutputFile } from '../output/output-paths.ts';
import type { ReplicationResult } from '../corridor/runtime/result.ts';
import { runReplication } from '../corridor/runtime/run-replication.ts';
import { replicationSeed, type Seed } from '../random/index.ts';
import { withOverrides, type Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';
import { describeDifferences, fingerprint, hashModels, type ModelHash } from './fingerprint.ts';
import { readJournal, type JournalContents, type ReplicationRecord } from './journal.ts';
import { flattenReplication, metricFilter, patternRegExp, unmatchedPatterns } from './metrics.ts';
import { precisionProblems } from './output-analysis/precision-spec.ts';
import type { StudyRecord } from './outputs.ts';
import { checkMaxReplications, checkReplicationLimit } from './replication-limit.ts';
import { newRunDir, readRunInfo, RUN_FILES, timestampRunId } from './run-dir.ts';
import { shardReplications, shardText, type Shard } from './shard.ts';
import { loadScenario, type Task } from './worker-protocol.ts';

/** Options of a run (the CLI's options; all optional for the programmatic API). */
export interface RunOptions {
  /** Replications per scenario, overriding the experiment's. */
  readonly replications?: number;
  /** Master seed, overriding the experiment's. */
  readonly seed?: Seed;
  /** Worker threads (default: one per available core). */
  readonly workers?: number;
  /** Run only this shard of the replications. */
  readonly shard?: Shard;
  /** Results root: files go to <out>/<experiment>/<run id>/. Without out or resume nothing is written. */
  readonly out?: string;
  /** Run id (default: a UTC timestamp such as 20261122T134500Z). */
  readonly runId?: string;
  /** Continue this run folder: run only the replications its journal lacks. */
  readonly resume?: string;
  /** The experiment file, recorded in run.json and the manifest (for resume and reproduce). */
  readonly experimentFile?: string;
  /** The command line, recorded in the manifest. */
  readonly commandLine?: readonly string[];
  /** For a study's final runs: the study and its options, recorded in run.json and the manifest (reproduce re-runs the study). */
  readonly study?: StudyRecord;
  /** Input files besides the scenarios' models and overlays (a study's trade file), copied into the run folder too. */
  readonly extraInputs?: readonly string[];
  /** Progress on stderr (default false). */
  readonly progress?: boolean;
  /** Abort to stop the run: worker threads are terminated, finished replications stay journaled. */
  readonly signal?: AbortSignal;
  /** The most replications (scenarios x replications per scenario) the run may hold (default DEFAULT_MAX_REPLICATIONS). */
  readonly maxReplications?: number;
  /**
   * Worker threads to reuse and keep for later runs (an equilibrium's rounds): see
   * worker-group.ts. Without it, a run starts its own workers and stops them at the end.
   */
  readonly workerGroup?: WorkerGroup;
  /**
   * Skip loading each scenario in the main thread and running its first hour (metric patterns
   * are then not checked either). Only for programmatic callers whose scenarios differ from an
   * already validated run in values they computed themselves (an equilibrium's later rounds:
   * route shares from the solver); a scenario that fails still fails in its worker, as a
   * replication failure. Default false.
   */
  readonly skipScenarioValidation?: boolean;
  /** Called once validation passed and the run folder exists, before the first replication. */
  readonly onStart?: (start: RunStart) => void;
}

/** What a run is about to do. */
export interface RunStart {
  readonly runDir: string | null;
  /** Replications in the run (or shard), and how many of them still have to run. */
  readonly total: number;
  readonly toRun: number;
  readonly workers: number;
}

/** A validated run, ready to start. */
export interface PreparedRun {
  readonly experiment: Experiment;
  readonly shard: Shard | null;
  readonly workers: number;
  readonly models: readonly ModelHash[];
  readonly fingerprint: string;
  /** The run folder (to create, or to resume), or null for an in-memory run. */
  readonly runDir: string | null;
  readonly runId: string | null;
  readonly resuming: boolean;
  readonly journal: JournalContents | null;
  /** Replications already journaled, by `recordKey`. */
  readonly done: ReadonlyMap<string, ReplicationRecord>;
  /** Replications still to run, in hand-out order (replication-major, so early ones pair up). */
  readonly tasks: readonly Task[];
  /** Replications in this run or shard, done or not. */
  readonly total: number;
}

/** The key of a (scenario, replication) pair. */
export const recordKey = (scenario: string, replication: number): string => `${scenario}#${replication}`;

function positiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new ExperimentError(`option --${name}: got ${String(value)}, expected an integer >= 1`);
}

/** Validate `experiment` and `options` and work out what to run. Writes nothing. @throws ExperimentError */
export function prepareRun(input: Experiment, options: RunOptions): PreparedRun {
  positiveInteger('replications', options.replications);
  positiveInteger('workers', options.workers);
  const maxReplications = checkMaxReplications(options.maxReplications);
  if (options.seed !== undefined && String(options.seed).trim() === '') throw new ExperimentError('option --seed: got "", expected an integer or a word');
  let { replications, seed, shard } = options;
  const resumeDir = options.resume;
  const info = resumeDir === undefined ? null : readRunInfo(resumeDir);
  if (info !== null) {
    if (options.out !== undefined || options.runId !== undefined) throw new ExperimentError('option --resume continues an existing run folder; leave out --out and --run-id');
    // The journal is appended to: a read-only folder must fail now, not after the first replication.
    checkOutputFile(path.join(resumeDir ?? '', RUN_FILES.journal), 'option --resume');
    if (info.experiment.name !== input.name) throw new ExperimentError(`option --resume: ${resumeDir} holds experiment "${info.experiment.name}", not "${input.name}"`);
    const clash = (what: string, given: unknown, stored: unknown): never => {
      throw new ExperimentError(`option --${what}: got ${String(given)}, but ${resumeDir} was started with ${String(stored)}; leave it out to continue that run`);
    };
    if (replications !== undefined && replications !== info.experiment.replications) clash('replications', replications, info.experiment.replications);
    if (seed !== undefined && String(seed) !== String(info.experiment.seed)) clash('seed', seed, info.experiment.seed);
    if (shard !== undefined && (info.shard === null || shardText(shard) !== shardText(info.shard))) clash('shard', shardText(shard), info.shard === null ? 'no shard' : shardText(info.shard));
    replications = info.experiment.replications;
    seed = info.experiment.seed;
    shard = info.shard ?? undefined;
  }
  // A sequential rule decides each batch from all the results so far: it cannot be split.
  if (input.precision !== undefined && shard !== undefined) {
    throw new ExperimentError('option --shard: a run to a precision (--precision, or precision in the experiment) decides its batches from all results so far and cannot be split into shards; run it whole, or give a fixed --replications without a precision');
  }
  // Before anything is built from the count (the task list, the models' first hour); a precision
  // run may grow to its maximum.
  const source = options.replications !== undefined ? 'option --replications' : info !== null ? `${resumeDir ?? ''}/${RUN_FILES.run}` : `experiment "${input.name}"`;
  checkReplicationLimit(input.scenarios.length, input.precision?.maxReplications ?? replications ?? input.replications, maxReplications, input.precision !== undefined ? `${source} (precision maximum)` : source);
  const experiment = withOverrides(input, { ...(replications !== undefined ? { replications } : {}), ...(seed !== undefined ? { seed } : {}) });
  // The output folder before the models' first hour: a bad --out must not wait for a simulation.
  let runDir: string | null = null;
  let runId: string | null = null;
  if (resumeDir !== undefined && info !== null) {
    runDir = resumeDir;
    runId = info.runId;
  } else if (options.out !== undefined) {
    runDir = newRunDir(options.out, experiment.name, options.runId, timestampRunId(new Date(), shard ?? null));
    runId = path.basename(runDir);
  }
  if (options.skipScenarioValidation !== true) validateScenarios(experiment);
  const models = hashModels(experiment);
  const print = fingerprint(experiment, models);
  if (info !== null && info.fingerprint !== print) {
    const differences = describeDifferences({ experiment: info.experiment, models: info.models }, { experiment, models });
    throw new ExperimentError(
      `option --resume: ${resumeDir} was started with a different experiment (${differences.join('; ') || 'definition changed'}); start a new run instead`,
    );
  }

  const indices = shardReplications(experiment.replications, shard ?? null);
  const journal = runDir !== null && info !== null ? readJournal(path.join(runDir, RUN_FILES.journal)) : null;
  const done = new Map<string, ReplicationRecord>();
  // A precision run's journal holds the batches after the first too (output-analysis/precision-run.ts).
  const wanted = new Set(experiment.precision !== undefined ? Array.from({ length: experiment.precision.maxReplications }, (_, i) => i) : indices);
  const ids = new Set(experiment.scenarios.map((s) => s.id));
  for (const record of journal?.records ?? []) {
    const ok = ids.has(record.scenario) && wanted.has(record.replication) && record.seed === replicationSeed(experiment.seed, record.replication);
    if (!ok) throw new ExperimentError(`${runDir ?? ''}/${RUN_FILES.journal}: a line (scenario "${record.scenario}", replication ${record.replication}) does not belong to this run`);
    const key = recordKey(record.scenario, record.replication);
    if (!done.has(key)) done.set(key, record);
  }
  const tasks = pendingTasks(experiment, indices, done);
  const workers = workerCount(options.workers, tasks.length);
  return {
    experiment,
    shard: shard ?? null,
    workers,
    models,
    fingerprint: print,
    runDir,
    runId,
    resuming: info !== null,
    journal,
    done,
    tasks,
    total: indices.length * experiment.scenarios.length,
  };
}

/**
 * Load every scenario's model and run it for one simulated hour: bad models and overrides fail
 * here, as bad input, rather than in every worker; the hour also yields the metric names, so a
 * metric pattern with a typo is caught before the run.
 */
export function validateScenarios(experiment: Experiment): void {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const scenario of experiment.scenarios) {
    const key = JSON.stringify([scenario.model, scenario.overlays, scenario.set, scenario.remove]);
    if (seen.has(key)) continue;
    seen.add(key);
    let result: ReplicationResult;
    try {
      const model = loadScenario(scenario);
      result = runReplication(model, { seed: 0, warmupHours: 0, horizonHours: 1 });
    } catch (error) {
      if (error instanceof ModelErrors || error instanceof ExperimentError) throw new ExperimentError(`scenario "${scenario.id}": ${error.message}`);
      throw new ExperimentError(`scenario "${scenario.id}": the model fails in its first simulated hour: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const m of flattenReplication(result)) names.add(m.metric);
  }
  const unmatched = unmatchedPatterns(experiment.metrics, names);
  if (unmatched.length > 0) {
    throw new ExperimentError(
      `metrics: ${unmatched.map((p) => `"${p}"`).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no metric of this experiment; ` +
        'names look like route.<route>.transit_mean_h, mode.<mode>.feu_per_week, stage.<stage>.utilization, network.backlog_feu (README, "Metrics")',
    );
  }
  if (experiment.precision !== undefined) {
    const kept = [...names].filter(metricFilter(experiment.metrics));
    const problems = precisionProblems(experiment.precision, kept, experiment.replications, (pattern, metric) => patternRegExp(pattern).test(metric));
    if (problems.length > 0) throw new ExperimentError(problems.join('\n'));
  }
  // A sensitivity output is an exact metric name (not a pattern): a typo would give an empty analysis.
  const unknownOutputs = (experiment.sensitivity?.outputs ?? []).filter((o) => !names.has(o));
  if (unknownOutputs.length > 0) {
    throw new ExperimentError(`sensitivity.outputs: ${unknownOutputs.map((o) => `"${o}"`).join(', ')} ${unknownOutputs.length === 1 ? 'is' : 'are'} not a metric of this experiment (README, "Metrics")`);
  }
}

/**
 * The tasks of `replications` not yet in `done` (keyed by `recordKey`), replication-major: every
 * scenario of a replication before the next replication, so a stopped run has whole replications.
 */
export function pendingTasks(experiment: Experiment, replications: Iterable<number>, done: ReadonlyMap<string, unknown>): Task[] {
  const tasks: Task[] = [];
  for (const replication of replications) {
    experiment.scenarios.forEach((s, scenarioIndex) => {
      if (!done.has(recordKey(s.id, replication))) tasks.push({ scenarioIndex, replication, seed: replicationSeed(experiment.seed, replication) });
    });
  }
  return tasks;
}

/** Worker threads for `tasks` tasks: as requested (default one per core), never more than the tasks, at least 1. */
export function workerCount(requested: number | undefined, tasks: number): number {
  return Math.max(1, Math.min(requested ?? availableParallelism(), tasks));
}
