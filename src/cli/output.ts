/**
 * What a command prints besides its answer, and how usage errors point at the help. `--quiet`
 * (on every command) turns off progress and informational lines (what is about to run, what was
 * written, timings); the answer a command exists for (a table, a verdict, JSON) and every error
 * still appear. Set once per command by program.ts before the action runs.
 */

let quietMode = false;
let helpHint: string | null = null;

/** Turn quiet mode on or off (program.ts, from the command's --quiet). */
export function setQuiet(on: boolean): void {
  quietMode = on;
}

/** True when the running command was given --quiet. */
export function isQuiet(): boolean {
  return quietMode;
}

/** An informational line on stdout, unless --quiet. */
export function info(line: string): void {
  if (!quietMode) process.stdout.write(`${line}\n`);
}

/** An informational line on stderr (progress-like: what is about to run), unless --quiet. */
export function note(line: string): void {
  if (!quietMode) process.stderr.write(`${line}\n`);
}

/** Where a usage error points, e.g. `see: corridor-sim run --help` (null: nowhere). */
export function setHelpHint(hint: string | null): void {
  helpHint = hint;
}

/** The current hint line, or null. */
export function currentHelpHint(): string | null {
  return helpHint;
}

/**
 * True for the message of a bad option value (`option --replications: got "x", expected ...`),
 * the usage errors that get the help hint; other bad input (a model, a run folder) does not.
 */
export function isOptionValueError(message: string): boolean {
  return /^options? --[\w-]+(?: \+ --[\w-]+)?: got /.test(message);
}
