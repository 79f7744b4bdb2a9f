/**
 * Observation-based statistics: count, mean, variance, min, max and sum of a stream of values
 * (transit times in hours, waits, lot sizes in FEU) in O(1) memory.
 */

/**
 * Online summary of a stream of observations (any unit; hours for times).
 *
 * Method: Welford's (1962) update of the mean and of M2, the sum of squared deviations from the
 * mean, as presented in Knuth, TAOCP vol. 2, 4.2.2. Unlike the textbook Σx² − n·mean² formula it
 * does not cancel catastrophically when the mean is large relative to the spread (e.g. transit
 * times of ~300 h varying by minutes). Two tallies combine with `merge` (Chan, Golub & LeVeque
 * 1979 pairwise update), so per-worker or per-replication tallies can be pooled exactly.
 *
 * Cost: O(1) time per `add`, six numbers of memory regardless of how many values are added.
 * Empty-tally conventions: `count` and `sum` are 0; `mean`, `min`, `max` and the variances are
 * NaN (there is nothing to summarise, and NaN shows up in reports instead of a plausible 0).
 */
export class Tally {
  private n = 0;
  private runningMean = 0;
  /** Sum of squared deviations from the running mean (Welford's M2). */
  private m2 = 0;
  private lowest = Infinity;
  private highest = -Infinity;
  private total = 0;

  /**
   * Record one observation. O(1), allocation-free.
   * @throws RangeError if `x` is NaN or infinite: one bad value would silently poison every
   *   statistic, so it is better to fail at the source.
   */
  add(x: number): void {
    if (!Number.isFinite(x)) throw badTallyValue(x);
    this.n += 1;
    const delta = x - this.runningMean;
    this.runningMean += delta / this.n;
    // Uses the deviation from both the old and the new mean; this product form is what keeps
    // M2 non-negative and accurate (Welford 1962).
    this.m2 += delta * (x - this.runningMean);
    if (x < this.lowest) this.lowest = x;
    if (x > this.highest) this.highest = x;
    this.total += x;
  }

  /**
   * Fold another tally into this one, as if all of its observations had been added here.
   * Method: Chan, Golub & LeVeque (1979), "Updating formulae and a pairwise algorithm for
   * computing sample variances": with δ = mean_b − mean_a,
   * M2 = M2_a + M2_b + δ²·n_a·n_b / (n_a + n_b). O(1). `other` is not modified.
   */
  merge(other: Tally): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.copyFrom(other);
      return;
    }
    const n = this.n + other.n;
    const delta = other.runningMean - this.runningMean;
    this.runningMean += (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
    this.lowest = Math.min(this.lowest, other.lowest);
    this.highest = Math.max(this.highest, other.highest);
    this.total += other.total;
  }

  /**
   * Forget all observations (e.g. at the end of the warm-up period). Takes no time argument
   * because observations carry no duration; it still satisfies `Resettable`.
   */
  reset(): void {
    this.n = 0;
    this.runningMean = 0;
    this.m2 = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
    this.total = 0;
  }

  /** Number of observations since construction or the last reset. */
  get count(): number {
    return this.n;
  }

  /** Sum of the observations (0 when empty), in the observations' unit. */
  get sum(): number {
    return this.total;
  }

  /** Arithmetic mean, in the observations' unit; NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this.runningMean;
  }

  /** Population variance M2/n (unit squared); NaN when empty. */
  get variance(): number {
    return this.n === 0 ? NaN : this.m2 / this.n;
  }

  /** Unbiased sample variance M2/(n−1) (unit squared); NaN when fewer than 2 observations. */
  get sampleVariance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation √(M2/(n−1)), in the observations' unit; NaN when n < 2. */
  get standardDeviation(): number {
    return Math.sqrt(this.sampleVariance);
  }

  /** Smallest observation; NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lowest;
  }

  /** Largest observation; NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.highest;
  }

  private copyFrom(other: Tally): void {
    this.n = other.n;
    this.runningMean = other.runningMean;
    this.m2 = other.m2;
    this.lowest = other.lowest;
    this.highest = other.highest;
    this.total = other.total;
  }
}

/** The error of a bad `add`, built out of line so that `add` stays small enough to inline (see QuantileSketch). */
function badTallyValue(x: number): RangeError {
  return new RangeError(`Tally.add requires a finite number, got ${x}`);
}
