/**
 * README "Use as a library": monitoring a Resource, its queue and its busy servers over time,
 * from its `onChange` hook. tests/readme-library.test.ts checks that the README shows this code
 * and runs it.
 */
import { Resource, RandomStreams, Simulation, TimeWeighted, exponential, type ProcessGenerator } from '../src/index.ts';

const sim = new Simulation();
const streams = new RandomStreams(3);
const cranes = new Resource(sim, 3, 'cranes');
const queue = new TimeWeighted();                  // time averages of piecewise-constant values
const busy = new TimeWeighted();
const samples: { day: number; queue: number; busy: number }[] = [];
cranes.onChange = (now) => {                       // after every request, grant and release
  queue.update(now, cranes.queueLength);
  busy.update(now, cranes.users);
};

function* truck(): ProcessGenerator {
  const request = cranes.request();
  yield request;
  yield sim.timeout(exponential(1).sample(streams.stream('handling')));
  cranes.release(request);
}

function* gate(): ProcessGenerator {
  for (;;) {
    yield sim.timeout(exponential(2.5).sample(streams.stream('arrivals')));
    sim.process(truck(), 'truck');
  }
}

function* sampler(): ProcessGenerator {            // a snapshot a day, for a time-series plot
  for (;;) {
    samples.push({ day: sim.now / 24, queue: cranes.queueLength, busy: cranes.users });
    yield sim.timeout(24);
  }
}

sim.process(gate(), 'gate');
sim.process(sampler(), 'sampler');
sim.run(24 * 90);
console.log(`mean queue ${queue.mean(sim.now).toFixed(4)} trucks (max ${queue.max}), utilization ${(busy.mean(sim.now) / cranes.capacity).toFixed(4)}`);
console.table(samples.slice(0, 3));
