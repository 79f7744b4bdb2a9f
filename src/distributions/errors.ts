/**
 * The error every distribution factory and the spec parser throw, and the parameter checks the
 * factories share. Checks run once, when a distribution is built, so that `sample` never has to
 * re-check anything and a bad model file fails at load time with a message that says where.
 */

/**
 * A distribution parameter or spec that is missing, of the wrong type or out of range.
 *
 * `path` says where the bad value is. Thrown by a factory it is the parameter's name
 * (`"cv"`, `"components[1].weight"`); thrown by `distributionFromSpec` it is the full path in
 * the model file (`"legs.caspian.sailing.cv"`). `reason` is the message without the location
 * (`must be a finite number > 0, got -1`), so a caller that knows more about the location can
 * re-word the message without parsing it.
 */
export class DistributionError extends Error {
  override readonly name = 'DistributionError';
  /** Where the bad value is: a parameter name from a factory, a full spec path from the parser. */
  readonly path: string;
  /** What is wrong, without the location: what was expected and what was given. */
  readonly reason: string;

  /**
   * @param path where the bad value is
   * @param reason what is wrong with it
   * @param message the full message; by default `"<path>: <reason>"`
   */
  constructor(path: string, reason: string, message = `${path}: ${reason}`) {
    super(message);
    this.path = path;
    this.reason = reason;
  }
}

/**
 * Render a bad value for an error message: numbers as JavaScript prints them (so `NaN` and
 * `Infinity` are visible), strings quoted (so `"20"` is told apart from `20`), anything else
 * as JSON cut to 60 characters, and `undefined` as `nothing`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= Object.prototype.toString.call(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The error for one bad parameter of a factory: `<kind>: "<parameter>" must be <expected>, got <value>`.
 * Returned rather than thrown so that call sites read `throw invalid(...)` and TypeScript's flow
 * analysis sees the throw.
 */
export function invalid(kind: string, parameter: string, expected: string, value: unknown): DistributionError {
  const reason = `must be ${expected}, got ${describeValue(value)}`;
  return new DistributionError(parameter, reason, `${kind}: "${parameter}" ${reason}`);
}

/** `value` if it is a finite number; otherwise throws naming `kind` and `parameter`. */
export function requireFinite(kind: string, parameter: string, value: number): number {
  if (!Number.isFinite(value)) throw invalid(kind, parameter, 'a finite number', value);
  return value;
}

/** `value` if it is a finite number > 0; otherwise throws naming `kind` and `parameter`. */
export function requirePositive(kind: string, parameter: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw invalid(kind, parameter, 'a finite number > 0', value);
  return value;
}

/** `value` if it is a finite number >= 0; otherwise throws naming `kind` and `parameter`. */
export function requireNonNegative(kind: string, parameter: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw invalid(kind, parameter, 'a finite number >= 0', value);
  return value;
}

/**
 * A copy of `values` as a Float64Array, after checking that it is an array of at least
 * `minLength` finite numbers. The copy keeps later edits of the caller's array from changing a
 * distribution whose moments were already computed.
 */
export function requireFiniteArray(
  kind: string,
  parameter: string,
  values: readonly number[],
  minLength: number,
): Float64Array {
  if (!Array.isArray(values) || values.length < minLength) {
    throw invalid(kind, parameter, `an array of at least ${minLength} finite number(s)`, values);
  }
  const copy = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    copy[i] = requireFinite(kind, `${parameter}[${i}]`, values[i] as number);
  }
  return copy;
}

/**
 * Relative weights normalised to probabilities, after checking that each is finite and >= 0
 * and that they do not all vanish. `parameterOf(i)` names weight `i` in messages.
 */
export function normalizeWeights(
  kind: string,
  weights: readonly number[],
  parameterOf: (index: number) => string,
  allName: string,
): Float64Array {
  const probabilities = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += requireNonNegative(kind, parameterOf(i), weights[i] as number);
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    throw invalid(kind, allName, 'weights >= 0 with a finite, positive sum', weights);
  }
  for (let i = 0; i < weights.length; i++) probabilities[i] = (weights[i] as number) / total;
  return probabilities;
}
