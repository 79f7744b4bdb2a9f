/**
 * From a run's rows to what the charts plot: baseline stage statistics (utilization, share of
 * waiting), the bottleneck ranking, and series averaged across replications with a Student-t
 * 95% band. Pure functions of the run folder's contents, so a report is reproducible too.
 */
import type { SummaryRow } from '../experiments/assemble.ts';
import type { SeriesName } from '../experiments/series.ts';
import { studentTQuantile } from '../stats/index.ts';
import type { SeriesTable } from './series-table.ts';

/** A series point averaged across replications. Units as the series (FEU, hours). */
export interface BandPoint {
  readonly scenario: string;
  readonly key: string;
  readonly x: number;
  /** Replications with a value here. */
  readonly n: number;
  readonly mean: number;
  /** Student-t 95% interval of the mean; equal to the mean when n < 2. */
  readonly low: number;
  readonly high: number;
}

/** Baseline facts about one stage (means over replications; null where undefined). */
export interface StageFacts {
  readonly id: string;
  /** Share of capacity busy, 0 to 1; null for a stage without capacity (sea legs). */
  readonly utilization: number | null;
  /** Share of all waiting hours in the network, 0 to 1. */
  readonly waitShare: number | null;
  /** Mean wait before service, hours. */
  readonly meanWaitHours: number | null;
}

/** The mean of `metric` in `scenario` from summary.csv, or null. */
export function metricMean(summary: readonly SummaryRow[], scenario: string, metric: string): number | null {
  return summary.find((r) => r.scenario === scenario && r.metric === metric)?.mean ?? null;
}

/** Facts about each stage in the baseline scenario, for the given stage ids. */
export function stageFacts(summary: readonly SummaryRow[], baseline: string, ids: Iterable<string>): StageFacts[] {
  return [...ids].map((id) => ({
    id,
    utilization: metricMean(summary, baseline, `stage.${id}.utilization`),
    waitShare: metricMean(summary, baseline, `stage.${id}.wait_share`),
    meanWaitHours: metricMean(summary, baseline, `stage.${id}.mean_wait_h`),
  }));
}

/** Stages with some waiting, by baseline share of waiting time, largest first (ties by id). */
export function rankBottlenecks(facts: readonly StageFacts[]): StageFacts[] {
  return facts
    .filter((f) => (f.waitShare ?? 0) > 0)
    .sort((a, b) => (b.waitShare ?? 0) - (a.waitShare ?? 0) || a.id.localeCompare(b.id));
}

/** Mean and t-interval of `values` (at least one). */
export function meanBand(values: readonly number[]): { n: number; mean: number; low: number; high: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean, low: mean, high: mean };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return { n, mean, low: mean - half, high: mean + half };
}

/**
 * Points of `series` averaged across replications, per scenario, key and x, in the table's
 * order (scenario-key pairs as they first appear in the run, then x). Missing values are left
 * out of the mean; a point without any value is dropped.
 */
export function averageSeries(table: SeriesTable, series: SeriesName, keys?: ReadonlySet<string>): BandPoint[] {
  const points: BandPoint[] = [];
  for (const g of table.groups(series)) {
    if (g.values.length > 0 && (keys === undefined || keys.has(g.key))) points.push({ scenario: g.scenario, key: g.key, x: g.x, ...meanBand(g.values) });
  }
  return points;
}
