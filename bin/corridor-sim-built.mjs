#!/usr/bin/env node
// The `corridor-sim` command of the package (package.json `bin`): runs the built CLI in dist/
// with plain Node, so `npx corridor-sim --version` starts in a fraction of a second instead of
// the 2-3 s tsx spends compiling the TypeScript CLI (bin/corridor-sim.mjs, which the tests and
// the Slurm job scripts keep using).
//
// Two exceptions:
// - dist/ missing or older than src/ in a git checkout (a fresh clone, or sources edited since
//   `npm run build`): run the sources through bin/corridor-sim.mjs, slower but never stale.
//   An installed package has no .git and ships dist/ built from its src/, so it skips the check.
// - Commands that may import experiment files (run, trace, reproduce, ...) need TypeScript:
//   tsx is registered for them (it costs about 1 s, small beside a run). An experiment file of
//   this repository imports ../src/*.ts; a resolve hook sends those imports to the matching
//   dist/*.js, so the experiment and the CLI share one copy of every module (one ExperimentError
//   class for `instanceof`, one set of defaults).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const distMain = path.join(root, 'dist', 'cli', 'main.js');
const stamp = path.join(root, 'dist', '.build-stamp.json');

// Commands that never import TypeScript; anything else (including commands added later) gets
// tsx, the safe default. `exec` compiles the user's script with esbuild itself.
const WITHOUT_TYPESCRIPT = new Set([undefined, '-V', '--version', '-h', '--help', 'help', 'list', 'validate', 'validate-model', 'simulate', 'report', 'exec']);

/** True if any file under `dir` changed after `time` (ms). */
function changedSince(dir, time) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
    (entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > time,
  );
}

function distIsCurrent() {
  if (!existsSync(distMain) || !existsSync(stamp)) return false;
  if (!existsSync(path.join(root, '.git'))) return true;
  return !changedSince(path.join(root, 'src'), statSync(stamp).mtimeMs);
}

if (!distIsCurrent()) {
  await import('./corridor-sim.mjs');
} else {
  if (!WITHOUT_TYPESCRIPT.has(process.argv[2])) {
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
    // Registered after tsx, so it runs first and sees tsx's resolution of `../src/x.ts`.
    const src = pathToFileURL(path.join(root, 'src')).href + '/';
    const dist = pathToFileURL(path.join(root, 'dist')).href + '/';
    const hook = `
      const src = ${JSON.stringify(src)}, dist = ${JSON.stringify(dist)};
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        if (!result.url.startsWith(src) || !result.url.endsWith('.ts') || result.url.endsWith('.d.ts')) return result;
        return { url: dist + result.url.slice(src.length, -3) + '.js', format: 'module', shortCircuit: true };
      }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
  }
  await import(pathToFileURL(distMain).href);
}
