/**
 * Suez closed vs open: how much cargo does the Middle Corridor take when the Red Sea shuts? Each
 * scenario's route-choice equilibrium (src/assignment: China -> Europe cargo over the Middle
 * Corridor, Northern, Suez and Cape routes, Vietnamese sea cargo over Suez and the Cape, with
 * congestion feedback from the simulation) is solved first; then both run at their equilibrium
 * shares, 10 replications of one year after a 60-day warm-up, under common random numbers, and
 * comparison.csv gives the paired differences (Middle Corridor deliveries, the assigned volume
 * per mode, each route's share) with their confidence intervals.
 *
 *     npx tsx experiments/suez-closure.ts [--replications 10] [--workers 2] [--out results] [--run-id ID]
 *
 * Results: results/suez-closure/<run id>/ (the runner's files plus assignment.csv).
 */
import { Command } from 'commander';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelErrors } from '../src/corridor/model-error.ts';
import { solveAssignments, type AssignmentScenario } from '../src/assignment/solve-assignment.ts';
import { defineExperiment, ExperimentError, runExperiment } from '../src/experiments/index.ts';

const MODEL = 'models/middle-corridor.yaml';
const SCENARIOS: AssignmentScenario[] = [
  { id: 'suez-open', model: MODEL },
  { id: 'suez-closed', model: MODEL, overlays: ['models/overlays/suez-closed.yaml'] },
];
const SEED = 2025;
const WARMUP_DAYS = 60;
const HORIZON_DAYS = 365;

/** The metrics the question is about, in the order printed. */
const KEY_METRICS = [
  'mode.middle-corridor.feu_per_week',
  'mode.middle-corridor.assigned_feu_per_week',
  'mode.sea-black-sea.assigned_feu_per_week',
  'mode.northern.assigned_feu_per_week',
  'mode.sea-cape.assigned_feu_per_week',
  'flow.cn-eu.sea-cape-shanghai-rotterdam.share',
  'stage.caspian-feeder-aktau-alat.wait_vessel_h',
  'route.mc-xian-aktau-duisburg.transit_mean_h',
];

interface RawOptions {
  readonly replications: string;
  readonly workers?: string;
  readonly out: string;
  readonly runId?: string;
}

/** A whole number >= 1 from the command line. @throws ExperimentError naming the option */
function count(name: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ExperimentError(`option --${name}: got "${text}", expected an integer >= 1`);
  return Number(text);
}

/** Solve both equilibria, run the final replications, write and print the answer. */
async function main(raw: RawOptions): Promise<void> {
  const replications = count('replications', raw.replications);
  const workers = raw.workers === undefined ? {} : { workers: count('workers', raw.workers) };
  // Refuse an existing run folder before minutes of equilibrium, not after.
  if (raw.runId !== undefined && existsSync(path.join(raw.out, 'suez-closure', raw.runId))) {
    throw new ExperimentError(`option --run-id: ${path.join(raw.out, 'suez-closure', raw.runId)} already exists; choose another id`);
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const started = Date.now();
  const assigned = await solveAssignments(SCENARIOS, { warmupDays: WARMUP_DAYS, horizonDays: HORIZON_DAYS, seed: SEED, log, ...workers });
  const experiment = defineExperiment({
    name: 'suez-closure',
    description: "Suez closed vs open at each scenario's route-choice equilibrium (China -> Europe and Vietnamese sea cargo), Middle Corridor model, 2024 demand",
    scenarios: assigned.map((a) => ({ id: a.scenario.id, model: a.scenario.model, overlays: [...(a.scenario.overlays ?? [])], set: { ...a.set } })),
    replications,
    warmup: { days: WARMUP_DAYS },
    horizon: { days: HORIZON_DAYS },
    seed: SEED,
  });
  const run = await runExperiment(experiment, { out: raw.out, ...(raw.runId !== undefined ? { runId: raw.runId } : {}), ...workers, progress: false, commandLine: ['npx', 'tsx', 'experiments/suez-closure.ts', ...process.argv.slice(2)] });
  if (run.status !== 'complete') throw new Error(`suez-closure: final runs ${run.status}`);

  // The equilibria: per scenario, iteration count, gap and each route's share of each choice flow.
  const rows = ['scenario,flow,route,share,converged,iterations,gap'];
  for (const a of assigned) {
    a.flows.forEach((flow, i) => {
      a.routes.forEach((route, r) => {
        if (flow.routes.includes(route.id)) rows.push([a.scenario.id, flow.id, route.id, (a.result.shares[i]?.[r] ?? 0).toPrecision(6), a.result.converged, a.result.iterations, a.result.gap.toPrecision(3)].join(','));
      });
    });
  }
  if (run.runDir !== null) writeFileSync(path.join(run.runDir, 'assignment.csv'), `${rows.join('\n')}\n`);

  console.log(`\nsuez-closure: ${experiment.scenarios.length} scenarios x ${experiment.replications} replications (${WARMUP_DAYS} + ${HORIZON_DAYS} days)`);
  for (const a of assigned) console.log(`equilibrium ${a.scenario.id}: ${a.result.message}`);
  console.log('\nmetric | suez-open | suez-closed | difference [95% CI]');
  for (const metric of KEY_METRICS) {
    const open = run.summary.find((s) => s.scenario === 'suez-open' && s.metric === metric);
    const row = run.comparison.find((c) => c.scenario === 'suez-closed' && c.metric === metric);
    const f = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : x.toPrecision(4));
    console.log(`${metric} | ${f(open?.mean)} | ${f(row?.scenarioMean)} | ${f(row?.meanDifference)} [${f(row?.ci95Low)}, ${f(row?.ci95High)}]`);
  }
  console.log(`\nwrote ${run.runDir ?? ''} (comparison.csv, assignment.csv); ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** True when this file is the script being run (not imported, e.g. by `corridor-sim list`). */
function isMain(): boolean {
  const argv1 = process.argv[1];
  if (argv1 === undefined) return false;
  const real = (file: string): string => (existsSync(file) ? realpathSync(file) : path.resolve(file));
  return real(argv1) === real(fileURLToPath(import.meta.url));
}

if (isMain()) {
  const program = new Command('npx tsx experiments/suez-closure.ts')
    .description('Suez closed vs open at their route-choice equilibria, then paired replications')
    .option('--replications <n>', 'replications of the final runs', '10')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--out <dir>', 'results root: files go to <dir>/suez-closure/<run id>/', 'results')
    .option('--run-id <id>', 'run folder name (default: the UTC start time)')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (raw: RawOptions) => {
      try {
        await main(raw);
      } catch (error) {
        const badInput = error instanceof ExperimentError || error instanceof ModelErrors;
        process.stderr.write(`suez-closure: ${error instanceof Error ? (badInput ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
        process.exitCode = badInput ? 2 : 1;
      }
    });
  await program.parseAsync(process.argv);
}
