/**
 * A US tariff scenario, and its resolution against a trade calibration: every parameter the shift
 * uses is either given by the scenario or taken from the trade file, so an experiment can override
 * any one of them and the result records exactly what was used.
 *
 * Rates are fractions (0.2 = 20%), each "on top of the base year's rates" (the base year's volumes
 * were traded at MFN, plus for China the Section 301 duties, `tariff.chinaBaseTariffRate`).
 * - Vietnam: the reciprocal rate is charged on top of MFN, as the 2025 reciprocal tariffs are
 *   (EO 14257: in addition to other duties); goods judged transshipped pay the transshipment rate
 *   in lieu of the reciprocal rate (EO of 31 Jul 2025), plus MFN.
 * - China: a reciprocal rate (goods not exempt) and an all-goods rate (the IEEPA "fentanyl" duty,
 *   EO 14195 / 14228, which the 11 Apr 2025 electronics exception does not cover).
 * - Others (every other supplier of the US): a reciprocal rate (goods not exempt).
 * The exempt share of each commodity group (`reciprocalExemptShare`, memorandum of 11 Apr 2025
 * clarifying the exceptions of EO 14257) pays no reciprocal or transshipment rate, from anyone.
 *
 * Elasticities and pass-through come from a named parameter set of the trade file (`low`,
 * `central`, `high`: the literature's range) unless the scenario gives them.
 */
import { type ByCommodity, COMMODITIES, OTHER_MARKETS, type OtherMarket, recordOf } from './markets.ts';
import { requireAtLeast, requireFraction, TradeInputError } from './trade-error.ts';
import type { TradeModel } from './trade-model.ts';

/** The named parameter sets of the literature's ranges. */
export const PARAMETER_SETS = ['low', 'central', 'high'] as const;
/** A named parameter set: `central` is the default. */
export type ParameterSet = (typeof PARAMETER_SETS)[number];

/** A scenario: the Vietnamese reciprocal rate is required, everything else defaults to the trade file (or 0). */
export interface TariffScenario {
  /** A label for reports, e.g. `deal-20`. */
  readonly id?: string;
  /** US rate on Vietnamese goods on top of MFN for goods not judged transshipped: one rate, or one per commodity group (fraction). */
  readonly reciprocalTariffRate: number | ByCommodity;
  /** Share of US-bound value judged transshipped (fraction; default 0). */
  readonly transshippedShare?: number;
  /** Rate on transshipped goods, in lieu of the reciprocal rate (fraction; default from the file). */
  readonly transshipmentTariffRate?: number;
  /** MFN rates of the base year, by commodity group (fraction; default from the file). */
  readonly usMfnTariffRate?: ByCommodity;
  /** US rate on Chinese goods not exempt from reciprocal tariffs, on top of the base year's (fraction; default 0). */
  readonly chinaReciprocalTariffRate?: number;
  /** US rate on all Chinese goods, exempt ones included, on top of the base year's (fraction; default 0). */
  readonly chinaAllGoodsTariffRate?: number;
  /** US rate on other suppliers' goods not exempt from reciprocal tariffs (fraction; default 0). */
  readonly othersReciprocalTariffRate?: number;
  /** Which of the file's ranges to use for σ and φ (default `central`). */
  readonly parameterSet?: ParameterSet;
  /** σ, elasticity of substitution between supplying countries: one value or one per group (>= 0; default from the parameter set). */
  readonly sourceSubstitutionElasticity?: number | ByCommodity;
  /** φ, tariff pass-through into the duty-inclusive price: one value or one per group (fraction; default from the parameter set). */
  readonly tariffPassThrough?: number | ByCommodity;
  /** Share of each group exempt from reciprocal tariffs (fraction; default from the file). */
  readonly reciprocalExemptShare?: ByCommodity;
  /** Shares of the lost US volume sold in each other market (fractions, sum <= 1; default from the file). */
  readonly diversionShares?: Readonly<Record<OtherMarket, number>>;
}

/** A scenario with every parameter filled in and checked: what a tariff shift actually used. */
export interface ResolvedTariffScenario {
  readonly id: string;
  readonly parameterSet: ParameterSet;
  readonly reciprocalTariffRate: ByCommodity;
  readonly transshippedShare: number;
  readonly transshipmentTariffRate: number;
  readonly usMfnTariffRate: ByCommodity;
  readonly chinaReciprocalTariffRate: number;
  readonly chinaAllGoodsTariffRate: number;
  readonly othersReciprocalTariffRate: number;
  readonly sourceSubstitutionElasticity: ByCommodity;
  readonly tariffPassThrough: ByCommodity;
  readonly reciprocalExemptShare: ByCommodity;
  readonly diversionShares: Readonly<Record<OtherMarket, number>>;
  /** Vietnam's rate on non-exempt goods: MFN + (1 − s)·reciprocal + s·transshipment (fraction). Exempt goods pay MFN. */
  readonly effectiveTariffRate: ByCommodity;
}

/** Slack for shares that must sum to at most 1, so 0.1 + 0.2 + 0.7 passes. */
const SHARE_SUM_SLACK = 1e-9;

/** Throws for a key of `record` not in `allowed` (a typo would otherwise be ignored silently). */
function rejectUnknownKeys(fn: string, parameter: string, record: object, allowed: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new TradeInputError(fn, `${parameter}.${key}`, `a key among ${allowed.join(', ')}`, key);
  }
}

/** A per-commodity record from a number or a record, each entry checked by `check`. */
function perCommodity(fn: string, parameter: string, value: unknown, check: (fn: string, parameter: string, value: number) => number): ByCommodity {
  if (typeof value === 'number') {
    check(fn, parameter, value);
    return recordOf(COMMODITIES, () => value);
  }
  if (typeof value !== 'object' || value === null) throw new TradeInputError(fn, parameter, 'a number or one number per commodity group', value);
  const record = value as Record<string, unknown>;
  rejectUnknownKeys(fn, parameter, record, COMMODITIES);
  return recordOf(COMMODITIES, (commodity) => check(fn, `${parameter}.${commodity}`, record[commodity] as number));
}

/**
 * Fill in `scenario` from `trade` and check every parameter.
 * @throws TradeInputError naming the parameter (e.g. `scenario.transshippedShare`), value and expectation.
 */
export function resolveTariffScenario(trade: TradeModel, scenario: TariffScenario): ResolvedTariffScenario {
  const fn = 'applyTariffShift';
  const set = scenario.parameterSet ?? 'central';
  if (!PARAMETER_SETS.includes(set)) throw new TradeInputError(fn, 'scenario.parameterSet', `one of ${PARAMETER_SETS.join(', ')}`, set);
  const fromFile = (pick: (c: (typeof COMMODITIES)[number]) => number): ByCommodity => recordOf(COMMODITIES, pick);
  const reciprocal = perCommodity(fn, 'scenario.reciprocalTariffRate', scenario.reciprocalTariffRate, requireAtLeast);
  const mfn = perCommodity(fn, 'scenario.usMfnTariffRate', scenario.usMfnTariffRate ?? fromFile((c) => trade.commodities[c].usMfnTariffRate), requireAtLeast);
  const share = requireFraction(fn, 'scenario.transshippedShare', scenario.transshippedShare ?? 0);
  const transshipment = requireAtLeast(fn, 'scenario.transshipmentTariffRate', scenario.transshipmentTariffRate ?? trade.tariff.transshipmentTariffRate);
  const sigma = perCommodity(fn, 'scenario.sourceSubstitutionElasticity',
    scenario.sourceSubstitutionElasticity ?? fromFile((c) => trade.commodities[c].sourceSubstitutionElasticity[set]), requireAtLeast);
  const passThrough = perCommodity(fn, 'scenario.tariffPassThrough', scenario.tariffPassThrough ?? fromFile((c) => trade.commodities[c].tariffPassThrough[set]), requireFraction);
  const exempt = perCommodity(fn, 'scenario.reciprocalExemptShare', scenario.reciprocalExemptShare ?? fromFile((c) => trade.commodities[c].reciprocalExemptShare), requireFraction);
  const given = scenario.diversionShares ?? trade.tariff.diversionShares;
  rejectUnknownKeys(fn, 'scenario.diversionShares', given, OTHER_MARKETS);
  const diversion = recordOf(OTHER_MARKETS, (market) => requireFraction(fn, `scenario.diversionShares.${market}`, given[market]));
  const sum = OTHER_MARKETS.reduce((total, market) => total + diversion[market], 0);
  if (sum > 1 + SHARE_SUM_SLACK) throw new TradeInputError(fn, 'scenario.diversionShares', 'shares that sum to at most 1', sum);
  const effective = recordOf(COMMODITIES, (c) => mfn[c] + (1 - share) * reciprocal[c] + share * transshipment);
  return {
    id: scenario.id ?? 'custom',
    parameterSet: set,
    reciprocalTariffRate: reciprocal,
    transshippedShare: share,
    transshipmentTariffRate: transshipment,
    usMfnTariffRate: mfn,
    chinaReciprocalTariffRate: requireAtLeast(fn, 'scenario.chinaReciprocalTariffRate', scenario.chinaReciprocalTariffRate ?? 0),
    chinaAllGoodsTariffRate: requireAtLeast(fn, 'scenario.chinaAllGoodsTariffRate', scenario.chinaAllGoodsTariffRate ?? 0),
    othersReciprocalTariffRate: requireAtLeast(fn, 'scenario.othersReciprocalTariffRate', scenario.othersReciprocalTariffRate ?? 0),
    sourceSubstitutionElasticity: sigma,
    tariffPassThrough: passThrough,
    reciprocalExemptShare: exempt,
    diversionShares: diversion,
    effectiveTariffRate: effective,
  };
}

/**
 * A scenario shipped in the trade file, by id (`baseline`, `interim-10`, `deal-20`, …).
 * @throws TradeInputError listing the shipped ids when `id` is not one of them.
 */
export function shippedTariffScenario(trade: TradeModel, id: string): TariffScenario {
  const scenario = trade.tariffScenarios.get(id);
  if (scenario === undefined) throw new TradeInputError('shippedTariffScenario', 'id', `one of: ${[...trade.tariffScenarios.keys()].join(', ')}`, id);
  return scenario;
}
