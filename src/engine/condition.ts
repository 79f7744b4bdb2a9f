/**
 * Waiting on several events at once: `anyOf` (the first of a set, e.g. "the ferry is full or the
 * maximum wait has passed") and `allOf` (every one of a set, e.g. "all wagons are unloaded").
 */
import { PROCESSED, SimEvent } from './event.ts';
import type { Simulation } from './simulation.ts';

/**
 * The value of a condition: the events of the set that had been processed when the condition
 * triggered, with their values, in the order they were given.
 */
export type ConditionValue = Map<SimEvent<unknown>, unknown>;

/**
 * An event that triggers once `isMet(processedCount, total)` holds over a set of events, and
 * fails as soon as one of them fails.
 */
export class Condition extends SimEvent<ConditionValue> {
  private processedCount = 0;

  /**
   * @param sim the simulation.
   * @param events the events to watch; all must belong to `sim`.
   * @param isMet decides, from how many have been processed out of how many, whether to trigger.
   */
  constructor(
    sim: Simulation,
    private readonly events: readonly SimEvent<unknown>[],
    private readonly isMet: (processed: number, total: number) => boolean,
  ) {
    super(sim);
    for (const event of events) {
      if (!(event instanceof SimEvent)) throw new TypeError(`A condition can only wait for events, got ${String(event)}`);
      if (event.sim !== sim) throw new Error('A condition cannot mix events of different simulations');
    }
    if (events.length === 0) {
      this.succeed(new Map());
      return;
    }
    const check = (event: SimEvent<unknown>): void => this.check(event);
    for (const event of events) {
      if (event.state === PROCESSED) this.check(event);
      else event.addCallback(check);
      if (this.triggered) break;
    }
  }

  private check(event: SimEvent<unknown>): void {
    if (this.triggered) return;
    if (!event.ok) {
      event.defuse();
      this.fail(event.failure as Error);
      return;
    }
    this.processedCount++;
    if (this.isMet(this.processedCount, this.events.length)) this.succeed(this.collectValues());
  }

  private collectValues(): ConditionValue {
    const values: ConditionValue = new Map();
    for (const event of this.events) if (event.state === PROCESSED && event.ok) values.set(event, event.value);
    return values;
  }
}

/** Triggers when any one of `events` has been processed. */
export function anyOf(sim: Simulation, events: readonly SimEvent<unknown>[]): Condition {
  return new Condition(sim, events, (processed) => processed >= 1);
}

/** Triggers when every one of `events` has been processed. */
export function allOf(sim: Simulation, events: readonly SimEvent<unknown>[]): Condition {
  return new Condition(sim, events, (processed, total) => processed === total);
}
