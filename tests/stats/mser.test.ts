import { describe, expect, it } from 'vitest';
import { averageSeries, batchMeansOf, experimentWarmup, fillSeriesGaps, mser, mserTruncationAcross } from '../../src/stats/mser.ts';
import { summarizeReplications } from '../../src/stats/replications.ts';
import { exponential, standardNormal, testStream } from './samplers.ts';

/** MSER(d) by its definition, for checking the O(n) Welford version. */
function bruteForceMser(z: readonly number[], d: number): number {
  const kept = z.slice(d);
  const m = kept.reduce((a, b) => a + b, 0) / kept.length;
  return kept.reduce((a, b) => a + (b - m) ** 2, 0) / kept.length ** 2;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

describe('mser', () => {
  it('matches the definition on a small hand-made series', () => {
    // 24 values → 4 batches of 5 (the last 4 values are not batched), cap ⌊4/2⌋ = 2 batches.
    // Batch means: [10, 3, 2, 2.6]. MSER(0) = Σ(z−4.4)²/16 = (31.36+1.96+5.76+3.24)/16 = 2.6475;
    // MSER(1) = Σ(z−2.5333)²/9 = (0.2178+0.2844+0.0044)/9 = 0.05630; MSER(2) = (0.09+0.09)/4 = 0.045.
    // The minimum is at the cap: hit, 10 observations deleted.
    const series = [10, 10, 10, 10, 10, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 3, 3, 3, 2, 99, 99, 99, 99];
    const r = mser(series);
    expect(batchMeansOf(series, 5)).toEqual([10, 3, 2, 2.6]);
    expect(r.batches).toBe(4);
    expect(r.cap).toBe(10);
    expect(r.truncatedBatches).toBe(2);
    expect(r.truncation).toBe(10);
    expect(r.statistic).toBeCloseTo(0.045, 14);
    expect(r.truncatedMean).toBeCloseTo(2.3, 14);
    expect(r.hitCap).toBe(true);
  });

  it('agrees with the brute-force statistic on random series, with and without batching', () => {
    const rng = testStream('mser/brute');
    for (const batchSize of [1, 5]) {
      const series = Array.from({ length: 203 }, (_, i) => 500 + 3 * Math.exp(-i / 20) + 0.1 * standardNormal(rng));
      const r = mser(series, { batchSize });
      const z = batchMeansOf(series, batchSize);
      const all = Array.from({ length: Math.floor(z.length / 2) + 1 }, (_, d) => bruteForceMser(z, d));
      const best = all.indexOf(Math.min(...all));
      expect(r.truncatedBatches).toBe(best);
      // Large level (500) with small noise: Welford keeps the relative accuracy.
      expect(r.statistic / (all[best] ?? NaN)).toBeCloseTo(1, 9);
    }
  });

  it('keeps a flat tail: ties go to the smallest truncation, not the cap', () => {
    const r = mser([...Array<number>(10).fill(50), ...Array<number>(90).fill(7)]);
    expect(r.truncation).toBe(10);
    expect(r.statistic).toBe(0);
    expect(r.hitCap).toBe(false);
  });

  it('rejects too-short or non-finite series', () => {
    expect(() => mser(Array<number>(19).fill(1))).toThrow(RangeError);
    expect(() => mser([...Array<number>(30).fill(1), NaN])).toThrow(RangeError);
    expect(() => mser(Array<number>(30).fill(1), { batchSize: 0 })).toThrow(RangeError);
  });

  it('finds the end of an exponential transient within the stated window (100 seeded series)', () => {
    // y_t = A·exp(−t/τ) + ε_t, ε ~ N(0, σ²) i.i.d., n = 1000, A = 10, τ = 50, σ = 1.
    // MSER minimizes (about) the squared standard error of the truncated mean plus its squared
    // bias, so it stops where the bias left in the truncated mean, ≈ A·τ·e^{−t/τ}/(n − t),
    // falls to its standard error σ/√(n − t): t* solves A·τ·e^{−t/τ} = σ·√(n − t), t* ≈ 142
    // (for comparison, the bias of a single observation falls to σ at τ·ln(A/σ) = 115).
    // Window: median within t* ± τ/2, and ≥ 95 % of series within [t* − τ, t* + 2τ] (bias
    // at the truncation between e^{+1} and e^{−2} times its value at t*); the MSER-5 grid is 5.
    const A = 10;
    const tau = 50;
    const n = 1000;
    let tStar = 0;
    for (let t = 0; t < n; t++) {
      if (A * tau * Math.exp(-t / tau) <= Math.sqrt(n - t)) {
        tStar = t;
        break;
      }
    }
    expect(tStar).toBeGreaterThan(130);
    expect(tStar).toBeLessThan(150);
    const rng = testStream('mser/decay');
    const truncations: number[] = [];
    for (let s = 0; s < 100; s++) {
      const r = mser(Array.from({ length: n }, (_, t) => A * Math.exp(-t / tau) + standardNormal(rng)));
      expect(r.hitCap).toBe(false);
      truncations.push(r.truncation);
    }
    const inWindow = truncations.filter((t) => t >= tStar - tau && t <= tStar + 2 * tau).length;
    expect(Math.abs(median(truncations) - tStar)).toBeLessThanOrEqual(tau / 2);
    expect(inWindow).toBeGreaterThanOrEqual(95);
    // No series keeps the part where the bias exceeds 2σ (t < τ·ln(A/2σ) = 80).
    expect(Math.min(...truncations)).toBeGreaterThanOrEqual(tau * Math.log(A / 2));
  });

  it('truncates little on a stationary series and never flags it (100 seeded i.i.d. series)', () => {
    // With no transient, MSER(d) ≈ σ²/(5(k−d)) grows with d; only noise can move the minimum.
    const rng = testStream('mser/stationary');
    const truncations: number[] = [];
    for (let s = 0; s < 100; s++) {
      const r = mser(Array.from({ length: 1000 }, () => 20 + 3 * standardNormal(rng)));
      expect(r.hitCap).toBe(false);
      truncations.push(r.truncation);
    }
    expect(median(truncations)).toBe(0);
    // At most 5 % of the run for 90 % of the series.
    expect(truncations.filter((t) => t <= 50).length).toBeGreaterThanOrEqual(90);
  });

  it('flags a never-settling series (linear trend plus noise) as hitting the cap', () => {
    // Slope 0.05 per observation, σ = 1: per batch of 5 the drift b = 0.25 and the noise
    // σ_b = 0.447. The trend's part of MSER, ≈ b²m/12 over m kept batches, falls with every
    // deletion, and beats the noise part σ_b²/m down to m = √12·σ_b/b ≈ 6 batches, far beyond
    // the cap (100 kept batches): MSER is still falling at the cap.
    const rng = testStream('mser/trend');
    for (let s = 0; s < 20; s++) {
      const r = mser(Array.from({ length: 1000 }, (_, t) => 0.05 * t + standardNormal(rng)));
      expect(r.hitCap).toBe(true);
      expect(r.truncation).toBe(500);
      expect(r.cap).toBe(500);
    }
  });
});

describe('mserTruncationAcross / experimentWarmup', () => {
  it('takes the largest point, names the limiting series, and flags one that never settles', () => {
    const rng = testStream('mser/combine');
    const stationary = Array.from({ length: 400 }, () => standardNormal(rng));
    const decay = Array.from({ length: 400 }, (_, t) => 10 * Math.exp(-t / 20) + standardNormal(rng));
    const trend = Array.from({ length: 400 }, (_, t) => 0.05 * t + standardNormal(rng));

    const settled = mserTruncationAcross([
      { label: 'flat', values: stationary },
      { label: 'decay', values: decay },
    ]);
    expect(settled.limitingLabel).toBe('decay');
    expect(settled.truncation).toBe(Math.max(mser(stationary).truncation, mser(decay).truncation));
    expect(settled.cap).toBe(200);
    expect(settled.notSteady).toBe(false);
    expect(settled.method).toContain('MSER-5');

    const unsettled = mserTruncationAcross([
      { label: 'decay', values: decay },
      { label: 'queue', values: trend },
    ]);
    expect(unsettled.notSteady).toBe(true);
    expect(unsettled.notSteadyLabels).toEqual(['queue']);
    expect(unsettled.truncation).toBe(200);

    // A shorter run length caps the point below the series' own caps.
    expect(mserTruncationAcross([{ label: 'queue', values: trend }], { runLength: 300 }).truncation).toBe(150);
    expect(() => mserTruncationAcross([])).toThrow(RangeError);
  });

  it('pools replications by averaging (default) or takes every replication', () => {
    const rng = testStream('mser/pooling');
    const reps = Array.from({ length: 8 }, () => Array.from({ length: 300 }, (_, t) => 6 * Math.exp(-t / 15) + standardNormal(rng)));
    const avg = experimentWarmup([{ name: 'transit', replications: reps }]);
    expect(avg.truncation).toBe(mser(averageSeries(reps)).truncation);
    expect(avg.perSeries.map((s) => s.label)).toEqual(['transit']);
    const each = experimentWarmup([{ name: 'transit', replications: reps }], { pooling: 'each' });
    expect(each.perSeries.map((s) => s.label)).toEqual(reps.map((_, r) => `transit/rep-${r}`));
    expect(each.truncation).toBe(Math.max(...reps.map((s) => mser(s).truncation)));
    expect(averageSeries([[1, 2], [3, 6]])).toEqual([2, 4]);
    expect(() => averageSeries([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('fillSeriesGaps', () => {
  it('drops leading empty days, repeats the last value through interior and trailing gaps', () => {
    expect(fillSeriesGaps([null, null, 5, null, 7, NaN, null])).toEqual({ leading: 2, values: [5, 5, 7, 7, 7] });
    expect(fillSeriesGaps([1, 2])).toEqual({ leading: 0, values: [1, 2] });
    expect(() => fillSeriesGaps([null, NaN])).toThrow(RangeError);
  });
});

describe('MSER-5 removes the start-up bias of M/M/1 started empty (ρ = 0.9)', () => {
  it('the analytic Wq lies in the CI with MSER truncation and outside it with none', () => {
    // Waiting times in queue by Lindley's recursion W_{i+1} = max(0, W_i + S_i − A_{i+1}),
    // λ = 0.9, μ = 1, W_1 = 0 (empty): steady-state Wq = ρ/(μ − λ) = 9.
    //
    // Design (why this holds robustly): a replication of N = 3000 customers, reported as a
    // "daily" series of 100 means of 30 customers. Started empty, the waits' cumulative bias
    // Σ_i (Wq − E W_i) ≈ 850 (measured with 20 000 replications; it builds up over the first
    // ~500 customers), so the untruncated mean is low by ≈ 850/3000 = 0.28. Its standard error
    // over R = 6000 replications is ≈ √(σ²_∞/(N·R)) with σ²_∞ ≈ 3.6e4 the M/M/1 asymptotic
    // variance constant at ρ = 0.9, i.e. ≈ 0.045: the bias is ≈ 6 standard errors, so even the
    // wider 99 % interval (±2.58 SE) misses by ≈ 3.5 SE. After an MSER truncation of ≥ 15 days
    // (450 customers) the bias left is ≈ 0.1 SE, so the 99 % interval covers unless a 1-in-100
    // event happens. 99 % rather than 95 % keeps that chance small for a fixed-seed test.
    // Cost: 1.8·10^7 Lindley steps, ≈ 2 s.
    const lambda = 0.9;
    const mu = 1;
    const wq = lambda / mu / (mu - lambda);
    const N = 3000;
    const perDay = 30;
    const R = 6000;
    const replications: number[][] = [];
    for (let r = 0; r < R; r++) {
      const rng = testStream(`mser/mm1/rep-${r}`);
      const days: number[] = [];
      let w = 0;
      let sum = 0;
      for (let i = 0; i < N; i++) {
        sum += w;
        if ((i + 1) % perDay === 0) {
          days.push(sum / perDay);
          sum = 0;
        }
        w = Math.max(0, w + exponential(rng, 1 / mu) - exponential(rng, 1 / lambda));
      }
      replications.push(days);
    }
    const truncatedMeanCi = (d: number) =>
      summarizeReplications(
        replications.map((days) => days.slice(d).reduce((a, b) => a + b, 0) / (days.length - d)),
        0.99,
      );

    const none = truncatedMeanCi(0);
    expect(none.upper).toBeLessThan(wq);

    const warmup = experimentWarmup([{ name: 'wait', replications }]);
    expect(warmup.truncation).toBeGreaterThanOrEqual(15);
    expect(warmup.truncation).toBeLessThanOrEqual(50);
    const truncated = truncatedMeanCi(warmup.truncation);
    expect(truncated.lower).toBeLessThanOrEqual(wq);
    expect(truncated.upper).toBeGreaterThanOrEqual(wq);

    // The literal "largest over replications" is more conservative (here it reaches the cap),
    // and still removes the bias.
    const each = experimentWarmup([{ name: 'wait', replications }], { pooling: 'each' });
    expect(each.truncation).toBeGreaterThanOrEqual(warmup.truncation);
    const eachCi = truncatedMeanCi(each.truncation);
    expect(eachCi.lower).toBeLessThanOrEqual(wq);
    expect(eachCi.upper).toBeGreaterThanOrEqual(wq);
  });
});
