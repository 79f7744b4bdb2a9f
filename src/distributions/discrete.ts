/**
 * A discrete choice among given values with given relative weights: e.g. the number of wagons
 * that fail inspection, or a departure slot among a few timetabled options.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, normalizeWeights, requireFiniteArray } from './errors.ts';

/**
 * Walker's alias table (Vose's construction): for each of n equal columns, the probability of
 * keeping the column's own value and the value to take otherwise. Sampling is then O(1).
 */
function aliasTable(probabilities: Float64Array): { keep: Float64Array; alias: Int32Array } {
  const n = probabilities.length;
  const keep = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = probabilities.map((p) => p * n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    keep[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    ((scaled[l] as number) < 1 ? small : large).push(l);
  }
  // What is left is 1 up to rounding: those columns keep their own value.
  for (const i of large) keep[i] = 1;
  for (const i of small) keep[i] = 1;
  return { keep, alias };
}

/**
 * The discrete distribution P(X = xᵢ) = wᵢ / Σw. Sampled with an alias table from a single
 * uniform: its integer part (of U·n) picks a column, its fraction decides between the column's
 * value and its alias, so each draw costs one uniform whatever n is.
 *
 * @param values x₁ … xₙ, n >= 1 finite values, in the caller's unit (hours for times).
 * @param weights w₁ … wₙ, finite relative weights >= 0 with a positive sum (need not sum to 1).
 * @returns a distribution with mean μ = Σpᵢxᵢ and variance Σpᵢ(xᵢ − μ)², pᵢ = wᵢ/Σw, on
 *   [min, max] of the values with positive weight.
 */
export function discrete(values: readonly number[], weights: readonly number[]): Distribution {
  const kind = 'discrete';
  const xs = requireFiniteArray(kind, 'values', values, 1);
  if (!Array.isArray(weights) || weights.length !== xs.length) {
    throw invalid(kind, 'weights', `an array of ${xs.length} weights, one per value`, weights);
  }
  const ws = Array.from(weights);
  const probabilities = normalizeWeights(kind, ws, (i) => `weights[${i}]`, 'weights');
  let mean = 0;
  let lo = Infinity;
  let hi = -Infinity;
  xs.forEach((x, i) => {
    const p = probabilities[i] as number;
    mean += p * x;
    if (p > 0 && x < lo) lo = x;
    if (p > 0 && x > hi) hi = x;
  });
  let variance = 0;
  xs.forEach((x, i) => (variance += (probabilities[i] as number) * (x - mean) * (x - mean)));
  const { keep, alias } = aliasTable(probabilities);
  const n = xs.length;
  return {
    kind,
    mean,
    variance,
    min: lo,
    max: hi,
    sample: (rng: RandomStream): number => {
      const scaled = rng.next() * n;
      const column = Math.min(Math.floor(scaled), n - 1);
      const chosen = scaled - column < (keep[column] as number) ? column : (alias[column] as number);
      return xs[chosen] as number;
    },
    toSpec: () => ({ dist: kind, values: Array.from(xs), weights: Array.from(ws) }),
  };
}
