/**
 * Durations in hours for the corridor resources (batch transports, closures): either a fixed
 * number or a `Distribution` drawn once per use. Shared validation, so that a bad model file
 * fails when the resource is built rather than hours into a run.
 */
import type { Distribution } from '../distributions/distribution.ts';
import type { RandomStream } from '../random/index.ts';

/** A duration in hours: a constant, or a distribution sampled afresh each time it is needed. */
export type Hours = Distribution | number;

/**
 * Check a duration: a finite number >= 0, or a distribution that cannot draw below 0.
 * @param what the option's name, for the error message (e.g. `"ferry.travelTime"`).
 */
export function checkHours(value: Hours, what: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number of hours >= 0, got ${value}`);
    return;
  }
  if (typeof value !== 'object' || value === null || typeof value.sample !== 'function') {
    throw new TypeError(`${what} must be a number of hours or a Distribution, got ${String(value)}`);
  }
  // A duration distribution that can go negative (an untruncated normal) would make the clock
  // run backwards on an unlucky draw; refuse it up front instead.
  if (!(value.min >= 0)) throw new RangeError(`${what} is a ${value.kind} distribution with min ${value.min}: durations must be >= 0 hours`);
}

/** Draw one duration (hours) from `value` using `rng`; a number is returned as is. */
export function drawHours(value: Hours, rng: RandomStream, what: string): number {
  if (typeof value === 'number') return value;
  const hours = value.sample(rng);
  if (!(hours >= 0) || hours === Infinity) throw new RangeError(`${what} drew ${hours} h from ${value.kind}; durations must be finite and >= 0`);
  return hours;
}
