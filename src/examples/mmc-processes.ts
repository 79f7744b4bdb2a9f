/**
 * The M/M/c queue written the way a model author writes one: a source process creates
 * customers, each customer is a process that requests one of c servers of a `Resource`, holds
 * it for an exponential service time and releases it. Slower than `runMmcCallbacks` (a
 * generator and a few events per customer) but it exercises processes, events and resources
 * together, so the queueing-theory validation runs on it.
 */
import type { ProcessGenerator } from '../engine/index.ts';
import { Resource } from '../resources/index.ts';
import type { MmcOptions, MmcResult } from './mmc-callbacks.ts';
import { setUpMmc } from './mmc-meter.ts';

/** Simulate an M/M/c queue with FIFO service using processes and a `Resource`. */
export function runMmcProcesses(options: MmcOptions): MmcResult {
  const { servers, departures } = options;
  const { sim, interarrival, service, arrivalStream, serviceStream, meter } = setUpMmc(options);
  const counter = new Resource(sim, servers, 'servers');

  counter.onChange = (now) => meter.update(now, counter.queueLength, counter.users);

  function* customer(): ProcessGenerator {
    const arrival = sim.now;
    const request = counter.request();
    yield request;
    const start = sim.now;
    yield sim.hold(service.sample(serviceStream));
    counter.release(request);
    meter.depart(sim.now, arrival, start);
  }

  function* source(): ProcessGenerator {
    for (;;) {
      yield sim.hold(interarrival.sample(arrivalStream));
      sim.process(customer(), 'customer');
    }
  }

  sim.process(source(), 'source');
  while (meter.departed < departures && sim.step());
  return meter.result(sim.now, sim.eventsProcessed);
}
