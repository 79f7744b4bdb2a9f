/**
 * A run folder, results/<experiment>/<run id>/: run.json (written first: what is being run and
 * its fingerprint), journal.ndjson (finished replications), and when complete the CSV files and
 * manifest.json. This module names, creates and reads run folders.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { checkOutputFolder, pathInside } from '../output/output-paths.ts';
import { brand, type Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';
import { EXPERIMENT_NAME_PATTERN } from './experiment-schema.ts';
import type { ModelHash } from './fingerprint.ts';
import type { StudyRecord } from './outputs.ts';
import type { InputCopy } from './run-inputs.ts';
import type { PrecisionOutcome } from './output-analysis/precision-run.ts';
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
  /** The input files copied into the folder (run-inputs.ts); absent in older run folders. */
  readonly inputs?: readonly InputCopy[];
  /** For a study's run: its name and options. */
  readonly study?: StudyRecord;
  /** With a precision target, once the run completed: replications reached and final half-widths (output-analysis/precision-run.ts). */
  readonly precision?: PrecisionOutcome;
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
 * default (timestamp) id gets `-2`, `-3`, ... if a run started in the same second. The root must
 * be a folder that can be created and written, and the run folder must lie inside it.
 * Checks only; nothing is created. @throws ExperimentError (OutputPathError for the paths)
 */
export function newRunDir(root: string, experiment: string, runId: string | undefined, fallbackId: string): string {
  if (runId !== undefined && !RUN_ID_PATTERN.test(runId)) throw new ExperimentError(`option --run-id: got "${runId}", expected letters, digits and . _ - (first a letter or digit)`);
  const inside = (id: string): string => pathInside(root, [experiment, id], 'option --out');
  const first = inside(runId ?? fallbackId);
  // The deepest folder that exists decides: the experiment folder may be a file, or read-only.
  checkOutputFolder(path.dirname(first), 'option --out');
  if (runId !== undefined) {
    if (existsSync(first)) throw new ExperimentError(`option --run-id: ${first} already exists; continue it with --resume ${first}, or choose another id`);
    return first;
  }
  let dir = first;
  for (let n = 2; existsSync(dir); n++) dir = inside(`${fallbackId}-${n}`);
  return dir;
}

/**
 * Create a new run folder and write its run.json (or, with `info` null, only the folder: the
 * caller copies the inputs and writes run.json after). Fails if the folder appeared meanwhile.
 */
export function createRunDir(dir: string, info: RunInfo | null): void {
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir);
  if (info !== null) writeFileAtomic(path.join(dir, RUN_FILES.run), `${JSON.stringify(info, null, 2)}\n`);
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
  const shapeOk = typeof info.experiment === 'object' && info.experiment !== null && Array.isArray(info.experiment.scenarios) && Number.isSafeInteger(info.experiment.replications);
  if (info.format !== 'corridor-sim-run/1' || typeof info.fingerprint !== 'string' || !shapeOk) {
    throw new ExperimentError(`${option}: ${file} is not a corridor-sim run.json (format corridor-sim-run/1)`);
  }
  // The name becomes a folder name (merge writes <out>/<name>/); a hand-edited one must not lead elsewhere.
  const name: unknown = info.experiment.name;
  if (typeof name !== 'string' || !EXPERIMENT_NAME_PATTERN.test(name)) {
    throw new ExperimentError(`${option}: ${file}: experiment.name: got ${JSON.stringify(name)}, expected letters, digits and . _ - (first a letter or digit)`);
  }
  return { ...info, experiment: brand(info.experiment) };
}
