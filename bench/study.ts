/**
 * Study benchmark: the flagship tariff-shift study end to end, as a user runs it, in a fresh
 * process each time: `npm start` (the quick study: 3 final replications, the equilibrium on one
 * seed) and the full study (30 replications, four equilibrium seeds). Targets (issue 14): under
 * 30 s and under 60 s on 2 cores.
 *
 *   tsx bench/study.ts            # part of npm run bench: both (about 20 s + 75 s on the development VM)
 *   tsx bench/study.ts --quick    # the quick study only
 *
 * Each prints the whole command's wall-clock time (start-up, equilibrium, final runs, the study
 * files and the report), the study's own split of it, and how many equilibrium evaluations and
 * simulated replications the equilibrium made (from the run's equilibrium.csv), which the
 * machine's speed does not change. The run folders go to a temporary directory, deleted after.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/build/bundle.ts';
import { FULL_STUDY, QUICK_STUDY, type StudyConfig } from '../src/studies/tariff-shift/study-config.ts';

const quick = process.argv.includes('--quick');

interface StudyTiming {
  readonly seconds: number;
  /** The study's own split, from its `time:` line (seconds). */
  readonly equilibrium: number;
  readonly final: number;
  /** Equilibrium evaluations over all scenarios, and the replications they simulated. */
  readonly evaluations: number;
  readonly scenarios: number;
}

/** Run `experiments/tariff-shift.ts` with `args` into a temporary folder and time it. */
function runStudy(args: readonly string[]): StudyTiming {
  const out = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-bench-study-'));
  try {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'experiments/tariff-shift.ts', ...args, '--out', out], { cwd: projectRoot, encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`the study failed (exit ${child.status ?? child.signal ?? '?'}):\n${child.stderr}`);
    // "time: 72 s (equilibrium 35 s, final runs 32 s)" on stdout or stderr.
    const split = /time: \d+ s \(equilibrium (\d+) s, final runs (\d+) s\)/.exec(`${child.stdout}\n${child.stderr}`);
    const [name] = readdirSync(out);
    const [runId] = readdirSync(path.join(out, name ?? ''));
    const rows = readFileSync(path.join(out, name ?? '', runId ?? '', 'equilibrium.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    // One row per scenario, iteration and study route: count the distinct (scenario, iteration).
    const evaluations = new Set(rows.map((row) => row.split(',').slice(0, 2).join(','))).size;
    const scenarios = new Set(rows.map((row) => row.split(',')[0])).size;
    return { seconds, equilibrium: Number(split?.[1] ?? Number.NaN), final: Number(split?.[2] ?? Number.NaN), evaluations, scenarios };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function report(label: string, target: number, config: StudyConfig, t: StudyTiming): void {
  const days = config.equilibriumWarmupDays + config.equilibriumHorizonDays;
  console.log(
    `${label}: ${t.seconds.toFixed(1)} s for the whole command (target < ${target} s); the study's split: equilibrium ${t.equilibrium} s, final runs ${t.final} s; ` +
      `${t.evaluations} equilibrium evaluations over ${t.scenarios} scenarios (${t.evaluations * config.equilibriumReplications} replications of ${days} days)`,
  );
}

console.log(`\nstudy benchmark: experiments/tariff-shift.ts end to end on ${os.availableParallelism()} core(s)`);
report('npm start (--quick)', 30, QUICK_STUDY, runStudy(['--quick']));
if (!quick) report('full study', 60, FULL_STUDY, runStudy([]));
