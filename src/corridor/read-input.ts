/**
 * Reading an input file (model, overlay base, trade calibration, validation targets) so that a
 * missing or unreadable one is reported like any other bad input: a `ModelErrors` naming the file.
 */
import { readFileSync } from 'node:fs';
import { ModelError, ModelErrors } from './model-error.ts';

/**
 * The text of `file` (UTF-8).
 * @param what the kind of file in the message, e.g. `model file` -> "expected a readable model file (ENOENT)".
 * @throws ModelErrors with one error naming the file and the system's error code.
 */
export function readInputFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    throw new ModelErrors([new ModelError({ location: { file }, path: [], value: file, expected: `a readable ${what}${reason}` })]);
  }
}
