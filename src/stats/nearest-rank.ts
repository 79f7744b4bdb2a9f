/**
 * The rank definition shared by `QuantileSketch` and its exact reference, so that "the true
 * p95" means the same thing on both sides of an accuracy check.
 */

/**
 * 1-based rank of the q-quantile of n sorted values by the nearest-rank method:
 * r = ⌈q·n⌉ clamped to [1, n], so q = 0 is the minimum and q = 1 the maximum (Hyndman & Fan
 * 1996, "Sample quantiles in statistical packages", definition 1, the inverse of the empirical
 * CDF). The exact quantile of an ascending array `xs` is `xs[nearestRank(q, xs.length) - 1]`.
 *
 * q·n is snapped to the nearest integer when within 1e-9 relative of it, so decimal q behave as
 * written: 0.07 · 100 is 7.000000000000001 in binary floating point, and should give rank 7, not 8.
 * O(1).
 * @throws RangeError if q is outside [0, 1] or n is not a positive integer.
 */
export function nearestRank(q: number, n: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`nearestRank requires q in [0, 1], got ${q}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`nearestRank requires a positive integer n, got ${n}`);
  const position = q * n;
  const nearest = Math.round(position);
  const rank = Math.abs(position - nearest) <= 1e-9 * Math.max(1, position) ? nearest : Math.ceil(position);
  return Math.min(Math.max(rank, 1), n);
}

/**
 * Exact nearest-rank q-quantile of an ascending array (see `nearestRank`). O(1); the caller
 * sorts. Reference implementation for checking sketches, and for small samples.
 * @throws RangeError if the array is empty or q is outside [0, 1].
 */
export function nearestRankQuantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('nearestRankQuantileSorted requires at least one value');
  const value = sorted[nearestRank(q, sorted.length) - 1];
  // Defined by construction (rank is within [1, length]); the check satisfies the type system.
  if (value === undefined) throw new RangeError('nearestRankQuantileSorted: rank out of range');
  return value;
}
