/**
 * Resampling of observed values (the bootstrap): the distribution of, say, 40 recorded border
 * crossing times, used as-is without fitting a parametric family.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { requireFiniteArray } from './errors.ts';

/**
 * The empirical distribution of `values`: each sample is one of the observations, each with
 * probability 1/n (plain resampling, no interpolation).
 *
 * Plain resampling is chosen because it reproduces the data's own mean and variance exactly,
 * keeps values that are really discrete (whole days, timetabled departures) discrete, and works
 * for any n >= 1. To smooth between observations instead, give the points of a piecewise-linear
 * CDF to `empiricalCdf`.
 *
 * @param values x₁ … xₙ, n >= 1 finite observations, in the caller's unit (hours for times).
 * @returns a distribution with mean x̄ = Σxᵢ/n and variance Σ(xᵢ − x̄)²/n (the population
 *   variance, divisor n, because that is the variance of the resampling distribution), on
 *   [min xᵢ, max xᵢ].
 */
export function empiricalSamples(values: readonly number[]): Distribution {
  const xs = requireFiniteArray('empiricalSamples', 'values', values, 1);
  const n = xs.length;
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    sum += x;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const mean = sum / n;
  // Two passes (with the rounding error of the first corrected) rather than Σx² − n·x̄², which
  // cancels catastrophically for data like 1000 ± 1.
  let squares = 0;
  let residual = 0;
  for (const x of xs) {
    squares += (x - mean) * (x - mean);
    residual += x - mean;
  }
  const variance = (squares - (residual * residual) / n) / n;
  return {
    kind: 'empiricalSamples',
    mean,
    variance,
    min: lo,
    max: hi,
    // Math.min guards the theoretical case where U·n rounds up to n.
    sample: (rng: RandomStream): number => xs[Math.min(Math.floor(rng.next() * n), n - 1)] as number,
    toSpec: () => ({ dist: 'empiricalSamples', values: Array.from(xs) }),
  };
}
