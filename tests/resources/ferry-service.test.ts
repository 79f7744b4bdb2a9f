import { describe, expect, it } from 'vitest';
import { deterministic, exponentialFromMean, uniform, type Distribution } from '../../src/distributions/index.ts';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { createStream, RandomStreams, type RandomStream } from '../../src/random/index.ts';
import { BatchTransport } from '../../src/resources/batch-transport.ts';
import { alternatingRenewal, Closure, scheduleWindows, type ClosureWindow } from '../../src/resources/closure.ts';
import { FerryService, type FerryRecord, type FerryServiceOptions } from '../../src/resources/ferry-service.ts';

// Deterministic durations, hours.
const det = (value: number): Distribution => deterministic(value);
const rng = createStream(1, 'ferry-test');
type Options = Omit<FerryServiceOptions, 'random'>;

/** Each item is a process that boards at `at` hours; returns the records by item name. */
function runItems(options: Options, arrivals: Array<[string, number]>, until?: number, setup?: (sim: Simulation) => Partial<Options>) {
  const sim = new Simulation();
  const ferry = new FerryService<string>(sim, { ...options, ...setup?.(sim), random: rng });
  const records = new Map<string, FerryRecord<string>>();
  function* item(name: string, at: number): ProcessGenerator {
    yield sim.timeout(at);
    records.set(name, (yield ferry.board(name)) as FerryRecord<string>);
  }
  for (const [name, at] of arrivals) sim.process(item(name, at), name);
  sim.run(until);
  return { sim, ferry, records };
}

/** A port closure closed during `windows`, repeated every `every` hours if given. */
function closed(sim: Simulation, name: string, windows: ClosureWindow[], every?: number): Closure {
  const closure = new Closure(sim, name);
  scheduleWindows(sim, closure, windows, every);
  return closure;
}

/** A saturated backlog of `count` items boarded at 0; returns the ferry after `until` hours. */
function saturated(options: Options, count: number, until: number, setup?: (sim: Simulation) => Partial<Options>, random: RandomStream | RandomStreams = rng) {
  const sim = new Simulation();
  const ferry = new FerryService<number>(sim, { ...options, ...setup?.(sim), random });
  for (let i = 0; i < count; i++) ferry.board(i);
  sim.run(until);
  return ferry;
}

const times = (r: FerryRecord<string> | undefined) => [r?.loadStarted, r?.loaded, r?.departed, r?.arrivedOffB, r?.berthedB, r?.delivered];

describe('FerryService berth operations', () => {
  it('one vessel, K = 3, six items at 0: loading per item and progressive delivery, two trips', () => {
    const trace: number[][] = [];
    const sim = new Simulation();
    const ferry: FerryService<string> = new FerryService<string>(sim, {
      capacity: 3, policy: { kind: 'whenFull' }, loadPerItem: det(1), sailingTime: det(10), unloadPerItem: det(1), returnTime: det(10), random: rng,
      onChange: (now) => trace.push([now, ferry.queueLength, ferry.vesselsInUse, ferry.vesselsWorking]),
    });
    const records: Array<FerryRecord<string>> = [];
    for (const name of 'abcdef') ferry.board(name).addCallback((e) => records.push(e.value as FerryRecord<string>));
    sim.run();
    // Trip 1: a, b, c load 0-1, 1-2, 2-3; full at 3, leaves at 3, off B at 13 (berthing 0);
    // unloaded 13-14, 14-15, 15-16; back at A at 26. Trip 2: d, e, f load 26-29, leave 29, off B
    // 39, delivered 40, 41, 42. [loadStarted, loaded, departed, arrivedOffB, berthedB, delivered]:
    expect(records.map((r) => [r.item, r.departure, ...times(r)])).toEqual([
      ['a', 1, 0, 1, 3, 13, 13, 14], ['b', 1, 1, 2, 3, 13, 13, 15], ['c', 1, 2, 3, 3, 13, 13, 16],
      ['d', 2, 26, 27, 29, 39, 39, 40], ['e', 2, 27, 28, 29, 39, 39, 41], ['f', 2, 28, 29, 29, 39, 39, 42],
    ]);
    // [time, queue at A, vessels in use]: six boardings at 0, the vessel berths at 0 (in use
    // from then on: berthed, at sea or at B), then the queue shrinks as each item starts loading.
    // The fourth column, vessels working, equals vessels in use while there is cargo; back at A at
    // 52 with nothing left, the vessel berths and waits: in use, not working.
    expect(trace).toEqual([[0, 1, 0, 0], [0, 2, 0, 0], [0, 3, 0, 0], [0, 4, 0, 0], [0, 5, 0, 0], [0, 6, 0, 0], [0, 6, 1, 1], [0, 5, 1, 1], [1, 4, 1, 1], [2, 3, 1, 1], [26, 2, 1, 1], [27, 1, 1, 1], [28, 0, 1, 1], [52, 0, 1, 0]]);
    expect([ferry.departures, ferry.itemsCarried, ferry.itemsDelivered, ferry.meanLoadFactor, ferry.itemsAboard, sim.now]).toEqual([2, 6, 6, 1, 0, 52]);
  });

  it('a vessel at the berth with room and nothing to load is in use but not working', () => {
    const trace: number[][] = [];
    const sim = new Simulation();
    const ferry: FerryService<string> = new FerryService<string>(sim, {
      capacity: 3, policy: { kind: 'whenFull' }, loadPerItem: det(1), sailingTime: det(10), unloadPerItem: det(1), returnTime: det(10), random: rng,
      onChange: (now) => trace.push([now, ferry.queueLength, ferry.vesselsInUse, ferry.vesselsWorking]),
    });
    for (const [name, at] of [['a', 0], ['b', 5], ['c', 10]] as const) sim.scheduleAt(at, () => ferry.board(name));
    sim.run(30);
    // [time, queue, in use, working]: the vessel starts berthing at 0 (berthing is work), a joins
    // at 0 and starts loading at once (0-1), the vessel waits for cargo 1-5, loads b (5-6), waits
    // 6-10, loads c (10-11), is full, leaves at 11 and stays at work (at sea, at B, returning).
    expect(trace).toEqual([[0, 0, 1, 1], [0, 1, 1, 1], [0, 0, 1, 1], [1, 0, 1, 0], [5, 0, 1, 1], [6, 0, 1, 0], [10, 0, 1, 1]]);
  });

  it('an item arriving while the vessel is at berth starts loading at once; no lump call after the last item', () => {
    const options: Options = { capacity: 4, policy: { kind: 'whenFull' }, loadPerItem: 1, callCloseTime: 0.5, sailingTime: 10, unloadPerItem: 1 };
    const { records } = runItems(options, [['a', 0], ['b', 0.5], ['c', 5], ['d', 10]]);
    // a loads 0-1; b joins at 0.5 while a is loading and starts at 1; c 5-6; d 10-11; full at 11,
    // closing 0.5 h, leaves at 11.5: the last item waits only for its own 1 h and the 0.5 h close.
    expect(['a', 'b', 'c', 'd'].map((n) => records.get(n)).map((r) => [(r?.loadStarted ?? NaN) - (r?.joined ?? NaN), r?.loaded, r?.departed]))
      .toEqual([[0, 1, 11.5], [0.5, 2, 11.5], [0, 6, 11.5], [0, 11, 11.5]]);
    // The BatchTransport lump model with the same 4 h of loading leaves at 10 + 4 = 14.
    const sim = new Simulation();
    const batch = new BatchTransport<string>(sim, { capacity: 4, policy: { kind: 'whenFull' }, loadTime: 4, travelTime: 10, random: rng });
    let departed = NaN;
    sim.schedule(10, () => batch.board('d').addCallback((e) => (departed = (e.value as { departed: number }).departed)));
    for (const n of ['a', 'b', 'c']) batch.board(n);
    sim.run();
    expect(departed).toBe(14);
  });
});

describe('FerryService departure policies', () => {
  it('fullOrMaxWait: maxWait from the first item loaded, minLoad, and full before the deadline', () => {
    const options: Options = { capacity: 4, policy: { kind: 'fullOrMaxWait', maxWait: 5, minLoad: 2 }, loadPerItem: 1, sailingTime: 10, unloadPerItem: 1 };
    const arrivals: Array<[string, number]> = [['a', 0], ['b', 2], ['c', 20], ['d', 40], ['e', 60], ['f', 60], ['g', 60], ['h', 60]];
    const { ferry, records } = runItems(options, arrivals);
    // a loads 0-1 (deadline 1 + 5 = 6), b 2-3; at 6 two aboard >= minLoad: leaves at 6, off B 16,
    // unloads 16-18, back at 28. c loads 28-29 (deadline 34, one aboard < minLoad, keeps waiting);
    // d loads 40-41: minLoad reached past the deadline, leaves at 41; unloads 51-53, back at 63.
    // e-h load 63-67: full at 67, before their deadline 69.
    expect(arrivals.map(([n]) => records.get(n)?.departed)).toEqual([6, 6, 41, 41, 67, 67, 67, 67]);
    expect([ferry.departures, ferry.meanLoadFactor]).toEqual([3, 8 / 12]);
  });

  it('timetable with cutoff: late items wait for the next vessel, a slot with A closed is cancelled', () => {
    const options: Options = { capacity: 3, policy: { kind: 'timetable', times: [0], period: 24, cutoff: 2 }, loadPerItem: 0.5, sailingTime: 5, unloadPerItem: 0.5 };
    const arrivals: Array<[string, number]> = [['a', 1], ['b', 21.5], ['c', 22.5], ['d', 23], ['e', 60]];
    const { ferry, records } = runItems(options, arrivals, 110, (sim) => ({ originPort: closed(sim, 'A', [{ start: 70, end: 74 }]) }));
    // Slot 0: the vessel is at berth, nothing aboard (empty). a (1) and b (21.5) joined by 24 - 2
    // = 22 and load; c (22.5) and d (23) miss the cutoff. Slot 24: a, b leave; off B 29, unloaded
    // 29.5, 30, back 35; c, d load 35-36 and leave at slot 48; back at 59; e loads 60-60.5; slot 72
    // falls in A's closure [70, 74) (cancelled); e leaves at slot 96, delivered 101.5.
    expect(['a', 'b', 'c', 'd', 'e'].map((n) => records.get(n)?.departed)).toEqual([24, 24, 48, 48, 96]);
    expect(records.get('b')?.delivered).toBe(30);
    expect([ferry.departures, ferry.emptySlots, ferry.cancelledSlots, ferry.missedSlots]).toEqual([3, 1, 1, 0]);
  });

  it('timetable: a slot with the only vessel away is missed', () => {
    const options: Options = { capacity: 2, policy: { kind: 'timetable', times: [0], period: 24 }, loadPerItem: 0, sailingTime: 20, unloadPerItem: 0 };
    const { ferry, records } = runItems(options, [['a', 1]], 73);
    // Slot 0 empty; a leaves at 24, back at 64: slot 48 is missed, slot 72 empty.
    expect(records.get('a')?.departed).toBe(24);
    expect([ferry.missedSlots, ferry.emptySlots]).toEqual([1, 2]);
  });
});

describe('FerryService and closures', () => {
  it('destination closed on arrival: anchor for the rest of the closure; unloading pauses while closed', () => {
    const sim = new Simulation();
    const destinationPort = closed(sim, 'B', [{ start: 5, end: 15 }, { start: 16, end: 19 }]);
    const f = new FerryService<string>(sim, { capacity: 2, policy: { kind: 'whenFull' }, berthingTime: 0.5, loadPerItem: 1, sailingTime: 10, unloadPerItem: 2, destinationPort, random: rng });
    const out: Array<FerryRecord<string>> = [];
    for (const n of ['a', 'b']) f.board(n).addCallback((e) => out.push(e.value as FerryRecord<string>));
    sim.run(25);
    // Berths 0-0.5, loads 0.5-2.5, leaves 2.5, off B at 12.5 with B closed until 15: anchors 2.5 h.
    // Berths 15-15.5; a unloads 15.5-17.5 (B closes at 16: a finishes); b waits for 19, 19-21.
    expect(out.map((r) => [r.item, ...times(r)])).toEqual([['a', 0.5, 1.5, 2.5, 12.5, 15.5, 17.5], ['b', 1.5, 2.5, 2.5, 12.5, 15.5, 21]]);
    expect([f.anchorHoursAtDestination, f.anchoredCallsAtDestination, f.anchorHoursAtOrigin]).toEqual([2.5, 1, 0]);
  });

  it('the crossing closure holds a loaded vessel at berth; a vessel at sea continues', () => {
    const { ferry, records } = runItems({ capacity: 1, policy: { kind: 'whenFull' }, loadPerItem: 1, sailingTime: 10, unloadPerItem: 0 }, [['a', 0]], 20);
    expect(records.get('a')?.departed).toBe(1);
    expect(ferry.heldHours).toBe(0);
    const sim = new Simulation();
    const crossingClosure = closed(sim, 'sea', [{ start: 0.5, end: 3 }, { start: 5, end: 8 }]);
    const f = new FerryService<string>(sim, { capacity: 1, policy: { kind: 'whenFull' }, loadPerItem: 1, sailingTime: 10, unloadPerItem: 0, crossingClosure, random: rng });
    let record: FerryRecord<string> | undefined;
    f.board('a').addCallback((e) => (record = e.value as FerryRecord<string>));
    sim.run(20);
    // Loaded at 1, held until the sea opens at 3 (2 h); at sea during [5, 8), off B at 13.
    expect([record?.departed, record?.arrivedOffB, f.heldHours]).toEqual([3, 13, 2]);
  });

  it('capacity lost to closures at both ends, counted by hand', () => {
    // One vessel, K = 4, 1 h per item to load and to unload (4 h per call each), 20 h each way:
    // 48 h per round trip. Both ports closed [0, 24) every 96 h; a backlog of 400 items at A.
    //  Both ends: load 24-28, off B 48, unload 48-52, A 72; load 72-76, off B 96: B closed, anchor
    //  to 120, unload 120-124, A 144; load 144-148, B 168-172, A 192: A closed, anchor to 216;
    //  load 216-220, off B 240 = 48 + 192: the cycle repeats every 192 h with 3 trips (12 items)
    //  and 24 h of anchoring at each end. Up to 1944 = 24 + 10 * 192 h: cycles 0..9 deliver
    //  (the last unloading ends at 168 + 9 * 192 + 4 = 1900; the next starts at 1968): 120 items.
    //  A closed only: loads start at 24, 72, 120 (A reopens at 120), ... every 48 h: the vessel is
    //  at sea whenever A is closed, so after the first day nothing is lost. Trip n unloads
    //  [48 + 48n, 52 + 48n]: n = 0..39 end by 1924 <= 1944, 40 trips, 160 items. (With no
    //  closure at all: 40 trips too, the 41st ends at 28 + 48 * 40 = 1948 > 1944.)
    const base: Options = { capacity: 4, policy: { kind: 'whenFull' }, loadPerItem: 1, sailingTime: 20, unloadPerItem: 1 };
    const window = [{ start: 0, end: 24 }];
    const both = saturated(base, 400, 1944, (sim) => ({ originPort: closed(sim, 'A', window, 96), destinationPort: closed(sim, 'B', window, 96) }));
    const originOnly = saturated(base, 400, 1944, (sim) => ({ originPort: closed(sim, 'A', window, 96) }));
    const open = saturated(base, 400, 1944);
    expect([both.itemsDelivered, originOnly.itemsDelivered, open.itemsDelivered]).toEqual([120, 160, 160]);
    // 10 anchorings of 24 h at each end (the 10th at A, 1920-1944, in progress at the horizon).
    expect([both.anchoredCallsAtOrigin, both.anchorHoursAtOrigin, both.anchoredCallsAtDestination, both.anchorHoursAtDestination]).toEqual([10, 240, 10, 240]);
    expect([originOnly.anchoredCallsAtOrigin, originOnly.anchorHoursAtDestination]).toEqual([0, 0]);
  });

  it('random storms at both ports: conservation, and less throughput than without storms (fixed seed)', () => {
    // Storms: open spells ~ exponential mean 48 h, storms ~ exponential mean 12 h: closed 20%.
    const options: Options = {
      name: 'caspian', capacity: 20, vessels: 2, policy: { kind: 'whenFull' }, berthingTime: uniform(1, 2), loadPerItem: exponentialFromMean(0.1),
      callCloseTime: 1, sailingTime: uniform(18, 22), unloadPerItem: exponentialFromMean(0.1),
    };
    const storms = (sim: Simulation): Partial<Options> => {
      const streams = new RandomStreams(99);
      const port = (name: string): Closure => {
        const closure = new Closure(sim, name);
        alternatingRenewal(sim, closure, { timeBetween: exponentialFromMean(48), duration: exponentialFromMean(12), rng: streams.stream(`storm/${name}`) });
        return closure;
      };
      return { originPort: port('A'), destinationPort: port('B') };
    };
    const stormy = saturated(options, 6000, 5000, storms, new RandomStreams(5));
    const calm = saturated(options, 6000, 5000, undefined, new RandomStreams(5));
    for (const f of [stormy, calm]) {
      expect(f.itemsCarried).toBe(f.itemsDelivered + f.itemsAboard);
      expect(f.queueLength + f.itemsAtOrigin + f.itemsCarried).toBe(6000);
      expect(f.queueLength).toBeGreaterThan(0);
    }
    expect(stormy.itemsDelivered).toBeLessThan(calm.itemsDelivered);
    expect(stormy.anchorHoursAtOrigin).toBeGreaterThan(0);
    expect(stormy.anchorHoursAtDestination).toBeGreaterThan(0);
    expect([calm.anchorHoursAtOrigin, calm.anchorHoursAtDestination, calm.heldHours]).toEqual([0, 0, 0]);
  });
});

describe('FerryService fleet and options', () => {
  // Two vessels, K = 4, 1 h per item, 20 h each way: a 48 h cycle each, offset 4 h, one berth.
  const base: Options = { capacity: 4, vessels: 2, policy: { kind: 'whenFull' }, loadPerItem: 1, sailingTime: 20, unloadPerItem: 1 };

  it('one of two vessels out of service halves a saturated throughput', () => {
    // Vessel 0 unloads [24 + 48n, 28 + 48n], vessel 1 [28 + 48n, 32 + 48n]: by 480 h 10 trips
    // each (n = 0..9), 80 items; with vessel 1 out of service from the start, 40.
    expect(saturated(base, 400, 480).itemsDelivered).toBe(80);
    const sim = new Simulation();
    const one = new FerryService<number>(sim, { ...base, random: rng });
    one.setVesselsOutOfService(1);
    for (let i = 0; i < 400; i++) one.board(i);
    sim.run(480);
    expect([one.itemsDelivered, one.vesselsOutOfService]).toEqual([40, 1]);
  });

  it('taken out while away, the vessel is withheld on its return and comes back when released', () => {
    const sim = new Simulation();
    const ferry = new FerryService<number>(sim, { ...base, random: rng });
    for (let i = 0; i < 400; i++) ferry.board(i);
    sim.schedule(50, () => ferry.setVesselsOutOfService(1));
    sim.schedule(200, () => ferry.setVesselsOutOfService(0));
    sim.run(120);
    // At 50 vessel 0 is loading (48-52) and vessel 1 at sea; vessel 1 is withheld on its return at 52.
    expect([ferry.vesselsOutOfService, ferry.vesselsInUse]).toEqual([1, 1]);
    sim.run(480);
    // Vessel 0: 10 trips (40 items). Vessel 1: its first trip (4), then from 200 it berths (the
    // berth is free since 196), unloads [224 + 48n, 228 + 48n], n = 0..5 by 480: 24. Total 68.
    expect([ferry.itemsDelivered, ferry.vesselsOutOfService]).toEqual([68, 0]);
  });

  it('each activity draws from its own named stream', () => {
    const sim = new Simulation();
    const ferry = new FerryService(sim, { capacity: 1, policy: { kind: 'whenFull' }, loadPerItem: exponentialFromMean(1), sailingTime: exponentialFromMean(10), unloadPerItem: 0, random: new RandomStreams(7) });
    let record: FerryRecord<unknown> | undefined;
    ferry.board('x').addCallback((e) => (record = e.value as FerryRecord<unknown>));
    sim.run();
    const sail = -Math.log(new RandomStreams(7).stream('ferry/sail').next()) * 10;
    expect((record?.arrivedOffB ?? NaN) - (record?.departed ?? NaN)).toBeCloseTo(sail, 9);
  });

  it('rejects bad options with a RangeError naming the option and value', () => {
    const sim = new Simulation();
    const make = (o: Partial<Options>) => () => new FerryService(sim, { capacity: 10, policy: { kind: 'whenFull' }, loadPerItem: 1, sailingTime: 10, unloadPerItem: 1, random: rng, ...o });
    expect(make({ capacity: 0 })).toThrow(new RangeError('FerryService "ferry": capacity must be a positive integer, got 0'));
    expect(make({ vessels: 1.5 })).toThrow('vessels must be a positive integer, got 1.5');
    expect(make({ berths: 0 })).toThrow('berths must be a positive integer, got 0');
    expect(make({ loadFactor: 0.001 })).toThrow(new RangeError('FerryService "ferry": loadFactor must be in (0, 1] and leave at least 1 of the 10 items, got 0.001'));
    expect(make({ sailingTime: -1 })).toThrow(new RangeError('FerryService "ferry": sailingTime must be a finite number of hours >= 0, got -1'));
    expect(make({ name: 'f', callCloseTime: -2 })).toThrow('FerryService "f": callCloseTime must be a finite number of hours >= 0, got -2');
    expect(make({ policy: { kind: 'fullOrMaxWait', maxWait: 5, minLoad: 11 } })).toThrow(RangeError);
    const ok = make({ loadFactor: 0.35 })();
    expect(ok.effectiveCapacity).toBe(3);
    expect(() => ok.setVesselsOutOfService(2)).toThrow('vessels out of service must be an integer from 0 to 1, got 2');
  });
});
