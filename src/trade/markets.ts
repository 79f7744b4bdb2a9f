/**
 * The vocabulary of the trade layer: destination markets of Vietnamese exports, commodity groups,
 * and tables indexed by both. Every table lists all markets and all commodities (never a partial
 * map), so a figure that is missing is a type error rather than a silent zero.
 */

/** Destination markets, in report order. `central-asia-caucasus` is the Middle Corridor's own region. */
export const MARKETS = ['us', 'eu', 'china', 'central-asia-caucasus', 'turkiye', 'rest-of-world'] as const;
/** A destination market of Vietnamese exports. */
export type Market = (typeof MARKETS)[number];

/** The markets that can receive volume diverted from the US (all but the US). */
export const OTHER_MARKETS = ['eu', 'china', 'central-asia-caucasus', 'turkiye', 'rest-of-world'] as const;
/** A market other than the US. */
export type OtherMarket = (typeof OTHER_MARKETS)[number];

/** Commodity groups, in report order. */
export const COMMODITIES = ['electronics', 'garments-footwear', 'furniture-wood', 'agrifood', 'other'] as const;
/** A commodity group of Vietnamese exports. */
export type Commodity = (typeof COMMODITIES)[number];

/** One number per commodity group (the unit is given where the record is used). */
export type ByCommodity = Readonly<Record<Commodity, number>>;

/** One number per market and commodity, e.g. USD per year or FEU per year. */
export type MarketCommodityTable = Readonly<Record<Market, ByCommodity>>;

/** Days in the (non-leap) year of the annual figures; matches src/corridor/units.ts HOURS_PER_YEAR / 24. */
export const DAYS_PER_YEAR = 365;
/** Weeks in that year (365 / 7 ≈ 52.14): converts FEU per year to the FEU per week of route flows. */
export const WEEKS_PER_YEAR = DAYS_PER_YEAR / 7;

/** A record over `keys` with `value(key)` for each, in key order. */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const key of keys) out[key] = value(key);
  return out;
}

/** A market × commodity table with `value(market, commodity)` in each cell (units as `value`'s). */
export function tableOf(value: (market: Market, commodity: Commodity) => number): MarketCommodityTable {
  return recordOf(MARKETS, (market) => recordOf(COMMODITIES, (commodity) => value(market, commodity)));
}

/** Sum of one market's row of a table (same unit as the table). */
export function marketTotal(table: MarketCommodityTable, market: Market): number {
  return COMMODITIES.reduce((sum, commodity) => sum + table[market][commodity], 0);
}

/** Sum of every cell of a table (same unit as the table). */
export function tableTotal(table: MarketCommodityTable): number {
  return MARKETS.reduce((sum, market) => sum + marketTotal(table, market), 0);
}
