/**
 * Sampling building blocks shared by several distributions: standard normal and standard gamma
 * variates and the search of a cumulative probability table. All are allocation-free so that a
 * simulation drawing millions of variates puts no pressure on the garbage collector.
 */
import type { RandomStream } from '../random/index.ts';
import { normalQuantile } from './special-functions.ts';

/**
 * One standard normal variate Z ~ N(0, 1) by inversion, Φ⁻¹(U). Inversion spends exactly one
 * uniform per variate and keeps no state between calls (unlike the polar Box–Muller method,
 * which makes pairs), so a stream's variates line up across scenarios (common random numbers).
 */
export function standardNormal(rng: RandomStream): number {
  return normalQuantile(rng.next());
}

/**
 * A sampler of the standard gamma distribution Gamma(α, 1) (mean α, variance α) for a fixed
 * shape α > 0, by Marsaglia and Tsang (2000), "A simple method for generating gamma variables".
 * The constants d = α − 1/3 and c = 1/√(9d) are computed here, once. The method needs α >= 1,
 * so for α < 1 it draws G ~ Gamma(α + 1) and returns G·U^(1/α), which is Gamma(α) distributed
 * (Marsaglia and Tsang's boost). Acceptance is above 95% for every α.
 */
export function standardGammaSampler(shape: number): (rng: RandomStream) => number {
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  return (rng: RandomStream): number => {
    let g: number;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal(rng);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng.next();
      const x2 = x * x;
      // The cheap squeeze accepts most candidates without a logarithm.
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        g = d * v;
        break;
      }
    }
    return boosted ? g * Math.pow(rng.next(), inverseShape) : g;
  };
}

/**
 * The smallest index i with cumulative[i] > u, for a nondecreasing table whose last entry is 1
 * and u in (0, 1): the category a uniform falls in. Entries with zero probability (equal to
 * their predecessor) are never returned. Binary search, O(log n), no allocation.
 */
export function firstIndexAbove(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Cumulative sums of probabilities that sum to 1 up to rounding, with the last entry forced to
 * exactly 1 (and trailing zero-probability entries left at 1 too) so that a uniform below 1
 * always finds a category with positive probability.
 */
export function cumulativeTable(probabilities: Float64Array): Float64Array {
  const cumulative = new Float64Array(probabilities.length);
  let sum = 0;
  let lastPositive = 0;
  for (let i = 0; i < probabilities.length; i++) {
    sum += probabilities[i] as number;
    cumulative[i] = Math.min(sum, 1);
    if ((probabilities[i] as number) > 0) lastPositive = i;
  }
  cumulative.fill(1, lastPositive);
  return cumulative;
}
