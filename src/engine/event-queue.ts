/**
 * The future-event list: a 4-ary min-heap of scheduled entries, which hands its entries to a
 * calendar queue while it holds many.
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
 *
 * Most entries of a process model are due at the current instant (a process starts, a request
 * is granted, an event succeeds). Those go to a first-in-first-out lane per priority instead
 * of the heap: entries made at the same instant with the same priority are already in
 * (time, key) order, so each lane is sorted by construction, costs O(1) per entry, and `pop`
 * takes the least of the heap's top and the lanes' heads. The order is exactly the heap's.
 *
 * A heap's pop costs a sift over log4(n) levels, each a few comparisons of times the processor
 * cannot predict. Once it would hold more than HEAP_CAPACITY entries the heap keeps only its
 * root, the least entry, and every other entry goes to a calendar queue (calendar-queue.ts),
 * which finds the next one in about one comparison; below TO_HEAP entries they come back to
 * the heap. Both keep the same (time, key) order, so which one holds an entry never changes the
 * order of a run.
 */
import { CalendarQueue } from './calendar-queue.ts';
import { precedes } from './entry-order.ts';

/** A cheap scheduled callback: receives the number it was scheduled with. */
export type Callback = (data: number) => void;

/** Anything the queue can fire: a callback, or an event with a `fire` method. */
export interface Firable {
  /** Called by the engine when the entry's time comes, with the number it was scheduled with. */
  fire(data: number): void;
  /** What fires with entry data `data`, for event traces (e.g. `container 12 at aktau: handled`); optional. */
  describe?(data: number): string;
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
/**
 * The heap's fixed size: a push into a full heap hands all but its root to the calendar. In a
 * hold model (every pop schedules one entry an exponential time ahead) the calendar is the
 * cheaper of the two from about 30 entries on, the heap below.
 */
const HEAP_CAPACITY = 64;
/**
 * Below this many calendar entries they come back to the heap. Well under HEAP_CAPACITY, so a
 * queue whose size wanders around one threshold does not switch back and forth.
 */
const TO_HEAP = 16;

/** Entries due at one instant with one priority, in the order they were made (a ring buffer). */
class Lane {
  times = new Float64Array(INITIAL_CAPACITY);
  keys = new Float64Array(INITIAL_CAPACITY);
  datas = new Float64Array(INITIAL_CAPACITY);
  targets: Array<Callback | Firable | undefined> = new Array<Callback | Firable | undefined>(INITIAL_CAPACITY);
  head = 0;
  size = 0;

  /** Time of the newest entry (hours); entries may join only at this time or later. */
  get tailTime(): number {
    return this.times[(this.head + this.size - 1) & (this.times.length - 1)] as number;
  }

  push(time: number, key: number, target: Callback | Firable, data: number): void {
    if (this.size === this.times.length) this.grow();
    const at = (this.head + this.size) & (this.times.length - 1);
    this.times[at] = time;
    this.keys[at] = key;
    this.datas[at] = data;
    this.targets[at] = target;
    this.size++;
  }

  /** Drop the head (the caller has read it). */
  shift(): void {
    this.targets[this.head] = undefined;
    this.head = (this.head + 1) & (this.times.length - 1);
    this.size--;
  }

  // Capacities stay powers of two, so positions wrap with a mask.
  private grow(): void {
    const old = this.times.length;
    const capacity = old * 2;
    const times = new Float64Array(capacity);
    const keys = new Float64Array(capacity);
    const datas = new Float64Array(capacity);
    const targets = new Array<Callback | Firable | undefined>(capacity);
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) & (old - 1);
      times[i] = this.times[from] as number;
      keys[i] = this.keys[from] as number;
      datas[i] = this.datas[from] as number;
      targets[i] = this.targets[from];
    }
    this.times = times;
    this.keys = keys;
    this.datas = datas;
    this.targets = targets;
    this.head = 0;
  }
}

/**
 * Infinity, read as a float64: `EMPTY[0]`. Why not the literal: an empty heap is rare, so the
 * `: Infinity` branches below had never run when TurboFan compiled them; it left the global
 * `Infinity` as a generic load, the branches merged as a tagged value, and every pop boxed the
 * heap's top time and key into two fresh HeapNumbers (32 bytes per event, a third of the
 * corridor's allocation). Read from a Float64Array, both branches stay float64.
 */
const EMPTY = new Float64Array([Infinity]);

/**
 * 4-ary min-heap keyed by (time, priority, insertion sequence), with lanes for the current
 * instant and a calendar beyond HEAP_CAPACITY entries (see the module comment). Four children
 * per node rather than two: a pop sifts down half as many levels, and the four children sit side
 * by side in the arrays; before the calendar, on a corridor year (a heap of a few hundred
 * entries, popped more than half a million times) that made a replication about 3% faster, and
 * the M/M/3 callbacks about 2%.
 */
export class EventQueue {
  private readonly times = new Float64Array(HEAP_CAPACITY);
  private readonly keys = new Float64Array(HEAP_CAPACITY);
  private readonly datas = new Float64Array(HEAP_CAPACITY);
  private readonly targets: Array<Callback | Firable | undefined> = new Array<Callback | Firable | undefined>(HEAP_CAPACITY);
  private heapSize = 0;
  /**
   * Holds every entry but the heap's root while `onCalendar`: the root stays the least entry,
   * so the lanes and `popBefore` compare against it as against any heap top.
   */
  private readonly calendar = new CalendarQueue();
  /**
   * The heap size at which a push goes out of line (`pushOffHeap`): HEAP_CAPACITY, or 1 on the
   * calendar. One comparison on the hot path tells both cases.
   */
  private heapRoom = HEAP_CAPACITY;
  private readonly urgentLane = new Lane();
  private readonly normalLane = new Lane();
  private sequence = 0;
  /** Number of pending entries. */
  size = 0;
  /** Time of the entry most recently returned by `pop` (hours). */
  poppedTime = 0;
  /** Data of the entry most recently returned by `pop`. */
  poppedData = 0;

  /** Time of the earliest entry, or `Infinity` when empty. */
  peekTime(): number {
    let t = this.heapSize > 0 ? (this.times[0] as number) : (EMPTY[0] as number);
    const urgent = this.urgentLane;
    if (urgent.size > 0) t = Math.min(t, urgent.times[urgent.head] as number);
    const normal = this.normalLane;
    if (normal.size > 0) t = Math.min(t, normal.times[normal.head] as number);
    return t;
  }

  /** Add an entry. `time` must be finite; the caller validates it against the clock. */
  push(time: number, priority: number, target: Callback | Firable, data: number): void {
    const key = priority * SEQUENCE_SPAN + this.sequence++;
    this.size++;
    // Due now (the time of the last pop): a lane keeps it in order, provided nothing later
    // already waits in that lane (only possible if a caller pushes into the past).
    if (time === this.poppedTime && priority <= NORMAL) {
      const lane = priority === URGENT ? this.urgentLane : this.normalLane;
      if (lane.size === 0 || lane.tailTime <= time) {
        lane.push(time, key, target, data);
        return;
      }
    }
    if (this.heapSize === this.heapRoom) {
      this.pushOffHeap(time, key, target, data);
      return;
    }
    const times = this.times;
    const keys = this.keys;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (precedes(pt, keys[parent] as number, time, key)) break;
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
    return this.popBefore(Infinity) as Callback | Firable;
  }

  /**
   * `pop`, if the earliest entry is due strictly before `limit` (hours); else null, and nothing
   * is removed. One look at the heap's top and the lanes' heads instead of a `peekTime` and a
   * `pop` per entry (`Simulation.run(t)`).
   */
  popBefore(limit: number): Callback | Firable | null {
    // The least of the heap's top and the two lanes' heads by (time, key).
    let lane: Lane | null = null;
    let bestTime = this.heapSize > 0 ? (this.times[0] as number) : (EMPTY[0] as number);
    let bestKey = this.heapSize > 0 ? (this.keys[0] as number) : (EMPTY[0] as number);
    const urgent = this.urgentLane;
    if (urgent.size > 0) {
      const t = urgent.times[urgent.head] as number;
      const k = urgent.keys[urgent.head] as number;
      if (precedes(t, k, bestTime, bestKey)) {
        lane = urgent;
        bestTime = t;
        bestKey = k;
      }
    }
    const normal = this.normalLane;
    if (normal.size > 0) {
      const t = normal.times[normal.head] as number;
      const k = normal.keys[normal.head] as number;
      if (precedes(t, k, bestTime, bestKey)) {
        lane = normal;
        bestTime = t;
      }
    }
    if (!(bestTime < limit)) return null;
    this.size--;
    if (lane !== null) {
      const head = lane.head;
      const target = lane.targets[head] as Callback | Firable;
      this.poppedTime = lane.times[head] as number;
      this.poppedData = lane.datas[head] as number;
      lane.shift();
      return target;
    }
    return this.popHeap();
  }

  private popHeap(): Callback | Firable {
    const times = this.times;
    const keys = this.keys;
    const top = this.targets[0] as Callback | Firable;
    this.poppedTime = times[0] as number;
    this.poppedData = this.datas[0] as number;
    const last = --this.heapSize;
    if (last > 0) {
      const lt = times[last] as number;
      const lk = keys[last] as number;
      let i = 0;
      for (;;) {
        const first = 4 * i + 1;
        if (first >= last) break;
        // The least of up to four children.
        let child = first;
        let ct = times[first] as number;
        let ck = keys[first] as number;
        const end = Math.min(first + 4, last);
        for (let c = first + 1; c < end; c++) {
          const t = times[c] as number;
          if (precedes(t, keys[c] as number, ct, ck)) {
            child = c;
            ct = t;
            ck = keys[c] as number;
          }
        }
        if (precedes(lt, lk, ct, ck)) break;
        this.moveEntry(child, i);
        i = child;
      }
      times[i] = lt;
      keys[i] = lk;
      this.datas[i] = this.datas[last] as number;
      this.targets[i] = this.targets[last];
    } else if (this.onCalendar) {
      this.rootFromCalendar();
      return top;
    }
    // Drop the reference so a fired event can be garbage-collected.
    this.targets[last] = undefined;
    return top;
  }

  /** The heap is full, or on the calendar: the entry joins the calendar, or becomes its root. */
  private pushOffHeap(time: number, key: number, target: Callback | Firable, data: number): void {
    if (!this.onCalendar) this.toCalendar();
    const rootTime = this.times[0] as number;
    const rootKey = this.keys[0] as number;
    if (precedes(time, key, rootTime, rootKey)) {
      this.calendar.push(rootTime, rootKey, this.targets[0] as Callback | Firable, this.datas[0] as number);
      this.times[0] = time;
      this.keys[0] = key;
      this.datas[0] = data;
      this.targets[0] = target;
    } else {
      this.calendar.push(time, key, target, data);
    }
  }

  /** On the calendar, the root was popped: the calendar's least entry becomes the root. */
  private rootFromCalendar(): void {
    const calendar = this.calendar;
    this.targets[0] = calendar.pop();
    this.times[0] = calendar.poppedTime;
    this.keys[0] = calendar.poppedKey;
    this.datas[0] = calendar.poppedData;
    this.heapSize = 1;
    if (calendar.size < TO_HEAP) this.toHeap();
  }

  /** Every entry but the root goes to the calendar. */
  private toCalendar(): void {
    const calendar = this.calendar;
    for (let i = 1; i < this.heapSize; i++) {
      calendar.push(this.times[i] as number, this.keys[i] as number, this.targets[i] as Callback | Firable, this.datas[i] as number);
      this.targets[i] = undefined;
    }
    this.heapSize = 1;
    this.heapRoom = 1;
  }

  /**
   * The calendar's entries (fewer than TO_HEAP) come back to the heap after its root. They come
   * out in order, and a sorted array is a heap (every parent comes before its children), so
   * nothing needs sifting.
   */
  private toHeap(): void {
    const calendar = this.calendar;
    while (calendar.size > 0) {
      const i = this.heapSize++;
      this.targets[i] = calendar.pop();
      this.times[i] = calendar.poppedTime;
      this.keys[i] = calendar.poppedKey;
      this.datas[i] = calendar.poppedData;
    }
    this.heapRoom = HEAP_CAPACITY;
  }

  /** Whether all entries but the heap's root wait in the calendar (`heapRoom` says so). */
  private get onCalendar(): boolean {
    return this.heapRoom === 1;
  }

  private moveEntry(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.keys[to] = this.keys[from] as number;
    this.datas[to] = this.datas[from] as number;
    this.targets[to] = this.targets[from];
  }
}
