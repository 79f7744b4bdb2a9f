/**
 * The US tariff shift: how US tariffs on Vietnamese goods, and on its competitors' (China's and
 * everyone else's), move Vietnam's export volume between markets. Pure and deterministic.
 *
 * US import demand for each commodity group c is a nested CES (Armington) system: buyers choose
 * among suppliers k ∈ {Vietnam, China, others} with elasticity of substitution σ_c, and the
 * group's total imports respond to their price index with elasticity η_c = ρ·σ_c (ρ < 1:
 * imports substitute more with each other than with US goods). Each group is split into the share
 * e_c exempt from the reciprocal tariffs and the rest; within each part j ∈ {exempt, non-exempt}:
 *
 *   τ̂_k   = (1 + t0_k + Δ_k,j) / (1 + t0_k)          tariff factor of supplier k
 *             t0: base-year rate (MFN; China: MFN + chinaBaseTariffRate)
 *             Δ_VN = (1 − s)·r + s·r_ts (non-exempt), 0 (exempt)      r reciprocal, s transshipped share
 *             Δ_CN = r_CN + a_CN (non-exempt), a_CN (exempt)          a_CN: all-goods ("fentanyl") duty
 *             Δ_others = r_others (non-exempt), 0 (exempt)
 *   p̂_k   = τ̂_k^φ                                     duty-inclusive price factor (pass-through φ)
 *   P̂     = (Σ_k s_k p̂_k^(1−σ))^(1/(1−σ))             price index (Π_k p̂_k^(s_k) when σ = 1)
 *   q̂_VN  = p̂_VN^(−σ) · P̂^(σ−η)                      Vietnam's US volume factor
 *
 * with s_k the base-year shares of US imports of the group (usImportShares). Then, for the group,
 *
 *   Q_c    = e·q̂_VN,exempt + (1 − e)·q̂_VN,non-exempt   (usVolumeFactor)
 *   US_new = US_base × Q_c                            (USD per year at base-year prices: a volume)
 *   loss   = max(0, US_base − US_new),  created = max(0, US_new − US_base)
 *   M_new  = M_base + d_M × loss                      each other market M (diversion share d_M)
 *   lost trade = (1 − Σ d_M) × loss
 *
 * so that, group by group, base total + created trade = new total + lost trade. A US gain is new
 * trade (the US buyers' switch away from China), not taken from other markets: the trade war of
 * 2018-19 "created net trade opportunities rather than simply shifting trade across destinations"
 * (Fajgelbaum, Goldberg, Kennedy, Khandelwal & Taglioni, "The US-China Trade War and Global
 * Reallocations"). Vietnam's FOB export price moves by τ̂_VN^(φ−1) (the exporter absorbs 1 − φ of
 * the tariff), reported as `usFobPriceFactor`: US export value = US_new × that factor. The FEU
 * follow from the volume with the same conversion as the base (demand.ts), so the identity holds
 * in FEU too. Signs: ∂ln q̂_VN/∂ln p̂_VN = −σ + (σ − η)·share_VN <= −η <= 0 and
 * ∂ln q̂_VN/∂ln p̂_CN = (σ − η)·share_CN >= 0 (for ρ <= 1): a higher Vietnamese rate lowers
 * US volume, a higher Chinese rate raises it.
 */
import { feuTable, usdToFeu } from './demand.ts';
import { type ByCommodity, type Commodity, COMMODITIES, recordOf, tableOf, type MarketCommodityTable } from './markets.ts';
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
  /** Exports after the shift (USD per year at base-year prices, i.e. a volume). */
  readonly usdPerYear: MarketCommodityTable;
  /** Containerised exports after the shift (FEU per year). */
  readonly feuPerYear: MarketCommodityTable;
  /** Q_c: the multiplier of US volume by commodity group (dimensionless). */
  readonly usVolumeFactor: ByCommodity;
  /** Multiplier of Vietnam's FOB price on US sales, τ̂^(φ−1) averaged over the group (dimensionless). */
  readonly usFobPriceFactor: ByCommodity;
  /** US-bound export value after the shift: volume × FOB price factor (USD per year). */
  readonly usExportValueUsdPerYear: ByCommodity;
  /** US volume lost before diversion (USD per year, >= 0). */
  readonly usLossUsdPerYear: ByCommodity;
  /** US volume gained: new trade, from buyers switching to Vietnam (USD per year, >= 0). */
  readonly createdTradeUsdPerYear: ByCommodity;
  /** The same in containers (FEU per year). */
  readonly createdTradeFeuPerYear: ByCommodity;
  /** The part of the US loss no other market takes (USD per year). */
  readonly lostTradeUsdPerYear: ByCommodity;
  /** The same in containers (FEU per year). */
  readonly lostTradeFeuPerYear: ByCommodity;
  /** Chinese-made inputs in the created US trade: chineseContentShare × created (USD per year). */
  readonly chineseInputsUsdPerYear: ByCommodity;
}

/** Base-year rates and additional rates of the three suppliers in one part of a group (fractions). */
interface SupplierRates {
  readonly base: { readonly vietnam: number; readonly china: number; readonly others: number };
  readonly added: { readonly vietnam: number; readonly china: number; readonly others: number };
}

/** Vietnam's volume factor q̂ and its tariff factor τ̂ in one part of a group (see the module comment). */
function vietnamFactor(trade: TradeModel, r: ResolvedTariffScenario, c: Commodity, rates: SupplierRates): { volume: number; tariff: number } {
  const sigma = r.sourceSubstitutionElasticity[c];
  const phi = r.tariffPassThrough[c];
  const eta = trade.tariff.aggregateElasticityRatio * sigma;
  const { vietnam: sv, china: sc } = trade.commodities[c].usImportShares;
  const shares = { vietnam: sv, china: sc, others: Math.max(0, 1 - sv - sc) };
  const tau = {
    vietnam: (1 + rates.base.vietnam + rates.added.vietnam) / (1 + rates.base.vietnam),
    china: (1 + rates.base.china + rates.added.china) / (1 + rates.base.china),
    others: (1 + rates.base.others + rates.added.others) / (1 + rates.base.others),
  };
  const price = { vietnam: tau.vietnam ** phi, china: tau.china ** phi, others: tau.others ** phi };
  const suppliers = ['vietnam', 'china', 'others'] as const;
  const index = sigma === 1
    ? suppliers.reduce((product, k) => product * price[k] ** shares[k], 1)
    : suppliers.reduce((sum, k) => sum + shares[k] * price[k] ** (1 - sigma), 0) ** (1 / (1 - sigma));
  return { volume: price.vietnam ** -sigma * index ** (sigma - eta), tariff: tau.vietnam };
}

/**
 * Apply a US tariff scenario to the base-year exports (see the module comment for the formula).
 * @throws TradeInputError for a bad scenario parameter, naming it (e.g. `scenario.transshippedShare`)
 */
export function applyTariffShift(trade: TradeModel, scenario: TariffScenario): TariffShiftResult {
  const r = resolveTariffScenario(trade, scenario);
  const base = trade.exportsUsdPerYear;
  const parts = recordOf(COMMODITIES, (c) => {
    const mfn = r.usMfnTariffRate[c];
    const baseRates = { vietnam: mfn, china: mfn + trade.tariff.chinaBaseTariffRate, others: mfn };
    const exempt = vietnamFactor(trade, r, c, { base: baseRates, added: { vietnam: 0, china: r.chinaAllGoodsTariffRate, others: 0 } });
    const vietnamAdded = r.effectiveTariffRate[c] - mfn;
    const china = r.chinaReciprocalTariffRate + r.chinaAllGoodsTariffRate;
    const taxed = vietnamFactor(trade, r, c, { base: baseRates, added: { vietnam: vietnamAdded, china, others: r.othersReciprocalTariffRate } });
    return { e: r.reciprocalExemptShare[c], exempt, taxed };
  });
  const factor = recordOf(COMMODITIES, (c) => {
    const { e, exempt, taxed } = parts[c];
    return e * exempt.volume + (1 - e) * taxed.volume;
  });
  const fobFactor = recordOf(COMMODITIES, (c) => {
    const { e, exempt, taxed } = parts[c];
    const phi = r.tariffPassThrough[c];
    const value = e * exempt.volume * exempt.tariff ** (phi - 1) + (1 - e) * taxed.volume * taxed.tariff ** (phi - 1);
    return factor[c] > 0 ? value / factor[c] : 1;
  });
  const loss = recordOf(COMMODITIES, (c) => Math.max(0, base.us[c] - base.us[c] * factor[c]));
  const created = recordOf(COMMODITIES, (c) => Math.max(0, base.us[c] * factor[c] - base.us[c]));
  const usdPerYear = tableOf((market, c) => {
    if (market === 'us') return base.us[c] * factor[c];
    return base[market][c] + r.diversionShares[market] * loss[c];
  });
  const divertedShare = Object.values(r.diversionShares).reduce((sum, share) => sum + share, 0);
  // max(0, …): a share sum of 1 + rounding must not report a negative lost trade.
  const lostTradeUsdPerYear = recordOf(COMMODITIES, (c) => loss[c] * Math.max(0, 1 - divertedShare));
  return {
    scenario: r,
    baselineUsdPerYear: base,
    baselineFeuPerYear: feuTable(trade),
    usdPerYear,
    feuPerYear: feuTable(trade, usdPerYear),
    usVolumeFactor: factor,
    usFobPriceFactor: fobFactor,
    usExportValueUsdPerYear: recordOf(COMMODITIES, (c) => usdPerYear.us[c] * fobFactor[c]),
    usLossUsdPerYear: loss,
    createdTradeUsdPerYear: created,
    createdTradeFeuPerYear: recordOf(COMMODITIES, (c) => usdToFeu(trade, c, created[c])),
    lostTradeUsdPerYear,
    lostTradeFeuPerYear: recordOf(COMMODITIES, (c) => usdToFeu(trade, c, lostTradeUsdPerYear[c])),
    chineseInputsUsdPerYear: recordOf(COMMODITIES, (c) => trade.tariff.chineseContentShare * created[c]),
  };
}
