/**
 * SIGINT and SIGTERM during a run: the first one aborts the run's AbortSignal (the runner then
 * terminates its worker threads at once, keeps the journal of finished replications and returns
 * `interrupted`); a second one exits immediately, for a run that does not stop. Installed only
 * around runs on worker threads: a command that simulates in the main thread (simulate, trace)
 * keeps Node's default, which ends the process at once, since a handler could not run there
 * until the simulation returned.
 */
import { EXIT_SIGINT, EXIT_SIGTERM } from './exit.ts';

/** The signals that interrupt a run. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** The exit code of a run stopped by `signal`. */
export function interruptExitCode(signal: InterruptSignal): number {
  return signal === 'SIGTERM' ? EXIT_SIGTERM : EXIT_SIGINT;
}

/** Handlers in place for one run. */
export interface Interruption {
  /** Aborted (with the signal's name as reason) when the first signal arrives. */
  readonly signal: AbortSignal;
  /** The first signal received, or null. */
  received(): InterruptSignal | null;
  /** Remove the handlers (Node's defaults apply again). */
  dispose(): void;
}

/**
 * Install SIGINT and SIGTERM handlers for a run.
 * @param lastWords what to print when a second signal stops the program at once (e.g. how to resume).
 */
export function listenForInterrupts(lastWords: () => string = () => ''): Interruption {
  const controller = new AbortController();
  let first: InterruptSignal | null = null;
  const handler = (signal: InterruptSignal): void => {
    if (first !== null) {
      process.stderr.write(`\n${signal} again: stopped at once.${lastWords()}\n`);
      process.exit(interruptExitCode(first));
    }
    first = signal;
    process.stderr.write(`\n${signal}: stopping: worker threads are terminated; finished replications stay in the journal\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => first,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
