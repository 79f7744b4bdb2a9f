/**
 * Confidence intervals for a run of ONE replication per scenario (one long year, say), where
 * summary.csv has a mean but no interval (n = 1: nothing to estimate a variance from across
 * replications). Batch means (src/stats/batch-means.ts: halve the batch count while the lag-1
 * autocorrelation of the batch means exceeds 0.2, down to 10 batches) on the weekly series the
 * replication already records (series.ts). The starting count is the largest k ≤ 40 that splits
 * the n weeks into batches of whole weeks with the fewest left over, k = ⌊n / ⌈n/40⌉⌋: a year of
 * 52 weeks starts at 26 batches of 2 weeks (not 40 of 1 week, which would skip 12 weeks), then
 * 13 of 4. The series:
 *
 * - `route_weekly_feu` (FEU delivered in each complete week) for `route.<route>.feu_per_week`;
 * - `stage_weekly_queue_feu` (time-average FEU waiting in each week) for `stage.<stage>.mean_queue_feu`.
 *
 * The runtime records no per-period transit time or wait, so transit and wait metrics get no
 * interval from one replication: run replications for those. The batch-means mean is that of the
 * complete weeks used (the leading weeks that do not fill a batch are skipped, being nearest the
 * warm-up), so it can differ slightly from summary.csv's value, which counts the whole horizon.
 * A function of the records alone, like every output: the same bytes for any worker count.
 */
import { csvText } from '../../output/csv.ts';
import { batchMeansInterval } from '../../stats/batch-means.ts';
import type { Experiment } from '../define-experiment.ts';
import type { ReplicationRecord } from '../journal.ts';
import { canonicalValue } from '../metrics.ts';
import type { SeriesName } from '../series.ts';

/** Fewest weekly values batch means accepts: its smallest batch count (10 batches of 1 week). */
export const MIN_BATCH_MEANS_WEEKS = 10;

/** Largest acceptable lag-1 autocorrelation of the batch means (batch-means.ts default). */
export const MAX_LAG1 = 0.2;

/** Columns of batch-means.csv (README data dictionary). */
export const BATCH_MEANS_COLUMNS = [
  'scenario', 'metric', 'series', 'key', 'weeks', 'mean', 'ci95_low', 'ci95_high', 'batches', 'batch_weeks', 'skipped_weeks', 'lag1', 'lag1_check',
] as const;

/** Which metric a weekly series estimates. */
const SERIES_METRIC: Partial<Record<SeriesName, (key: string) => string>> = {
  route_weekly_feu: (key) => `route.${key}.feu_per_week`,
  stage_weekly_queue_feu: (key) => `stage.${key}.mean_queue_feu`,
};

/** One batch-means interval (values in the metric's unit: FEU/week or FEU). */
export interface BatchMeansRow {
  readonly scenario: string;
  readonly metric: string;
  readonly series: SeriesName;
  readonly key: string;
  /** Complete weeks in the series. */
  readonly weeks: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** k batches of m weeks, after skipping the leading weeks that do not fill one. */
  readonly batches: number;
  readonly batchWeeks: number;
  readonly skippedWeeks: number;
  /** Lag-1 autocorrelation of the batch means, and whether it is at most `MAX_LAG1`. */
  readonly lag1: number;
  readonly lag1Passed: boolean;
}

/** True when batch means replace the missing across-replication intervals: one replication per scenario. */
export function usesBatchMeans(experiment: Experiment): boolean {
  return experiment.replications === 1 && experiment.precision === undefined;
}

/**
 * The intervals of a one-replication run: per scenario (experiment order), per series in record
 * order, for the metrics the run kept; series with a missing value or fewer than
 * `MIN_BATCH_MEANS_WEEKS` weeks are left out. Empty unless `usesBatchMeans`.
 */
export function batchMeansRows(experiment: Experiment, ordered: readonly ReplicationRecord[]): BatchMeansRow[] {
  if (!usesBatchMeans(experiment)) return [];
  const rows: BatchMeansRow[] = [];
  for (const record of ordered) {
    const kept = new Set(record.metrics.map((m) => m.metric));
    for (const s of record.series ?? []) {
      const metric = SERIES_METRIC[s.series]?.(s.key);
      if (metric === undefined || !kept.has(metric) || s.values.length < MIN_BATCH_MEANS_WEEKS) continue;
      const values = s.values.filter((v): v is number => v !== null);
      if (values.length !== s.values.length) continue;
      const batches = Math.floor(values.length / Math.ceil(values.length / 40));
      const r = batchMeansInterval(values, { batches, maxLag1: MAX_LAG1, minBatches: MIN_BATCH_MEANS_WEEKS });
      rows.push({
        scenario: record.scenario, metric, series: s.series, key: s.key, weeks: values.length,
        mean: r.mean, low: r.lower, high: r.upper, batches: r.batchCount, batchWeeks: r.batchSize, skippedWeeks: r.skipped,
        lag1: r.lag1, lag1Passed: !r.lag1CheckFailed,
      });
    }
  }
  return rows;
}

/** batch-means.csv's text and row count, or nothing unless `usesBatchMeans`. */
export function batchMeansTexts(experiment: Experiment, ordered: readonly ReplicationRecord[]): { file: 'batch-means.csv'; text: string; rows: number }[] {
  if (!usesBatchMeans(experiment)) return [];
  const c = canonicalValue;
  const rows = batchMeansRows(experiment, ordered).map((r) => [
    r.scenario, r.metric, r.series, r.key, r.weeks, c(r.mean), c(r.low), c(r.high), r.batches, r.batchWeeks, r.skippedWeeks, c(r.lag1), r.lag1Passed ? 'passed' : 'failed',
  ]);
  return [{ file: 'batch-means.csv', text: csvText(BATCH_MEANS_COLUMNS, rows), rows: rows.length }];
}
