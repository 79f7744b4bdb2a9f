/**
 * The command line's one exit-code policy (README, "Errors and exit codes"):
 *
 *   0    done
 *   1    a run failed (a replication threw: scenario, replication and seed are named), or a
 *        crash, reported with its stack trace because it is a bug
 *   2    bad input: a model, experiment, option or output path that cannot work, reported in one
 *        line without a stack trace, before any simulation starts
 *   130  interrupted by SIGINT (Ctrl-C), 143 by SIGTERM (128 + the signal number)
 *
 * Every subcommand runs inside `withExitCodes`; `isBadInput` is the one test for bad input. Only
 * src/cli sets exit codes or installs process-wide handlers: the runner in src/experiments takes
 * an AbortSignal and reports what happened.
 */
import { CommanderError } from 'commander';
import { LimitError } from '../corridor/limits.ts';
import { EXIT_BAD_INPUT, ModelErrors } from '../corridor/model-error.ts';
import { ExperimentError } from '../experiments/experiment-error.ts';
import { currentHelpHint, isOptionValueError } from './output.ts';

export { EXIT_BAD_INPUT } from '../corridor/model-error.ts';

/** Exit code for a run that failed (or crashed). */
export const EXIT_RUN_FAILED = 1;

/** Exit code of a run stopped by SIGINT (Ctrl-C): 128 + 2. */
export const EXIT_SIGINT = 130;

/** Exit code of a run stopped by SIGTERM: 128 + 15. */
export const EXIT_SIGTERM = 143;

/** An error in what the user asked for (options, files) found by the CLI itself. */
export class UsageError extends ExperimentError {
  override readonly name = 'UsageError';
}

/**
 * True for bad input: a model that does not load (ModelErrors, from the loader), an experiment,
 * option or output path that cannot work (ExperimentError and its subclasses UsageError and
 * OutputPathError). These are the user's to fix, so they are shown as their message alone;
 * anything else is a bug and keeps its stack trace.
 */
export function isBadInput(error: unknown): error is ModelErrors | ExperimentError {
  return error instanceof ModelErrors || error instanceof ExperimentError;
}

/**
 * Print `error` the way a user needs to see it and return its exit code: 2 for bad input; 1 for
 * anything else, with the stack trace unless it is a replication stopped at a runtime limit
 * (LimitError), whose message already says what happened and how to raise the limit.
 */
export function reportError(error: unknown): number {
  if (isBadInput(error)) {
    // A bad option value is a usage error: one line, then where the options are explained.
    const hint = currentHelpHint();
    process.stderr.write(`corridor-sim: ${error.message}\n${hint !== null && isOptionValueError(error.message) ? `${hint}\n` : ''}`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof LimitError) {
    process.stderr.write(`corridor-sim: run failed: ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  process.stderr.write(`corridor-sim: run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_RUN_FAILED;
}

/** Commander's own errors: help and --version exit 0, usage errors (unknown option...) are bad input. */
export function commanderExitCode(error: CommanderError): number {
  return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
}

/**
 * Run a subcommand's `action` and set the process exit code: the code it returns (0 if none), or
 * the code of the error it throws (see `reportError`). The one wrapper every subcommand uses.
 */
export async function withExitCodes(action: () => Promise<number | void> | number | void): Promise<void> {
  let code: number;
  try {
    code = (await action()) ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) throw error;
    code = reportError(error);
  }
  process.exitCode = code;
}

let stdoutHandlerInstalled = false;

/**
 * Make a closed stdout (`corridor-sim validate ... | head`) end the program quietly, with the exit
 * code so far, instead of an unhandled EPIPE error and its stack trace: the reader has all it wanted.
 */
export function exitQuietlyOnClosedStdout(): void {
  if (stdoutHandlerInstalled) return;
  stdoutHandlerInstalled = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

let uncaughtHandlerInstalled = false;

/**
 * For an experiment file run as a program (`npx tsx experiments/x.ts`): its definition is checked
 * at the file's top level, before any CLI code can wrap it, so a bad definition arrives as an
 * uncaught exception. This prints bad input as the CLI does (message, exit 2) instead of Node's
 * stack trace and exit 1. Installed only when nothing else handles uncaught errors (a test runner
 * does); other errors keep Node's behaviour (stack trace, exit 1).
 */
export function exitCleanlyOnUncaughtBadInput(): void {
  if (uncaughtHandlerInstalled || process.listenerCount('uncaughtException') > 0) return;
  uncaughtHandlerInstalled = true;
  process.on('uncaughtException', (error: unknown) => {
    if (isBadInput(error)) {
      process.stderr.write(`corridor-sim: ${error.message}\n`);
      process.exit(EXIT_BAD_INPUT);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(EXIT_RUN_FAILED);
  });
}
