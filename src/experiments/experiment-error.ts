/**
 * Errors in what a researcher asked for: an experiment definition that does not validate, a bad
 * option, a run folder that does not belong to the experiment. They are bad input (exit code 2),
 * reported as one message without a stack trace, naming the field and what it should hold.
 */

/**
 * Bad input to an experiment run: exit code 2. The CLI's marker for bad input (src/cli/exit.ts):
 * its own usage errors and unwritable output paths are subclasses.
 */
export class ExperimentError extends Error {
  override readonly name: string = 'ExperimentError';
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
