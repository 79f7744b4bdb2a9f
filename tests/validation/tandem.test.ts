/**
 * Validation 4: a tandem of three M/M/c stations (an open Jackson network), process-based: each
 * job is a process that requests a server of each station's `Resource` in turn (`runStations`).
 *
 * Confidence level, fixed up front for the whole suite: 99 % Student-t intervals over independent
 * replications (`CONFIDENCE` in harness.ts); never widened to make a test pass.
 *
 * Design: 20 replications of 30 000 recorded jobs after 3 000 warm-up jobs (by arrival index);
 * the run continues until every recorded job has left the last station.
 */
import { describe, it } from 'vitest';
import { exponential } from '../../src/distributions/index.ts';
import { mmc } from './analytic.ts';
import { expectInCi, replicate, runStations } from './harness.ts';

const lambda = 1;
const stations = [
  { servers: 2, mu: 0.7 },
  { servers: 1, mu: 1.5 },
  { servers: 3, mu: 0.5 },
] as const;

describe('Jackson tandem, lambda = 1/h, stations c = (2, 1, 3), mu = (0.7, 1.5, 0.5)/h', () => {
  it('mean sojourn = sum of the stations\' M/M/c W; per-station W inside their intervals', () => {
    // Burke's theorem: the departures of a stable M/M/c queue are Poisson(lambda), so each station
    // of the tandem is an M/M/c queue with arrival rate lambda, and Jackson's theorem makes their
    // sojourns add up in mean (Kleinrock vol. 1, §4.8; Gross & Harris §4.1):
    //   W_1 = M/M/2 (mu 0.7), W_2 = M/M/1 (mu 1.5) = 1 / (1.5 - 1) = 2 h, W_3 = M/M/3 (mu 0.5),
    //   E[sojourn] = W_1 + W_2 + W_3 (computed with Erlang C in analytic.ts).
    const perStation = stations.map((s) => mmc(lambda, s.mu, s.servers).w);
    const total = perStation.reduce((sum, w) => sum + w, 0);
    const { summaries } = replicate(20, 'validation/tandem', (seed) => {
      const r = runStations({
        lambda,
        stations: stations.map((s) => ({ servers: s.servers, service: exponential(s.mu) })),
        warmupJobs: 3_000,
        jobs: 30_000,
        seed,
      });
      return { sojourn: r.meanSojourn, w1: r.meanStay[0] as number, w2: r.meanStay[1] as number, w3: r.meanStay[2] as number };
    });
    expectInCi('tandem mean sojourn (h)', total, summaries.sojourn);
    expectInCi('tandem station 1 W (h), M/M/2', perStation[0] as number, summaries.w1);
    expectInCi('tandem station 2 W (h), M/M/1', perStation[1] as number, summaries.w2);
    expectInCi('tandem station 3 W (h), M/M/3', perStation[2] as number, summaries.w3);
  });
});
