import { describe, expect, it } from 'vitest';
import { HOURS_PER_WEEK, ThroughputCounter } from '../../src/stats/throughput.ts';

describe('ThroughputCounter', () => {
  it('sums per weekly bucket; a record exactly on a boundary opens the next bucket', () => {
    // Week 0 = [0,168): 2 FEU at 0 and 1 at 100 → 3. Week 1 = [168,336): 5 at exactly 168
    // (the boundary belongs to the bucket it opens) and 1 at 335.5 → 6. Week 2: 1 at 400.
    const c = new ThroughputCounter();
    expect(c.bucketWidth).toBe(HOURS_PER_WEEK);
    c.record(0, 2);
    c.record(100);
    c.record(168, 5);
    c.record(335.5);
    c.record(400);
    expect(c.buckets(336)).toEqual([3, 6]); // week 1 ends exactly at 336: complete
    expect(c.buckets(335.9)).toEqual([3]); // week 1 not yet complete
    expect(c.ratePerBucket(336)).toBe(4.5); // (3 + 6) / 2
    expect(c.total).toBe(10); // includes the incomplete week 2
  });

  it('has no rate before the first bucket completes', () => {
    const c = new ThroughputCounter();
    c.record(10);
    expect(c.buckets(167)).toEqual([]);
    expect(c.ratePerBucket(167)).toBeNaN();
    expect(c.ratePerBucket(-5)).toBeNaN();
  });

  it('ignores records before the start (warm-up) and counts from it', () => {
    const c = new ThroughputCounter({ start: 500, bucketWidth: 24 });
    c.record(499.999, 100); // warm-up: ignored
    c.record(500); // exactly at start: bucket 0
    c.record(523.9);
    c.record(524); // boundary: bucket 1
    expect(c.buckets(548)).toEqual([2, 1]);
    expect(c.total).toBe(3);
    expect(c.start).toBe(500);
  });

  it('reports empty buckets between records as zeros, whatever the record order', () => {
    const c = new ThroughputCounter();
    c.record(400);
    c.record(10);
    // 3 weeks complete at 504: [1, 0, 1]; the quiet week lowers the rate to 2/3.
    expect(c.buckets(504)).toEqual([1, 0, 1]);
    expect(c.ratePerBucket(504)).toBeCloseTo(2 / 3, 15);
    // Complete buckets after the last record are zeros too.
    expect(c.buckets(840)).toEqual([1, 0, 1, 0, 0]);
  });

  it('reset restarts counting at the given time', () => {
    const c = new ThroughputCounter();
    c.record(10, 7);
    c.reset(1000);
    c.record(999, 50); // before the new start: ignored
    c.record(1000, 4);
    expect(c.start).toBe(1000);
    expect(c.buckets(1168)).toEqual([4]);
    expect(c.total).toBe(4);
  });

  it('rejects invalid input', () => {
    expect(() => new ThroughputCounter({ bucketWidth: 0 })).toThrow(RangeError);
    expect(() => new ThroughputCounter({ start: NaN })).toThrow(RangeError);
    const c = new ThroughputCounter();
    expect(() => c.record(1, -1)).toThrow(RangeError);
    expect(() => c.record(NaN)).toThrow(RangeError);
    expect(() => c.buckets(Infinity)).toThrow(RangeError);
  });
});
