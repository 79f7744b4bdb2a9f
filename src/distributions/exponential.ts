/**
 * The exponential distribution: memoryless times between independent arrivals (a Poisson
 * process), and the usual first guess for a service or repair time of unknown shape.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution, DistributionSpec } from './distribution.ts';
import { requirePositive } from './errors.ts';

/** Build the distribution for mean β = 1/λ; `spec` is the form `toSpec` gives back. */
function build(mean: number, spec: DistributionSpec): Distribution {
  return {
    kind: 'exponential',
    mean,
    variance: mean * mean,
    min: 0,
    max: Infinity,
    // Inversion: −ln U is Exp(1), and U < 1 strictly, so the sample is finite and > 0.
    sample: (rng: RandomStream): number => -Math.log(rng.next()) * mean,
    toSpec: () => spec,
  };
}

/**
 * Exponential(λ) by its rate.
 *
 * @param rate λ > 0, events per unit time (per hour for times).
 * @returns a distribution with mean 1/λ and variance 1/λ², on [0, ∞).
 */
export function exponential(rate: number): Distribution {
  const lambda = requirePositive('exponential', 'rate', rate);
  return build(1 / lambda, { dist: 'exponential', rate: lambda });
}

/**
 * Exponential by its mean β = 1/λ, the form model files usually give (`{"dist":
 * "exponential", "mean": 4}`); `toSpec` keeps the mean so that the file round-trips exactly.
 *
 * @param mean β > 0, in the caller's unit (hours for times).
 * @returns a distribution with mean β and variance β², on [0, ∞).
 */
export function exponentialFromMean(mean: number): Distribution {
  const beta = requirePositive('exponential', 'mean', mean);
  return build(beta, { dist: 'exponential', mean: beta });
}
