/**
 * The M/M/c queue written on the engine's cheap-callback path: no process, no event object and
 * no allocation per customer. It is the engine's speed reference (`npm run bench`) and a check
 * that the callback path agrees with the process path and with Erlang C.
 * Measurement (mmc-meter.ts) follows `../shared/bench/floor-mmc.cjs`, so the two compare.
 */
import type { Seed } from '../random/index.ts';
import { setUpMmc } from './mmc-meter.ts';

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
  const { sim, interarrival, service, arrivalStream, serviceStream, meter } = setUpMmc(options);

  // Waiting line: a growable ring buffer of arrival times.
  let line: Float64Array = new Float64Array(1024);
  let head = 0;
  let waiting = 0;
  const arrivedAt = new Float64Array(servers);
  const startedAt = new Float64Array(servers);
  const idle: number[] = [];
  for (let s = servers - 1; s >= 0; s--) idle.push(s);


  const startService = (server: number, arrival: number, now: number): void => {
    arrivedAt[server] = arrival;
    startedAt[server] = now;
    sim.schedule(service.sample(serviceStream), depart, server);
  };

  const arrive = (): void => {
    const now = sim.now;
    sim.schedule(interarrival.sample(arrivalStream), arrive);
    const server = idle.pop();
    if (server !== undefined) {
      startService(server, now, now);
    } else {
      if (waiting === line.length) {
        line = growRing(line, head, waiting);
        head = 0;
      }
      line[(head + waiting) % line.length] = now;
      waiting++;
    }
    meter.update(now, waiting, servers - idle.length);
  };

  const depart = (server: number): void => {
    const now = sim.now;
    meter.depart(now, arrivedAt[server] as number, startedAt[server] as number);
    if (waiting > 0) {
      const arrival = line[head] as number;
      head = (head + 1) % line.length;
      waiting--;
      startService(server, arrival, now);
    } else {
      idle.push(server);
    }
    meter.update(now, waiting, servers - idle.length);
  };

  sim.schedule(interarrival.sample(arrivalStream), arrive);
  while (meter.departed < departures && sim.step());
  return meter.result(sim.now, sim.eventsProcessed);
}

function growRing(ring: Float64Array, head: number, length: number): Float64Array {
  const grown = new Float64Array(ring.length * 2);
  for (let i = 0; i < length; i++) grown[i] = ring[(head + i) % ring.length] as number;
  return grown;
}
