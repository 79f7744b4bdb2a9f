/**
 * Automatic warm-up (truncation point) by MSER-5: the Marginal Standard Error Rule applied to
 * batch means of 5 observations.
 *
 * References: K. P. White Jr., "An effective truncation heuristic for bias reduction in
 * simulation output", Simulation 69(6), 1997; K. P. White Jr., M. J. Cobb & S. C. Spratt,
 * "A comparison of five steady-state truncation heuristics for simulation", Proc. Winter
 * Simulation Conference 2000; K. Hoad, S. Robinson & R. Davies, "Automating warm-up length
 * estimation", JORS 61, 2010 (MSER-5 as the recommended automatic method).
 *
 * The rule: batch the series into means Z_1..Z_k of `batchSize` consecutive observations, and
 * pick the number d of leading batches to delete that minimizes
 *
 *   MSER(d) = (1 / (k − d)²) · Σ_{j=d+1..k} (Z_j − Z̄(d))²,   Z̄(d) = mean of Z_{d+1..k},
 *
 * i.e. (approximately) the squared standard error of the truncated mean. Deleting a biased
 * start lowers the sum of squares faster than it lowers the count, so MSER falls; once only
 * steady-state data is deleted, the shrinking count makes it rise. The search is restricted to
 * d ≤ ⌊k/2⌋ (White et al. 2000): near the end of the series MSER is computed from a handful of
 * batches and has spurious minima, and a truncation beyond half the run would leave too little
 * data anyway. A minimum AT the cap means MSER was still falling: the series never settled in
 * this run (trend, growing queue, or a run too short for its transient), and is flagged.
 *
 * Units: the series is in any unit (e.g. daily mean transit time in hours, one value per day);
 * truncation points are counts of ORIGINAL observations (days for a daily series), and the
 * statistic is in the series' unit squared.
 */

/** Batch size of MSER-5 (White et al. 2000): 5 observations per batch mean. */
export const MSER_BATCH_SIZE = 5;

/** Outcome of MSER on one series. */
export interface MserResult {
  /** Observations (of the original series, e.g. days) to delete from the start: batchSize · d*. */
  readonly truncation: number;
  /** d*: batches to delete, the minimizer of MSER(d) over 0 ≤ d ≤ ⌊k/2⌋ (smallest on ties). */
  readonly truncatedBatches: number;
  /** MSER(d*), in the series' unit squared: about the squared standard error of the truncated mean. */
  readonly statistic: number;
  /** Mean of the observations kept by the truncation (in the series' unit), over the k − d* batches. */
  readonly truncatedMean: number;
  /** Observations per batch (5 for MSER-5). */
  readonly batchSize: number;
  /** k: number of whole batches; the last n mod batchSize observations are not batched. */
  readonly batches: number;
  /** Largest truncation considered, in observations: batchSize · ⌊k/2⌋ (≤ n/2). */
  readonly cap: number;
  /** True when d* is the cap: MSER was still decreasing, the series is not steady in this run. */
  readonly hitCap: boolean;
}

/** Options of `mser`. */
export interface MserOptions {
  /** Observations per batch mean; default `MSER_BATCH_SIZE` (5). 1 gives plain MSER. */
  readonly batchSize?: number;
}

/** Minimum number of batches: below 4, the cap ⌊k/2⌋ leaves at most 2 batches to judge steadiness. */
const MIN_BATCHES = 4;

/**
 * Non-overlapping batch means of `batchSize` consecutive values, from the start; the trailing
 * n mod batchSize values are left out (they would form a short, noisier batch). O(n).
 * @throws RangeError if batchSize is not a positive integer.
 */
export function batchMeansOf(values: readonly number[], batchSize: number): number[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchMeansOf: batchSize must be a positive integer, got ${batchSize}`);
  }
  const k = Math.floor(values.length / batchSize);
  const means = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = j * batchSize; i < (j + 1) * batchSize; i++) sum += values[i] ?? NaN;
    means[j] = sum / batchSize;
  }
  return means;
}

/**
 * MSER truncation of one output series (default MSER-5). O(n) time, O(n / batchSize) memory.
 *
 * MSER(d) is evaluated for every d from the end backwards with Welford's update, so each step is
 * O(1) and there is no cancellation from subtracting large sums (a transit time of 500 h that
 * varies by 0.1 h from day to day keeps its precision).
 *
 * @param series observations in time order (e.g. one mean per simulated day), all finite. Days
 *   without any observation (no container delivered) must be filled or dropped by the caller.
 * @throws RangeError if a value is not finite, or there are fewer than 4 whole batches
 *   (20 observations for MSER-5): too short to tell a transient from noise.
 */
export function mser(series: readonly number[], options: MserOptions = {}): MserResult {
  const batchSize = options.batchSize ?? MSER_BATCH_SIZE;
  for (const v of series) {
    if (!Number.isFinite(v)) throw new RangeError(`mser: every value must be finite, got ${v}`);
  }
  const z = batchMeansOf(series, batchSize);
  const k = z.length;
  if (k < MIN_BATCHES) {
    throw new RangeError(
      `mser: needs at least ${MIN_BATCHES} batches of ${batchSize} (${MIN_BATCHES * batchSize} observations), got ${series.length}`,
    );
  }
  const maxD = Math.floor(k / 2);

  // Welford from the end: after adding Z_k..Z_{d+1}, `count` = k − d, `m` their mean and `m2`
  // their sum of squared deviations, so MSER(d) = m2 / count².
  let count = 0;
  let m = 0;
  let m2 = 0;
  const statistic = new Array<number>(maxD + 1);
  const meanAt = new Array<number>(maxD + 1);
  for (let j = k - 1; j >= 0; j--) {
    const x = z[j] ?? NaN;
    count++;
    const delta = x - m;
    m += delta / count;
    m2 += delta * (x - m);
    if (j <= maxD) {
      statistic[j] = m2 / (count * count);
      meanAt[j] = m;
    }
  }

  // Smallest d on ties: delete no more than the data asks for.
  let best = 0;
  for (let d = 1; d <= maxD; d++) {
    if ((statistic[d] ?? Infinity) < (statistic[best] ?? Infinity)) best = d;
  }
  return {
    truncation: best * batchSize,
    truncatedBatches: best,
    statistic: statistic[best] ?? NaN,
    truncatedMean: meanAt[best] ?? NaN,
    batchSize,
    batches: k,
    cap: maxD * batchSize,
    // A series that is constant after some point has MSER = 0 from there on; the smallest d
    // wins the tie, so a flat tail is never mistaken for "still falling".
    hitCap: best === maxD,
  };
}

/** One series fed to `mserTruncationAcross`, labelled for the report (e.g. metric and replication). */
export interface LabelledSeries {
  /** Free text naming the series, e.g. `transit-time/rep-3`. */
  readonly label: string;
  /** Observations in time order (e.g. daily means), all finite. */
  readonly values: readonly number[];
}

/** The common warm-up chosen for a set of series (several metrics × replications). */
export interface CombinedTruncation {
  /** Observations to delete from the start of every series (e.g. days): the largest MSER point, capped. */
  readonly truncation: number;
  /** The cap applied: ⌊runLength / 2⌋ observations. */
  readonly cap: number;
  /** Label of the series whose MSER point was largest (the first on ties). */
  readonly limitingLabel: string;
  /** True when any series hit its own MSER cap or the largest point exceeded the run cap: not steady. */
  readonly notSteady: boolean;
  /** Labels of the series that hit their MSER cap (never settled), in input order. */
  readonly notSteadyLabels: readonly string[];
  /** Per-series MSER results, in input order. */
  readonly perSeries: readonly (MserResult & { readonly label: string })[];
  /** Method, for the manifest: e.g. `MSER-5 (White 1997), max over 12 series, cap 182`. */
  readonly method: string;
}

/**
 * One warm-up for a whole experiment: MSER on each series, then the LARGEST truncation point
 * (a warm-up long enough for the slowest metric and replication), capped at half the run.
 *
 * Why the maximum: one common truncation keeps replications exchangeable (truncating each at
 * its own data-driven point would bias their mean), and the warm-up must suit every metric.
 * The maximum is conservative: over many noisy replications it grows (each replication's MSER
 * point is a random variable and the maximum picks its upper tail), which costs data but not
 * bias. Where that matters, pass the across-replication average series of each metric
 * (`averageSeries`), as Welch's procedure does; MSER on the average is far less noisy.
 *
 * @param series at least one series, each long enough for `mser`.
 * @param options as `mser`'s, plus `runLength`: the length of the run in observations, for the
 * cap (default: the shortest series).
 * @throws RangeError if `series` is empty, or as `mser`.
 */
export function mserTruncationAcross(
  series: readonly LabelledSeries[],
  options: MserOptions & { readonly runLength?: number } = {},
): CombinedTruncation {
  if (series.length === 0) throw new RangeError('mserTruncationAcross: needs at least one series');
  const perSeries = series.map((s) => ({ ...mser(s.values, options), label: s.label }));
  const runLength = options.runLength ?? Math.min(...series.map((s) => s.values.length));
  if (!(runLength >= 0) || !Number.isFinite(runLength)) {
    throw new RangeError(`mserTruncationAcross: runLength must be finite and >= 0, got ${runLength}`);
  }
  const cap = Math.floor(runLength / 2);
  let limiting = perSeries[0];
  for (const r of perSeries) if (limiting === undefined || r.truncation > limiting.truncation) limiting = r;
  const largest = limiting?.truncation ?? 0;
  const notSteadyLabels = perSeries.filter((r) => r.hitCap).map((r) => r.label);
  const batchSize = options.batchSize ?? MSER_BATCH_SIZE;
  return {
    truncation: Math.min(largest, cap),
    cap,
    limitingLabel: limiting?.label ?? '',
    notSteady: notSteadyLabels.length > 0 || largest > cap,
    notSteadyLabels,
    perSeries,
    method: `MSER-${batchSize} (White 1997; White, Cobb & Spratt 2000), max over ${series.length} series, cap ${cap}`,
  };
}

/**
 * Pointwise mean of several equally long series (e.g. the same metric's daily series over
 * replications): the averaged series of Welch's procedure (Law, Simulation Modeling and
 * Analysis, 5th ed., §9.5.1), whose noise is 1/√R of one replication's. O(R·n).
 * @throws RangeError if `series` is empty or the lengths differ.
 */
export function averageSeries(series: readonly (readonly number[])[]): number[] {
  const first = series[0];
  if (first === undefined) throw new RangeError('averageSeries: needs at least one series');
  const n = first.length;
  const out = new Array<number>(n).fill(0);
  for (const s of series) {
    if (s.length !== n) throw new RangeError(`averageSeries: lengths differ (${n} and ${s.length})`);
    for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) + (s[i] ?? NaN);
  }
  for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) / series.length;
  return out;
}

/** Daily (or other per-period) series of one metric, one array per replication, in replication order. */
export interface MetricReplicationSeries {
  /** Metric name, e.g. `transit-time` (h) or `in-system` (FEU). */
  readonly name: string;
  /** `replications[r][t]`: value of replication r in period t; all replications equally long. */
  readonly replications: readonly (readonly number[])[];
}

/**
 * How `experimentWarmup` pools replications before MSER:
 * - `average`: MSER on each metric's across-replication average series (Welch-style), then the
 *   largest point over metrics. Recommended: the average's noise shrinks as 1/√R, so the point
 *   does not drift upwards with the replication count, and a stationary metric is not flagged
 *   because one of many replications wandered near its end.
 * - `each`: MSER on every replication of every metric, then the largest point (the literal
 *   "largest across metrics and replications"). Conservative; with many replications of a
 *   strongly autocorrelated metric it tends to the cap and flags "not steady" spuriously
 *   (M/M/1 at ρ = 0.9, 3000 customers: about 7 % of single replications hit their cap).
 */
export type WarmupPooling = 'average' | 'each';

/**
 * The experiment's warm-up from the per-replication series of its key metrics: MSER-5 per
 * pooled series (see `WarmupPooling`), largest point over them, capped at half the run
 * (`mserTruncationAcross`). Deterministic: depends only on the values in replication order.
 * Labels are the metric name (`average`) or `<metric>/rep-<r>` (`each`, r from 0).
 * @throws RangeError if there is no metric, a metric has no replication, or as `mser`.
 */
export function experimentWarmup(
  metrics: readonly MetricReplicationSeries[],
  options: MserOptions & { readonly runLength?: number; readonly pooling?: WarmupPooling } = {},
): CombinedTruncation {
  if (metrics.length === 0) throw new RangeError('experimentWarmup: needs at least one metric');
  const pooling = options.pooling ?? 'average';
  const series: LabelledSeries[] = [];
  for (const metric of metrics) {
    if (metric.replications.length === 0) throw new RangeError(`experimentWarmup: metric ${metric.name} has no replication`);
    if (pooling === 'average') series.push({ label: metric.name, values: averageSeries(metric.replications) });
    else metric.replications.forEach((values, r) => series.push({ label: `${metric.name}/rep-${r}`, values }));
  }
  const { pooling: _pooling, ...rest } = options;
  const combined = mserTruncationAcross(series, rest);
  const replications = metrics[0]?.replications.length ?? 0;
  return {
    ...combined,
    method:
      pooling === 'average'
        ? `${combined.method}; each series the average of ${replications} replications of one metric`
        : `${combined.method}; every replication of every metric`,
  };
}

/**
 * Make a per-period series with empty periods usable by `mser`: a day on which no container was
 * delivered has no mean transit time (null). Leading empty periods are removed and counted in
 * `leading` (they belong to the warm-up whatever MSER says: add `leading` to its truncation
 * point); interior and trailing ones repeat the last observed value, which keeps the time axis
 * (truncation points stay in days) and adds no information MSER could mistake for a trend.
 * Non-finite numbers count as empty. O(n).
 * @throws RangeError if every period is empty.
 */
export function fillSeriesGaps(series: readonly (number | null)[]): { readonly leading: number; readonly values: number[] } {
  const isValue = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const leading = series.findIndex(isValue);
  if (leading < 0) throw new RangeError('fillSeriesGaps: every period is empty');
  const values: number[] = [];
  let last = NaN;
  for (let i = leading; i < series.length; i++) {
    const v = series[i] ?? null;
    if (isValue(v)) last = v;
    values.push(last);
  }
  return { leading, values };
}
