/**
 * The schema of a trade calibration file (`models/trade/<name>.yaml`), written with zod like the
 * corridor model's (src/corridor/schema.ts): strict objects, so a typo is an error; units in the
 * field names (`UsdBnPerYear`, `UsdPerFeu`, `PerYear`, `Days`); rates and shares as fractions
 * (0.2 = 20%). Markets and commodities are spelled out as keys, so a missing one is named.
 * Checks across fields (shares summing to one, markets summing to the total) are in load-trade.ts.
 */
import { z } from 'zod';
import { COMMODITIES, MARKETS, OTHER_MARKETS } from './markets.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes');
const nonNegative = z.number().nonnegative();
const positive = z.number().positive();
const fraction = z.number().min(0).max(1).describe('A fraction in [0, 1], e.g. 0.25 = 25%.');
const rate = z.number().nonnegative().describe('A rate as a fraction >= 0, e.g. 0.2 = 20%.');

/** A strict object with the same schema under each of `keys` (every key required). */
function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S): z.ZodObject<Record<K, S>, z.core.$strict> {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);
}

/** One market: exports in USD bn per year and their split by commodity group (shares sum to 1). */
export const marketExportsSchema = z.strictObject({
  usdBnPerYear: nonNegative,
  commodityShares: keyed(COMMODITIES, fraction),
});

/** A parameter with the literature's range: low, central and high values (checked low <= central <= high in load-trade.ts). */
export const rangeSchema = (value: z.ZodNumber): z.ZodObject<{ low: z.ZodNumber; central: z.ZodNumber; high: z.ZodNumber }, z.core.$strict> =>
  z.strictObject({ low: value, central: value, high: value });

/** One commodity group: value density, mode split and the per-commodity trade parameters. */
export const commoditySchema = z.strictObject({
  /** Cargo value of one loaded FEU (USD). */
  valueUsdPerFeu: positive,
  /** Share of the export value that moves in containers by sea or rail (the rest flies or moves in bulk). */
  containerisedShare: fraction,
  /** Loss of value while in transit: obsolescence, perishability, fashion risk (fraction per year). */
  obsolescenceRatePerYear: rate,
  /** Share of the volume with a high enough value density to consider overland routes. */
  railEligibleShare: fraction,
  /** US MFN tariff of the base year, trade-weighted (fraction). */
  usMfnTariffRate: rate,
  /** Base-year shares of US imports of the group from Vietnam and from China (fractions; the rest is "others"). */
  usImportShares: z.strictObject({ vietnam: fraction, china: fraction }),
  /** Share of the group's US imports exempt from the reciprocal tariffs (fraction; e.g. the 11 Apr 2025 electronics list). */
  reciprocalExemptShare: fraction,
  /** Elasticity of substitution σ between supplying countries in US imports of the group (>= 0). */
  sourceSubstitutionElasticity: rangeSchema(nonNegative),
  /** Pass-through φ of a tariff into the duty-inclusive US price (fraction; 1 = complete). */
  tariffPassThrough: rangeSchema(fraction),
});

/** A reciprocal tariff rate: one rate for all commodity groups, or one per group. */
export const reciprocalRateSchema = z
  .union([rate, keyed(COMMODITIES, rate)])
  .describe('A rate as a fraction (0.2 = 20%), or a mapping with one rate per commodity group.');

/** A named tariff scenario shipped with the file (an experiment may override any parameter). */
export const tariffScenarioSchema = z.strictObject({
  title: z.string().min(1),
  /** US rate on top of the MFN rate, for goods not judged transshipped. */
  reciprocalTariffRate: reciprocalRateSchema,
  /** Share of US-bound value judged transshipped and charged the transshipment rate instead. */
  transshippedShare: fraction.default(0),
  /** US rate on Chinese goods on top of the base year's, for goods not exempt from reciprocal tariffs. */
  chinaReciprocalTariffRate: rate.default(0),
  /** US rate on all Chinese goods on top of the base year's, exempt ones included (the IEEPA "fentanyl" duty). */
  chinaAllGoodsTariffRate: rate.default(0),
  /** US rate on other countries' goods on top of the base year's, for goods not exempt from reciprocal tariffs. */
  othersReciprocalTariffRate: rate.default(0),
  notes: z.string().optional(),
});

/** A whole trade calibration file. */
export const tradeFileSchema = z.strictObject({
  trade: id,
  title: z.string().min(1),
  /** The calendar year of the export figures (and of the MFN tariff rates). */
  baseYear: z.number().int().min(1990).max(2100),
  notes: z.string().optional(),
  exports: z.strictObject({
    /** All Vietnamese exports; the markets must add up to it (rest-of-world is the residual). */
    totalUsdBnPerYear: positive,
    markets: keyed(MARKETS, marketExportsSchema),
  }),
  commodities: keyed(COMMODITIES, commoditySchema),
  /** Twelve monthly multipliers of export volume, January first; normalised to a day-weighted mean of 1. */
  seasonality: z.array(nonNegative).length(12),
  valueOfTime: z.strictObject({
    /** Cost of capital tied up in cargo (fraction per year). */
    capitalRatePerYear: rate,
  }),
  tariff: z.strictObject({
    /** US rate on goods judged transshipped, in lieu of the reciprocal rate (fraction). */
    transshipmentTariffRate: rate,
    /** Shares of the volume lost in the US that is sold in each other market; the rest is lost trade. */
    diversionShares: keyed(OTHER_MARKETS, fraction),
    /** Base-year special US rate on Chinese goods on top of MFN (Section 301 etc.), as a fraction. */
    chinaBaseTariffRate: rate,
    /** η/σ: elasticity of a group's total US imports to their price index, as a multiple of σ (fraction). */
    aggregateElasticityRatio: fraction,
    /** Share of Vietnam's US-bound export value that is Chinese-made inputs (fraction). */
    chineseContentShare: fraction,
  }),
  /** The backcast of the base year's next year (optional): observed US-bound exports and the underlying growth. */
  backcast: z.strictObject({
    /** Id of the tariff scenario of the year after the base year. */
    scenario: id,
    /** Exports to the US in the base year and the next (USD bn per year). */
    usExportsUsdBn: z.strictObject({ base: positive, observed: positive }),
    /** Growth of all exports that is not the US tariff's doing (fraction per year). */
    underlyingGrowth: z.number().gt(-1),
  }).optional(),
  tariffScenarios: z.record(id, tariffScenarioSchema),
});

/** A validated trade file, as written (USD bn, fractions). */
export type TradeFile = z.infer<typeof tradeFileSchema>;
/** A tariff scenario as written in a trade file. */
export type TariffScenarioFile = z.infer<typeof tariffScenarioSchema>;
