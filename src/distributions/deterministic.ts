/**
 * A constant: a time that does not vary, such as a timetabled crossing or "no delay" (0).
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { requireFinite } from './errors.ts';

/**
 * The degenerate distribution at `value`: every sample is `value`.
 *
 * @param value the constant c, in the caller's unit (hours for times); any finite number.
 * @returns a distribution with mean c and variance 0. Sampling draws no uniform (there is
 *   nothing to randomise), so a stream shared with other distributions is not advanced.
 */
export function deterministic(value: number): Distribution {
  const c = requireFinite('deterministic', 'value', value);
  return {
    kind: 'deterministic',
    mean: c,
    variance: 0,
    min: c,
    max: c,
    sample: (_rng: RandomStream): number => c,
    toSpec: () => ({ dist: 'deterministic', value: c }),
  };
}
