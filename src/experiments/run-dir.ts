/**
 * A run folder, results/<experiment>/<run id>/: run.json (written first: what is being run and
 * its fingerprint), journal.ndjson (finished replications), and when complete the CSV files and
 * manifest.json. This module names, creates and reads run folders.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { brand, type Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';
import type { ModelHash } from './fingerprint.ts';
import type { Shard } from './shard.ts';

/** File names inside a run folder. */
export const RUN_FILES = {
  run: 'run.json',
  journal: 'journal.ndjson',
  failures: 'failures.json',
  manifest: 'manifest.json',
} as const;

/** The contents of run.json. */
export interface RunInfo {
  readonly format: 'corridor-sim-run/1';
  readonly runId: string;
  /** The experiment file as given on the command line, or null for a programmatic run. */
  readonly experimentFile: string | null;
  /** The effective experiment (after --replications and --seed). */
  readonly experiment: Experiment;
  readonly models: readonly ModelHash[];
  readonly fingerprint: string;
  /** This folder's shard, or null for a whole run. The shard count is stored for merges and job arrays. */
  readonly shard: Shard | null;
  /** ISO time the run folder was created (informational). */
  readonly createdAt: string;
}

/** Run ids: a file-name-safe word. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** `20261122T134500Z` (UTC, to the second), plus `-shard2of3` for a shard. */
export function timestampRunId(now: Date, shard: Shard | null): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return shard === null ? stamp : `${stamp}-shard${shard.index}of${shard.count}`;
}

/**
 * The folder for a new run: `<root>/<experiment>/<runId>`. An explicit run id must be new; a
 * default (timestamp) id gets `-2`, `-3`, ... if a run started in the same second.
 * Checks only; nothing is created. @throws ExperimentError
 */
export function newRunDir(root: string, experiment: string, runId: string | undefined, fallbackId: string): string {
  if (existsSync(root) && !statSync(root).isDirectory()) throw new ExperimentError(`option --out: ${root} exists and is not a folder`);
  if (runId !== undefined) {
    if (!RUN_ID_PATTERN.test(runId)) throw new ExperimentError(`option --run-id: got "${runId}", expected letters, digits and . _ - (first a letter or digit)`);
    const dir = path.join(root, experiment, runId);
    if (existsSync(dir)) throw new ExperimentError(`option --run-id: ${dir} already exists; continue it with --resume ${dir}, or choose another id`);
    return dir;
  }
  let dir = path.join(root, experiment, fallbackId);
  for (let n = 2; existsSync(dir); n++) dir = path.join(root, experiment, `${fallbackId}-${n}`);
  return dir;
}

/** Create a new run folder and write its run.json. Fails if the folder appeared meanwhile. */
export function createRunDir(dir: string, info: RunInfo): void {
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir);
  writeFileAtomic(path.join(dir, RUN_FILES.run), `${JSON.stringify(info, null, 2)}\n`);
}

/** Write run.json into an existing folder (a merge's output). */
export function writeRunInfo(dir: string, info: RunInfo): void {
  writeFileAtomic(path.join(dir, RUN_FILES.run), `${JSON.stringify(info, null, 2)}\n`);
}

/** Read a run folder's run.json. @throws ExperimentError if it is not a run folder. */
export function readRunInfo(dir: string, option = '--resume'): RunInfo {
  const file = path.join(dir, RUN_FILES.run);
  if (!existsSync(file)) throw new ExperimentError(`${option}: ${dir} is not a run folder (no ${RUN_FILES.run})`);
  let info: RunInfo;
  try {
    info = JSON.parse(readFileSync(file, 'utf8')) as RunInfo;
  } catch (error) {
    throw new ExperimentError(`${option}: ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (info.format !== 'corridor-sim-run/1' || typeof info.fingerprint !== 'string' || typeof info.experiment !== 'object') {
    throw new ExperimentError(`${option}: ${file} is not a corridor-sim run.json (format corridor-sim-run/1)`);
  }
  return { ...info, experiment: brand(info.experiment) };
}
