/**
 * The sum of independent distributions: a trainset's cycle (loaded run + empty return), a sea
 * transit plus a transshipment dwell. Mean and variance add because the parts are independent.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';

/**
 * X1 + X2 + ... for independent parts, each drawn from the same stream in order.
 *
 * @param parts one or more distributions, in the caller's unit.
 * @returns mean Σ E[Xi], variance Σ Var[Xi], support [Σ min, Σ max].
 */
export function sumOf(parts: readonly Distribution[]): Distribution {
  if (parts.length === 0) throw new RangeError('sumOf: needs at least one distribution, got none');
  const own = [...parts];
  if (own.length === 1) return own[0] as Distribution;
  return {
    kind: 'sum',
    mean: own.reduce((s, d) => s + d.mean, 0),
    variance: own.reduce((s, d) => s + d.variance, 0),
    min: own.reduce((s, d) => s + d.min, 0),
    max: own.reduce((s, d) => s + d.max, 0),
    sample(rng: RandomStream): number {
      let total = 0;
      for (const part of own) total += part.sample(rng);
      return total;
    },
    toSpec: () => ({ dist: 'sum', parts: own.map((d) => d.toSpec()) }),
  };
}
