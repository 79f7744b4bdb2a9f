/**
 * corridor-sim as a library: `import { Simulation, Resource, BatchTransport } from 'corridor-sim'`.
 *
 * This is the package's only entry point (package.json `exports`), so what a researcher can rely
 * on is exactly what is listed here; everything else under src/ may change without notice. It
 * gathers the layers a model or a study is built from:
 *
 * - the engine: `Simulation`, events, processes and conditions (times in hours);
 * - resources: `Resource`, `Store`, `BatchTransport`, `Closure`, calendars and ferries;
 * - seeded random streams and probability distributions;
 * - statistics within and across replications, and warm-up deletion;
 * - the corridor model: load a YAML model (with overlays) and run one replication of it;
 * - experiments: define scenarios and sweeps, run them on worker threads, sensitivity designs.
 *
 * The layers' own barrels (src/engine/index.ts, ...) stay the place where each one documents
 * itself; this file only re-exports them, naming the corridor items one by one because that
 * folder has no barrel and most of its modules are internal.
 *
 * @packageDocumentation
 */

// The simulation kernel: clock, future-event list, events, processes, conditions.
export * from './engine/index.ts';

// What entities contend for: servers, stores, batch transports, closures, calendars, ferries.
export * from './resources/index.ts';

// Named, seeded random streams: every random number of a model comes from one.
export * from './random/index.ts';

// Probability distributions and their JSON form (`distributionFromSpec`).
export * from './distributions/index.ts';

// Statistics within a replication, warm-up deletion, and summaries across replications.
export * from './stats/index.ts';

// The corridor model: loading a model file (and a scenario's overlays), its compiled form, one
// replication and what it reports, the errors that name the file, line and field at fault.
export { loadModel, loadModelText } from './corridor/load-model.ts';
export { loadScenarioModel, type ScenarioModelSpec } from './corridor/load-scenario.ts';
export type {
  CompiledAssignment,
  CompiledBackground,
  CompiledChoice,
  CompiledDemand,
  CompiledLeg,
  CompiledModel,
  CompiledNode,
  CompiledRoute,
  CompiledWeather,
  RouteMode,
  RouteStage,
} from './corridor/compiled.ts';
export { runReplication, type ReplicationOptions, type ScriptedArrival } from './corridor/runtime/run-replication.ts';
export {
  TRANSIT_QUANTILE_LEVELS,
  type ContainerBalance,
  type FlowResult,
  type ReplicationResult,
  type RouteResult,
  type StageResult,
  type TransitSummary,
} from './corridor/runtime/result.ts';
export { DEFAULT_LIMITS, LimitError, type ModelLimits } from './corridor/limits.ts';
export { ModelError, ModelErrors, type PathSegment, type SourceLocation } from './corridor/model-error.ts';

// Experiments: scenarios, sweeps, runs on worker threads, journals, sensitivity designs.
export * from './experiments/index.ts';
