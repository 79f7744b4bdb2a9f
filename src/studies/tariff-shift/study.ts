/**
 * The tariff-shift study as a registry entry (`corridor-sim study tariff-shift`, `npm start`,
 * `npx tsx experiments/tariff-shift.ts`): the full or quick configuration with the command
 * line's overrides, the run, the key table as the answer, and the report.
 */
import type { StudyContext, StudyDefinition, StudyOptions, StudyOutcome } from '../study-definition.ts';
import { studyRecord } from '../study-definition.ts';
import { KEY_TABLE_LEGEND, keyTableText } from './key-table.ts';
import { runTariffShiftStudy } from './run-study.ts';
import { FULL_STUDY, QUICK_STUDY, STUDY_SCENARIOS, type StudyConfig } from './study-config.ts';

/**
 * The test-only configuration (`--test-config`): the baseline and the upgraded 46% scenario (one
 * without and one with overlays), a month without warm-up, two equilibrium iterations on one
 * seed, two replications. About ten seconds on 2 cores; its numbers mean nothing.
 */
export const TEST_STUDY: StudyConfig = {
  ...FULL_STUDY,
  name: 'tariff-shift-test',
  scenarios: STUDY_SCENARIOS.filter((s) => s.id === 'baseline' || s.id === 'us-46+upgrade'),
  replications: 2,
  warmupDays: 0,
  horizonDays: 30,
  equilibriumReplications: 1,
  equilibriumWarmupDays: 0,
  equilibriumHorizonDays: 30,
  maxIterations: 2,
};

/** The configuration the options select, with its input paths resolved. */
export function tariffShiftConfig(options: StudyOptions, resolve: (file: string) => string = (f) => f): StudyConfig {
  const base = options.testConfig === true ? TEST_STUDY : options.quick === true ? QUICK_STUDY : FULL_STUDY;
  return {
    ...base,
    ...(options.replications !== undefined ? { replications: options.replications } : {}),
    ...(options.equilibriumReplications !== undefined ? { equilibriumReplications: options.equilibriumReplications } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    modelFile: resolve(base.modelFile),
    tradeFile: resolve(base.tradeFile),
    upgradeOverlays: base.upgradeOverlays.map(resolve),
  };
}

async function run(options: StudyOptions, context: StudyContext): Promise<StudyOutcome> {
  const config = tariffShiftConfig(options, context.resolve);
  const started = Date.now();
  const result = await runTariffShiftStudy(config, {
    ...(context.out !== undefined ? { out: context.out } : {}),
    ...(context.runId !== undefined ? { runId: context.runId } : {}),
    ...(context.workers !== undefined ? { workers: context.workers } : {}),
    progress: context.progress === true,
    commandLine: context.commandLine,
    log: context.log,
    study: studyRecord('tariff-shift', options),
  });
  const answer = [
    `${config.name}: ${config.scenarios.length} scenarios x ${config.replications} replications, ${config.warmupDays} + ${config.horizonDays} days; equilibrium on ${config.equilibriumReplications} seed(s)`,
    keyTableText(result.keyRows),
    '',
    KEY_TABLE_LEGEND,
    ...result.equilibria.filter((e) => !e.result.converged).map((e) => `WARNING: ${e.demand.scenario.id}: the route-choice equilibrium ${e.result.message}`),
  ];
  const notes: string[] = [];
  if (config.replications < 30) notes.push(`note: ${config.replications} replications per scenario, a short version; the study's answers use 30 (run without --quick)`);
  const dir = result.run.runDir;
  if (dir !== null) {
    notes.push(`wrote ${dir}: the runner's files, equilibrium.csv, study-summary.csv, key-table.csv, inputs/`);
    if (context.writeReport === true) {
      // The report reads the run folder like `corridor-sim report <run dir>` does, its CSVs from memory as just written.
      const { writeReport } = await import('../../report/index.ts');
      const report = await writeReport(dir, { written: result.run.written });
      notes.push(`report: ${report.html}`);
    }
  }
  notes.push(`time: ${((Date.now() - started) / 1000).toFixed(0)} s (equilibrium ${result.seconds.equilibrium.toFixed(0)} s, final runs ${result.seconds.final.toFixed(0)} s)`);
  return { run: result.run, answer, notes };
}

/** The tariff-shift study (README, "The tariff-shift study"). */
export const TARIFF_SHIFT_STUDY: StudyDefinition = {
  name: 'tariff-shift',
  title: 'US tariff 0 / 20 / 46% on Vietnam, with and without the corridor upgrade, each at its route-choice equilibrium (--quick: npm start)',
  script: 'experiments/tariff-shift.ts',
  run,
};
