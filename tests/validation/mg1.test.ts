/**
 * Validation 3: M/D/1 and M/G/1 (lognormal service) against the Pollaczek-Khinchine formula, on a
 * process-based single-server model (one `Resource`, one process per customer; `runStations` in
 * harness.ts).
 *
 * Confidence level, fixed up front for the whole suite: 99 % Student-t intervals over independent
 * replications (`CONFIDENCE` in harness.ts); never widened to make a test pass.
 *
 * Design: 30 replications of 50 000 recorded customers after 5 000 warm-up customers (by arrival
 * index), lambda = 0.8/h and mean service 1 h in both cases, so rho = 0.8 as in the M/M/1 test and
 * Wq scales as (1 + cv^2)/2 times the M/M/1 value 4 h: 2 h (cv 0), 6.5 h (cv 1.5).
 */
import { describe, expect, it } from 'vitest';
import { deterministic, lognormalFromMeanCv } from '../../src/distributions/index.ts';
import { pollaczekKhinchine } from './analytic.ts';
import { expectInCi, replicate, runStations } from './harness.ts';

const lambda = 0.8;

describe('Pollaczek-Khinchine: M/G/1 with lambda = 0.8/h, E[S] = 1 h', () => {
  it('M/D/1 (deterministic service 1 h): Wq = 2 h, W = 3 h', () => {
    // P-K (Kleinrock vol. 1, eq. 5.105): Wq = lambda E[S^2] / (2 (1 - rho)), E[S^2] = 1 h^2, rho = 0.8:
    //   Wq = 0.8 * 1 / 0.4 = 2 h;  W = Wq + E[S] = 3 h.
    const exact = pollaczekKhinchine(lambda, 1, 1);
    expect(exact.wq).toBeCloseTo(2, 12);
    const { summaries } = replicate(30, 'validation/md1', (seed) => {
      const r = runStations({ lambda, stations: [{ servers: 1, service: deterministic(1) }], warmupJobs: 5_000, jobs: 50_000, seed });
      return { wq: r.meanWait[0] as number, w: r.meanSojourn };
    });
    expectInCi('M/D/1 Wq (h)', exact.wq, summaries.wq);
    expectInCi('M/D/1 W (h)', exact.w, summaries.w);
  });

  it('M/G/1 with lognormal service (mean 1 h, cv 1.5): Wq = 6.5 h, W = 7.5 h', () => {
    // Lognormal with mean m = 1 and cv = 1.5: E[S^2] = m^2 (1 + cv^2) = 3.25 h^2.
    // P-K: Wq = 0.8 * 3.25 / (2 * 0.2) = 6.5 h;  W = 7.5 h.
    const service = lognormalFromMeanCv(1, 1.5);
    const secondMoment = service.variance + service.mean * service.mean;
    expect(secondMoment).toBeCloseTo(3.25, 12);
    const exact = pollaczekKhinchine(lambda, service.mean, secondMoment);
    expect(exact.wq).toBeCloseTo(6.5, 12);
    const { summaries } = replicate(30, 'validation/mg1-lognormal', (seed) => {
      const r = runStations({ lambda, stations: [{ servers: 1, service }], warmupJobs: 5_000, jobs: 50_000, seed });
      return { wq: r.meanWait[0] as number, w: r.meanSojourn };
    });
    expectInCi('M/G/1 lognormal cv 1.5 Wq (h)', exact.wq, summaries.wq);
    expectInCi('M/G/1 lognormal cv 1.5 W (h)', exact.w, summaries.w);
  });
});
