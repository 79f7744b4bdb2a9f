/**
 * The US tariff shift: how a change of the US tariff on Vietnamese goods moves export volume
 * between markets. Pure and deterministic. For each commodity group c:
 *
 *   t_base = MFN rate of the base year (the rate the base-year volumes were traded at)
 *   t_new  = MFN + (1 − s)·r + s·r_ts        (r reciprocal, s transshipped share, r_ts its rate)
 *   US_new = US_base × ((1 + t_new) / (1 + t_base))^(−ε)
 *   loss   = US_base − US_new  (>= 0, since r, r_ts >= 0)
 *   M_new  = M_base + d_M × loss             for each other market M (diversion share d_M)
 *   lost trade = (1 − Σ d_M) × loss
 *
 * so that, commodity by commodity, base total = new total + lost trade. The FEU follow from the
 * USD with the same conversion as the base (demand.ts), so the identity holds in FEU too.
 * Assumptions of the formula: full pass-through of the tariff to the US price, and no change of
 * competitors' tariffs (a lower "effective" ε stands in for both; see the trade file).
 */
import { feuTable, usdToFeu } from './demand.ts';
import { type ByCommodity, COMMODITIES, type MarketCommodityTable, recordOf, tableOf } from './markets.ts';
import { type ResolvedTariffScenario, resolveTariffScenario, type TariffScenario } from './tariff-scenario.ts';
import type { TradeModel } from './trade-model.ts';

/** What a tariff shift did, in USD and FEU per year, with every parameter it used. */
export interface TariffShiftResult {
  /** The scenario with all parameters filled in from the trade file. */
  readonly scenario: ResolvedTariffScenario;
  /** Base-year exports (USD per year). */
  readonly baselineUsdPerYear: MarketCommodityTable;
  /** Base-year containerised exports (FEU per year). */
  readonly baselineFeuPerYear: MarketCommodityTable;
  /** Exports after the shift (USD per year). */
  readonly usdPerYear: MarketCommodityTable;
  /** Containerised exports after the shift (FEU per year). */
  readonly feuPerYear: MarketCommodityTable;
  /** ((1 + t_new) / (1 + t_base))^(−ε) by commodity group: the multiplier of US volume. */
  readonly usVolumeFactor: ByCommodity;
  /** US volume lost before diversion (USD per year). */
  readonly usLossUsdPerYear: ByCommodity;
  /** The part of the US loss no other market takes (USD per year). */
  readonly lostTradeUsdPerYear: ByCommodity;
  /** The same in containers (FEU per year). */
  readonly lostTradeFeuPerYear: ByCommodity;
}

/**
 * Apply a US tariff scenario to the base-year exports (see the module comment for the formula).
 * @throws TradeInputError for a bad scenario parameter, naming it (e.g. `scenario.transshippedShare`)
 */
export function applyTariffShift(trade: TradeModel, scenario: TariffScenario): TariffShiftResult {
  const resolved = resolveTariffScenario(trade, scenario);
  const base = trade.exportsUsdPerYear;
  const factor = recordOf(COMMODITIES, (c) => {
    const ratio = (1 + resolved.effectiveTariffRate[c]) / (1 + resolved.usMfnTariffRate[c]);
    return ratio ** -resolved.importDemandElasticity;
  });
  const loss = recordOf(COMMODITIES, (c) => base.us[c] - base.us[c] * factor[c]);
  const usdPerYear = tableOf((market, c) => {
    if (market === 'us') return base.us[c] * factor[c];
    return base[market][c] + resolved.diversionShares[market] * loss[c];
  });
  const divertedShare = Object.values(resolved.diversionShares).reduce((sum, share) => sum + share, 0);
  // max(0, …): a share sum of 1 + rounding must not report a negative lost trade.
  const lostTradeUsdPerYear = recordOf(COMMODITIES, (c) => loss[c] * Math.max(0, 1 - divertedShare));
  return {
    scenario: resolved,
    baselineUsdPerYear: base,
    baselineFeuPerYear: feuTable(trade),
    usdPerYear,
    feuPerYear: feuTable(trade, usdPerYear),
    usVolumeFactor: factor,
    usLossUsdPerYear: loss,
    lostTradeUsdPerYear,
    lostTradeFeuPerYear: recordOf(COMMODITIES, (c) => usdToFeu(trade, c, lostTradeUsdPerYear[c])),
  };
}
