/**
 * Events: things that happen at an instant of simulated time.
 *
 * An event is created PENDING, becomes TRIGGERED when it is given an outcome (a value, or an
 * error) and put on the future-event list, and is PROCESSED when the clock reaches it and its
 * callbacks run. Processes wait for events by yielding them; resources hand out events that
 * trigger when a request is granted. The lifecycle follows SimPy's, so its documentation is a
 * good second reference.
 */
import { NORMAL, URGENT, type Firable } from './event-queue.ts';
import type { Simulation } from './simulation.ts';

/** Lifecycle states of an event. */
export const PENDING = 0;
/** The event has an outcome and sits on the future-event list. */
export const TRIGGERED = 1;
/** The event's callbacks have run. */
export const PROCESSED = 2;

/** Something to run when an event is processed. */
export type EventCallback = (event: SimEvent<unknown>) => void;

/**
 * A waiter the engine resumes directly (a process), so that waiting needs no closure per
 * process: it sits in the same ordered list as callbacks and is resumed in its turn.
 */
export interface Resumable {
  /** The event it waited for has been processed. */
  resumeWith(event: SimEvent<unknown>): void;
}

/** What an event notifies when it is processed: a callback, or a process to resume. */
export type Waiter = EventCallback | Resumable;

function notify(waiter: Waiter, event: SimEvent<unknown>): void {
  if (typeof waiter === 'function') waiter(event);
  else waiter.resumeWith(event);
}

/**
 * An event that some code triggers by hand (`succeed` or `fail`), and the base of every other
 * event. `T` is the type of its value.
 */
export class SimEvent<T = unknown> implements Firable {
  /** PENDING, TRIGGERED or PROCESSED. */
  state: number = PENDING;
  /** Optional label used in traces and error messages. */
  label: string | undefined = undefined;
  protected outcome: T | undefined = undefined;
  protected error: Error | null = null;
  private defused = false;
  // One inline slot plus an overflow array: almost every event has exactly one waiter, and
  // skipping the array saves an allocation per event on the hot path.
  private firstCallback: Waiter | null = null;
  private moreCallbacks: Waiter[] | null = null;

  /** @param sim the simulation this event belongs to. */
  constructor(readonly sim: Simulation) {}

  /** True once the event has an outcome (it may not have been processed yet). */
  get triggered(): boolean {
    return this.state !== PENDING;
  }

  /** True once the event's callbacks have run. */
  get processed(): boolean {
    return this.state === PROCESSED;
  }

  /** True when the event succeeded (or is still pending). */
  get ok(): boolean {
    return this.error === null;
  }

  /** The event's value; throws if it has no outcome yet or failed. */
  get value(): T {
    if (this.state === PENDING) throw new Error(`The value of ${this.describe()} is not yet available`);
    if (this.error !== null) throw this.error;
    return this.outcome as T;
  }

  /** Give the event a value and schedule it at the current time. */
  succeed(value?: T, priority: number = NORMAL): this {
    this.ensurePending();
    this.outcome = value;
    this.state = TRIGGERED;
    this.sim.enqueue(this, 0, priority);
    return this;
  }

  /** Give the event an error and schedule it at the current time. Unhandled, it stops the run. */
  fail(error: Error, priority: number = NORMAL): this {
    this.ensurePending();
    if (!(error instanceof Error)) throw new TypeError(`${this.describe()}.fail requires an Error, got ${String(error)}`);
    this.error = error;
    this.state = TRIGGERED;
    this.sim.enqueue(this, 0, priority);
    return this;
  }

  /** Mark a failure as handled so that it does not stop the run. */
  defuse(): void {
    this.defused = true;
  }

  /** Run `callback` when the event is processed. Throws if it already has been. */
  addCallback(callback: EventCallback): void {
    this.addWaiter(callback);
  }

  /** @internal For the engine: `addCallback` for a process, which is resumed in its turn. */
  addWaiter(callback: Waiter): void {
    if (this.state === PROCESSED) throw new Error(`${this.describe()} has already been processed`);
    if (this.firstCallback === null) this.firstCallback = callback;
    else (this.moreCallbacks ??= []).push(callback);
  }

  /** Forget a callback added earlier (used when an interrupted process stops waiting). */
  removeCallback(callback: Waiter): void {
    if (this.firstCallback === callback) {
      this.firstCallback = this.moreCallbacks !== null && this.moreCallbacks.length > 0 ? (this.moreCallbacks.shift() ?? null) : null;
      return;
    }
    const more = this.moreCallbacks;
    if (more === null) return;
    const at = more.indexOf(callback);
    if (at >= 0) more.splice(at, 1);
  }

  /** The value without state checks (undefined while pending); for the engine's resume loop. */
  peekValue(): T | undefined {
    return this.outcome;
  }

  /** The error this event failed with, or null. */
  get failure(): Error | null {
    return this.error;
  }

  /**
   * Called by the engine when the clock reaches the event: runs its callbacks. `_data` is the
   * number the entry was scheduled with (processes use it to tell a hold's wake-up apart).
   */
  fire(_data = 0): void {
    this.state = PROCESSED;
    const first = this.firstCallback;
    const more = this.moreCallbacks;
    this.firstCallback = null;
    this.moreCallbacks = null;
    if (first !== null) notify(first, this as SimEvent<unknown>);
    if (more !== null) for (const waiter of more) notify(waiter, this as SimEvent<unknown>);
    if (this.error !== null && !this.defused) throw this.error;
  }

  /** A short description for messages: the label, or the class name. */
  describe(): string {
    return this.label !== undefined ? `event "${this.label}"` : `${this.constructor.name} event`;
  }

  private ensurePending(): void {
    if (this.state !== PENDING) throw new Error(`${this.describe()} has already been triggered`);
  }

  /**
   * For processes: succeed with `value` and count as processed at once when nothing waits for
   * the event yet, so it costs no entry on the future-event list. Returns false (and does
   * nothing) when a callback is registered: the caller then succeeds the usual way.
   */
  protected settleUnobserved(value: T): boolean {
    if (this.firstCallback !== null) return false;
    this.outcome = value;
    this.state = PROCESSED;
    return true;
  }

  /** For subclasses that trigger themselves at creation. */
  protected triggerAfter(delay: number, value: T | undefined, priority: number): void {
    this.outcome = value;
    this.state = TRIGGERED;
    this.sim.enqueue(this, delay, priority);
  }

  /** For the engine: trigger with an error at the current time with URGENT priority. */
  protected failUrgently(error: Error): void {
    this.error = error;
    this.defused = true;
    this.state = TRIGGERED;
    this.sim.enqueue(this, 0, URGENT);
  }
}

/** An event that succeeds by itself after `delay` hours. Create with `sim.timeout(delay)`. */
export class Timeout<T = undefined> extends SimEvent<T> {
  /**
   * @param sim the simulation.
   * @param delay hours from now; finite and >= 0.
   * @param value the value a waiting process receives.
   */
  constructor(sim: Simulation, readonly delay: number, value?: T) {
    super(sim);
    this.triggerAfter(delay, value, NORMAL);
  }
}

/** An URGENT event that delivers an error to one process: the engine's interrupt carrier. */
export class Interruption extends SimEvent<undefined> {
  /** @param error the error to throw into the process when this fires. */
  constructor(sim: Simulation, error: Error) {
    super(sim);
    this.failUrgently(error);
  }
}

/**
 * An already-processed, failed event: how the engine hands a synchronous error (such as a
 * yield of something that is not an event) back into a process through the normal path.
 */
export class FailedEvent extends SimEvent<never> {
  /** @param error the error the receiving process will have thrown into it. */
  constructor(sim: Simulation, error: Error) {
    super(sim);
    this.error = error;
    this.state = PROCESSED;
  }
}
