/**
 * The machine's own ceiling for bench/experiment-workers.ts: replications of one scenario run in
 * this process's main thread, without the worker pool, doing what a worker does per task (load
 * the model once, run, flatten metrics and series). The benchmark starts one or two of these
 * bundled processes at once; since they share nothing but the machine, their parallel
 * efficiency is the best any pool of threads could reach here. Prints one JSON line.
 *
 *   node <bundle> <first replication> <count> <warm-up hours> <horizon hours> <master seed> [warm]
 *
 * With `warm` = 1, one untimed replication of the same length runs after the model is loaded,
 * so the timed ones run compiled code, as a warm worker's do (the steady state of a long run).
 * A short one is not enough: the first full replication still compiles the warm-up's reset and
 * the end of the run, which 16 timed replications in one process spread thinner than 8 in each
 * of two.
 */
import { loadScenarioModel } from '../src/corridor/load-scenario.ts';
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import { flattenReplication } from '../src/experiments/metrics.ts';
import { replicationSeries } from '../src/experiments/series.ts';
import { replicationSeed } from '../src/random/index.ts';

const [first = 0, count = 1, warmupHours = 0, horizonHours = 24, masterSeed = 2025, warm = 0] = process.argv.slice(2).map(Number);
const started = performance.now();
const model = loadScenarioModel({ model: 'models/middle-corridor.yaml', label: 'baseline' });
if (warm === 1) runReplication(model, { seed: 0, warmupHours, horizonHours });
const loaded = performance.now();
let checksum = 0;
for (let replication = first; replication < first + count; replication++) {
  const result = runReplication(model, { seed: replicationSeed(masterSeed, replication), warmupHours, horizonHours });
  // Use the outputs, as a worker does before posting them, so nothing is optimised away.
  checksum += flattenReplication(result).length + replicationSeries(result).length;
}
const ended = performance.now();
console.log(JSON.stringify({ count, loadSeconds: (loaded - started) / 1000, runSeconds: (ended - loaded) / 1000, checksum }));
