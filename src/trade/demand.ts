/**
 * Export demand in containers: USD per year by market and commodity group, converted to FEU per
 * year by value density, and spread over the months by the seasonality profile.
 *
 *   FEU per year = USD per year × containerisedShare / valueUsdPerFeu
 *
 * The containerised share matters: most high-value electronics (phones, chips) fly, so dividing
 * all export value by a box value would overstate the boxes several-fold.
 */
import { DAYS_PER_MONTH } from '../corridor/units.ts';
import { type Commodity, DAYS_PER_YEAR, type Market, type MarketCommodityTable, tableOf } from './markets.ts';
import { requireAtLeast } from './trade-error.ts';
import type { TradeModel } from './trade-model.ts';

/** Base-year exports of one market and commodity group (USD per year). */
export function exportUsdPerYear(trade: TradeModel, market: Market, commodity: Commodity): number {
  return trade.exportsUsdPerYear[market][commodity];
}

/**
 * Containers for an export value of one commodity group: `usd × containerisedShare / valueUsdPerFeu`.
 * @param usd export value (USD, per whatever period: the FEU are per the same period)
 * @returns FEU
 * @throws TradeInputError for a negative or non-finite `usd`
 */
export function usdToFeu(trade: TradeModel, commodity: Commodity, usd: number): number {
  requireAtLeast('usdToFeu', 'usd', usd);
  const { containerisedShare, valueUsdPerFeu } = trade.commodities[commodity];
  return (usd * containerisedShare) / valueUsdPerFeu;
}

/** Base-year containerised exports of one market and commodity group (FEU per year). */
export function exportFeuPerYear(trade: TradeModel, market: Market, commodity: Commodity): number {
  return usdToFeu(trade, commodity, exportUsdPerYear(trade, market, commodity));
}

/**
 * A USD-per-year table converted to FEU per year cell by cell (default: the base-year exports).
 * @returns FEU per year by market and commodity group
 */
export function feuTable(trade: TradeModel, usdPerYear: MarketCommodityTable = trade.exportsUsdPerYear): MarketCommodityTable {
  return tableOf((market, commodity) => usdToFeu(trade, commodity, usdPerYear[market][commodity]));
}

/**
 * An annual volume spread over the months by the trade's seasonality:
 * month m gets `perYear × seasonality[m] × days(m) / 365`, so the twelve values sum to `perYear`.
 * @param perYear a volume per year (FEU or USD)
 * @returns twelve volumes per month, January first, in the unit of `perYear`
 */
export function monthlyProfile(trade: TradeModel, perYear: number): number[] {
  requireAtLeast('monthlyProfile', 'perYear', perYear);
  return trade.seasonality.map((factor, month) => (perYear * factor * (DAYS_PER_MONTH[month] ?? 0)) / DAYS_PER_YEAR);
}
