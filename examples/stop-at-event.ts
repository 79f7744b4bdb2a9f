/**
 * README "Use as a library": stopping a run at an event rather than at a time, with
 * `sim.run(event)`. tests/readme-library.test.ts checks that the README shows this code and runs it.
 */
import { Resource, RandomStreams, Simulation, exponential, type ProcessGenerator } from '../src/index.ts';

const sim = new Simulation();
const streams = new RandomStreams(1);
const berth = new Resource(sim, 2, 'berth');
const arrivals = exponential(0.5);                 // a ship every 2 h
const service = exponential(0.3);                  // 3.3 h at the berth
const lastShip = sim.event<number>('1000th ship sailed');
let sailed = 0;

function* ship(): ProcessGenerator {
  const request = berth.request();
  yield request;
  yield sim.timeout(service.sample(streams.stream('service')));
  berth.release(request);
  if (++sailed === 1000) lastShip.succeed(sim.now);   // the value run() returns
}

function* port(): ProcessGenerator {
  for (;;) {
    yield sim.timeout(arrivals.sample(streams.stream('arrivals')));
    sim.process(ship(), 'ship');
  }
}

sim.process(port(), 'port');
const finished = sim.run(lastShip) as number;      // runs until lastShip is processed
console.log(`1000 ships sailed by ${finished.toFixed(0)} h (${(finished / 24).toFixed(1)} days); clock ${sim.now.toFixed(0)} h`);
