import { describe, expect, it } from 'vitest';
import { batchMeansInterval, lag1Autocorrelation } from '../../src/stats/batch-means.ts';
import { batchMeansOf } from '../../src/stats/mser.ts';
import { summarizeReplications } from '../../src/stats/replications.ts';
import type { RandomStream } from '../../src/random/index.ts';
import { clopperPearson, reportRate, STATS_LONG } from './binomial.ts';
import { standardNormal, testStream } from './samplers.ts';

/** Stationary AR(1) X_{t+1} = φ X_t + ε, ε ~ N(0, 1), started from its stationary law N(0, 1/(1−φ²)); mean 0. */
function ar1(rng: RandomStream, phi: number, n: number): number[] {
  let x = standardNormal(rng) / Math.sqrt(1 - phi * phi);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    out[i] = x;
    x = phi * x + standardNormal(rng);
  }
  return out;
}

describe('lag1Autocorrelation', () => {
  it('matches the estimator by hand', () => {
    // [1,2,3,4]: deviations −1.5, −0.5, 0.5, 1.5; Σ products 0.75 − 0.25 + 0.75 = 1.25; Σ squares 5.
    expect(lag1Autocorrelation([1, 2, 3, 4])).toBeCloseTo(0.25, 15);
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBeCloseTo(-0.75, 15);
    expect(lag1Autocorrelation([3, 3, 3])).toBe(0);
    expect(() => lag1Autocorrelation([1])).toThrow(RangeError);
  });
});

describe('batchMeansInterval', () => {
  it('is the t interval of the batch means, skipping the leading remainder', () => {
    const rng = testStream('batch-means/iid');
    const series = Array.from({ length: 1003 }, () => 7 + standardNormal(rng));
    const r = batchMeansInterval(series);
    // Independent data: the 40 batch means pass the lag-1 check (r1 has sd ≈ 1/√40 ≈ 0.16 and
    // is below 0.2 here), so k = 40, m = 25, and the first 3 observations are skipped.
    expect(r.batchCount).toBe(40);
    expect(r.batchSize).toBe(25);
    expect(r.skipped).toBe(3);
    expect(r.lag1CheckFailed).toBe(false);
    const means = batchMeansOf(series.slice(3), 25);
    const summary = summarizeReplications(means);
    expect(r.mean).toBeCloseTo(summary.mean, 12);
    expect(r.halfWidth).toBeCloseTo(summary.halfWidth, 12);
    expect(r.lag1).toBeCloseTo(lag1Autocorrelation(means), 15);
    expect(r.method).toContain('40 batches of 25');
  });

  it('rejects bad input', () => {
    expect(() => batchMeansInterval([1, 2, 3])).toThrow(RangeError);
    expect(() => batchMeansInterval(Array<number>(50).fill(1).concat([NaN]))).toThrow(RangeError);
    expect(() => batchMeansInterval(Array<number>(50).fill(1), { batches: 5, minBatches: 10 })).toThrow(RangeError);
    expect(() => batchMeansInterval(Array<number>(50).fill(1), { confidence: 1 })).toThrow(RangeError);
  });

  it('covers the mean of an AR(1) series (φ = 0.8) at the nominal 95 %', () => {
    // n = 10 000, so 40 batches of 250. The lag-1 correlation of AR(1) batch means of size m is
    // ≈ φ/(1−φ)² / (m(1+φ)/(1−φ)) ≈ 0.009 here: the batch means are practically independent
    // and normal, so the stated rule's expected coverage is the nominal 0.95. 400 seeded
    // series (4000 with STATS_LONG=1); the 99 % Clopper–Pearson interval must contain 0.95.
    const repetitions = STATS_LONG ? 4000 : 400;
    const rng = testStream('batch-means/ar1');
    let covered = 0;
    let flagged = 0;
    for (let q = 0; q < repetitions; q++) {
      const r = batchMeansInterval(ar1(rng, 0.8, 10_000));
      if (r.lower <= 0 && r.upper >= 0) covered++;
      if (r.lag1CheckFailed) flagged++;
    }
    reportRate('batch means AR(1) phi 0.8 n 10000 coverage', covered, repetitions);
    reportRate('batch means AR(1) phi 0.8 n 10000 lag-1 flags', flagged, repetitions);
    const ci = clopperPearson(covered, repetitions);
    expect(ci.lower).toBeLessThanOrEqual(0.95);
    expect(ci.upper).toBeGreaterThanOrEqual(0.95);
    // False alarms are rare when the batches are long enough (≈ 1 % expected from the noise of r1).
    expect(clopperPearson(flagged, repetitions).lower).toBeLessThanOrEqual(0.05);
  });

  it('on a short run, halving the batch count recovers coverage that 40 fixed batches lose', () => {
    // φ = 0.8, n = 400: 40 batches of 10 are correlated (lag-1 ≈ 0.35), which narrows the
    // interval; the rule halves to 20 or 10 batches where the check fails. Same 400 series for
    // both, so the comparison is paired.
    const rng = testStream('batch-means/short');
    let rule = 0;
    let fixed = 0;
    for (let q = 0; q < 400; q++) {
      const series = ar1(rng, 0.8, 400);
      const r = batchMeansInterval(series);
      const f = batchMeansInterval(series, { batches: 40, minBatches: 40 });
      if (r.lower <= 0 && r.upper >= 0) rule++;
      if (f.lower <= 0 && f.upper >= 0) fixed++;
    }
    reportRate('batch means short run, rule', rule, 400);
    reportRate('batch means short run, fixed 40', fixed, 400);
    expect(rule).toBeGreaterThan(fixed);
  });

  it('flags a run about as long as its correlation time (AR(1), φ = 0.999, n = 2000)', () => {
    // Correlation time 1/(1−φ) = 1000 observations: even 10 batches of 200 are strongly
    // correlated (true lag-1 ≈ 0.8). The lag-1 estimate from 10 batches is biased low
    // (≈ −(1+4ρ)/k) and noisy, so the flag fires in most, not all, such runs: ≥ 70 % of 50.
    const rng = testStream('batch-means/flag');
    let flagged = 0;
    for (let q = 0; q < 50; q++) {
      const r = batchMeansInterval(ar1(rng, 0.999, 2000));
      expect(r.batchCount).toBeLessThanOrEqual(20);
      if (r.lag1CheckFailed) flagged++;
    }
    reportRate('batch means AR(1) phi 0.999 n 2000 flagged', flagged, 50);
    expect(flagged).toBeGreaterThanOrEqual(35);
  });
});
