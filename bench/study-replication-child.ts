/**
 * What one replication of a finished study costs on one core: the first scenario of the run
 * folder's experiment (its model and overrides from the folder's inputs/), one short run to warm
 * the JIT, then `count` replications of the study's warm-up and horizon, timed. Prints one JSON
 * line with the median seconds. Used by `bench/study.ts`, which also runs two of these at once
 * to see what the machine's two cores deliver together; not a public entry point.
 *
 *   node <bundle of this file> <run dir> [count]
 */
import { runReplication } from '../src/corridor/runtime/run-replication.ts';
import { readRunInfo } from '../src/experiments/run-dir.ts';
import { inputResolver, withResolvedInputs } from '../src/experiments/run-inputs.ts';
import { loadScenario } from '../src/experiments/worker-protocol.ts';

const [runDir = '', countText = '3'] = process.argv.slice(2);
const count = Number(countText);
const info = readRunInfo(runDir, 'bench/study-replication-child');
const experiment = withResolvedInputs(info.experiment, inputResolver(runDir, info.inputs));
const [scenario] = experiment.scenarios;
if (scenario === undefined) throw new Error(`${runDir}: the run lists no scenario`);
const model = loadScenario(scenario);
// 30 days first, so the timed replications run compiled code, as a worker's later ones do.
runReplication(model, { seed: 0, warmupHours: 0, horizonHours: 30 * 24 });
const seconds: number[] = [];
for (let seed = 1; seed <= count; seed++) {
  const started = process.hrtime.bigint();
  runReplication(model, { seed, warmupHours: experiment.warmupHours, horizonHours: experiment.horizonHours });
  seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
}
seconds.sort((a, b) => a - b);
console.log(JSON.stringify({ scenario: scenario.id, count, medianSeconds: seconds[Math.floor(count / 2)] }));
