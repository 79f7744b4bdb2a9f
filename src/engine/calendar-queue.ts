/**
 * A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue implementation for
 * the simulation event set problem", Communications of the ACM 31(10), 1988) for the entries of
 * a large future-event list, in exactly the order of the heap it stands in for: by time, then by
 * key (the event queue's packed priority and insertion sequence).
 *
 * Time is cut into days of equal width (hours); day d's entries live in bucket d mod (number of
 * buckets), each bucket a list sorted by (time, key). A pop looks at the bucket of the current
 * day and moves day by day to the first bucket whose head is due that day, so finding the least
 * entry costs a few steps when the width suits the spacing of the entries near the front, which
 * the queue re-estimates whenever it doubles or halves its buckets. A heap costs a sift over
 * log4(n) levels instead: on a corridor year (a few hundred pending entries) this made the
 * event list about a third cheaper. Why a separate structure instead of a faster heap: the
 * heap's cost is its comparisons (unpredictable branches), not its memory, and a calendar makes
 * about one comparison per pop.
 *
 * Entries live in a pool of parallel typed arrays linked by index, so pushing and popping
 * allocate nothing once the pool has grown to the peak size; only re-sizing the calendar
 * (rare: when the entry count crosses a power of two by a factor of two) allocates.
 */
import { precedes } from './entry-order.ts';
import type { Callback, Firable } from './event-queue.ts';

const NONE = -1;
const MIN_BUCKETS = 16;
const INITIAL_POOL = 64;
/** How many of the earliest entries estimate the width (Brown's rule uses about 25). */
const WIDTH_SAMPLE = 25;
/**
 * The width is re-estimated when the pops since the last check took more than this many steps
 * each on average (days walked by `least`, list places walked by `link`). Brown's rule keeps it
 * to one or two; a width left behind by a change in the spacing of the entries (a model whose
 * pace changes while its entry count does not, so no re-size happens) costs tens.
 */
const MAX_STEPS_PER_POP = 8;
/**
 * Pops between two checks of the steps, at least; also at least the entry count, so that
 * re-estimating (a sort of the entries) costs O(log n) a pop at worst.
 */
const CHECK_EVERY = 1024;
/**
 * Day numbers stay exact integers below 2^53; keeping them below 2^40 for the latest entry
 * leaves room for the clock to run on 8,000-fold before a re-size renews the width.
 */
const MAX_DAY = 2 ** 40;

/** A calendar queue of (time, key, target, data) entries; see the module comment. */
export class CalendarQueue {
  private times = new Float64Array(INITIAL_POOL);
  private keys = new Float64Array(INITIAL_POOL);
  private datas = new Float64Array(INITIAL_POOL);
  /** Day number of each entry, floor(time / width), kept so a pop compares one number. */
  private days = new Float64Array(INITIAL_POOL);
  private next = new Int32Array(INITIAL_POOL);
  private targets: Array<Callback | Firable | undefined> = new Array<Callback | Firable | undefined>(INITIAL_POOL);
  /** Head of the free list of pool slots, and how many slots were ever used. */
  private free = NONE;
  private used = 0;
  private heads = new Int32Array(MIN_BUCKETS).fill(NONE);
  private tails = new Int32Array(MIN_BUCKETS).fill(NONE);
  private mask = MIN_BUCKETS - 1;
  /** Days per hour: the inverse of the calendar's day width, in hours. */
  private perHour = 1;
  /** The current day: never later than any entry's day. */
  private day = 0;
  /** Steps and pops since the last check of the width. */
  private steps = 0;
  private pops = 0;
  /** Number of entries. */
  size = 0;
  /** Time (hours), key and data of the entry most recently returned by `pop`. */
  poppedTime = 0;
  poppedKey = 0;
  poppedData = 0;

  /** Add an entry due at `time` hours (finite, >= 0), ordered by `key` among equal times. */
  push(time: number, key: number, target: Callback | Firable, data: number): void {
    let slot = this.free;
    if (slot === NONE) {
      if (this.used === this.times.length) this.growPool();
      slot = this.used++;
    } else {
      this.free = this.next[slot] as number;
    }
    this.times[slot] = time;
    this.keys[slot] = key;
    this.datas[slot] = data;
    this.targets[slot] = target;
    this.link(slot);
    if (++this.size > 2 * (this.mask + 1)) this.resize(2 * (this.mask + 1));
  }

  /** Remove the least entry and return its target (time, key and data in the popped fields). Only when `size > 0`. */
  pop(): Callback | Firable {
    const slot = this.least();
    const bucket = this.day & this.mask;
    const after = this.next[slot] as number;
    this.heads[bucket] = after;
    if (after === NONE) this.tails[bucket] = NONE;
    const target = this.targets[slot] as Callback | Firable;
    this.poppedTime = this.times[slot] as number;
    this.poppedKey = this.keys[slot] as number;
    this.poppedData = this.datas[slot] as number;
    // Drop the reference so a fired event can be garbage-collected.
    this.targets[slot] = undefined;
    this.next[slot] = this.free;
    this.free = slot;
    if (--this.size < (this.mask + 1) >> 1 && this.mask + 1 > MIN_BUCKETS) this.resize((this.mask + 1) >> 1);
    else if (++this.pops >= CHECK_EVERY && this.pops >= this.size) this.checkWidth();
    return target;
  }

  /** Put a pool slot into its day's bucket, in (time, key) order. */
  private link(slot: number): void {
    const time = this.times[slot] as number;
    const key = this.keys[slot] as number;
    const day = Math.floor(time * this.perHour);
    this.days[slot] = day;
    if (day < this.day || this.size === 0) this.day = day;
    const bucket = day & this.mask;
    const times = this.times;
    const keys = this.keys;
    const next = this.next;
    const tail = this.tails[bucket] as number;
    next[slot] = NONE;
    if (tail === NONE) {
      this.heads[bucket] = slot;
      this.tails[bucket] = slot;
      return;
    }
    // Most entries go last: later than all of their bucket (entries of one instant always do,
    // their keys grow), so check the tail before walking the list.
    if (precedes(times[tail] as number, keys[tail] as number, time, key)) {
      next[tail] = slot;
      this.tails[bucket] = slot;
      return;
    }
    let before = NONE;
    let at = this.heads[bucket] as number;
    for (;;) {
      if (precedes(time, key, times[at] as number, keys[at] as number)) break;
      before = at;
      at = next[at] as number;
      this.steps++;
    }
    next[slot] = at;
    if (before === NONE) this.heads[bucket] = slot;
    else next[before] = slot;
  }

  /**
   * The slot of the least entry, with the current day moved to its day. Walks day by day for
   * at most one turn of the calendar, then searches every bucket's head (entries far apart).
   */
  private least(): number {
    const heads = this.heads;
    const days = this.days;
    const mask = this.mask;
    let day = this.day;
    for (let i = 0; i <= mask; i++) {
      const head = heads[day & mask] as number;
      // A bucket's head is its earliest entry; another day's entries there come later.
      if (head !== NONE && (days[head] as number) === day) {
        this.day = day;
        this.steps += i;
        return head;
      }
      day++;
    }
    this.steps += 2 * (mask + 1);
    // Heads of different buckets are due on different days, so never at the same time: the
    // least time is the least entry.
    let best = NONE;
    let bestTime = Infinity;
    for (let bucket = 0; bucket <= mask; bucket++) {
      const head = heads[bucket] as number;
      if (head !== NONE && (this.times[head] as number) < bestTime) {
        best = head;
        bestTime = this.times[head] as number;
      }
    }
    this.day = days[best] as number;
    return best;
  }

  /** Re-estimate the width if the pops since the last check walked too far (see MAX_STEPS_PER_POP). */
  private checkWidth(): void {
    if (this.steps > MAX_STEPS_PER_POP * this.pops) this.resize(this.mask + 1);
    this.steps = 0;
    this.pops = 0;
  }

  /**
   * Re-bucket every entry into `buckets` buckets, with a day `width` of three times the mean
   * spacing of the earliest entries (Brown's rule; spacings over twice the mean are left out,
   * so one far entry does not widen the days of the dense front).
   */
  private resize(buckets: number): void {
    const live: number[] = [];
    for (let bucket = 0; bucket <= this.mask; bucket++) {
      for (let slot = this.heads[bucket] as number; slot !== NONE; slot = this.next[slot] as number) live.push(slot);
    }
    const times = live.map((slot) => this.times[slot] as number).sort((a, b) => a - b);
    this.setWidth(times);
    this.heads = new Int32Array(buckets).fill(NONE);
    this.tails = new Int32Array(buckets).fill(NONE);
    this.mask = buckets - 1;
    const size = this.size;
    this.size = 0;
    for (const slot of live) {
      this.link(slot);
      this.size++;
    }
    this.size = size;
  }

  /** Set the day width from the entries' times, sorted (see `resize`); kept when they all coincide. */
  private setWidth(sortedTimes: readonly number[]): void {
    const n = Math.min(sortedTimes.length, WIDTH_SAMPLE);
    let total = 0;
    for (let i = 1; i < n; i++) total += (sortedTimes[i] as number) - (sortedTimes[i - 1] as number);
    const mean = n > 1 ? total / (n - 1) : 0;
    let kept = 0;
    let count = 0;
    for (let i = 1; i < n; i++) {
      const gap = (sortedTimes[i] as number) - (sortedTimes[i - 1] as number);
      if (gap <= 2 * mean) {
        kept += gap;
        count++;
      }
    }
    const spacing = count > 0 ? kept / count : 0;
    // All at one instant: no spacing to learn from; keep the width.
    if (!(spacing > 0)) return;
    const latest = sortedTimes[sortedTimes.length - 1] as number;
    this.perHour = 1 / Math.max(3 * spacing, latest / MAX_DAY);
  }

  private growPool(): void {
    const capacity = this.times.length * 2;
    const grown = (old: Float64Array): Float64Array<ArrayBuffer> => {
      const array = new Float64Array(capacity);
      array.set(old);
      return array;
    };
    this.times = grown(this.times);
    this.keys = grown(this.keys);
    this.datas = grown(this.datas);
    this.days = grown(this.days);
    const next = new Int32Array(capacity);
    next.set(this.next);
    this.next = next;
    this.targets.length = capacity;
  }
}
