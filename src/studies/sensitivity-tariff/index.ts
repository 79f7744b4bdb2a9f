/**
 * Sensitivity of the tariff study: which inputs drive Middle Corridor volume, Vietnamese overland
 * volume and transit time? A one-at-a-time design (README, "Sensitivity analysis") around the
 * study's `us-20` scenario (20% US tariff, no upgrade) over three groups of inputs, each moved to
 * a low and a high value with the others at their own values:
 *
 * - trade response: σ (substitution between supplying countries), φ (tariff pass-through), the
 *   EU's share of the volume lost in the US;
 * - route choice: the logit scale and the Middle Corridor's route constant;
 * - corridor: the Caspian feeder fleet, the storm rate, storm duration, how far storms close the
 *   three ports together, Khorgos westbound processing, Aktau crane time, Baku (Alat) cranes.
 *
 * Every design point first gets its own route-choice equilibrium (src/studies/tariff-shift/
 * assigned-design.ts: the demand classes from the trade inputs, then the model's calibrated
 * assignment of every flow), so demand and route choice respond to every factor; then all points
 * run under common random numbers and sensitivity.csv ranks the factors (tornado rows by
 * |high - low|); `corridor-sim report <run dir>` draws the tornado chart.
 *
 *     corridor-sim study sensitivity-tariff [--replications 5] [--equilibrium-replications 2] [--workers 2] [--out results] [--run-id ID]
 *     npx tsx experiments/sensitivity-tariff.ts [same options]
 *     corridor-sim report results/sensitivity-tariff/<run id>
 *
 * More than a plain experiment (an equilibrium per design point first), so it is a study of the
 * registry (src/studies/registry.ts); the run folder is an ordinary run (report, reproduce).
 */
import { loadModel } from '../../corridor/load-model.ts';
import { defineExperiment, oneAtATime, runExperiment, type SensitivityFactors } from '../../experiments/index.ts';
import { loadTrade } from '../../trade/index.ts';
import { studyRecord, type StudyContext, type StudyDefinition, type StudyOptions, type StudyOutcome } from '../study-definition.ts';
import { assignDesign, FULL_STUDY, STUDY_SCENARIOS, studyRoutes, VIETNAMESE_ROUTES, type StudyConfig } from '../tariff-shift/index.ts';

/** The factors and their ranges; each range's source or `assumption:` is in its comment. */
export const FACTORS: SensitivityFactors = {
  // Trade response: σ and φ over the trade file's low / high parameter sets (README, "The trade response").
  sigma: { apply: (v) => ({ 'trade.sourceSubstitutionElasticity': v }), low: 1.3, high: 3.7, label: 'σ, substitution between suppliers', unit: 'elasticity' },
  'pass-through': { apply: (v) => ({ 'trade.tariffPassThrough': v }), low: 0.9, high: 1, label: 'φ, tariff pass-through', unit: 'share' },
  // assumption: half and 1.5 x the trade file's 0.20 (no published split of diverted volume by market).
  'diversion-eu': { apply: (v) => ({ 'trade.diversionShareEu': v }), low: 0.1, high: 0.3, label: 'EU share of volume lost in the US', unit: 'share' },
  // Route choice. assumption: ±30% on the fitted θ = 6,386 (the fit has 6 shares for 3 parameters, no standard error).
  'logit-scale': { path: 'assignment.logitScaleUsd', low: 4470, high: 8300, label: 'Logit scale θ', unit: 'USD/FEU' },
  // assumption: the fitted 41,258 ± θ·ln 2 (± 4,430): halves or doubles the Middle Corridor's odds against the sea.
  'mc-constant': { path: 'assignment.modeConstantsUsdPerFeu.middle-corridor', low: 36830, high: 45690, label: 'Middle Corridor route constant', unit: 'USD/FEU' },
  // Corridor: the ranges of the earlier corridor-only design (models/README.md cites each base value).
  'feeder-vessels': { path: 'legs.caspian-feeder-aktau-alat.fleet.vessels', low: 4, high: 8, integer: true, label: 'Caspian feeders Aktau-Baku', unit: 'vessels' },
  'storm-gap': { path: 'weather.caspian.between.mean', low: 48, high: 108, label: 'Caspian open spell between storms (mean)', unit: 'h' },
  'storm-duration': { path: 'weather.caspian.duration.mean', low: 48, high: 96, label: 'Caspian storm closure (mean)', unit: 'h' },
  'storm-correlation': { path: 'weather.caspian.correlation', low: 0.3, high: 0.9, label: 'Share of sea-wide storms', unit: '0-1' },
  'khorgos-processing': { path: 'nodes.khorgos.processing.westbound.mean', low: 24, high: 48, label: 'Khorgos westbound processing (mean)', unit: 'h' },
  'aktau-handling': { path: 'nodes.aktau.handling.time.mean', low: 0.25, high: 0.5, label: 'Aktau crane time per FEU (mean)', unit: 'h' },
  'baku-servers': { path: 'nodes.alat.handling.servers', low: 2, high: 4, integer: true, label: 'Baku (Alat) cranes', unit: 'cranes' },
};

/** The outputs ranked. */
export const OUTPUTS = [
  'mode.middle-corridor.feu_per_week',
  'route.northern-haiphong-duisburg.feu_per_week',
  'route.mc-haiphong-rail-duisburg.feu_per_week',
  'route.mc-xian-aktau-duisburg.transit_mean_h',
  'route.mc-haiphong-rail-duisburg.transit_mean_h',
];

/** The configuration the options select: 5 replications per point and 2 per equilibrium evaluation by default. */
function sensitivityConfig(options: StudyOptions, resolve: (file: string) => string): { config: StudyConfig; replications: number; factors: SensitivityFactors } {
  const test = options.testConfig === true;
  const quick = options.quick === true || test;
  const base: StudyConfig = test
    ? { ...FULL_STUDY, warmupDays: 0, horizonDays: 30, equilibriumWarmupDays: 0, equilibriumHorizonDays: 30, maxIterations: 2 }
    : FULL_STUDY;
  const config: StudyConfig = {
    ...base,
    equilibriumReplications: options.equilibriumReplications ?? (quick ? 1 : 2),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    modelFile: resolve(base.modelFile),
    tradeFile: resolve(base.tradeFile),
    upgradeOverlays: base.upgradeOverlays.map(resolve),
  };
  const factors = test ? Object.fromEntries(Object.entries(FACTORS).slice(0, 2)) : FACTORS;
  return { config, replications: options.replications ?? (quick ? 2 : 5), factors };
}

/** Equilibria per design point, then the runs under common random numbers. */
async function run(options: StudyOptions, context: StudyContext): Promise<StudyOutcome> {
  const { config, replications, factors } = sensitivityConfig(options, context.resolve);
  const workers = context.workers === undefined ? {} : { workers: context.workers };
  const scenario = STUDY_SCENARIOS.find((s) => s.id === 'us-20');
  if (scenario === undefined) throw new Error('the study has no us-20 scenario');
  const model = loadModel(config.modelFile);
  const design = oneAtATime(factors);
  context.log(`sensitivity-tariff: ${design.length} design points, each at its own route-choice equilibrium (${config.equilibriumReplications} replication(s) per evaluation)`);
  const started = Date.now();
  const scenarios = await assignDesign(design, { config, trade: loadTrade(config.tradeFile), model, routes: studyRoutes(model, VIETNAMESE_ROUTES), scenario, ...workers, log: context.log });
  const equilibriumSeconds = (Date.now() - started) / 1000;
  const experiment = defineExperiment({
    name: 'sensitivity-tariff',
    description: 'One-at-a-time sensitivity of Middle Corridor volume, Vietnamese overland volume and transit time to trade, route-choice and corridor inputs, around the tariff study us-20, each point at its own equilibrium',
    model: config.modelFile,
    scenarios,
    baseline: design.layout.baseline,
    sensitivity: { ...design.layout, outputs: OUTPUTS },
    replications,
    warmup: { days: config.warmupDays },
    horizon: { days: config.horizonDays },
    seed: config.seed,
  });
  const result = await runExperiment(experiment, {
    ...workers,
    ...(context.out !== undefined ? { out: context.out } : {}),
    ...(context.runId !== undefined ? { runId: context.runId } : {}),
    commandLine: context.commandLine,
    study: studyRecord('sensitivity-tariff', options),
    extraInputs: [config.tradeFile],
    progress: context.progress === true,
  });
  if (result.status !== 'complete') throw new Error(`sensitivity-tariff: runs ${result.status}: ${result.failures[0]?.message ?? ''}`);
  return {
    run: result,
    answer: [`sensitivity-tariff: ${design.length} design points x ${replications} replications; the ranking is in sensitivity.csv`],
    notes: [
      `wrote ${result.runDir ?? '(memory)'} (sensitivity.csv); chart: corridor-sim report ${result.runDir ?? ''}`,
      `time: ${((Date.now() - started) / 1000).toFixed(0)} s (equilibria ${equilibriumSeconds.toFixed(0)} s)`,
    ],
  };
}

/** The sensitivity study of the tariff study (README, "Sensitivity analysis"). */
export const SENSITIVITY_TARIFF_STUDY: StudyDefinition = {
  name: 'sensitivity-tariff',
  title: 'One-at-a-time sensitivity of the tariff study (trade response, route choice, corridor inputs), every point at its own equilibrium',
  script: 'experiments/sensitivity-tariff.ts',
  run,
};
