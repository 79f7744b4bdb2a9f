/**
 * The trade layer: Vietnamese export demand by market and commodity group, the US tariff shift,
 * and route choice with congestion feedback. Pure functions over a loaded trade calibration;
 * the simulation enters only through `solveEquilibrium`'s `evaluate` callback.
 */
export { COMMODITIES, DAYS_PER_YEAR, MARKETS, marketTotal, OTHER_MARKETS, tableTotal, WEEKS_PER_YEAR } from './markets.ts';
export type { ByCommodity, Commodity, Market, MarketCommodityTable, OtherMarket } from './markets.ts';
export { loadTrade, loadTradeText } from './load-trade.ts';
export { compileTrade, USD_PER_BN } from './trade-model.ts';
export type { BackcastParameters, CommodityParameters, ParameterRange, TariffParameters, TradeModel } from './trade-model.ts';
export { tradeFileSchema } from './trade-schema.ts';
export type { TradeFile } from './trade-schema.ts';
export { TradeInputError } from './trade-error.ts';
export { exportFeuPerYear, exportUsdPerYear, feuTable, monthlyProfile, usdToFeu } from './demand.ts';
export { PARAMETER_SETS, resolveTariffScenario, shippedTariffScenario } from './tariff-scenario.ts';
export type { ParameterSet, ResolvedTariffScenario, TariffScenario } from './tariff-scenario.ts';
export { applyTariffShift } from './tariff-shift.ts';
export type { TariffShiftResult } from './tariff-shift.ts';
export { backcastUsExports } from './tariff-backcast.ts';
export type { BackcastResult } from './tariff-backcast.ts';
export { averagingUpdate, generalizedCost, logitShares, nestedLogitShares, msaUpdate, nextDivisor, shareGap } from './route-choice.ts';
export type { GeneralizedCostInput } from './route-choice.ts';
export { metCriterion, NO_DELIVERY_PENALTY_USD_PER_FEU, solveEquilibrium } from './equilibrium.ts';
export type { AveragingRule, DemandClass, EquilibriumIteration, EquilibriumOptions, EquilibriumResult, EquilibriumRoute, EvaluateRoutes, FlowTolerance, RouteTimes } from './equilibrium-types.ts';
export { equilibriumRoutes, isDeepSeaMode, routeChoiceClasses } from './route-classes.ts';
export type { RouteModeRef } from './route-classes.ts';
