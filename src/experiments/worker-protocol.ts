/**
 * Messages between the main thread and the replication workers. Everything is plain data
 * (structured-clone safe): a worker rebuilds each scenario's model from its file paths and
 * overrides, and sends back numbers, never live objects.
 */
import { loadScenarioModel } from '../corridor/load-scenario.ts';
import type { CompiledModel } from '../corridor/compiled.ts';
import type { Scenario } from './define-experiment.ts';
import type { MetricValue } from './metrics.ts';
import type { SeriesValues } from './series.ts';

/** What every worker is started with (its `workerData`). Times in hours. */
export interface WorkerInit {
  readonly scenarios: readonly Scenario[];
  readonly warmupHours: number;
  readonly horizonHours: number;
  /** Metric name patterns to keep. */
  readonly metrics: readonly string[];
  /**
   * False when the run keeps no stage metric and no series (a stream of equilibrium
   * evaluations): replications then skip the stages' statistics (`ReplicationOptions`). Default true.
   */
  readonly stageStatistics?: boolean;
}

/** One replication of one scenario. */
export interface Task {
  /** Index into `WorkerInit.scenarios` (the experiment's scenario order). */
  readonly scenarioIndex: number;
  /** Replication index, 0-based. */
  readonly replication: number;
  /** replicationSeed(master seed, replication). */
  readonly seed: number;
}

/**
 * Main thread -> worker. `init` re-initialises a kept worker for another run (see
 * worker-group.ts): it drops its compiled models and answers `ready`. `scenario` appends one
 * to the worker's scenarios (the next index), for a stream that learns them as it goes
 * (replication-stream.ts), and `forget` drops a scenario's compiled model once the stream has
 * no more of its replications; neither is answered.
 */
export type ToWorker =
  | { readonly type: 'task'; readonly task: Task }
  | { readonly type: 'init'; readonly init: WorkerInit }
  | { readonly type: 'scenario'; readonly scenario: Scenario }
  | { readonly type: 'forget'; readonly scenarioIndex: number }
  | { readonly type: 'stop' };

/** Worker -> main thread. `ready` is sent once, after start-up, before any task is accepted. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly task: Task; readonly metrics: readonly MetricValue[]; readonly series: readonly SeriesValues[] }
  | { readonly type: 'failure'; readonly task: Task; readonly message: string };

/** Load a scenario's model (the same call in the main thread's validation and in workers). */
export function loadScenario(scenario: Scenario): CompiledModel {
  return loadScenarioModel({ model: scenario.model, overlays: scenario.overlays, set: scenario.set, remove: scenario.remove, label: scenario.id });
}
