/**
 * The future-event list: a binary min-heap of scheduled entries.
 *
 * Ordering rule (this is what makes every run reproducible): entries are ordered by
 *   1. time (hours), earliest first;
 *   2. priority, lower first (URGENT = 0 runs before NORMAL = 1 at the same instant);
 *   3. insertion sequence, earlier first: simultaneous entries of equal priority run in the
 *      order they were scheduled.
 * Priority and sequence are packed into one float64 key, `priority * 2^44 + sequence`, exact
 * while fewer than 2^44 (1.7e13) entries are scheduled in one run and priorities stay below 512.
 *
 * Keys live in typed arrays and targets in a parallel plain array, so pushing and popping
 * allocate nothing once the arrays have grown to the model's peak size.
 */

/** A cheap scheduled callback: receives the number it was scheduled with. */
export type Callback = (data: number) => void;

/** Anything the queue can fire: a callback, or an event with a `fire` method. */
export interface Firable {
  /** Called by the engine when the entry's time comes. */
  fire(): void;
}

/** Runs before NORMAL at the same instant: process start-up and interrupts. */
export const URGENT = 0;
/** The default priority of events and callbacks. */
export const NORMAL = 1;
/** Runs after NORMAL at the same instant, e.g. end-of-period bookkeeping. */
export const LATE = 2;
/** Largest priority the key packing allows. */
export const MAX_PRIORITY = 511;

const SEQUENCE_SPAN = 2 ** 44;
const INITIAL_CAPACITY = 64;

/** Binary min-heap keyed by (time, priority, insertion sequence). */
export class EventQueue {
  private times = new Float64Array(INITIAL_CAPACITY);
  private keys = new Float64Array(INITIAL_CAPACITY);
  private datas = new Float64Array(INITIAL_CAPACITY);
  private targets: Array<Callback | Firable | undefined> = new Array<Callback | Firable | undefined>(INITIAL_CAPACITY);
  private sequence = 0;
  /** Number of pending entries. */
  size = 0;
  /** Time of the entry most recently returned by `pop` (hours). */
  poppedTime = 0;
  /** Data of the entry most recently returned by `pop`. */
  poppedData = 0;

  /** Time of the earliest entry, or `Infinity` when empty. */
  peekTime(): number {
    return this.size > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Add an entry. `time` must be finite; the caller validates it against the clock. */
  push(time: number, priority: number, target: Callback | Firable, data: number): void {
    if (this.size === this.times.length) this.grow();
    const key = priority * SEQUENCE_SPAN + this.sequence++;
    const times = this.times;
    const keys = this.keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (keys[parent] as number) < key)) break;
      this.moveEntry(parent, i);
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    this.datas[i] = data;
    this.targets[i] = target;
  }

  /**
   * Remove and return the earliest entry's target; its time and data are left in `poppedTime`
   * and `poppedData` so that popping allocates no result object. Call only when `size > 0`.
   */
  pop(): Callback | Firable {
    const times = this.times;
    const keys = this.keys;
    const top = this.targets[0] as Callback | Firable;
    this.poppedTime = times[0] as number;
    this.poppedData = this.datas[0] as number;
    const last = --this.size;
    if (last > 0) {
      const lt = times[last] as number;
      const lk = keys[last] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last) {
          const rt = times[right] as number;
          const ct = times[child] as number;
          if (rt < ct || (rt === ct && (keys[right] as number) < (keys[child] as number))) child = right;
        }
        const ct = times[child] as number;
        if (lt < ct || (lt === ct && lk < (keys[child] as number))) break;
        this.moveEntry(child, i);
        i = child;
      }
      times[i] = lt;
      keys[i] = lk;
      this.datas[i] = this.datas[last] as number;
      this.targets[i] = this.targets[last];
    }
    // Drop the reference so a fired event can be garbage-collected.
    this.targets[last] = undefined;
    return top;
  }

  private moveEntry(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.keys[to] = this.keys[from] as number;
    this.datas[to] = this.datas[from] as number;
    this.targets[to] = this.targets[from];
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const keys = new Float64Array(capacity);
    const datas = new Float64Array(capacity);
    times.set(this.times);
    keys.set(this.keys);
    datas.set(this.datas);
    this.times = times;
    this.keys = keys;
    this.datas = datas;
    this.targets.length = capacity;
  }
}
