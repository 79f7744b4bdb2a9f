/**
 * Self-contained run folders: every model, overlay and other input file a run read (a study's
 * trade file) is copied into `<run dir>/inputs/`, keeping the files' layout relative to each
 * other (an overlay's `base: ../middle-corridor.yaml` must still find its model), and listed in
 * run.json and the manifest as `inputs`. `report` and `reproduce` read these copies, so they work
 * from any current folder and after the original files changed or moved.
 *
 * The experiment in run.json and the manifest keeps the paths as the run used them: they are part
 * of the fingerprint that resume, merge and reproduce compare, and they say where the files came
 * from. The `inputs` table maps each of them to its copy.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Experiment } from './define-experiment.ts';
import { ExperimentError } from './experiment-error.ts';
import { sha256 } from './fingerprint.ts';

/** The folder inside a run folder that holds the copies. */
export const INPUTS_FOLDER = 'inputs';

/** One input file of a run and its copy. */
export interface InputCopy {
  /** As the run used it: relative to the folder the run started from, `/` separators (or absolute). */
  readonly path: string;
  /** The copy, relative to the run folder, `/` separators, e.g. `inputs/models/middle-corridor.yaml`. */
  readonly copy: string;
  /** SHA-256 (hex) of the copied bytes. */
  readonly sha256: string;
}

/**
 * Where a file is copied to: `inputs/` plus its path, with `..` steps as `_up` and an absolute
 * path under `_abs/`, so every copy stays inside the run folder and relative paths between the
 * copies are those between the originals.
 */
export function copyPathOf(file: string): string {
  const posix = file.split(path.sep).join('/');
  const absolute = path.isAbsolute(file);
  const steps = posix.split('/').filter((s) => s !== '' && s !== '.').map((s) => (s === '..' ? '_up' : s.replace(/:/g, '_')));
  return [INPUTS_FOLDER, ...(absolute ? ['_abs'] : []), ...steps].join('/');
}

/** Every file the experiment's scenarios read, then `extra`, each once, in first-use order. */
export function inputFiles(experiment: Experiment, extra: readonly string[] = []): string[] {
  const files: string[] = [];
  for (const s of experiment.scenarios) for (const f of [s.model, ...s.overlays]) if (!files.includes(f)) files.push(f);
  for (const f of extra) if (!files.includes(f)) files.push(f);
  return files;
}

/** Copy `files` into `<runDir>/inputs/`; returns the table for run.json and the manifest. @throws ExperimentError */
export function copyInputs(runDir: string, files: readonly string[]): InputCopy[] {
  return files.map((file) => {
    const copy = copyPathOf(file);
    const target = path.join(runDir, ...copy.split('/'));
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    } catch (error) {
      throw new ExperimentError(`cannot copy input file ${file} into the run folder: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { path: file, copy, sha256: sha256(readFileSync(target)) };
  });
}

/** Copy another run folder's inputs (a merge takes its first shard's) into `runDir`. */
export function copyInputsFrom(fromDir: string, runDir: string, inputs: readonly InputCopy[]): InputCopy[] {
  for (const input of inputs) {
    const from = path.join(fromDir, ...input.copy.split('/'));
    if (!existsSync(from)) continue;
    const to = path.join(runDir, ...input.copy.split('/'));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return [...inputs];
}

/**
 * The copies of a run folder as paths to open from the current folder: original path -> copy.
 * Only copies that exist and are inside the folder count (a hand-edited table must not point
 * elsewhere); a missing one leaves the original path in use.
 */
export function inputResolver(runDir: string, inputs: readonly InputCopy[] | undefined): (file: string) => string {
  const map = new Map<string, string>();
  const root = path.resolve(runDir);
  for (const input of inputs ?? []) {
    if (typeof input?.path !== 'string' || typeof input.copy !== 'string') continue;
    const target = path.resolve(root, ...input.copy.split('/'));
    const inside = target.startsWith(`${root}${path.sep}`);
    if (inside && existsSync(target)) map.set(input.path, target);
  }
  return (file) => map.get(file) ?? file;
}

/** The experiment with every model and overlay path passed through `resolve`. */
export function withResolvedInputs(experiment: Experiment, resolve: (file: string) => string): Experiment {
  return {
    ...experiment,
    scenarios: experiment.scenarios.map((s) => ({ ...s, model: resolve(s.model), overlays: s.overlays.map(resolve) })),
  };
}
