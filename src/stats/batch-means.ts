/**
 * Batch means: a confidence interval for the steady-state mean from ONE long replication (for
 * users who run one long year rather than many short ones).
 *
 * Method: non-overlapping batch means (Law, Simulation Modeling and Analysis, 5th ed., §9.5.3):
 * split the (already warm-up-truncated) series into k batches of m consecutive observations;
 * if m is long compared with the series' correlation time, the batch means are nearly
 * independent and nearly normal, and mean ± t_{(1+c)/2, k−1} · s_batch / √k is a valid interval.
 *
 * Batch-count rule (stated; in the spirit of Fishman's LBATCH, G. S. Fishman, "Grouping
 * observations in digital simulation", Management Science 24, 1978, and the lag-1 test of
 * A. M. Law & J. S. Carson, "A sequential procedure for determining the length of a steady-state
 * simulation", Operations Research 27, 1979):
 *   1. start with k = `batches` (default 40) batches of m = ⌊n/k⌋;
 *   2. while the lag-1 autocorrelation of the k batch means exceeds `maxLag1` (default 0.2)
 *      and ⌊k/2⌋ ≥ `minBatches` (default 10), halve k (doubling m);
 *   3. use the final k; if its lag-1 autocorrelation still exceeds `maxLag1`, flag the check as
 *      failed: the run is too short for its correlation time and the interval is too narrow.
 * 10 to 40 batches keep enough degrees of freedom for a stable t interval while letting each
 * batch be long (Schmeiser, "Batch size effects in the analysis of simulation output",
 * Operations Research 30, 1982, finds 10–30 batches adequate for most purposes). The leading
 * n − k·m observations (fewer than m) are left out: they are the oldest, nearest the warm-up.
 *
 * Caveat: with few batches the lag-1 estimate is noisy (sd ≈ 1/√k) and biased low (≈ −1/k),
 * so the check catches gross under-batching, not slight correlation.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { DEFAULT_CONFIDENCE } from './replications.ts';
import { studentTQuantile } from './student-t.ts';

/** Options of `batchMeansInterval`. */
export interface BatchMeansOptions {
  /** Batch count to start with; default 40. */
  readonly batches?: number;
  /** Smallest batch count the rule may reach by halving; default 10. */
  readonly minBatches?: number;
  /** Largest acceptable lag-1 autocorrelation of the batch means; default 0.2. */
  readonly maxLag1?: number;
  /** Two-sided confidence level; default 0.95. */
  readonly confidence?: number;
}

/** A batch-means confidence interval with its diagnostics. */
export interface BatchMeansResult {
  /** Point estimate: mean of the observations used (= mean of the batch means), series unit. */
  readonly mean: number;
  /** Half-width t_{(1+c)/2, k−1} · s_batch / √k (series unit). */
  readonly halfWidth: number;
  /** mean − halfWidth. */
  readonly lower: number;
  /** mean + halfWidth. */
  readonly upper: number;
  /** Two-sided confidence level. */
  readonly confidence: number;
  /** k: number of batches used. */
  readonly batchCount: number;
  /** m: observations per batch. */
  readonly batchSize: number;
  /** Observations left out at the start (n − k·m). */
  readonly skipped: number;
  /** Lag-1 autocorrelation of the k batch means (dimensionless, in [−1, 1]). */
  readonly lag1: number;
  /** True when lag1 > maxLag1 at the final k: batches too short, the interval is likely too narrow. */
  readonly lag1CheckFailed: boolean;
  /** Method statement for the report. */
  readonly method: string;
}

/**
 * Lag-1 sample autocorrelation Σ_{i<k}(x_i − x̄)(x_{i+1} − x̄) / Σ(x_i − x̄)² (the standard
 * estimator, Box & Jenkins). 0 for a constant series (nothing varies, nothing is correlated).
 * @throws RangeError with fewer than 2 values.
 */
export function lag1Autocorrelation(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError(`lag1Autocorrelation: needs at least 2 values, got ${values.length}`);
  const m = mean(values);
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] ?? NaN) - m;
    den += d * d;
    if (i + 1 < values.length) num += d * ((values[i + 1] ?? NaN) - m);
  }
  return den === 0 ? 0 : num / den;
}

/**
 * Batch-means interval of one long, warm-up-truncated series by the rule in the module comment.
 * O(n · log(batches / minBatches)).
 * @param series observations in time order (any unit; e.g. daily mean transit time in hours).
 * @throws RangeError if a value is not finite, the options are inconsistent
 *   (2 ≤ minBatches ≤ batches), or the series has fewer than `minBatches` observations.
 */
export function batchMeansInterval(series: readonly number[], options: BatchMeansOptions = {}): BatchMeansResult {
  const startBatches = options.batches ?? 40;
  const minBatches = options.minBatches ?? 10;
  const maxLag1 = options.maxLag1 ?? 0.2;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isInteger(minBatches) || !Number.isInteger(startBatches) || minBatches < 2 || startBatches < minBatches) {
    throw new RangeError(`batchMeansInterval: need integers 2 <= minBatches <= batches, got ${minBatches}, ${startBatches}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`batchMeansInterval: confidence must be in (0, 1), got ${confidence}`);
  for (const v of series) if (!Number.isFinite(v)) throw new RangeError(`batchMeansInterval: every value must be finite, got ${v}`);
  const n = series.length;
  if (n < minBatches) throw new RangeError(`batchMeansInterval: needs at least ${minBatches} observations, got ${n}`);

  // Never more batches than observations (batch size ≥ 1).
  let k = Math.min(startBatches, n);
  let means = batchMeansFromEnd(series, k);
  let lag1 = lag1Autocorrelation(means);
  while (lag1 > maxLag1 && Math.floor(k / 2) >= minBatches) {
    k = Math.floor(k / 2);
    means = batchMeansFromEnd(series, k);
    lag1 = lag1Autocorrelation(means);
  }
  const m = Math.floor(n / k);
  const grand = mean(means);
  const halfWidth = (studentTQuantile((1 + confidence) / 2, k - 1) * sampleStandardDeviation(means)) / Math.sqrt(k);
  return {
    mean: grand,
    halfWidth,
    lower: grand - halfWidth,
    upper: grand + halfWidth,
    confidence,
    batchCount: k,
    batchSize: m,
    skipped: n - k * m,
    lag1,
    lag1CheckFailed: lag1 > maxLag1,
    method:
      `non-overlapping batch means (Law 2015 §9.5.3): ${k} batches of ${m}; start at ${startBatches} batches, ` +
      `halve while lag-1 autocorrelation > ${maxLag1} down to ${minBatches} (Fishman 1978; Law & Carson 1979)`,
  };
}

/** k batch means of m = ⌊n/k⌋ observations, aligned to the END of the series (the leading n − k·m are skipped). */
function batchMeansFromEnd(series: readonly number[], k: number): number[] {
  const m = Math.floor(series.length / k);
  const skip = series.length - k * m;
  const out = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = skip + j * m; i < skip + (j + 1) * m; i++) sum += series[i] ?? NaN;
    out[j] = sum / m;
  }
  return out;
}
