/**
 * The gamma distribution: a flexible right-skewed model of durations, from strongly skewed
 * (shape k < 1) to nearly normal (large k).
 */
import type { Distribution } from './distribution.ts';
import { requirePositive } from './errors.ts';
import { standardGammaSampler } from './samplers.ts';

/**
 * Gamma(k, θ) in the shape–scale form, density x^(k−1)·e^(−x/θ) / (Γ(k)·θ^k).
 * Sampled by Marsaglia–Tsang, with the U^(1/k) boost for k < 1 (see `standardGammaSampler`).
 *
 * @param shape k > 0 (dimensionless); the coefficient of variation is 1/√k.
 * @param scale θ > 0, in the caller's unit (hours for times).
 * @returns a distribution with mean kθ and variance kθ², on [0, ∞).
 */
export function gamma(shape: number, scale: number): Distribution {
  const k = requirePositive('gamma', 'shape', shape);
  const theta = requirePositive('gamma', 'scale', scale);
  const standardGamma = standardGammaSampler(k);
  return {
    kind: 'gamma',
    mean: k * theta,
    variance: k * theta * theta,
    min: 0,
    max: Infinity,
    sample: (rng) => standardGamma(rng) * theta,
    toSpec: () => ({ dist: 'gamma', shape: k, scale: theta }),
  };
}
