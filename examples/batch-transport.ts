/**
 * README "Use as a library": a BatchTransport (block trains that leave when full or after a
 * maximum wait). tests/readme-library.test.ts checks that the README shows this code and runs it.
 */
import { BatchTransport, RandomStreams, Simulation, Tally, exponential, lognormalFromMeanCv, type BatchRecord, type ProcessGenerator } from '../src/index.ts';

const sim = new Simulation();
const streams = new RandomStreams(2025);
// 3 train sets of 62 FEU: a train leaves when full, or 48 h after its first box joined if at
// least 20 are waiting; 4 h to load, about 60 h out, 3 h to unload, the return drawn the same way.
const train = new BatchTransport<number>(sim, {
  name: 'dostyk-aktau',
  capacity: 62,
  vehicles: 3,
  policy: { kind: 'fullOrMaxWait', maxWait: 48, minLoad: 20 },
  loadTime: 4,
  travelTime: lognormalFromMeanCv(60, 0.2),
  unloadTime: 3,
  random: streams,                                 // streams dostyk-aktau/travel, /load, ...
});
const transit = new Tally();
const arrivals = exponential(1);                   // one FEU an hour

function* container(id: number): ProcessGenerator {
  const record = (yield train.board(id)) as BatchRecord<number>;   // succeeds once unloaded at B
  transit.add(record.delivered - record.joined);
}

function* terminal(): ProcessGenerator {
  for (let id = 0; ; id++) {
    yield sim.timeout(arrivals.sample(streams.stream('dostyk/arrivals')));
    sim.process(container(id), 'container');
  }
}

sim.process(terminal(), 'terminal');
sim.run(24 * 365);
console.log(`${train.departures} trains, mean load ${(100 * train.meanLoadFactor).toFixed(0)}%, mean transit ${transit.mean.toFixed(1)} h`);
