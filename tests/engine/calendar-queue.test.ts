/**
 * The calendar queue must pop in exactly the (time, key) order of a sorted list, whatever the
 * spacing of its entries: that is what lets the event queue hand it entries without changing
 * the order of a run.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CalendarQueue } from '../../src/engine/calendar-queue.ts';
import type { Callback } from '../../src/engine/index.ts';

const noop: Callback = () => {};

interface Entry {
  readonly time: number;
  readonly key: number;
}

const byTimeThenKey = (a: Entry, b: Entry): number => a.time - b.time || a.key - b.key;

/** A push: hours after the last popped time, and a priority (0-2) that leads the key as in the event queue. */
type Push = readonly [delay: number, priority: number];

/**
 * Replays pushes and pops on a CalendarQueue and on a sorted list; returns both pop orders as
 * (key, time, data) triples and the queue's size after every push beside the list's. Keys are
 * `priority * 10^6 + sequence`, so a later push can come first at a tie. The list is kept sorted
 * latest first by binary insertion (a pop takes its end): re-sorting it for every pop made the
 * 10^4-entry test below take half a minute.
 */
function replay(operations: ReadonlyArray<Push | 'pop'>): { got: number[]; expected: number[]; pops: number } {
  const queue = new CalendarQueue();
  const pending: Entry[] = [];
  const got: number[] = [];
  const expected: number[] = [];
  let now = 0;
  let sequence = 0;
  let pops = 0;
  for (const operation of operations) {
    if (operation === 'pop') {
      if (pending.length === 0) continue;
      queue.pop();
      pops++;
      const next = pending.pop() as Entry;
      got.push(queue.poppedKey, queue.poppedTime, queue.poppedData);
      expected.push(next.key, next.time, next.key * 2);
      now = queue.poppedTime;
      continue;
    }
    const entry = { time: now + operation[0], key: operation[1] * 1e6 + sequence++ };
    let lo = 0;
    let hi = pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byTimeThenKey(pending[mid] as Entry, entry) > 0) lo = mid + 1;
      else hi = mid;
    }
    pending.splice(lo, 0, entry);
    queue.push(entry.time, entry.key, noop, entry.key * 2);
    got.push(queue.size);
    expected.push(pending.length);
  }
  return { got, expected, pops };
}

/** Uniform numbers in (0, 1) from xorshift32: fixed delays, independent of the project's streams. */
function xorshiftUniform(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 2 ** 32;
  };
}

describe('CalendarQueue', () => {
  it('pops like a sorted list for any mix of delays: ties, bursts at one instant, dense fronts and far outliers', () => {
    // Delays in hours: zero (ties broken by key), coarse steps (more ties), fine ones, and
    // entries years ahead that leave most of the calendar's days empty.
    const delay = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 5 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 0.001, noNaN: true }),
      fc.double({ min: 1_000, max: 100_000, noNaN: true }),
    );
    const push = fc.tuple(delay, fc.integer({ min: 0, max: 2 }));
    const operation = fc.oneof({ weight: 3, arbitrary: push }, { weight: 2, arbitrary: fc.constant('pop' as const) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 400 }), (operations) => {
        const { got, expected } = replay(operations);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('keeps the order while it doubles and halves its buckets many times (10^4 entries in, all out, twice)', () => {
    const uniform = xorshiftUniform(12345);
    const operations: Array<Push | 'pop'> = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10_000; i++) {
        operations.push([uniform() < 0.1 ? 0 : -Math.log(1 - uniform()) * (uniform() < 0.05 ? 500 : 1), i % 3]);
        operations.push(uniform() < 0.3 ? 'pop' : [0.5, 1]);
      }
      for (let i = 0; i < 30_000; i++) operations.push('pop');
    }
    const { got, expected, pops } = replay(operations);
    expect(pops).toBeGreaterThan(20_000);
    expect(got).toEqual(expected);
  });

  it('re-estimates its width when the pace of the entries changes at a constant count, and keeps the order', () => {
    // A hold model: 2,000 entries, every pop schedules one; the delays shrink 1000-fold midway.
    // The count never doubles or halves, so only the steps check can notice that the days have
    // become far too wide (all entries in a handful of buckets).
    const resize = vi.spyOn(CalendarQueue.prototype as unknown as { resize(buckets: number): void }, 'resize');
    // Test files share modules (vitest.config.ts): the spy must go whatever happens below.
    try {
      const queue = new CalendarQueue();
      const sorted: Entry[] = [];
      const insert = (entry: Entry): void => {
        let lo = 0;
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (byTimeThenKey(sorted[mid] as Entry, entry) < 0) lo = mid + 1;
          else hi = mid;
        }
        sorted.splice(lo, 0, entry);
        queue.push(entry.time, entry.key, noop, 0);
      };
      const uniform = xorshiftUniform(99);
      let key = 0;
      for (let i = 0; i < 2_000; i++) insert({ time: -Math.log(uniform()), key: key++ });
      let resizesBefore = 0;
      for (let i = 0; i < 20_000; i++) {
        if (i === 10_000) resizesBefore = resize.mock.calls.length;
        queue.pop();
        const expected = sorted.shift() as Entry;
        expect(queue.poppedKey).toBe(expected.key);
        const scale = i < 10_000 ? 1 : 0.001;
        insert({ time: queue.poppedTime - Math.log(uniform()) * scale, key: key++ });
      }
      expect(queue.size).toBe(2_000);
      expect(resize.mock.calls.length).toBeGreaterThan(resizesBefore);
    } finally {
      resize.mockRestore();
    }
  });

  it('orders entries of one instant by key however many share it (all in one bucket)', () => {
    const queue = new CalendarQueue();
    // Keys pushed out of order: the bucket's list must sort them, not just append.
    const keys = Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);
    for (const key of keys) queue.push(42, key, noop, key);
    const popped: number[] = [];
    while (queue.size > 0) {
      queue.pop();
      expect(queue.poppedTime).toBe(42);
      popped.push(queue.poppedKey);
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
  });
});
