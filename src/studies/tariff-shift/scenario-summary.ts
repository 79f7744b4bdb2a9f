/**
 * The rows of study-summary.csv for one scenario, from its demand, its equilibrium and the
 * final runs' records (see the README section "The tariff-shift study" for every row).
 *
 * Unserved volume of an overland route is its assigned flow minus what the simulation
 * delivered, on the mean over replications and never below 0 (a Poisson year can bring a few
 * more boxes than the mean; that is noise, not volume created). Its interval is that of
 * assigned − delivered, which may reach below 0. Deep-sea routes deliver what they are assigned
 * (decision 2 in scenario-model.ts), so they leave nothing unserved.
 */
import type { ReplicationRecord } from '../../experiments/index.ts';
import type { ScenarioEquilibrium } from './equilibrium-stage.ts';
import { HOURS_PER_DAY, meanDefined, metricValues } from '../../assignment/records.ts';
import { exact, overReplications, RowCollector, scaled, type StudySummaryRow } from './summary-stats.ts';
import type { StudyRoute } from './trade-demand.ts';

/** What the summary of one scenario needs besides its equilibrium. */
export interface SummaryContext {
  readonly routes: readonly StudyRoute[];
  /** Freight rate of each route, in `routes` order (USD per FEU). */
  readonly freightRatesUsdPerFeu: readonly number[];
  /** Stages reported with utilization and queue: the Middle Corridor's and the Vietnamese overland routes', in model order. */
  readonly corridorStages: readonly string[];
  /** Ferry legs crossing the Caspian (their FEU per week sum to the crossings). */
  readonly caspianLegs: readonly string[];
  readonly bottleneckCount: number;
  /** The final runs' records (all scenarios). */
  readonly records: readonly ReplicationRecord[];
}

/** Per replication, element-wise sum of several metrics (null if any is missing). */
function summed(lists: readonly (readonly (number | null)[])[]): (number | null)[] {
  const length = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length }, (_, i) => lists.reduce<number | null>((sum, list) => (sum === null || list[i] === null || list[i] === undefined ? null : sum + (list[i] as number)), 0));
}

/** The rows of one scenario, in a fixed order (category by category). */
export function scenarioSummary(eq: ScenarioEquilibrium, context: SummaryContext): StudySummaryRow[] {
  const { demand, result } = eq;
  const id = demand.scenario.id;
  const out = new RowCollector(id);
  const values = (metric: string): (number | null)[] => metricValues(context.records, id, metric);
  const flows = result.flowsFeuPerWeek;
  const total = flows.reduce((a, b) => a + b, 0);

  out.add('demand', 'us-tariff', 'reciprocal_rate', exact(demand.usReciprocalRate));
  out.add('demand', 'vn-all-markets', 'before_feu_per_week', exact(demand.totalBeforeFeuPerWeek));
  out.add('demand', 'vn-all-markets', 'after_feu_per_week', exact(demand.totalAfterFeuPerWeek));
  out.add('demand', 'lost-trade', 'feu_per_week', exact(demand.lostTradeFeuPerWeek));
  out.add('demand', 'vn-eu', 'feu_per_week', exact(demand.euFeuPerWeek));
  out.add('demand', 'vn-eu', 'rail_eligible_feu_per_week', exact(demand.railEligibleFeuPerWeek));

  out.add('equilibrium', 'vn-eu', 'iterations', exact(result.iterations));
  out.add('equilibrium', 'vn-eu', 'gap', exact(result.gap));
  out.add('equilibrium', 'vn-eu', 'tolerance', exact(result.tolerance));
  // With a flow tolerance it is the criterion: <= 1 when every route is within it (all flows of the model).
  out.add('equilibrium', 'vn-eu', 'flow_gap', exact(result.flowGap));
  out.add('equilibrium', 'vn-eu', 'converged', exact(result.converged ? 1 : 0));
  // How far one more full step would move the flows: the precision of the reported flows.
  const last = result.history.at(-1);
  const targetFlows = context.routes.map((_, r) => demand.classes.reduce((sum, c, i) => sum + c.demandFeuPerWeek * (last?.targetShares[i]?.[r] ?? Number.NaN), 0));
  const step = (r: number): number => (targetFlows[r] ?? Number.NaN) - (flows[r] ?? Number.NaN);
  out.add('equilibrium', 'vn-overland', 'step_feu_per_week', exact(context.routes.reduce((sum, route, r) => (route.deepSea ? sum : sum + step(r)), 0)));

  // Flow-weighted over classes and routes, at the times of the equilibrium's last evaluation.
  const rates = context.freightRatesUsdPerFeu;
  const freight = flows.reduce((sum, f, r) => sum + f * (rates[r] ?? Number.NaN), 0) / total;
  const generalized = demand.classes.reduce((sum, c, i) =>
    sum + (result.shares[i] ?? []).reduce((s, share, r) => (share > 0 ? s + c.demandFeuPerWeek * share * (result.costs[i]?.[r] ?? Number.NaN) : s), 0), 0) / total;
  out.add('cost', 'vn-eu', 'mean_freight_usd_per_feu', exact(freight));
  out.add('cost', 'vn-eu', 'mean_generalized_cost_usd_per_feu', exact(generalized));

  const shortfalls: (number | null)[][] = [];
  const deliveredByRoute: (number | null)[][] = [];
  context.routes.forEach((route, r) => {
    const assigned = flows[r] ?? Number.NaN;
    const prefix = `route.${route.id}.`;
    out.add('route', route.id, 'assigned_feu_per_week', exact(assigned));
    out.add('route', route.id, 'share', exact(assigned / total));
    out.add('route', route.id, 'freight_rate_usd_per_feu', exact(rates[r] ?? Number.NaN));
    out.add('route', route.id, 'equilibrium_step_feu_per_week', exact(step(r)));
    const delivered = route.deepSea ? values(`${prefix}feu_per_week`).map(() => assigned) : values(`${prefix}feu_per_week`);
    deliveredByRoute.push(delivered);
    out.add('route', route.id, 'delivered_feu_per_week', route.deepSea ? exact(assigned) : overReplications(delivered));
    const shortfall = delivered.map((d) => (d === null ? null : assigned - d));
    if (!route.deepSea) shortfalls.push(shortfall);
    const unserved = route.deepSea ? exact(0) : overReplications(shortfall);
    out.add('route', route.id, 'unserved_feu_per_week', { ...unserved, value: Math.max(0, unserved.value) });
    for (const q of ['mean', 'p50', 'p95'] as const) {
      out.add('route', route.id, `transit_${q}_d`, scaled(overReplications(values(`${prefix}transit_${q}_h`)), 1 / HOURS_PER_DAY));
    }
  });

  const overland = flows.reduce((sum, f, r) => (context.routes[r]?.deepSea === true ? sum : sum + f), 0);
  out.add('overland', 'vn-eu', 'feu_per_week', exact(overland));
  out.add('overland', 'vn-eu', 'share', exact(overland / total));
  for (const mode of ['middle-corridor', 'northern']) {
    out.add('overland', `vn-${mode}`, 'feu_per_week', exact(flows.reduce((sum, f, r) => (context.routes[r]?.mode === mode ? sum + f : sum), 0)));
  }
  out.add('delivered', 'vn-eu', 'feu_per_week', overReplications(summed(deliveredByRoute)));
  // Simulated: the overland routes' deliveries per replication, with their interval.
  out.add('delivered', 'vn-overland', 'feu_per_week', overReplications(summed(deliveredByRoute.filter((_, r) => context.routes[r]?.deepSea !== true))));
  const unservedTotal = overReplications(summed(shortfalls));
  out.add('unserved', 'vn-overland', 'feu_per_week', { ...unservedTotal, value: Math.max(0, unservedTotal.value) });

  out.add('corridor', 'middle-corridor', 'feu_per_week', overReplications(values('mode.middle-corridor.feu_per_week')));
  out.add('corridor', 'caspian-crossings', 'feu_per_week', overReplications(summed(context.caspianLegs.map((leg) => values(`stage.${leg}.feu_per_week`)))));
  for (const stage of context.corridorStages) {
    for (const q of ['utilization', 'mean_queue_feu', 'mean_wait_h', 'feu_per_week']) out.add('stage', stage, q, overReplications(values(`stage.${stage}.${q}`)));
  }
  // The Caspian crossings' time split: waiting for a vessel, apart from loading and waiting aboard at the berth.
  for (const leg of context.caspianLegs) {
    for (const q of ['wait_vessel_h', 'at_berth_h', 'anchor_berthing_h']) out.add('stage', leg, q, overReplications(values(`stage.${leg}.${q}`)));
  }

  const shares = new Map<string, number>();
  for (const m of context.records.find((r) => r.scenario === id)?.metrics ?? []) {
    const match = /^stage\.(.+)\.wait_share$/.exec(m.metric);
    if (match?.[1] !== undefined) shares.set(match[1], meanDefined(values(m.metric)));
  }
  const ranked = [...shares].filter(([, share]) => share > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, context.bottleneckCount);
  ranked.forEach(([stage], rank) => {
    out.add('bottleneck', stage, 'rank', exact(rank + 1));
    out.add('bottleneck', stage, 'wait_share', overReplications(values(`stage.${stage}.wait_share`)));
    out.add('bottleneck', stage, 'mean_wait_h', overReplications(values(`stage.${stage}.mean_wait_h`)));
  });
  return out.rows;
}
