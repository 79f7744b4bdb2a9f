/**
 * Validation 2: the M/M/c queue with c = 3, lambda = 2.7/h, mu = 1/h (rho = 0.9), on both engine
 * paths: `runMmcProcesses` (processes + Resource) and `runMmcCallbacks` (scheduled callbacks).
 *
 * Confidence level, fixed up front for the whole suite: 99 % Student-t intervals over independent
 * replications (`CONFIDENCE` in harness.ts); never widened to make a test pass.
 *
 * Design: 30 replications seeded replicationSeed('validation/mmc', i) of 50 000 departures, the
 * first 5 000 (about 1 850 h, over 10 relaxation times of this queue) discarded as warm-up; the
 * two paths get the same seeds and must produce identical measurements. A longer callback-only
 * experiment (30 x 300 000 departures, warm-up 20 000) then checks Wq and Lq with an interval
 * about three times narrower.
 */
import { describe, expect, it } from 'vitest';
import { runMmcCallbacks, type MmcResult } from '../../src/examples/mmc-callbacks.ts';
import { runMmcProcesses } from '../../src/examples/mmc-processes.ts';
import { erlangC, mmc } from './analytic.ts';
import { expectInCi, replicate } from './harness.ts';

const lambda = 2.7;
const mu = 1;
const servers = 3;

// Analytic values (Erlang C; Gross & Harris, Fundamentals of Queueing Theory, §2.3), a = lambda/mu = 2.7:
//   C(3, 2.7) = [a^3/3! * 3/(3 - a)] / [sum_{k<3} a^k/k! + a^3/3! * 3/(3 - a)] = 32.805 / 40.15 = 0.81706
//   Wq = C / (c mu - lambda) = 0.81706 / 0.3 = 2.7235 h,  W = Wq + 1/mu = 3.7235 h,
//   Lq = lambda Wq = 7.3535,  utilization = lambda / (c mu) = 0.9.
const exact = mmc(lambda, mu, servers);

function measures(r: MmcResult): Record<'wq' | 'w' | 'lq' | 'utilization', number> {
  return { wq: r.meanWait, w: r.meanSojourn, lq: r.meanQueueLength, utilization: r.utilization };
}

describe('M/M/3, lambda = 2.7/h, mu = 1/h (rho = 0.9)', () => {
  it('the analytic helper gives Erlang C = 0.81706 and Wq = 2.7235 h', () => {
    expect(erlangC(3, 2.7)).toBeCloseTo(32.805 / 40.15, 12);
    expect(exact.wq).toBeCloseTo(2.7235, 4);
    expect(exact.w).toBeCloseTo(3.7235, 4);
    expect(exact.lq).toBeCloseTo(7.3535, 4);
    expect(exact.rho).toBeCloseTo(0.9, 12);
  });

  it('process and callback paths give identical results per seed, inside the 99 % intervals', () => {
    const processResults: MmcResult[] = [];
    const options = { lambda, mu, servers, departures: 50_000, warmupDepartures: 5_000 };
    const processes = replicate(30, 'validation/mmc', (seed) => {
      const r = runMmcProcesses({ ...options, seed });
      processResults.push(r);
      return measures(r);
    });
    const callbacks = replicate(30, 'validation/mmc', (seed, i) => {
      const r = runMmcCallbacks({ ...options, seed });
      // Same model, same streams, same draws in the same order: every measurement must match to
      // the last bit (only the count of future-event-list entries differs between the paths).
      const { events: _processEvents, ...fromProcesses } = processResults[i] as MmcResult;
      const { events: _callbackEvents, ...fromCallbacks } = r;
      expect(fromCallbacks, `replication ${i}`).toEqual(fromProcesses);
      return measures(r);
    });
    for (const [path, { summaries }] of [['processes', processes], ['callbacks', callbacks]] as const) {
      expectInCi(`M/M/3 ${path} Wq (h)`, exact.wq, summaries.wq);
      expectInCi(`M/M/3 ${path} W (h)`, exact.w, summaries.w);
      expectInCi(`M/M/3 ${path} Lq`, exact.lq, summaries.lq);
      expectInCi(`M/M/3 ${path} utilization`, exact.rho, summaries.utilization);
    }
  });

  it('a long callback-path experiment pins Wq and Lq to a narrow 99 % interval', () => {
    const { summaries } = replicate(30, 'validation/mmc-long', (seed) =>
      measures(runMmcCallbacks({ lambda, mu, servers, departures: 300_000, warmupDepartures: 20_000, seed })),
    );
    expectInCi('M/M/3 callbacks long Wq (h)', exact.wq, summaries.wq);
    expectInCi('M/M/3 callbacks long Lq', exact.lq, summaries.lq);
  });
});
