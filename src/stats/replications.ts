/**
 * Across-replication summaries: each independent replication yields one number (e.g. its mean
 * transit time in hours, or its FEU per week), and these functions turn those numbers into a
 * point estimate with a Student-t confidence interval (Law, Simulation Modeling and Analysis,
 * 5th ed., §9.4.1, the fixed-sample-size procedure), and compare two scenarios run with common
 * random numbers by a paired-t interval (Law §10.2.1).
 *
 * Convention for n = 1: the mean is reported, but the standard deviation and the interval are
 * NaN (a single replication says nothing about its own variability; NaN shows up in reports
 * where a zero-width interval would look like certainty). n = 0 throws: there is no estimate.
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.ts';

/** Default two-sided confidence level of the intervals: 0.95. */
export const DEFAULT_CONFIDENCE = 0.95;

/** Summary of one output measure over independent replications (values in their own unit). */
export interface ReplicationSummary {
  /** Number of replications. */
  readonly n: number;
  /** Sample mean: the point estimate. */
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator); NaN when n = 1. */
  readonly standardDeviation: number;
  /** Two-sided confidence level of the interval, e.g. 0.95. */
  readonly confidence: number;
  /** t_{(1+c)/2, n−1} · sd / √n; NaN when n = 1. */
  readonly halfWidth: number;
  /** mean − halfWidth. */
  readonly lower: number;
  /** mean + halfWidth. */
  readonly upper: number;
  /** Median across replications (linear interpolation, R/numpy type 7, as simple-statistics). */
  readonly p50: number;
  /** 95th percentile across replications (type 7). */
  readonly p95: number;
}

/**
 * Point estimate, Student-t confidence interval and spread of per-replication values.
 * Interval: mean ± t_{(1+c)/2, n−1} · s / √n, valid for independent replications whose outputs
 * are approximately normal (replication means usually are, by the central limit theorem).
 * O(n log n) for the percentiles; does not modify `values`.
 * @param confidence two-sided level in (0, 1), default 0.95.
 * @throws RangeError if `values` is empty or holds a non-finite number, or on a bad confidence.
 */
export function summarizeReplications(values: readonly number[], confidence = DEFAULT_CONFIDENCE): ReplicationSummary {
  checkValues('summarizeReplications', values);
  const n = values.length;
  const m = mean(values);
  const sd = n < 2 ? NaN : sampleStandardDeviation(values);
  const halfWidth = tHalfWidth(sd, n, confidence);
  const sorted = [...values].sort((x, y) => x - y);
  return {
    n,
    mean: m,
    standardDeviation: sd,
    confidence,
    halfWidth,
    lower: m - halfWidth,
    upper: m + halfWidth,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** Paired comparison of scenario B against baseline A over the same replications. */
export interface PairedDifferenceSummary {
  /** Number of pairs. */
  readonly n: number;
  /** Mean of the baseline values A. */
  readonly meanA: number;
  /** Mean of the alternative values B. */
  readonly meanB: number;
  /** Mean of the differences B − A (= meanB − meanA). */
  readonly meanDifference: number;
  /** Sample standard deviation of the differences B − A; NaN when n = 1. */
  readonly standardDeviation: number;
  /** Two-sided confidence level of the interval, e.g. 0.95. */
  readonly confidence: number;
  /** Paired-t half-width t_{(1+c)/2, n−1} · sd(B − A) / √n; NaN when n = 1. */
  readonly halfWidth: number;
  /** meanDifference − halfWidth. */
  readonly lower: number;
  /** meanDifference + halfWidth. */
  readonly upper: number;
  /** (meanB − meanA) / meanA, e.g. −0.08 for 8 % shorter transit; NaN when meanA = 0. */
  readonly relativeChange: number;
  /** True when the interval excludes 0: the difference is significant at this level. */
  readonly significant: boolean;
}

/**
 * Paired-t comparison of two scenarios run with common random numbers: `a[i]` and `b[i]` must
 * come from replication i of each scenario (same seeds). Pairing removes the variance the
 * scenarios share, so the interval on B − A is usually far narrower than comparing two
 * independent intervals (Law §10.2.1). O(n).
 * @throws RangeError if the arrays differ in length, are empty or hold a non-finite number, or
 *   on a bad confidence.
 */
export function pairedDifferenceSummary(
  a: readonly number[],
  b: readonly number[],
  confidence = DEFAULT_CONFIDENCE,
): PairedDifferenceSummary {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifferenceSummary: a has ${a.length} values but b has ${b.length}; pairs must match`);
  }
  checkValues('pairedDifferenceSummary (a)', a);
  checkValues('pairedDifferenceSummary (b)', b);
  const n = a.length;
  const differences = b.map((bi, i) => bi - (a[i] ?? NaN));
  const meanA = mean(a);
  const meanB = mean(b);
  const meanDifference = mean(differences);
  const sd = n < 2 ? NaN : sampleStandardDeviation(differences);
  const halfWidth = tHalfWidth(sd, n, confidence);
  const lower = meanDifference - halfWidth;
  const upper = meanDifference + halfWidth;
  return {
    n,
    meanA,
    meanB,
    meanDifference,
    standardDeviation: sd,
    confidence,
    halfWidth,
    lower,
    upper,
    relativeChange: meanA === 0 ? NaN : (meanB - meanA) / meanA,
    // NaN bounds compare false, so n = 1 is never "significant".
    significant: lower > 0 || upper < 0,
  };
}

/** t_{(1+c)/2, n−1} · sd / √n; NaN when n < 2 (no degrees of freedom). */
function tHalfWidth(sd: number, n: number, confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (n < 2) return NaN;
  return (studentTQuantile((1 + confidence) / 2, n - 1) * sd) / Math.sqrt(n);
}

function checkValues(caller: string, values: readonly number[]): void {
  if (values.length === 0) throw new RangeError(`${caller}: needs at least one replication`);
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`${caller}: every value must be finite, got ${v}`);
  }
}

/** Welch's comparison of two independent samples (B − A), e.g. two runs with different seeds. */
export interface WelchDifference {
  /** The smaller sample size. */
  readonly n: number;
  readonly meanA: number;
  readonly meanB: number;
  readonly meanDifference: number;
  /** Standard error of the difference, sqrt(s_A²/n_A + s_B²/n_B). */
  readonly standardError: number;
  /** Welch–Satterthwaite degrees of freedom (n_A + n_B − 2 when both variances are 0). */
  readonly degreesOfFreedom: number;
}

/**
 * Welch's unpaired difference B − A with its standard error and degrees of freedom (Law §10.2.1,
 * when the samples share no random numbers); null with fewer than 2 values on a side.
 */
export function welchDifference(a: readonly number[], b: readonly number[]): WelchDifference | null {
  if (a.length < 2 || b.length < 2) return null;
  const va = sampleStandardDeviation([...a]) ** 2 / a.length;
  const vb = sampleStandardDeviation([...b]) ** 2 / b.length;
  const standardError = Math.sqrt(va + vb);
  const degreesOfFreedom = standardError === 0 ? a.length + b.length - 2 : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const meanA = mean([...a]);
  const meanB = mean([...b]);
  return { n: Math.min(a.length, b.length), meanA, meanB, meanDifference: meanB - meanA, standardError, degreesOfFreedom };
}
