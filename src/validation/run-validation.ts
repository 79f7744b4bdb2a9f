/**
 * Running the validation: the targets' scenarios become one experiment (`validate-model`, one
 * scenario per scenario of the targets file), run by the experiment runner - so the run folder
 * has the usual files (run.json, journal, replications/summary/comparison/series CSV, manifest)
 * and is reproducible from its seed - then each target's expression is evaluated over the
 * replications and validation.csv is written beside them.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { ModelError, ModelErrors } from '../corridor/model-error.ts';
import { runReplication } from '../corridor/runtime/run-replication.ts';
import { defineExperiment, flattenReplication, runExperiment, type Experiment, type ExperimentRun } from '../experiments/index.ts';
import { loadScenario } from '../experiments/worker-protocol.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import type { Seed } from '../random/index.ts';
import { evaluateTargets, type ValidationRow } from './evaluate.ts';
import { metricNames } from './expression.ts';
import type { ValidationTargets } from './load-targets.ts';
import { VALIDATION_FILE, validationCsv } from './validation-csv.ts';

/** Name of the experiment (and of the results folder, results/validate-model/<run id>/). */
export const VALIDATION_EXPERIMENT = 'validate-model';
/** The copy of the targets file kept in the run folder. */
export const TARGETS_COPY = 'validation-targets.yaml';

/** Options of a validation run; defaults: 10 replications, 60 d warm-up, 365 d horizon, seed 2025. */
export interface ValidationOptions {
  readonly replications?: number;
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Simulated days discarded before measurement (default 60). */
  readonly warmupDays?: number;
  /** Simulated days measured (default 365). */
  readonly horizonDays?: number;
  readonly seed?: Seed;
  /** Results root (default results): files go to <out>/validate-model/<run id>/. null: in memory only. */
  readonly out?: string | null;
  readonly runId?: string;
  readonly progress?: boolean;
  readonly commandLine?: readonly string[];
}

/** What a validation run produced. */
export interface ValidationRun {
  readonly experiment: Experiment;
  readonly run: ExperimentRun;
  readonly rows: readonly ValidationRow[];
  /** The run folder, or null for an in-memory run. */
  readonly runDir: string | null;
}

/** The experiment that runs every scenario the targets use. @throws ExperimentError on bad options. */
export function validationExperiment(targets: ValidationTargets, options: ValidationOptions = {}): Experiment {
  return defineExperiment({
    name: VALIDATION_EXPERIMENT,
    description: `Validation against published figures: ${targets.title} (${targets.file})`,
    scenarios: targets.scenarios.map((s) => ({ id: s.id, model: s.model, overlays: s.overlays })),
    replications: options.replications ?? 10,
    warmup: { days: options.warmupDays ?? 60 },
    horizon: { days: options.horizonDays ?? 365 },
    seed: options.seed ?? 2025,
  });
}

/**
 * The metric names each scenario of `experiment` produces, from one simulated hour (as the runner
 * checks metric patterns): scenario id -> names.
 */
export function scenarioMetricNames(experiment: Experiment, hours = 1): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const scenario of experiment.scenarios) {
    const result = runReplication(loadScenario(scenario), { seed: 0, warmupHours: 0, horizonHours: hours });
    out.set(scenario.id, new Set(flattenReplication(result).map((m) => m.metric)));
  }
  return out;
}

/**
 * Check that every target's expression names metrics its scenario produces.
 * @throws ModelErrors naming the targets file, the target's line, and the unknown metric.
 */
export function checkMetricNames(targets: ValidationTargets, names: ReadonlyMap<string, ReadonlySet<string>>): void {
  const errors: ModelError[] = [];
  targets.targets.forEach((t, i) => {
    const known = names.get(t.scenario) ?? new Set<string>();
    for (const name of metricNames(t.expression)) {
      if (known.has(name)) continue;
      const prefix = name.split('.').slice(0, 2).join('.');
      const similar = [...known].filter((k) => k.startsWith(`${prefix}.`)).slice(0, 12);
      const hint = similar.length > 0 ? `; ${prefix} has: ${similar.join(', ')}` : '; names look like route.<route>.transit_mean_h, stage.<stage>.feu_per_week (README, "Metrics")';
      errors.push(
        new ModelError({
          location: { file: targets.file, ...(t.line !== undefined ? { line: t.line, column: t.column ?? 1 } : {}) },
          path: ['targets', i, 'model', 'expression'],
          value: name,
          got: `metric "${name}"`,
          expected: `a metric of scenario "${t.scenario}"${hint}`,
        }),
      );
    }
  });
  if (errors.length > 0) throw new ModelErrors(errors);
}

/**
 * Run the validation: check the metric names, run the experiment, evaluate every target, and (with
 * a run folder) write validation.csv and a copy of the targets file there.
 * @throws ModelErrors / ExperimentError on bad input (before anything is written); Error if
 *   replications failed or the run was interrupted.
 */
export async function runValidation(targets: ValidationTargets, options: ValidationOptions = {}): Promise<ValidationRun> {
  const experiment = validationExperiment(targets, options);
  checkMetricNames(targets, scenarioMetricNames(experiment));
  const out = options.out === undefined ? 'results' : options.out;
  const run = await runExperiment(experiment, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(out !== null ? { out } : {}),
    ...(options.runId !== undefined ? { runId: options.runId } : {}),
    progress: options.progress ?? false,
    commandLine: options.commandLine ?? [],
  });
  if (run.status !== 'complete') {
    const first = run.failures[0];
    throw new Error(`validation run ${run.status}${first === undefined ? '' : `: scenario ${first.scenario}, replication ${first.replication}: ${first.message}`}`);
  }
  const rows = evaluateTargets(targets.targets, run.records);
  if (run.runDir !== null) {
    writeFileAtomic(path.join(run.runDir, VALIDATION_FILE), validationCsv(rows));
    copyFileSync(targets.file, path.join(run.runDir, TARGETS_COPY));
  }
  return { experiment, run, rows, runDir: run.runDir };
}
