/**
 * The statistics layer of corridor-sim. Times are in hours throughout.
 *
 * - Within a replication: `Tally` (per-observation), `TimeWeighted` (time-persistent),
 *   `QuantileSketch` (bounded-memory quantiles), `ThroughputCounter` (amount per week).
 * - Warm-up deletion: `Resettable`, `resetAll`, `WarmupClock`.
 * - Across replications: `summarizeReplications`, `pairedDifferenceSummary`, and the Student-t
 *   distribution behind their intervals.
 * - Output analysis (issue 15): automatic warm-up by MSER-5 (`mser`, `experimentWarmup`),
 *   replications to a precision (`precisionDecision`), many-scenario comparisons
 *   (`allPairwiseComparisons`, `multipleComparisonsWithBest`), and batch means for one long
 *   replication (`batchMeansInterval`).
 */

// Within-replication statistics.
export { Tally } from './tally.ts';
export { TimeWeighted } from './time-weighted.ts';
export { QuantileSketch, DEFAULT_MAX_BUCKETS, DEFAULT_RELATIVE_ACCURACY } from './quantile-sketch.ts';
export type { QuantileSketchOptions } from './quantile-sketch.ts';
export { nearestRank, nearestRankQuantileSorted } from './nearest-rank.ts';
export { ThroughputCounter, HOURS_PER_WEEK } from './throughput.ts';
export type { ThroughputCounterOptions } from './throughput.ts';

// Warm-up deletion.
export { resetAll, WarmupClock } from './warmup.ts';
export type { Resettable } from './warmup.ts';

// Across-replication summaries.
export { DEFAULT_CONFIDENCE, pairedDifferenceSummary, summarizeReplications, welchDifference } from './replications.ts';
export type { PairedDifferenceSummary, ReplicationSummary, WelchDifference } from './replications.ts';

// Automatic warm-up (MSER-5).
export {
  averageSeries,
  batchMeansOf,
  experimentWarmup,
  fillSeriesGaps,
  mser,
  MSER_BATCH_SIZE,
  mserTruncationAcross,
} from './mser.ts';
export type {
  CombinedTruncation,
  LabelledSeries,
  MetricReplicationSeries,
  MserOptions,
  MserResult,
  WarmupPooling,
} from './mser.ts';

// Replications to a precision.
export { precisionDecision, replicationsForHalfWidth } from './precision.ts';
export type { MetricPrecision, PrecisionDecision, PrecisionOptions, PrecisionTarget } from './precision.ts';

// Comparisons of many scenarios (common random numbers).
export { allPairwiseComparisons, holmAdjust, multipleComparisonsWithBest } from './comparisons.ts';
export type {
  AllPairwiseComparisons,
  Better,
  BestComparison,
  MultipleComparisonsWithBest,
  PairwiseComparison,
  ScenarioValues,
} from './comparisons.ts';

// Batch means for one long replication.
export { batchMeansInterval, lag1Autocorrelation } from './batch-means.ts';
export type { BatchMeansOptions, BatchMeansResult } from './batch-means.ts';

// Distributions behind the intervals.
export { STUDENT_T_MAX_DF, studentTCdf, studentTQuantile } from './student-t.ts';
export { logBeta, regularizedIncompleteBeta } from './incomplete-beta.ts';

// Building blocks.
export { CollapsingLowestStore } from './collapsing-store.ts';
