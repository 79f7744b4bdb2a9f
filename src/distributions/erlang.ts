/**
 * The Erlang distribution: the sum of k independent exponential phases, e.g. a transfer made of
 * k similar handling steps. Less variable than the exponential (cv = 1/√k).
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, requirePositive } from './errors.ts';
import { standardGammaSampler } from './samplers.ts';

/**
 * Up to this many phases the sample is −ln(U₁⋯U_k)/λ, one logarithm for all phases. The
 * product of 16 uniforms is at least 2^−512 (the stream's uniforms are >= 2^−32), far from
 * underflow; beyond 16 the gamma sampler is cheaper anyway.
 */
const MAX_PRODUCT_PHASES = 16;

/**
 * Erlang(k, λ): Gamma with integer shape k and rate λ.
 *
 * @param k the number of phases, an integer >= 1.
 * @param rate λ > 0, the rate of each phase, per unit time (per hour for times).
 * @returns a distribution with mean k/λ and variance k/λ², on [0, ∞).
 */
export function erlang(k: number, rate: number): Distribution {
  if (!Number.isSafeInteger(k) || k < 1) throw invalid('erlang', 'k', 'an integer >= 1', k);
  const lambda = requirePositive('erlang', 'rate', rate);
  const scale = 1 / lambda;
  let sample: (rng: RandomStream) => number;
  if (k <= MAX_PRODUCT_PHASES) {
    sample = (rng) => {
      let product = rng.next();
      for (let i = 1; i < k; i++) product *= rng.next();
      return -Math.log(product) * scale;
    };
  } else {
    const standardGamma = standardGammaSampler(k);
    sample = (rng) => standardGamma(rng) * scale;
  }
  return {
    kind: 'erlang',
    mean: k * scale,
    variance: k * scale * scale,
    min: 0,
    max: Infinity,
    sample,
    toSpec: () => ({ dist: 'erlang', k, rate: lambda }),
  };
}
