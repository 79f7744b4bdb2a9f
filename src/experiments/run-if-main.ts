/**
 * `runIfMain(import.meta.url, experiment)`: the last line of an experiment file, so that
 * `npx tsx experiments/<name>.ts [options]` runs it with the same options as
 * `corridor-sim run experiments/<name>.ts`. When the file is imported instead (by the CLI, a test
 * or another script) it does nothing. The command line itself (exit codes, signal handlers) is
 * src/cli's, loaded only when the file is the program, so importing an experiment never touches
 * the process.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Experiment } from './define-experiment.ts';

/** True if the module at `moduleUrl` is the program Node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const main = process.argv[1];
  if (main === undefined) return false;
  const real = (file: string): string => {
    try {
      return realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  return real(main) === real(fileURLToPath(moduleUrl));
}

/** Run `experiment` with the command line's options if its file is the program; sets the exit code. */
export async function runIfMain(moduleUrl: string, experiment: Experiment): Promise<void> {
  if (!isMainModule(moduleUrl)) return;
  const file = path.relative(process.cwd(), fileURLToPath(moduleUrl)).split(path.sep).join('/');
  const { runExperimentScript } = await import('../cli/experiment-script.ts');
  await runExperimentScript(file, experiment);
}
