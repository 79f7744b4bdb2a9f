/**
 * Bundle a user's own script (a model or study in TypeScript, anywhere on disk) into one ES module
 * that plain Node runs at full speed: the script, its local imports and corridor-sim's sources, in
 * one file without tsx's `keepNames` (see bundle.ts for why that matters on the hot path).
 *
 * What makes a bundle of a script elsewhere behave as the script itself would:
 * - `import ... from 'corridor-sim'` is this installation's `src/index.ts`, bundled with the
 *   script (so the engine is compiled without `keepNames` too), whether or not the script's folder
 *   has corridor-sim in a node_modules of its own;
 * - every other package stays an external import, resolved now from the importing file's folder
 *   (as Node would) and written as an absolute file URL, so the bundle runs from any cache folder;
 * - `import.meta.url`, `.dirname` and `.filename` keep their original values in every bundled
 *   file, and `process.argv[1]` is the script's own path, so `runIfMain(import.meta.url, ...)`,
 *   paths next to the script and corridor-sim's own project root all work as without a bundle.
 *
 * The bundle is cached like bundle.ts's: rebuilt only when the script, a local file it imports or
 * a corridor-sim source changed size or modification time.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Loader, type Plugin } from 'esbuild';
import { BUNDLE_OPTIONS, freshBundle, projectRoot, saveBundle } from './bundle.ts';

/** Environment variable naming the folder for bundles of scripts (default: see `scriptCacheDir`). */
export const CACHE_DIR_VARIABLE = 'CORRIDOR_SIM_CACHE_DIR';

/**
 * Where bundles of scripts are kept: $CORRIDOR_SIM_CACHE_DIR if set; else the project's
 * node_modules/.cache/corridor-sim, as for the workers' bundle; else, when that is not writable (a
 * package installed system-wide), $XDG_CACHE_HOME/corridor-sim or ~/.cache/corridor-sim; else a
 * folder in the system's temporary directory. Created if missing.
 */
export function scriptCacheDir(): string {
  const set = process.env[CACHE_DIR_VARIABLE];
  if (set !== undefined && set !== '') {
    mkdirSync(set, { recursive: true });
    return path.resolve(set);
  }
  const userCache = process.env.XDG_CACHE_HOME !== undefined && process.env.XDG_CACHE_HOME !== '' ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  const candidates = [
    path.join(projectRoot, 'node_modules', '.cache', 'corridor-sim'),
    path.join(userCache, 'corridor-sim'),
    path.join(os.tmpdir(), `corridor-sim-${os.userInfo().username}`),
  ];
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return dir;
    } catch {
      // Not writable here: try the next place.
    }
  }
  throw new Error(`no writable folder for bundles of scripts (tried ${candidates.join(', ')}); set ${CACHE_DIR_VARIABLE}`);
}

/** esbuild's build failed: its messages, with file, line and column, ready to print. */
export class ScriptBuildError extends Error {
  override readonly name = 'ScriptBuildError';
}

/**
 * Bundle `script` (a .ts, .mts, .js or .mjs file) and return the absolute path of the `.mjs`
 * bundle, reusing the cached one while nothing it was built from changed.
 * @throws ScriptBuildError when esbuild cannot build it (a syntax error, an import not found).
 */
export async function bundleScript(script: string): Promise<string> {
  const file = path.resolve(script);
  const dir = scriptCacheDir();
  // One cache entry per script path: the bundle bakes the path in (process.argv[1], import.meta).
  const base = path.basename(file).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_.-]/g, '_');
  const name = `exec__${base}-${createHash('sha256').update(file).digest('hex').slice(0, 12)}`;
  const stampFile = path.join(dir, `${name}.stamp.json`);
  const cached = freshBundle(stampFile);
  if (cached !== undefined) return cached;

  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [file],
    // Not written there (the bundle is named after its content): it anchors the source map's paths.
    outfile: path.join(dir, `${name}.mjs`),
    logLevel: 'silent',
    // Before the script's own code (after external imports, which do not read it): argv as under `node script`.
    banner: { js: `process.argv[1] = ${JSON.stringify(file)};` },
    plugins: [scriptPlugin()],
  }).catch((error: unknown) => {
    const errors = (error as { errors?: ReadonlyArray<{ text: string; location: { file: string; line: number; column: number } | null }> }).errors;
    if (errors === undefined) throw error;
    const where = (e: (typeof errors)[number]): string => (e.location === null ? '' : `${path.resolve(projectRoot, e.location.file)}:${e.location.line}:${e.location.column + 1}: `);
    throw new ScriptBuildError(`cannot bundle ${script}:\n${errors.map((e) => `  ${where(e)}${e.text}`).join('\n')}`);
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error(`esbuild produced no bundle for ${script}`);
  // This file too: a change in how scripts are bundled must not reuse bundles made the old way.
  const rules = path.relative(projectRoot, fileURLToPath(import.meta.url));
  return saveBundle(dir, name, code, [...Object.keys(result.metafile.inputs), rules], stampFile);
}

/** Marks the inner resolve call of a bare import, so the plugin does not see it again. */
const INNER = 'corridorSimInnerResolve';

const LOADERS: Readonly<Record<string, Loader>> = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx' };

/** The three rules of the file comment: corridor-sim aliased, packages external by absolute URL, import.meta kept. */
function scriptPlugin(): Plugin {
  const index = path.join(projectRoot, 'src', 'index.ts');
  return {
    name: 'corridor-sim-script',
    setup(builder) {
      builder.onResolve({ filter: /^corridor-sim$/ }, () => ({ path: index }));
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (isBuiltin(args.path) || (args.pluginData as Record<string, unknown> | undefined)?.[INNER] === true || path.isAbsolute(args.path)) return undefined;
        const found = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { [INNER]: true } });
        if (found.errors.length > 0) return { errors: found.errors };
        return { path: pathToFileURL(found.path).href, external: true };
      });
      builder.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const values: Readonly<Record<string, string>> = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
        const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: string) => JSON.stringify(values[key]));
        return { contents, loader: LOADERS[path.extname(args.path)] ?? 'ts', resolveDir: path.dirname(args.path) };
      });
    },
  };
}
