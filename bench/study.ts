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
 *
 * Then what the machine could do with that work: one of the study's replications timed alone on
 * one core (bench/replications-child.ts on the run folder) and one per core at once, which
 * gives the cores' efficiency together in the same run (below 1 when they share a physical core
 * or the host is busy). The study's replications x that time / (cores x efficiency) estimate
 * what its simulation takes on this machine, and at efficiency 0.9 what it would take on cores
 * that scale; the rest of the command (start-up, compiles, files, report) is a few seconds. The
 * timed replications are final-run ones: the equilibrium's skip the stages' statistics (about
 * 8% cheaper), so the estimate runs a few percent high.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleEntry, projectRoot } from '../src/build/bundle.ts';
import { lastJsonLine } from './child-output.ts';
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
  /** One study replication alone on one core, and each of one per core run at once (median seconds). */
  readonly replicationAlone: number;
  readonly replicationTogether: number;
}

const replicationChild = bundleEntry('bench/replications-child.ts');

/**
 * Median seconds of `count` replications of the run's first scenario (the study's warm-up and
 * horizon), in a fresh process after one untimed replication (bench/replications-child.ts).
 */
async function timeReplication(runDir: string, config: StudyConfig, count = 3): Promise<number> {
  const args = [replicationChild, '1', String(count), String(config.warmupDays * 24), String(config.horizonDays * 24), String(config.seed), '1', runDir];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: projectRoot, encoding: 'utf8' });
  const seconds = [...lastJsonLine<{ seconds: number[] }>(stdout).seconds].sort((a, b) => a - b);
  return seconds[seconds.length >> 1] as number;
}

/** Run `experiments/tariff-shift.ts` with `args` into a temporary folder and time it, then time its replications. */
async function runStudy(args: readonly string[], config: StudyConfig): Promise<StudyTiming> {
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
    const runDir = path.join(out, name ?? '', runId ?? '');
    // Alone, then as many at once as the study has workers (one per core), then alone again: the
    // VM's speed drifts within minutes, so the two "alone" runs bracket the "at once" one.
    const first = await timeReplication(runDir, config);
    const together = await Promise.all(Array.from({ length: os.availableParallelism() }, () => timeReplication(runDir, config)));
    const replicationAlone = (first + (await timeReplication(runDir, config))) / 2;
    const replicationTogether = together.reduce((sum, x) => sum + x, 0) / together.length;
    return { seconds, equilibrium: Number(split?.[1] ?? Number.NaN), final: Number(split?.[2] ?? Number.NaN), evaluations, scenarios, replicationAlone, replicationTogether };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function report(label: string, target: number, config: StudyConfig, t: StudyTiming): void {
  const days = config.equilibriumWarmupDays + config.equilibriumHorizonDays;
  const equilibriumReplications = t.evaluations * config.equilibriumReplications;
  console.log(
    `${label}: ${t.seconds.toFixed(1)} s for the whole command (target < ${target} s); the study's split: equilibrium ${t.equilibrium} s, final runs ${t.final} s; ` +
      `${t.evaluations} equilibrium evaluations over ${t.scenarios} scenarios (${equilibriumReplications} replications of ${days} days)`,
  );
  // The study's simulation is this many replications of about the same length (the final runs'
  // warm-up and horizon equal the equilibrium's in both configurations).
  const replications = equilibriumReplications + config.scenarios.length * config.replications;
  const cores = os.availableParallelism();
  const efficiency = t.replicationAlone / t.replicationTogether;
  const work = replications * t.replicationAlone;
  const f = (x: number, digits = 1): string => x.toFixed(digits);
  console.log(
    `  the machine, right after: one of its replications takes ${f(t.replicationAlone, 3)} s alone on one core and ${f(t.replicationTogether, 3)} s each with ${cores} at once, ` +
      `so its ${cores} cores deliver ${f(cores * efficiency, 2)} cores' worth (efficiency ${f(efficiency, 2)}); the study's ${replications} replications are ${f(work)} core-s at that speed: ` +
      `${f(work / (cores * efficiency))} s on these cores, ${f(work / (cores * 0.9))} s on ${cores} cores at efficiency 0.9 (rough: the VM's speed drifts by up to a third within minutes)`,
  );
}

console.log(`\nstudy benchmark: experiments/tariff-shift.ts end to end on ${os.availableParallelism()} core(s)`);
report('npm start (--quick)', 30, QUICK_STUDY, await runStudy(['--quick'], QUICK_STUDY));
if (!quick) report('full study', 60, FULL_STUDY, await runStudy([], FULL_STUDY));
