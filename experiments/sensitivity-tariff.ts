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
 *     npx tsx experiments/sensitivity-tariff.ts [--replications 5] [--equilibrium-replications 2] [--workers 2] [--out results] [--run-id ID]
 *     corridor-sim report results/sensitivity-tariff/<run id>
 *
 * More than a plain experiment (an equilibrium per design point first), so it is a script, like
 * experiments/tariff-shift.ts; the run folder is an ordinary run (report, merge of its files).
 */
import { Command } from 'commander';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../src/corridor/load-model.ts';
import { ModelErrors } from '../src/corridor/model-error.ts';
import { defineExperiment, ExperimentError, oneAtATime, runExperiment, type SensitivityFactors } from '../src/experiments/index.ts';
import { assignDesign, FULL_STUDY, STUDY_SCENARIOS, studyRoutes, VIETNAMESE_ROUTES, type StudyConfig } from '../src/studies/tariff-shift/index.ts';
import { loadTrade, TradeInputError } from '../src/trade/index.ts';

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

interface RawOptions {
  readonly replications: string;
  readonly equilibriumReplications: string;
  readonly workers?: string;
  readonly out: string;
  readonly runId?: string;
}

/** A whole number >= 1 from the command line. @throws ExperimentError naming the option */
function count(name: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ExperimentError(`option --${name}: got "${text}", expected an integer >= 1`);
  return Number(text);
}

/** Equilibria per design point, then the runs; prints where the files are. */
async function main(raw: RawOptions): Promise<void> {
  const replications = count('replications', raw.replications);
  const workers = raw.workers === undefined ? {} : { workers: count('workers', raw.workers) };
  const config: StudyConfig = { ...FULL_STUDY, equilibriumReplications: count('equilibrium-replications', raw.equilibriumReplications) };
  const scenario = STUDY_SCENARIOS.find((s) => s.id === 'us-20');
  if (scenario === undefined) throw new Error('the study has no us-20 scenario');
  const model = loadModel(config.modelFile);
  const design = oneAtATime(FACTORS);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(`sensitivity-tariff: ${design.length} design points, each at its own route-choice equilibrium (${config.equilibriumReplications} replication(s) per evaluation)`);
  const started = Date.now();
  const scenarios = await assignDesign(design, { config, trade: loadTrade(config.tradeFile), model, routes: studyRoutes(model, VIETNAMESE_ROUTES), scenario, ...workers, log });
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
  const run = await runExperiment(experiment, { ...workers, out: raw.out, ...(raw.runId !== undefined ? { runId: raw.runId } : {}), commandLine: ['npx', 'tsx', 'experiments/sensitivity-tariff.ts', ...process.argv.slice(2)] });
  if (run.status !== 'complete') throw new Error(`runs ${run.status}: ${run.failures[0]?.message ?? ''}`);
  console.log(`wrote ${run.runDir ?? ''} (sensitivity.csv); chart: corridor-sim report ${run.runDir ?? ''}`);
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s (equilibria ${equilibriumSeconds.toFixed(0)} s)`);
}

/** True if this file is the program Node was started with (not imported). */
function isMain(): boolean {
  const argv1 = process.argv[1];
  if (argv1 === undefined) return false;
  const real = (file: string): string => {
    try {
      return realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  return real(argv1) === real(fileURLToPath(import.meta.url));
}

if (isMain()) {
  const program = new Command('npx tsx experiments/sensitivity-tariff.ts')
    .description('one-at-a-time sensitivity of the tariff study, every design point at its own route-choice equilibrium')
    .option('--replications <n>', 'replications per design point', '5')
    .option('--equilibrium-replications <n>', 'replications per equilibrium evaluation', '2')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--out <dir>', 'results root: files go to <dir>/sensitivity-tariff/<run id>/', 'results')
    .option('--run-id <id>', 'run folder name (default: the UTC start time)')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (raw: RawOptions) => {
      try {
        await main(raw);
      } catch (error) {
        const badInput = error instanceof ExperimentError || error instanceof ModelErrors || error instanceof TradeInputError || error instanceof RangeError;
        process.stderr.write(`sensitivity-tariff: ${error instanceof Error ? (badInput ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
        process.exitCode = badInput ? 2 : 1;
      }
    });
  await program.parseAsync(process.argv);
}
