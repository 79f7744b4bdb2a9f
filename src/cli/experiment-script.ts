/**
 * An experiment file run as a program (`npx tsx experiments/<name>.ts [options]`, through
 * `runIfMain`): the same options, exit codes and signal handling as `corridor-sim run <file>`.
 * It lives in src/cli because it owns the process (exit codes, handlers); src/experiments only
 * decides whether the file is the program and hands over.
 */
import { Command, CommanderError } from 'commander';
import type { Experiment } from '../experiments/define-experiment.ts';
import { addRunOptions, parseRunOptions, type RawRunOptions } from '../experiments/run-options.ts';
import { shellQuote } from '../experiments/slurm-job-folder.ts';
import { executeRun } from './execute-run.ts';
import { setHelpHint, setQuiet } from './output.ts';
import { addRunExtras, applyRunExtras, extrasArguments, parseRunExtras, type RawRunExtras } from './run-extras.ts';
import { commanderExitCode, exitQuietlyOnClosedStdout, withExitCodes } from './exit.ts';

/** Parse the command line and run `experiment` from `file` (as typed relative to the current folder); sets the exit code. */
export async function runExperimentScript(file: string, experiment: Experiment): Promise<void> {
  exitQuietlyOnClosedStdout();
  const program = addRunExtras(addRunOptions(new Command(`npx tsx ${file}`)))
    .description(`run the experiment "${experiment.name}" (same options as corridor-sim run ${file})`)
    .option('--quiet', 'no progress and no informational lines (errors still go to stderr)')
    .exitOverride()
    .showHelpAfterError(`see: npx tsx ${file} --help`)
    .action((raw: RawRunOptions & RawRunExtras & { quiet?: boolean }) =>
      withExitCodes(() => {
        setQuiet(raw.quiet === true);
        setHelpHint(`see: npx tsx ${file} --help`);
        const extras = parseRunExtras(raw);
        return executeRun({
          experiment: applyRunExtras(experiment, extras),
          experimentFile: file,
          options: parseRunOptions({ ...raw, ...(raw.quiet === true ? { progress: false } : {}) }),
          commandLine: ['npx', 'tsx', file, ...process.argv.slice(2)],
          invocation: ['npx', 'tsx', file, ...extrasArguments(raw)].map(shellQuote).join(' '),
          extras,
        });
      }),
    );
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = commanderExitCode(error);
  }
}
