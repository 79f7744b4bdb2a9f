/**
 * A report that cannot be written because of its input (not a run folder, an incomplete run, a
 * file that is not ours): the CLI reports it without a stack trace and exits 2.
 */

/** Bad input to `corridor-sim report`. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}
