/**
 * `corridor-sim reproduce <run dir>`: run the experiment again as the manifest records it, on the
 * run folder's copies of its models (run-inputs.ts; an older run without copies: from its
 * experiment file), or re-run a study with its recorded options (its equilibrium included), with
 * the manifest's seed and replication count, and report file by file whether the outputs are
 * byte-identical (SHA-256 against the manifest, and bytes against the files next to it, where
 * the first differing line is shown). Only the CSV files are compared: the manifest holds times.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkOutputFolder } from '../output/output-paths.ts';
import { ExperimentError } from './experiment-error.ts';
import { brand, stripBrand, type Experiment } from './define-experiment.ts';
import { describeDifferences, fingerprint, sha256 } from './fingerprint.ts';
import { loadExperimentFile } from './load-experiment-file.ts';
import type { Manifest, StudyRecord } from './outputs.ts';
import { checkMaxReplications, checkReplicationLimit } from './replication-limit.ts';
import { RUN_FILES } from './run-dir.ts';
import { runExperiment, type ExperimentRun } from './run-experiment.ts';
import { inputResolver, withResolvedInputs } from './run-inputs.ts';

/** What to reproduce and how. */
export interface ReproduceOptions {
  /** The run folder, or its manifest.json. */
  readonly manifestFile: string;
  readonly workers?: number;
  /** Keep the new run under this results root (default: a temporary folder, deleted). */
  readonly out?: string;
  readonly progress?: boolean;
  readonly commandLine?: readonly string[];
  /** Abort to stop the new run (its verdicts then say so); the temporary folder is still deleted. */
  readonly signal?: AbortSignal;
  /** The most replications the new run may hold (default DEFAULT_MAX_REPLICATIONS). */
  readonly maxReplications?: number;
  /** How to re-run a study's manifest (the CLI passes the study registry's). */
  readonly rerunStudy?: StudyRerun;
}

/** The verdict on one output file. */
export interface FileVerdict {
  readonly file: string;
  readonly identical: boolean;
  /** In words: `identical (sha256 ab12…)` or where it differs. */
  readonly detail: string;
}

/** The outcome of a reproduction. */
export interface ReproduceResult {
  readonly verdicts: readonly FileVerdict[];
  /** Changes found before comparing (experiment or models changed, failed replications). */
  readonly notes: readonly string[];
  readonly identical: boolean;
  /** Where the new outputs are, or null if they were deleted. */
  readonly runDir: string | null;
}

/** The manifest of a run folder, or the manifest file itself. */
export function manifestPath(target: string): string {
  return existsSync(target) && statSync(target).isDirectory() ? path.join(target, RUN_FILES.manifest) : target;
}

/** Read a manifest. @throws ExperimentError */
export function readManifest(file: string): Manifest {
  if (!existsSync(file)) throw new ExperimentError(`reproduce: ${file} not found`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new ExperimentError(`reproduce: ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (manifest.format !== 'corridor-sim-manifest/1') throw new ExperimentError(`reproduce: ${file} is not a corridor-sim manifest (format corridor-sim-manifest/1)`);
  if (manifest.kind === 'shard') throw new ExperimentError(`reproduce: ${file} is the manifest of a shard, which has no output files; merge the shards and reproduce the merged run`);
  // A study re-runs from the registry, a self-contained run from its own copies; older runs need their experiment file.
  if (manifest.study === undefined && manifest.inputs === undefined && manifest.experimentFile === null) {
    throw new ExperimentError(`reproduce: ${file} records no experiment file (a programmatic run); nothing to re-run`);
  }
  return manifest;
}

/**
 * Re-runs a study from its manifest record (supplied by the CLI, which owns the study registry:
 * src/experiments must not depend on src/studies). `resolve` maps each input path the study
 * used to the run folder's copy; the final runs go under `out`.
 */
export type StudyRerun = (record: StudyRecord, context: { readonly out: string; readonly resolve: (file: string) => string; readonly workers?: number; readonly progress?: boolean; readonly signal?: AbortSignal; readonly commandLine: readonly string[] }) => Promise<ExperimentRun>;

/**
 * The experiment recorded in a manifest, with its model and overlay paths pointing at the run
 * folder's copies: what ran, whatever the experiment file says now or wherever it is.
 */
function recordedExperiment(manifest: Manifest, resolve: (file: string) => string): Experiment {
  return brand(withResolvedInputs(stripBrand(manifest.experiment), resolve));
}

/** Re-run the manifest's experiment (or study) and compare outputs. */
export async function reproduceRun(options: ReproduceOptions): Promise<ReproduceResult> {
  // First: a bad --out must not wait for the experiment file to load.
  if (options.out !== undefined) checkOutputFolder(options.out, 'option --out');
  const manifestFile = manifestPath(options.manifestFile);
  const manifest = readManifest(manifestFile);
  const maxReplications = checkMaxReplications(options.maxReplications);
  // The manifest's count, named as such (a hand-edited manifest may ask for 1e9).
  const scenarios = Array.isArray(manifest.experiment.scenarios) ? manifest.experiment.scenarios.length : 0;
  checkReplicationLimit(scenarios, manifest.experiment.replications, maxReplications, `reproduce: ${manifestFile}`);
  const originalDir = path.dirname(manifestFile);
  const resolve = inputResolver(originalDir, manifest.inputs);
  if (manifest.study !== undefined && options.rerunStudy === undefined) throw new ExperimentError(`reproduce: ${manifestFile} is a study's run (${manifest.study.name}); reproduce it with corridor-sim reproduce`);
  const experiment = manifest.study !== undefined ? null : manifest.inputs !== undefined ? recordedExperiment(manifest, resolve) : await loadExperimentFile(manifest.experimentFile ?? '');
  const temporary = options.out === undefined ? mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-reproduce-')) : null;
  const out = options.out ?? (temporary as string);
  try {
    const common = {
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.progress !== undefined ? { progress: options.progress } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    };
    const run = experiment === null
      ? await (options.rerunStudy as StudyRerun)(manifest.study as StudyRecord, { out, resolve, commandLine: options.commandLine ?? [], ...common })
      : await runExperiment(experiment, {
        replications: manifest.experiment.replications,
        seed: manifest.experiment.seed,
        out,
        experimentFile: manifest.experimentFile ?? '',
        commandLine: options.commandLine ?? [],
        maxReplications,
        ...common,
      });
    const notes: string[] = [];
    // The new run's identity with the copies' paths mapped back to the paths the run used.
    const back = new Map<string, string>();
    for (const input of manifest.inputs ?? []) back.set(path.resolve(resolve(input.path)), input.path);
    const original = (file: string): string => back.get(path.resolve(file)) ?? file;
    const asRun = { experiment: withResolvedInputs(run.experiment, original), models: run.models.map((m) => ({ path: original(m.path), sha256: m.sha256 })) };
    if (fingerprint(asRun.experiment, asRun.models) !== manifest.fingerprint) {
      const changes = describeDifferences(manifest, asRun);
      notes.push(`the experiment or its models changed since the run: ${changes.join('; ') || 'the definition differs'}`);
    }
    if (run.status !== 'complete') notes.push(`the new run is ${run.status}: ${run.failures.length} replications failed`);
    const verdicts = manifest.outputs.map((output): FileVerdict => {
      const fresh = run.runDir !== null && existsSync(path.join(run.runDir, output.file)) ? readFileSync(path.join(run.runDir, output.file)) : null;
      if (fresh === null) return { file: output.file, identical: false, detail: 'not produced by the new run' };
      const digest = sha256(fresh);
      const originalFile = path.join(originalDir, output.file);
      const before = existsSync(originalFile) ? readFileSync(originalFile) : null;
      if (digest === output.sha256) {
        const note = before !== null && sha256(before) !== output.sha256 ? ` (the file beside the manifest was changed after the run)` : '';
        return { file: output.file, identical: true, detail: `identical (sha256 ${digest.slice(0, 16)}…)${note}` };
      }
      const where = before !== null ? firstDifference(before, fresh) : 'the original file is gone; only its digest is known';
      return { file: output.file, identical: false, detail: `DIFFERS: sha256 ${digest.slice(0, 16)}… vs ${output.sha256.slice(0, 16)}… in the manifest; ${where}` };
    });
    const identical = notes.length === 0 && verdicts.every((v) => v.identical);
    return { verdicts, notes, identical, runDir: temporary === null ? run.runDir : null };
  } finally {
    if (temporary !== null) rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * `first difference at line 17: "a,0,1,x,2" (run) vs "a,0,1,x,3" (now)`: lines are split at
 * CRLF, as the CSV files end them. Compared as bytes, line by line, and only the two differing
 * lines decoded: the files may be too large to decode whole (a string holds at most about 512 MB).
 */
export function firstDifference(before: Buffer, after: Buffer): string {
  const a = crlfLines(before);
  const b = crlfLines(after);
  for (let line = 1; ; line++) {
    const x = a.next();
    const y = b.next();
    if (x.done === true && y.done === true) return 'same text, different bytes';
    if (x.done === true || y.done === true || !x.value.equals(y.value)) {
      const show = (bytes: Buffer | undefined): string => {
        if (bytes === undefined) return 'end of file';
        const text = bytes.toString('utf8');
        return JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text);
      };
      return `first difference at line ${line}: ${show(x.done === true ? undefined : x.value)} (run) vs ${show(y.done === true ? undefined : y.value)} (now)`;
    }
  }
}

/** The parts of `bytes` between CRLFs, as `split('\r\n')` gives them (the last may be empty). */
function* crlfLines(bytes: Buffer): Generator<Buffer> {
  let start = 0;
  for (;;) {
    const end = bytes.indexOf('\r\n', start);
    if (end < 0) {
      yield bytes.subarray(start);
      return;
    }
    yield bytes.subarray(start, end);
    start = end + 2;
  }
}
