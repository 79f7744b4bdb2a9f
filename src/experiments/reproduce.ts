/**
 * `corridor-sim reproduce <run>/manifest.json`: run the experiment again from its file, with the
 * manifest's seed and replication count, and report file by file whether the outputs are
 * byte-identical (SHA-256 against the manifest, and bytes against the files next to it, where
 * the first differing line is shown). Only the CSV files are compared: the manifest holds times.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkOutputFolder } from '../output/output-paths.ts';
import { ExperimentError } from './experiment-error.ts';
import { describeDifferences, sha256 } from './fingerprint.ts';
import { loadExperimentFile } from './load-experiment-file.ts';
import type { Manifest } from './outputs.ts';
import { checkMaxReplications, checkReplicationLimit } from './replication-limit.ts';
import { runExperiment } from './run-experiment.ts';

/** What to reproduce and how. */
export interface ReproduceOptions {
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
  if (manifest.experimentFile === null) throw new ExperimentError(`reproduce: ${file} records no experiment file (a programmatic run); nothing to re-run`);
  return manifest;
}

/** Re-run the manifest's experiment and compare outputs. */
export async function reproduceRun(options: ReproduceOptions): Promise<ReproduceResult> {
  // First: a bad --out must not wait for the experiment file to load.
  if (options.out !== undefined) checkOutputFolder(options.out, 'option --out');
  const manifest = readManifest(options.manifestFile);
  const maxReplications = checkMaxReplications(options.maxReplications);
  // The manifest's count, named as such (a hand-edited manifest may ask for 1e9).
  const scenarios = Array.isArray(manifest.experiment.scenarios) ? manifest.experiment.scenarios.length : 0;
  checkReplicationLimit(scenarios, manifest.experiment.replications, maxReplications, `reproduce: ${options.manifestFile}`);
  const experiment = await loadExperimentFile(manifest.experimentFile ?? '');
  const temporary = options.out === undefined ? mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-reproduce-')) : null;
  try {
    const run = await runExperiment(experiment, {
      replications: manifest.experiment.replications,
      seed: manifest.experiment.seed,
      out: options.out ?? (temporary as string),
      experimentFile: manifest.experimentFile ?? '',
      commandLine: options.commandLine ?? [],
      maxReplications,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.progress !== undefined ? { progress: options.progress } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
    const notes: string[] = [];
    if (run.fingerprint !== manifest.fingerprint) {
      const changes = describeDifferences(manifest, { experiment: run.experiment, models: run.models });
      notes.push(`the experiment or its models changed since the run: ${changes.join('; ') || 'the definition differs'}`);
    }
    if (run.status !== 'complete') notes.push(`the new run is ${run.status}: ${run.failures.length} replications failed`);
    const originalDir = path.dirname(options.manifestFile);
    const verdicts = manifest.outputs.map((output): FileVerdict => {
      const fresh = run.runDir !== null && existsSync(path.join(run.runDir, output.file)) ? readFileSync(path.join(run.runDir, output.file)) : null;
      if (fresh === null) return { file: output.file, identical: false, detail: 'not produced by the new run' };
      const digest = sha256(fresh);
      const originalFile = path.join(originalDir, output.file);
      const original = existsSync(originalFile) ? readFileSync(originalFile) : null;
      if (digest === output.sha256) {
        const note = original !== null && sha256(original) !== output.sha256 ? ` (the file beside the manifest was changed after the run)` : '';
        return { file: output.file, identical: true, detail: `identical (sha256 ${digest.slice(0, 16)}…)${note}` };
      }
      const where = original !== null ? firstDifference(original.toString('utf8'), fresh.toString('utf8')) : 'the original file is gone; only its digest is known';
      return { file: output.file, identical: false, detail: `DIFFERS: sha256 ${digest.slice(0, 16)}… vs ${output.sha256.slice(0, 16)}… in the manifest; ${where}` };
    });
    const identical = notes.length === 0 && verdicts.every((v) => v.identical);
    return { verdicts, notes, identical, runDir: temporary === null ? run.runDir : null };
  } finally {
    if (temporary !== null) rmSync(temporary, { recursive: true, force: true });
  }
}

/** `first difference at line 17: "a,0,1,x,2" (run) vs "a,0,1,x,3" (now)`. */
export function firstDifference(before: string, after: string): string {
  const a = before.split('\r\n');
  const b = after.split('\r\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (line: string | undefined): string => (line === undefined ? 'end of file' : JSON.stringify(line.length > 120 ? `${line.slice(0, 117)}...` : line));
      return `first difference at line ${i + 1}: ${show(a[i])} (run) vs ${show(b[i])} (now)`;
    }
  }
  return 'same text, different bytes';
}
