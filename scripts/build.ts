/**
 * `npm run build`: the library and the CLI as plain JavaScript in dist/, with declarations, so
 * that `import { Simulation } from 'corridor-sim'` works under plain `node` and the installed
 * `corridor-sim` command starts without compiling TypeScript (tsx took about 2 s for --version).
 *
 * Layout: dist/ mirrors src/ file for file (src/engine/simulation.ts -> dist/engine/simulation.js
 * and .d.ts). Not one bundle, because several modules find files relative to themselves
 * (`projectRoot` in src/build/bundle.ts is two folders up, the slurm command's launcher is
 * ../../bin): at the same depth those paths stay right. Worker threads are still bundled at run
 * time from src/ (src/build/bundle.ts), so the package ships src/ too.
 *
 * - JavaScript: esbuild, each file compiled on its own with its imports left as imports and
 *   `./x.ts` rewritten to `./x.js`. No `keepNames` (tsx's wrappers cost the engine about 40%).
 * - Declarations: tsc with tsconfig.build.json (it type-checks; a type error fails the build).
 *   tsc writes into node_modules/.cache so its incremental state and its output stay together,
 *   which makes a rebuild after a small change take seconds; the files are then copied into dist/
 *   with their `.ts` import paths rewritten to `.js` (tsc 5.9 rewrites them in JavaScript only).
 *
 * The build is skipped when dist/.build-stamp.json is newer than every input (`--force` rebuilds),
 * so tests and `npm pack` (prepack) can ask for it freely. bin/corridor-sim-built.mjs uses the
 * same stamp to decide whether dist/ is current.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { CLASS_FIELDS_AS_ASSIGNMENTS } from '../src/build/bundle.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp.json');
const typesCache = path.join(root, 'node_modules', '.cache', 'corridor-sim', 'types');

/** Every file under `dir` (absolute paths). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The source files compiled to JavaScript: every .ts under src/ except ambient declarations. */
function sourceFiles(): string[] {
  return filesUnder(path.join(root, 'src'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
}

/** True if dist/ was built after the last change to any input. */
function upToDate(): boolean {
  if (!existsSync(stampFile)) return false;
  const built = statSync(stampFile).mtimeMs;
  const inputs = [...filesUnder(path.join(root, 'src')), ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.ts'].map((f) => path.join(root, f))];
  return inputs.every((file) => statSync(file).mtimeMs <= built);
}

/**
 * Keep every import an import: relative ones pointing at the compiled `.js` sibling, packages as
 * they are (resolved from node_modules at run time, like any dependency).
 */
const externalImports: Plugin = {
  name: 'external-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path.startsWith('.')) return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

async function buildJavaScript(): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: sourceFiles(),
    outbase: 'src',
    outdir: 'dist',
    bundle: true,
    plugins: [externalImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The fast form of class fields, as in the worker bundles (see src/build/bundle.ts).
    tsconfigRaw: CLASS_FIELDS_AS_ASSIGNMENTS,
    // Maps point into src/, which the package ships; stack traces can use them with
    // --enable-source-maps without doubling the package size.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
}

/** `from './x.ts'` and `import('./x.ts')` in a declaration file -> `.js`. */
function rewriteDeclaration(text: string): string {
  return text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
}

function buildDeclarations(): void {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  // tsconfig.build.json sends the output and the incremental state to typesCache.
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  for (const file of filesUnder(typesCache)) {
    const relative = path.relative(typesCache, file);
    // The cache keeps declarations of files since deleted from src/; leave those out.
    if (!file.endsWith('.d.ts') || !existsSync(path.join(root, 'src', relative.replace(/\.d\.ts$/, '.ts')))) continue;
    const target = path.join(dist, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, rewriteDeclaration(readFileSync(file, 'utf8')));
  }
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  if (!force && upToDate()) {
    console.log('dist/ is up to date (npm run build -- --force rebuilds)');
    return;
  }
  const started = performance.now();
  rmSync(dist, { recursive: true, force: true });
  await buildJavaScript();
  buildDeclarations();
  writeFileSync(stampFile, `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
  console.log(`dist/ built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
