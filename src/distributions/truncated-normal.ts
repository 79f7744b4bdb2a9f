/**
 * The normal distribution truncated to an interval: a symmetric-looking duration that cannot be
 * negative (min 0) or cannot exceed a hard limit. Efficient and exact however far in a tail the
 * interval lies.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution, DistributionSpec } from './distribution.ts';
import { invalid, requireFinite, requirePositive } from './errors.ts';
import { normalCdf, normalQuantile, normalUpperTail } from './special-functions.ts';
import { truncatedStandardMoments } from './truncated-normal-moments.ts';

/**
 * Up to this many standard deviations into a tail, sampling inverts the CDF through tail
 * probabilities Q(a) >= Q(30) ≈ 5e−198, where AS 241 is still accurate; beyond, Q nears
 * underflow and Robert's (1995) exponential rejection takes over (acceptance above 99.9% there).
 */
const INVERSION_LIMIT = 30;

/**
 * A sampler of Z ~ N(0, 1) truncated to [a, b], for a >= 0 or a < 0 < b; where it inverts the
 * CDF, the final sample increases with the uniform (`flip` says the caller will negate it).
 */
function standardSampler(a: number, b: number, flip: boolean): (rng: RandomStream) => number {
  if (a < 0) {
    const lower = normalCdf(a);
    const mass = 1 - normalUpperTail(-a) - normalUpperTail(b);
    return (rng) => normalQuantile(lower + rng.next() * mass);
  }
  if (a <= INVERSION_LIMIT) {
    // Invert through upper-tail probabilities: Φ(a) would round to 1 and lose the tail.
    const qa = normalUpperTail(a);
    const width = qa - normalUpperTail(b);
    // In the mirrored frame 1 − U keeps the final sample increasing in U (for common random numbers).
    if (flip) return (rng) => -normalQuantile(qa - (1 - rng.next()) * width);
    return (rng) => -normalQuantile(qa - rng.next() * width);
  }
  // Robert (1995): exponential proposals from a, rate λ = (a + √(a² + 4))/2, truncated at b.
  const lambda = (a + Math.sqrt(a * a + 4)) / 2;
  const span = b === Infinity ? 1 : -Math.expm1(-lambda * (b - a));
  return (rng) => {
    for (;;) {
      const z = a - Math.log1p(-rng.next() * span) / lambda;
      const d = z - lambda;
      if (Math.log(rng.next()) <= -0.5 * d * d) return z;
    }
  };
}

/**
 * Normal(μ, σ²) conditioned on lying in [min, max]. Sampled by exact inversion of the CDF (tail
 * probabilities computed without cancellation, one uniform per draw) and, for intervals more
 * than 30σ from μ, by exact rejection.
 *
 * @param mu μ, the mean of the parent normal, in the caller's unit (hours for times).
 * @param sigma σ > 0, the standard deviation of the parent normal, same unit.
 * @param min a, the lower bound; −∞ (the default) for none.
 * @param max b > a, the upper bound; +∞ (the default) for none.
 * @returns a distribution with mean μ + σ(φ(α) − φ(β))/P and variance
 *   σ²[1 + (αφ(α) − βφ(β))/P − ((φ(α) − φ(β))/P)²], where α = (a − μ)/σ, β = (b − μ)/σ and
 *   P = Φ(β) − Φ(α) (integrated numerically where that formula would cancel; see
 *   `truncatedStandardMoments`).
 */
export function truncatedNormal(mu: number, sigma: number, min = -Infinity, max = Infinity): Distribution {
  const kind = 'truncatedNormal';
  const m = requireFinite(kind, 'mu', mu);
  const s = requirePositive(kind, 'sigma', sigma);
  if (typeof min !== 'number' || Number.isNaN(min) || min === Infinity) {
    throw invalid(kind, 'min', 'a finite number or -Infinity', min);
  }
  if (typeof max !== 'number' || Number.isNaN(max) || !(max > min)) {
    throw invalid(kind, 'max', `a number > min (${min}) or Infinity`, max);
  }
  const alpha = (min - m) / s;
  const beta = (max - m) / s;
  // Mirror an interval that lies below μ so that the sampler only ever works in the upper tail.
  const flip = beta <= 0;
  const a = flip ? -beta : alpha;
  const b = flip ? -alpha : beta;
  const sign = flip ? -1 : 1;
  const moments = truncatedStandardMoments(a, b);
  if (!Number.isFinite(moments.mean) || !Number.isFinite(moments.variance)) {
    throw invalid(kind, 'max', `a number far enough above min (${min}) to hold computable probability`, max);
  }
  const standard = standardSampler(a, b, flip);
  const spec: DistributionSpec = {
    dist: kind,
    mu: m,
    sigma: s,
    // JSON has no infinities: an unbounded side is written by leaving the bound out.
    ...(min === -Infinity ? {} : { min }),
    ...(max === Infinity ? {} : { max }),
  };
  return {
    kind,
    mean: m + s * sign * moments.mean,
    variance: s * s * moments.variance,
    min,
    max,
    // Clamped because μ + σ·z can round just past a bound.
    sample: (rng: RandomStream): number => Math.min(max, Math.max(min, m + s * sign * standard(rng))),
    toSpec: () => spec,
  };
}
