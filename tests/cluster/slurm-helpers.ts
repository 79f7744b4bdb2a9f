/**
 * Helpers for the cluster tests: a job plan for the tiny experiment, running a generated script
 * with bash, a fake sbatch, and access to a real Slurm cluster (found, or started with
 * ../shared/slurm/up.sh when this is root and the packages are installed).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tiny from '../experiments/fixtures/tiny.ts';
import { root, TINY, type CliResult } from '../experiments/cli-helpers.ts';
import { planJob, type JobPlan } from '../../src/cluster/job-plan.ts';
import { findOnPath } from '../../src/cluster/sbatch.ts';
import { parseSlurmOptions, type RawSlurmOptions } from '../../src/cluster/slurm-options.ts';

/** A plan for the tiny experiment (6 replications) with these options, results under `out`. */
export function tinyPlan(out: string, raw: RawSlurmOptions = {}): JobPlan {
  const options = parseSlurmOptions({ shards: '4', out, runId: 'job', ...raw });
  return planJob(tiny, TINY, options, { workDir: root, cli: path.join(root, 'bin', 'corridor-sim.mjs'), nodeDir: path.dirname(process.execPath) });
}

/** Run `bash <args>` in `cwd` with extra environment variables. */
export function bash(args: readonly string[], env: Readonly<Record<string, string>> = {}, cwd = root): Promise<CliResult> {
  const child = spawn('bash', args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/**
 * A fake `sbatch` in `dir`: appends its arguments (one line per call) to `dir/calls.txt` and
 * prints job ids 41;cluster, 42, ... (the `;cluster` suffix as on multi-cluster sites), or with
 * `fail`, fails as a controller that refuses the job does.
 */
export function fakeSbatch(dir: string, fail = false): string {
  const file = path.join(dir, 'sbatch');
  const body = fail
    ? 'echo "sbatch: error: Batch job submission failed: Invalid partition name specified" >&2\nexit 1\n'
    : `n=$(wc -l < "${dir}/calls.txt" 2>/dev/null || echo 0)\necho "$*" >> "${dir}/calls.txt"\nif [ "$n" = 0 ]; then echo "41;cluster"; else echo $((41 + n)); fi\n`;
  writeFileSync(file, `#!/bin/bash\n${body}`, { mode: 0o755 });
  return file;
}

/** The lines the fake sbatch in `dir` was called with. */
export function sbatchCalls(dir: string): string[] {
  const file = path.join(dir, 'calls.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
}

const UP_SCRIPT = path.resolve(root, '..', 'shared', 'slurm', 'up.sh');
const DOWN_SCRIPT = path.resolve(root, '..', 'shared', 'slurm', 'down.sh');

function controllerUp(): boolean {
  try {
    return execFileSync('scontrol', ['ping'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] }).includes('UP');
  } catch {
    return false;
  }
}

/** Whether a Slurm cluster answers; if not, why (for the skip message). `startedHere`: stop it afterwards. */
export interface SlurmStatus {
  readonly up: boolean;
  readonly reason: string;
  readonly startedHere: boolean;
}

/**
 * Find a running cluster. Locally, as root with the packages installed, start one with up.sh
 * (never installing packages: SLURM_SKIP_APT=1); in CI .ci/run has already started it.
 */
export function slurmStatus(): SlurmStatus {
  const tools = ['sbatch', 'squeue', 'scontrol'].filter((t) => findOnPath(t) === null);
  if (tools.length === 0 && controllerUp()) return { up: true, reason: '', startedHere: false };
  const canStart = process.getuid?.() === 0 && existsSync(UP_SCRIPT) && existsSync('/usr/sbin/slurmctld') && tools.length === 0;
  if (canStart) {
    try {
      execFileSync('bash', [UP_SCRIPT], { env: { ...process.env, SLURM_SKIP_APT: '1' }, stdio: 'ignore', timeout: 120_000 });
      if (controllerUp()) return { up: true, reason: '', startedHere: true };
    } catch {
      // reported below
    }
  }
  const why = tools.length > 0 ? `${tools.join(', ')} not on PATH` : 'scontrol ping does not report the controller UP';
  return { up: false, reason: `no Slurm cluster (${why}); start one with: bash ../shared/slurm/up.sh (as root), or run .ci/run`, startedHere: false };
}

/** Stop a cluster that slurmStatus started. */
export function stopSlurm(status: SlurmStatus): void {
  if (status.startedHere) execFileSync('bash', [DOWN_SCRIPT], { stdio: 'ignore', timeout: 120_000 });
}

/** Wait until Slurm no longer lists these jobs (sbatch --wait returns tens of seconds late). */
export async function waitForJobs(ids: readonly string[], timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    let queued: string;
    try {
      queued = execFileSync('squeue', ['-h', '-j', ids.join(',')], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (error) {
      // Jobs finished long enough ago are forgotten: squeue then calls the ids invalid.
      if (String((error as { stderr?: unknown }).stderr).includes('Invalid job id')) return;
      throw error;
    }
    if (queued === '') return;
    if (Date.now() > end) throw new Error(`jobs ${ids.join(',')} still queued after ${timeoutMs / 1000} s:\n${queued}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
