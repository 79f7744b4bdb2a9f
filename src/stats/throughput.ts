/**
 * Throughput per calendar bucket: FEU (or trains, or vessels) completed per week, the headline
 * output of a corridor run.
 */

/** One week in hours: the default bucket width of a `ThroughputCounter`. */
export const HOURS_PER_WEEK = 168;

/** Construction options of a `ThroughputCounter`. */
export interface ThroughputCounterOptions {
  /** Time (h) from which buckets are counted; earlier records are ignored. Default 0. */
  readonly start?: number;
  /** Bucket width (h), > 0. Default `HOURS_PER_WEEK` (168). */
  readonly bucketWidth?: number;
}

/**
 * Sums amounts (e.g. FEU delivered) per fixed-width time bucket from a start time.
 *
 * Buckets are half-open: bucket k covers [start + k·w, start + (k+1)·w), so a record exactly on
 * a boundary start + k·w belongs to bucket k, the bucket that boundary opens (computed as
 * ⌊(now − start)/w⌋ in floating point). A bucket is complete once `now` ≥ its end; records
 * before `start` (warm-up) are ignored, and `reset(now)` restarts counting at `now`.
 *
 * Cost: `record` is O(1) amortised. Memory holds one number per bucket, so it grows with the
 * simulated horizon divided by the bucket width (≈ 52 numbers per simulated year with weekly
 * buckets), never with the number of records.
 */
export class ThroughputCounter {
  /** Bucket width (h). */
  readonly bucketWidth: number;
  private startTime: number;
  private readonly sums: number[] = [];

  /** @throws RangeError if start is not finite or the width is not a finite positive number. */
  constructor(options: ThroughputCounterOptions = {}) {
    const start = options.start ?? 0;
    const width = options.bucketWidth ?? HOURS_PER_WEEK;
    if (!Number.isFinite(start)) throw new RangeError(`ThroughputCounter: start must be finite, got ${start}`);
    if (!(width > 0) || width === Infinity) {
      throw new RangeError(`ThroughputCounter: bucketWidth must be finite and > 0, got ${width}`);
    }
    this.startTime = start;
    this.bucketWidth = width;
  }

  /**
   * Add `amount` (default 1, e.g. one FEU) at time `now` (h). Ignored when `now` < start.
   * Records need not arrive in time order. O(1) amortised.
   * @throws RangeError if `now` is not finite or `amount` is negative or not finite.
   */
  record(now: number, amount = 1): void {
    if (!Number.isFinite(now) || !(amount >= 0) || amount === Infinity) throw badRecord(now, amount);
    if (now < this.startTime) return;
    const k = Math.floor((now - this.startTime) / this.bucketWidth);
    // Empty buckets between records are real zeros (a week with no arrivals), not gaps.
    while (this.sums.length <= k) this.sums.push(0);
    this.sums[k] = (this.sums[k] ?? 0) + amount;
  }

  /**
   * Sums of the buckets complete at `now` (end ≤ now), oldest first; a bucket whose end equals
   * `now` is complete. Includes zero buckets. Returns a new array; O(number of buckets).
   */
  buckets(now: number): number[] {
    const out: number[] = [];
    const complete = this.completeBucketCount(now);
    for (let k = 0; k < complete; k++) out.push(this.sums[k] ?? 0);
    return out;
  }

  /**
   * Mean amount per complete bucket at `now` (e.g. FEU per week); NaN when no bucket is complete
   * yet (a rate over no full bucket is undefined, and a partial one would bias it low).
   */
  ratePerBucket(now: number): number {
    const complete = this.completeBucketCount(now);
    if (complete === 0) return NaN;
    let total = 0;
    for (let k = 0; k < complete; k++) total += this.sums[k] ?? 0;
    return total / complete;
  }

  /** Total recorded since start, including the incomplete current bucket. O(buckets). */
  get total(): number {
    let total = 0;
    for (const s of this.sums) total += s;
    return total;
  }

  /** Start time (h) of bucket 0: the constructor's start or the last reset. */
  get start(): number {
    return this.startTime;
  }

  /** Discard all buckets and count from `now` (h) on: the end-of-warm-up reset. */
  reset(now: number): void {
    if (!Number.isFinite(now)) throw new RangeError(`ThroughputCounter.reset: time must be finite, got ${now}`);
    this.startTime = now;
    this.sums.length = 0;
  }

  private completeBucketCount(now: number): number {
    if (!Number.isFinite(now)) throw new RangeError(`ThroughputCounter: time must be finite, got ${now}`);
    if (now < this.startTime) return 0;
    return Math.floor((now - this.startTime) / this.bucketWidth);
  }
}

/**
 * The error of a bad `record`, built out of line: with the messages inline, `record` was too big
 * for the JIT to inline into the simulation's per-container code, which then boxed its times.
 */
function badRecord(now: number, amount: number): RangeError {
  return Number.isFinite(now)
    ? new RangeError(`ThroughputCounter.record: amount must be finite and >= 0, got ${amount}`)
    : new RangeError(`ThroughputCounter.record: time must be finite, got ${now}`);
}
