/**
 * The tariff-shift study (README, "The tariff-shift study"): route-choice equilibrium of
 * Vietnamese EU-bound cargo with congestion feedback from the simulation, then six scenarios
 * (US tariff 0 / 20 / 46%, each with and without the corridor upgrade) at their equilibrium
 * flows, 30 replications of one year after a 60-day warm-up.
 *
 *     npx tsx experiments/tariff-shift.ts              # the full study -> results/tariff-shift/<run id>/
 *     npx tsx experiments/tariff-shift.ts --quick      # npm start: 3 replications, the equilibrium on 1 seed
 *
 * More than a plain experiment (it solves the equilibrium first), so it is a script with its own
 * options rather than an experiment file for `corridor-sim run`.
 */
import { Command } from 'commander';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelErrors } from '../src/corridor/model-error.ts';
import { ExperimentError } from '../src/experiments/index.ts';
import { FULL_STUDY, KEY_TABLE_LEGEND, keyTableText, QUICK_STUDY, runTariffShiftStudy, type StudyConfig } from '../src/studies/tariff-shift/index.ts';
import { TradeInputError } from '../src/trade/index.ts';

/** Options as commander hands them over. */
interface RawOptions {
  readonly quick?: boolean;
  readonly replications?: string;
  readonly workers?: string;
  readonly seed?: string;
  readonly out: string;
  readonly runId?: string;
  readonly progress: boolean;
}

/** A whole number >= 1 from the command line. @throws ExperimentError naming the option */
function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ExperimentError(`option --${name}: got "${text}", expected an integer >= 1`);
  return Number(text);
}

/** Run the study with the command line's options; returns the exit code. */
async function main(raw: RawOptions): Promise<number> {
  const base: StudyConfig = raw.quick === true ? QUICK_STUDY : FULL_STUDY;
  const replications = count('replications', raw.replications);
  const seed = raw.seed === undefined ? undefined : /^-?\d+$/.test(raw.seed) ? Number(raw.seed) : raw.seed;
  const config: StudyConfig = { ...base, ...(replications !== undefined ? { replications } : {}), ...(seed !== undefined ? { seed } : {}) };
  const workers = count('workers', raw.workers);
  const started = Date.now();
  const result = await runTariffShiftStudy(config, {
    out: raw.out,
    progress: raw.progress,
    commandLine: ['npx', 'tsx', 'experiments/tariff-shift.ts', ...process.argv.slice(2)],
    log: (line) => process.stderr.write(`${line}\n`),
    ...(workers !== undefined ? { workers } : {}),
    ...(raw.runId !== undefined ? { runId: raw.runId } : {}),
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${config.name}: ${config.scenarios.length} scenarios x ${config.replications} replications, ${config.warmupDays} + ${config.horizonDays} days; equilibrium on ${config.equilibriumReplications} seed(s)`);
  console.log(keyTableText(result.keyRows));
  console.log(`\n${KEY_TABLE_LEGEND}`);
  const notConverged = result.equilibria.filter((e) => !e.result.converged);
  for (const e of notConverged) console.log(`WARNING: ${e.demand.scenario.id}: the route-choice equilibrium ${e.result.message}`);
  if (config.replications < 30) console.log(`note: ${config.replications} replications per scenario, a short version; the study's answers use 30 (run without --quick)`);
  console.log(`wrote ${result.run.runDir ?? ''}: the runner's files, equilibrium.csv, study-summary.csv`);
  if (result.run.runDir !== undefined && result.run.runDir !== null) {
    // The report reads the run folder like `corridor-sim report <run dir>` does.
    const { writeReport } = await import('../src/report/index.ts');
    const report = await writeReport(result.run.runDir);
    console.log(`report: ${report.html}`);
  }
  console.log(`time: ${seconds.toFixed(0)} s (equilibrium ${result.seconds.equilibrium.toFixed(0)} s, final runs ${result.seconds.final.toFixed(0)} s)`);
  return 0;
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
  const program = new Command('npx tsx experiments/tariff-shift.ts')
    .description('the tariff-shift study: route-choice equilibrium, then 6 scenarios at their equilibrium flows')
    .option('--quick', 'the short version (npm start): 3 replications, the equilibrium on 1 seed')
    .option('--replications <n>', 'replications per scenario of the final runs (default 30; --quick 3)')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--seed <seed>', 'master seed (default 2025; the equilibrium uses "<seed>/equilibrium")')
    .option('--out <dir>', 'results root: files go to <dir>/<study>/<run id>/', 'results')
    .option('--run-id <id>', 'run folder name (default: the UTC start time)')
    .option('--no-progress', 'no progress bar for the final runs')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (raw: RawOptions) => {
      try {
        process.exitCode = await main(raw);
      } catch (error) {
        const badInput = error instanceof ExperimentError || error instanceof ModelErrors || error instanceof TradeInputError;
        process.stderr.write(`tariff-shift: ${error instanceof Error ? (badInput ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
        process.exitCode = badInput ? 2 : 1;
      }
    });
  await program.parseAsync(process.argv);
}
