/**
 * Replications to a precision, as asked: `run --precision 5%` on the command line or
 * `precision: { target: 0.05, ... }` in an experiment file, parsed into one plain-data
 * `PrecisionSpec` that the experiment carries (so run.json, the manifest and the fingerprint
 * record it). The loop that uses it is precision-run.ts.
 *
 * Grammar of a target (command line, and the string form in a file):
 *
 *     TARGET[:METRICS]
 *     TARGET  = N%          relative: half-width of the 95% CI at most N% of |mean| (0 < N < 100)
 *             | N UNIT      absolute: half-width at most N in UNIT:
 *                           h (hours) or d (days, 24 h) for metrics ending in _h,
 *                           feu for metrics ending in _feu, feu/week for metrics ending in feu_per_week
 *     METRICS = comma-separated metric names or patterns (* within a dotted part, ** across);
 *               default route.*.transit_mean_h (the mean transit time of every route)
 *
 * A unit is required for an absolute target: a bare `0.05` is refused rather than guessed
 * (5% of the mean, or 0.05 h?). Metrics without a unit (utilization, shares) take relative targets.
 */
import type { PrecisionTarget } from '../../stats/precision.ts';
import { METRIC_PATTERN_PATTERN } from '../experiment-schema.ts';

/** The metrics a target applies to when none are named: every route's mean transit time (hours). */
export const DEFAULT_PRECISION_METRICS: readonly string[] = ['route.*.transit_mean_h'];

/** Largest replication count per scenario when none is given. */
export const DEFAULT_PRECISION_MAX = 100;

/** Replications added at least per step when none is given (a fixed number: never the worker count). */
export const DEFAULT_PRECISION_BATCH = 5;

/** Units of an absolute target, as stored (days are stored as hours). */
export type PrecisionUnit = 'h' | 'feu' | 'feu/week';

/** The units in words, for messages. */
const UNIT_WORDS: Record<PrecisionUnit, string> = { h: 'hours', feu: 'FEU', 'feu/week': 'FEU per week' };

/** A precision request, validated: plain data, stored in the experiment. */
export interface PrecisionSpec {
  /** The target as written: `5%`, `48h`, `2d`, `10feu`, `3feu/week`. */
  readonly target: string;
  /** `relative` (a fraction of |mean|) or `absolute` (a half-width in `unit`). */
  readonly kind: PrecisionTarget['kind'];
  /** The fraction (0.05 for 5%), or the half-width in `unit` (days converted to hours). */
  readonly value: number;
  /** The unit of an absolute target; null for a relative one. */
  readonly unit: PrecisionUnit | null;
  /** Metric names or patterns whose intervals must meet the target, in every scenario. */
  readonly metrics: readonly string[];
  /** Largest replication count per scenario; the run stops there even if a target is unmet. */
  readonly maxReplications: number;
  /** Replications added at least per step (per scenario). */
  readonly batch: number;
}

/** What an experiment file may write under `precision`. */
export interface PrecisionInput {
  /** A fraction of |mean| (0.05 = ±5%), or a string in the target grammar (`'5%'`, `'2d'`). */
  readonly target: number | string;
  /** Metric names or patterns; default `DEFAULT_PRECISION_METRICS`. */
  readonly metrics?: readonly string[];
  /** Largest replication count per scenario; default `DEFAULT_PRECISION_MAX`. */
  readonly maxReplications?: number;
  /** Replications added at least per step; default `DEFAULT_PRECISION_BATCH`. */
  readonly batch?: number;
}

/** The grammar in one line, for messages. */
export const PRECISION_GRAMMAR = 'a target such as 5%, 5%:route.*.transit_mean_h or 2d:<metric> (N% relative; N with a unit h, d, feu or feu/week absolute)';

const NUMBER = String.raw`(\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)`;
const RELATIVE = new RegExp(`^${NUMBER}%$`, 'i');
const ABSOLUTE = new RegExp(`^${NUMBER}\\s*(h|d|feu/week|feu)$`, 'i');

/** The target part (`5%`, `2d`) as kind, value and unit; on a bad one, what was expected. */
export function parsePrecisionTarget(text: string): Pick<PrecisionSpec, 'target' | 'kind' | 'value' | 'unit'> | string {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative !== null) {
    const percent = Number(relative[1]);
    if (!(percent > 0 && percent < 100)) return 'a percentage above 0 and below 100';
    return { target: trimmed, kind: 'relative', value: percent / 100, unit: null };
  }
  const absolute = ABSOLUTE.exec(trimmed);
  if (absolute !== null) {
    const amount = Number(absolute[1]);
    if (!(amount > 0) || !Number.isFinite(amount)) return 'a half-width above 0';
    const unit = (absolute[2] ?? '').toLowerCase();
    if (unit === 'd') return { target: trimmed, kind: 'absolute', value: amount * 24, unit: 'h' };
    return { target: trimmed, kind: 'absolute', value: amount, unit: unit as PrecisionUnit };
  }
  return /^[\d.]+$/.test(trimmed) ? `a unit after ${trimmed} (h, d, feu, feu/week), or % for a relative target` : PRECISION_GRAMMAR;
}

/** The unit a metric is in, by its name's suffix (README, "Metrics"); null for fractions. */
export function metricUnit(metric: string): PrecisionUnit | null {
  if (metric.endsWith('feu_per_week')) return 'feu/week';
  if (metric.endsWith('_h')) return 'h';
  if (metric.endsWith('_feu')) return 'feu';
  return null;
}

/** Comma-separated metric patterns; on a malformed one, what was expected. */
function parseMetricList(text: string): string[] | string {
  const metrics = text.split(',').map((m) => m.trim());
  if (metrics.some((m) => m === '')) return 'comma-separated metric names or patterns after ":"';
  const bad = metrics.find((m) => !METRIC_PATTERN_PATTERN.test(m));
  return bad !== undefined ? `metric names or patterns of letters, digits, . _ - and * (not "${bad}")` : metrics;
}

/** A replication count: null if an integer >= `min`, else the problem. */
function countProblem(name: string, value: number, min: number): string | null {
  return Number.isSafeInteger(value) && value >= min ? null : `${name}: got ${value}, expected an integer >= ${min}`;
}

/**
 * `--precision TARGET[:METRICS]` as a spec (with the maximum and batch given), or what was
 * expected, to follow `got "<text>", expected` in the caller's error.
 */
export function parsePrecisionOption(text: string, maxReplications = DEFAULT_PRECISION_MAX, batch = DEFAULT_PRECISION_BATCH): PrecisionSpec | string {
  const colon = text.indexOf(':');
  const target = parsePrecisionTarget(colon < 0 ? text : text.slice(0, colon));
  if (typeof target === 'string') return target;
  const metrics = colon < 0 ? [...DEFAULT_PRECISION_METRICS] : parseMetricList(text.slice(colon + 1));
  if (typeof metrics === 'string') return metrics;
  return { ...target, metrics, maxReplications, batch };
}

/** An experiment file's `precision` as a spec, or the problems (each naming its field). */
export function precisionFromInput(input: PrecisionInput): PrecisionSpec | string[] {
  const problems: string[] = [];
  let target: Pick<PrecisionSpec, 'target' | 'kind' | 'value' | 'unit'> | string;
  if (typeof input.target === 'number') {
    const v = input.target;
    target = v > 0 && v < 1 ? { target: `${Number((v * 100).toPrecision(12))}%`, kind: 'relative', value: v, unit: null } : 'a fraction above 0 and below 1 (0.05 = ±5%)';
  } else {
    target = parsePrecisionTarget(input.target);
  }
  if (typeof target === 'string') problems.push(`precision.target: got ${JSON.stringify(input.target)}, expected ${target}`);
  const metrics = input.metrics === undefined ? [...DEFAULT_PRECISION_METRICS] : parseMetricList(input.metrics.join(','));
  if (typeof metrics === 'string') problems.push(`precision.metrics: got ${JSON.stringify(input.metrics)}, expected ${metrics}`);
  const maxReplications = input.maxReplications ?? DEFAULT_PRECISION_MAX;
  const batch = input.batch ?? DEFAULT_PRECISION_BATCH;
  for (const problem of [countProblem('maxReplications', maxReplications, 2), countProblem('batch', batch, 1)]) {
    if (problem !== null) problems.push(`precision.${problem}`);
  }
  if (problems.length > 0 || typeof target === 'string' || typeof metrics === 'string') return problems;
  return { ...target, metrics, maxReplications, batch };
}

/**
 * What is wrong with `spec` for an experiment whose replications record `kept` metric names
 * (after its metric patterns), starting from `pilot` replications per scenario: patterns that
 * match nothing, absolute units that do not fit a metric, a maximum below the pilot.
 */
export function precisionProblems(spec: PrecisionSpec, kept: readonly string[], pilot: number, matches: (pattern: string, metric: string) => boolean): string[] {
  const problems: string[] = [];
  if (pilot < 2) problems.push(`precision: replications (the first batch) must be at least 2 to estimate a variance (10 recommended), got ${pilot}`);
  if (spec.maxReplications < pilot) problems.push(`precision: the maximum (${spec.maxReplications}) is below the first batch of ${pilot} replications`);
  for (const pattern of spec.metrics) {
    const named = kept.filter((m) => matches(pattern, m));
    if (named.length === 0) {
      problems.push(`precision: metric "${pattern}" matches no metric this experiment records (names look like route.<route>.transit_mean_h; README, "Metrics")`);
      continue;
    }
    const misfit = spec.kind === 'absolute' ? named.find((m) => metricUnit(m) !== spec.unit) : undefined;
    if (misfit !== undefined) {
      const unit = metricUnit(misfit);
      problems.push(`precision: target ${spec.target} is in ${UNIT_WORDS[spec.unit ?? 'h']}, but ${misfit} is ${unit === null ? 'a fraction (use a relative target such as 5%)' : `in ${UNIT_WORDS[unit]}`}`);
    }
  }
  return problems;
}

/** The spec in words, for summaries: `±5% (relative half-width of the 95% CI) on route.*.transit_mean_h, at most 100 replications`. */
export function describePrecision(spec: PrecisionSpec): string {
  const what = spec.kind === 'relative' ? `±${spec.target} of the mean` : `±${spec.target}`;
  return `${what} (half-width of the 95% CI) on ${spec.metrics.join(', ')}, batches of at least ${spec.batch}, at most ${spec.maxReplications} replications`;
}
