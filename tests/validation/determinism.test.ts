/**
 * Validation 7: determinism. The same seed gives the same event trace, entry for entry and bit for
 * bit, for a process-based model with a Resource and random times; a different seed gives a
 * different one; simultaneous events run in the order they were scheduled.
 *
 * No statistical interval is involved here (these are exact equalities); the suite's confidence
 * level for the statistical checks is the fixed 99 % of harness.ts.
 */
import { describe, expect, it } from 'vitest';
import { exponential, lognormalFromMeanCv } from '../../src/distributions/index.ts';
import { Simulation, SimEvent, type Callback, type Firable, type ProcessGenerator } from '../../src/engine/index.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { Resource } from '../../src/resources/index.ts';

/** One traced entry: time, what fired (event class and label, or callback name), and its data. */
type TraceEntry = readonly [time: number, what: string, data: number];

function describeTarget(target: SimEvent<unknown> | Callback | Firable): string {
  if (target instanceof SimEvent) return `${target.constructor.name}:${target.label ?? ''}`;
  if (typeof target !== 'function') return `firable:${target.constructor.name}`;
  return `callback:${target.name}`;
}

/**
 * A two-berth terminal: ships arrive at Poisson times, request a berth (priority by size class),
 * are served for a lognormal time, and a fraction also calls a crane (second Resource) after the
 * berth; a periodic callback samples the queue. Returns the full event trace and a few outputs.
 */
function runTerminal(seed: number | string, ships: number): { trace: TraceEntry[]; outputs: number[] } {
  const sim = new Simulation();
  const trace: TraceEntry[] = [];
  sim.tracer = (time, target, data) => trace.push([time, describeTarget(target), data]);
  const streams = new RandomStreams(seed);
  const arrivals = streams.stream('arrivals');
  const sizes = streams.stream('sizes');
  const berthing = streams.stream('berth');
  const craning = streams.stream('crane');
  const interarrival = exponential(1.2);
  const berthTime = lognormalFromMeanCv(1.4, 0.8);
  const craneTime = exponential(3);
  const berths = new Resource(sim, 2, 'berths');
  const crane = new Resource(sim, 1, 'crane');
  const outputs: number[] = [];
  let done = 0;

  function* ship(index: number): ProcessGenerator {
    const arrival = sim.now;
    const big = sizes.next() < 0.3;
    const berth = berths.request({ priority: big ? 0 : 1 });
    yield berth;
    yield sim.timeout(berthTime.sample(berthing));
    berths.release(berth);
    if (big) {
      const c = crane.request();
      yield c;
      yield sim.timeout(craneTime.sample(craning));
      crane.release(c);
    }
    outputs.push(index, sim.now - arrival);
    done++;
  }

  function* source(): ProcessGenerator {
    for (let i = 0; i < ships; i++) {
      yield sim.timeout(interarrival.sample(arrivals));
      sim.process(ship(i), `ship ${i}`);
    }
  }

  const sampleQueue: Callback = function sampleQueue(k: number): void {
    outputs.push(-1, berths.queueLength);
    if (done < ships) sim.schedule(5, sampleQueue, k + 1);
  };
  sim.process(source(), 'source');
  sim.schedule(5, sampleQueue, 0);
  sim.run();
  return { trace, outputs };
}

describe('determinism', () => {
  it('the same seed gives an identical event trace; another seed a different one', () => {
    const a = runTerminal(20240611, 2_000);
    const b = runTerminal(20240611, 2_000);
    const c = runTerminal(20240612, 2_000);
    // 2,000 ships make about 4.8 entries each (a ship process's end takes none: nobody waits).
    expect(a.trace.length).toBeGreaterThan(9_000);
    // toEqual on numbers is Object.is equality: times must match to the last bit.
    expect(b.trace).toEqual(a.trace);
    expect(b.outputs).toEqual(a.outputs);
    expect(c.trace).not.toEqual(a.trace);
  });

  it('simultaneous events run in scheduling order, across callbacks, timeouts and processes', () => {
    const sim = new Simulation();
    const order: string[] = [];
    const at = 2;
    // Interleave the three kinds of NORMAL entries, all due at t = 2, in a known creation order.
    sim.schedule(at, () => order.push('callback 1'));
    sim.timeout(at).addCallback(() => order.push('timeout 2'));
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(at); // the process starts at t = 0 (URGENT), so this timeout is scheduled 4th
      order.push('process 4');
    })(), 'p');
    sim.schedule(at, () => order.push('callback 3'));
    sim.run();
    // The process's start event is URGENT at t = 0 and runs before anything at t = 2, but its
    // timeout is created when it runs, i.e. after 'callback 3' was scheduled.
    expect(order).toEqual(['callback 1', 'timeout 2', 'callback 3', 'process 4']);
  });

  it('equal-time requests to a Resource are granted in request order, and their holders finish in that order', () => {
    const sim = new Simulation();
    const berth = new Resource(sim, 1, 'berth');
    const granted: number[] = [];
    const finished: number[] = [];
    function* ship(i: number): ProcessGenerator {
      yield sim.timeout(1); // all ten request at t = 1
      const request = berth.request();
      yield request;
      granted.push(i);
      yield sim.timeout(0.5);
      berth.release(request);
      finished.push(i);
    }
    for (let i = 0; i < 10; i++) sim.process(ship(i), `ship ${i}`);
    sim.run();
    const ids = Array.from({ length: 10 }, (_, i) => i);
    expect(granted).toEqual(ids);
    expect(finished).toEqual(ids);
    expect(sim.now).toBe(6);
  });
});
