/**
 * Departure policies of a batch transport (block trains, ferries): when a load closes at the
 * loading end A. The transport (batch-transport.ts) applies them; this file holds their types,
 * their validation and the timetable's slot sequence.
 */

/** Leave as soon as a full load (the effective capacity) is waiting and a vehicle is at A. */
export interface WhenFullPolicy {
  readonly kind: 'whenFull';
}

/**
 * Leave at timetabled slots with whatever is eligible, up to the effective capacity.
 * Slot times are absolute simulation hours `times[i] + k * period` (k = 0, 1, ...; only k = 0
 * without `period`), e.g. `{ times: [10, 58, 106], period: 168 }` for three weekly sailings.
 * A slot is when the load closes; the vehicle leaves `loadTime` later, so for a service that
 * leaves on the dot keep `loadTime` at 0 and express the loading window as `cutoff`. Each slot is
 * exactly one of: a departure, cancelled (closure closed), missed (no vehicle at A) or skipped
 * (nothing eligible); the items left waiting roll over to the next slot, first come first served.
 */
export interface TimetablePolicy {
  readonly kind: 'timetable';
  /** Slot times in hours, strictly increasing; with `period`, spanning less than one period. */
  readonly times: readonly number[];
  /** Repeat the slots every `period` hours (e.g. 168 for a weekly timetable). */
  readonly period?: number;
  /** Items must have joined at least `cutoff` hours before a slot to go on it (default 0). */
  readonly cutoff?: number;
  /** Run a slot with no eligible item as an empty departure (default false: skip and count it). */
  readonly departEmpty?: boolean;
}

/**
 * Leave when full, or `maxWait` hours after the front item of the waiting load joined, if at
 * least `minLoad` items (default 1) are waiting by then; otherwise as soon as `minLoad` is reached.
 */
export interface FullOrMaxWaitPolicy {
  readonly kind: 'fullOrMaxWait';
  /** Hours the front item may wait before a partial load leaves. */
  readonly maxWait: number;
  /** Smallest partial load worth a departure, items (default 1). */
  readonly minLoad?: number;
}

/** When a batch transport's load closes; see each member. */
export type DeparturePolicy = WhenFullPolicy | TimetablePolicy | FullOrMaxWaitPolicy;

/** Throw an error naming the bad value if `policy` is not usable with vehicles of `capacity` items. */
export function validatePolicy(policy: DeparturePolicy, capacity: number, owner: string): void {
  const fail = (message: string): never => {
    throw new RangeError(`${owner}: policy ${policy.kind}: ${message}`);
  };
  switch (policy.kind) {
    case 'whenFull':
      return;
    case 'fullOrMaxWait': {
      if (!(Number.isFinite(policy.maxWait) && policy.maxWait >= 0)) fail(`maxWait must be a finite number of hours >= 0, got ${policy.maxWait}`);
      const minLoad = policy.minLoad ?? 1;
      if (!Number.isInteger(minLoad) || minLoad < 1 || minLoad > capacity) fail(`minLoad must be an integer from 1 to the capacity ${capacity}, got ${minLoad}`);
      return;
    }
    case 'timetable': {
      const { times, period, cutoff } = policy;
      if (times.length === 0) fail('times must list at least one departure');
      times.forEach((t, i) => {
        if (!Number.isFinite(t)) fail(`times[${i}] must be a finite number of hours, got ${t}`);
        if (i > 0 && !(t > (times[i - 1] as number))) fail(`times must be strictly increasing, but times[${i}] = ${t} follows ${times[i - 1]}`);
      });
      if (period !== undefined) {
        if (!(Number.isFinite(period) && period > 0)) fail(`period must be a finite number of hours > 0, got ${period}`);
        const span = (times[times.length - 1] as number) - (times[0] as number);
        if (span >= period) fail(`times span ${span} h, which must be less than the period ${period} h`);
      }
      if (cutoff !== undefined && !(Number.isFinite(cutoff) && cutoff >= 0)) fail(`cutoff must be a finite number of hours >= 0, got ${cutoff}`);
      return;
    }
    default: {
      const unknown: { kind?: unknown } = policy;
      throw new RangeError(`${owner}: unknown departure policy ${String(unknown.kind)}`);
    }
  }
}

/** The slot times of a timetable, produced one at a time in increasing order. */
export class TimetableSlots {
  private cycle = 0;
  private index = 0;

  /**
   * @param policy a validated timetable.
   * @param from the first slot produced is the first at or after `from` hours.
   */
  constructor(private readonly policy: TimetablePolicy, from: number) {
    const { times, period } = policy;
    // Jump straight to the first period that can still hold a slot >= from.
    if (period !== undefined) this.cycle = Math.max(0, Math.floor((from - (times[times.length - 1] as number)) / period));
    while (this.peek() !== undefined && (this.peek() as number) < from) this.advance();
  }

  /** The next slot time (hours) and move past it; undefined when a finite timetable is over. */
  next(): number | undefined {
    const time = this.peek();
    if (time !== undefined) this.advance();
    return time;
  }

  private peek(): number | undefined {
    const time = this.policy.times[this.index];
    if (time === undefined) return undefined;
    return time + this.cycle * (this.policy.period ?? 0);
  }

  private advance(): void {
    this.index++;
    if (this.index === this.policy.times.length && this.policy.period !== undefined) {
      this.index = 0;
      this.cycle++;
    }
  }
}
