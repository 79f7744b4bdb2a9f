/**
 * The worker script: src/experiments/worker.ts bundled by esbuild into plain JavaScript (Node 20
 * cannot start a worker thread from TypeScript, and tsx's keepNames would slow the simulation by
 * about 40%; see src/build/bundle.ts). Same build options as `bundleEntry`, but the file is named
 * after a hash of its contents and written atomically, so concurrent runs (parallel tests, shards
 * on one machine) never start a worker from a half-written file. A stamp of the sources' sizes
 * and modification times lets later runs skip the build while nothing changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSync, version } from 'esbuild';
import { projectRoot } from '../build/bundle.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';

const outDir = path.join(projectRoot, 'node_modules', '.cache', 'corridor-sim');
const stampFile = path.join(outDir, 'experiment-worker.stamp.json');

/** The bundle and the state of the sources it was built from. */
interface Stamp {
  readonly esbuild: string;
  readonly bundle: string;
  /** Source path (relative to the project root) -> "size:mtimeMs". */
  readonly inputs: Readonly<Record<string, string>>;
}

let cached: string | undefined;

const state = (file: string): string => {
  const s = statSync(path.join(projectRoot, file));
  return `${s.size}:${s.mtimeMs}`;
};

/** The bundle of the last build, if its sources are unchanged. */
function fresh(): string | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
    if (stamp.esbuild !== version || !existsSync(stamp.bundle)) return undefined;
    for (const [file, expected] of Object.entries(stamp.inputs)) if (state(file) !== expected) return undefined;
    return stamp.bundle;
  } catch {
    return undefined;
  }
}

/** Absolute path of the bundled worker script (built at most once per process, and only on changes). */
export function workerScript(): string {
  cached ??= fresh() ?? build();
  return cached;
}

function build(): string {
  mkdirSync(outDir, { recursive: true });
  const result = buildSync({
    absWorkingDir: projectRoot,
    entryPoints: [path.join(projectRoot, 'src', 'experiments', 'worker.ts')],
    outfile: path.join(outDir, 'experiment-worker.mjs'),
    write: false,
    metafile: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error('esbuild produced no worker bundle');
  const bundle = path.join(outDir, `experiment-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(bundle)) writeFileAtomic(bundle, code);
  const inputs: Record<string, string> = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = state(file);
  writeFileAtomic(stampFile, JSON.stringify({ esbuild: version, bundle, inputs } satisfies Stamp));
  return bundle;
}
