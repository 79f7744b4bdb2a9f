import { describe, expect, it } from 'vitest';
import { EventQueue, LATE, NORMAL, URGENT, type Callback } from '../../src/engine/index.ts';
import { createStream } from '../../src/random/index.ts';

function drain(queue: EventQueue): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (queue.size > 0) {
    queue.pop();
    out.push([queue.poppedTime, queue.poppedData]);
  }
  return out;
}

const noop: Callback = () => {};

/** An EventQueue beside a sorted list of the entries it should hold; every pop takes from both. */
class CheckedQueue {
  readonly queue = new EventQueue();
  /** Entry numbers in the order the queue popped them, and in the order the list says. */
  readonly order: number[] = [];
  readonly expected: number[] = [];
  private readonly pending: Array<{ t: number; p: number; i: number }> = [];

  get size(): number {
    return this.pending.length;
  }

  /** The earliest pending time, or Infinity. */
  get earliest(): number {
    return Math.min(Infinity, ...this.pending.map((e) => e.t));
  }

  push(t: number, p: number, i: number): void {
    this.pending.push({ t, p, i });
    this.queue.push(t, p, noop, i);
  }

  /** Pop one entry from both; returns the time the queue popped. */
  pop(): number {
    this.queue.pop();
    this.order.push(this.queue.poppedData);
    this.pending.sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i);
    this.expected.push((this.pending.shift() as { i: number }).i);
    return this.queue.poppedTime;
  }
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const queue = new EventQueue();
    for (const [t, d] of [[5, 1], [1, 2], [3, 3], [0, 4], [4, 5]] as const) queue.push(t, NORMAL, noop, d);
    expect(drain(queue)).toEqual([[0, 4], [1, 2], [3, 3], [4, 5], [5, 1]]);
  });

  it('orders simultaneous entries by priority, then by insertion sequence', () => {
    const queue = new EventQueue();
    queue.push(2, NORMAL, noop, 1);
    queue.push(2, LATE, noop, 2);
    queue.push(2, NORMAL, noop, 3);
    queue.push(2, URGENT, noop, 4);
    queue.push(2, NORMAL, noop, 5);
    expect(drain(queue).map(([, d]) => d)).toEqual([4, 1, 3, 5, 2]);
  });

  it('sorts 10^4 random entries like a stable sort on (time, priority) and grows past its initial size', () => {
    const rng = createStream(7, 'test/event-queue');
    const queue = new EventQueue();
    const entries: Array<{ t: number; p: number; i: number }> = [];
    for (let i = 0; i < 10_000; i++) {
      // Coarse times make ties common, which is the case the sequence number exists for.
      const entry = { t: Math.floor(rng.next() * 100), p: Math.floor(rng.next() * 3), i };
      entries.push(entry);
      queue.push(entry.t, entry.p, noop, i);
    }
    const expected = [...entries].sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i).map((e) => e.i);
    expect(drain(queue).map(([, d]) => d)).toEqual(expected);
  });

  it('interleaves pushes and pops correctly', () => {
    const queue = new EventQueue();
    const rng = createStream(8, 'test/event-queue/interleave');
    let now = 0;
    const popped: number[] = [];
    queue.push(0, NORMAL, noop, 0);
    for (let i = 1; i < 5000; i++) {
      if (queue.size > 0 && rng.next() < 0.5) {
        queue.pop();
        expect(queue.poppedTime).toBeGreaterThanOrEqual(now);
        now = queue.poppedTime;
        popped.push(now);
      }
      queue.push(now + rng.next() * 10, NORMAL, noop, i);
    }
    expect(popped.length).toBeGreaterThan(1000);
    expect(queue.peekTime()).toBeGreaterThanOrEqual(now);
  });

  it('keeps the (time, priority, sequence) order when most entries are due now (the lanes), against a reference sort', () => {
    const rng = createStream(9, 'test/event-queue/lanes');
    const checked = new CheckedQueue();
    let now = 0;
    for (let i = 0; i < 20_000; i++) {
      if (checked.size > 0 && rng.next() < 0.5) {
        now = checked.pop();
        continue;
      }
      // Two in three entries due now (zero delay), at all three priorities; the rest later,
      // and now and then one in the past (a raw queue allows it; the lane must not take it).
      const u = rng.next();
      const t = u < 0.67 ? now : u < 0.97 ? now + Math.floor(rng.next() * 5) : Math.max(0, now - 1);
      checked.push(t, Math.floor(rng.next() * 3), i);
    }
    expect(checked.order.length).toBeGreaterThan(5_000);
    expect(checked.order).toEqual(checked.expected);
    expect(checked.queue.size).toBe(checked.size);
  });

  it('keeps the order while its entries move from the heap to the calendar and back (10 to 2,000 pending and down, three times)', () => {
    const rng = createStream(10, 'test/event-queue/calendar');
    const checked = new CheckedQueue();
    const sizes: number[] = [];
    let now = 0;
    let i = 0;
    // Growing phases pop one entry in five, shrinking phases four in five: the queue passes the
    // thresholds (64 up, 16 down) both ways in every cycle, with entries due now in the lanes.
    for (let cycle = 0; cycle < 3; cycle++) {
      for (const [popShare, steps] of [[0.2, 4_000], [0.8, 8_000]] as const) {
        for (let step = 0; step < steps; step++) {
          if (checked.size > 0 && rng.next() < popShare) {
            now = checked.pop();
            continue;
          }
          const u = rng.next();
          const t = u < 0.3 ? now : u < 0.95 ? now + rng.next() : now + 100 * rng.next();
          checked.push(t, Math.floor(rng.next() * 3), i++);
        }
        sizes.push(checked.size);
      }
    }
    expect(Math.min(...sizes.filter((_, k) => k % 2 === 0))).toBeGreaterThan(1_000);
    expect(Math.max(...sizes.filter((_, k) => k % 2 === 1))).toBeLessThan(16);
    expect(checked.order).toEqual(checked.expected);
    expect(checked.queue.size).toBe(checked.size);
    expect(checked.queue.peekTime()).toBe(checked.earliest);
  });

  it('reports Infinity as the next time when empty', () => {
    expect(new EventQueue().peekTime()).toBe(Infinity);
  });
});
