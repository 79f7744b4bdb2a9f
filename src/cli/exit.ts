/**
 * Turning errors into exit codes: bad input (a model or experiment that does not validate, a
 * bad option) exits 2 with the loader's message; anything else is a failed run, exit 1.
 */
import { EXIT_BAD_INPUT, ModelErrors } from '../corridor/model-error.ts';

/** Exit code for a run that failed. */
export const EXIT_RUN_FAILED = 1;

/** An error in what the user asked for (options, files), reported without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Run `action`; print its error the way a user needs to see it and exit with the right code. */
export async function withExitCodes(action: () => Promise<void> | void): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ModelErrors || error instanceof UsageError) {
      process.stderr.write(`corridor-sim: ${error.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`corridor-sim: run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_RUN_FAILED;
  }
}
