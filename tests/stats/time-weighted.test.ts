import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../src/stats/time-weighted.ts';

describe('TimeWeighted', () => {
  it('averages a hand-computed step function, including a warm-up reset', () => {
    // Queue length: 0 on [0,2), 3 on [2,5), 4 on [5,10) (a zero-length 1 at t=5), 2 from 10.
    // Area to t=12: 0·2 + 3·3 + 4·5 + 2·2 = 33, so the mean over [0,12] is 33/12 = 2.75.
    const q = new TimeWeighted(0, 0);
    q.update(2, 3);
    q.update(5, 1);
    q.update(5, 4);
    q.update(10, 2);
    expect(q.integral(12)).toBe(33);
    expect(q.mean(12)).toBe(2.75);
    expect(q.max).toBe(4);
    expect(q.min).toBe(0);
    expect(q.current).toBe(2);

    // Warm-up ends at 12: the value 2 is kept, area restarts. Then 6 from 15.
    // Area over [12,20]: 2·3 + 6·5 = 36; mean 36/8 = 4.5; min/max restart from 2.
    q.reset(12);
    expect(q.since).toBe(12);
    expect(q.current).toBe(2);
    expect(q.max).toBe(2);
    q.update(15, 6);
    expect(q.integral(20)).toBe(36);
    expect(q.mean(20)).toBe(4.5);
    expect(q.max).toBe(6);
    expect(q.min).toBe(2);
  });

  it('reading the mean does not change the statistic', () => {
    // Constant 5 from t=100: the mean is 5 whenever it is read, and reads do not add area.
    const q = new TimeWeighted(100, 5);
    expect(q.mean(110)).toBe(5);
    expect(q.mean(130)).toBe(5);
    q.update(130, 0);
    // Area 5·30 = 150 over [100,160]: 150/60 = 2.5.
    expect(q.mean(160)).toBe(2.5);
  });

  it('is NaN over an empty interval', () => {
    const q = new TimeWeighted(3, 1);
    expect(q.mean(3)).toBeNaN();
    q.reset(3);
    expect(q.mean(3)).toBeNaN();
  });

  it('rejects time running backwards and non-finite input', () => {
    const q = new TimeWeighted();
    q.update(10, 1);
    expect(() => q.update(9, 2)).toThrow(RangeError);
    expect(() => q.mean(9)).toThrow(RangeError);
    expect(() => q.reset(9)).toThrow(RangeError);
    expect(() => q.update(NaN, 2)).toThrow(RangeError);
    expect(() => q.update(11, NaN)).toThrow(RangeError);
    expect(() => new TimeWeighted(Infinity)).toThrow(RangeError);
    // The failed calls left the state intact: 1 since t=10.
    expect(q.current).toBe(1);
    expect(q.mean(20)).toBe(0.5);
  });

  it('keeps constant memory over 10^6 updates (no per-update state)', () => {
    // Busy servers alternating 0/1 every hour: the mean must be exactly 0.5 at even hours.
    const q = new TimeWeighted();
    const fieldsBefore = Object.keys(q).length;
    for (let i = 1; i <= 1_000_000; i++) q.update(i, i % 2);
    expect(Object.keys(q).length).toBe(fieldsBefore);
    expect(q.mean(1_000_000)).toBe(0.5);
  });
});
