/**
 * Shared machinery of the queueing-theory validation: independent replications summarised with a
 * Student-t confidence interval at the suite's fixed 99 % level, the check that an analytic value
 * lies inside that interval, and a process-based model of a series of multi-server stations
 * (one station: the M/G/c queue; several: a tandem / Jackson network). Times in hours.
 */
import { expect } from 'vitest';
import type { Distribution } from '../../src/distributions/index.ts';
import { exponential } from '../../src/distributions/index.ts';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { RandomStreams, replicationSeed, type RandomStream } from '../../src/random/index.ts';
import { Resource } from '../../src/resources/index.ts';
import { Tally, summarizeReplications, type ReplicationSummary } from '../../src/stats/index.ts';

/**
 * Confidence level of every interval in the validation suite, fixed before any test was run.
 * It is never widened to make a test pass: a value outside its interval is investigated.
 */
export const CONFIDENCE = 0.99;

/**
 * Run `replications` independent replications, replication i seeded with
 * `replicationSeed(experimentSeed, i)`, and summarise each named output across them with a
 * Student-t interval at `CONFIDENCE`. `run` returns one number per output (each already a
 * post-warm-up average of its replication).
 */
export function replicate<K extends string>(
  replications: number,
  experimentSeed: number | string,
  run: (seed: number, index: number) => Record<K, number>,
): { summaries: Record<K, ReplicationSummary>; values: Record<K, number[]> } {
  const values = {} as Record<K, number[]>;
  for (let i = 0; i < replications; i++) {
    const outputs = run(replicationSeed(experimentSeed, i), i);
    for (const key of Object.keys(outputs) as K[]) (values[key] ??= []).push(outputs[key]);
  }
  const summaries = {} as Record<K, ReplicationSummary>;
  for (const key of Object.keys(values) as K[]) summaries[key] = summarizeReplications(values[key], CONFIDENCE);
  return { summaries, values };
}

/** One line per check, printed when VALIDATION_REPORT is set (used to write the validation report). */
export function report(what: string, analytic: number, summary: ReplicationSummary): void {
  if (process.env['VALIDATION_REPORT'] === undefined) return;
  const inside = analytic >= summary.lower && analytic <= summary.upper;
  console.info(
    `[validation] ${what}: analytic ${fmt(analytic)}, simulated ${fmt(summary.mean)} ± ${fmt(summary.halfWidth)} ` +
      `(${(100 * summary.confidence).toFixed(0)} % CI, n = ${summary.n}, rel. half-width ${(100 * summary.halfWidth / Math.abs(summary.mean)).toFixed(2)} %)` +
      `${inside ? '' : '  <-- OUTSIDE'}`,
  );
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/** Assert that `analytic` lies inside the replication confidence interval `summary`. */
export function expectInCi(what: string, analytic: number, summary: ReplicationSummary): void {
  report(what, analytic, summary);
  const message = `${what}: analytic ${analytic} outside the ${100 * summary.confidence} % CI ` +
    `[${summary.lower}, ${summary.upper}] (mean ${summary.mean}, n = ${summary.n})`;
  expect(summary.confidence, 'the validation suite uses 99 % intervals').toBe(CONFIDENCE);
  expect(Number.isFinite(summary.halfWidth), `${what}: the interval needs at least two replications`).toBe(true);
  expect(analytic, message).toBeGreaterThanOrEqual(summary.lower);
  expect(analytic, message).toBeLessThanOrEqual(summary.upper);
}

/** One station of a series: `servers` identical servers with FIFO queue, service time `service`. */
export interface StationSpec {
  readonly servers: number;
  readonly service: Distribution;
}

/** Options of `runStations`. */
export interface StationsOptions {
  /** Poisson arrival rate into the first station, per hour. */
  readonly lambda: number;
  /** The stations, visited in order by every job. */
  readonly stations: readonly StationSpec[];
  /** Jobs (by arrival index 0, 1, ...) discarded as warm-up. */
  readonly warmupJobs: number;
  /** Jobs recorded after the warm-up: arrival indices warmupJobs .. warmupJobs + jobs - 1. */
  readonly jobs: number;
  /** Replication seed; streams `arrivals` and `station/<i>/service`. */
  readonly seed: number;
}

/** What `runStations` measured over the recorded jobs (hours). */
export interface StationsResult {
  /** Mean wait in queue at each station. */
  readonly meanWait: readonly number[];
  /** Mean time at each station (wait + service). */
  readonly meanStay: readonly number[];
  /** Mean time from arrival at the first station to departure from the last. */
  readonly meanSojourn: number;
  /** Simulation time when the last recorded job left, hours. */
  readonly endTime: number;
}

/**
 * A series of multi-server FIFO stations written as a model author would: a source process
 * creates jobs at Poisson times; each job is a process that, at each station in turn, requests a
 * server of that station's `Resource`, holds it for a service time and releases it.
 *
 * Warm-up: the first `warmupJobs` jobs (by arrival order) are not recorded; the next `jobs` are,
 * and the run continues (arrivals included) until every recorded job has left. Selecting jobs by
 * arrival index rather than by departure order keeps the sample free of any bias towards short
 * sojourns where jobs overtake each other (multi-server stations).
 */
export function runStations(options: StationsOptions): StationsResult {
  const { stations, warmupJobs, jobs } = options;
  const sim = new Simulation();
  const streams = new RandomStreams(options.seed);
  const arrivals = streams.stream('arrivals');
  const interarrival = exponential(options.lambda);
  const resources = stations.map((s, i) => new Resource(sim, s.servers, `station ${i}`));
  const serviceStreams = stations.map((_, i) => streams.stream(`station/${i}/service`));
  const waits = stations.map(() => new Tally());
  const stays = stations.map(() => new Tally());
  const sojourn = new Tally();
  let created = 0;

  function* job(index: number): ProcessGenerator {
    const recorded = index >= warmupJobs && index < warmupJobs + jobs;
    const arrival = sim.now;
    for (let i = 0; i < stations.length; i++) {
      const station = resources[i] as Resource;
      const joined = sim.now;
      const request = station.request();
      yield request;
      const start = sim.now;
      yield sim.timeout((stations[i] as StationSpec).service.sample(serviceStreams[i] as RandomStream));
      station.release(request);
      if (recorded) {
        (waits[i] as Tally).add(start - joined);
        (stays[i] as Tally).add(sim.now - joined);
      }
    }
    if (recorded) sojourn.add(sim.now - arrival);
  }

  function* source(): ProcessGenerator {
    for (;;) {
      yield sim.timeout(interarrival.sample(arrivals));
      sim.process(job(created++), 'job');
    }
  }

  sim.process(source(), 'source');
  while (sojourn.count < jobs && sim.step());
  if (sojourn.count < jobs) throw new Error(`runStations: only ${sojourn.count} of ${jobs} recorded jobs finished`);
  return {
    meanWait: waits.map((t) => t.mean),
    meanStay: stays.map((t) => t.mean),
    meanSojourn: sojourn.mean,
    endTime: sim.now,
  };
}
