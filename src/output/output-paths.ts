/**
 * Checking where output goes before anything runs. A results folder under a file, a read-only
 * folder, a trace path that is a folder or whose folder does not exist would otherwise surface
 * as a stack trace after minutes of simulation (or not at all: a stream error that nobody
 * awaits). Each check throws one `OutputPathError` naming the option, the path and the problem:
 * an ExperimentError, so every caller that treats bad input as exit code 2 does so here too.
 *
 * `pathInside` is the one way to build a path under an output root: it refuses names (an
 * experiment name read from a run.json, a run id) that would lead out of the root.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ExperimentError } from '../experiments/experiment-error.ts';

/** An output path that cannot be written: bad input (exit code 2), reported in one line. */
export class OutputPathError extends ExperimentError {
  override readonly name = 'OutputPathError';
}

/** `stat`, or null if nothing is there (or a component of the path is a file: ENOTDIR). */
function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function writable(dir: string): boolean {
  try {
    // X as well as W: creating an entry needs both. (root passes on any folder but a read-only mount.)
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest existing path at or above `p`, with its stats. */
function nearestExisting(p: string): { at: string; stats: Stats } {
  let at = path.resolve(p);
  for (;;) {
    const stats = statOrNull(at);
    if (stats !== null) return { at, stats };
    const up = path.dirname(at);
    // The file-system root always exists; this guards against a loop all the same.
    if (up === at) throw new OutputPathError(`${p}: no existing folder above it`);
    at = up;
  }
}

/** Shown paths: relative to the current folder when inside it, as the user most likely typed them. */
function shown(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
}

/**
 * Check that `dir` is a folder that exists or can be created (with its parents) and written.
 * @param what the option or role, e.g. `option --out`.
 * @throws OutputPathError
 */
export function checkOutputFolder(dir: string, what: string): void {
  const fail = (problem: string): never => {
    throw new OutputPathError(`${what}: ${dir}: ${problem}`);
  };
  const { at, stats } = nearestExisting(dir);
  if (!stats.isDirectory()) fail(at === path.resolve(dir) ? 'exists and is not a folder' : `${shown(at)} is a file, not a folder`);
  if (!writable(at)) fail(at === path.resolve(dir) ? 'folder is not writable' : `folder ${shown(at)} is not writable`);
}

/**
 * Check that `file` can be created or overwritten: not a folder, and in a writable folder. The
 * folder must exist unless `folderMayBeCreated` (the caller creates it, as a report's --out).
 * @throws OutputPathError
 */
export function checkOutputFile(file: string, what: string, folderMayBeCreated = false): void {
  const fail = (problem: string): never => {
    throw new OutputPathError(`${what}: ${file}: ${problem}`);
  };
  const stats = statOrNull(file);
  if (stats !== null) {
    if (stats.isDirectory()) fail('is a folder, expected a file name');
    if (!writable(path.dirname(path.resolve(file)))) fail(`folder ${shown(path.dirname(path.resolve(file)))} is not writable`);
    try {
      accessSync(file, constants.W_OK);
    } catch {
      fail('file is not writable');
    }
    return;
  }
  const folder = path.dirname(path.resolve(file));
  if (folderMayBeCreated) {
    checkOutputFolder(folder, `${what}: ${file}: folder`);
    return;
  }
  const { at, stats: above } = nearestExisting(folder);
  if (!above.isDirectory()) fail(`${shown(at)} is a file, not a folder`);
  if (at !== folder) fail(`folder ${shown(folder)} does not exist`);
  if (!writable(folder)) fail(`folder ${shown(folder)} is not writable`);
}

/**
 * `root` joined with `parts`, checked to lie strictly inside `root`: a part such as `..` or an
 * absolute path (from a hand-edited run.json, say) would otherwise write elsewhere.
 * @param what the option or file the parts come from, for the message.
 * @throws OutputPathError
 */
export function pathInside(root: string, parts: readonly string[], what: string): string {
  const joined = path.join(root, ...parts);
  const relative = path.relative(path.resolve(root), path.resolve(joined));
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (outside || parts.some((p) => p === '' || path.isAbsolute(p))) {
    throw new OutputPathError(`${what}: ${parts.map((p) => JSON.stringify(p)).join(' / ')} would write to ${joined}, outside the output folder ${root}`);
  }
  return joined;
}
