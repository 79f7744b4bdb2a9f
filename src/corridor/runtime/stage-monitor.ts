/**
 * What one stage of the network (a terminal, a yard, a leg) measures: per-container waiting and
 * service times, the number of containers waiting (time-weighted), the share of capacity busy
 * (time-weighted), and FEU passing through per week. All reset together at the end of warm-up.
 */
import { Tally, ThroughputCounter, TimeWeighted } from '../../stats/index.ts';

/** Accumulators of one stage. Times in hours, counts in FEU. */
export class StageMonitor {
  /** Hours each container waited for capacity (crane, track, departure, path). */
  readonly wait = new Tally();
  /** Hours each container spent being served or carried once it had capacity. */
  readonly service = new Tally();
  /** Containers waiting at the stage. */
  readonly queue: TimeWeighted;
  /** Servers, tracks or vehicles busy. */
  readonly busy: TimeWeighted;
  /** FEU leaving the stage, per week. */
  readonly throughput: ThroughputCounter;
  private waiting = 0;

  /**
   * @param capacity servers, tracks or vehicles, for utilization (NaN where not meaningful).
   * @param start simulation time the measurement starts, hours.
   */
  constructor(readonly capacity: number, start: number) {
    this.queue = new TimeWeighted(start, 0);
    this.busy = new TimeWeighted(start, 0);
    this.throughput = new ThroughputCounter({ start });
  }

  /** A container starts waiting at `now`. */
  joinQueue(now: number, count = 1): void {
    this.waiting += count;
    this.queue.update(now, this.waiting);
  }

  /** Containers stop waiting at `now`. */
  leaveQueue(now: number, count = 1): void {
    this.waiting -= count;
    this.queue.update(now, this.waiting);
  }

  /** The number of busy servers/vehicles changed to `busy` at `now`. */
  setBusy(now: number, busy: number): void {
    this.busy.update(now, busy);
  }

  /** A container left the stage at `now` after `waited` and `served` hours, counted if `measured`. */
  record(now: number, waited: number, served: number, measured: boolean): void {
    this.throughput.record(now);
    if (!measured) return;
    this.wait.add(waited);
    this.service.add(served);
  }

  /** Restart every accumulator at `now` (end of warm-up), keeping current levels. */
  reset(now: number): void {
    this.wait.reset();
    this.service.reset();
    this.queue.reset(now);
    this.busy.reset(now);
    this.throughput.reset(now);
  }
}
