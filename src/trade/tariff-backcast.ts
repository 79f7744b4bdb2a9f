/**
 * The backcast: the base year's exports, the next year's US tariff path (a shipped scenario of
 * time-weighted rates) and the underlying growth of all exports give the model's change of
 * Vietnam's exports to the US, to compare with the observed one. Pure and deterministic.
 *
 *   modelled US value = Σ_c US_base,c × Q_c × F_c × (1 + g)
 *   modelled change   = modelled US value / US_base − 1
 *   tariff effect     = Σ_c US_base,c × Q_c × F_c / US_base − 1   (the part the tariff layer explains)
 *
 * with Q_c the volume factor and F_c the FOB price factor of the tariff shift (tariff-shift.ts)
 * and g the underlying growth (a stated input of the trade file, not explained by the model).
 */
import { COMMODITIES } from './markets.ts';
import { type ParameterSet, shippedTariffScenario } from './tariff-scenario.ts';
import { applyTariffShift, type TariffShiftResult } from './tariff-shift.ts';
import { TradeInputError } from './trade-error.ts';
import type { TradeModel } from './trade-model.ts';

/** One backcast run: modelled and observed change of US-bound exports (fractions), with the shift behind it. */
export interface BackcastResult {
  readonly parameterSet: ParameterSet;
  /** Underlying growth g used (fraction). */
  readonly underlyingGrowth: number;
  /** The tariff layer's own effect on US-bound export value (fraction; e.g. −0.07 = −7%). */
  readonly tariffEffect: number;
  /** Modelled change of US-bound export value, growth included (fraction). */
  readonly modelledChange: number;
  /** Observed change (fraction), from the trade file's backcast figures. */
  readonly observedChange: number;
  readonly shift: TariffShiftResult;
}

/**
 * Backcast the year after the base year with one parameter set (see the module comment).
 * @param growth underlying growth g (fraction; default the file's)
 * @throws TradeInputError when the trade file has no `backcast` section
 */
export function backcastUsExports(trade: TradeModel, parameterSet: ParameterSet = 'central', growth?: number): BackcastResult {
  const spec = trade.backcast;
  if (spec === undefined) throw new TradeInputError('backcastUsExports', 'trade.backcast', 'a trade file with a backcast section', undefined);
  const g = growth ?? spec.underlyingGrowth;
  const shift = applyTariffShift(trade, { ...shippedTariffScenario(trade, spec.scenario), parameterSet });
  const base = COMMODITIES.reduce((sum, c) => sum + shift.baselineUsdPerYear.us[c], 0);
  const after = COMMODITIES.reduce((sum, c) => sum + shift.usExportValueUsdPerYear[c], 0);
  return {
    parameterSet,
    underlyingGrowth: g,
    tariffEffect: after / base - 1,
    modelledChange: (after * (1 + g)) / base - 1,
    observedChange: spec.usExportsObservedUsdPerYear / spec.usExportsBaseUsdPerYear - 1,
    shift,
  };
}
