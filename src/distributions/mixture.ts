/**
 * A mixture: with probability wᵢ the value comes from component i. The model of "usually
 * nothing, sometimes a long delay", e.g. 90% of trains pass customs without inspection
 * (deterministic 0) and 10% are inspected (a lognormal delay).
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, normalizeWeights } from './errors.ts';
import { cumulativeTable, firstIndexAbove } from './samplers.ts';

/** One component of a mixture: its relative weight and its distribution. */
export interface MixtureComponent {
  /** Relative weight wᵢ >= 0; the weights need not sum to 1. */
  readonly weight: number;
  /** The distribution a value is drawn from when this component is chosen. */
  readonly dist: Distribution;
}

/**
 * The mixture Σ pᵢ·Fᵢ with pᵢ = wᵢ/Σw. Each draw spends one uniform to pick the component
 * (binary search over cumulative weights) and then whatever the component spends.
 *
 * @param components (wᵢ, Fᵢ), at least one, with weights >= 0 and a positive sum.
 * @returns a distribution with mean μ = Σpᵢμᵢ and, by the law of total variance, variance
 *   Σpᵢ[σᵢ² + (μᵢ − μ)²]; its support runs from the smallest min to the largest max of the
 *   components with positive weight. Values are in the components' unit (hours for times).
 */
export function mixture(components: readonly MixtureComponent[]): Distribution {
  const kind = 'mixture';
  if (!Array.isArray(components) || components.length < 1) {
    throw invalid(kind, 'components', 'an array of at least one {weight, dist} component', components);
  }
  const dists: Distribution[] = components.map((component: unknown, i) => {
    const dist = (component as Partial<MixtureComponent> | null)?.dist;
    if (typeof dist !== 'object' || dist === null || typeof dist.sample !== 'function') {
      throw invalid(kind, `components[${i}].dist`, 'a Distribution', dist);
    }
    return dist;
  });
  const weights = components.map((component) => component.weight);
  const probabilities = normalizeWeights(kind, weights, (i) => `components[${i}].weight`, 'components');
  let mean = 0;
  let lo = Infinity;
  let hi = -Infinity;
  dists.forEach((dist, i) => {
    const p = probabilities[i] as number;
    mean += p * dist.mean;
    if (p > 0) {
      lo = Math.min(lo, dist.min);
      hi = Math.max(hi, dist.max);
    }
  });
  let variance = 0;
  dists.forEach((dist, i) => {
    const offset = dist.mean - mean;
    variance += (probabilities[i] as number) * (dist.variance + offset * offset);
  });
  const cumulative = cumulativeTable(probabilities);
  return {
    kind,
    mean,
    variance,
    min: lo,
    max: hi,
    sample: (rng: RandomStream): number => (dists[firstIndexAbove(cumulative, rng.next())] as Distribution).sample(rng),
    toSpec: () => ({
      dist: kind,
      components: dists.map((dist, i) => ({ weight: weights[i], dist: dist.toSpec() })),
    }),
  };
}
