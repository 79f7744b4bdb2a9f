/**
 * The corridor-model scenario behind one study scenario and one set of route flows. Modelling
 * decisions (each one a reason in the README section "The tariff-shift study"):
 *
 * 1. Overland flows are simulated exactly. The Vietnamese overland routes carry their assigned
 *    flows as demand (replacing the model's pilot volumes on those routes, and added for the
 *    Northern route, which has none), on top of the model's Chinese corridor demand, so they
 *    contend for Khorgos, Aktau, the Caspian feeders, Baku, BTK and the rest.
 * 2. Deep-sea volume is accounted, not simulated. EU-bound Vietnamese demand is ~9,000 FEU/week;
 *    simulating every box is not needed because liner capacity on Asia - North Europe (tens of
 *    thousands of FEU a week) is not the constraint for these volumes. The sea routes keep the
 *    model's sampled slice, whose transit times represent the sea services; the assigned sea
 *    volume is "delivered" at the rate assigned.
 * 3. Vietnamese entry services scale with demand. The model sizes them for the pilot volume:
 *    one weekly 23-FEU train Hai Phong - Dong Dang, and a 20-FEU allocation per short-sea
 *    sailing to Lianyungang ("allocation to the modelled flow"). Kept as they are, they cap
 *    Vietnamese overland cargo at ~63 FEU/week before it reaches China, and the study would
 *    only measure those two assumptions. So in every study scenario a Vietnamese train leaves
 *    when its 23 wagons are full or a week after its first box (today's weekly train is the
 *    floor), within the line's 2 train paths a day (322 FEU/week, the model's cited limit), and
 *    the short-sea allocation (`SHORT_SEA_ALLOCATION_FEU`) is too large to bind.
 */
import type { CompiledModel } from '../../corridor/compiled.ts';
import type { JsonValue, ScenarioInput } from '../../experiments/index.ts';
import type { StudyRoute } from './trade-demand.ts';

/** Short-sea allocation per sailing Hai Phong - Lianyungang in the study (FEU): 2 sailings/week carry 2,000 FEU/week. */
export const SHORT_SEA_ALLOCATION_FEU = 1000;

/** The study's service overrides (decision 3 in the module comment). */
export const SERVICE_OVERRIDES: Readonly<Record<string, JsonValue>> = {
  'legs.vn-haiphong-dongdang.departure': { policy: 'fullOrMaxWait', maxWait: { hours: 168 }, minLoadFeu: 1 },
  'legs.sea-haiphong-lianyungang.vessel': { capacityFeu: SHORT_SEA_ALLOCATION_FEU },
};

/** Where each overland route's demand goes in the model's demand list. */
export interface DemandSlot {
  readonly route: string;
  /** Index in the model's `demand` list (an existing entry, or appended at the end). */
  readonly index: number;
  /** Demand id: the existing entry's, or `vn-<route>` for an appended one. */
  readonly id: string;
}

/**
 * The demand slots of the overland routes: each route's existing demand entry, else a new entry
 * after the model's last (the overlay mechanism may append at index = length of a list).
 * @throws Error when a route has more than one demand entry (its flow would be ambiguous)
 */
export function demandSlots(model: CompiledModel, routes: readonly StudyRoute[]): DemandSlot[] {
  let next = model.demand.length;
  return routes.filter((r) => !r.deepSea).map((route) => {
    const found = model.demand.flatMap((d, index) => (d.route === route.id ? [{ index, id: d.id }] : []));
    if (found.length > 1) throw new Error(`route "${route.id}" has ${found.length} demand entries in ${model.id}; the study sets one flow per route`);
    const [entry] = found;
    return entry === undefined ? { route: route.id, index: next++, id: `vn-${route.id}` } : { route: route.id, ...entry };
  });
}

/** What a scenario model is built from. */
export interface ScenarioModelInput {
  readonly id: string;
  readonly overlays: readonly string[];
  readonly routes: readonly StudyRoute[];
  readonly slots: readonly DemandSlot[];
  /** Flows per route in `routes` order (FEU/week); deep-sea flows are ignored (decision 2). */
  readonly flowsFeuPerWeek: readonly number[];
  /** Monthly seasonality of Vietnamese exports (the trade file's, January first). */
  readonly seasonality: readonly number[];
}

/** The experiment scenario: upgrade overlays, the service overrides, then the overland demand. */
export function scenarioInput(input: ScenarioModelInput): ScenarioInput {
  const set: Record<string, JsonValue> = { ...SERVICE_OVERRIDES };
  // In slot order, so appended entries are set at index = current length, one after another.
  for (const slot of [...input.slots].sort((a, b) => a.index - b.index)) {
    const r = input.routes.findIndex((route) => route.id === slot.route);
    const flow = input.flowsFeuPerWeek[r] ?? Number.NaN;
    if (!(flow >= 0)) throw new RangeError(`scenario ${input.id}: flow on ${slot.route} must be >= 0 FEU/week, got ${flow}`);
    set[`demand[${slot.index}]`] = { id: slot.id, route: slot.route, volume: { feuPerWeek: flow }, seasonality: [...input.seasonality] };
  }
  return { id: input.id, overlays: input.overlays, set };
}
