/**
 * README "Use as a library": a warm-up by count, discarding what the statistics saw until the
 * 5000th customer left, instead of until a time. tests/readme-library.test.ts checks that the
 * README shows this code and runs it.
 */
import { Resource, RandomStreams, Simulation, Tally, TimeWeighted, exponential, resetAll, type ProcessGenerator } from '../src/index.ts';

const WARMUP = 5000;                               // customers
const sim = new Simulation();
const streams = new RandomStreams(11);
const server = new Resource(sim, 1, 'server');
const waits = new Tally();
const queue = new TimeWeighted();
server.onChange = (now) => queue.update(now, server.queueLength);
let departed = 0;

function* customer(): ProcessGenerator {
  const arrived = sim.now;
  const request = server.request();
  yield request;
  waits.add(sim.now - arrived);
  yield sim.timeout(exponential(1).sample(streams.stream('service')));
  server.release(request);
  // The start from empty biases the first waits low; forget them once WARMUP have left.
  if (++departed === WARMUP) resetAll([waits, queue], sim.now);
}

function* source(): ProcessGenerator {
  for (let i = 0; i < 200_000; i++) {
    yield sim.timeout(exponential(0.9).sample(streams.stream('arrivals')));
    sim.process(customer(), 'customer');
  }
}

sim.process(source(), 'source');
sim.run();
// M/M/1 with rho = 0.9: Wq = rho / (mu - lambda) = 9 h, Lq = rho^2 / (1 - rho) = 8.1.
console.log(`after ${WARMUP} customers: mean wait ${waits.mean.toFixed(2)} h over ${waits.count}, mean queue ${queue.mean(sim.now).toFixed(2)}`);
