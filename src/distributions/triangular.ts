/**
 * The triangular distribution: the classic three-point estimate (optimistic, most likely,
 * pessimistic) when only expert judgement is available.
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, requireFinite } from './errors.ts';

/**
 * Triangular(a, c, b) with lower limit a, mode c and upper limit b, a <= c <= b, a < b.
 * Sampled by inversion, one uniform per draw.
 *
 * @param min a, the lower limit, in the caller's unit (hours for times).
 * @param mode c, the most likely value, a <= c <= b.
 * @param max b, the upper limit, b > a.
 * @returns a distribution with mean (a + b + c)/3 and variance
 *   (a² + b² + c² − ab − ac − bc)/18, on [a, b].
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  const a = requireFinite('triangular', 'min', min);
  if (!Number.isFinite(max) || max <= a) throw invalid('triangular', 'max', `a finite number > min (${a})`, max);
  const b = max;
  if (!Number.isFinite(mode) || mode < a || mode > b) {
    throw invalid('triangular', 'mode', `a finite number between min (${a}) and max (${b})`, mode);
  }
  const c = mode;
  const width = b - a;
  const split = (c - a) / width; // F(c): the probability of falling left of the mode
  const left = width * (c - a);
  const right = width * (b - c);
  return {
    kind: 'triangular',
    mean: (a + b + c) / 3,
    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
    min: a,
    max: b,
    sample: (rng: RandomStream): number => {
      const u = rng.next();
      const x = u < split ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
      return Math.min(b, Math.max(a, x));
    },
    toSpec: () => ({ dist: 'triangular', min: a, mode: c, max: b }),
  };
}
