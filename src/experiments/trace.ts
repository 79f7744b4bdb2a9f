/**
 * Re-running one replication alone, in this thread, from its seed: the same model, seed,
 * warm-up and horizon as in the experiment, so its numbers equal that replication's journal line
 * and CSV rows. Optionally writes the journey log (one row per container per stage) and an event
 * trace (one line per engine event), to see what happened inside a replication that failed or
 * looks odd.
 */
import { didYouMean, ModelErrors } from '../corridor/model-error.ts';
import type { ReplicationResult } from '../corridor/runtime/result.ts';
import { runReplication } from '../corridor/runtime/run-replication.ts';
import { EventTraceWriter } from '../output/event-trace.ts';
import { JourneyLogWriter } from '../output/journey-log.ts';
import { checkOutputFile } from '../output/output-paths.ts';
import { replicationSeed, type Seed } from '../random/index.ts';
import type { Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';
import { flattenReplication, metricFilter, type MetricValue } from './metrics.ts';
import { loadScenario } from './worker-protocol.ts';

/** Which replication to trace, and where to write. */
export interface TraceOptions {
  readonly experiment: Experiment;
  readonly scenario: string;
  /** 0-based replication index. */
  readonly replication: number;
  /** Master seed if the run used --seed (default: the experiment's). */
  readonly seed?: Seed;
  /** Journey log CSV file to write. */
  readonly journeyLog?: string;
  /** Event trace text file to write. */
  readonly events?: string;
}

/** What the traced replication gave. */
export interface TraceResult {
  readonly seed: number;
  readonly result: ReplicationResult;
  /** The metrics as the experiment reports them (same filter). */
  readonly metrics: readonly MetricValue[];
  /** Events written to the trace (0 without --events). */
  readonly events: number;
}

/** Run one replication of one scenario alone. @throws ExperimentError on a bad scenario, index or output path. */
export async function traceReplication(options: TraceOptions): Promise<TraceResult> {
  const { experiment, replication } = options;
  // Before the model is loaded and run: a bad path must not cost a replication first.
  if (options.journeyLog !== undefined) checkOutputFile(options.journeyLog, 'option --journey-log');
  if (options.events !== undefined) checkOutputFile(options.events, 'option --events');
  const scenario = experiment.scenarios.find((s) => s.id === options.scenario);
  const ids = experiment.scenarios.map((s) => s.id);
  if (scenario === undefined) {
    throw new ExperimentError(`option --scenario: got "${options.scenario}", expected one of: ${ids.join(', ')}${didYouMean(options.scenario, ids)}`);
  }
  if (!(Number.isInteger(replication) && replication >= 0)) throw new ExperimentError(`option --replication: got ${replication}, expected an integer >= 0 (0-based index)`);
  const masterSeed = options.seed ?? experiment.seed;
  const seed = replicationSeed(masterSeed, replication);
  let model;
  try {
    model = loadScenario(scenario);
  } catch (error) {
    if (error instanceof ModelErrors) throw new ExperimentError(`scenario "${scenario.id}": ${error.message}`);
    throw error;
  }
  const log = options.journeyLog !== undefined ? new JourneyLogWriter(options.journeyLog) : undefined;
  const trace = options.events !== undefined
    ? new EventTraceWriter(options.events, [
        `corridor-sim event trace: experiment ${experiment.name}, scenario ${scenario.id}, replication ${replication}`,
        `seed ${seed} = replicationSeed(${String(masterSeed)}, ${replication}); warm-up ${experiment.warmupHours} h, horizon ${experiment.horizonHours} h`,
      ])
    : undefined;
  let result: ReplicationResult;
  try {
    result = runReplication(model, {
      seed,
      warmupHours: experiment.warmupHours,
      horizonHours: experiment.horizonHours,
      ...(log !== undefined ? { journeyLog: (row) => log.write(row) } : {}),
      ...(trace !== undefined ? { onSimulation: (sim) => (sim.tracer = trace.tracer) } : {}),
    });
  } finally {
    trace?.close();
    log?.close();
  }
  const keep = metricFilter(experiment.metrics);
  return { seed, result, metrics: flattenReplication(result).filter((m) => keep(m.metric)), events: trace?.events ?? 0 };
}
