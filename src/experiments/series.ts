/**
 * Series: the per-replication curves behind the report's charts, next to the scalar metrics.
 * Metrics answer "how much"; series answer "when" and "how spread": FEU delivered per week on
 * each route, each route's transit-time quantiles (an ECDF outline), and the time-average queue
 * per week at every stage.
 *
 * Why every stage, weekly, rather than the daily queue of the few worst stages: a stage chosen
 * per replication (top k by wait share) drops out exactly when a scenario relieves it (more
 * Caspian vessels), which would bias the mean queue across replications and hide the effect the
 * chart is meant to show. Every stage in every replication keeps the means honest; a week is the
 * unit of the throughput series too, and it bounds the size: (routes + stages) x weeks +
 * routes x 21 quantiles numbers per replication (about 3,000 for a year of the Middle Corridor).
 *
 * Values are canonical (`canonicalValue`: -0 as 0, non-finite as null), so they are the same
 * bytes whether they come from a worker or from the journal.
 */
import { TRANSIT_QUANTILE_LEVELS, type ReplicationResult } from '../corridor/runtime/result.ts';
import { canonicalValue } from './metrics.ts';

/** The series, in the order they are stored and written. */
export const SERIES_NAMES = ['route_weekly_feu', 'route_transit_h', 'stage_weekly_queue_feu'] as const;

/** One of `SERIES_NAMES`. */
export type SeriesName = (typeof SERIES_NAMES)[number];

/** Days per point of `stage_weekly_queue_feu`. */
export const QUEUE_DAYS_PER_POINT = 7;

/**
 * One curve of one replication: `values[i]` is at `seriesX(series, i)`. Units by name:
 * `route_weekly_feu` FEU per week, `route_transit_h` hours, `stage_weekly_queue_feu` FEU.
 */
export interface SeriesValues {
  readonly series: SeriesName;
  /** Route id (route_*) or stage id (stage_*). */
  readonly key: string;
  /** null: not defined (a transit quantile of a route that delivered nothing). */
  readonly values: readonly (number | null)[];
}

/** True if `name` is one of `SERIES_NAMES`. */
export function isSeriesName(name: unknown): name is SeriesName {
  return typeof name === 'string' && (SERIES_NAMES as readonly string[]).includes(name);
}

/**
 * Where point `index` of a series lies: the week (0 = first complete week after the warm-up) for
 * the weekly series, the probability level (0.01 ... 0.99) for `route_transit_h`.
 */
export function seriesX(series: SeriesName, index: number): number {
  if (series === 'route_transit_h') return TRANSIT_QUANTILE_LEVELS[index] ?? Number.NaN;
  return index;
}

/** Mean of each complete block of `size` values (a trailing partial block is dropped). */
function blockMeans(values: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let start = 0; start + size <= values.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += values[i] ?? 0;
    out.push(sum / size);
  }
  return out;
}

/** The series of one replication: routes in model order, then stages in model order. */
export function replicationSeries(result: ReplicationResult): SeriesValues[] {
  const canonical = (values: readonly number[]): (number | null)[] => values.map(canonicalValue);
  return [
    ...result.routes.map((r): SeriesValues => ({ series: 'route_weekly_feu', key: r.id, values: canonical(r.weekly) })),
    ...result.routes.map((r): SeriesValues => ({ series: 'route_transit_h', key: r.id, values: canonical(r.transit.quantiles) })),
    ...result.stages.map((s): SeriesValues => ({ series: 'stage_weekly_queue_feu', key: s.id, values: canonical(blockMeans(s.dailyQueue, QUEUE_DAYS_PER_POINT)) })),
  ];
}

/** Read back a journal's `series` field. Returns a message on a malformed entry. */
export function parseSeries(data: unknown): SeriesValues[] | string {
  if (!Array.isArray(data)) return 'series is not a list';
  const out: SeriesValues[] = [];
  for (const entry of data as unknown[]) {
    const e = entry as Partial<SeriesValues> | null;
    if (e === null || typeof e !== 'object' || !isSeriesName(e.series) || typeof e.key !== 'string' || !Array.isArray(e.values)) {
      return 'expected series entries with series, key and values';
    }
    if (!e.values.every((v) => v === null || typeof v === 'number')) return `series ${e.series} ${e.key}: a value is not a number or null`;
    out.push({ series: e.series, key: e.key, values: e.values });
  }
  return out;
}
