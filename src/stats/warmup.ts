/**
 * Warm-up deletion: discard what statistics saw while the corridor filled up from empty, so
 * reported averages describe steady state rather than the start-up transient.
 *
 * Method: truncation at a fixed time, Law, Simulation Modeling and Analysis, 5th ed., §9.5.1
 * (the warm-up length itself is chosen beforehand, e.g. with Welch's graphical procedure).
 * At the warm-up end every registered statistic is reset: tallies and sketches drop their
 * observations, time-weighted statistics restart their integral while keeping the current value,
 * and throughput counters restart their buckets. The engine schedules the call; this module only
 * knows which statistics to reset.
 */

/**
 * Anything that can forget its history at a simulation time (h). `Tally`, `TimeWeighted`,
 * `QuantileSketch` and `ThroughputCounter` all satisfy it (the observation-based ones ignore the
 * time, so their `reset()` takes no argument, which TypeScript accepts here).
 */
export interface Resettable {
  /** Discard accumulated statistics as of time `now` (h). */
  reset(now: number): void;
}

/** Reset every statistic in `stats` at time `now` (h), in order. O(total reset cost). */
export function resetAll(stats: Iterable<Resettable>, now: number): void {
  for (const stat of stats) stat.reset(now);
}

/**
 * The warm-up period of one replication: statistics register when created, and the engine calls
 * `end(now)` from an event scheduled at `warmupEnd`. Registering after the warm-up has ended is
 * allowed and needs no reset (the statistic has seen only steady state). Memory: one reference
 * per registered statistic.
 */
export class WarmupClock {
  private readonly stats: Resettable[] = [];
  private ended: boolean;

  /**
   * @param warmupEnd simulation time (h) at which the warm-up ends; 0 means no warm-up (the
   *   clock starts ended, and `end` is never needed).
   * @throws RangeError if warmupEnd is negative or not finite.
   */
  constructor(readonly warmupEnd: number) {
    if (!(warmupEnd >= 0) || warmupEnd === Infinity) {
      throw new RangeError(`WarmupClock: warmupEnd must be finite and >= 0, got ${warmupEnd}`);
    }
    this.ended = warmupEnd === 0;
  }

  /** Register a statistic to reset at the warm-up end; returns it for inline use. O(1). */
  register<T extends Resettable>(stat: T): T {
    this.stats.push(stat);
    return stat;
  }

  /** True while `now` (h) is before the warm-up end and `end` has not been called. */
  inWarmup(now: number): boolean {
    return !this.ended && now < this.warmupEnd;
  }

  /** Whether the warm-up is over (by `end` or because it was 0). */
  get isOver(): boolean {
    return this.ended;
  }

  /**
   * End the warm-up at `now` (h): reset every registered statistic. Meant to run once, from the
   * event at `warmupEnd`.
   * @throws Error if called twice (a second reset would silently delete steady-state data) or
   *   before `warmupEnd`.
   */
  end(now: number): void {
    if (this.ended) throw new Error('WarmupClock.end: the warm-up has already ended');
    if (now < this.warmupEnd) throw new Error(`WarmupClock.end: time ${now} is before the warm-up end ${this.warmupEnd}`);
    resetAll(this.stats, now);
    this.ended = true;
  }
}
