/**
 * The simulation environment: the clock, the future-event list and the loop that advances one
 * to the next entry of the other.
 *
 * Time is in hours everywhere inside the engine. A model creates processes (`process`), waits
 * (`timeout`), and for hot paths schedules plain callbacks (`schedule`), which cost one heap
 * entry and no allocation.
 */
import { allOf, anyOf, type Condition } from './condition.ts';
import { PROCESSED, SimEvent, Timeout } from './event.ts';
import { EventQueue, MAX_PRIORITY, NORMAL, type Callback, type Firable } from './event-queue.ts';
import { Process, describeValue, type ProcessGenerator } from './process.ts';

/**
 * Called for every entry the engine processes: the time (hours), what fired (an event, a
 * callback, or another `Firable` such as a state machine of the model) and the entry's data.
 */
export type Tracer = (time: number, target: SimEvent<unknown> | Callback | Firable, data: number) => void;

/** Thrown by `Simulation.step` when `eventLimit` entries have been processed. */
export class EventLimitError extends Error {
  override readonly name = 'EventLimitError';

  /** @param limit the `eventLimit` reached. @param time the clock when it was reached, hours. */
  constructor(
    readonly limit: number,
    readonly time: number,
  ) {
    super(`Event limit reached: ${limit} events processed by t=${time} h`);
  }
}

/** A discrete-event simulation: one clock, one future-event list. */
export class Simulation {
  private clock: number;
  private readonly queue = new EventQueue();
  /** Number of future-event-list entries processed so far. */
  eventsProcessed = 0;
  /** The process whose generator is running right now, or null between events. */
  activeProcess: Process<unknown> | null = null;
  /** A processed, succeeded event that starts every process (shared: it carries no state). */
  readonly startSignal: SimEvent<undefined>;
  /**
   * What `hold` returns: a marker a process yields to say "my wake-up is scheduled". It never
   * triggers and carries no state, so every hold shares it.
   */
  readonly holdSignal: SimEvent<undefined>;
  /** Optional hook called for every entry processed (for event traces; null costs nothing). */
  tracer: Tracer | null = null;
  /**
   * Most entries this simulation may process in all; `step` throws `EventLimitError` before
   * processing one more. A guard against runaway models (arrivals at one instant for ever), set
   * by the model layer; Infinity (the default) means no limit. One compare per event.
   */
  eventLimit = Infinity;

  /** @param startTime the clock's initial value in hours (default 0). */
  constructor(startTime = 0) {
    if (!Number.isFinite(startTime)) throw new Error(`Simulation start time must be a finite number of hours, got ${startTime}`);
    this.clock = startTime;
    this.startSignal = new SimEvent<undefined>(this);
    this.startSignal.label = 'process start';
    this.startSignal.state = PROCESSED;
    this.holdSignal = new SimEvent<undefined>(this);
    this.holdSignal.label = 'hold';
  }

  /** Current simulation time, hours. */
  get now(): number {
    return this.clock;
  }

  /** Time of the next scheduled entry (hours), or `Infinity` if none. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Number of entries waiting on the future-event list. */
  get pending(): number {
    return this.queue.size;
  }

  /** An event that succeeds with `value` after `delay` hours. */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    return new Timeout<T>(this, delay, value);
  }

  /**
   * Wait `delay` hours inside a process, allocating nothing: `yield sim.hold(2.5)`. Same
   * ordering as `yield sim.timeout(2.5)` (a NORMAL entry `delay` hours ahead, in call order), but
   * the process itself is the entry, so the hot loops of a model (a crane's service, a train's
   * run) make no event object per wait. Call it only from the running process and yield its
   * result at once; anywhere else, use `timeout`.
   */
  hold(delay: number): SimEvent<undefined> {
    const process = this.activeProcess;
    if (process === null) throw new Error(`sim.hold(${delay}) can only be called by a running process; use sim.timeout(${delay}) elsewhere`);
    process.scheduleHold(delay);
    return this.holdSignal;
  }

  /** A new pending event, to be triggered by model code with `succeed` or `fail`. */
  event<T = unknown>(label?: string): SimEvent<T> {
    const event = new SimEvent<T>(this);
    if (label !== undefined) event.label = label;
    return event;
  }

  /** Start a process from a generator; it runs at the current time, before NORMAL events. */
  process<R>(generator: ProcessGenerator<R>, name = 'process'): Process<R> {
    if (generator === null || typeof generator !== 'object' || typeof generator.next !== 'function') {
      throw new TypeError(`sim.process("${name}") requires a generator (call the generator function), got ${describeValue(generator)}`);
    }
    return new Process<R>(this, generator, name);
  }

  /** An event that triggers when any of `events` has been processed. */
  anyOf(events: readonly SimEvent<unknown>[]): Condition {
    return anyOf(this, events);
  }

  /** An event that triggers when all of `events` have been processed. */
  allOf(events: readonly SimEvent<unknown>[]): Condition {
    return allOf(this, events);
  }

  /**
   * Call `callback(data)` after `delay` hours: the cheap path for hot model code, which
   * allocates nothing. Same ordering rule as events.
   */
  schedule(delay: number, callback: Callback, data = 0, priority = NORMAL): void {
    this.enqueue(callback, delay, priority, data);
  }

  /** Call `callback(data)` at absolute time `time` (hours, not in the past). */
  scheduleAt(time: number, callback: Callback, data = 0, priority = NORMAL): void {
    if (!(time >= this.clock) || time === Infinity) {
      throw new Error(`Cannot schedule at t=${time} h: ${time < this.clock ? `that is in the past (now ${this.clock} h)` : 'expected a finite time'}${this.inProcess()}`);
    }
    this.enqueue(callback, time - this.clock, priority, data);
  }

  /** Put an entry on the future-event list `delay` hours from now. Used by events and resources. */
  enqueue(target: Firable | Callback, delay: number, priority: number, data = 0): void {
    // The errors are built out of line (badEntry): with their messages here, enqueue was too
    // big for the JIT to inline into every caller, which then boxed each delay on the heap.
    if (!(delay >= 0) || delay === Infinity || !Number.isInteger(priority) || priority < 0 || priority > MAX_PRIORITY) throw this.badEntry(delay, priority);
    this.queue.push(this.clock + delay, priority, target, data);
  }

  /** The error of an `enqueue` with a bad delay or priority. */
  private badEntry(delay: number, priority: number): RangeError {
    if (!(delay >= 0) || delay === Infinity) {
      const problem = delay < 0 ? `Negative delay ${delay} h` : `Delay must be a finite number of hours >= 0, got ${delay}`;
      return new RangeError(problem + this.inProcess());
    }
    return new RangeError(`Priority must be an integer from 0 to ${MAX_PRIORITY}, got ${priority}${this.inProcess()}`);
  }

  /** Process the next entry. Returns false if there was none. */
  step(): boolean {
    return this.stepBefore(Infinity);
  }

  /** Process the next entry if it is due strictly before `limit` hours; false if there is none. */
  private stepBefore(limit: number): boolean {
    const queue = this.queue;
    if (queue.size === 0) return false;
    if (this.eventsProcessed >= this.eventLimit) {
      if (!(queue.peekTime() < limit)) return false;
      throw new EventLimitError(this.eventLimit, this.clock);
    }
    const target = queue.popBefore(limit);
    if (target === null) return false;
    this.clock = queue.poppedTime;
    this.eventsProcessed++;
    if (this.tracer !== null) this.tracer(this.clock, target, queue.poppedData);
    if (typeof target === 'function') target(queue.poppedData);
    else target.fire(queue.poppedData);
    return true;
  }

  /**
   * Advance the simulation.
   * - `run()`: until no entries remain.
   * - `run(t)`: process every entry scheduled strictly before `t` hours, then set the clock to `t`
   *   (entries at exactly `t` stay pending, so back-to-back `run` calls never process one twice).
   * - `run(event)`: until `event` has been processed; returns its value.
   */
  run(until?: number | SimEvent<unknown>): unknown {
    if (until === undefined) {
      while (this.step());
      return undefined;
    }
    if (until instanceof SimEvent) return this.runUntilEvent(until);
    if (typeof until !== 'number' || Number.isNaN(until)) throw new TypeError(`run(until) requires a time in hours or an event, got ${describeValue(until)}`);
    if (until < this.clock) throw new RangeError(`run(until=${until} h) is in the past: now is ${this.clock} h`);
    while (this.stepBefore(until));
    if (until !== Infinity) this.clock = until;
    return undefined;
  }

  private runUntilEvent(event: SimEvent<unknown>): unknown {
    while (!event.processed) {
      if (!this.step()) {
        throw new Error(`run(until=${event.describe()}) ran out of events at t=${this.clock} h before it was processed`);
      }
    }
    return event.value;
  }

  private inProcess(): string {
    return this.activeProcess !== null ? ` (in process "${this.activeProcess.name}")` : '';
  }
}
