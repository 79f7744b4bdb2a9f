import { describe, expect, it } from 'vitest';
import { createStream, replicationSeed } from '../../src/random/index.ts';
import { precisionDecision, replicationsForHalfWidth } from '../../src/stats/precision.ts';
import type { PrecisionDecision, PrecisionOptions, PrecisionTarget } from '../../src/stats/precision.ts';
import { studentTQuantile } from '../../src/stats/student-t.ts';
import { STATS_LONG } from './binomial.ts';
import { lognormal, standardNormal, testStream } from './samplers.ts';

/** Law's n*: the smallest i ≥ n with t_{0.975, i−1}·s/√i ≤ h, by plain search. */
function bruteForceCount(s: number, h: number, n: number): number {
  for (let i = n; ; i++) if ((studentTQuantile(0.975, i - 1) * s) / Math.sqrt(i) <= h) return i;
}

/** The runner's loop: ask, run `additional` more replications (values by replication index), repeat. */
function runToPrecision(
  valueOf: (replication: number) => Record<string, number>,
  target: PrecisionTarget | Record<string, PrecisionTarget>,
  options: PrecisionOptions,
): PrecisionDecision {
  const values: Record<string, number[]> = {};
  let decision = precisionDecision({ x: [] }, { kind: 'absolute', value: 1 }, options);
  let n = 0;
  for (;;) {
    for (let r = n; r < n + decision.additional; r++) {
      for (const [name, v] of Object.entries(valueOf(r))) (values[name] ??= []).push(v);
    }
    n += decision.additional;
    decision = precisionDecision(values, target, options);
    if (decision.stop) return decision;
  }
}

describe('replicationsForHalfWidth', () => {
  it("is Law's n*: the smallest count whose t half-width meets the target", () => {
    // s = 1, h = 0.5: t(0.975,16)/√17 = 2.1199/4.1231 = 0.5142 > 0.5, t(0.975,17)/√18 = 2.1098/4.2426
    // = 0.4973 ≤ 0.5, so n* = 18 (the plain (1.96·s/h)² = 15.4 would say 16).
    expect(replicationsForHalfWidth(1, 0.5, 2)).toBe(18);
    for (const [s, h, n] of [[3.7, 0.2, 2], [1, 1, 2], [96, 15.7, 10], [1, 0.5, 40], [2, 0.13, 5]] as const) {
      expect(replicationsForHalfWidth(s, h, n)).toBe(bruteForceCount(s, h, n));
    }
    expect(replicationsForHalfWidth(0, 1, 7)).toBe(7);
    expect(replicationsForHalfWidth(1, 0, 7)).toBe(Infinity);
    expect(replicationsForHalfWidth(1, 1e-6, 7, 0.95, 1000)).toBe(Infinity);
    expect(() => replicationsForHalfWidth(1, 1, 1)).toThrow(RangeError);
  });
});

describe('precisionDecision', () => {
  const options = { batchSize: 5, maxReplications: 100 };

  it('asks for the pilot first, then predicts from the variance', () => {
    const empty = precisionDecision({ transit: [] }, { kind: 'relative', value: 0.05 }, options);
    expect(empty).toMatchObject({ stop: false, reason: 'continue', n: 0, additional: 10 });

    // Ten values with mean 100 and s = 10: ±5 % is h = 5; half-width now t(0.975,9)·10/√10
    // = 7.1536; n* = 18 (t(0.975,17)·10/√18 = 4.973 ≤ 5), so 8 more.
    const values = [90, 110, 90, 110, 90, 110, 90, 110, 100, 100];
    const s = Math.sqrt(800 / 9);
    const d = precisionDecision({ transit: values.map((v) => 100 + ((v - 100) * 10) / s) }, { kind: 'relative', value: 0.05 }, options);
    expect(d.metrics[0]?.standardDeviation).toBeCloseTo(10, 12);
    expect(d.metrics[0]?.halfWidth).toBeCloseTo(7.15357, 4);
    expect(d.metrics[0]?.relativeHalfWidth).toBeCloseTo(0.0715357, 6);
    expect(d.metrics[0]?.targetHalfWidth).toBeCloseTo(5, 12);
    expect(d.metrics[0]?.predictedTotal).toBe(bruteForceCount(10, 5, 10));
    expect(d).toMatchObject({ stop: false, reason: 'continue', n: 10, additional: 8 });
  });

  it('adds at least a batch, at most doubles, stops when all metrics meet their targets or at the max', () => {
    const rng = testStream('precision/rules');
    const ten = Array.from({ length: 10 }, () => 50 + standardNormal(rng));
    // Already within ±5 %: stop.
    expect(precisionDecision({ a: ten }, { kind: 'relative', value: 0.05 }, options)).toMatchObject({ stop: true, reason: 'met', additional: 0 });
    // Just short (needs a few more than 10): one batch.
    const h = precisionDecision({ a: ten }, { kind: 'absolute', value: 1 }, options).metrics[0]?.halfWidth ?? NaN;
    expect(precisionDecision({ a: ten }, { kind: 'absolute', value: h * 0.97 }, options).additional).toBe(5);
    // Far short (needs ~100× more): at most double.
    expect(precisionDecision({ a: ten }, { kind: 'absolute', value: h / 10 }, options).additional).toBe(10);
    expect(precisionDecision({ a: ten }, { kind: 'absolute', value: h / 10 }, { ...options, maxGrowth: 50 }).additional).toBe(90);
    // Per-metric targets: b's absolute target is hopeless, so the max decides.
    const both = { a: ten, b: ten.map((v) => v * 10) };
    const targets = { a: { kind: 'relative', value: 0.05 }, b: { kind: 'absolute', value: 1e-9 } } as const;
    expect(precisionDecision(both, targets, { ...options, maxReplications: 12 }).additional).toBe(2);
    expect(precisionDecision(both, targets, { ...options, maxReplications: 10 })).toMatchObject({ stop: true, reason: 'max' });
    // A relative target cannot be met at mean 0.
    const zero = precisionDecision({ z: [-1, 1, -1, 1, 0, 0, -2, 2, 0, 0] }, { kind: 'relative', value: 0.5 }, options);
    expect(zero.metrics[0]?.met).toBe(false);
    expect(zero.metrics[0]?.relativeHalfWidth).toBe(Infinity);
    // A constant metric has zero width: met.
    expect(precisionDecision({ c: Array<number>(10).fill(3) }, { kind: 'relative', value: 0.01 }, options).stop).toBe(true);
  });

  it('rejects inconsistent input', () => {
    const t = { kind: 'relative', value: 0.05 } as const;
    expect(() => precisionDecision({}, t, options)).toThrow(RangeError);
    expect(() => precisionDecision({ a: [1, 2], b: [1] }, t, options)).toThrow(RangeError);
    expect(() => precisionDecision({ a: [1, NaN] }, t, options)).toThrow(RangeError);
    expect(() => precisionDecision({ a: [1, 2] }, { b: t }, options)).toThrow(RangeError);
    expect(() => precisionDecision({ a: [1, 2] }, { kind: 'absolute', value: 0 }, options)).toThrow(RangeError);
    expect(() => precisionDecision({ a: [1, 2] }, t, { batchSize: 0, maxReplications: 10 })).toThrow(RangeError);
    expect(() => precisionDecision({ a: [1, 2] }, t, { ...options, maxGrowth: 1 })).toThrow(RangeError);
  });

  it('gives the same count whatever order the replications were computed in (seeds by index)', () => {
    // The runner's workers may finish replications in any order; the rule sees them by index.
    const valueOf = (r: number) => {
      const rng = createStream(replicationSeed(42, r), 'metric');
      return { transit: lognormal(rng, Math.log(300), 0.3) };
    };
    const cache = new Map<number, Record<string, number>>();
    const reversedWithinBatch = (r: number) => {
      if (!cache.has(r)) for (let q = r + 20; q >= r; q--) cache.set(q, valueOf(q)); // "another worker layout"
      return cache.get(r) ?? {};
    };
    const opts = { batchSize: 5, maxReplications: 1000 };
    const a = runToPrecision(valueOf, { kind: 'relative', value: 0.05 }, opts);
    const b = runToPrecision(reversedWithinBatch, { kind: 'relative', value: 0.05 }, opts);
    expect(b.n).toBe(a.n);
    expect(b.metrics).toEqual(a.metrics);
  });

  it('reaches the target with about the count the variance predicts (within 0.5-2x of a large pilot)', () => {
    // Transit-time-like metric: lognormal, median 300 h, σ_log 0.3 (sd/mean ≈ 0.31), and a
    // normal throughput with an absolute target. From a 200 000-replication pilot the need is
    // n_p = Law's n*(s, 0.05·mean) ≈ 150. The rule re-estimates s as it goes, so it stops near
    // n_p; the stated window 0.5·n_p..2·n_p allows the pilot's s to be off by √2 either way
    // and the last batch's overshoot, which at n ≈ 150 (sd of s ≈ 6 %) is ample.
    const mu = Math.log(300);
    const sigma = 0.3;
    const pilotRng = testStream('precision/pilot');
    const pilot = Array.from({ length: 200_000 }, () => lognormal(pilotRng, mu, sigma));
    const pm = pilot.reduce((a, b) => a + b, 0) / pilot.length;
    const ps = Math.sqrt(pilot.reduce((a, b) => a + (b - pm) ** 2, 0) / (pilot.length - 1));
    const predicted = replicationsForHalfWidth(ps, 0.05 * pm, 2);
    expect(predicted).toBeGreaterThan(120);
    expect(predicted).toBeLessThan(180);
    // Throughput ~ N(1000, 40²) FEU/week, ±10 FEU/week: need (1.97·40/10)² ≈ 62, below the transit need.

    const sequences = STATS_LONG ? 400 : 40;
    const ratios: number[] = [];
    for (let q = 0; q < sequences; q++) {
      const rng = testStream(`precision/sequence-${q}`);
      const d = runToPrecision(
        () => ({ transit: lognormal(rng, mu, sigma), throughput: 1000 + 40 * standardNormal(rng) }),
        { transit: { kind: 'relative', value: 0.05 }, throughput: { kind: 'absolute', value: 10 } },
        { batchSize: 5, maxReplications: 2000 },
      );
      expect(d.reason).toBe('met');
      expect(d.metrics.every((m) => m.halfWidth <= m.targetHalfWidth)).toBe(true);
      ratios.push(d.n / predicted);
    }
    for (const r of ratios) {
      expect(r).toBeGreaterThanOrEqual(0.5);
      expect(r).toBeLessThanOrEqual(2);
    }
    // On average close to the prediction (a loose check that the rule is not systematically off).
    const meanRatio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(meanRatio).toBeGreaterThan(0.8);
    expect(meanRatio).toBeLessThan(1.3);
  });
});
