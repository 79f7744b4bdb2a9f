/**
 * Validation 6: timetabled departures of a `BatchTransport` (src/resources/batch-transport.ts):
 * Poisson arrivals of items at rate lambda, a departure every T hours taking up to K items,
 * vehicles always available (the one vehicle's cycle of 1 h is shorter than the headway; checked),
 * no closure, cutoff 0.
 *
 * Confidence level, fixed up front for the whole suite: 99 % Student-t intervals over independent
 * replications (`CONFIDENCE` in harness.ts); never widened to make a test pass.
 *
 * Design: 20 replications seeded replicationSeed(<experiment>, i). Departures (slots) at
 * T, 2T, ...; the first 100 slots are warm-up. Left-behind counts X are read right after each
 * departure (the transport's onChange hook fires at the end of every slot), and item waits
 * (`departed - joined` of the board record) are taken over the items that join during the
 * recorded slots, each followed until it has left.
 */
import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/distributions/index.ts';
import { Simulation } from '../../src/engine/index.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { BatchTransport } from '../../src/resources/index.ts';
import { Tally } from '../../src/stats/index.ts';
import { leftBehindDistribution } from './analytic.ts';
import { expectInCi, replicate } from './harness.ts';

interface TimetableOptions {
  /** Arrival rate of items, per hour. */
  readonly lambda: number;
  /** Headway T, hours. */
  readonly headway: number;
  /** K, items per departure. */
  readonly capacity: number;
  /** Slots discarded as warm-up. */
  readonly warmupSlots: number;
  /** Slots recorded after the warm-up. */
  readonly slots: number;
  readonly seed: number;
}

interface TimetableResult {
  /** Mean number left behind right after a recorded departure. */
  readonly leftBehind: number;
  /** Fraction of recorded departures that left nobody behind. */
  readonly noneLeft: number;
  /** Mean wait (departed - joined) of the items joining during the recorded slots, hours. */
  readonly wait: number;
  /** Items per hour joining during the recorded slots. */
  readonly lambdaHat: number;
}

function runTimetable(options: TimetableOptions): TimetableResult {
  const { lambda, headway: T, capacity, warmupSlots, slots } = options;
  const sim = new Simulation();
  const streams = new RandomStreams(options.seed);
  const arrivals = streams.stream('items/arrivals');
  const interarrival = exponential(lambda);
  const windowStart = warmupSlots * T;
  const windowEnd = (warmupSlots + slots) * T;
  const leftBehind = new Tally();
  const noneLeft = new Tally();
  const waits = new Tally();
  let slotsSeen = 0;
  let windowItems = 0;

  const transport: BatchTransport<number> = new BatchTransport<number>(sim, {
    name: 'timetabled',
    capacity,
    vehicles: 1,
    policy: { kind: 'timetable', times: [T], period: T, cutoff: 0 },
    travelTime: 0.5,
    random: streams,
    onChange: () => {
      // A slot has been handled (departure or empty slot) iff one of these counters moved; the
      // hook runs at the end of the slot, after the load has been taken off the queue.
      const handled = transport.departures + transport.emptySlots + transport.missedSlots + transport.cancelledDepartures;
      if (handled === slotsSeen) return;
      slotsSeen = handled;
      if (slotsSeen > warmupSlots && slotsSeen <= warmupSlots + slots) {
        leftBehind.add(transport.queueLength);
        noneLeft.add(transport.queueLength === 0 ? 1 : 0);
      }
    },
  });

  const arrive = (): void => {
    const now = sim.now;
    const delivery = transport.board(0);
    if (now >= windowStart && now < windowEnd) {
      windowItems++;
      delivery.addCallback(() => {
        const record = delivery.value;
        waits.add(record.departed - record.joined);
      });
    }
    sim.schedule(interarrival.sample(arrivals), arrive);
  };
  sim.schedule(interarrival.sample(arrivals), arrive);

  // Run through the recorded slots, then until every item of the window has been delivered.
  while (slotsSeen < warmupSlots + slots && sim.step());
  while (waits.count < windowItems && sim.step());
  expect(transport.missedSlots, 'a vehicle was always at A').toBe(0);
  expect(transport.cancelledDepartures).toBe(0);
  expect(leftBehind.count).toBe(slots);
  return { leftBehind: leftBehind.mean, noneLeft: noneLeft.mean, wait: waits.mean, lambdaHat: windowItems / (windowEnd - windowStart) };
}

describe('timetabled departures (BatchTransport, policy timetable, cutoff 0)', () => {
  it('capacity never binds (K = 10^6): mean wait = T/2', () => {
    // Analytic: with Poisson arrivals and departures every T hours that take everyone, an item
    // waits until the next slot; by PASTA its arrival is uniform within the headway, so
    // E[wait] = T/2 = 2.5 h for T = 5 h (the residual time of a deterministic renewal process,
    // E[T^2] / (2 E[T]) = T/2). Nobody is ever left behind: E[X] = 0.
    const T = 5;
    const { summaries } = replicate(20, 'validation/timetable-unbound', (seed) => {
      const r = runTimetable({ lambda: 10, headway: T, capacity: 1_000_000, warmupSlots: 10, slots: 500, seed });
      expect(r.leftBehind).toBe(0);
      return { wait: r.wait, lambdaHat: r.lambdaHat };
    });
    expectInCi('timetable, K unbounded: mean wait (h)', T / 2, summaries.wait);
    expectInCi('timetable, K unbounded: arrival rate (1/h)', 10, summaries.lambdaHat);
  });

  it('capacity binds (lambda = 10/h, T = 5 h, K = 55, lambda T = 50): left-behind chain and mean wait', () => {
    // Analytic: with cutoff 0 every item present at a slot is eligible, so the number left behind
    // after departure n follows X_{n+1} = max(X_n + A_{n+1} - K, 0), A ~ Poisson(lambda T = 50):
    // stable since 50 < 55. Its stationary law is computed numerically (leftBehindDistribution in
    // analytic.ts, checked in analytic.test.ts): E[X] = 2.0784, P(X = 0) = 0.6881.
    // Mean wait: in one headway the items arriving wait in total (lambda T) T/2 on average until
    // the slot, and each item left behind at a slot waits T more, so per item
    //   E[wait] = (lambda T * T/2 + T E[X]) / (lambda T) = T/2 + E[X]/lambda = 2.5 + 0.20784 = 2.7078 h
    // (equivalently Little: the time-average queue is lambda T/2 + E[X] = lambda E[wait]).
    const lambda = 10;
    const T = 5;
    const K = 55;
    const chain = leftBehindDistribution(lambda * T, K);
    expect(chain.mean).toBeCloseTo(2.0784, 4);
    const meanWait = T / 2 + chain.mean / lambda;
    const { summaries } = replicate(20, 'validation/timetable-binding', (seed) => {
      const r = runTimetable({ lambda, headway: T, capacity: K, warmupSlots: 100, slots: 6_000, seed });
      return { leftBehind: r.leftBehind, noneLeft: r.noneLeft, wait: r.wait };
    });
    expectInCi('timetable, K = 55, lambda T = 50: mean left behind E[X]', chain.mean, summaries.leftBehind);
    expectInCi('timetable, K = 55, lambda T = 50: P(X = 0)', chain.pi[0] as number, summaries.noneLeft);
    expectInCi('timetable, K = 55, lambda T = 50: mean wait (h)', meanWait, summaries.wait);
  });
});
