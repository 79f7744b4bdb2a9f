/**
 * The continuous uniform distribution: all values in an interval equally likely, the model of
 * a time known only to lie between two bounds.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, requireFinite } from './errors.ts';

/**
 * Uniform(a, b), a < b.
 *
 * @param min a, the lower bound, in the caller's unit (hours for times).
 * @param max b, the upper bound; must exceed a (use `deterministic` for a single value).
 * @returns a distribution with mean (a + b)/2 and variance (b − a)²/12, sampled as a + (b − a)·U.
 */
export function uniform(min: number, max: number): Distribution {
  const a = requireFinite('uniform', 'min', min);
  if (!Number.isFinite(max) || max <= a) throw invalid('uniform', 'max', `a finite number > min (${a})`, max);
  const b = max;
  const width = b - a;
  return {
    kind: 'uniform',
    mean: a + width / 2,
    variance: (width * width) / 12,
    min: a,
    max: b,
    // Clamped because a + width·U can round up to just past b when |a| is much larger than width.
    sample: (rng: RandomStream): number => Math.min(a + width * rng.next(), b),
    toSpec: () => ({ dist: 'uniform', min: a, max: b }),
  };
}
