/**
 * An experiment file run as a program (`npx tsx experiments/<name>.ts [options]`, through
 * `runIfMain`): the same options, exit codes and signal handling as `corridor-sim run <file>`.
 * It lives in src/cli because it owns the process (exit codes, handlers); src/experiments only
 * decides whether the file is the program and hands over.
 */
import { Command, CommanderError } from 'commander';
import type { Experiment } from '../experiments/define-experiment.ts';
import { addRunOptions, parseRunOptions, type RawRunOptions } from '../experiments/run-options.ts';
import { executeRun } from './execute-run.ts';
import { commanderExitCode, exitQuietlyOnClosedStdout, withExitCodes } from './exit.ts';

/** Parse the command line and run `experiment` from `file` (as typed relative to the current folder); sets the exit code. */
export async function runExperimentScript(file: string, experiment: Experiment): Promise<void> {
  exitQuietlyOnClosedStdout();
  const program = addRunOptions(new Command(`npx tsx ${file}`))
    .description(`run the experiment "${experiment.name}" (same options as corridor-sim run ${file})`)
    .exitOverride()
    .showHelpAfterError()
    .action((raw: RawRunOptions) =>
      withExitCodes(() =>
        executeRun({
          experiment,
          experimentFile: file,
          options: parseRunOptions(raw),
          commandLine: ['npx', 'tsx', file, ...process.argv.slice(2)],
          invocation: `npx tsx ${file}`,
        }),
      ),
    );
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = commanderExitCode(error);
  }
}
