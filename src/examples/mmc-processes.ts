/**
 * The M/M/c queue written the way a model author writes one: a source process creates
 * customers, each customer is a process that requests one of c servers of a `Resource`, holds
 * it for an exponential service time and releases it. Slower than `runMmcCallbacks` (a
 * generator and a few events per customer) but it exercises processes, events and resources
 * together, so the queueing-theory validation runs on it.
 */
import { Simulation, type ProcessGenerator } from '../engine/index.ts';
import { exponential } from '../distributions/index.ts';
import { createStream } from '../random/index.ts';
import { Resource } from '../resources/index.ts';
import type { MmcOptions, MmcResult } from './mmc-callbacks.ts';

/** Simulate an M/M/c queue with FIFO service using processes and a `Resource`. */
export function runMmcProcesses(options: MmcOptions): MmcResult {
  const { servers, departures } = options;
  const warmup = options.warmupDepartures ?? Math.floor(departures / 10);
  const sim = new Simulation();
  const interarrival = exponential(options.lambda);
  const service = exponential(options.mu);
  const arrivalStream = createStream(options.seed, 'mmc/arrivals');
  const serviceStream = createStream(options.seed, 'mmc/services');
  const counter = new Resource(sim, servers, 'servers');

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
  // Both counts change only inside Resource; integrate them just before each change.
  let lastWaiting = 0;
  let lastBusy = 0;
  counter.onChange = (now) => {
    const dt = now - lastChange;
    areaWaiting += dt * lastWaiting;
    areaBusy += dt * lastBusy;
    lastChange = now;
    lastWaiting = counter.queueLength;
    lastBusy = counter.users;
  };

  function* customer(): ProcessGenerator {
    const arrival = sim.now;
    const request = counter.request();
    yield request;
    const start = sim.now;
    yield sim.timeout(service.sample(serviceStream));
    counter.release(request);
    departed++;
    if (departed > warmup) {
      recorded++;
      sumWait += start - arrival;
      sumSojourn += sim.now - arrival;
    }
    if (departed === warmup) {
      counter.onChange?.(sim.now);
      warmTime = sim.now;
      warmArea = areaWaiting;
      warmBusy = areaBusy;
    }
  }

  function* source(): ProcessGenerator {
    for (;;) {
      yield sim.timeout(interarrival.sample(arrivalStream));
      sim.process(customer(), 'customer');
    }
  }

  sim.process(source(), 'source');
  while (departed < departures && sim.step());
  counter.onChange(sim.now);
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
