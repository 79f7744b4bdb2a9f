/**
 * From trade demand to route-choice inputs: a market's containerised exports become demand
 * classes (one value of time per commodity group), and corridor-model routes become the routes
 * they choose among. Each commodity group splits in two classes: the rail-eligible share may use
 * every route; the rest (low value density, reefers, bulky goods) only the deep-sea routes.
 */
import type { CompiledRoute } from '../corridor/compiled.ts';
import type { DemandClass, EquilibriumRoute } from './equilibrium-types.ts';
import { COMMODITIES, type Market, type MarketCommodityTable, WEEKS_PER_YEAR } from './markets.ts';
import { TradeInputError } from './trade-error.ts';
import type { TradeModel } from './trade-model.ts';

/** A route as route choice needs it: an id and the corridor model's route family (`mode`). */
export interface RouteModeRef {
  readonly id: string;
  /** The corridor model's mode: `sea-suez`, `sea-cape`, `middle-corridor`, `northern`, … */
  readonly mode: string;
}

/**
 * True for the deep-sea route families, `sea-suez` and `sea-cape`. Not `sea-black-sea`: in the
 * corridor model that is the Middle Corridor's Black Sea branch, overland from China first.
 */
export function isDeepSeaMode(mode: string): boolean {
  return mode === 'sea-suez' || mode === 'sea-cape';
}

/**
 * The demand classes of one market: per commodity group, `<market>/<commodity>/rail-eligible`
 * (railEligibleShare of the FEU, all routes) and `<market>/<commodity>/sea-only` (the rest, deep-sea
 * routes only), in FEU per week (FEU per year / (365/7)), with the group's value of time.
 * @param feuPerYear containerised exports (FEU per year), e.g. a tariff shift's `feuPerYear`
 * @throws TradeInputError when `routes` has no deep-sea route (the sea-only classes would have none)
 */
export function routeChoiceClasses(trade: TradeModel, feuPerYear: MarketCommodityTable, market: Market, routes: readonly RouteModeRef[]): DemandClass[] {
  const all = routes.map((route) => route.id);
  const sea = routes.filter((route) => isDeepSeaMode(route.mode)).map((route) => route.id);
  if (sea.length === 0) throw new TradeInputError('routeChoiceClasses', 'routes', 'at least one deep-sea route (mode sea-suez or sea-cape)', all);
  return COMMODITIES.flatMap((commodity) => {
    const { railEligibleShare, valueOfTimeUsdPerFeuDay } = trade.commodities[commodity];
    const perWeek = feuPerYear[market][commodity] / WEEKS_PER_YEAR;
    return [
      { id: `${market}/${commodity}/rail-eligible`, demandFeuPerWeek: perWeek * railEligibleShare, valueOfTimeUsdPerFeuDay, routeIds: all },
      { id: `${market}/${commodity}/sea-only`, demandFeuPerWeek: perWeek * (1 - railEligibleShare), valueOfTimeUsdPerFeuDay, routeIds: sea },
    ];
  });
}

/**
 * The corridor model's routes as route-choice routes (rates in USD per FEU).
 * @throws TradeInputError naming a route without `freightRateUsdPerFeu` or `riskPremiumUsdPerFeu`
 */
export function equilibriumRoutes(routes: readonly CompiledRoute[]): EquilibriumRoute[] {
  return routes.map((route) => {
    const { freightRateUsdPerFeu: rate, riskPremiumUsdPerFeu: risk } = route;
    if (rate === undefined) throw new TradeInputError('equilibriumRoutes', `${route.id}.freightRateUsdPerFeu`, 'a freight rate in the model file', rate);
    if (risk === undefined) throw new TradeInputError('equilibriumRoutes', `${route.id}.riskPremiumUsdPerFeu`, 'a risk premium in the model file', risk);
    return { id: route.id, freightRateUsdPerFeu: rate, riskPremiumUsdPerFeu: risk };
  });
}
