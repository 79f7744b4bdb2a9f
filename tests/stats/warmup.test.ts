import { describe, expect, it } from 'vitest';
import { QuantileSketch } from '../../src/stats/quantile-sketch.ts';
import { Tally } from '../../src/stats/tally.ts';
import { ThroughputCounter } from '../../src/stats/throughput.ts';
import { TimeWeighted } from '../../src/stats/time-weighted.ts';
import { resetAll, WarmupClock } from '../../src/stats/warmup.ts';
import type { Resettable } from '../../src/stats/warmup.ts';

describe('warm-up deletion', () => {
  it('resets every registered statistic at the warm-up end, keeping the time-weighted level', () => {
    const clock = new WarmupClock(100);
    const transit = clock.register(new Tally());
    const sketch = clock.register(new QuantileSketch());
    const queue = clock.register(new TimeWeighted(0, 0));
    const feu = clock.register(new ThroughputCounter({ bucketWidth: 50 }));

    // Warm-up: a huge transient that must not survive.
    transit.add(1000);
    sketch.add(1000);
    queue.update(10, 40);
    queue.update(90, 3);
    feu.record(20, 99);
    expect(clock.inWarmup(99)).toBe(true);

    clock.end(100);
    expect(clock.isOver).toBe(true);
    expect(clock.inWarmup(150)).toBe(false);

    // Steady state: queue stays 3 until 120, then 5; the level 3 carried over from the warm-up.
    transit.add(10);
    sketch.add(10);
    queue.update(120, 5);
    feu.record(110, 2);
    expect(transit.count).toBe(1);
    expect(transit.mean).toBe(10);
    expect(sketch.quantile(1)).toBe(10);
    // Area over [100,150]: 3·20 + 5·30 = 210, mean 210/50 = 4.2; max since reset 5 (not 40).
    expect(queue.mean(150)).toBe(4.2);
    expect(queue.max).toBe(5);
    expect(feu.buckets(150)).toEqual([2]);
  });

  it('refuses to end twice or early', () => {
    const clock = new WarmupClock(100);
    expect(() => clock.end(99)).toThrow(Error);
    clock.end(100);
    expect(() => clock.end(200)).toThrow(Error);
  });

  it('a zero warm-up starts over and rejects bad lengths', () => {
    const clock = new WarmupClock(0);
    expect(clock.isOver).toBe(true);
    expect(clock.inWarmup(0)).toBe(false);
    expect(() => new WarmupClock(-1)).toThrow(RangeError);
    expect(() => new WarmupClock(Infinity)).toThrow(RangeError);
  });

  it('resetAll passes the time to each statistic in order', () => {
    const seen: number[] = [];
    const probe = (id: number): Resettable => ({ reset: (now) => seen.push(id * 1000 + now) });
    resetAll([probe(1), probe(2)], 7);
    expect(seen).toEqual([1007, 2007]);
  });
});
