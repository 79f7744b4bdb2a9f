/**
 * Route choice: the generalized cost by hand, logit shares as properties (sum to one, move the
 * right way when one cost rises, unchanged by a common shift, stable for huge costs) over a
 * seeded stream of cost vectors, and the MSA step and share gap.
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/index.ts';
import { generalizedCost, logitShares, msaUpdate, nextDivisor, averagingUpdate, shareGap, TradeInputError } from '../../src/trade/index.ts';

const base = { freightRateUsdPerFeu: 1000, valueOfTimeUsdPerFeuDay: 100, meanTransitDays: 20, p95TransitDays: 26, reliabilityWeight: 0.5, riskPremiumUsdPerFeu: 200 };

describe('generalizedCost', () => {
  it('is rate + VoT × mean + w × VoT × (p95 − mean) + risk, by hand', () => {
    // 1000 + 100 × 20 + 0.5 × 100 × 6 + 200 = 3500 USD per FEU.
    expect(generalizedCost(base)).toBe(3500);
  });
  it('never rewards a p95 below the mean', () => {
    expect(generalizedCost({ ...base, p95TransitDays: 15 })).toBe(1000 + 2000 + 200);
  });
  it('rejects NaN times and negative inputs, naming them', () => {
    expect(() => generalizedCost({ ...base, meanTransitDays: Number.NaN })).toThrow(/generalizedCost: "meanTransitDays" must be a finite number >= 0, got NaN/);
    expect(() => generalizedCost({ ...base, riskPremiumUsdPerFeu: -1 })).toThrow(TradeInputError);
  });
});

describe('logitShares', () => {
  const stream = createStream(2025, 'tests/trade/logit-costs');
  /** A random-ish cost vector: 2-6 routes, costs 1,000-11,000 USD per FEU. */
  const costVector = (): number[] => Array.from({ length: 2 + Math.floor(stream.next() * 5) }, () => 1000 + stream.next() * 10_000);

  it('gives shares in [0, 1] that sum to 1', () => {
    for (let trial = 0; trial < 500; trial++) {
      const shares = logitShares(costVector(), 200 + stream.next() * 2000);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const s of shares) expect(s >= 0 && s <= 1).toBe(true);
    }
  });

  it("lowers a route's share when its cost rises and raises every other share", () => {
    for (let trial = 0; trial < 500; trial++) {
      const costs = costVector();
      const scale = 500 + stream.next() * 1500;
      const route = Math.floor(stream.next() * costs.length);
      const before = logitShares(costs, scale);
      const raised = costs.map((c, i) => (i === route ? c + 50 + stream.next() * 1000 : c));
      const after = logitShares(raised, scale);
      after.forEach((share, i) => {
        if (i === route) expect(share).toBeLessThan(before[i] as number);
        else expect(share).toBeGreaterThan(before[i] as number);
      });
    }
  });

  it('is unchanged by adding a constant to every cost, even a huge one', () => {
    for (let trial = 0; trial < 200; trial++) {
      const costs = costVector();
      const shift = (stream.next() - 0.5) * 1e9;
      const a = logitShares(costs, 800);
      const b = logitShares(costs.map((c) => c + shift), 800);
      a.forEach((share, i) => expect(b[i]).toBeCloseTo(share, 6));
    }
    // Without subtracting the least cost, exp(−1e6/1) would underflow to 0/0.
    expect(logitShares([1e6, 1e6 + 1], 1)).toEqual([1 / (1 + Math.exp(-1)), Math.exp(-1) / (1 + Math.exp(-1))]);
  });

  it('matches hand values; +Infinity marks a route unavailable', () => {
    // costs 0 and θ ln 2: odds 2 : 1.
    const [a, b] = logitShares([0, 800 * Math.log(2)], 800);
    expect(a).toBeCloseTo(2 / 3, 15);
    expect(b).toBeCloseTo(1 / 3, 15);
    expect(logitShares([5000, Infinity, 5000], 800)).toEqual([0.5, 0, 0.5]);
  });

  it('rejects NaN costs, no finite cost and a bad scale', () => {
    expect(() => logitShares([1, Number.NaN], 800)).toThrow(/"costs\[1\]"/);
    expect(() => logitShares([Infinity, Infinity], 800)).toThrow(/at least one finite cost/);
    expect(() => logitShares([1, 2], 0)).toThrow(/"scaleUsd" must be a finite number > 0, got 0/);
  });
});

describe('msaUpdate and shareGap', () => {
  it('steps 1/(k + 1) of the way to the target and keeps the sum', () => {
    expect(msaUpdate([1, 0], [0, 1], 0)).toEqual([0, 1]); // k = 0: a full step
    expect(msaUpdate([1, 0], [0, 1], 1)).toEqual([0.5, 0.5]);
    expect(msaUpdate([0.6, 0.4], [0.2, 0.8], 3)).toEqual([0.5, 0.5]);
    expect(() => msaUpdate([1], [1], -1)).toThrow(/"iteration" must be a whole number >= 0/);
    expect(() => msaUpdate([1], [0.5, 0.5], 0)).toThrow(TradeInputError);
  });
  it('averagingUpdate moves 1/β of the way; β below 1 is refused', () => {
    expect(averagingUpdate([1, 0], [0, 1], 4)).toEqual([0.75, 0.25]);
    expect(averagingUpdate([0.2, 0.8], [0.6, 0.4], 1)).toEqual([0.6, 0.4]);
    expect(() => averagingUpdate([1, 0], [0, 1], 0.5)).toThrow(/"divisor" must be a number >= 1, got 0.5/);
  });
  it('nextDivisor: MSA counts iterations; self-regulated adds `worse` after a gap that did not shrink, `better` after one that did', () => {
    const msa = { rule: 'msa' } as const;
    expect([0, 1, 2].map((k) => nextDivisor(msa, k, 99, 1, 0))).toEqual([1, 2, 3]);
    // Hand calculation, gaps 5, 6, 3, 2, 2: β = 1, then 1 + 2 (6 >= 5), + 0.3 (3 < 6), + 0.3 (2 < 3), + 2 (2 >= 2).
    const sra = { rule: 'self-regulated', worse: 2, better: 0.3 } as const;
    const gaps = [5, 6, 3, 2, 2];
    const divisors: number[] = [];
    gaps.forEach((gap, k) => divisors.push(nextDivisor(sra, k, divisors.at(-1) ?? 1, gap, gaps[k - 1] ?? Infinity)));
    expect(divisors.map((b) => Number(b.toFixed(10)))).toEqual([1, 3, 3.3, 3.6, 5.6]);
  });
  it('is the largest absolute difference', () => {
    expect(shareGap([0.2, 0.3, 0.5], [0.25, 0.45, 0.3])).toBeCloseTo(0.2, 15);
    expect(shareGap([], [])).toBe(0);
  });
});
