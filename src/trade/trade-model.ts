/**
 * A loaded trade calibration: the file's figures in the units the functions use (USD rather than
 * USD bn, seasonality normalised) plus the derived value of time. It is plain data, so an
 * experiment can copy it with changes (`{ ...trade, tariff: { ...trade.tariff, ... } }`).
 */
import { normaliseSeasonality } from '../corridor/units.ts';
import { type ByCommodity, type Commodity, COMMODITIES, DAYS_PER_YEAR, type MarketCommodityTable, type OtherMarket, recordOf, tableOf } from './markets.ts';
import type { TariffScenario } from './tariff-scenario.ts';
import type { TradeFile } from './trade-schema.ts';

/** USD in one USD bn. */
export const USD_PER_BN = 1e9;

/** A parameter with the literature's range (low <= central <= high). */
export interface ParameterRange {
  readonly low: number;
  readonly central: number;
  readonly high: number;
}

/** The parameters of one commodity group. */
export interface CommodityParameters {
  /** Cargo value of one loaded FEU (USD per FEU). */
  readonly valueUsdPerFeu: number;
  /** Share of export value moving in containers by sea or rail (fraction; the rest flies or is bulk). */
  readonly containerisedShare: number;
  /** Value lost per year in transit: obsolescence, perishability (fraction per year). */
  readonly obsolescenceRatePerYear: number;
  /** Share of the volume that considers overland routes at all (fraction). */
  readonly railEligibleShare: number;
  /** US MFN tariff of the base year (fraction): the rate the base-year volumes were traded at. */
  readonly usMfnTariffRate: number;
  /** Base-year shares of US imports of the group by supplier (fractions; others = 1 − vietnam − china). */
  readonly usImportShares: { readonly vietnam: number; readonly china: number };
  /** Share of the group's US imports exempt from reciprocal tariffs (fraction). */
  readonly reciprocalExemptShare: number;
  /** σ: elasticity of substitution between supplying countries in US imports of the group (dimensionless). */
  readonly sourceSubstitutionElasticity: ParameterRange;
  /** φ: pass-through of a tariff into the duty-inclusive US price (fraction; 1 = complete). */
  readonly tariffPassThrough: ParameterRange;
  /**
   * Value of time, USD per FEU per day:
   * valueUsdPerFeu × (capitalRatePerYear + obsolescenceRatePerYear) / 365.
   */
  readonly valueOfTimeUsdPerFeuDay: number;
}

/** Parameters of the US tariff shift (defaults of every `TariffScenario`). */
export interface TariffParameters {
  /** US rate on goods judged transshipped, in lieu of the reciprocal rate (fraction). */
  readonly transshipmentTariffRate: number;
  /** Share of the volume lost in the US that each other market takes (fractions, sum <= 1). */
  readonly diversionShares: Readonly<Record<OtherMarket, number>>;
  /** Base-year special US rate on Chinese goods on top of MFN (fraction). */
  readonly chinaBaseTariffRate: number;
  /** η/σ: the elasticity of a group's total US imports to their price index, as a multiple of σ (fraction). */
  readonly aggregateElasticityRatio: number;
  /** Share of Vietnam's US-bound export value that is Chinese-made inputs (fraction). */
  readonly chineseContentShare: number;
}

/** The backcast of the year after the base year (see tariff-backcast.ts). */
export interface BackcastParameters {
  /** Id of the tariff scenario of that year (e.g. `path-2025`). */
  readonly scenario: string;
  /** Exports to the US in the base year (USD per year). */
  readonly usExportsBaseUsdPerYear: number;
  /** Exports to the US observed in the next year (USD per year). */
  readonly usExportsObservedUsdPerYear: number;
  /** Growth of all exports that is not the US tariff's doing (fraction per year). */
  readonly underlyingGrowth: number;
}

/** A loaded, validated trade calibration. */
export interface TradeModel {
  readonly id: string;
  readonly title: string;
  /** Calendar year of the export figures and the MFN rates. */
  readonly baseYear: number;
  /** The file read (absolute path) and the SHA-256 of its text, to trace a run to its inputs. */
  readonly source: { readonly file: string; readonly sha256: string };
  /** All exports (USD per year), of which the table's markets are a split. */
  readonly totalUsdPerYear: number;
  /** Exports by market and commodity group (USD per year). */
  readonly exportsUsdPerYear: MarketCommodityTable;
  readonly commodities: Readonly<Record<Commodity, CommodityParameters>>;
  /** Monthly multipliers, January first, with a day-weighted mean of exactly 1. */
  readonly seasonality: readonly number[];
  readonly tariff: TariffParameters;
  /** The shipped tariff scenarios by id, in file order. */
  readonly tariffScenarios: ReadonlyMap<string, TariffScenario>;
  /** The backcast inputs, when the file has them. */
  readonly backcast?: BackcastParameters;
}

/** Convert a validated file (already cross-checked by load-trade.ts) into a TradeModel. */
export function compileTrade(file: TradeFile, source: TradeModel['source']): TradeModel {
  const { capitalRatePerYear } = file.valueOfTime;
  const commodities = recordOf(COMMODITIES, (commodity): CommodityParameters => {
    const spec = file.commodities[commodity];
    const valueOfTimeUsdPerFeuDay = (spec.valueUsdPerFeu * (capitalRatePerYear + spec.obsolescenceRatePerYear)) / DAYS_PER_YEAR;
    return { ...spec, valueOfTimeUsdPerFeuDay };
  });
  const exportsUsdPerYear = tableOf((market, commodity) => {
    const spec = file.exports.markets[market];
    return spec.usdBnPerYear * USD_PER_BN * spec.commodityShares[commodity];
  });
  const scenarios = new Map<string, TariffScenario>();
  for (const [id, spec] of Object.entries(file.tariffScenarios)) {
    const rate: number | ByCommodity = spec.reciprocalTariffRate;
    scenarios.set(id, {
      id,
      reciprocalTariffRate: rate,
      transshippedShare: spec.transshippedShare,
      chinaReciprocalTariffRate: spec.chinaReciprocalTariffRate,
      chinaAllGoodsTariffRate: spec.chinaAllGoodsTariffRate,
      othersReciprocalTariffRate: spec.othersReciprocalTariffRate,
    });
  }
  const backcast: BackcastParameters | undefined = file.backcast === undefined ? undefined : {
    scenario: file.backcast.scenario,
    usExportsBaseUsdPerYear: file.backcast.usExportsUsdBn.base * USD_PER_BN,
    usExportsObservedUsdPerYear: file.backcast.usExportsUsdBn.observed * USD_PER_BN,
    underlyingGrowth: file.backcast.underlyingGrowth,
  };
  return {
    id: file.trade,
    title: file.title,
    baseYear: file.baseYear,
    source,
    totalUsdPerYear: file.exports.totalUsdBnPerYear * USD_PER_BN,
    exportsUsdPerYear,
    commodities,
    // load-trade.ts has rejected an all-zero profile, so normalisation succeeds.
    seasonality: normaliseSeasonality(file.seasonality) ?? file.seasonality,
    tariff: { ...file.tariff },
    tariffScenarios: scenarios,
    ...(backcast === undefined ? {} : { backcast }),
  };
}
