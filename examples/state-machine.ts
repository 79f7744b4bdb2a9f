/**
 * README "Use as a library": the crane model of monitor-resource.ts written as a state machine,
 * the form the corridor runtime uses for speed. tests/readme-library.test.ts checks that the
 * README shows this code and that it prints exactly what monitor-resource.ts prints.
 */
import { NORMAL, RandomStreams, Servers, Simulation, TimeWeighted, URGENT, exponential, type Firable, type ProcessGenerator } from '../src/index.ts';

const sim = new Simulation();
const streams = new RandomStreams(3);
const cranes = new Servers(sim, 3, 'cranes');      // Resource's callback form: no Request objects
const queue = new TimeWeighted();
const busy = new TimeWeighted();
const samples: { day: number; queue: number; busy: number }[] = [];
cranes.onChange = (now) => {
  queue.update(now, cranes.queueLength);
  busy.update(now, cranes.users);
};

// A truck's steps. The engine hands a step back to `fire` when the entry made with it comes up.
const ARRIVE = 0, GRANTED = 1, HANDLED = 2;
// Trucks carry no state of their own here, so one object serves them all: nothing is allocated
// per truck. (Give each its own object when it must remember something, as a corridor container does.)
const truck: Firable = {
  fire(step: number) {
    if (step === ARRIVE) cranes.request(truck, GRANTED);           // an entry when a crane is granted
    else if (step === GRANTED) sim.enqueue(truck, exponential(1).sample(streams.stream('handling')), NORMAL, HANDLED);
    else cranes.release();
  },
};

function* gate(): ProcessGenerator {
  for (;;) {
    yield sim.timeout(exponential(2.5).sample(streams.stream('arrivals')));
    sim.enqueue(truck, 0, URGENT, ARRIVE);         // starts at once, where sim.process would
  }
}

function* sampler(): ProcessGenerator {
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
