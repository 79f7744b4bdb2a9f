/**
 * Monte Carlo check of a distribution's analytic moments and support, shared by the
 * distribution tests (not itself a test file).
 */
import { createStream } from '../../src/random/index.ts';
import type { Distribution } from '../../src/distributions/index.ts';

/** What a sample of n draws says about a distribution, next to its analytic claims. */
export interface MomentCheck {
  readonly n: number;
  readonly sampleMean: number;
  readonly sampleVariance: number;
  /** |sample mean − analytic mean| in standard errors, SE = √(σ²/n) with the analytic σ². */
  readonly meanZ: number;
  /** |sample variance − analytic variance| in standard errors (see `checkMoments`). */
  readonly varianceZ: number;
  /** Draws outside [min, max], or not numbers at all. */
  readonly outOfSupport: number;
}

/**
 * Draw n seeded samples (stream `test/<name>`, master seed 12345) and compare them with the
 * distribution's analytic mean, variance and support.
 *
 * The standard error of the sample variance is √((μ₄ − σ⁴)/n), where μ₄ is the fourth central
 * moment. μ₄ is not known analytically for every distribution here (mixtures, truncations), so
 * it is estimated from the same data, as m₄ − m₂² with the sample central moments m₂ and m₄
 * (both with divisor n, which also keeps the estimate non-negative).
 */
export function checkMoments(dist: Distribution, name: string, n = 100_000): MomentCheck {
  const rng = createStream(12345, `test/${name}`);
  const xs = new Float64Array(n);
  let outOfSupport = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = dist.sample(rng);
    if (!(x >= dist.min && x <= dist.max)) outOfSupport++;
    xs[i] = x;
    sum += x;
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) * (x - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  const sampleVariance = (m2 * n) / (n - 1);
  const meanError = Math.abs(mean - dist.mean);
  const varianceError = Math.abs(sampleVariance - dist.variance);
  const seMean = Math.sqrt(dist.variance / n);
  const seVariance = Math.sqrt((m4 - m2 * m2) / n);
  return {
    n,
    sampleMean: mean,
    sampleVariance,
    // A degenerate distribution has zero standard error: then only an exact match passes.
    meanZ: seMean > 0 ? meanError / seMean : meanError === 0 ? 0 : Infinity,
    varianceZ: seVariance > 0 ? varianceError / seVariance : varianceError === 0 ? 0 : Infinity,
    outOfSupport,
  };
}
