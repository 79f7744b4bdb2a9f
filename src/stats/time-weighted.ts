/**
 * Time-persistent statistics: the time average of a quantity that holds its value between
 * events (queue length, busy servers, wagons in use), as opposed to per-observation statistics
 * (see `Tally`).
 */

/**
 * Time-weighted average, minimum and maximum of a piecewise-constant quantity. Times in hours.
 *
 * Method: the quantity is a step function v(t); each `update(now, value)` closes the step that
 * started at the previous update and adds its area v·Δt to the running integral (Law, Simulation
 * Modeling and Analysis, 5th ed., §1.4.5, "time-average number in queue"). The time average over
 * [start, now] is ∫v dt / (now − start), where the last, still-open step is counted up to `now`.
 *
 * Cost: O(1) and allocation-free per `update` (a handful of number fields), so it can sit on the
 * hottest event path; memory is constant regardless of the number of updates.
 */
export class TimeWeighted {
  private startTime: number;
  private lastTime: number;
  private value: number;
  /** ∫ v dt over [startTime, lastTime], in value·hours. */
  private area = 0;
  private highest: number;
  private lowest: number;

  /**
   * @param startTime time (h) at which observation starts, usually the simulation start.
   * @param initialValue the value of the quantity at `startTime` (0 for an empty queue).
   */
  constructor(startTime = 0, initialValue = 0) {
    checkFinite('startTime', startTime);
    checkFinite('initialValue', initialValue);
    this.startTime = startTime;
    this.lastTime = startTime;
    this.value = initialValue;
    this.highest = initialValue;
    this.lowest = initialValue;
  }

  /**
   * Record that the quantity changes to `value` at time `now` (h). Several updates at the same
   * time are fine: zero-length steps add no area, but they do count towards `min` and `max`.
   * @throws RangeError if `now` is earlier than the previous update or reset (time cannot run
   *   backwards; a silent negative area would corrupt the average), or if either is not finite.
   */
  update(now: number, value: number): void {
    this.advance(now);
    checkFinite('value', value);
    this.value = value;
    if (value > this.highest) this.highest = value;
    if (value < this.lowest) this.lowest = value;
  }

  /**
   * Time average over [start or last reset, now], in the quantity's unit. O(1). Does not modify
   * the statistic, so it can be read mid-run. NaN when no time has elapsed (the average over an
   * empty interval is undefined; NaN makes that visible instead of reporting the current value).
   * @throws RangeError if `now` is earlier than the last update.
   */
  mean(now: number): number {
    const elapsed = now - this.startTime;
    return elapsed === 0 ? NaN : this.integral(now) / elapsed;
  }

  /**
   * ∫ v dt over [start or last reset, now], in value·hours (e.g. wagon-hours of a fleet). O(1).
   * @throws RangeError if `now` is earlier than the last update.
   */
  integral(now: number): number {
    if (!(now >= this.lastTime)) {
      throw new RangeError(`TimeWeighted: time ${now} is before the last update at ${this.lastTime}`);
    }
    return this.area + this.value * (now - this.lastTime);
  }

  /**
   * Restart accumulation at `now` (end of warm-up): the area and elapsed time are discarded, the
   * current value is kept (the queue does not empty because we stopped looking), and min/max
   * restart from the current value. O(1).
   * @throws RangeError if `now` is earlier than the last update.
   */
  reset(now: number): void {
    this.advance(now);
    this.area = 0;
    this.startTime = now;
    this.highest = this.value;
    this.lowest = this.value;
  }

  /** The value the quantity currently holds (set by the last update). */
  get current(): number {
    return this.value;
  }

  /** Largest value held since start or the last reset. */
  get max(): number {
    return this.highest;
  }

  /** Smallest value held since start or the last reset. */
  get min(): number {
    return this.lowest;
  }

  /** Time (h) from which the current averages run: the start time or the last reset. */
  get since(): number {
    return this.startTime;
  }

  /** Close the open step at `now`, adding its area. */
  private advance(now: number): void {
    // `!(a >= b)` also rejects NaN, which `a < b` would let through.
    if (!(now >= this.lastTime) || now === Infinity) throw badTime(now, this.lastTime);
    this.area += this.value * (now - this.lastTime);
    this.lastTime = now;
  }
}

function checkFinite(name: string, x: number): void {
  if (!Number.isFinite(x)) throw notFinite(name, x);
}

function notFinite(name: string, x: number): RangeError {
  return new RangeError(`TimeWeighted: ${name} must be finite, got ${x}`);
}

/** The error of an update at a bad time, built out of line so that `update` stays small enough to inline (see ThroughputCounter). */
function badTime(now: number, lastTime: number): RangeError {
  return new RangeError(`TimeWeighted: time ${now} must be finite and not before the last update at ${lastTime}`);
}
