import { describe, expect, it } from 'vitest';
import { deterministic, exponentialFromMean, type Distribution } from '../../src/distributions/index.ts';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { createStream, RandomStreams } from '../../src/random/index.ts';
import { BatchTransport, type BatchRecord, type BatchTransportOptions } from '../../src/resources/batch-transport.ts';
import { Closure, scheduleWindows } from '../../src/resources/closure.ts';

// Deterministic and exponential durations, hours.
const det = (value: number): Distribution => deterministic(value);
const expo = (mean: number): Distribution => exponentialFromMean(mean);

const rng = createStream(1, 'batch-test');
type Options = Omit<BatchTransportOptions, 'random'>;

/** A SimPy-style model: each item is a process that joins at `at` and logs its delivery. */
function runItems(options: Options, arrivals: Array<[string, number]>, until?: number) {
  const sim = new Simulation();
  const transport = new BatchTransport<string>(sim, { ...options, random: rng });
  const log: string[] = [];
  const records = new Map<string, BatchRecord<string>>();
  function* item(name: string, at: number): ProcessGenerator {
    yield sim.timeout(at);
    const record = (yield transport.board(name)) as BatchRecord<string>;
    records.set(name, record);
    log.push(`${sim.now}: ${name} delivered (joined ${record.joined}, departed ${record.departed}, arrived ${record.arrived}, vehicle ${record.vehicle}, departure ${record.departure}, missed ${record.missed})`);
  }
  for (const [name, at] of arrivals) sim.process(item(name, at), name);
  sim.run(until);
  return { sim, transport, log, records };
}

describe('BatchTransport whenFull', () => {
  it('K = 3, one vehicle, items every hour: departures and arrivals by hand', () => {
    const trace: number[][] = [];
    const sim = new Simulation();
    const bt: BatchTransport<string> = new BatchTransport<string>(sim, {
      capacity: 3, policy: { kind: 'whenFull' }, loadTime: det(0.5), travelTime: det(2), unloadTime: det(1), returnTime: det(1.5), random: rng,
      onChange: (now) => trace.push([now, bt.queueLength, bt.vehiclesInUse]),
    });
    const log: string[] = [];
    function* item(i: number): ProcessGenerator {
      yield sim.timeout(i - 1);
      const r = (yield bt.board(`c${i}`)) as BatchRecord<string>;
      log.push(`${sim.now}: ${r.item} joined ${r.joined} departed ${r.departed} arrived ${r.arrived} vehicle ${r.vehicle} missed ${r.missed}`);
    }
    for (let i = 1; i <= 6; i++) sim.process(item(i), `c${i}`);
    sim.run();
    // Load of c1..c3 closes at 2 (c3 joins), loading 0.5 -> leaves 2.5, arrives 4.5, unloaded
    // 5.5, back at A at 7. c4..c6 are complete at 5 but the vehicle is away until 7.
    expect(log).toEqual([
      '5.5: c1 joined 0 departed 2.5 arrived 4.5 vehicle 0 missed 0',
      '5.5: c2 joined 1 departed 2.5 arrived 4.5 vehicle 0 missed 0',
      '5.5: c3 joined 2 departed 2.5 arrived 4.5 vehicle 0 missed 0',
      '10.5: c4 joined 3 departed 7.5 arrived 9.5 vehicle 0 missed 0',
      '10.5: c5 joined 4 departed 7.5 arrived 9.5 vehicle 0 missed 0',
      '10.5: c6 joined 5 departed 7.5 arrived 9.5 vehicle 0 missed 0',
    ]);
    // [time, queue at A, vehicles in use] after each change.
    expect(trace).toEqual([[0, 1, 0], [1, 2, 0], [2, 0, 1], [3, 1, 1], [4, 2, 1], [5, 3, 1], [7, 0, 1], [12, 0, 0]]);
    expect([bt.departures, bt.itemsCarried, bt.itemsDelivered, bt.meanLoadFactor, bt.vehiclesAtA]).toEqual([2, 6, 6, 1, 1]);
  });

  it('loadFactor reduces each load to floor(loadFactor * K) items', () => {
    // a and b fill a half-capacity load at 0; c and d join just after it closed and take the next.
    const arrivals: Array<[string, number]> = [['a', 0], ['b', 0], ['c', 0], ['d', 0]];
    const { transport, records } = runItems({ capacity: 4, loadFactor: 0.5, policy: { kind: 'whenFull' }, travelTime: 1, returnTime: 1 }, arrivals);
    expect(transport.effectiveCapacity).toBe(2);
    expect(['a', 'b', 'c', 'd'].map((n) => [records.get(n)?.departed, records.get(n)?.missed])).toEqual([[0, 0], [0, 0], [2, 0], [2, 0]]);
    expect(transport.meanLoadFactor).toBe(0.5);
    expect(() => transport.setLoadFactor(0.2)).toThrow('loadFactor must be in (0, 1] and leave at least 1 of the 4 items, got 0.2');
  });
});

describe('BatchTransport timetable', () => {
  it('cutoff and capacity roll items over; a slot is missed while the only vehicle is away', () => {
    // Slots every 10 h from 0; K = 2; cutoff 2 h; a round trip takes 6 + 1 + 6 = 13 h > 10 h.
    const { transport: bt, log } = runItems(
      { capacity: 2, policy: { kind: 'timetable', times: [0], period: 10, cutoff: 2 }, travelTime: 6, unloadTime: 1, returnTime: 6 },
      [['a', 1], ['b', 3], ['c', 7.5], ['d', 8.5], ['e', 9]],
      61,
    );
    // Slot 0: nothing waiting (skipped). Slot 10: a, b go; c is beyond K, d and e joined after
    // 10 - 2 = 8. Slot 20: the vehicle is back only at 23 (missed). Slot 30: c, d. Slot 40:
    // vehicle back at 43 (missed). Slot 50: e. Slot 60: vehicle back at 63 (missed).
    expect(log).toEqual([
      '17: a delivered (joined 1, departed 10, arrived 16, vehicle 0, departure 1, missed 0)',
      '17: b delivered (joined 3, departed 10, arrived 16, vehicle 0, departure 1, missed 0)',
      '37: c delivered (joined 7.5, departed 30, arrived 36, vehicle 0, departure 2, missed 2)',
      '37: d delivered (joined 8.5, departed 30, arrived 36, vehicle 0, departure 2, missed 2)',
      '57: e delivered (joined 9, departed 50, arrived 56, vehicle 0, departure 3, missed 4)',
    ]);
    expect({ departures: bt.departures, carried: bt.itemsCarried, missedSlots: bt.missedSlots, emptySlots: bt.emptySlots, cancelled: bt.cancelledDepartures })
      .toEqual({ departures: 3, carried: 5, missedSlots: 3, emptySlots: 1, cancelled: 0 });
    expect(bt.meanLoadFactor).toBeCloseTo(5 / 6, 12);
  });

  it('a finite timetable without period; departEmpty runs empty slots; a vehicle returning at a slot makes it', () => {
    const { transport: bt, records } = runItems(
      { capacity: 5, policy: { kind: 'timetable', times: [4, 8, 12], departEmpty: true }, travelTime: 2, returnTime: 2 },
      [['x', 9]],
    );
    // Slot 4 leaves empty and the vehicle is back at exactly 8, in time for slot 8 (also empty);
    // x joins at 9, so slot 12 is its first chance.
    expect(records.get('x')).toMatchObject({ departed: 12, delivered: 14, departure: 3, missed: 0 });
    expect([bt.departures, bt.missedSlots, bt.emptySlots]).toEqual([3, 0, 0]);
  });

  it('with a RandomStreams family, each activity draws from its own named stream', () => {
    const sim = new Simulation();
    const streams = new RandomStreams(7);
    const bt = new BatchTransport(sim, { name: 'ferry', capacity: 1, policy: { kind: 'whenFull' }, travelTime: expo(10), random: streams });
    let record: BatchRecord<unknown> | undefined;
    bt.board('x').addCallback((e) => (record = e.value as BatchRecord<unknown>));
    sim.run();
    const travel = -Math.log(new RandomStreams(7).stream('ferry/travel').next()) * 10;
    expect(record?.arrived).toBe(travel);
  });
});

describe('BatchTransport fullOrMaxWait', () => {
  const base: Options = { capacity: 4, policy: { kind: 'fullOrMaxWait', maxWait: 5 }, travelTime: 1, returnTime: 1 };

  it('leaves maxWait after the first item with a partial load, and early when full', () => {
    const { log } = runItems(base, [['a', 0], ['b', 1], ['c', 6], ['d', 6.5], ['e', 7], ['f', 7.5]]);
    expect(log).toEqual([
      '6: a delivered (joined 0, departed 5, arrived 6, vehicle 0, departure 1, missed 0)',
      '6: b delivered (joined 1, departed 5, arrived 6, vehicle 0, departure 1, missed 0)',
      '8.5: c delivered (joined 6, departed 7.5, arrived 8.5, vehicle 0, departure 2, missed 0)',
      '8.5: d delivered (joined 6.5, departed 7.5, arrived 8.5, vehicle 0, departure 2, missed 0)',
      '8.5: e delivered (joined 7, departed 7.5, arrived 8.5, vehicle 0, departure 2, missed 0)',
      '8.5: f delivered (joined 7.5, departed 7.5, arrived 8.5, vehicle 0, departure 2, missed 0)',
    ]);
  });

  it('below minLoad at the deadline it waits for minLoad; past the deadline it leaves on the vehicle\'s return', () => {
    const minLoad = runItems({ ...base, policy: { kind: 'fullOrMaxWait', maxWait: 5, minLoad: 2 } }, [['a', 0], ['b', 8]]);
    expect(minLoad.records.get('a')?.departed).toBe(8);
    // K = 2: a and b fill the vehicle at 0; c's deadline (2) passes while it is away until 10.
    const away = runItems({ capacity: 2, policy: { kind: 'fullOrMaxWait', maxWait: 1 }, travelTime: 5 }, [['a', 0], ['b', 0], ['c', 1]]);
    expect(away.records.get('c')).toMatchObject({ departed: 10, missed: 0 });
  });
});

describe('BatchTransport and a closure', () => {
  it('a timetable slot inside a closure window is cancelled and its load rolls over', () => {
    const sim = new Simulation();
    const closure = new Closure(sim, 'line');
    // Closed [8, 12) and [30, 40): slot 10 is cancelled, slot 30 (at the start) too, slot 40 (at the end) goes.
    scheduleWindows(sim, closure, [{ start: 8, end: 12 }, { start: 30, end: 40 }]);
    const bt = new BatchTransport<string>(sim, { capacity: 5, policy: { kind: 'timetable', times: [0], period: 10 }, travelTime: 1, closure, random: rng });
    const done: Array<[string, number, number]> = [];
    const join = (name: string, at: number): void => sim.schedule(at, () => bt.board(name).addCallback((e) => {
      const r = e.value as BatchRecord<string>;
      done.push([name, r.departed, r.missed]);
    }));
    join('a', 1);
    join('b', 2);
    join('c', 25);
    sim.run(42);
    expect(done).toEqual([['a', 20, 1], ['b', 20, 1], ['c', 40, 1]]);
    expect([bt.cancelledDepartures, bt.departures, bt.emptySlots]).toEqual([2, 2, 1]);
  });

  it('whenFull waits for reopening; a loaded vehicle is held; vehicles under way continue', () => {
    const sim = new Simulation();
    const closure = new Closure(sim);
    scheduleWindows(sim, closure, [{ start: 0, end: 5 }]);
    const bt = new BatchTransport<string>(sim, { capacity: 2, policy: { kind: 'whenFull' }, travelTime: 1, closure, random: rng });
    const departed: number[] = [];
    for (const at of [1, 2]) sim.schedule(at, () => bt.board('x').addCallback((e) => departed.push((e.value as BatchRecord<string>).departed)));
    sim.run();
    expect(departed).toEqual([5, 5]);

    // Full at 1, loading until 4 while closed [2, 6): leaves at 6; closed again [8, 12) while
    // travelling: arrives at 16 regardless.
    const sim2 = new Simulation();
    const closure2 = new Closure(sim2);
    scheduleWindows(sim2, closure2, [{ start: 2, end: 6 }, { start: 8, end: 12 }]);
    const bt2 = new BatchTransport<string>(sim2, { capacity: 2, policy: { kind: 'whenFull' }, loadTime: 3, travelTime: 10, closure: closure2, random: rng });
    const records: BatchRecord<string>[] = [];
    for (const at of [0, 1]) sim2.schedule(at, () => bt2.board('y').addCallback((e) => records.push(e.value as BatchRecord<string>)));
    sim2.run();
    expect(records.map((r) => [r.departed, r.arrived])).toEqual([[6, 16], [6, 16]]);
  });
});

describe('BatchTransport fleet', () => {
  it('throughput is limited to N * K per cycle time', () => {
    // N = 3, K = 10, cycle = load 1 + travel 5 + unload 1 + return 3 = 10 h: 3 items/h, while
    // items arrive at 4/h (one every 0.25 h from 0). Vehicle v first fills at 2.25 + 2.5 v and
    // then leaves every 10 h on its return; deliveries come 7 h after each load closes.
    const sim = new Simulation();
    const bt = new BatchTransport<number>(sim, {
      capacity: 10, vehicles: 3, policy: { kind: 'whenFull' }, loadTime: det(1), travelTime: det(5), unloadTime: det(1), returnTime: det(3), random: rng,
    });
    let n = 0;
    const arrive = (): void => {
      bt.board(n++);
      sim.schedule(0.25, arrive);
    };
    sim.schedule(0, arrive);
    sim.run(5000);
    const deliveredAt5000 = bt.itemsDelivered;
    sim.run(6000);
    expect(bt.itemsDelivered - deliveredAt5000).toBe(3000);
    sim.run(10000);
    // Deliveries before 10 000 h: 9.25 + 10k (k = 0..999), 11.75 + 10k and 14.25 + 10k (k = 0..998).
    expect(bt.itemsDelivered).toBe((1000 + 999 + 999) * 10);
    expect(bt.departures).toBe(3000);
    expect(bt.queueLength).toBe(40000 - 30000);
    expect(bt.meanLoadFactor).toBe(1);
  });
});

describe('BatchTransport queueing check', () => {
  it('Poisson arrivals, departures every T hours, K never binding: mean wait to departure is T/2', () => {
    const lambda = 1;
    const T = 10;
    const count = 100_000;
    const sim = new Simulation();
    const bt = new BatchTransport<number>(sim, { capacity: 1e9, policy: { kind: 'timetable', times: [0], period: T }, travelTime: 1, returnTime: 1, random: rng });
    const arrivals = createStream(2025, 'queueing-check/arrivals');
    let sum = 0;
    let sumSq = 0;
    let seen = 0;
    const onDelivered = (e: { value: unknown }): void => {
      const r = e.value as BatchRecord<number>;
      const wait = r.departed - r.joined;
      sum += wait;
      sumSq += wait * wait;
      seen++;
    };
    let joined = 0;
    const arrive = (): void => {
      bt.board(joined++).addCallback(onDelivered);
      if (joined < count) sim.schedule(-Math.log(arrivals.next()) / lambda, arrive);
    };
    sim.schedule(-Math.log(arrivals.next()) / lambda, arrive);
    while (seen < count) sim.run(sim.now + 1000);
    const mean = sum / seen;
    const sd = Math.sqrt((sumSq - seen * mean * mean) / (seen - 1));
    const standardError = sd / Math.sqrt(seen);
    expect(Math.abs(mean - T / 2)).toBeLessThan(4 * standardError);
    // The wait is uniform on (0, T): variance T^2 / 12.
    expect(sd * sd).toBeCloseTo((T * T) / 12, 0);
  });
});

describe('BatchTransport validation', () => {
  const sim = new Simulation();
  const make = (options: Partial<BatchTransportOptions>): BatchTransport =>
    new BatchTransport(sim, { capacity: 2, policy: { kind: 'whenFull' }, travelTime: 1, random: rng, ...options });

  it('names the bad value', () => {
    expect(() => make({ capacity: 0 })).toThrow('capacity must be a positive integer of items, got 0');
    expect(() => make({ vehicles: 1.5 })).toThrow('vehicles must be a positive integer, got 1.5');
    expect(() => make({ travelTime: -1 })).toThrow('travelTime must be a finite number of hours >= 0, got -1');
    expect(() => make({ policy: { kind: 'timetable', times: [5, 5] } })).toThrow('times must be strictly increasing, but times[1] = 5 follows 5');
    expect(() => make({ policy: { kind: 'timetable', times: [0, 200], period: 168 } })).toThrow('times span 200 h, which must be less than the period 168 h');
    expect(() => make({ policy: { kind: 'timetable', times: [0], cutoff: -1 } })).toThrow('cutoff must be a finite number of hours >= 0, got -1');
    expect(() => make({ policy: { kind: 'fullOrMaxWait', maxWait: 5, minLoad: 3 } })).toThrow('minLoad must be an integer from 1 to the capacity 2, got 3');
    expect(() => make({ policy: { kind: 'fullOrMaxWait', maxWait: NaN } })).toThrow('maxWait must be a finite number of hours >= 0, got NaN');
    expect(() => make({ loadFactor: 0 })).toThrow('loadFactor must be in (0, 1]');
  });
});
