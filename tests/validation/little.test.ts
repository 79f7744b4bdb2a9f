/**
 * Validation 5: Little's law L = lambda W on measured data, on a process-based G/G/c model
 * (processes + Resource; number in system tracked by a `TimeWeighted`).
 *
 * Confidence level, fixed up front for the whole suite: 99 % Student-t intervals over independent
 * replications (`CONFIDENCE` in harness.ts); never widened to make a test pass.
 *
 * Little's law holds on every sample path, not only in expectation (Stidham 1974, "A last word on
 * L = lambda W", Oper. Res. 22; El-Taha & Stidham 1999, ch. 2). Over a window [t0, t1] of length
 * T, with L = (1/T) int_{t0}^{t1} N(t) dt, lambda_hat = (arrivals in the window) / T and W_hat their
 * mean sojourn (each followed to its departure, even after t1):
 *
 *   L T = sum_{window arrivals} W_i - E_late + E_early            (exact)
 *
 * where E_early = time spent inside the window by customers who arrived before t0 and
 * E_late = time spent after t1 by customers who arrived in the window. Hence
 *
 *   |L - lambda_hat W_hat| = |E_early - E_late| / T <= max(E_early, E_late) / T,
 *
 * the edge effect, which vanishes as T grows. The test checks (a) the exact identity per
 * replication up to floating-point rounding, (b) the Little bound per replication with the edge
 * terms measured in the run (and that they are below 1 % of L, so the check has teeth), (c) that
 * 0 lies in the 99 % interval of L - lambda_hat W_hat over replications (in steady state E_early
 * and E_late have the same expectation: both are the remaining time in system of the customers
 * present at a stationary instant), and (d) lambda_hat against lambda.
 */
import { describe, expect, it } from 'vitest';
import { exponential, lognormalFromMeanCv, type Distribution } from '../../src/distributions/index.ts';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { Resource } from '../../src/resources/index.ts';
import { TimeWeighted } from '../../src/stats/index.ts';
import { mmc } from './analytic.ts';
import { expectInCi, replicate } from './harness.ts';

interface LittleOptions {
  readonly lambda: number;
  readonly servers: number;
  readonly service: Distribution;
  /** t0, hours of warm-up before the window. */
  readonly warmup: number;
  /** T = t1 - t0, hours. */
  readonly horizon: number;
  readonly seed: number;
}

interface LittleResult {
  /** Time-average number in system over the window (TimeWeighted). */
  readonly l: number;
  /** Window arrivals per hour. */
  readonly lambdaHat: number;
  /** Mean sojourn of the window arrivals, hours. */
  readonly wHat: number;
  /** Sum of the window arrivals' sojourns, hours. */
  readonly sojournSum: number;
  /** Time spent in the window by customers who arrived before it, hours. */
  readonly edgeEarly: number;
  /** Time spent after the window by customers who arrived in it, hours. */
  readonly edgeLate: number;
}

function runLittle(options: LittleOptions): LittleResult {
  const { warmup, horizon, service } = options;
  const t0 = warmup;
  const t1 = warmup + horizon;
  const sim = new Simulation();
  const streams = new RandomStreams(options.seed);
  const arrivalStream = streams.stream('arrivals');
  const serviceStream = streams.stream('service');
  const interarrival = exponential(options.lambda);
  const servers = new Resource(sim, options.servers, 'servers');
  const inSystem = new TimeWeighted(0, 0);
  let n = 0;
  let windowArrivals = 0;
  let sojournSum = 0;
  let edgeEarly = 0;
  let edgeLate = 0;
  let pendingEarly = 0;
  let pendingWindow = 0;

  function* customer(): ProcessGenerator {
    const arrival = sim.now;
    inSystem.update(arrival, ++n);
    const early = arrival < t0;
    const inWindow = !early && arrival < t1;
    if (early) pendingEarly++;
    if (inWindow) {
      windowArrivals++;
      pendingWindow++;
    }
    const request = servers.request();
    yield request;
    yield sim.timeout(service.sample(serviceStream));
    servers.release(request);
    const departure = sim.now;
    inSystem.update(departure, --n);
    if (early) {
      edgeEarly += Math.max(0, Math.min(departure, t1) - t0);
      pendingEarly--;
    }
    if (inWindow) {
      sojournSum += departure - arrival;
      edgeLate += Math.max(0, departure - t1);
      pendingWindow--;
    }
  }

  function* source(): ProcessGenerator {
    for (;;) {
      yield sim.timeout(interarrival.sample(arrivalStream));
      sim.process(customer(), 'customer');
    }
  }

  sim.process(source(), 'source');
  sim.run(t0);
  inSystem.reset(t0);
  sim.run(t1);
  const l = inSystem.mean(t1);
  // Follow every customer who was in the window to its departure.
  while ((pendingEarly > 0 || pendingWindow > 0) && sim.step());
  return { l, lambdaHat: windowArrivals / horizon, wHat: sojournSum / windowArrivals, sojournSum, edgeEarly, edgeLate };
}

function checkLittle(name: string, experimentSeed: string, options: Omit<LittleOptions, 'seed'>, replications: number): ReturnType<typeof replicate<'l' | 'lambdaHat' | 'wHat' | 'gap'>> {
  const t = options.horizon;
  return replicate(replications, experimentSeed, (seed, i) => {
    const r = runLittle({ ...options, seed });
    // (a) Exact sample-path accounting, up to floating-point rounding of sums of ~10^4 terms.
    expect(Math.abs(r.l * t - (r.sojournSum - r.edgeLate + r.edgeEarly)), `${name} replication ${i}: accounting`).toBeLessThan(1e-9 * r.l * t);
    // (b) Little's law up to the measured edge effect, which must be small for the check to mean anything.
    const edge = Math.max(r.edgeEarly, r.edgeLate) / t;
    expect(edge, `${name} replication ${i}: edge effect`).toBeLessThan(0.01 * r.l);
    // (1e-9 L allows for the rounding of the sums; the edge bound is attained when one edge term is 0.)
    expect(Math.abs(r.l - r.lambdaHat * r.wHat), `${name} replication ${i}: |L - lambda W|`).toBeLessThanOrEqual(edge + 1e-9 * r.l);
    return { l: r.l, lambdaHat: r.lambdaHat, wHat: r.wHat, gap: r.l - r.lambdaHat * r.wHat };
  });
}

describe("Little's law L = lambda W on measured data", () => {
  it('M/M/1 (lambda 0.8/h, mu 1/h): sample-path identity, and L = 4 = lambda W', () => {
    // Analytic: L = rho / (1 - rho) = 4, W = 1 / (mu - lambda) = 5 h, lambda W = 4.
    const exact = mmc(0.8, 1, 1);
    const { summaries } = checkLittle('M/M/1', 'validation/little-mm1', { lambda: 0.8, servers: 1, service: exponential(1), warmup: 2_000, horizon: 30_000 }, 20);
    expectInCi('Little M/M/1 L - lambda_hat W_hat (0 up to edge effects)', 0, summaries.gap);
    expectInCi('Little M/M/1 lambda_hat (1/h)', 0.8, summaries.lambdaHat);
    expectInCi('Little M/M/1 L (TimeWeighted)', exact.l, summaries.l);
    expectInCi('Little M/M/1 W_hat (h)', exact.w, summaries.wHat);
  });

  it('M/G/2 with lognormal service (lambda 1.5/h, mean 1 h, cv 1.5): no closed form for L, Little still holds', () => {
    const { summaries } = checkLittle(
      'M/G/2',
      'validation/little-mg2',
      { lambda: 1.5, servers: 2, service: lognormalFromMeanCv(1, 1.5), warmup: 2_000, horizon: 20_000 },
      20,
    );
    expectInCi('Little M/G/2 L - lambda_hat W_hat (0 up to edge effects)', 0, summaries.gap);
    expectInCi('Little M/G/2 lambda_hat (1/h)', 1.5, summaries.lambdaHat);
  });
});
