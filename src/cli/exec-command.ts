/**
 * `corridor-sim exec <script> [args...]`: run a user's own model script at bundle speed. The
 * script (TypeScript or JavaScript, anywhere on disk, importing 'corridor-sim' or the project's
 * src/ by relative path) is bundled once with esbuild and cached (src/build/bundle-script.ts),
 * then run by a plain `node` child process with the given arguments; its stdin, stdout and stderr
 * are this process's, and its exit code is this command's.
 *
 * Why not `tsx script.ts`? tsx compiles with `keepNames`, which costs the engine's process path
 * about 1.5x (README, "Performance"); and why a child process rather than importing the bundle
 * here? The CLI itself may run under tsx's loader, and a fresh process gives the script Node's
 * defaults (its own heap, its own signal handling, `process.exit` ending only the script).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import type { Command } from 'commander';
import { bundleScript, ScriptBuildError } from '../build/bundle-script.ts';
import { UsageError, withExitCodes } from './exit.ts';

/**
 * Run `bundle` (a plain-JS ES module) in a child `node` with `args`, sharing this process's stdio,
 * and resolve with its exit code: the child's own, or 128 + the signal number if a signal ended it.
 * While it runs, SIGTERM sent to this process is passed on to it, and SIGINT is left to it: Ctrl-C
 * in a terminal reaches the whole process group, so passing it on would make it arrive twice.
 */
export function runBundle(bundle: string, args: readonly string[]): Promise<number> {
  // Source maps so that a stack trace names the script's own lines, not the bundle's.
  const child = spawn(process.execPath, ['--enable-source-maps', bundle, ...args], { stdio: 'inherit' });
  const ignore = (): void => {};
  const forward = (): void => void child.kill('SIGTERM');
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    const done = (): void => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal !== null ? constants.signals[signal] : 0));
    });
  });
}

/** Bundle `script` (see bundle-script.ts) and run it with `args`; the exit code is the script's. */
export async function execScript(script: string, args: readonly string[]): Promise<number> {
  if (!existsSync(script) || !statSync(script).isFile()) throw new UsageError(`script: got "${script}", expected an existing .ts or .js file`);
  let bundle: string;
  try {
    bundle = await bundleScript(script);
  } catch (error) {
    if (error instanceof ScriptBuildError) throw new UsageError(error.message);
    throw error;
  }
  return runBundle(bundle, args);
}

/** Add the `exec` subcommand to `program`. */
export function registerExec(program: Command): void {
  program
    .command('exec')
    .description("run your own model script (TypeScript) at full speed: bundled once with esbuild, cached, run by node")
    .argument('<script>', "script file, e.g. my-model.ts; it may import from 'corridor-sim' or the project's src/")
    .argument('[args...]', "the script's arguments (its process.argv.slice(2)); put -- before them to pass on --help, --quiet or --version too")
    // The script's own options (--replications 5, -n 3) are its arguments, not this command's.
    .allowUnknownOption()
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  corridor-sim exec my-model.ts',
        '  corridor-sim exec ~/studies/feeder.ts --replications 20 -- --quiet',
        'The bundle is rebuilt when the script, a file it imports or corridor-sim changes. Exit code: the',
        "script's (128 + n if signal n ended it); 2 if the script is missing or cannot be bundled.",
        '',
      ].join('\n'),
    )
    // Commander drops a `--` that comes before any unknown option and keeps one after: drop the
    // first either way, so `--` always means "the rest is the script's" and never reaches it.
    .action((script: string, args: string[]) => withExitCodes(() => execScript(script, withoutFirstSeparator(args))));
}

/** `args` without its first `--`, if any. */
function withoutFirstSeparator(args: readonly string[]): string[] {
  const at = args.indexOf('--');
  return at < 0 ? [...args] : [...args.slice(0, at), ...args.slice(at + 1)];
}
