/**
 * Bundle a TypeScript entry point into one ES module under `node_modules/.cache/corridor-sim/`,
 * for code that must run at full speed: worker threads and benchmarks.
 *
 * Why not run the TypeScript through tsx there too? tsx always compiles with esbuild's
 * `keepNames`, which wraps every function and class in a naming helper; on the engine's hot path
 * (a closure per process, an event object per wait) that costs about 40% of the run time. A
 * bundle without it is built in tens of milliseconds, and worker threads start from plain
 * JavaScript, which Node 20 cannot do from a `.ts` file.
 */
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder with package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundle `entry` (a path relative to the project root) and return the absolute path of the
 * `.mjs` file. Dependencies in node_modules stay external and are imported at run time.
 */
export function bundleEntry(entry: string): string {
  const outDir = path.join(projectRoot, 'node_modules', '.cache', 'corridor-sim');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${entry.replace(/[\\/]/g, '__').replace(/\.ts$/, '')}.mjs`);
  buildSync({
    entryPoints: [path.join(projectRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return outfile;
}
