/**
 * A distribution given by points of its CDF, joined by straight lines: the form of published
 * percentile tables ("10% of trains wait under 2 h, half under 6 h, 90% under 30 h").
 */
import type { RandomStream } from '../random/index.ts';
import type { Distribution } from './distribution.ts';
import { invalid } from './errors.ts';
import { firstIndexAbove } from './samplers.ts';

/** One point of a CDF: P(X <= x) = p. */
export interface CdfPoint {
  /** The value, in the caller's unit (hours for times). */
  readonly x: number;
  /** The cumulative probability at x, in [0, 1]. */
  readonly p: number;
}

/**
 * The distribution whose CDF passes through `points` and is linear between them, i.e. uniform
 * within each segment (a piecewise-uniform density). Sampled by inversion with a binary search
 * over the segments, one uniform per draw.
 *
 * @param points (x₀, p₀) … (xₙ, pₙ), n >= 1: x nondecreasing and finite, p nondecreasing from
 *   p₀ = 0 to pₙ = 1. Two points with the same x make a jump of the CDF: an atom at that x.
 * @returns a distribution with mean Σ Δpᵢ·(xᵢ₋₁ + xᵢ)/2 and variance
 *   Σ Δpᵢ·[((xᵢ₋₁ + xᵢ)/2 − mean)² + (xᵢ − xᵢ₋₁)²/12] (law of total variance over segments),
 *   where Δpᵢ = pᵢ − pᵢ₋₁; on [last x with p = 0, first x with p = 1].
 */
export function empiricalCdf(points: readonly CdfPoint[]): Distribution {
  const kind = 'empiricalCdf';
  if (!Array.isArray(points) || points.length < 2) {
    throw invalid(kind, 'points', 'an array of at least 2 {x, p} points', points);
  }
  const n = points.length;
  const xs = new Float64Array(n);
  const ps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const point: unknown = points[i];
    if (typeof point !== 'object' || point === null) throw invalid(kind, `points[${i}]`, 'an {x, p} object', point);
    const { x, p } = point as CdfPoint;
    const previousX = i === 0 ? -Infinity : (xs[i - 1] as number);
    const previousP = i === 0 ? 0 : (ps[i - 1] as number);
    if (!Number.isFinite(x) || x < previousX) {
      throw invalid(kind, `points[${i}].x`, `a finite number >= the previous x (${previousX})`, x);
    }
    if (!Number.isFinite(p) || p < previousP || p > 1) {
      throw invalid(kind, `points[${i}].p`, `a number from the previous p (${previousP}) to 1`, p);
    }
    xs[i] = x;
    ps[i] = p;
  }
  if (ps[0] !== 0) throw invalid(kind, 'points[0].p', '0 (a CDF starts at probability 0)', ps[0]);
  if (ps[n - 1] !== 1) throw invalid(kind, `points[${n - 1}].p`, '1 (a CDF ends at probability 1)', ps[n - 1]);
  let mean = 0;
  for (let i = 1; i < n; i++) {
    mean += ((ps[i] as number) - (ps[i - 1] as number)) * (((xs[i - 1] as number) + (xs[i] as number)) / 2);
  }
  let variance = 0;
  for (let i = 1; i < n; i++) {
    const lo = xs[i - 1] as number;
    const hi = xs[i] as number;
    const centre = (lo + hi) / 2 - mean;
    variance += ((ps[i] as number) - (ps[i - 1] as number)) * (centre * centre + ((hi - lo) * (hi - lo)) / 12);
  }
  const first = ps.lastIndexOf(0);
  const last = ps.indexOf(1);
  return {
    kind,
    mean,
    variance,
    min: xs[first] as number,
    max: xs[last] as number,
    sample: (rng: RandomStream): number => {
      const u = rng.next();
      // ps[0] = 0 < u, so i >= 1 and the segment (i − 1, i) has positive probability.
      const i = firstIndexAbove(ps, u);
      const p0 = ps[i - 1] as number;
      const x0 = xs[i - 1] as number;
      const x1 = xs[i] as number;
      return Math.min(x1, x0 + ((u - p0) / ((ps[i] as number) - p0)) * (x1 - x0));
    },
    toSpec: () => ({ dist: kind, points: Array.from(xs, (x, i) => ({ x, p: ps[i] as number })) }),
  };
}
