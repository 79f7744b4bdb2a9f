/**
 * `defineExperiment`: an experiment as a validated, frozen, plain-data value. Scenarios are file
 * paths plus overrides (never live objects), so they can be sent to worker threads, written to
 * run.json and hashed into a fingerprint. Durations are converted to hours here, once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Seed } from '../random/index.ts';
import { exitCleanlyOnUncaughtBadInput } from '../cli/exit.ts';
import { ExperimentError } from './experiment-error.ts';
import { describeIssues, experimentSchema, type JsonValue } from './experiment-schema.ts';
import { metricFilter } from './metrics.ts';
import { planScenarioIds, type SensitivityPlan } from './sensitivity/plan.ts';
import type { AutoWarmupChoice } from './output-analysis/auto-warmup.ts';
import { precisionFromInput, type PrecisionInput, type PrecisionSpec } from './output-analysis/precision-spec.ts';

export type { JsonValue } from './experiment-schema.ts';

/** A length of simulated time. */
export type Duration = { readonly days: number } | { readonly hours: number };

/** A scenario as written in an experiment file. Paths: relative to the current folder, or file URLs. */
export interface ScenarioInput {
  /** Unique id: letters, digits and `. _ = + -`; used in CSV rows and `--scenario`. */
  readonly id: string;
  /** Base model file; defaults to the experiment's `model`. */
  readonly model?: string | URL;
  /** Overlay files written against the model, applied in order. */
  readonly overlays?: readonly (string | URL)[];
  /** Overrides, dotted model path -> value, applied after the overlays. */
  readonly set?: Readonly<Record<string, JsonValue>>;
  /** Dotted model paths to delete after the sets. */
  readonly remove?: readonly string[];
}

/** The argument of `defineExperiment`. */
export interface ExperimentInput {
  /** Names the results folder: results/<name>/<run id>/. */
  readonly name: string;
  readonly description?: string;
  /** Default base model of every scenario. */
  readonly model?: string | URL;
  readonly scenarios: readonly ScenarioInput[];
  /** Scenario every other is compared against; default the first. */
  readonly baseline?: string;
  /**
   * Replications per scenario (the CLI's --replications overrides it); with `precision`, the
   * first batch (Law's pilot; at least 2, 10 recommended).
   */
  readonly replications: number;
  /**
   * Simulated time discarded before measurement, in each replication; `'auto'`: chosen by MSER
   * from a pilot run (output-analysis/auto-warmup.ts), at most the horizon.
   */
  readonly warmup: Duration | 'auto';
  /** Simulated time measured after the warm-up (> 0). */
  readonly horizon: Duration;
  /** Master seed: replication i of every scenario runs with replicationSeed(seed, i). */
  readonly seed: Seed;
  /** Metric name patterns to report (`*` within a dotted part, `**` across parts); default all. */
  readonly metrics?: readonly string[];
  /** A sensitivity design's plan (see `defineSensitivity`): sensitivity.csv is written after the run. */
  readonly sensitivity?: SensitivityPlan;
  /**
   * Replications to a precision: add replications in batches until the 95% CI of every named
   * metric in every scenario meets the target, or the maximum (output-analysis/precision-spec.ts).
   */
  readonly precision?: PrecisionInput;
}

/** A validated scenario: every field present, paths relative to the current folder with `/`. */
export interface Scenario {
  readonly id: string;
  readonly model: string;
  readonly overlays: readonly string[];
  readonly set: Readonly<Record<string, JsonValue>>;
  readonly remove: readonly string[];
}

/** A validated, frozen experiment (plain data). Times in hours. */
export interface Experiment {
  readonly name: string;
  readonly description?: string;
  readonly scenarios: readonly Scenario[];
  readonly baseline: string;
  readonly replications: number;
  readonly warmupHours: number;
  readonly horizonHours: number;
  readonly seed: Seed;
  readonly metrics: readonly string[];
  /** The sensitivity plan, if the experiment is a sensitivity design. */
  readonly sensitivity?: SensitivityPlan;
  /** Replications to a precision (then `replications` is the first batch); absent for a fixed count. */
  readonly precision?: PrecisionSpec;
  /**
   * Only with `warmup: 'auto'`: null until the runner's pilot chose the warm-up, then the choice
   * (and `warmupHours` is the chosen warm-up). Absent for a fixed warm-up.
   */
  readonly autoWarmup?: AutoWarmupChoice | null;
}

const BRAND = Symbol.for('corridor-sim/experiment');

/** True for a value returned by `defineExperiment` (also across module copies). */
export function isExperiment(value: unknown): value is Experiment {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** A path as stored: relative to the current folder, with `/` separators. */
function normalizePath(file: string | URL): string {
  const absolute = file instanceof URL ? fileURLToPath(file) : path.resolve(file);
  return path.relative(process.cwd(), absolute).split(path.sep).join('/');
}

const hoursOf = (d: Duration): number => ('days' in d ? d.days * 24 : d.hours);

/**
 * Validate an experiment definition and return it frozen.
 * @throws ExperimentError listing every problem, each naming its field (exit code 2 in the CLI).
 */
export function defineExperiment(input: ExperimentInput): Experiment {
  const parsed = experimentSchema.safeParse(input);
  const who = typeof (input as { name?: unknown } | null)?.name === 'string' ? `experiment "${(input as { name: string }).name}"` : 'experiment';
  const fail = (problems: readonly string[]): never => {
    // An experiment file run as a program (npx tsx) throws this at its top level, where no CLI
    // code wraps it; src/cli's policy then prints it as bad input (exit 2), not as a crash.
    exitCleanlyOnUncaughtBadInput();
    const count = problems.length === 1 ? '1 error' : `${problems.length} errors`;
    throw new ExperimentError(`${who} does not validate (${count}):\n${problems.join('\n')}`);
  };
  if (!parsed.success) return fail(describeIssues(parsed.error.issues, input));
  const data = parsed.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  data.scenarios.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(`scenarios[${i}].id: got "${s.id}", expected an id not used by an earlier scenario`);
    seen.add(s.id);
    const model = s.model ?? data.model;
    if (model === undefined) problems.push(`scenarios[${i}].model: got nothing, expected a model file (here or as the experiment's model)`);
    scenarios.push({
      id: s.id,
      model: model === undefined ? '' : normalizePath(model),
      overlays: (s.overlays ?? []).map(normalizePath),
      set: s.set ?? {},
      remove: s.remove ?? [],
    });
  });
  const baseline = data.baseline ?? scenarios[0]?.id ?? '';
  if (!seen.has(baseline)) problems.push(`baseline: got "${baseline}", expected one of the scenario ids: ${[...seen].join(', ')}`);
  const horizonHours = hoursOf(data.horizon);
  if (!(horizonHours > 0)) problems.push(`horizon: got 0, expected a duration > 0`);
  const metrics = data.metrics ?? ['**'];
  if (data.warmup === 'auto' && horizonHours < 14 * 24) problems.push(`warmup: 'auto' needs a horizon of at least 14 days (the pilot runs 2 x the horizon, MSER needs 4 weeks), got ${horizonHours / 24} days`);
  if (data.sensitivity !== undefined) problems.push(...sensitivityProblems(data.sensitivity as SensitivityPlan, seen, metrics));
  const precision = data.precision === undefined ? undefined : precisionFromInput(data.precision as PrecisionInput);
  if (Array.isArray(precision)) problems.push(...precision);
  if (problems.length > 0) return fail(problems);
  return brand({
    name: data.name,
    ...(data.description !== undefined ? { description: data.description } : {}),
    scenarios,
    baseline,
    replications: data.replications,
    warmupHours: data.warmup === 'auto' ? 0 : hoursOf(data.warmup),
    horizonHours,
    seed: data.seed,
    metrics,
    ...(data.sensitivity !== undefined ? { sensitivity: data.sensitivity as SensitivityPlan } : {}),
    ...(data.warmup === 'auto' ? { autoWarmup: null } : {}),
    ...(precision !== undefined && !Array.isArray(precision) ? { precision } : {}),
  });
}

/** A plan must name scenarios of the experiment and outputs its metric patterns keep. */
function sensitivityProblems(plan: SensitivityPlan, ids: ReadonlySet<string>, metrics: readonly string[]): string[] {
  const problems: string[] = [];
  const unknown = planScenarioIds(plan).filter((id) => !ids.has(id));
  if (unknown.length > 0) problems.push(`sensitivity: names scenarios the experiment lacks: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', ...' : ''}`);
  const kept = metricFilter(metrics);
  const dropped = plan.outputs.filter((o) => !kept(o));
  if (dropped.length > 0) problems.push(`sensitivity.outputs: ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} not kept by the metric patterns (${metrics.join(', ')}); add ${dropped.length === 1 ? 'it' : 'them'} to metrics`);
  return problems;
}

/** The experiment with another replication count or seed (the CLI's --replications, --seed). */
export function withOverrides(experiment: Experiment, overrides: { readonly replications?: number; readonly seed?: Seed }): Experiment {
  const { replications = experiment.replications, seed = experiment.seed } = overrides;
  if (replications === experiment.replications && seed === experiment.seed) return experiment;
  return brand({ ...stripBrand(experiment), replications, seed });
}

/** A deep, unfrozen, unbranded copy (plain JSON data). */
export function stripBrand(experiment: Experiment): Experiment {
  return JSON.parse(JSON.stringify(experiment)) as Experiment;
}

/** Mark as an Experiment and deep-freeze. */
export function brand(experiment: Experiment): Experiment {
  Object.defineProperty(experiment, BRAND, { value: true, enumerable: false });
  return deepFreeze(experiment);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
