/**
 * The lognormal distribution: a duration whose logarithm is normal, i.e. the product of many
 * independent delay factors. The usual model of port dwell, customs and border times, which are
 * positive and right-skewed with occasional long delays.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution, DistributionSpec } from './distribution.ts';
import { invalid, requireFinite, requirePositive } from './errors.ts';
import { normalQuantile } from './special-functions.ts';

/** Build from the underlying μ, σ and the moments; `spec` is the form `toSpec` gives back. */
function build(mu: number, sigma: number, mean: number, variance: number, spec: DistributionSpec): Distribution {
  return {
    kind: 'lognormal',
    mean,
    variance,
    min: 0,
    max: Infinity,
    sample: (rng: RandomStream): number => Math.exp(mu + sigma * normalQuantile(rng.next())),
    toSpec: () => spec,
  };
}

/**
 * Lognormal by the parameters of the underlying normal: X = exp(μ + σZ), Z ~ N(0, 1).
 *
 * @param mu μ, the mean of ln X (ln of the unit, e.g. ln hours); e^μ is the median of X.
 * @param sigma σ > 0, the standard deviation of ln X (dimensionless).
 * @returns a distribution with mean e^(μ + σ²/2) and variance (e^(σ²) − 1)·e^(2μ + σ²), on [0, ∞).
 */
export function lognormal(mu: number, sigma: number): Distribution {
  const m = requireFinite('lognormal', 'mu', mu);
  const s = requirePositive('lognormal', 'sigma', sigma);
  const s2 = s * s;
  const mean = Math.exp(m + s2 / 2);
  // expm1 keeps e^(σ²) − 1 accurate when σ is small.
  const variance = Math.expm1(s2) * mean * mean;
  if (!Number.isFinite(variance)) {
    throw invalid('lognormal', 'sigma', 'small enough (with mu) for a finite variance', s);
  }
  return build(m, s, mean, variance, { dist: 'lognormal', mu: m, sigma: s });
}

/**
 * Lognormal by its own mean and coefficient of variation, the form data usually comes in
 * ("20 h on average, cv 0.3"): σ² = ln(1 + cv²) and μ = ln(mean) − σ²/2.
 *
 * @param mean E[X] > 0, in the caller's unit (hours for times).
 * @param cv the coefficient of variation sd/mean > 0 (dimensionless).
 * @returns a distribution with exactly the given mean and variance (cv·mean)², on [0, ∞).
 */
export function lognormalFromMeanCv(mean: number, cv: number): Distribution {
  const m = requirePositive('lognormal', 'mean', mean);
  const c = requirePositive('lognormal', 'cv', cv);
  const s2 = Math.log1p(c * c);
  const sd = c * m;
  if (!Number.isFinite(sd * sd)) throw invalid('lognormal', 'cv', 'small enough (with mean) for a finite variance', c);
  return build(Math.log(m) - s2 / 2, Math.sqrt(s2), m, sd * sd, { dist: 'lognormal', mean: m, cv: c });
}
