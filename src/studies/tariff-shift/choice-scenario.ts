/**
 * The corridor-model scenario of one study scenario on the model's route assignment
 * (src/assignment): the Vietnamese EU-bound demand classes of the scenario become choice flows
 * of the model, beside its Chinese and Caucasus flows, and every flow is assigned by the model's
 * calibrated logit (`assignment` in models/middle-corridor.yaml) with congestion feedback.
 *
 * - The classes replace the model's own Vietnamese entries (the pinned pilot volumes on the
 *   overland routes and the sea slice): those are the same cargo, now split by the logit.
 * - Each class is a demand entry `vn-eu-<commodity>-rail` (may use all five study routes) or
 *   `vn-eu-<commodity>-sea` (deep sea only), with its commodity's value of time from the trade
 *   file and the trade file's monthly seasonality.
 * - The study's service overrides (scenario-model.ts, decision 3) apply, so the Vietnamese entry
 *   services scale with what is assigned to them.
 *
 * This module also maps an assignment (all flows, all routes of every choice set) back to the
 * study's view: the Vietnamese classes over the five study routes, in the order of
 * `ScenarioDemand.classes` and `VIETNAMESE_ROUTES`.
 */
import type { CompiledModel } from '../../corridor/compiled.ts';
import type { AssignmentScenario, ScenarioAssignment } from '../../assignment/solve-assignment.ts';
import type { JsonValue } from '../../experiments/index.ts';
import type { EquilibriumIteration, EquilibriumResult } from '../../trade/index.ts';
import { SERVICE_OVERRIDES } from './scenario-model.ts';
import type { ScenarioDemand, StudyRoute } from './trade-demand.ts';

/** The demand id of a route-choice class: `eu/electronics/rail-eligible` -> `vn-eu-electronics-rail`. */
export function classDemandId(classId: string): string {
  const [market, commodity, kind] = classId.split('/');
  if (market === undefined || commodity === undefined || kind === undefined) throw new Error(`route-choice class id "${classId}" is not <market>/<commodity>/<kind>`);
  return `vn-${market}-${commodity}-${kind === 'rail-eligible' ? 'rail' : 'sea'}`;
}

/**
 * The indices of the model's demand entries that use only the study's routes: the Vietnamese
 * cargo the classes replace.
 */
export function vietnameseEntries(model: CompiledModel, routes: readonly StudyRoute[]): number[] {
  const ids = new Set(routes.map((r) => r.id));
  return model.demand.flatMap((d, index) => (d.choices.length > 0 && d.choices.every((c) => ids.has(c.route)) ? [index] : []));
}

/** What a study scenario's model is built from. */
export interface ChoiceScenarioInput {
  readonly modelFile: string;
  /** The base model, compiled (its demand list decides where the classes go). */
  readonly model: CompiledModel;
  readonly overlays: readonly string[];
  readonly routes: readonly StudyRoute[];
  readonly demand: ScenarioDemand;
  /** Monthly seasonality of Vietnamese exports (the trade file's, January first). */
  readonly seasonality: readonly number[];
}

/**
 * The assignment scenario (see the module comment): the classes go to the Vietnamese entries'
 * places in the demand list, then after the last entry.
 * @throws Error when the model has more Vietnamese entries than the scenario has classes
 */
export function choiceScenario(input: ChoiceScenarioInput): AssignmentScenario {
  const replaced = vietnameseEntries(input.model, input.routes);
  const classes = input.demand.classes;
  if (replaced.length > classes.length) throw new Error(`${input.model.id} has ${replaced.length} Vietnamese demand entries, more than the study's ${classes.length} classes`);
  const set: Record<string, JsonValue> = { ...SERVICE_OVERRIDES };
  let next = input.model.demand.length;
  classes.forEach((c, i) => {
    const index = replaced[i] ?? next++;
    set[`demand[${index}]`] = {
      id: classDemandId(c.id),
      routes: [...(c.routeIds ?? input.routes.map((r) => r.id))],
      volume: { feuPerWeek: c.demandFeuPerWeek },
      valueOfTimeUsdPerFeuDay: c.valueOfTimeUsdPerFeuDay,
      seasonality: [...input.seasonality],
    };
  });
  return { id: input.demand.scenario.id, model: input.modelFile, overlays: input.overlays, set };
}

/** Positions of `wanted` ids in `ids`. @throws Error naming one that is missing */
function positions(ids: readonly string[], wanted: readonly string[], what: string): number[] {
  return wanted.map((id) => {
    const at = ids.indexOf(id);
    if (at < 0) throw new Error(`the assignment has no ${what} "${id}"`);
    return at;
  });
}

/**
 * The study's view of an assignment: the Vietnamese classes (rows, `demand.classes` order) over
 * the study routes (columns, `routes` order), flows summed over those classes only. Whether it
 * converged, the gaps and the tolerance are the whole assignment's (all flows).
 */
export function studyView(assignment: ScenarioAssignment, demand: ScenarioDemand, routes: readonly StudyRoute[]): EquilibriumResult {
  const rows = positions(assignment.flows.map((f) => f.id), demand.classes.map((c) => classDemandId(c.id)), 'flow');
  const cols = positions(assignment.routes.map((r) => r.id), routes.map((r) => r.id), 'route');
  const pick = <T>(matrix: readonly (readonly T[])[], fill: T): T[][] => rows.map((i) => cols.map((r) => matrix[i]?.[r] ?? fill));
  const flowsOf = (shares: readonly (readonly number[])[]): number[] =>
    cols.map((_, r) => demand.classes.reduce((sum, c, i) => sum + c.demandFeuPerWeek * (shares[i]?.[r] ?? 0), 0));
  const view = (it: Omit<EquilibriumIteration, 'iteration' | 'noDeliveryRoutes'>): Omit<EquilibriumIteration, 'iteration' | 'noDeliveryRoutes'> => {
    const shares = pick(it.shares, 0);
    return { shares, flowsFeuPerWeek: flowsOf(shares), times: cols.map((r) => it.times[r] ?? { meanDays: Number.NaN, p95Days: Number.NaN }), costs: pick(it.costs, Infinity), targetShares: pick(it.targetShares, 0), gap: it.gap, flowGap: it.flowGap };
  };
  const ids = new Set(routes.map((r) => r.id));
  const { result } = assignment;
  const last = view({ ...result, targetShares: result.history.at(-1)?.targetShares ?? [], flowGap: result.flowGap });
  return {
    ...result,
    shares: last.shares,
    flowsFeuPerWeek: last.flowsFeuPerWeek,
    times: last.times,
    costs: last.costs,
    history: result.history.map((h) => ({ ...view(h), iteration: h.iteration, noDeliveryRoutes: h.noDeliveryRoutes.filter((id) => ids.has(id)) })),
  };
}
