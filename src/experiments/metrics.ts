/**
 * Metrics: one replication's result flattened into (metric, value) pairs with stable names and a
 * stable order (routes in model order, modes alphabetically, stages in model order: nodes then
 * legs, then network totals). The unit is the name's suffix: `_h` hours, `_feu` FEU,
 * `_per_week` FEU per week, none for a share or utilization (0 to 1). A value that is not
 * defined (no container delivered, a stage without capacity) is null; -0 is stored as 0, so
 * the numbers are the same whether they come from a worker or from the journal.
 */
import type { ReplicationResult } from '../corridor/runtime/result.ts';

/** One metric of one replication. null: not defined in this replication. */
export interface MetricValue {
  readonly metric: string;
  readonly value: number | null;
}

/** Suffixes of the per-route metrics, in order. */
export const ROUTE_METRICS = ['transit_mean_h', 'transit_p50_h', 'transit_p95_h', 'feu_per_week'] as const;
/**
 * Suffixes of the per-stage metrics every stage has, in order. After them come the stage's phases
 * (`<phase>_h`, e.g. a ferry's `wait_vessel_h`, mean hours per container), in the kind's order.
 * `closed_share` is the share of time the place was closed; `background_feu_per_week` the other
 * traffic (FEU-equivalents) it carried, not in the other figures; `binding_warning` is 1 when a
 * capacity the model assumes non-binding bound in the replication (see binding.ts), else 0.
 */
export const STAGE_METRICS = ['mean_wait_h', 'mean_queue_feu', 'max_queue_feu', 'utilization', 'wait_share', 'feu_per_week', 'closed_share', 'background_feu_per_week', 'binding_warning'] as const;
/** The network metrics, in order. */
export const NETWORK_METRICS = ['network.entered_feu', 'network.delivered_feu', 'network.backlog_feu', 'network.mean_in_system_feu'] as const;

/** The canonical value: finite numbers (with -0 as 0), otherwise null. */
export function canonicalValue(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** Flatten a replication result into metrics (all of them, in the stable order). */
export function flattenReplication(result: ReplicationResult): MetricValue[] {
  const out: MetricValue[] = [];
  const add = (metric: string, value: number): void => {
    out.push({ metric, value: canonicalValue(value) });
  };
  const modes = new Map<string, number>();
  let entered = 0;
  let delivered = 0;
  for (const route of result.routes) {
    const p = `route.${route.id}.`;
    add(`${p}transit_mean_h`, route.transit.mean);
    add(`${p}transit_p50_h`, route.transit.p50);
    add(`${p}transit_p95_h`, route.transit.p95);
    add(`${p}feu_per_week`, route.feuPerWeek);
    modes.set(route.mode, (modes.get(route.mode) ?? 0) + route.feuPerWeek);
    entered += route.entered;
    delivered += route.delivered;
  }
  for (const mode of [...modes.keys()].sort()) add(`mode.${mode}.feu_per_week`, modes.get(mode) ?? 0);
  addAssignment(result, add);
  for (const stage of result.stages) {
    const p = `stage.${stage.id}.`;
    add(`${p}mean_wait_h`, stage.meanWaitHours);
    add(`${p}mean_queue_feu`, stage.meanQueueFeu);
    add(`${p}max_queue_feu`, stage.maxQueueFeu);
    add(`${p}utilization`, stage.utilization);
    add(`${p}wait_share`, stage.waitShare);
    add(`${p}feu_per_week`, stage.feuPerWeek);
    add(`${p}closed_share`, stage.closedShare);
    add(`${p}background_feu_per_week`, stage.backgroundFeuPerWeek);
    add(`${p}binding_warning`, stage.bindingWarning ? 1 : 0);
    for (const [phase, hours] of Object.entries(stage.phases)) add(`${p}${phase}_h`, hours);
  }
  add('network.entered_feu', entered);
  add('network.delivered_feu', delivered);
  add('network.backlog_feu', result.containers.inSystem);
  add('network.mean_in_system_feu', result.meanInSystem);
  return out;
}

/**
 * Route choice, for models with choice flows (a demand with several routes): per mode the volume
 * assigned (FEU per week; on an uncongested route with a probe this is the accounted volume, not
 * the simulated probe), then per choice flow and route its share and assigned volume.
 */
function addAssignment(result: ReplicationResult, add: (metric: string, value: number) => void): void {
  const routesPerDemand = new Map<string, number>();
  for (const flow of result.flows) routesPerDemand.set(flow.demand, (routesPerDemand.get(flow.demand) ?? 0) + 1);
  const choice = result.flows.filter((f) => (routesPerDemand.get(f.demand) ?? 0) > 1);
  if (choice.length === 0) return;
  const assigned = new Map<string, number>();
  for (const flow of result.flows) assigned.set(flow.mode, (assigned.get(flow.mode) ?? 0) + flow.assignedFeuPerWeek);
  for (const mode of [...assigned.keys()].sort()) add(`mode.${mode}.assigned_feu_per_week`, assigned.get(mode) ?? 0);
  for (const flow of choice) {
    add(`flow.${flow.demand}.${flow.route}.share`, flow.share);
    add(`flow.${flow.demand}.${flow.route}.assigned_feu_per_week`, flow.assignedFeuPerWeek);
  }
}

/** A compiled set of metric name patterns. */
export type MetricFilter = (metric: string) => boolean;

/** Regular expression of one pattern: `**` any text, `*` any text without a dot, the rest literal. */
export function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .split('**')
    .map((part) => part.split('*').map((literal) => literal.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('[^.]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** A filter keeping metrics that match any of `patterns`. */
export function metricFilter(patterns: readonly string[]): MetricFilter {
  const regs = patterns.map(patternRegExp);
  return (metric) => regs.some((r) => r.test(metric));
}

/**
 * Whether any of `patterns` may keep a stage metric (`stage.<id>.<field>`): judged by each
 * pattern's text before its first `*`, so `route.**` may not, and `**`, `*.x` or `stage.aktau.*`
 * may. Conservative: a pattern that could match one is counted even if no stage has that name.
 */
export function mayKeepStageMetrics(patterns: readonly string[]): boolean {
  const stage = 'stage.';
  return patterns.some((pattern) => {
    const star = pattern.indexOf('*');
    const literal = star === -1 ? pattern : pattern.slice(0, star);
    return stage.startsWith(literal) || literal.startsWith(stage);
  });
}

/** Patterns that match none of `names` (to report a typo before a run). */
export function unmatchedPatterns(patterns: readonly string[], names: Iterable<string>): string[] {
  const all = [...names];
  return patterns.filter((pattern) => {
    const r = patternRegExp(pattern);
    return !all.some((name) => r.test(name));
  });
}
