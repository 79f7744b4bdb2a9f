/**
 * What one stage of the network (a terminal, a yard, a leg) measures: per-container waiting and
 * service times and named sub-times (a ferry's wait for a vessel, time at the berth, at anchor),
 * the number of containers waiting (time-weighted), the share of capacity busy (time-weighted,
 * background traffic included: it takes the capacity), FEU passing through per week, and the
 * background traffic apart. All reset together at the end of warm-up.
 */
import { Tally, ThroughputCounter, TimeWeighted } from '../../stats/index.ts';

/** Accumulators of one stage. Times in hours, counts in FEU. */
export class StageMonitor {
  /** Hours each container waited for capacity (crane, track, departure, path). */
  readonly wait = new Tally();
  /** Hours each container spent being served or carried once it had capacity. */
  readonly service = new Tally();
  /** Containers of the study waiting at the stage (background traffic not counted). */
  readonly queue: TimeWeighted;
  /** Servers, tracks or vehicles busy (background traffic included). */
  readonly busy: TimeWeighted;
  /** FEU of the study leaving the stage, per week. */
  readonly throughput: ThroughputCounter;
  /** Hours per measured container in each named phase, in `phaseNames` order. */
  readonly phases: readonly Tally[];
  /** Hours background units waited for capacity. */
  readonly backgroundWait = new Tally();
  /** FEU-equivalents of background traffic that left the stage since the reset. */
  backgroundFeu = 0;
  /** The place's closed hours when measurement started (see `reset`). */
  closedHoursAtStart = 0;
  private waiting = 0;

  /**
   * @param capacity servers, tracks or vehicles, for utilization (NaN where not meaningful).
   * @param start simulation time the measurement starts, hours.
   * @param phaseNames names of the phases measured per container (e.g. `wait_vessel`).
   * @param collecting false: accumulate nothing (a run that reads no stage statistics, such as
   *   an equilibrium evaluation, which reads route times only); the count of containers
   *   waiting is kept either way. The model's behaviour never depends on a monitor.
   */
  constructor(
    readonly capacity: number,
    start: number,
    readonly phaseNames: readonly string[] = [],
    readonly collecting = true,
  ) {
    this.queue = new TimeWeighted(start, 0);
    this.busy = new TimeWeighted(start, 0);
    this.throughput = new ThroughputCounter({ start });
    this.phases = phaseNames.map(() => new Tally());
  }

  /** A container starts waiting at `now`. */
  joinQueue(now: number, count = 1): void {
    this.waiting += count;
    if (this.collecting) this.queue.update(now, this.waiting);
  }

  /** Containers stop waiting at `now`. */
  leaveQueue(now: number, count = 1): void {
    this.waiting -= count;
    if (this.collecting) this.queue.update(now, this.waiting);
  }

  /** Containers waiting now. */
  get waitingNow(): number {
    return this.waiting;
  }

  /** The number of busy servers/vehicles changed to `busy` at `now`. */
  setBusy(now: number, busy: number): void {
    if (this.collecting) this.busy.update(now, busy);
  }

  /** The number waiting, counted by the stage itself (a transport's queue), is `count` at `now`. */
  setQueue(now: number, count: number): void {
    if (this.collecting) this.queue.update(now, count);
  }

  /** A container left the stage at `now` after `waited` and `served` hours, counted if `measured`. */
  record(now: number, waited: number, served: number, measured: boolean): void {
    if (!this.collecting) return;
    this.throughput.record(now);
    if (!measured) return;
    this.wait.add(waited);
    this.service.add(served);
  }

  /** A measured container spent `hours` in phase `index` (of `phaseNames`). */
  recordPhase(index: number, hours: number): void {
    if (this.collecting) (this.phases[index] as Tally).add(hours);
  }

  /** A background unit of `feu` FEU-equivalents left after waiting `waited` hours. */
  recordBackground(feu: number, waited: number): void {
    if (!this.collecting) return;
    this.backgroundFeu += feu;
    this.backgroundWait.add(waited);
  }

  /** Restart every accumulator at `now` (end of warm-up), keeping current levels. */
  reset(now: number, closedHours = 0): void {
    this.wait.reset();
    this.service.reset();
    this.queue.reset(now);
    this.busy.reset(now);
    this.throughput.reset(now);
    for (const phase of this.phases) phase.reset();
    this.backgroundWait.reset();
    this.backgroundFeu = 0;
    this.closedHoursAtStart = closedHours;
  }
}
