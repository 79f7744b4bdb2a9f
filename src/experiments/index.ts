/**
 * The experiment API, for experiment files and for programs that run experiments:
 *
 *     import { defineExperiment, runIfMain } from '../src/experiments/index.ts';
 *     const experiment = defineExperiment({ name, model, scenarios, replications, warmup, horizon, seed });
 *     export default experiment;
 *     await runIfMain(import.meta.url, experiment);
 */
export { defineExperiment, isExperiment, withOverrides } from './define-experiment.ts';
export type { Duration, Experiment, ExperimentInput, JsonValue, Scenario, ScenarioInput } from './define-experiment.ts';
export { ExperimentError } from './experiment-error.ts';
export { grid, latinHypercube } from './sweep.ts';
export type { GridOptions, LatinHypercubeOptions, LatinRange, SweepBase } from './sweep.ts';
export { flattenReplication, metricFilter } from './metrics.ts';
export type { MetricValue } from './metrics.ts';
export { replicationSeries, SERIES_NAMES, seriesX } from './series.ts';
export type { SeriesName, SeriesValues } from './series.ts';
export { runExperiment } from './run-experiment.ts';
export type { ExperimentRun, ReplicationFailure, RunOptions } from './run-experiment.ts';
export type { RunStart } from './prepare-run.ts';
export type { ReplicationRecord } from './journal.ts';
export type { ComparisonRow, SummaryRow } from './assemble.ts';
export type { Shard } from './shard.ts';
export { runIfMain } from './run-if-main.ts';
export { loadExperimentFile } from './load-experiment-file.ts';
export { defineSensitivity, morrisDesign, oneAtATime } from './sensitivity/index.ts';
export type { SensitivityDeclaration, SensitivityFactor, SensitivityFactors, SensitivityPlan } from './sensitivity/index.ts';
