/**
 * The Weibull distribution: times to failure or to completion whose hazard rises (shape k > 1,
 * wear-out) or falls (k < 1) with elapsed time; k = 1 is the exponential.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, requirePositive } from './errors.ts';
import { logGamma } from './special-functions.ts';

/**
 * Weibull(k, λ) with CDF 1 − exp(−(x/λ)^k), sampled by inversion λ·(−ln U)^(1/k).
 *
 * @param shape k > 0 (dimensionless). Below about 0.012 the variance overflows and is refused.
 * @param scale λ > 0, in the caller's unit (hours for times); the 63rd percentile.
 * @returns a distribution with mean λΓ(1 + 1/k) and variance λ²[Γ(1 + 2/k) − Γ(1 + 1/k)²],
 *   on [0, ∞).
 */
export function weibull(shape: number, scale: number): Distribution {
  const k = requirePositive('weibull', 'shape', shape);
  const lambda = requirePositive('weibull', 'scale', scale);
  const lnG1 = logGamma(1 + 1 / k);
  const lnG2 = logGamma(1 + 2 / k);
  const mean = lambda * Math.exp(lnG1);
  // Γ₂ − Γ₁² = Γ₁²·(e^(lnΓ₂ − 2lnΓ₁) − 1): expm1 avoids subtracting two numbers near 1
  // when k is large.
  const variance = mean * mean * Math.max(0, Math.expm1(lnG2 - 2 * lnG1));
  if (!Number.isFinite(variance) || !Number.isFinite(mean)) {
    throw invalid('weibull', 'shape', 'large enough (with scale) for a finite variance', k);
  }
  const inverseShape = 1 / k;
  return {
    kind: 'weibull',
    mean,
    variance,
    min: 0,
    max: Infinity,
    sample: (rng: RandomStream): number => lambda * Math.pow(-Math.log(rng.next()), inverseShape),
    toSpec: () => ({ dist: 'weibull', shape: k, scale: lambda }),
  };
}
