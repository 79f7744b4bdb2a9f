/**
 * The M/M/c queue written on the engine's cheap-callback path: no process, no event object and
 * no allocation per customer. It is the engine's speed reference (`npm run bench`) and a check
 * that the callback path agrees with the process path and with Erlang C.
 *
 * Measurement follows `../shared/bench/floor-mmc.cjs` so the two can be compared: customers
 * whose departure index exceeds the warm-up count give Wq and W; Lq and utilization are time
 * averages between the warm-up departure and the last departure.
 */
import { Simulation } from '../engine/index.ts';
import { exponential } from '../distributions/index.ts';
import { createStream, type Seed } from '../random/index.ts';

/** Parameters of an M/M/c run. Rates are per hour. */
export interface MmcOptions {
  /** Arrival rate lambda, customers per hour. */
  readonly lambda: number;
  /** Service rate mu of one server, customers per hour. */
  readonly mu: number;
  /** Number of servers c. */
  readonly servers: number;
  /** Stop at this many departures. */
  readonly departures: number;
  /** Departures discarded as warm-up (default: 10% of `departures`). */
  readonly warmupDepartures?: number;
  /** Master seed; arrivals and services use streams `mmc/arrivals` and `mmc/services`. */
  readonly seed: Seed;
}

/** What an M/M/c run measured (times in hours). */
export interface MmcResult {
  /** Customers that departed after the warm-up. */
  readonly recorded: number;
  /** Mean wait in queue Wq, hours. */
  readonly meanWait: number;
  /** Mean time in system W, hours. */
  readonly meanSojourn: number;
  /** Time-average number waiting Lq. */
  readonly meanQueueLength: number;
  /** Time-average number in system L. */
  readonly meanInSystem: number;
  /** Time-average fraction of servers busy. */
  readonly utilization: number;
  /** Future-event-list entries processed. */
  readonly events: number;
  /** Clock at the last departure, hours. */
  readonly endTime: number;
}

/** Simulate an M/M/c queue with FIFO service on scheduled callbacks. */
export function runMmcCallbacks(options: MmcOptions): MmcResult {
  const { servers, departures } = options;
  const warmup = options.warmupDepartures ?? Math.floor(departures / 10);
  const sim = new Simulation();
  const interarrival = exponential(options.lambda);
  const service = exponential(options.mu);
  const arrivalStream = createStream(options.seed, 'mmc/arrivals');
  const serviceStream = createStream(options.seed, 'mmc/services');

  // Waiting line: a growable ring buffer of arrival times.
  let line: Float64Array = new Float64Array(1024);
  let head = 0;
  let waiting = 0;
  const arrivedAt = new Float64Array(servers);
  const startedAt = new Float64Array(servers);
  const idle: number[] = [];
  for (let s = servers - 1; s >= 0; s--) idle.push(s);

  let departed = 0;
  let recorded = 0;
  let sumWait = 0;
  let sumSojourn = 0;
  let lastChange = 0;
  let areaWaiting = 0;
  let areaBusy = 0;
  let warmArea = 0;
  let warmBusy = 0;
  let warmTime = 0;

  const account = (now: number): void => {
    const dt = now - lastChange;
    areaWaiting += dt * waiting;
    areaBusy += dt * (servers - idle.length);
    lastChange = now;
  };

  const startService = (server: number, arrival: number, now: number): void => {
    arrivedAt[server] = arrival;
    startedAt[server] = now;
    sim.schedule(service.sample(serviceStream), depart, server);
  };

  const arrive = (): void => {
    const now = sim.now;
    account(now);
    sim.schedule(interarrival.sample(arrivalStream), arrive);
    const server = idle.pop();
    if (server !== undefined) {
      startService(server, now, now);
      return;
    }
    if (waiting === line.length) {
      line = growRing(line, head, waiting);
      head = 0;
    }
    line[(head + waiting) % line.length] = now;
    waiting++;
  };

  const depart = (server: number): void => {
    const now = sim.now;
    account(now);
    departed++;
    if (departed > warmup) {
      recorded++;
      sumWait += (startedAt[server] as number) - (arrivedAt[server] as number);
      sumSojourn += now - (arrivedAt[server] as number);
    }
    if (waiting > 0) {
      const arrival = line[head] as number;
      head = (head + 1) % line.length;
      waiting--;
      startService(server, arrival, now);
    } else {
      idle.push(server);
    }
    if (departed === warmup) {
      warmTime = now;
      warmArea = areaWaiting;
      warmBusy = areaBusy;
    }
  };

  sim.schedule(interarrival.sample(arrivalStream), arrive);
  while (departed < departures && sim.step());
  const span = sim.now - warmTime;
  const meanQueueLength = (areaWaiting - warmArea) / span;
  const meanBusy = (areaBusy - warmBusy) / span;
  return {
    recorded,
    meanWait: sumWait / recorded,
    meanSojourn: sumSojourn / recorded,
    meanQueueLength,
    meanInSystem: meanQueueLength + meanBusy,
    utilization: meanBusy / servers,
    events: sim.eventsProcessed,
    endTime: sim.now,
  };
}

function growRing(ring: Float64Array, head: number, length: number): Float64Array {
  const grown = new Float64Array(ring.length * 2);
  for (let i = 0; i < length; i++) grown[i] = ring[(head + i) % ring.length] as number;
  return grown;
}
