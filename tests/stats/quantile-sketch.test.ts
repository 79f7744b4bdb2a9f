import { describe, expect, it } from 'vitest';
import { nearestRankQuantileSorted } from '../../src/stats/nearest-rank.ts';
import { DEFAULT_MAX_BUCKETS, QuantileSketch } from '../../src/stats/quantile-sketch.ts';
import { draws, exponential, lognormal, testStream } from './samplers.ts';

const ALPHA = 0.005;
const REPORTED = [0.5, 0.9, 0.95, 0.99];
const MANY = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

function sketchOf(values: ArrayLike<number>, sketch = new QuantileSketch()): QuantileSketch {
  for (let i = 0; i < values.length; i++) sketch.add(values[i] ?? NaN);
  return sketch;
}

/** Largest relative error of the sketch against exact nearest-rank quantiles over `qs`. */
function worstRelativeError(sketch: QuantileSketch, sorted: Float64Array, qs: readonly number[]): number {
  let worst = 0;
  for (const q of qs) {
    const exact = nearestRankQuantileSorted(sorted, q);
    worst = Math.max(worst, Math.abs(sketch.quantile(q) - exact) / exact);
  }
  return worst;
}

describe('QuantileSketch error bound', () => {
  const n = 100_000;
  const cases: [string, () => Float64Array][] = [
    // Transit times: median 300 h, heavy right tail.
    ['lognormal', () => { const rng = testStream('sketch/lognormal'); return draws(n, () => lognormal(rng, Math.log(300), 0.6)); }],
    // Waits: exponential with mean 12 h, many values near 0.
    ['exponential', () => { const rng = testStream('sketch/exponential'); return draws(n, () => exponential(rng, 12)); }],
  ];
  for (const [name, make] of cases) {
    it(`p50/p90/p95/p99 of 10^5 ${name} values are within alpha of the exact rank-ceil(q·n) values`, () => {
      const values = make();
      const sketch = sketchOf(values);
      const sorted = values.slice().sort();
      expect(sketch.count).toBe(n);
      expect(sketch.collapseThreshold).toBe(0);
      for (const q of REPORTED) {
        const exact = nearestRankQuantileSorted(sorted, q);
        expect(Math.abs(sketch.quantile(q) - exact) / exact, `q=${q}`).toBeLessThanOrEqual(ALPHA);
      }
      const worst = worstRelativeError(sketch, sorted, MANY);
      expect(worst).toBeLessThanOrEqual(ALPHA);
      // Extremes are exact because estimates are clamped to the exact min and max.
      expect(sketch.quantile(0)).toBe(sorted[0]);
      expect(sketch.quantile(1)).toBe(sorted[n - 1]);
    });
  }

  it('alpha controls the error: a 5 % sketch exceeds 0.5 % error yet stays within 5 %', () => {
    // Shows the comparison above is not vacuous: a coarser sketch does fail the 0.5 % check.
    const rng = testStream('sketch/coarse');
    const values = draws(n, () => lognormal(rng, Math.log(300), 0.6));
    const sorted = values.slice().sort();
    const coarse = sketchOf(values, new QuantileSketch({ relativeAccuracy: 0.05 }));
    const worst = worstRelativeError(coarse, sorted, MANY);
    expect(worst).toBeGreaterThan(ALPHA);
    expect(worst).toBeLessThanOrEqual(0.05);
  });
});

describe('QuantileSketch behaviour', () => {
  it('small hand case: extremes exact, median within alpha', () => {
    // n = 5, q = 0.5 → rank ceil(2.5) = 3 → exact value 3.
    const s = sketchOf([4, 1, 100, 3, 2]);
    expect(s.quantile(0)).toBe(1);
    expect(s.quantile(1)).toBe(100);
    expect(Math.abs(s.quantile(0.5) - 3) / 3).toBeLessThanOrEqual(ALPHA);
    expect(s.min).toBe(1);
    expect(s.max).toBe(100);
  });

  it('counts zeros exactly', () => {
    // 3 zeros among 10 values: ranks 1–3 are 0, rank 4 (q in (0.3, 0.4]) is the smallest positive.
    const s = sketchOf([0, 0, 0, 5, 6, 7, 8, 9, 10, 11]);
    expect(s.quantile(0.3)).toBe(0);
    expect(Math.abs(s.quantile(0.31) - 5) / 5).toBeLessThanOrEqual(ALPHA);
    const allZero = sketchOf([0, 0]);
    expect(allZero.quantile(0.99)).toBe(0);
    expect(allZero.bucketCount).toBe(0);
  });

  it('is independent of insertion order (window moves and collapses consistently)', () => {
    const rng = testStream('sketch/order');
    const values = draws(20_000, () => Math.exp(40 * rng.next() - 20));
    const ascending = values.slice().sort();
    const descending = ascending.slice().reverse();
    for (const maxBuckets of [4000, 500]) {
      // 4000 fits the ~4000-bucket range after re-centring; 500 forces collapsing.
      const make = (xs: Float64Array): QuantileSketch => sketchOf(xs, new QuantileSketch({ maxBuckets }));
      const [a, b, c] = [make(values), make(ascending), make(descending)];
      for (const q of MANY) {
        expect(b.quantile(q)).toBe(a.quantile(q));
        expect(c.quantile(q)).toBe(a.quantile(q));
      }
      // Both code paths are really exercised: only the small cap collapses.
      expect(a.collapseThreshold > 0).toBe(maxBuckets === 500);
      expect(b.collapseThreshold).toBe(a.collapseThreshold);
      expect(c.collapseThreshold).toBe(a.collapseThreshold);
    }
  });

  it('merge equals a single sketch of all values', () => {
    const rng = testStream('sketch/merge');
    const values = draws(50_000, () => exponential(rng, 12));
    const single = sketchOf(values);
    const merged = sketchOf(values.subarray(0, 10_000));
    merged.merge(sketchOf(values.subarray(10_000)));
    merged.merge(new QuantileSketch());
    expect(merged.count).toBe(single.count);
    for (const q of MANY) expect(merged.quantile(q)).toBe(single.quantile(q));
    const intoEmpty = new QuantileSketch();
    intoEmpty.merge(single);
    for (const q of MANY) expect(intoEmpty.quantile(q)).toBe(single.quantile(q));
    expect(() => single.merge(new QuantileSketch({ relativeAccuracy: 0.01 }))).toThrow(Error);
  });

  it('memory does not grow: 10^6 adds over 87 decades stay under the bucket cap', () => {
    // ln-uniform on [−100, 100] needs ~20 000 buckets at alpha = 0.005, ten times the cap, so
    // the lowest buckets must collapse while high quantiles keep the alpha bound.
    const rng = testStream('sketch/memory');
    const values = draws(1_000_000, () => Math.exp(200 * rng.next() - 100));
    const s = new QuantileSketch();
    for (const x of values) {
      s.add(x);
      if (s.bucketCount > DEFAULT_MAX_BUCKETS) throw new Error(`bucket count ${s.bucketCount} exceeds the cap`);
    }
    expect(s.count).toBe(1_000_000);
    expect(s.bucketCount).toBe(DEFAULT_MAX_BUCKETS);
    expect(s.collapseThreshold).toBeGreaterThan(0);
    const sorted = values.sort();
    for (const q of [0.9, 0.95, 0.99, 0.999]) {
      const exact = nearestRankQuantileSorted(sorted, q);
      expect(exact).toBeGreaterThan(s.collapseThreshold);
      expect(Math.abs(s.quantile(q) - exact) / exact).toBeLessThanOrEqual(ALPHA);
    }
    // A tiny cap holds too.
    const tiny = sketchOf(values.subarray(0, 100_000), new QuantileSketch({ maxBuckets: 16 }));
    expect(tiny.bucketCount).toBeLessThanOrEqual(16);
  });

  it('reset and validation', () => {
    const s = sketchOf([1, 2, 3]);
    s.reset();
    expect(s.count).toBe(0);
    expect(s.quantile(0.5)).toBeNaN();
    expect(s.bucketCount).toBe(0);
    s.add(8);
    expect(s.quantile(0.5)).toBe(8); // clamped to the exact min = max
    expect(() => s.add(-1)).toThrow(RangeError);
    expect(() => s.add(NaN)).toThrow(RangeError);
    expect(() => s.add(Infinity)).toThrow(RangeError);
    expect(() => s.quantile(1.01)).toThrow(RangeError);
    expect(() => new QuantileSketch({ relativeAccuracy: 1 })).toThrow(RangeError);
    expect(() => new QuantileSketch({ maxBuckets: 0 })).toThrow(RangeError);
  });
});
