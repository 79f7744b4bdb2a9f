/**
 * The demand side of one study scenario: the US tariff shift applied to Vietnam's exports, and
 * the EU-bound containers split into route-choice classes. Pure and deterministic (no simulation).
 *
 * Only the EU market is routed: it is the market the Middle Corridor and the Northern route
 * serve. Volume the tariff removes from the US and no other market takes is "lost trade": it is
 * reported beside the routed volume, never routed.
 */
import type { CompiledModel } from '../../corridor/compiled.ts';
import {
  applyTariffShift, COMMODITIES, type DemandClass, isDeepSeaMode, marketTotal, routeChoiceClasses, shippedTariffScenario,
  type TariffScenario, type TariffShiftResult, tableTotal, type TradeModel, WEEKS_PER_YEAR,
} from '../../trade/index.ts';
import type { StudyScenario } from './study-config.ts';

/** A route of the choice set, with its corridor-model mode. */
export interface StudyRoute {
  readonly id: string;
  /** Corridor-model mode (`sea-suez`, `middle-corridor`, `northern`, …). */
  readonly mode: string;
  /** True for the deep-sea routes: volume on them is accounted, not simulated (see scenario-model.ts). */
  readonly deepSea: boolean;
}

/** The demand of one scenario, all volumes in FEU per week. */
export interface ScenarioDemand {
  readonly scenario: StudyScenario;
  readonly shift: TariffShiftResult;
  /** The reciprocal US rate of the scenario (fraction; electronics' if it differs by commodity). */
  readonly usReciprocalRate: number;
  /** Vietnamese containerised exports to the EU after the shift (FEU/week). */
  readonly euFeuPerWeek: number;
  /** Of which may consider overland routes (FEU/week). */
  readonly railEligibleFeuPerWeek: number;
  /** All Vietnamese containerised exports before and after the shift (FEU/week). */
  readonly totalBeforeFeuPerWeek: number;
  readonly totalAfterFeuPerWeek: number;
  /** Lost trade: US volume no other market takes (FEU/week), reported, not routed. */
  readonly lostTradeFeuPerWeek: number;
  /** Route-choice classes of the EU market (commodity group × rail-eligible / sea-only). */
  readonly classes: readonly DemandClass[];
}

/**
 * The choice set as study routes, in the given order.
 * @throws Error naming a route id the model does not define
 */
export function studyRoutes(model: CompiledModel, ids: readonly string[]): StudyRoute[] {
  return ids.map((id) => {
    const route = model.routes.get(id);
    if (route === undefined) throw new Error(`the tariff-shift study needs route "${id}", which ${model.source.files[0] ?? model.id} does not define`);
    return { id, mode: route.mode, deepSea: isDeepSeaMode(route.mode) };
  });
}

/**
 * The demand of `scenario` on `routes` (see the module comment): under its shipped tariff
 * scenario, or under `tariff` when given (e.g. the shipped one with another σ, for a sensitivity).
 */
export function scenarioDemand(trade: TradeModel, scenario: StudyScenario, routes: readonly StudyRoute[], tariff?: TariffScenario): ScenarioDemand {
  const shift = applyTariffShift(trade, tariff ?? shippedTariffScenario(trade, scenario.tariffScenario));
  const classes = routeChoiceClasses(trade, shift.feuPerYear, 'eu', routes);
  const lost = COMMODITIES.reduce((sum, c) => sum + shift.lostTradeFeuPerYear[c], 0);
  const sea = new Set(routes.filter((r) => r.deepSea).map((r) => r.id));
  const railEligible = classes.filter((c) => (c.routeIds ?? []).some((id) => !sea.has(id))).reduce((sum, c) => sum + c.demandFeuPerWeek, 0);
  return {
    scenario,
    shift,
    usReciprocalRate: shift.scenario.reciprocalTariffRate.electronics,
    euFeuPerWeek: marketTotal(shift.feuPerYear, 'eu') / WEEKS_PER_YEAR,
    railEligibleFeuPerWeek: railEligible,
    totalBeforeFeuPerWeek: tableTotal(shift.baselineFeuPerYear) / WEEKS_PER_YEAR,
    totalAfterFeuPerWeek: tableTotal(shift.feuPerYear) / WEEKS_PER_YEAR,
    lostTradeFeuPerWeek: lost / WEEKS_PER_YEAR,
    classes,
  };
}
