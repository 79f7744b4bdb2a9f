/**
 * What a study is to the command line: a named script that solves route-choice equilibria before
 * its final runs, so it cannot be a plain experiment file for `corridor-sim run`. Each study is a
 * `StudyDefinition` in the registry (registry.ts), run by `corridor-sim study <name>` and by its
 * thin wrapper `experiments/<name>.ts`; its run folder's manifest records the study's name and
 * options (`StudyRecord`), so `corridor-sim reproduce` re-runs it, equilibrium included.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../build/bundle.ts';
import type { ExperimentRun } from '../experiments/run-experiment.ts';
import type { StudyRecord } from '../experiments/outputs.ts';
import type { Seed } from '../random/index.ts';

/** The options of a study run that decide its numbers (all optional: each study has defaults). */
export interface StudyOptions {
  /** The short version (fewer replications, the equilibrium on fewer seeds). */
  readonly quick?: boolean;
  /** Replications per scenario of the final runs. */
  readonly replications?: number;
  /** Replications behind each equilibrium evaluation. */
  readonly equilibriumReplications?: number;
  /** Master seed of the final runs (the equilibria derive theirs from it). */
  readonly seed?: Seed;
  /**
   * Test-only: a tiny configuration (two scenarios, a month, two equilibrium iterations) so the
   * test suite can run a study end to end, and reproduce it, in seconds. Its numbers mean nothing.
   */
  readonly testConfig?: boolean;
}

/** Where and how a study runs (none of it changes the numbers). */
export interface StudyContext {
  /** Results root: `<out>/<study>/<run id>/`; without it nothing is written. */
  readonly out?: string;
  readonly runId?: string;
  readonly workers?: number;
  /** The runner's progress bar for the final runs. */
  readonly progress?: boolean;
  /** Recorded in the manifest. */
  readonly commandLine: readonly string[];
  /** Progress lines (equilibrium evaluations, stages). */
  readonly log: (line: string) => void;
  /** The path to read for an input file as the study names it (reproduce: the run folder's copy). */
  readonly resolve: (file: string) => string;
  /** Write the HTML report into the run folder after the run (the flagship does; reproduce does not). */
  readonly writeReport?: boolean;
}

/** What a study run produced. */
export interface StudyOutcome {
  /** The final runs (run folder, manifest, records). */
  readonly run: ExperimentRun;
  /** The answer, for stdout (key table, differences). */
  readonly answer: readonly string[];
  /** Where the files are, timings, warnings (informational: left out by --quiet). */
  readonly notes: readonly string[];
}

/** A study of the registry. */
export interface StudyDefinition {
  /** `corridor-sim study <name>`. */
  readonly name: string;
  /** One sentence for `corridor-sim list`. */
  readonly title: string;
  /** Its wrapper script, e.g. experiments/tariff-shift.ts. */
  readonly script: string;
  /** Run it. @throws ExperimentError / ModelErrors / TradeInputError on bad input, Error when replications fail */
  run(options: StudyOptions, context: StudyContext): Promise<StudyOutcome>;
}

/** The manifest record of a study run: its name and the options that decide the numbers. */
export function studyRecord(name: string, options: StudyOptions): StudyRecord {
  const recorded: Record<string, string | number | boolean> = {};
  if (options.quick === true) recorded.quick = true;
  if (options.replications !== undefined) recorded.replications = options.replications;
  if (options.equilibriumReplications !== undefined) recorded.equilibriumReplications = options.equilibriumReplications;
  if (options.seed !== undefined) recorded.seed = options.seed;
  if (options.testConfig === true) recorded.testConfig = true;
  return { name, options: recorded };
}

/** The options back from a manifest's record (unknown or mistyped fields are dropped). */
export function studyOptionsOf(record: StudyRecord): StudyOptions {
  const o = record.options;
  const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : undefined);
  const replications = count(o.replications);
  const equilibriumReplications = count(o.equilibriumReplications);
  return {
    ...(o.quick === true ? { quick: true } : {}),
    ...(replications !== undefined ? { replications } : {}),
    ...(equilibriumReplications !== undefined ? { equilibriumReplications } : {}),
    ...(typeof o.seed === 'number' || typeof o.seed === 'string' ? { seed: o.seed } : {}),
    ...(o.testConfig === true ? { testConfig: true } : {}),
  };
}

/**
 * The default input resolver: a shipped input file (`models/...`) as named relative to the
 * current folder if it is there, else in the project folder, so `corridor-sim study` works from
 * any folder.
 */
export function shippedInput(file: string): string {
  if (path.isAbsolute(file) || existsSync(file)) return file;
  const shipped = path.join(projectRoot, file);
  return existsSync(shipped) ? path.relative(process.cwd(), shipped) || shipped : file;
}
