/**
 * A US tariff scenario on Vietnamese goods, and its resolution against a trade calibration: every
 * parameter the shift uses is either given by the scenario or taken from the trade file, so an
 * experiment can override any one of them and the result records exactly what was used.
 *
 * Rates are fractions (0.2 = 20%). The reciprocal rate is charged on top of the MFN rate, as the
 * 2025 reciprocal tariffs are (EO 14257: in addition to other duties); goods judged transshipped
 * pay the transshipment rate in lieu of the reciprocal rate (EO of 31 Jul 2025), plus MFN.
 */
import { type ByCommodity, COMMODITIES, OTHER_MARKETS, type OtherMarket, recordOf } from './markets.ts';
import { requireAtLeast, requireFraction, TradeInputError } from './trade-error.ts';
import type { TradeModel } from './trade-model.ts';

/** A scenario: the reciprocal rate is required, everything else defaults to the trade file. */
export interface TariffScenario {
  /** A label for reports, e.g. `deal-20`. */
  readonly id?: string;
  /** US rate on top of MFN for goods not judged transshipped: one rate, or one per commodity group (fraction). */
  readonly reciprocalTariffRate: number | ByCommodity;
  /** Share of US-bound value judged transshipped (fraction; default 0). */
  readonly transshippedShare?: number;
  /** Rate on transshipped goods, in lieu of the reciprocal rate (fraction; default from the file). */
  readonly transshipmentTariffRate?: number;
  /** MFN rates of the base year, by commodity group (fraction; default from the file). */
  readonly usMfnTariffRate?: ByCommodity;
  /** Import-demand elasticity ε (>= 0; default from the file). */
  readonly importDemandElasticity?: number;
  /** Shares of the lost US volume sold in each other market (fractions, sum <= 1; default from the file). */
  readonly diversionShares?: Readonly<Record<OtherMarket, number>>;
}

/** A scenario with every parameter filled in and checked: what a tariff shift actually used. */
export interface ResolvedTariffScenario {
  readonly id: string;
  readonly reciprocalTariffRate: ByCommodity;
  readonly transshippedShare: number;
  readonly transshipmentTariffRate: number;
  readonly usMfnTariffRate: ByCommodity;
  readonly importDemandElasticity: number;
  readonly diversionShares: Readonly<Record<OtherMarket, number>>;
  /** Effective US rate of the scenario: MFN + (1 − s)·reciprocal + s·transshipment (fraction). */
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

/** A per-commodity record from a number or a record, each entry checked >= 0. */
function rates(fn: string, parameter: string, value: unknown): ByCommodity {
  if (typeof value === 'number') {
    requireAtLeast(fn, parameter, value);
    return recordOf(COMMODITIES, () => value);
  }
  if (typeof value !== 'object' || value === null) throw new TradeInputError(fn, parameter, 'a rate >= 0 or one rate per commodity group', value);
  const record = value as Record<string, unknown>;
  rejectUnknownKeys(fn, parameter, record, COMMODITIES);
  return recordOf(COMMODITIES, (commodity) => requireAtLeast(fn, `${parameter}.${commodity}`, record[commodity] as number));
}

/**
 * Fill in `scenario` from `trade` and check every parameter.
 * @throws TradeInputError naming the parameter (e.g. `scenario.transshippedShare`), value and expectation.
 */
export function resolveTariffScenario(trade: TradeModel, scenario: TariffScenario): ResolvedTariffScenario {
  const fn = 'applyTariffShift';
  const reciprocal = rates(fn, 'scenario.reciprocalTariffRate', scenario.reciprocalTariffRate);
  const mfnDefault = recordOf(COMMODITIES, (commodity) => trade.commodities[commodity].usMfnTariffRate);
  const mfn = rates(fn, 'scenario.usMfnTariffRate', scenario.usMfnTariffRate ?? mfnDefault);
  const share = requireFraction(fn, 'scenario.transshippedShare', scenario.transshippedShare ?? 0);
  const transshipment = requireAtLeast(fn, 'scenario.transshipmentTariffRate', scenario.transshipmentTariffRate ?? trade.tariff.transshipmentTariffRate);
  const elasticity = requireAtLeast(fn, 'scenario.importDemandElasticity', scenario.importDemandElasticity ?? trade.tariff.importDemandElasticity);
  const given = scenario.diversionShares ?? trade.tariff.diversionShares;
  rejectUnknownKeys(fn, 'scenario.diversionShares', given, OTHER_MARKETS);
  const diversion = recordOf(OTHER_MARKETS, (market) => requireFraction(fn, `scenario.diversionShares.${market}`, given[market]));
  const sum = OTHER_MARKETS.reduce((total, market) => total + diversion[market], 0);
  if (sum > 1 + SHARE_SUM_SLACK) throw new TradeInputError(fn, 'scenario.diversionShares', 'shares that sum to at most 1', sum);
  const effective = recordOf(COMMODITIES, (c) => mfn[c] + (1 - share) * reciprocal[c] + share * transshipment);
  return {
    id: scenario.id ?? 'custom',
    reciprocalTariffRate: reciprocal,
    transshippedShare: share,
    transshipmentTariffRate: transshipment,
    usMfnTariffRate: mfn,
    importDemandElasticity: elasticity,
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
