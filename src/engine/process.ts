/**
 * Processes: model logic written as generator functions that yield events.
 *
 * A container's journey, a ferry's voyage cycle or a storm season is a generator; each `yield`
 * hands the engine an event and suspends the generator until that event is processed, when the
 * event's value is sent back in (or its error thrown in). A process is itself an event that
 * succeeds with the generator's return value, so processes can wait for each other.
 */
import { FailedEvent, Interruption, PENDING, PROCESSED, SimEvent, type Resumable } from './event.ts';
import { NORMAL, URGENT } from './event-queue.ts';
import type { Simulation } from './simulation.ts';

/** The generator behind a process: yields events, receives their values, returns `R`. */
export type ProcessGenerator<R = void> = Generator<SimEvent<unknown>, R, unknown>;

/**
 * The error thrown into a process by `interrupt(cause)`; a process that expects disruptions
 * catches it (a storm closing the port while a ferry loads, a preempted berth).
 */
export class Interrupt extends Error {
  /** @param cause why the process was interrupted (any value, e.g. a storm record). */
  constructor(override readonly cause: unknown) {
    super(`Interrupted${cause === undefined ? '' : `: ${describeValue(cause)}`}`);
    this.name = 'Interrupt';
  }
}

/** The error a process fails with when its generator throws; names the process and the time. */
export class ProcessError extends Error {
  /**
   * @param processName the failing process.
   * @param time the simulation time of the failure, hours.
   * @param cause the error the generator threw.
   */
  constructor(readonly processName: string, readonly time: number, override readonly cause: Error) {
    super(`Process "${processName}" failed at t=${time} h: ${cause.message}`);
    this.name = 'ProcessError';
  }
}

/**
 * A running generator. Create with `sim.process(generator, name)`.
 *
 * The process is its own future-event-list entry for three things, told apart by the entry's
 * data: its start (data 0 while not started), the end of a `sim.hold` (data = the hold's
 * number, > 0), and, once finished, its processing as an event (data 0). So starting and
 * holding allocate nothing.
 */
export class Process<R = void> extends SimEvent<R> implements Resumable {
  private target: SimEvent<unknown> | null = null;
  private started = false;
  // Number of the hold in progress (0: none). A hold ended early by an interrupt leaves its
  // entry on the list; the number no longer matches when it fires, so it is ignored.
  private holdNumber = 0;
  private holds = 0;

  /**
   * @param sim the simulation.
   * @param generator the process body; started at the current time, before NORMAL events.
   * @param name used in error messages and traces.
   */
  constructor(sim: Simulation, private generator: ProcessGenerator<R>, readonly name: string) {
    super(sim);
    this.label = name;
    // The process schedules itself to start: `fire` while still PENDING means "start", which
    // saves allocating a start event per process (a container journey is one process).
    sim.enqueue(this, 0, URGENT);
    this.target = null;
  }

  /** Called by the engine: to start the generator, to end a hold, or (once finished) as an event. */
  override fire(data = 0): void {
    if (data > 0) {
      // A hold ends; a stale one (cut short by an interrupt) is ignored.
      // (resumeWith clears holdNumber, so an interrupt leaves the old number unmatched.)
      if (data === this.holdNumber) this.resumeWith(this.sim.holdSignal);
      return;
    }
    if (!this.started) {
      this.started = true;
      this.resumeWith(this.sim.startSignal);
      return;
    }
    super.fire();
  }

  /**
   * For `sim.hold`: schedule this process's own wake-up `delay` hours from now (NORMAL priority,
   * in the order of the call, exactly where a `sim.timeout(delay)` made now would be).
   */
  scheduleHold(delay: number): void {
    if (this.holdNumber !== 0) throw new Error(`Process "${this.name}" called sim.hold twice without yielding: yield each hold at once`);
    // `enqueue` validates the delay before anything changes.
    const number = this.holds + 1;
    this.sim.enqueue(this, delay, NORMAL, number);
    this.holds = number;
    this.holdNumber = number;
  }

  /**
   * Called when the generator returns `value`: a subclass may hand over the next generator to
   * run in the same process (a container's journey over its stages), or return null to end
   * the process with `value`. Chaining this way costs no `yield*` frame on every resumption.
   */
  protected continueWith(_value: R): ProcessGenerator<R> | null {
    return null;
  }

  /** True until the generator returns or throws. */
  get isAlive(): boolean {
    return this.state === PENDING;
  }

  /** The event the process is waiting for, or null when it is running or finished. */
  get waitingFor(): SimEvent<unknown> | null {
    return this.target;
  }

  /**
   * Throw an `Interrupt(cause)` into the process at the current time, before other events of this
   * instant. The process stops waiting for its current event (a resource request stays queued:
   * cancel it in the handler).
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new Error(`Cannot interrupt process "${this.name}": it has finished`);
    if (this.sim.activeProcess === this) throw new Error(`Process "${this.name}" cannot interrupt itself`);
    const interruption = new Interruption(this.sim, new Interrupt(cause));
    interruption.label = `interrupt of ${this.name}`;
    interruption.addWaiter(this);
  }

  /** @internal Called by the engine: the event this process waits for has been processed. */
  resumeWith(event: SimEvent<unknown>): void {
    // An interrupt that arrives after the process has ended has nothing left to interrupt.
    if (!this.isAlive) return;
    if (event !== this.target && this.target !== null) this.target.removeCallback(this);
    this.target = null;
    // An interrupt during a hold ends it: its entry on the list becomes stale.
    this.holdNumber = 0;
    const sim = this.sim;
    sim.activeProcess = this as Process<unknown>;
    let current = event;
    for (;;) {
      let step: IteratorResult<SimEvent<unknown>, R>;
      try {
        if (current.ok) {
          step = this.generator.next(current.peekValue());
        } else {
          current.defuse();
          step = this.generator.throw(current.failure);
        }
      } catch (error) {
        sim.activeProcess = null;
        const cause = error instanceof Error ? error : new Error(describeValue(error));
        this.fail(new ProcessError(this.name, sim.now, cause));
        return;
      }
      if (step.done === true) {
        const more = this.continueWith(step.value);
        if (more !== null) {
          this.generator = more;
          current = sim.startSignal;
          continue;
        }
        sim.activeProcess = null;
        // Nobody waits for most processes (a container's journey): then the process counts
        // as processed at once and takes no entry on the future-event list.
        if (!this.settleUnobserved(step.value)) this.succeed(step.value);
        return;
      }
      const next = step.value;
      if (next === sim.holdSignal) {
        if (this.holdNumber === 0) {
          current = new FailedEvent(sim, new Error('yielded a sim.hold() that this process did not make (yield each hold at once, in the process that calls it)'));
        } else {
          this.target = next;
          break;
        }
        continue;
      }
      if (this.holdNumber !== 0) {
        // It called sim.hold() and yielded something else: the wake-up would arrive mid-wait.
        this.holdNumber = 0;
        current = new FailedEvent(sim, new Error('called sim.hold() but yielded something else: yield the hold at once'));
        continue;
      }
      if (!(next instanceof SimEvent)) {
        current = this.notAnEvent(next);
        continue;
      }
      if (next.state === PROCESSED) {
        current = next;
        continue;
      }
      next.addWaiter(this);
      this.target = next;
      break;
    }
    sim.activeProcess = null;
  }

  // Throw the mistake back into the generator, at the yield that made it, so the stack trace
  // points at the culprit; a generator that does not catch it fails with the process's name.
  private notAnEvent(value: unknown): SimEvent<unknown> {
    return new FailedEvent(
      this.sim,
      new TypeError(`yielded ${describeValue(value)}, which is not an event (yield sim.timeout(h), a request, or another event)`),
    );
  }
}

/** Render any value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Error) return value.message;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
