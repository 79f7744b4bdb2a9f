import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/stats/tally.ts';
import { draws, standardNormal, testStream } from './samplers.ts';

function tallyOf(values: ArrayLike<number>): Tally {
  const t = new Tally();
  for (let i = 0; i < values.length; i++) t.add(values[i] ?? NaN);
  return t;
}

describe('Tally', () => {
  it('matches a hand computation', () => {
    // [2,4,4,4,5,5,7,9]: sum 40, mean 40/8 = 5; squared deviations 9,1,1,1,0,0,4,16 sum to 32,
    // so population variance 32/8 = 4, sample variance 32/7 = 4.5714…, sd √(32/7) = 2.13809.
    const t = tallyOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(t.count).toBe(8);
    expect(t.sum).toBe(40);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(4, 14);
    expect(t.sampleVariance).toBeCloseTo(32 / 7, 14);
    expect(t.standardDeviation).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(t.min).toBe(2);
    expect(t.max).toBe(9);
  });

  it('reports NaN for undefined statistics instead of zeros', () => {
    const empty = new Tally();
    expect(empty.count).toBe(0);
    expect(empty.sum).toBe(0);
    for (const v of [empty.mean, empty.variance, empty.sampleVariance, empty.min, empty.max]) expect(v).toBeNaN();
    const one = tallyOf([3.5]);
    expect(one.mean).toBe(3.5);
    expect(one.variance).toBe(0);
    expect(one.sampleVariance).toBeNaN();
    expect(one.standardDeviation).toBeNaN();
  });

  it('agrees with a two-pass computation on 10^5 seeded values with a large offset', () => {
    // Values 1e8 ± a few units. The offset makes the naive Σx² − n·mean² formula lose most
    // digits (checked below, so this data set really discriminates), which Welford must not.
    const rng = testStream('tally/welford');
    const xs = draws(100_000, () => 1e8 + 3 * standardNormal(rng));
    let sum = 0;
    let sumOfSquares = 0;
    for (const x of xs) {
      sum += x;
      sumOfSquares += x * x;
    }
    const mean = sum / xs.length;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    const naive = (sumOfSquares - xs.length * mean * mean) / (xs.length - 1);
    expect(Math.abs(naive / (ss / (xs.length - 1)) - 1)).toBeGreaterThan(1e-3);
    const t = tallyOf(xs);
    expect(t.count).toBe(100_000);
    expect(Math.abs(t.mean - mean) / mean).toBeLessThan(1e-13);
    expect(Math.abs(t.sampleVariance - ss / (xs.length - 1)) / (ss / (xs.length - 1))).toBeLessThan(1e-8);
    expect(t.standardDeviation).toBeGreaterThan(2.9);
    expect(t.standardDeviation).toBeLessThan(3.1);
  });

  it('merge of uneven parts equals a single pass', () => {
    const rng = testStream('tally/merge');
    const xs = draws(100_000, () => 50 + 10 * standardNormal(rng));
    const single = tallyOf(xs);
    const merged = new Tally();
    const parts = [tallyOf(xs.subarray(0, 7)), tallyOf(xs.subarray(7, 60_000)), new Tally(), tallyOf(xs.subarray(60_000))];
    for (const part of parts) merged.merge(part);
    expect(merged.count).toBe(single.count);
    expect(merged.mean).toBeCloseTo(single.mean, 10);
    expect(Math.abs(merged.sampleVariance / single.sampleVariance - 1)).toBeLessThan(1e-10);
    expect(merged.min).toBe(single.min);
    expect(merged.max).toBe(single.max);
    expect(merged.sum).toBeCloseTo(single.sum, 6);
  });

  it('merge by hand: {1,2,3} with {10} gives the tally of {1,2,3,10}', () => {
    // mean 16/4 = 4; deviations −3,−2,−1,6 → squares 9+4+1+36 = 50; sample variance 50/3.
    const left = tallyOf([1, 2, 3]);
    left.merge(tallyOf([10]));
    expect(left.mean).toBe(4);
    expect(left.sampleVariance).toBeCloseTo(50 / 3, 12);
    const intoEmpty = new Tally();
    intoEmpty.merge(tallyOf([1, 2, 3, 10]));
    expect(intoEmpty.sampleVariance).toBeCloseTo(50 / 3, 12);
  });

  it('reset forgets everything', () => {
    const t = tallyOf([1, 2, 3]);
    t.reset();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    t.add(7);
    expect(t.mean).toBe(7);
    expect(t.min).toBe(7);
    expect(t.max).toBe(7);
  });

  it('rejects non-finite observations', () => {
    const t = new Tally();
    expect(() => t.add(NaN)).toThrow(RangeError);
    expect(() => t.add(Infinity)).toThrow(RangeError);
    expect(t.count).toBe(0);
  });
});
