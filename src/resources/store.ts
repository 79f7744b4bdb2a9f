/**
 * Stores of discrete items: a container yard, a siding holding wagons, a ferry's hold. Producers
 * `put` items and wait while the store is full; consumers `get` items (optionally only ones that
 * match a filter) and wait while none is available. Times are in hours.
 */
import { SimEvent, type Simulation } from '../engine/index.ts';

/** Decides whether a consumer takes an item, e.g. "a wagon bound for Poti". */
export type ItemFilter<T> = (item: T) => boolean;

/** A producer's wish to place `item` in a store: succeeds once the item is in. */
export class StorePut<T> extends SimEvent<undefined> {
  /** @param store the store asked. @param item the item (a container, a wagon) to place. */
  constructor(readonly store: Store<T>, readonly item: T) {
    super(store.sim);
  }
}

/** A consumer's wish to take an item from a store: succeeds with the item taken. */
export class StoreGet<T> extends SimEvent<T> {
  /** @param store the store asked. @param filter if given, only an item it accepts is taken. */
  constructor(readonly store: Store<T>, readonly filter: ItemFilter<T> | undefined) {
    super(store.sim);
  }
}

/**
 * A store of items of type `T` with a finite capacity or Infinity. Items leave in arrival order
 * (FIFO), except that a filtered get takes the first item it accepts. Puts are served strictly in
 * request order. Gets are served in request order too, but a get that no stored item satisfies
 * does not hold back later gets: they could only take items it does not want.
 */
export class Store<T> {
  /**
   * Called with the current time (hours) after each operation that changed `size` or a queue,
   * once the store has settled; feed time-weighted statistics from it.
   */
  onChange?: ((now: number) => void) | undefined;
  // Items live in buf[head..]: taking from the front advances `head` instead of shifting.
  private buf: T[] = [];
  private head = 0;
  private readonly puts = new HeadQueue<StorePut<T>>();
  private readonly gets = new HeadQueue<StoreGet<T>>();

  /**
   * @param sim the simulation.
   * @param capacity most items held at once: an integer >= 1, or Infinity (the default).
   * @param name used in error messages and traces.
   */
  constructor(readonly sim: Simulation, readonly capacity = Infinity, readonly name = 'store') {
    if (typeof capacity !== 'number' || !(capacity >= 1) || (!Number.isInteger(capacity) && capacity !== Infinity)) {
      throw new RangeError(`Store "${name}": capacity must be an integer >= 1 (or Infinity), got ${String(capacity)}`);
    }
  }

  /** Number of items held. */
  get size(): number {
    return this.buf.length - this.head;
  }

  /** A snapshot of the items held, oldest first (a copy: for inspection, not for hot loops). */
  get items(): readonly T[] {
    return this.buf.slice(this.head);
  }

  /** Number of producers waiting for space. */
  get putQueueLength(): number {
    return this.puts.size;
  }

  /** Number of consumers waiting for an item. */
  get getQueueLength(): number {
    return this.gets.size;
  }

  /** Place `item`; yield the event to wait until it is in (the store may be full). */
  put(item: T): StorePut<T> {
    const put = new StorePut(this, item);
    this.puts.push(put);
    this.settle();
    this.changed();
    return put;
  }

  /** Take the oldest item (that `filter` accepts, if given); the event's value is the item. */
  get(filter?: ItemFilter<T>): StoreGet<T> {
    if (filter !== undefined && typeof filter !== 'function') {
      throw new TypeError(`Store "${this.name}".get: filter must be a function, got ${String(filter)}`);
    }
    const get = new StoreGet(this, filter);
    this.gets.push(get);
    this.settle();
    this.changed();
    return get;
  }

  /** Withdraw a put or get that is still waiting (a truck gives up on a full yard). */
  cancel(event: StorePut<T> | StoreGet<T>): void {
    if (event.store !== this) throw new Error(`Store "${this.name}": cannot cancel an event of store "${event.store.name}"`);
    if (event.triggered) throw new Error(`Store "${this.name}": cannot cancel ${event.describe()}: it has already been served`);
    const removed = event instanceof StorePut ? this.puts.remove(event) : this.gets.remove(event);
    if (!removed) throw new Error(`Store "${this.name}": cannot cancel ${event.describe()}: it is not waiting (cancelled already?)`);
    // Puts only wait for space and gets only for matching items, so a withdrawal frees nothing.
    this.changed();
  }

  // Alternate between admitting puts and serving gets until neither can progress.
  private settle(): void {
    for (;;) {
      while (this.size < this.capacity) {
        const put = this.puts.shift();
        if (put === undefined) break;
        this.buf.push(put.item);
        put.succeed(undefined);
      }
      if (!this.serveGets() || this.puts.size === 0) return;
    }
  }

  private serveGets(): boolean {
    const gets = this.gets;
    let served = false;
    for (let i = gets.first; i < gets.end && this.size > 0; i++) {
      const get = gets.at(i);
      if (get === undefined) continue;
      const at = this.find(get.filter);
      if (at < 0) continue;
      gets.removeAt(i);
      get.succeed(this.takeAt(at));
      served = true;
    }
    gets.tidy();
    return served;
  }

  private find(filter: ItemFilter<T> | undefined): number {
    if (filter === undefined) return this.head;
    const buf = this.buf;
    for (let i = this.head; i < buf.length; i++) if (filter(buf[i] as T)) return i;
    return -1;
  }

  private takeAt(at: number): T {
    const buf = this.buf;
    const item = buf[at] as T;
    if (at !== this.head) {
      buf.splice(at, 1);
    } else if (++this.head === buf.length) {
      buf.length = 0;
      this.head = 0;
    } else {
      // Drop the reference so a departed item can be garbage-collected; compact now and then.
      (buf as Array<T | undefined>)[at] = undefined;
      if (this.head > 1024 && this.head * 2 > buf.length) {
        buf.splice(0, this.head);
        this.head = 0;
      }
    }
    return item;
  }

  private changed(): void {
    if (this.onChange !== undefined) this.onChange(this.sim.now);
  }
}

/**
 * A FIFO line of waiters (requests, puts, gets) backed by an array and a head index, so taking
 * the first is O(1) without `Array.shift`. Removal from the middle leaves a hole that is skipped.
 * Shared by `Store` and `Resource`.
 */
export class HeadQueue<E extends object> {
  private slots: Array<E | undefined> = [];
  private head = 0;
  /** Number of live entries. */
  size = 0;

  /** Index of the first slot, for in-order scans with `at` and `removeAt`. */
  get first(): number {
    return this.head;
  }

  /** One past the last slot. */
  get end(): number {
    return this.slots.length;
  }

  /** The entry in slot `i`, or undefined for a hole. */
  at(i: number): E | undefined {
    return this.slots[i];
  }

  /** Append at the back. */
  push(entry: E): void {
    this.slots.push(entry);
    this.size++;
  }

  /** The first live entry, without removing it. */
  peek(): E | undefined {
    const slots = this.slots;
    while (this.head < slots.length && slots[this.head] === undefined) this.head++;
    return slots[this.head];
  }

  /** Remove and return the first live entry. */
  shift(): E | undefined {
    const entry = this.peek();
    if (entry !== undefined) this.removeAt(this.head);
    this.tidy();
    return entry;
  }

  /** Remove `entry` wherever it is (O(n) search); false if absent. */
  remove(entry: E): boolean {
    const at = this.slots.indexOf(entry, this.head);
    if (at < 0) return false;
    this.removeAt(at);
    this.tidy();
    return true;
  }

  /** Punch a hole at slot `i` (must be live). Slot indices stay valid until `tidy`. */
  removeAt(i: number): void {
    this.slots[i] = undefined;
    this.size--;
  }

  /** Reclaim space: reset when empty, drop the consumed prefix when it dominates. */
  tidy(): void {
    if (this.size === 0) {
      this.slots.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.slots.length) {
      this.slots.splice(0, this.head);
      this.head = 0;
    }
  }
}
