/**
 * Suez closed vs open: how much cargo does the Middle Corridor take when the Red Sea shuts? Each
 * scenario's route-choice equilibrium (src/assignment: China -> Europe cargo over the Middle
 * Corridor, Northern, Suez and Cape routes, Vietnamese sea cargo over Suez and the Cape, with
 * congestion feedback from the simulation) is solved first; then both run at their equilibrium
 * shares, 10 replications of one year after a 60-day warm-up, under common random numbers, and
 * comparison.csv gives the paired differences (Middle Corridor deliveries, the assigned volume
 * per mode, each route's share) with their confidence intervals.
 *
 *     corridor-sim study suez-closure [--replications 10] [--workers 2] [--out results] [--run-id ID]
 *     npx tsx experiments/suez-closure.ts [same options]
 *
 * Results: results/suez-closure/<run id>/ (the runner's files plus assignment.csv, which the
 * manifest lists too, so `corridor-sim reproduce` compares it).
 */
import path from 'node:path';
import { assignedScenario, solveAssignments, type AssignmentScenario } from '../../assignment/solve-assignment.ts';
import { defineExperiment, runExperiment } from '../../experiments/index.ts';
import { addOutputs } from '../../experiments/outputs.ts';
import { writeFileAtomic } from '../../output/atomic-write.ts';
import { studyRecord, type StudyContext, type StudyDefinition, type StudyOptions, type StudyOutcome } from '../study-definition.ts';

const MODEL = 'models/middle-corridor.yaml';
const CLOSED = 'models/overlays/suez-closed.yaml';
const SEED = 2025;
const WARMUP_DAYS = 60;
const HORIZON_DAYS = 365;

/** The metrics the question is about, in the order printed. */
export const KEY_METRICS = [
  'mode.middle-corridor.feu_per_week',
  'mode.middle-corridor.assigned_feu_per_week',
  'mode.sea-black-sea.assigned_feu_per_week',
  'mode.northern.assigned_feu_per_week',
  'mode.sea-cape.assigned_feu_per_week',
  'flow.cn-eu.sea-cape-shanghai-rotterdam.share',
  'stage.caspian-feeder-aktau-alat.wait_vessel_h',
  'route.mc-xian-aktau-duisburg.transit_mean_h',
];

/** Solve both equilibria, run the final replications, write assignment.csv and return the answer. */
async function run(options: StudyOptions, context: StudyContext): Promise<StudyOutcome> {
  const test = options.testConfig === true;
  const replications = options.replications ?? (test || options.quick === true ? 3 : 10);
  const warmupDays = test ? 0 : WARMUP_DAYS;
  const horizonDays = test ? 30 : HORIZON_DAYS;
  const seed = options.seed ?? SEED;
  const model = context.resolve(MODEL);
  const scenarios: AssignmentScenario[] = [
    { id: 'suez-open', model },
    { id: 'suez-closed', model, overlays: [context.resolve(CLOSED)] },
  ];
  const workers = context.workers === undefined ? {} : { workers: context.workers };
  const started = Date.now();
  const assigned = await solveAssignments(scenarios, {
    warmupDays, horizonDays, seed, log: context.log, ...workers,
    ...(options.equilibriumReplications !== undefined ? { replications: options.equilibriumReplications } : {}),
    ...(test ? { maxIterations: 2 } : {}),
  });
  const experiment = defineExperiment({
    name: 'suez-closure',
    description: "Suez closed vs open at each scenario's route-choice equilibrium (China -> Europe and Vietnamese sea cargo), Middle Corridor model, 2024 demand",
    scenarios: assigned.map(assignedScenario),
    replications,
    warmup: { days: warmupDays },
    horizon: { days: horizonDays },
    seed,
  });
  const result = await runExperiment(experiment, {
    ...(context.out !== undefined ? { out: context.out } : {}),
    ...(context.runId !== undefined ? { runId: context.runId } : {}),
    ...workers,
    progress: context.progress === true,
    commandLine: context.commandLine,
    study: studyRecord('suez-closure', options),
  });
  if (result.status !== 'complete') throw new Error(`suez-closure: final runs ${result.status}`);

  // The equilibria: per scenario, iteration count, gap and each route's share of each choice flow.
  const rows = ['scenario,flow,route,share,converged,iterations,gap'];
  for (const a of assigned) {
    a.flows.forEach((flow, i) => {
      a.routes.forEach((route, r) => {
        if (flow.routes.includes(route.id)) rows.push([a.scenario.id, flow.id, route.id, (a.result.shares[i]?.[r] ?? 0).toPrecision(6), a.result.converged, a.result.iterations, a.result.gap.toPrecision(3)].join(','));
      });
    });
  }
  if (result.runDir !== null) {
    writeFileAtomic(path.join(result.runDir, 'assignment.csv'), `${rows.join('\n')}\n`);
    addOutputs(result.runDir, [{ file: 'assignment.csv', rows: rows.length - 1 }]);
  }

  const answer = [`suez-closure: ${experiment.scenarios.length} scenarios x ${experiment.replications} replications (${warmupDays} + ${horizonDays} days)`];
  for (const a of assigned) answer.push(`equilibrium ${a.scenario.id}: ${a.result.message}`);
  answer.push('', 'metric | suez-open | suez-closed | difference [95% CI]');
  for (const metric of KEY_METRICS) {
    const open = result.summary.find((s) => s.scenario === 'suez-open' && s.metric === metric);
    const row = result.comparison.find((c) => c.scenario === 'suez-closed' && c.metric === metric);
    const f = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : x.toPrecision(4));
    answer.push(`${metric} | ${f(open?.mean)} | ${f(row?.scenarioMean)} | ${f(row?.meanDifference)} [${f(row?.ci95Low)}, ${f(row?.ci95High)}]`);
  }
  return { run: result, answer, notes: [`wrote ${result.runDir ?? '(memory)'} (comparison.csv, assignment.csv); ${((Date.now() - started) / 1000).toFixed(0)} s`] };
}

/** Suez closed vs open, each at its route-choice equilibrium. */
export const SUEZ_CLOSURE_STUDY: StudyDefinition = {
  name: 'suez-closure',
  title: 'Suez closed vs open, each at its route-choice equilibrium (China -> Europe and Vietnamese sea cargo), paired replications',
  script: 'experiments/suez-closure.ts',
  run,
};
