/**
 * Bundle a TypeScript entry point into one ES module under `node_modules/.cache/corridor-sim/`,
 * for code that must run at full speed: worker threads and benchmarks.
 *
 * Why not run the TypeScript through tsx there too? tsx always compiles with esbuild's
 * `keepNames`, which wraps every function and class in a naming helper; on the engine's hot path
 * (a closure per process, an event object per wait) that costs about 40% of the run time. A
 * bundle without it is built in tens of milliseconds, and worker threads start from plain
 * JavaScript, which Node 20 cannot do from a `.ts` file.
 *
 * The bundle is named after a hash of its contents and written atomically, so concurrent runs
 * (parallel tests, shards on one machine) never load a half-written file; a stamp of the
 * sources' sizes and modification times lets later calls skip the build while nothing changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, version } from 'esbuild';
import { writeFileAtomic } from '../output/atomic-write.ts';

/** The project root (the folder with package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Class fields compile to assignments in the constructor, not to field definitions. On V8
 * (Node 20 to 24) defining fields made their initialisation 21% of a corridor year's run time:
 * every event, request and process initialises its fields. tsconfig.json keeps the defining
 * form for tsx and the tests: under tsx's `keepNames`, which renames every class, assignments
 * make `new` of a renamed subclass (a Process, a Request) about ten times slower, a V8 slow
 * path, so the fast form is only safe in bundles, which keep no names. Code must therefore
 * not depend on a field declared without an initializer existing before it is assigned.
 * Used instead of tsconfig.json, whose other options do not change the emitted code here.
 */
export const CLASS_FIELDS_AS_ASSIGNMENTS = { compilerOptions: { useDefineForClassFields: false } } as const;

/**
 * What every bundle of the project shares: one ES module for Node 20+, in memory (the caller
 * names and writes it), with its inputs listed for the rebuild stamp and an inline source map
 * so stack traces point at the TypeScript. No `keepNames`: that is the point (see above).
 */
export const BUNDLE_OPTIONS = {
  absWorkingDir: projectRoot,
  write: false,
  metafile: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  tsconfigRaw: CLASS_FIELDS_AS_ASSIGNMENTS,
} as const;

const outDir = path.join(projectRoot, 'node_modules', '.cache', 'corridor-sim');

/** The bundle and the state of the sources it was built from. */
interface Stamp {
  readonly esbuild: string;
  readonly bundle: string;
  /** Source path (relative to the project root) -> "size:mtimeMs". */
  readonly inputs: Readonly<Record<string, string>>;
}

const built = new Map<string, string>();

const sourceState = (file: string): string => {
  const s = statSync(path.join(projectRoot, file));
  return `${s.size}:${s.mtimeMs}`;
};

/**
 * Bundle `entry` (a path relative to the project root) and return the absolute path of the
 * `.mjs` file: built at most once per process, and only when a source changed. Dependencies in
 * node_modules stay external and are imported at run time.
 */
export function bundleEntry(entry: string): string {
  let bundle = built.get(entry);
  if (bundle === undefined) {
    const name = entry.replace(/[\\/]/g, '__').replace(/\.ts$/, '');
    const stampFile = path.join(outDir, `${name}.stamp.json`);
    bundle = freshBundle(stampFile) ?? build(entry, name, stampFile);
    built.set(entry, bundle);
  }
  return bundle;
}

/**
 * The bundle a stamp file records, if it still exists and none of its sources (paths relative to
 * the project root) changed size or modification time since; else undefined.
 */
export function freshBundle(stampFile: string): string | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
    if (stamp.esbuild !== version || !existsSync(stamp.bundle)) return undefined;
    for (const [file, expected] of Object.entries(stamp.inputs)) if (sourceState(file) !== expected) return undefined;
    markUsed(stamp.bundle);
    return stamp.bundle;
  } catch {
    return undefined;
  }
}

/** Set a bundle's modification time to now: it says when a process last took it (see pruneBundles). */
function markUsed(bundle: string): void {
  try {
    const now = new Date();
    utimesSync(bundle, now, now);
  } catch {
    // A read-only cache: the bundle is then never pruned, which is safe.
  }
}

/**
 * Write `code` as `<dir>/<name>-<content hash>.mjs` (atomically; kept if already there) and a stamp
 * of its sources, and return the bundle's path.
 * @param inputs the sources, relative to the project root (esbuild's metafile with `absWorkingDir: projectRoot`).
 */
export function saveBundle(dir: string, name: string, code: Uint8Array, inputs: Iterable<string>, stampFile: string): string {
  const bundle = path.join(dir, `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(bundle)) writeFileAtomic(bundle, code);
  else markUsed(bundle);
  const states: Record<string, string> = {};
  // This file too: the options above decide how every bundle compiles.
  for (const file of [...inputs, path.relative(projectRoot, fileURLToPath(import.meta.url))]) states[file] = sourceState(file);
  writeFileAtomic(stampFile, JSON.stringify({ esbuild: version, bundle, inputs: states } satisfies Stamp));
  pruneBundles(dir, name, bundle);
  return bundle;
}

/**
 * How long a bundle no process has taken is kept once replaced (ms): a day. Every source change
 * leaves a new bundle (1-3 MB with its inline source map), and `corridor-sim exec` one per edit
 * of a script, so the cache would grow without end; but a process that took the old bundle may
 * still start a worker thread from it later (a worker group's next worker), so it must outlive
 * any such run. A bundle's modification time is when a process last took it (`freshBundle` and
 * `saveBundle` set it).
 */
export const KEEP_REPLACED_BUNDLE_MS = 24 * 3600 * 1000;

/** What follows `<name>-` in a bundle's file name (see `saveBundle`): its content hash. */
const BUNDLE_SUFFIX = /^[0-9a-f]{16}\.mjs$/;

/**
 * Delete the bundles of `name` in `dir` other than `keep` that no process has taken for
 * `KEEP_REPLACED_BUNDLE_MS` before `now` (ms since the epoch). Only `<name>-<16 hex>.mjs` files
 * are touched; a file another process deletes first is no error.
 */
export function pruneBundles(dir: string, name: string, keep: string, now = Date.now()): void {
  const prefix = `${name}-`;
  for (const file of readdirSync(dir)) {
    const full = path.join(dir, file);
    if (!file.startsWith(prefix) || !BUNDLE_SUFFIX.test(file.slice(prefix.length)) || full === keep) continue;
    try {
      if (now - statSync(full).mtimeMs > KEEP_REPLACED_BUNDLE_MS) rmSync(full, { force: true });
    } catch {
      // Gone already (another process pruned it): nothing to do.
    }
  }
}

function build(entry: string, name: string, stampFile: string): string {
  mkdirSync(outDir, { recursive: true });
  const result = buildSync({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(projectRoot, entry)],
    outfile: path.join(outDir, `${name}.mjs`),
    packages: 'external',
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error(`esbuild produced no bundle for ${entry}`);
  return saveBundle(outDir, name, code, Object.keys(result.metafile.inputs), stampFile);
}
