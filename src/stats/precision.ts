/**
 * Replications to a precision: a sequential stopping rule that adds replications until the
 * Student-t confidence interval of every named metric is narrow enough.
 *
 * Method: Law, Simulation Modeling and Analysis, 5th ed., §9.4.1, "obtaining a specified
 * precision" (the sequential procedure for a relative error γ, and the approximate number of
 * replications n*_a(β) for an absolute half-width β):
 *
 *   n*(h) = min { i ≥ n : t_{(1+c)/2, i−1} · s / √i ≤ h },
 *
 * with s the sample standard deviation of the n replications so far and h the target
 * half-width (β, or value·|mean| for a relative target; see `PrecisionTarget`). This refines
 * n* = ⌈(t·s/h)²⌉ by letting t shrink with the degrees of freedom of the final count. Each step
 * adds max(batch, n* − n) replications, but never more than doubles n (`maxGrowth`), so an
 * overestimated s from a small pilot cannot send the count far past the need. The rule
 * is a pure function of the values so far: the runner runs replications 0, 1, 2, … in order
 * (each with its own fixed seed), asks, runs the next batch, and asks again, so the same seed
 * and target always stop at the same count, whatever the worker count.
 *
 * Caveat (Law §9.4.1): a sequential rule stops a little more often when s happens to be small,
 * so the final interval's coverage is slightly below nominal with a handful of replications;
 * Law recommends a pilot of at least 10 replications and relative targets of at most 15 %,
 * hence the default `PrecisionOptions.minReplications` of max(batch, 10).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { DEFAULT_CONFIDENCE } from './replications.ts';
import { STUDENT_T_MAX_DF, studentTQuantile } from './student-t.ts';

/**
 * The precision asked of one metric's confidence interval:
 * - `relative`: half-width ≤ `value` · |mean| (e.g. 0.05 for ±5 %). Law's relative error γ
 *   corresponds to value = γ / (1 + γ) (the "adjusted" γ'); this module takes the plain
 *   half-width/|mean| ratio, which is what a report's "±5 %" means. A mean of 0 can never meet
 *   a relative target: use an absolute one for metrics that can be 0.
 * - `absolute`: half-width ≤ `value`, in the metric's own unit (e.g. 2 h of transit time).
 */
export interface PrecisionTarget {
  /** Whether `value` is a fraction of |mean| or a half-width in the metric's unit. */
  readonly kind: 'relative' | 'absolute';
  /** The fraction (> 0, e.g. 0.05) or the half-width (> 0, in the metric's unit). */
  readonly value: number;
}

/** Options of `precisionDecision`. */
export interface PrecisionOptions {
  /** Two-sided confidence level of the intervals; default 0.95. */
  readonly confidence?: number;
  /**
   * Replications added at least per step; an integer ≥ 1. It must come from the experiment
   * (e.g. a fixed 10), NOT from the worker count, or the final count would depend on the machine.
   */
  readonly batchSize: number;
  /** Hard maximum of replications; the rule stops there even if a target is unmet. */
  readonly maxReplications: number;
  /** Replications before the first decision (the pilot); default max(batchSize, 10), at most the maximum. */
  readonly minReplications?: number;
  /**
   * Largest factor by which one step may grow the count (default 2: at most double). The
   * prediction uses s from the replications so far; from a 10-replication pilot s can be off by
   * 1.5×, and n* by 2×, so jumping straight to n* could overshoot the need several-fold. Capping
   * the growth re-estimates s on the way, keeping the final count within about 2× of the need,
   * in a number of steps logarithmic in the ratio of the need to the pilot.
   */
  readonly maxGrowth?: number;
}

/** The state of one metric at a decision. */
export interface MetricPrecision {
  /** Metric name as given. */
  readonly name: string;
  /** Replications so far. */
  readonly n: number;
  /** Sample mean (metric unit). */
  readonly mean: number;
  /** Sample standard deviation (metric unit); NaN when n < 2. */
  readonly standardDeviation: number;
  /** Current half-width t·s/√n (metric unit); NaN when n < 2. */
  readonly halfWidth: number;
  /** halfWidth / |mean|; Infinity when the mean is 0, NaN when n < 2. */
  readonly relativeHalfWidth: number;
  /** The target half-width in the metric's unit (value·|mean| for a relative target). */
  readonly targetHalfWidth: number;
  /** True when halfWidth ≤ targetHalfWidth (never with n < 2). */
  readonly met: boolean;
  /** n*(h): predicted total replications for this metric; Infinity when it cannot be predicted (n < 2 or target 0). */
  readonly predictedTotal: number;
}

/** What the runner should do next. */
export interface PrecisionDecision {
  /** True when every metric meets its target, or the maximum is reached. */
  readonly stop: boolean;
  /** Why: `met` (all targets met), `max` (maximum reached, some unmet), or `continue`. */
  readonly reason: 'met' | 'max' | 'continue';
  /** Replications so far. */
  readonly n: number;
  /**
   * Replications to run next (0 when stopping): max(batch, min(max_m n*_m, maxGrowth·n) − n),
   * capped at maxReplications − n.
   */
  readonly additional: number;
  /** Per-metric state, in the input's key order. */
  readonly metrics: readonly MetricPrecision[];
}

/**
 * Smallest total i ≥ n with t_{(1+c)/2, i−1} · s / √i ≤ h (Law §9.4.1). The condition is
 * monotone in i (t falls and √i grows), so: a lower bound ⌈(z·s/h)²⌉ (z < t, no smaller i can
 * pass), an upper bound ⌈(t_{lower−1}·s/h)²⌉ (t only falls from there), and bisection between
 * them: O(log) t-quantile calls. Returns n when s = 0, and Infinity when h = 0 or the answer
 * exceeds `limit` (a hopeless target does not search for ever).
 * @param s sample standard deviation (metric unit), ≥ 0.
 * @param h target half-width (metric unit), ≥ 0.
 * @param n current count, an integer ≥ 2.
 * @param confidence two-sided level in (0, 1), default 0.95.
 * @param limit largest count worth returning; default 10^7.
 */
export function replicationsForHalfWidth(s: number, h: number, n: number, confidence = DEFAULT_CONFIDENCE, limit = 1e7): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (!(s >= 0) || !(h >= 0) || !(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`replicationsForHalfWidth: need s >= 0, h >= 0, integer n >= 2; got ${s}, ${h}, ${n}`);
  }
  if (s === 0) return n;
  if (h === 0) return Infinity;
  const p = (1 + confidence) / 2;
  const ratio = s / h;
  const passes = (i: number): boolean => studentTQuantile(p, i - 1) * ratio <= Math.sqrt(i);
  // The normal quantile: t with the largest supported df differs from it by < 3e-7 relative.
  const z = studentTQuantile(p, STUDENT_T_MAX_DF);
  let lo = Math.max(n, Math.ceil((z * ratio) ** 2));
  if (lo > limit) return Infinity;
  if (passes(lo)) return lo;
  let hi = Math.max(lo + 1, Math.ceil((studentTQuantile(p, lo - 1) * ratio) ** 2));
  if (!passes(hi)) hi += 1; // guard against rounding in the square
  if (hi > limit) {
    if (!passes(limit)) return Infinity;
    hi = limit;
  }
  // Invariant: lo fails, hi passes.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Decide whether to stop adding replications, and how many to add. Pure and deterministic.
 *
 * @param values per metric (metric unit), the values of replications 0..n−1 in replication order;
 *   every metric must have the same count n.
 * @param targets one target for all metrics, or one per metric name (every metric needs one).
 * @throws RangeError on unequal counts, a non-finite value, a missing or non-positive target,
 *   or bad options.
 */
export function precisionDecision(
  values: Readonly<Record<string, readonly number[]>>,
  targets: PrecisionTarget | Readonly<Record<string, PrecisionTarget>>,
  options: PrecisionOptions,
): PrecisionDecision {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const { batchSize, maxReplications } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`precisionDecision: batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(maxReplications) || maxReplications < 2) {
    throw new RangeError(`precisionDecision: maxReplications must be an integer >= 2, got ${maxReplications}`);
  }
  const minReplications = Math.min(maxReplications, options.minReplications ?? Math.max(batchSize, 10));
  if (!Number.isInteger(minReplications) || minReplications < 2) {
    throw new RangeError(`precisionDecision: minReplications must be an integer >= 2, got ${minReplications}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const maxGrowth = options.maxGrowth ?? 2;
  if (!(maxGrowth > 1)) throw new RangeError(`precisionDecision: maxGrowth must be > 1, got ${maxGrowth}`);

  const names = Object.keys(values);
  if (names.length === 0) throw new RangeError('precisionDecision: needs at least one metric');
  const n = values[names[0] ?? '']?.length ?? 0;
  const p = (1 + confidence) / 2;

  const metrics: MetricPrecision[] = names.map((name) => {
    const v = values[name] ?? [];
    if (v.length !== n) throw new RangeError(`precisionDecision: metric ${name} has ${v.length} values, expected ${n}`);
    for (const x of v) if (!Number.isFinite(x)) throw new RangeError(`precisionDecision: metric ${name} has a non-finite value ${x}`);
    const target = isSingleTarget(targets) ? targets : targets[name];
    if (target === undefined) throw new RangeError(`precisionDecision: no target for metric ${name}`);
    if (!(target.value > 0) || !Number.isFinite(target.value)) {
      throw new RangeError(`precisionDecision: target for ${name} must be finite and > 0, got ${target.value}`);
    }
    const m = n === 0 ? NaN : mean(v);
    const s = n < 2 ? NaN : sampleStandardDeviation(v);
    const halfWidth = n < 2 ? NaN : (studentTQuantile(p, n - 1) * s) / Math.sqrt(n);
    const targetHalfWidth = target.kind === 'absolute' ? target.value : target.value * Math.abs(m);
    const met = halfWidth <= targetHalfWidth; // NaN compares false
    return {
      name,
      n,
      mean: m,
      standardDeviation: s,
      halfWidth,
      relativeHalfWidth: n < 2 ? NaN : m === 0 ? Infinity : halfWidth / Math.abs(m),
      targetHalfWidth,
      met,
      predictedTotal: n < 2 ? Infinity : replicationsForHalfWidth(s, targetHalfWidth, n, confidence, maxReplications + 1),
    };
  });

  if (n < minReplications) {
    // The pilot: too few replications to trust s (and none to compute it below 2).
    return { stop: false, reason: 'continue', n, additional: minReplications - n, metrics };
  }
  if (metrics.every((m) => m.met)) return { stop: true, reason: 'met', n, additional: 0, metrics };
  if (n >= maxReplications) return { stop: true, reason: 'max', n, additional: 0, metrics };
  const needed = Math.min(Math.max(...metrics.map((m) => m.predictedTotal)), Math.floor(maxGrowth * n));
  // At least one batch: the prediction can say "n" when s just dropped but the interval still
  // misses by a hair; at most the maximum.
  const additional = Math.min(maxReplications - n, Math.max(batchSize, needed - n));
  return { stop: false, reason: 'continue', n, additional, metrics };
}

function isSingleTarget(t: PrecisionTarget | Readonly<Record<string, PrecisionTarget>>): t is PrecisionTarget {
  return typeof (t as { kind?: unknown }).kind === 'string' && typeof (t as { value?: unknown }).value === 'number';
}
