/**
 * The tariff-shift study end to end:
 *
 *   1. demand: the US tariff shift and the EU-bound route-choice classes per scenario (trade-demand.ts);
 *   2. equilibrium: every flow's route shares consistent with simulated transit times, on the
 *      model's calibrated route choice (equilibrium-stage.ts, choice-scenario.ts);
 *   3. final runs: every scenario at its equilibrium flows, through the experiment runner, which
 *      writes its usual files to `<out>/<name>/<run id>/`;
 *   4. the study's own files in the same folder (study-files.ts) and the key table.
 *
 * Deterministic: the same config gives byte-identical files for any worker count, because every
 * simulation goes through runExperiment with fixed seeds and records in canonical order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignedScenario } from '../../assignment/solve-assignment.ts';
import { loadModel } from '../../corridor/load-model.ts';
import type { CompiledModel } from '../../corridor/compiled.ts';
import { defineExperiment, type ExperimentRun, runExperiment } from '../../experiments/index.ts';
import { addOutputs, type StudyRecord } from '../../experiments/outputs.ts';
import { loadTrade } from '../../trade/index.ts';
import { WorkerGroup } from '../../experiments/worker-group.ts';
import { type ScenarioEquilibrium, solveEquilibria } from './equilibrium-stage.ts';
import { type KeyRow, keyRows } from './key-table.ts';
import { type SummaryContext, scenarioSummary } from './scenario-summary.ts';
import { type StudyConfig, VIETNAMESE_ROUTES } from './study-config.ts';
import { writeStudyFiles } from './study-files.ts';
import type { StudySummaryRow } from './summary-stats.ts';
import { scenarioDemand, type StudyRoute, studyRoutes } from './trade-demand.ts';

/** How to run the study. */
export interface StudyRunOptions {
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Results root; without it nothing is written (an in-memory study, e.g. in tests). */
  readonly out?: string;
  readonly runId?: string;
  /** The runner's progress bar for the final runs. */
  readonly progress?: boolean;
  /** Recorded in the manifest. */
  readonly commandLine?: readonly string[];
  /** Receives progress lines (equilibrium evaluations, stages). */
  readonly log?: (line: string) => void;
  /** Recorded in run.json and the manifest, so `corridor-sim reproduce` re-runs the study. */
  readonly study?: StudyRecord;
}

/** What a study run produced. */
export interface StudyResult {
  readonly config: StudyConfig;
  readonly routes: readonly StudyRoute[];
  readonly equilibria: readonly ScenarioEquilibrium[];
  /** The final runs (records, summary, comparison, run folder). */
  readonly run: ExperimentRun;
  readonly summary: readonly StudySummaryRow[];
  readonly keyRows: readonly KeyRow[];
  /** The study files written (empty without `out`). */
  readonly files: readonly string[];
  /** Wall-clock seconds of the equilibrium and of the final runs. */
  readonly seconds: { readonly equilibrium: number; readonly final: number };
}

/** Data rows of a CSV text (CRLF records, no line breaks inside fields in the study's files). */
const csvRows = (text: string): number => Math.max(0, text.split('\r\n').length - 2);

/** Stages reported per node: those of the Middle Corridor (incl. its Black Sea branch) and of Vietnam's overland routes, in model order. */
export function corridorStages(model: CompiledModel, routes: readonly StudyRoute[]): string[] {
  const overland = new Set(routes.filter((r) => !r.deepSea).map((r) => r.id));
  const on = new Set([...model.routes.values()]
    .filter((r) => r.mode === 'middle-corridor' || r.mode === 'sea-black-sea' || overland.has(r.id))
    .flatMap((r) => r.stages.map((s) => s.id)));
  return [...model.nodes.keys(), ...model.legs.keys()].filter((id) => on.has(id));
}

/** Run the study (see the module comment). @throws Error when replications fail; ExperimentError / ModelErrors on bad input */
export async function runTariffShiftStudy(config: StudyConfig, options: StudyRunOptions = {}): Promise<StudyResult> {
  const log = options.log ?? (() => undefined);
  const trade = loadTrade(config.tradeFile);
  const model = loadModel(config.modelFile);
  const routes = studyRoutes(model, VIETNAMESE_ROUTES);
  const demands = config.scenarios.map((s) => scenarioDemand(trade, s, routes));
  const workers = options.workers !== undefined ? { workers: options.workers } : {};

  // One set of worker threads for both stages: the final runs start on workers whose bundle is
  // loaded and whose JIT is warm from the equilibrium's evaluations (results do not depend on reuse).
  const group = new WorkerGroup();
  try {
    const t0 = Date.now();
    log(`${config.name}: route-choice equilibrium of ${demands.length} scenarios (${config.equilibriumReplications} replications per evaluation, ${config.equilibriumWarmupDays} + ${config.equilibriumHorizonDays} days)`);
    const equilibria = await solveEquilibria({ config, trade, model, routes, demands, ...workers, log, workerGroup: group });
    const t1 = Date.now();

    const experiment = defineExperiment({
      name: config.name,
      description: `Tariff-shift study: every flow at its route-choice equilibrium on the model's calibrated assignment (equilibrium.csv), ${config.scenarios.length} scenarios`,
      model: config.modelFile,
      // Each scenario at its assignment: the classes as demand, every flow's shares fixed.
      scenarios: equilibria.map((e) => assignedScenario(e.assignment)),
      replications: config.replications,
      warmup: { days: config.warmupDays },
      horizon: { days: config.horizonDays },
      seed: config.seed,
    });
    log(`${config.name}: final runs, ${config.scenarios.length} scenarios x ${config.replications} replications (${config.warmupDays} + ${config.horizonDays} days)`);
    const run = await runExperiment(experiment, {
      ...workers,
      ...(options.out !== undefined ? { out: options.out } : {}),
      ...(options.runId !== undefined ? { runId: options.runId } : {}),
      ...(options.commandLine !== undefined ? { commandLine: options.commandLine } : {}),
      ...(options.study !== undefined ? { study: options.study } : {}),
      // The trade file decides the demand: copied into the run folder with the models.
      extraInputs: [config.tradeFile],
      progress: options.progress === true,
      workerGroup: group,
    });
    if (run.status !== 'complete') {
      const lines = run.failures.slice(0, 5).map((f) => `scenario ${f.scenario}, replication ${f.replication} (seed ${f.seed}): ${f.message}`);
      throw new Error(`${config.name}: final runs ${run.status}${lines.length > 0 ? `:\n  ${lines.join('\n  ')}` : ''}`);
    }
    const t2 = Date.now();

    const context: Omit<SummaryContext, 'freightRatesUsdPerFeu'> = {
      routes,
      corridorStages: corridorStages(model, routes),
      caspianLegs: [...model.legs.values()].filter((leg) => leg.kind === 'ferry').map((leg) => leg.id),
      bottleneckCount: config.bottleneckCount,
      records: run.records,
    };
    const summary = equilibria.flatMap((e) => scenarioSummary(e, { ...context, freightRatesUsdPerFeu: e.freightRatesUsdPerFeu }));
    const files = run.runDir === null ? [] : writeStudyFiles(run.runDir, equilibria, routes, summary);
    // Listed in the manifest too, so `reproduce` compares the equilibrium and the answers as well.
    if (run.runDir !== null) addOutputs(run.runDir, files.map((f) => ({ file: path.basename(f), rows: csvRows(readFileSync(f, 'utf8')) })));
    return { config, routes, equilibria, run, summary, keyRows: keyRows(summary), files, seconds: { equilibrium: (t1 - t0) / 1000, final: (t2 - t1) / 1000 } };
  } finally {
    await group.close();
  }
}
