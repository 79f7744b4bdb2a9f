/**
 * Reading the experiment runner's in-memory records: one metric of one scenario across its
 * replications, and the route transit times a route-choice equilibrium feeds on (the general
 * assignment in this folder and the tariff-shift study's).
 */
import type { ReplicationRecord } from '../experiments/index.ts';
import type { RouteTimes } from '../trade/index.ts';

/** Hours in a day: the runner reports hours, route choice works in days. */
export const HOURS_PER_DAY = 24;

/** Per replication (in record order) the value of `metric` in `scenario`; null where undefined. */
export function metricValues(records: readonly ReplicationRecord[], scenario: string, metric: string): (number | null)[] {
  return records.filter((r) => r.scenario === scenario).map((r) => r.metrics.find((m) => m.metric === metric)?.value ?? null);
}

/** Mean of the defined values, NaN if there are none. */
export function meanDefined(values: readonly (number | null)[]): number {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? Number.NaN : defined.reduce((a, b) => a + b, 0) / defined.length;
}

/**
 * Transit times of each route in `scenario` (days): the mean over replications of each
 * replication's mean and of each replication's 95th percentile (the runner keeps one number
 * per replication, not the transit times themselves). Replications in which a route delivered
 * nothing are left out; NaN when none delivered, which route choice treats as "no delivery".
 */
export function routeTimes(records: readonly ReplicationRecord[], scenario: string, routeIds: readonly string[]): RouteTimes[] {
  return routeIds.map((id) => ({
    meanDays: meanDefined(metricValues(records, scenario, `route.${id}.transit_mean_h`)) / HOURS_PER_DAY,
    p95Days: meanDefined(metricValues(records, scenario, `route.${id}.transit_p95_h`)) / HOURS_PER_DAY,
  }));
}
