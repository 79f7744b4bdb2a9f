/**
 * Errors of model and overlay files: each names the file (and line, when known), the dotted path
 * of the bad value, the value and what was expected in plain words, so a model author can fix a
 * file without reading the loader. Loading collects every error it can find and throws them
 * together as `ModelErrors` (one per line), which is friendlier than fixing one error per run.
 * (json-schema.ts translates zod's validation issues into the same form.)
 */
import { describeValue } from '../distributions/errors.ts';

/** The process exit code for a model that does not load (bad input); the CLI uses it. */
export const EXIT_BAD_INPUT = 2;

/** One step of a path into a model file: an object key or an array index. */
export type PathSegment = string | number;

/** Where a value sits in the files: the file as named to the user, and 1-based line/column if known. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** Maps a path in the (merged) model to the file, and line, that the value came from. */
export type Locator = (path: readonly PathSegment[]) => SourceLocation;

/** Render a path as `legs.caspian.fleet.vessels` or `demand[0].route`; `[]` renders as ''. */
export function renderPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** Parse `a.b[0].c` (as `renderPath` writes it) into segments; `a.0` keeps `'0'` a string key. */
export function parsePath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) {
      segments.push(part);
      continue;
    }
    if (match[1] !== '' && match[1] !== undefined) segments.push(match[1]);
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) segments.push(Number(index));
  }
  return segments;
}

/** The value at `path` inside `root`, or undefined if any step is missing. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** What a `ModelError` is built from. `got` overrides the rendering of `value` (e.g. `unknown key "x"`). */
export interface ModelErrorInit {
  readonly location: SourceLocation;
  readonly path: readonly PathSegment[];
  readonly value: unknown;
  readonly expected: string;
  readonly got?: string;
}

/** One bad value: `<file>[:line:column]: <path>: got <value>, expected <expected>`. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  /** The file the bad value is in, as named to the user (the overlay file for overlaid values). */
  readonly file: string;
  /** 1-based line and column of the value (or of its nearest enclosing entry), when known. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Dotted path of the bad value, e.g. `legs.caspian.fleet.vessels`; '' for the whole file. */
  readonly path: string;
  /** The bad value itself (undefined for a missing field). */
  readonly value: unknown;
  /** How the value is shown in the message: `-1`, `"vesels"`, `nothing`, `unknown key "x"`. */
  readonly got: string;
  /** What was expected, in words. */
  readonly expected: string;

  constructor(init: ModelErrorInit) {
    const { file, line, column } = init.location;
    const path = renderPath(init.path);
    const got = init.got ?? describeValue(init.value);
    const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
    super(`${where}: ${path === '' ? '' : `${path}: `}got ${got}, expected ${init.expected}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
    this.value = init.value;
    this.got = got;
    this.expected = init.expected;
  }
}

/** Everything wrong with a model, one `ModelError` per line of the message (in file order of discovery). */
export class ModelErrors extends Error {
  override readonly name = 'ModelErrors';
  /** At least one error. */
  readonly errors: readonly ModelError[];

  constructor(errors: readonly ModelError[]) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    super(`model does not load (${count}):\n${errors.map((e) => e.message).join('\n')}`);
    this.errors = errors;
  }
}

/** Collects errors at model paths, locating each with a `Locator`; throws them all at the end. */
export class ErrorCollector {
  readonly errors: ModelError[] = [];

  constructor(private readonly locate: Locator) {}

  /**
   * Record a bad value. `at` is the path to locate in the files when it differs from the path
   * reported (an overlay's `set` entry reports the model path but sits under `set:`).
   */
  add(path: readonly PathSegment[], value: unknown, expected: string, got?: string, at?: readonly PathSegment[]): void {
    const location = this.locate(at ?? path);
    this.errors.push(new ModelError(got === undefined ? { location, path, value, expected } : { location, path, value, expected, got }));
  }

  /** Throw `ModelErrors` if anything was recorded. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new ModelErrors(this.errors);
  }
}

/** Optimal-string-alignment edit distance (a swap of two letters counts 1: `vesesl` ~ `vessel`). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The `limit` candidates nearest to `name` by edit distance, nearest first (ties in given order). */
export function nearest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return [...candidates]
    .map((candidate, order) => ({ candidate, order, distance: editDistance(name, candidate) }))
    .sort((x, y) => x.distance - y.distance || x.order - y.order)
    .slice(0, limit)
    .map((x) => x.candidate);
}

/** ` (did you mean "x"?)` when a candidate is close enough to be a likely typo of `name`, else ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const [best] = nearest(name, candidates, 1);
  if (best === undefined) return '';
  const close = editDistance(name, best) <= Math.max(2, Math.floor(name.length / 3));
  return close ? ` (did you mean "${best}"?)` : '';
}
