/**
 * `runIfMain(import.meta.url, experiment)`: the last line of an experiment file, so that
 * `npx tsx experiments/<name>.ts [options]` runs it with the same options as
 * `corridor-sim run experiments/<name>.ts`. When the file is imported instead (by the CLI, a test
 * or another script) it does nothing.
 */
import { Command } from 'commander';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Experiment } from './define-experiment.ts';
import { executeRun, runGuarded } from './execute-run.ts';
import { addRunOptions, exitTwoOnUsageError, parseRunOptions, type RawRunOptions } from './run-options.ts';

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
  const program = exitTwoOnUsageError(addRunOptions(new Command(`npx tsx ${file}`)))
    .description(`run the experiment "${experiment.name}" (same options as corridor-sim run ${file})`)
    .showHelpAfterError()
    .action(async (raw: RawRunOptions) => {
      process.exitCode = await runGuarded(() =>
        executeRun({
          experiment,
          experimentFile: file,
          options: parseRunOptions(raw),
          commandLine: ['npx', 'tsx', file, ...process.argv.slice(2)],
          invocation: `npx tsx ${file}`,
        }),
      );
    });
  await program.parseAsync(process.argv);
}
