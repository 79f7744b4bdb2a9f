/**
 * The measurements of an M/M/c run, shared by the callback and process versions so that both
 * measure exactly the same way (and are comparable with ../shared/bench/floor-mmc.cjs):
 * customers whose departure index exceeds the warm-up count give Wq and W; Lq and utilization
 * are time averages between the warm-up departure and the last departure.
 */
import { exponential, type Distribution } from '../distributions/index.ts';
import { Simulation } from '../engine/index.ts';
import { createStream, type RandomStream } from '../random/index.ts';
import type { MmcOptions, MmcResult } from './mmc-callbacks.ts';

/** What both M/M/c models start from: the simulation, the two exponential laws and their streams, the meter. */
export interface MmcSetup {
  readonly sim: Simulation;
  readonly interarrival: Distribution;
  readonly service: Distribution;
  readonly arrivalStream: RandomStream;
  readonly serviceStream: RandomStream;
  readonly meter: MmcMeter;
}

/**
 * Build the common parts of an M/M/c run. Both models draw from the streams `mmc/arrivals` and
 * `mmc/services`, which is what makes their results identical for the same seed.
 */
export function setUpMmc(options: MmcOptions): MmcSetup {
  const warmup = options.warmupDepartures ?? Math.floor(options.departures / 10);
  return {
    sim: new Simulation(),
    interarrival: exponential(options.lambda),
    service: exponential(options.mu),
    arrivalStream: createStream(options.seed, 'mmc/arrivals'),
    serviceStream: createStream(options.seed, 'mmc/services'),
    meter: new MmcMeter(options.servers, warmup),
  };
}

/** Accumulates waits and the areas under the queue-length and busy-server curves. */
export class MmcMeter {
  /** Departures so far. */
  departed = 0;
  private recorded = 0;
  private sumWait = 0;
  private sumSojourn = 0;
  private lastChange = 0;
  private waiting = 0;
  private busy = 0;
  private areaWaiting = 0;
  private areaBusy = 0;
  private warmArea = 0;
  private warmBusy = 0;
  private warmTime = 0;

  /** @param servers c. @param warmup departures discarded. */
  constructor(private readonly servers: number, private readonly warmup: number) {}

  /** The number waiting and the number of busy servers are now `waiting` and `busy`. */
  update(now: number, waiting: number, busy: number): void {
    this.integrate(now);
    this.waiting = waiting;
    this.busy = busy;
  }

  /** A customer that arrived at `arrival` and started service at `start` departs at `now`. */
  depart(now: number, arrival: number, start: number): void {
    this.integrate(now);
    this.departed++;
    if (this.departed > this.warmup) {
      this.recorded++;
      this.sumWait += start - arrival;
      this.sumSojourn += now - arrival;
    }
    if (this.departed === this.warmup) {
      this.warmTime = now;
      this.warmArea = this.areaWaiting;
      this.warmBusy = this.areaBusy;
    }
  }

  /** The results at `now` (the last departure); `events` is the engine's count. */
  result(now: number, events: number): MmcResult {
    this.integrate(now);
    const span = now - this.warmTime;
    const meanQueueLength = (this.areaWaiting - this.warmArea) / span;
    const meanBusy = (this.areaBusy - this.warmBusy) / span;
    return {
      recorded: this.recorded,
      meanWait: this.sumWait / this.recorded,
      meanSojourn: this.sumSojourn / this.recorded,
      meanQueueLength,
      meanInSystem: meanQueueLength + meanBusy,
      utilization: meanBusy / this.servers,
      events,
      endTime: now,
    };
  }

  private integrate(now: number): void {
    const dt = now - this.lastChange;
    this.areaWaiting += dt * this.waiting;
    this.areaBusy += dt * this.busy;
    this.lastChange = now;
  }
}
