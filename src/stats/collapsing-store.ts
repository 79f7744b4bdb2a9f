/**
 * The bucket store behind `QuantileSketch`: counts per integer bucket key in a fixed-size array,
 * so memory is capped no matter how many values or how wide their range.
 */

/**
 * Counts per integer key, kept in one Float64Array(maxBuckets) window of contiguous keys.
 *
 * Method: DDSketch's "collapsing lowest dense store" (Masson, Rim & Lee 2019, §2.2). The window
 * is re-centred when a key falls outside it; when the keys in use would span more than
 * `maxBuckets`, the lowest keys are merged into the lowest kept key, so high keys (high
 * quantiles) stay exact. The final state does not depend on insertion order: every key below
 * (highest key − maxBuckets + 1) ends up in that key.
 *
 * Cost: `add` O(1) and allocation-free, except an O(maxBuckets) copy when the window moves
 * (rare: each move leaves half the free room on either side); `keyAtRank` O(span); memory
 * 8·maxBuckets bytes.
 */
export class CollapsingLowestStore {
  /** Capacity: the maximum span of keys held. */
  readonly maxBuckets: number;
  private readonly counts: Float64Array;
  /** Key stored at counts[0]. */
  private base = 0;
  /** Key range that may hold non-zero counts; lo > hi means empty. */
  private lo = 0;
  private hi = -1;
  private sum = 0;
  private collapsed = false;

  /** @param maxBuckets integer ≥ 1 (validated by the caller). */
  constructor(maxBuckets: number) {
    this.maxBuckets = maxBuckets;
    this.counts = new Float64Array(maxBuckets);
  }

  /** Add `count` to bucket `key` (or to the lowest kept bucket if `key` is below the window). */
  add(key: number, count = 1): void {
    const i = this.slot(key);
    this.counts[i] = (this.counts[i] ?? 0) + count;
    this.sum += count;
  }

  /** Add every bucket of `other` (same key meaning assumed). O(other's span + maxBuckets). */
  merge(other: CollapsingLowestStore): void {
    if (other.sum === 0) return;
    // Size the window for the union once, instead of re-centring bucket by bucket.
    this.slot(other.hi);
    this.slot(other.lo);
    for (let key = other.lo; key <= other.hi; key++) {
      const c = other.counts[key - other.base] ?? 0;
      if (c !== 0) this.add(key, c);
    }
    this.collapsed ||= other.collapsed;
  }

  /** The smallest key whose cumulative count reaches `rank` (1-based, ≤ total). O(span). */
  keyAtRank(rank: number): number {
    let cumulative = 0;
    for (let key = this.lo; key <= this.hi; key++) {
      cumulative += this.counts[key - this.base] ?? 0;
      if (cumulative >= rank) return key;
    }
    return this.hi; // only reached when rank > total; the highest key is the safe answer
  }

  /** Empty the store, keeping the allocated array. O(maxBuckets). */
  reset(): void {
    this.counts.fill(0);
    this.base = 0;
    this.lo = 0;
    this.hi = -1;
    this.sum = 0;
    this.collapsed = false;
  }

  /** Sum of all counts. */
  get total(): number {
    return this.sum;
  }

  /** Lowest key in use (after a collapse, the bucket that holds all lower keys). */
  get lowestKey(): number {
    return this.lo;
  }

  /** Width of the key range in use, 0 when empty; never exceeds `maxBuckets`. */
  get span(): number {
    return this.hi - this.lo + 1;
  }

  /** Whether any keys have been merged into the lowest bucket since the last reset. */
  get isCollapsed(): boolean {
    return this.collapsed;
  }

  /** Index into `counts` for `key`, moving or collapsing the window if needed. */
  private slot(key: number): number {
    if (this.lo > this.hi) {
      // First key: centre the window on it, since later keys may go either way.
      this.base = key - (this.maxBuckets >> 1);
      this.lo = key;
      this.hi = key;
    } else if (key < this.lo || key > this.hi) {
      const newLo = Math.min(this.lo, key);
      const newHi = Math.max(this.hi, key);
      if (newLo >= this.base && newHi < this.base + this.maxBuckets) {
        this.lo = newLo;
        this.hi = newHi;
      } else {
        this.reposition(newLo, newHi);
      }
    }
    // Keys below the kept range were collapsed into the lowest bucket.
    return Math.max(key, this.lo) - this.base;
  }

  /** Move the window to cover [newLo, newHi], collapsing the lowest keys if it is too wide. */
  private reposition(newLo: number, newHi: number): void {
    const cap = this.maxBuckets;
    let keepLo = newLo;
    let carried = 0;
    if (newHi - newLo + 1 > cap) {
      keepLo = newHi - cap + 1;
      const top = Math.min(this.hi, keepLo - 1);
      for (let key = this.lo; key <= top; key++) carried += this.counts[key - this.base] ?? 0;
      this.collapsed = true;
    }
    // Centre the kept range so growth in either direction is cheap.
    const newBase = keepLo - ((cap - (newHi - keepLo + 1)) >> 1);
    const srcLo = Math.max(this.lo, keepLo);
    if (srcLo <= this.hi) {
      const from = srcLo - newBase;
      this.counts.copyWithin(from, srcLo - this.base, this.hi - this.base + 1);
      this.counts.fill(0, 0, from);
      this.counts.fill(0, this.hi - newBase + 1);
    } else {
      this.counts.fill(0);
    }
    this.base = newBase;
    this.lo = keepLo;
    this.hi = newHi;
    const first = keepLo - newBase;
    this.counts[first] = (this.counts[first] ?? 0) + carried;
  }
}
