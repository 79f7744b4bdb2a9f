/**
 * Bounded-memory quantiles (p50, p95, p99 transit times and waits) with a guaranteed relative
 * error, following DDSketch: Masson, Rim & Lee (2019), "DDSketch: A Fast and Fully-Mergeable
 * Quantile Sketch with Relative-Error Guarantees", PVLDB 12(12).
 */
import { CollapsingLowestStore } from './collapsing-store.ts';
import { nearestRank } from './nearest-rank.ts';

/** Default relative accuracy α of a `QuantileSketch`: 0.005, i.e. estimates within ±0.5 %. */
export const DEFAULT_RELATIVE_ACCURACY = 0.005;

/**
 * Default bucket cap of a `QuantileSketch`: 2048 buckets, 16 KiB. With α = 0.005 (γ ≈ 1.01005)
 * they span a dynamic range of γ^2048 ≈ 8·10^8, e.g. one second (1/3600 h) to 25 years, before
 * any collapsing happens.
 */
export const DEFAULT_MAX_BUCKETS = 2048;

/** Construction options of a `QuantileSketch`. */
export interface QuantileSketchOptions {
  /** Relative accuracy α in (0, 1); default `DEFAULT_RELATIVE_ACCURACY` (0.005). */
  readonly relativeAccuracy?: number;
  /** Maximum number of positive-value buckets (integer ≥ 1); default `DEFAULT_MAX_BUCKETS`. */
  readonly maxBuckets?: number;
}

/**
 * Log-bucketed relative-error quantile sketch for non-negative values (hours, FEU, ...).
 *
 * Method (DDSketch): with γ = (1+α)/(1−α), a value x > 0 is counted in bucket k = ⌈log_γ x⌉,
 * which holds (γ^(k−1), γ^k]; zeros are counted separately. A bucket is reported as
 * 2γ^k/(γ+1), whose relative distance to every point of the bucket is at most (γ−1)/(γ+1) = α.
 *
 * Guarantee: let x₍ᵣ₎ be the r-th smallest of the n values added, with r = `nearestRank(q, n)`
 * = ⌈q·n⌉ clamped to [1, n]. Then `quantile(q)` = v satisfies |v − x₍ᵣ₎| ≤ α·x₍ᵣ₎ (up to
 * floating-point rounding, ~1e-15 relative), and v = 0 exactly when x₍ᵣ₎ = 0. Reason: buckets
 * are disjoint ordered intervals, so the bucket where the cumulative count first reaches r is
 * the bucket of x₍ᵣ₎; the estimate is also clamped to the exact [min, max], which only moves it
 * towards x₍ᵣ₎. Ranks 1 and n (q = 0, q = 1) return the exactly tracked min and max.
 *
 * Memory cap: at most `maxBuckets` contiguous buckets are kept. When a value would widen the
 * range beyond the cap, the lowest buckets are collapsed into one (DDSketch's "collapsing
 * lowest" store): the guarantee then holds only for quantiles whose true value exceeds
 * `collapseThreshold`; lower quantiles may be overestimated. High quantiles, the ones that
 * matter for service levels, are never degraded.
 *
 * Cost: `add` is O(1) (one logarithm) and allocation-free except for a rare O(maxBuckets)
 * re-centring of the bucket window (see `CollapsingLowestStore`); `quantile` is O(maxBuckets);
 * memory is one Float64Array(maxBuckets), independent of the number of values. Sketches with the
 * same α merge exactly (`merge`), e.g. across replications or workers.
 */
export class QuantileSketch {
  /** Relative accuracy α of this sketch. */
  readonly relativeAccuracy: number;
  /** Maximum number of positive-value buckets kept. */
  readonly maxBuckets: number;
  private readonly logGamma: number;
  /** 2/(γ+1): the representative of bucket k is γ^k times this. */
  private readonly midpointFactor: number;
  private readonly positives: CollapsingLowestStore;
  private zeroCount = 0;
  private lowest = Infinity;
  private highest = -Infinity;

  /** @throws RangeError on an α outside (0, 1) or a non-integer or < 1 bucket cap. */
  constructor(options: QuantileSketchOptions = {}) {
    const alpha = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`QuantileSketch: relativeAccuracy must be in (0, 1), got ${alpha}`);
    if (!Number.isInteger(maxBuckets) || maxBuckets < 1) {
      throw new RangeError(`QuantileSketch: maxBuckets must be an integer >= 1, got ${maxBuckets}`);
    }
    this.relativeAccuracy = alpha;
    this.maxBuckets = maxBuckets;
    const gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(gamma);
    this.midpointFactor = 2 / (gamma + 1);
    this.positives = new CollapsingLowestStore(maxBuckets);
  }

  /** Add one value x ≥ 0. O(1). @throws RangeError if x is negative, NaN or infinite. */
  add(x: number): void {
    if (!(x >= 0) || x === Infinity) throw badSketchValue(x);
    if (x < this.lowest) this.lowest = x;
    if (x > this.highest) this.highest = x;
    // log(0) is −∞, so zeros (e.g. no wait at all) get their own exact count.
    if (x === 0) this.zeroCount += 1;
    else this.positives.add(Math.ceil(Math.log(x) / this.logGamma));
  }

  /**
   * Estimate of the q-quantile (q in [0, 1]), within α of the value at rank ⌈q·n⌉ (see the class
   * comment for the exact guarantee). NaN when empty. O(maxBuckets).
   * @throws RangeError if q is outside [0, 1].
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`QuantileSketch.quantile requires q in [0, 1], got ${q}`);
    const n = this.count;
    if (n === 0) return NaN;
    const rank = nearestRank(q, n);
    // The extremes are tracked exactly, so rank 1 and rank n need no estimate.
    if (rank === 1) return this.lowest;
    if (rank === n) return this.highest;
    if (rank <= this.zeroCount) return 0;
    const key = this.positives.keyAtRank(rank - this.zeroCount);
    const estimate = Math.exp(key * this.logGamma) * this.midpointFactor;
    return Math.min(Math.max(estimate, this.lowest), this.highest);
  }

  /**
   * Add all values of `other` to this sketch (exact: the result is the sketch of the union, up to
   * collapsing under this sketch's cap). O(maxBuckets). `other` is not modified.
   * @throws Error if the sketches have different relative accuracies (their buckets differ).
   */
  merge(other: QuantileSketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new Error(`QuantileSketch.merge: relative accuracy ${other.relativeAccuracy} differs from ${this.relativeAccuracy}`);
    }
    this.zeroCount += other.zeroCount;
    this.lowest = Math.min(this.lowest, other.lowest);
    this.highest = Math.max(this.highest, other.highest);
    this.positives.merge(other.positives);
  }

  /** Forget all values (end of warm-up). O(maxBuckets); keeps the allocated buckets. */
  reset(): void {
    this.positives.reset();
    this.zeroCount = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
  }

  /** Number of values added since construction or the last reset. */
  get count(): number {
    return this.positives.total + this.zeroCount;
  }

  /** Exact smallest value added; NaN when empty. */
  get min(): number {
    return this.count === 0 ? NaN : this.lowest;
  }

  /** Exact largest value added; NaN when empty. */
  get max(): number {
    return this.count === 0 ? NaN : this.highest;
  }

  /** Width of the key range of positive-value buckets in use; never exceeds `maxBuckets`. */
  get bucketCount(): number {
    return this.positives.span;
  }

  /**
   * 0 while nothing has been collapsed; afterwards γ^lo, the upper edge of the collapsed lowest
   * bucket: the α guarantee holds for quantiles whose true value is above this.
   */
  get collapseThreshold(): number {
    return this.positives.isCollapsed ? Math.exp(this.positives.lowestKey * this.logGamma) : 0;
  }
}

/**
 * The error of a bad `add`, built out of line: the message template would otherwise make `add`
 * too big for the JIT to inline into the simulation's per-delivery code, and every value passed
 * to it would then be boxed on the heap.
 */
function badSketchValue(x: number): RangeError {
  return new RangeError(`QuantileSketch.add requires a finite value >= 0, got ${x}`);
}
