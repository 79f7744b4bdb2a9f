/**
 * Unit tests of the analytic helpers (analytic.ts) that the validation suite compares the engine
 * against: hand-computed values, special cases with closed forms, and for the left-behind chain a
 * direct simulation of the recursion itself.
 *
 * Confidence level of the one statistical check here (the chain simulation), fixed up front for
 * the whole suite: 99 % Student-t interval over independent replications (harness.ts).
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/index.ts';
import { erlangC, leftBehindDistribution, mmc, poissonPmf, pollaczekKhinchine } from './analytic.ts';
import { expectInCi, replicate } from './harness.ts';

describe('erlangC and mmc', () => {
  it('match hand-computed Erlang C values', () => {
    // c = 1: C = a (an M/M/1 arrival waits iff the server is busy, probability rho).
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 14);
    // c = 2, a = 1: sum_{k<2} a^k/k! = 2, a^2/2! * 2/(2 - 1) = 1, C = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    // c = 3, a = 2.7: 7.345 and 3.2805 * 10 = 32.805, C = 32.805 / 40.15; Wq = C / 0.3 = 2.7235 h.
    expect(erlangC(3, 2.7)).toBeCloseTo(32.805 / 40.15, 14);
    expect(mmc(2.7, 1, 3).wq).toBeCloseTo(2.7235, 4);
  });

  it('reduce to the M/M/1 closed forms for c = 1', () => {
    const m = mmc(0.8, 1, 1);
    expect(m.wq).toBeCloseTo(4, 12);
    expect(m.w).toBeCloseTo(5, 12);
    expect(m.lq).toBeCloseTo(3.2, 12);
    expect(m.l).toBeCloseTo(4, 12);
  });

  it('stays accurate for many servers (no a^c / c! overflow)', () => {
    // 500 servers at 490 Erlangs: finite, in (0, 1), and the mean wait is short.
    const c = erlangC(500, 490);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(Number.isFinite(mmc(490, 1, 500).wq)).toBe(true);
  });

  it('rejects unstable or malformed queues', () => {
    expect(() => erlangC(3, 3)).toThrow(RangeError);
    expect(() => erlangC(0, 0.5)).toThrow(RangeError);
    expect(() => pollaczekKhinchine(1, 1, 2)).toThrow(RangeError);
  });
});

describe('pollaczekKhinchine', () => {
  it('gives the M/M/1 result for exponential service (E[S^2] = 2/mu^2) and half of it for M/D/1', () => {
    expect(pollaczekKhinchine(0.8, 1, 2).wq).toBeCloseTo(mmc(0.8, 1, 1).wq, 12);
    expect(pollaczekKhinchine(0.8, 1, 1).wq).toBeCloseTo(2, 12);
    expect(pollaczekKhinchine(0.8, 1, 3.25).wq).toBeCloseTo(6.5, 12);
  });
});

describe('poissonPmf', () => {
  it('matches e^-a a^k / k! for a small mean', () => {
    const pmf = poissonPmf(2, 3);
    expect(pmf[0]).toBeCloseTo(Math.exp(-2), 15);
    expect(pmf[1]).toBeCloseTo(2 * Math.exp(-2), 15);
    expect(pmf[3]).toBeCloseTo((8 / 6) * Math.exp(-2), 15);
  });

  it('sums to 1 and has mean and variance a, even for a large mean', () => {
    for (const a of [0.3, 10, 50, 400]) {
      const pmf = poissonPmf(a, Math.ceil(a + 20 * Math.sqrt(a) + 40));
      let total = 0;
      let mean = 0;
      let second = 0;
      pmf.forEach((p, k) => {
        total += p;
        mean += k * p;
        second += k * k * p;
      });
      expect(total).toBeCloseTo(1, 12);
      expect(mean).toBeCloseTo(a, 9);
      expect(second - mean * mean).toBeCloseTo(a, 7);
    }
  });
});

describe('leftBehindDistribution: X\' = max(X + A - K, 0), A ~ Poisson(a)', () => {
  it('matches the closed form for K = 1', () => {
    // For K = 1 the recursion is that of Y = (N - 1)^+ where N is the M/D/1 number in system left
    // by a departure (N' = Y + A), so with rho = a: E[X] = E[N] - rho = L_{M/D/1} - rho = Lq of
    // M/D/1 = rho^2 / (2 (1 - rho)), and P(X = 0) = P(N <= 1) = (1 - rho) + (1 - rho)(e^rho - 1)
    // = (1 - rho) e^rho (Gross & Harris, the M/D/1 state probabilities, §5.1.2).
    for (const rho of [0.3, 0.8]) {
      const d = leftBehindDistribution(rho, 1);
      expect(d.mean).toBeCloseTo((rho * rho) / (2 * (1 - rho)), 7);
      expect(d.pi[0]).toBeCloseTo((1 - rho) * Math.exp(rho), 9);
      expect(d.tailMass).toBeLessThan(1e-12);
    }
  });

  it('satisfies the balance identity E[(K - X - A)^+] = K - a (unused capacity) for a = 50, K = 55', () => {
    // Taking expectations of X' = X + A - K + (K - X - A)^+ in steady state gives E[(K - X - A)^+] = K - a.
    const a = 50;
    const K = 55;
    const d = leftBehindDistribution(a, K);
    const pmf = poissonPmf(a, 300);
    let unused = 0;
    let total = 0;
    d.pi.forEach((p, x) => {
      total += p;
      for (let k = 0; k + x < K; k++) unused += p * (pmf[k] as number) * (K - x - k);
    });
    expect(total).toBeCloseTo(1, 12);
    expect(unused).toBeCloseTo(K - a, 8);
    expect(d.tailMass).toBeLessThan(1e-12);
  });

  it('agrees with a direct simulation of the recursion (a = 50, K = 55)', () => {
    // Analytic value: E[X] from the numerical stationary law (about 2.078). Simulation: 20
    // independent replications of 20 000 steps of the recursion after 1 000 discarded steps, with
    // A drawn by inversion of the Poisson(50) CDF; 99 % interval on the per-replication means.
    const a = 50;
    const K = 55;
    const d = leftBehindDistribution(a, K);
    const pmf = poissonPmf(a, 200);
    const cdf = new Float64Array(pmf.length);
    pmf.reduce((acc, p, k) => (cdf[k] = acc + p), 0);
    const { summaries } = replicate(20, 'validation/left-behind-chain', (seed) => {
      const rng = createStream(seed, 'poisson');
      const poisson = (): number => {
        const u = rng.next();
        let k = 0;
        while (k < cdf.length - 1 && (cdf[k] as number) < u) k++;
        return k;
      };
      let x = 0;
      let sum = 0;
      let zeros = 0;
      for (let step = -1_000; step < 20_000; step++) {
        x = Math.max(x + poisson() - K, 0);
        if (step >= 0) {
          sum += x;
          if (x === 0) zeros++;
        }
      }
      return { mean: sum / 20_000, p0: zeros / 20_000 };
    });
    expectInCi('left-behind chain simulated directly, E[X]', d.mean, summaries.mean);
    expectInCi('left-behind chain simulated directly, P(X = 0)', d.pi[0] as number, summaries.p0);
  });

  it('rejects an unstable chain', () => {
    expect(() => leftBehindDistribution(60, 55)).toThrow(RangeError);
    expect(() => leftBehindDistribution(55, 55)).toThrow(RangeError);
  });
});
