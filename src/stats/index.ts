/**
 * The statistics layer of corridor-sim. Times are in hours throughout.
 *
 * - Within a replication: `Tally` (per-observation), `TimeWeighted` (time-persistent),
 *   `QuantileSketch` (bounded-memory quantiles), `ThroughputCounter` (amount per week).
 * - Warm-up deletion: `Resettable`, `resetAll`, `WarmupClock`.
 * - Across replications: `summarizeReplications`, `pairedDifferenceSummary`, and the Student-t
 *   distribution behind their intervals.
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
export { DEFAULT_CONFIDENCE, pairedDifferenceSummary, summarizeReplications } from './replications.ts';
export type { PairedDifferenceSummary, ReplicationSummary } from './replications.ts';

// Distributions behind the intervals.
export { STUDENT_T_MAX_DF, studentTCdf, studentTQuantile } from './student-t.ts';
export { logBeta, regularizedIncompleteBeta } from './incomplete-beta.ts';

// Building blocks.
export { CollapsingLowestStore } from './collapsing-store.ts';
