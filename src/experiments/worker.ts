/**
 * A replication worker: started once per pool slot from the esbuild bundle of this file (see
 * worker-bundle.ts), it takes tasks one at a time, runs each replication and posts back its
 * metrics and series. Each scenario's model is loaded on first use and cached; a kept worker
 * (worker-group.ts) is re-initialised for the next run by an `init` message, and a stream
 * (replication-stream.ts) adds scenarios one `scenario` message at a time. A replication
 * that throws is reported as a failure with its message; the worker then takes the next task.
 *
 * Test hooks: CORRIDOR_SIM_FAIL_REPLICATIONS="scenario/replication,..." makes those replications
 * throw, to test failure handling (valid models cannot be made to fail on purpose);
 * CORRIDOR_SIM_HANG_REPLICATIONS (same form) makes them spin forever, as a runaway model would,
 * to test that SIGTERM still stops the run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledModel } from '../corridor/compiled.ts';
import { runReplication } from '../corridor/runtime/run-replication.ts';
import { flattenReplication, metricFilter } from './metrics.ts';
import { replicationSeries } from './series.ts';
import type { Scenario } from './define-experiment.ts';
import { loadScenario, type FromWorker, type Task, type ToWorker, type WorkerInit } from './worker-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('src/experiments/worker.ts runs only as a worker thread');
let init = workerData as WorkerInit;
let scenarios: Scenario[] = [...init.scenarios];
let keep = metricFilter(init.metrics);
// Compiled models by scenario index; a stream (replication-stream.ts) says when to forget one.
const models = new Map<number, CompiledModel>();
const hook = (name: string): Set<string> => new Set((process.env[name] ?? '').split(',').filter((s) => s !== ''));
const injected = hook('CORRIDOR_SIM_FAIL_REPLICATIONS');
const hanging = hook('CORRIDOR_SIM_HANG_REPLICATIONS');

/** Never returns, without yielding: only terminating the thread stops it. */
function spinForever(): never {
  for (;;) {
    // Busy, like a simulation whose event list never empties.
  }
}

function run(task: Task): FromWorker {
  const scenario = scenarios[task.scenarioIndex];
  try {
    if (scenario === undefined) throw new Error(`no scenario at index ${task.scenarioIndex}`);
    if (injected.has(`${scenario.id}/${task.replication}`)) throw new Error('failure injected by CORRIDOR_SIM_FAIL_REPLICATIONS (a test hook)');
    if (hanging.has(`${scenario.id}/${task.replication}`)) spinForever();
    let model = models.get(task.scenarioIndex);
    if (model === undefined) {
      model = loadScenario(scenario);
      models.set(task.scenarioIndex, model);
    }
    const result = runReplication(model, { seed: task.seed, warmupHours: init.warmupHours, horizonHours: init.horizonHours, stageStatistics: init.stageStatistics ?? true });
    return { type: 'result', task, metrics: flattenReplication(result).filter((m) => keep(m.metric)), series: replicationSeries(result) };
  } catch (error) {
    return { type: 'failure', task, message: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') port.close();
  else if (message.type === 'init') {
    // Kept for another run (worker-group.ts): its scenarios, so none of the old models.
    init = message.init;
    scenarios = [...init.scenarios];
    keep = metricFilter(init.metrics);
    models.clear();
    port.postMessage({ type: 'ready' } satisfies FromWorker);
  } else if (message.type === 'scenario') scenarios.push(message.scenario);
  else if (message.type === 'forget') models.delete(message.scenarioIndex);
  else port.postMessage(run(message.task));
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
