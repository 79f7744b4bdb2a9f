/**
 * Validation 1: the M/M/1 queue on the process path (processes + Resource), `runMmcProcesses`.
 *
 * Confidence level, fixed up front for the whole suite: 99 % Student-t intervals over independent
 * replications (`CONFIDENCE` in harness.ts). An analytic value must lie inside the interval; the
 * level is never widened to make a test pass.
 *
 * Design: 30 replications seeded replicationSeed('validation/mm1', i), each 50 000 departures of
 * which the first 5 000 (about 6 250 h, some 70 relaxation times (1 - sqrt(rho))^-2 / mu = 89 h)
 * are discarded as warm-up. Each replication yields one post-warm-up average per measure.
 */
import { describe, expect, it } from 'vitest';
import { runMmcProcesses } from '../../src/examples/mmc-processes.ts';
import { mmc } from './analytic.ts';
import { expectInCi, replicate } from './harness.ts';

describe('M/M/1, lambda = 0.8/h, mu = 1/h (rho = 0.8), process path', () => {
  it('Wq, W, Lq, L and utilization lie inside their 99 % replication intervals', () => {
    const lambda = 0.8;
    const mu = 1;
    // Analytic values (Kleinrock, Queueing Systems vol. 1, §3.2; Gross & Harris §2.2), rho = lambda/mu:
    //   Wq = rho / (mu - lambda) = 4 h,  W = 1 / (mu - lambda) = 5 h,
    //   Lq = rho^2 / (1 - rho) = 3.2,     L = rho / (1 - rho) = 4,    utilization = rho = 0.8.
    const rho = lambda / mu;
    const exact = { wq: rho / (mu - lambda), w: 1 / (mu - lambda), lq: (rho * rho) / (1 - rho), l: rho / (1 - rho) };
    // The Erlang C helper must agree with the M/M/1 closed forms (c = 1: C = rho).
    const viaErlang = mmc(lambda, mu, 1);
    for (const key of ['wq', 'w', 'lq', 'l'] as const) expect(viaErlang[key], key).toBeCloseTo(exact[key], 12);

    const { summaries } = replicate(30, 'validation/mm1', (seed) => {
      const r = runMmcProcesses({ lambda, mu, servers: 1, departures: 50_000, warmupDepartures: 5_000, seed });
      return { wq: r.meanWait, w: r.meanSojourn, lq: r.meanQueueLength, l: r.meanInSystem, utilization: r.utilization };
    });
    expectInCi('M/M/1 Wq (h)', exact.wq, summaries.wq);
    expectInCi('M/M/1 W (h)', exact.w, summaries.w);
    expectInCi('M/M/1 Lq', exact.lq, summaries.lq);
    expectInCi('M/M/1 L', exact.l, summaries.l);
    expectInCi('M/M/1 utilization', rho, summaries.utilization);
  });
});
