/**
 * Mean and variance of the standard normal truncated to [a, b]. The closed form is used where it
 * is well conditioned; where it would cancel catastrophically (very narrow intervals, intervals
 * far in a tail, where the variance is tiny next to the terms it is the difference of) the same
 * moments are integrated numerically instead, to about 1e−12 relative.
 */
import { normalMillsRatio, normalPdf, normalUpperTail } from './special-functions.ts';

/** Mean and variance of a standardised truncated normal. */
export interface StandardMoments {
  readonly mean: number;
  readonly variance: number;
}

/** The closed form is trusted while its estimated rounding error stays below this fraction of the variance. */
const MAX_RELATIVE_ERROR = 1e-11;

/**
 * Moments of Z ~ N(0, 1) truncated to [a, b], for a >= 0 or a < 0 < b (callers mirror an
 * interval that lies below 0). With P = Φ(b) − Φ(a), A = φ(a)/P and B = φ(b)/P, the closed form
 * is mean A − B and variance 1 + aA − bB − (A − B)². For a >= 0, P/φ(a) is formed from Mills
 * ratios so that nothing underflows however far out the interval is.
 */
export function truncatedStandardMoments(a: number, b: number): StandardMoments {
  let A: number;
  let B: number;
  if (a >= 0) {
    const densityRatio = b === Infinity ? 0 : Math.exp(-0.5 * (b - a) * (b + a)); // φ(b)/φ(a)
    const scaledMass = normalMillsRatio(a) - (b === Infinity ? 0 : normalMillsRatio(b) * densityRatio);
    A = 1 / scaledMass;
    B = densityRatio / scaledMass;
  } else {
    const mass = 1 - normalUpperTail(-a) - normalUpperTail(b);
    A = normalPdf(a) / mass;
    B = normalPdf(b) / mass;
  }
  // An infinite bound has zero density; the products would otherwise be ∞·0 = NaN.
  const aA = a === -Infinity ? 0 : a * A;
  const bB = b === Infinity ? 0 : b * B;
  const mean = A - B;
  const variance = 1 + aA - bB - mean * mean;
  const roundingError = 4e-15 * (1 + Math.abs(aA) + Math.abs(bB) + mean * mean);
  if (Number.isFinite(variance) && variance > 0 && roundingError <= MAX_RELATIVE_ERROR * variance) {
    return { mean, variance };
  }
  return integratedMoments(a, b);
}

// 8-point Gauss–Legendre nodes and weights on [−1, 1] (symmetric halves).
const NODES = [0.18343464249564978, 0.525532409916329, 0.7966664774136267, 0.9602898564975362];
const WEIGHTS = [0.36268378337836166, 0.3137066458778869, 0.22238103445337443, 0.10122853629037706];
const PANELS = 40;
/** Density ratios below e^−92 (≈ 1e−40) add nothing a double can hold. */
const LOG_NEGLIGIBLE = 92;

/**
 * The same moments by composite Gauss–Legendre quadrature (40 panels of 8 nodes) of the density
 * relative to its peak, in coordinates y = z − lo measured from the lower end of the integration
 * range, so that the mean is lo + E[y] and the variance E[(y − E[y])²] without cancellation.
 * The range stops where the density has fallen by e^−92: at most 92 decay lengths, which the
 * 320 nodes resolve to about 1e−12.
 */
function integratedMoments(a: number, b: number): StandardMoments {
  const peak = Math.max(a, 0);
  // Distance from the peak at which (z² − peak²)/2 reaches LOG_NEGLIGIBLE, in a cancellation-free form.
  const reach = (2 * LOG_NEGLIGIBLE) / (peak + Math.sqrt(peak * peak + 2 * LOG_NEGLIGIBLE));
  const lo = Math.max(a, -reach);
  const hi = Math.min(b, peak + reach);
  const panel = (hi - lo) / PANELS;
  const half = panel / 2;
  // (lo − peak) first: it is exactly 0 in a tail, which keeps tiny y exact.
  const weight = (y: number): number => Math.exp(-0.5 * (lo - peak + y) * (lo + peak + y));
  const integrate = (f: (y: number, w: number) => number): number => {
    let sum = 0;
    for (let i = 0; i < PANELS; i++) {
      const centre = (i + 0.5) * panel;
      for (let j = 0; j < NODES.length; j++) {
        const left = centre - half * (NODES[j] as number);
        const right = centre + half * (NODES[j] as number);
        sum += (WEIGHTS[j] as number) * (f(left, weight(left)) + f(right, weight(right)));
      }
    }
    return sum;
  };
  const mass = integrate((_y, w) => w);
  const offset = integrate((y, w) => y * w) / mass;
  const variance = integrate((y, w) => (y - offset) * (y - offset) * w) / mass;
  return { mean: lo + offset, variance };
}
