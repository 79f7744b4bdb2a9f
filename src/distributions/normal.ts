/**
 * The normal distribution: symmetric variation around a typical value. Unbounded below, so for
 * durations prefer `truncatedNormal` (with min 0) or `lognormal` unless σ is small next to μ.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { requireFinite, requirePositive } from './errors.ts';
import { normalQuantile } from './special-functions.ts';

/**
 * Normal(μ, σ²), sampled by inversion μ + σ·Φ⁻¹(U) (one uniform per draw, AS 241 quantile).
 *
 * @param mu μ, the mean, in the caller's unit (hours for times).
 * @param sigma σ > 0, the standard deviation, same unit.
 * @returns a distribution with mean μ and variance σ², on (−∞, ∞).
 */
export function normal(mu: number, sigma: number): Distribution {
  const m = requireFinite('normal', 'mu', mu);
  const s = requirePositive('normal', 'sigma', sigma);
  return {
    kind: 'normal',
    mean: m,
    variance: s * s,
    min: -Infinity,
    max: Infinity,
    sample: (rng: RandomStream): number => m + s * normalQuantile(rng.next()),
    toSpec: () => ({ dist: 'normal', mu: m, sigma: s }),
  };
}
