/**
 * Closures: a node or link that is sometimes unavailable — a Caspian port shut by a storm, a
 * rail line closed for planned works, a border post closed for a holiday.
 *
 * A `Closure` only holds the state (open or closed), tells subscribers when it changes and keeps
 * the counters. Drivers change it: `scheduleWindows` for planned closures on a calendar,
 * `alternatingRenewal` for random ones (storms). Several drivers may share one closure: closes
 * nest, so the closure is open only when no driver holds it closed (storm and works overlapping
 * keep the port shut until both are over).
 *
 * Drivers change the state at URGENT priority, so at any instant the state is settled before
 * ordinary (NORMAL, LATE) events of that instant look at it: a window [start, end) is closed
 * from `start` inclusive to `end` exclusive, so a departure at exactly `start` is blocked and one
 * at exactly `end` goes.
 */
import type { Distribution } from '../distributions/distribution.ts';
import { NORMAL, URGENT, type Firable } from '../engine/event-queue.ts';
import { SimEvent } from '../engine/event.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { RandomStream } from '../random/index.ts';
import { checkHours, drawHours } from './batch-duration.ts';
import { advanceByIntensity, validateMonthlyRate, type Seasonality } from './calendar.ts';

export type { Seasonality } from './calendar.ts';

/** Told of every change of a closure: `isOpen` after the change, and the time (hours). */
export type ClosureListener = (isOpen: boolean, now: number) => void;

/** A node or link that is open or closed; counts closures and time-weighted closed hours. */
export class Closure {
  /** Number of closures so far: changes from open to closed (nested closes count once). */
  closures = 0;
  /** Reasons of the closes currently in force, oldest first. */
  private readonly holds: string[] = [];
  private closedSince = 0;
  private closedBefore = 0;
  private readonly createdAt: number;
  // Events (whenOpen) and state machines (whenOpenFire) waiting to reopen, and their steps (0 for events).
  private waiters: Array<SimEvent<number> | Firable> = [];
  private waiterSteps: number[] = [];
  private readonly listeners: ClosureListener[] = [];

  /**
   * @param sim the simulation.
   * @param name used in error messages, e.g. `"port/aktau"`.
   */
  constructor(readonly sim: Simulation, readonly name = 'closure') {
    this.createdAt = sim.now;
  }

  /** True when no close is in force. */
  get isOpen(): boolean {
    return this.holds.length === 0;
  }

  /** The reason of the oldest close in force, or undefined when open. */
  get reason(): string | undefined {
    return this.holds[0];
  }

  /** Total hours spent closed since creation, including the closure in progress up to now. */
  get closedHours(): number {
    return this.closedBefore + (this.isOpen ? 0 : this.sim.now - this.closedSince);
  }

  /** Fraction of the hours since creation spent closed (0 before any time has passed). */
  get closedFraction(): number {
    const elapsed = this.sim.now - this.createdAt;
    return elapsed > 0 ? this.closedHours / elapsed : 0;
  }

  /**
   * An event that succeeds with the time (hours) the closure is next open: now if it is open,
   * else the reopening. A waiter that acts on it should still check `isOpen`, since a closure can
   * close again at the very instant it reopened; code that must react at once uses `onChange`.
   */
  whenOpen(): SimEvent<number> {
    const event = this.sim.event<number>(`${this.name} open`);
    if (this.isOpen) event.succeed(this.sim.now);
    else {
      this.waiters.push(event);
      this.waiterSteps.push(0);
    }
    return event;
  }

  /**
   * The callback form of `whenOpen`, for state-machine model code: `who.fire(step)` is called
   * through an entry made exactly where `whenOpen`'s event would have succeeded (now if open, else
   * at the reopening, in the order of the calls among all waiters). Check `isOpen` again then.
   */
  whenOpenFire(who: Firable, step: number): void {
    if (this.isOpen) this.sim.enqueue(who, 0, NORMAL, step);
    else {
      this.waiters.push(who);
      this.waiterSteps.push(step);
    }
  }

  /**
   * Call `listener` synchronously on every change between open and closed (not on nested
   * closes). Returns a function that unsubscribes it.
   */
  onChange(listener: ClosureListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Put a close in force (nesting: each `close` needs its own `open`). */
  close(reason = 'closed'): void {
    this.holds.push(reason);
    if (this.holds.length > 1) return;
    this.closures++;
    this.closedSince = this.sim.now;
    this.notify(false);
  }

  /**
   * Lift one close: the latest with this `reason`, or the latest of all when no reason is given.
   * The closure reopens when no close remains. Throws if there is nothing to lift.
   */
  open(reason?: string): void {
    const at = reason === undefined ? this.holds.length - 1 : this.holds.lastIndexOf(reason);
    if (at < 0) {
      const state = this.isOpen ? 'is open' : `is closed only for ${this.holds.map((r) => JSON.stringify(r)).join(', ')}`;
      throw new Error(`Cannot open closure "${this.name}"${reason === undefined ? '' : ` for ${JSON.stringify(reason)}`}: it ${state}`);
    }
    this.holds.splice(at, 1);
    if (this.holds.length > 0) return;
    this.closedBefore += this.sim.now - this.closedSince;
    const waiters = this.waiters;
    const steps = this.waiterSteps;
    this.waiters = [];
    this.waiterSteps = [];
    waiters.forEach((waiter, i) => {
      if (waiter instanceof SimEvent) waiter.succeed(this.sim.now);
      else this.sim.enqueue(waiter, 0, NORMAL, steps[i] as number);
    });
    this.notify(true);
  }

  private notify(isOpen: boolean): void {
    // A copy, so that a listener may unsubscribe (or subscribe another) while being told.
    for (const listener of this.listeners.slice()) listener(isOpen, this.sim.now);
  }
}

/** A planned closure from `start` (inclusive) to `end` (exclusive), in simulation hours. */
export interface ClosureWindow {
  readonly start: number;
  readonly end: number;
}

/** A running driver of a closure. */
export interface ClosureDriver {
  /** Stop changing the closure; a close this driver holds is lifted now. */
  stop(): void;
}

/**
 * Close `closure` during each window (absolute simulation hours), optionally repeating the whole
 * set every `repeatEvery` hours for ever (window + k * repeatEvery, k = 0, 1, ...), e.g. a nightly
 * possession `[{ start: 1, end: 5 }]` with `repeatEvery: 24`. Windows that touch (one ends where
 * the next starts) make one unbroken closure. Windows already over are skipped; one in progress
 * closes at once. Windows must not overlap, also across repeats.
 */
export function scheduleWindows(sim: Simulation, closure: Closure, windows: readonly ClosureWindow[], repeatEvery?: number, reason = 'planned'): ClosureDriver {
  const sorted = validateWindows(windows, repeatEvery);
  let cycle = 0;
  let index = 0;
  let end = 0;
  let holding = false;
  let stopped = false;
  // Windows are produced one at a time, so a repeating calendar costs O(1) memory.
  const takeWindow = (): ClosureWindow | null => {
    if (index === sorted.length) {
      if (repeatEvery === undefined) return null;
      index = 0;
      cycle++;
    }
    const window = sorted[index++] as ClosureWindow;
    const shift = cycle * (repeatEvery ?? 0);
    return { start: window.start + shift, end: window.end + shift };
  };
  let lookahead = takeWindow();
  const planNext = (): void => {
    while (lookahead !== null && lookahead.end <= sim.now) lookahead = takeWindow();
    if (lookahead === null) return;
    end = lookahead.end;
    const start = Math.max(lookahead.start, sim.now);
    lookahead = takeWindow();
    sim.scheduleAt(start, onClose, 0, URGENT);
  };
  const onClose = (): void => {
    if (stopped) return;
    closure.close(reason);
    holding = true;
    sim.scheduleAt(end, onOpen, 0, URGENT);
  };
  const onOpen = (): void => {
    if (stopped) return;
    if (lookahead !== null && lookahead.start <= end) {
      // Touching windows: stay closed rather than reopen for zero hours.
      end = lookahead.end;
      lookahead = takeWindow();
      sim.scheduleAt(end, onOpen, 0, URGENT);
      return;
    }
    holding = false;
    closure.open(reason);
    planNext();
  };
  planNext();
  return driver(closure, reason, () => holding, () => (stopped = true));
}

function validateWindows(windows: readonly ClosureWindow[], repeatEvery: number | undefined): ClosureWindow[] {
  if (repeatEvery !== undefined && !(Number.isFinite(repeatEvery) && repeatEvery > 0)) {
    throw new RangeError(`scheduleWindows: repeatEvery must be a finite number of hours > 0, got ${repeatEvery}`);
  }
  if (windows.length === 0) throw new Error('scheduleWindows needs at least one window');
  windows.forEach((w, i) => {
    if (!Number.isFinite(w.start) || !Number.isFinite(w.end)) throw new RangeError(`scheduleWindows: windows[${i}] needs finite start and end hours, got [${w.start}, ${w.end})`);
    if (w.end <= w.start) throw new RangeError(`scheduleWindows: windows[${i}] ends at ${w.end} h, not after its start ${w.start} h`);
  });
  const order = windows.map((_, i) => i).sort((a, b) => (windows[a] as ClosureWindow).start - (windows[b] as ClosureWindow).start);
  for (let k = 1; k < order.length; k++) {
    const i = order[k - 1] as number;
    const j = order[k] as number;
    const a = windows[i] as ClosureWindow;
    const b = windows[j] as ClosureWindow;
    if (b.start < a.end) throw new RangeError(`scheduleWindows: windows[${i}] [${a.start}, ${a.end}) overlaps windows[${j}] [${b.start}, ${b.end})`);
  }
  const sorted = order.map((i) => windows[i] as ClosureWindow);
  const first = sorted[0] as ClosureWindow;
  const last = sorted[sorted.length - 1] as ClosureWindow;
  if (repeatEvery !== undefined && last.end - first.start > repeatEvery) {
    throw new RangeError(`scheduleWindows: the windows span ${last.end - first.start} h (${first.start} to ${last.end}), more than repeatEvery ${repeatEvery} h, so repeats would overlap`);
  }
  return sorted;
}

function driver(closure: Closure, reason: string, holding: () => boolean, halt: () => void): ClosureDriver {
  return {
    stop(): void {
      const held = holding();
      halt();
      if (held) closure.open(reason);
    },
  };
}

/** Options of `alternatingRenewal`. */
export interface AlternatingRenewalOptions {
  /** Open spell U before each closure (hours; in intensity-weighted hours under seasonality). */
  readonly timeBetween: Distribution;
  /** Length D of each closure (hours, real time, not seasonal). */
  readonly duration: Distribution;
  /** Stream for both draws. */
  readonly rng: RandomStream;
  /** Optional month-by-month storm intensity: multipliers of the storm-onset rate. */
  readonly seasonality?: Seasonality;
  /** Reason passed to `close`, default `"storm"`. */
  readonly reason?: string;
}

/**
 * Random closures as an alternating renewal process, starting open now: open for U ~
 * `timeBetween`, closed for D ~ `duration`, open for a fresh U, and so on, all draws independent.
 * A zero-length D closes nothing.
 *
 * Unseasoned, the long-run fraction of time closed is E[D] / (E[U] + E[D]) (renewal-reward
 * theorem), whatever the shapes of U and D.
 *
 * With `seasonality`, U is drawn in intensity-weighted hours and converted to real hours by the
 * time change τ(t) = ∫ r(s) ds, with r the month's multiplier (used as given, not normalised:
 * see `Seasonality`): the spell that starts at t₀ ends at the first real time t with
 * τ(t) − τ(t₀) = U (see `advanceByIntensity`). For exponential U with mean 1/λ this
 * makes the storm onsets, while open, exactly a non-homogeneous Poisson process of piecewise-
 * constant rate λ·r(month); for other shapes it is the same renewal process run on a clock that
 * ticks r times as fast. Closure durations are not warped. No closed-form closed fraction then:
 * it varies with the season.
 */
export function alternatingRenewal(sim: Simulation, closure: Closure, options: AlternatingRenewalOptions): ClosureDriver {
  const { timeBetween, duration, rng, seasonality } = options;
  const reason = options.reason ?? 'storm';
  checkHours(timeBetween, 'alternatingRenewal: timeBetween');
  checkHours(duration, 'alternatingRenewal: duration');
  // Zero-length spells and closures would loop at one instant for ever.
  if (!(timeBetween.mean > 0)) throw new RangeError(`alternatingRenewal: timeBetween must have a mean > 0 hours, got ${timeBetween.mean}`);
  const rates = seasonality === undefined ? undefined : validateMonthlyRate(seasonality.monthlyRate);
  let holding = false;
  let stopped = false;
  const startSpell = (): void => {
    const u = drawHours(timeBetween, rng, 'alternatingRenewal: timeBetween');
    const at = seasonality === undefined || rates === undefined ? sim.now + u : advanceByIntensity(seasonality.calendar, rates, sim.now, u);
    // Infinity: beyond any date the calendar holds, so no further spell in any run.
    if (at !== Infinity) sim.scheduleAt(at, onStormStart, 0, URGENT);
  };
  const onStormStart = (): void => {
    if (stopped) return;
    const d = drawHours(duration, rng, 'alternatingRenewal: duration');
    if (d === 0) {
      startSpell();
      return;
    }
    closure.close(reason);
    holding = true;
    sim.schedule(d, onStormEnd, 0, URGENT);
  };
  const onStormEnd = (): void => {
    if (stopped) return;
    holding = false;
    closure.open(reason);
    startSpell();
  };
  startSpell();
  return driver(closure, reason, () => holding, () => (stopped = true));
}
