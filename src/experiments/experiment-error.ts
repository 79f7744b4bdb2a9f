/**
 * Errors in what a researcher asked for: an experiment definition that does not validate, a bad
 * option, a run folder that does not belong to the experiment. They are bad input (exit code 2),
 * reported as one message without a stack trace, naming the field and what it should hold.
 */

/** Bad input to an experiment run: exit code 2. */
export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
}

/** A path for messages: `scenarios[2].set`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

let handlerInstalled = false;

/**
 * Make an `ExperimentError` thrown while an experiment script is the program (`npx tsx
 * experiments/x.ts` with a bad definition) print its message and exit 2, as the CLI does,
 * instead of Node's stack trace and exit 1. Installed only when nothing else handles uncaught
 * errors (a test runner does); other errors keep Node's behaviour (stack trace, exit 1).
 */
export function exitCleanlyOnUncaughtExperimentError(): void {
  if (handlerInstalled || process.listenerCount('uncaughtException') > 0) return;
  handlerInstalled = true;
  process.on('uncaughtException', (error) => {
    if (error instanceof ExperimentError) {
      process.stderr.write(`corridor-sim: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
