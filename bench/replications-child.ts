/**
 * Replications of one scenario timed in a fresh process's main thread, without the worker pool,
 * doing what a worker does per task (load the model once, run, flatten metrics and series).
 * Prints one JSON line: the model's load, the timed replications' total and each one's seconds.
 *
 * - bench/experiment-workers.ts starts one or two of these at once on the Middle Corridor
 *   baseline: since they share nothing but the machine, their parallel efficiency is the best any
 *   pool of threads could reach here (the machine's own ceiling).
 * - bench/study.ts times a finished study's replications with it (`run dir`: the first scenario
 *   of that run folder's experiment, its model and overrides from the folder's inputs/), alone
 *   and one per core at once.
 *
 *   node <bundle> <first replication> <count> <warm-up hours> <horizon hours> <master seed> [warm] [run dir]
 *
 * With `warm` = 1, one untimed replication of the same length runs after the model is loaded,
 * so the timed ones run compiled code, as a warm worker's do (the steady state of a long run).
 * A short one is not enough: the first full replication still compiles the warm-up's reset and
 * the end of the run, which 16 timed replications in one process spread thinner than 8 in each
 * of two.
 */
import { loadScenarioModel } from '../src/corridor/load-scenario.ts';
import type { CompiledModel } from '../src/corridor/compiled.ts';
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import { flattenReplication } from '../src/experiments/metrics.ts';
import { readRunInfo } from '../src/experiments/run-dir.ts';
import { inputResolver, withResolvedInputs } from '../src/experiments/run-inputs.ts';
import { replicationSeries } from '../src/experiments/series.ts';
import { loadScenario } from '../src/experiments/worker-protocol.ts';
import { replicationSeed } from '../src/random/index.ts';

const args = process.argv.slice(2);
const [first = 0, count = 1, warmupHours = 0, horizonHours = 24, masterSeed = 2025, warm = 0] = args.slice(0, 6).map(Number);
const runDir = args[6];

/** The first scenario of the run folder's experiment. */
function runScenario(dir: string): CompiledModel {
  const info = readRunInfo(dir, 'bench/replications-child');
  const [scenario] = withResolvedInputs(info.experiment, inputResolver(dir, info.inputs)).scenarios;
  if (scenario === undefined) throw new Error(`${dir}: the run lists no scenario`);
  return loadScenario(scenario);
}

const started = performance.now();
const model = runDir === undefined ? loadScenarioModel({ model: 'models/middle-corridor.yaml', label: 'baseline' }) : runScenario(runDir);
if (warm === 1) runReplication(model, { seed: 0, warmupHours, horizonHours });
const loaded = performance.now();
const seconds: number[] = [];
let checksum = 0;
for (let replication = first; replication < first + count; replication++) {
  const t0 = performance.now();
  const result = runReplication(model, { seed: replicationSeed(masterSeed, replication), warmupHours, horizonHours });
  // Use the outputs, as a worker does before posting them, so nothing is optimised away.
  checksum += flattenReplication(result).length + replicationSeries(result).length;
  seconds.push((performance.now() - t0) / 1000);
}
const ended = performance.now();
console.log(JSON.stringify({ count, loadSeconds: (loaded - started) / 1000, runSeconds: (ended - loaded) / 1000, seconds, checksum }));
