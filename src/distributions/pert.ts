/**
 * The beta-PERT distribution: a smoother alternative to the triangular for three-point
 * estimates, putting less weight on the extremes (its mean moves less with the pessimistic tail).
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid, requireFinite, requirePositive } from './errors.ts';
import { standardGammaSampler } from './samplers.ts';

/**
 * PERT(a, c, b; λ): a + (b − a)·Y with Y ~ Beta(α, β), α = 1 + λ(c − a)/(b − a) and
 * β = 1 + λ(b − c)/(b − a). Y is drawn as G₁/(G₁ + G₂) from two gamma variates G₁ ~ Gamma(α),
 * G₂ ~ Gamma(β); both shapes are >= 1, where Marsaglia–Tsang needs no boost.
 *
 * @param min a, the lower limit, in the caller's unit (hours for times).
 * @param mode c, the most likely value, a <= c <= b.
 * @param max b, the upper limit, b > a.
 * @param lambda λ > 0, the weight of the mode (dimensionless); 4 is the classic PERT value.
 * @returns a distribution with mean μ = (a + λc + b)/(λ + 2) and variance (μ − a)(b − μ)/(λ + 3),
 *   on [a, b].
 */
export function pert(min: number, mode: number, max: number, lambda = 4): Distribution {
  const a = requireFinite('pert', 'min', min);
  if (!Number.isFinite(max) || max <= a) throw invalid('pert', 'max', `a finite number > min (${a})`, max);
  const b = max;
  if (!Number.isFinite(mode) || mode < a || mode > b) {
    throw invalid('pert', 'mode', `a finite number between min (${a}) and max (${b})`, mode);
  }
  const c = mode;
  const l = requirePositive('pert', 'lambda', lambda);
  const width = b - a;
  const gammaAlpha = standardGammaSampler(1 + (l * (c - a)) / width);
  const gammaBeta = standardGammaSampler(1 + (l * (b - c)) / width);
  const mean = (a + l * c + b) / (l + 2);
  return {
    kind: 'pert',
    mean,
    variance: ((mean - a) * (b - mean)) / (l + 3),
    min: a,
    max: b,
    sample: (rng: RandomStream): number => {
      const g1 = gammaAlpha(rng);
      const y = g1 / (g1 + gammaBeta(rng));
      return Math.min(b, a + width * y);
    },
    toSpec: () => ({ dist: 'pert', min: a, mode: c, max: b, lambda: l }),
  };
}
