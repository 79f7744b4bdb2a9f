/**
 * The error the trade layer's functions throw for a bad argument: it names the function, the
 * parameter (a dotted path into an options object, e.g. `scenario.transshippedShare`), the bad
 * value and what was expected, in the style of the distribution factories' errors.
 */
import { describeValue } from '../distributions/errors.ts';

/** A bad argument to a trade-layer function: `<fn>: "<parameter>" must be <expected>, got <value>`. */
export class TradeInputError extends Error {
  override readonly name = 'TradeInputError';
  /** The function that rejected the argument, e.g. `applyTariffShift`. */
  readonly functionName: string;
  /** Where the bad value is, e.g. `scenario.reciprocalTariffRate.electronics`. */
  readonly parameter: string;
  /** The bad value itself. */
  readonly value: unknown;

  constructor(functionName: string, parameter: string, expected: string, value: unknown) {
    super(`${functionName}: "${parameter}" must be ${expected}, got ${describeValue(value)}`);
    this.functionName = functionName;
    this.parameter = parameter;
    this.value = value;
  }
}

/** `value` if it is a finite number >= `min` (default 0); otherwise throws a TradeInputError. */
export function requireAtLeast(fn: string, parameter: string, value: number, min = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new TradeInputError(fn, parameter, `a finite number >= ${min}`, value);
  }
  return value;
}

/** `value` if it is a fraction in [0, 1]; otherwise throws a TradeInputError. */
export function requireFraction(fn: string, parameter: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new TradeInputError(fn, parameter, 'a fraction in [0, 1]', value);
  }
  return value;
}

/** `value` if it is a finite number > 0; otherwise throws a TradeInputError. */
export function requirePositive(fn: string, parameter: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TradeInputError(fn, parameter, 'a finite number > 0', value);
  }
  return value;
}
