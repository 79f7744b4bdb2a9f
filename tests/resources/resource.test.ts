import { describe, expect, it } from 'vitest';
import { Interrupt, Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { Preempted, Resource, capacitySchedule, type Request, type RequestOptions } from '../../src/resources/index.ts';
import { createStream } from '../../src/random/index.ts';

type Log = Array<[string, number]>;

/** A user that arrives after `arrive` h, holds a server for `hold` h and logs each step. */
function* user(sim: Simulation, res: Resource, log: Log, name: string, arrive: number, hold: number, options: RequestOptions = {}): ProcessGenerator {
  yield sim.timeout(arrive);
  const req = res.request(options);
  yield req;
  log.push([`${name} got`, sim.now]);
  try {
    yield sim.timeout(hold);
  } catch (error) {
    if (!(error instanceof Interrupt && error.cause instanceof Preempted)) throw error;
    const { by, usageSince, resource } = error.cause;
    log.push([`${name} preempted by ${by?.name ?? '?'} on ${resource.name}, used since ${usageSince}`, sim.now]);
    res.release(req); // accepted once after a preemption, so cleanup code need not special-case it
    return;
  }
  res.release(req);
  log.push([`${name} done`, sim.now]);
}

function start(sim: Simulation, res: Resource, log: Log, users: Array<[string, number, number, RequestOptions?]>): void {
  for (const [name, arrive, hold, options] of users) sim.process(user(sim, res, log, name, arrive, hold, options), name);
}

describe('Resource: queue disciplines', () => {
  it('grants in FIFO order with one server', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'berth');
    const log: Log = [];
    start(sim, res, log, [['a', 0, 2], ['b', 1, 2], ['c', 1, 1]]);
    sim.run();
    expect(log).toEqual([['a got', 0], ['a done', 2], ['b got', 2], ['b done', 4], ['c got', 4], ['c done', 5]]);
  });

  it('grants in FIFO order with two servers', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 2, 'cranes');
    const log: Log = [];
    start(sim, res, log, [['a', 0, 3], ['b', 0, 1], ['c', 0, 2], ['d', 0.5, 1]]);
    sim.run();
    expect(log).toEqual([
      ['a got', 0], ['b got', 0], ['b done', 1], ['c got', 1], ['a done', 3], ['c done', 3], ['d got', 3], ['d done', 4],
    ]);
  });

  it('serves lower priority numbers first, FIFO among equals by request order', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'track');
    const log: Log = [];
    // 'late' is created first but asks later than 'early', so 'early' wins the tie at priority 1.
    start(sim, res, log, [
      ['holder', 0, 5], ['p3', 1, 1, { priority: 3 }], ['late', 1.5, 1, { priority: 1 }],
      ['early', 1.2, 1, { priority: 1 }], ['p0', 2, 1, { priority: 0 }], ['neg', 3, 1, { priority: -0.5 }],
    ]);
    sim.run();
    expect(log.filter(([what]) => what.endsWith('got'))).toEqual([
      ['holder got', 0], ['neg got', 5], ['p0 got', 6], ['early got', 7], ['late got', 8], ['p3 got', 9],
    ]);
  });

  it('breaks ties deterministically: grant order is a stable sort of request order by priority', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const rng = createStream(3, 'test/resource/ties');
    const asked: Array<{ name: string; priority: number }> = [];
    const granted: string[] = [];
    const first = res.request();
    for (let i = 0; i < 200; i++) {
      const priority = Math.floor(rng.next() * 4);
      const name = `r${i}`;
      asked.push({ name, priority });
      const req = res.request({ priority });
      req.addCallback(() => {
        granted.push(name);
        res.release(req);
      });
    }
    sim.schedule(1, () => res.release(first));
    sim.run();
    const expected = [...asked].sort((a, b) => a.priority - b.priority).map((r) => r.name);
    expect(granted).toEqual(expected);
  });

  it('removes waiting requests from the middle of the priority queue', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const first = res.request();
    const reqs: Request[] = [];
    for (let i = 0; i < 50; i++) reqs.push(res.request({ priority: (i * 7) % 5 }));
    const granted: number[] = [];
    reqs.forEach((req, i) => req.addCallback(() => { granted.push(i); res.release(req); }));
    for (let i = 0; i < 50; i += 3) res.cancel(reqs[i] as Request);
    expect(res.queueLength).toBe(50 - 17);
    res.release(first);
    sim.run();
    const expected = reqs.map((req, i) => ({ i, p: req.priority })).filter(({ i }) => i % 3 !== 0).sort((a, b) => a.p - b.p).map(({ i }) => i);
    expect(granted).toEqual(expected);
  });
});

describe('Resource: preemption', () => {
  it('interrupts the user, which sees who preempted it and since when; the preemptor gets the server at once', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'gauge track');
    const log: Log = [];
    start(sim, res, log, [['freight', 0, 10, { priority: 5 }], ['express', 3, 2, { priority: 1, preempt: true }]]);
    sim.run();
    expect(log).toEqual([
      ['freight got', 0], ['freight preempted by express on gauge track, used since 0', 3], ['express got', 3], ['express done', 5],
    ]);
  });

  it('preempts the worst user, the most recently granted among equals, and only a strictly worse one', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 3, 'berths');
    const log: Log = [];
    start(sim, res, log, [
      ['a5', 0, 10, { priority: 5 }], ['b7', 1, 10, { priority: 7 }], ['c7', 2, 10, { priority: 7 }],
      ['x', 3, 1, { priority: 0, preempt: true }], ['y', 4.5, 1, { priority: 0, preempt: true }],
      ['z', 5, 1, { priority: 5, preempt: true }],
    ]);
    sim.run(6);
    expect(log).toEqual([
      ['a5 got', 0], ['b7 got', 1], ['c7 got', 2],
      // Among the two priority-7 users the later-granted one goes.
      ['c7 preempted by x on berths, used since 2', 3], ['x got', 3], ['x done', 4],
      // A free server needs no preemption.
      ['y got', 4.5],
      // z (priority 5) may displace b7 (priority 7) but never a5 (priority 5).
      ['b7 preempted by z on berths, used since 1', 5], ['z got', 5], ['y done', 5.5],
    ]);
    expect(res.users).toBe(2);
  });

  it('does not preempt with equal priority', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: Log = [];
    start(sim, res, log, [['a', 0, 4, { priority: 2 }], ['b', 1, 1, { priority: 2, preempt: true }]]);
    sim.run();
    expect(log).toEqual([['a got', 0], ['a done', 4], ['b got', 4], ['b done', 5]]);
  });

  it('non-preemptive priority waits and never interrupts', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: Log = [];
    start(sim, res, log, [['freight', 0, 10, { priority: 5 }], ['express', 3, 2, { priority: 1 }]]);
    sim.run();
    expect(log).toEqual([['freight got', 0], ['freight done', 10], ['express got', 10], ['express done', 12]]);
  });

  it('delivers a preemption caused by the victim process itself through the event list', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'r');
    const log: Log = [];
    sim.process((function* (): ProcessGenerator {
      const held = res.request({ priority: 5 });
      yield held;
      const wanted = res.request({ priority: 0 });
      yield sim.timeout(1);
      try {
        res.cancel(wanted); // the preemptive request queued behind it now heads the queue
        log.push(['x cancelled', sim.now]);
        yield sim.timeout(5);
      } catch (error) {
        log.push([`x ${error instanceof Interrupt && error.cause instanceof Preempted ? 'preempted' : 'failed'}`, sim.now]);
      }
    })(), 'x');
    start(sim, res, log, [['p', 0.5, 1, { priority: 0, preempt: true }]]);
    sim.run();
    expect(log).toEqual([['x cancelled', 1], ['x preempted', 1], ['p got', 1], ['p done', 2]]);
  });
});

describe('Resource: release, cancel and errors', () => {
  it('release of a waiting request cancels it (a truck gives up at the gate)', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: Log = [];
    start(sim, res, log, [['a', 0, 5], ['c', 2, 1]]);
    let impatient: Request | undefined;
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(1);
      const req = res.request();
      impatient = req;
      yield sim.anyOf([req, sim.timeout(2)]);
      if (!req.triggered) {
        res.release(req);
        log.push(['b gave up', sim.now]);
      }
    })(), 'b');
    sim.run();
    expect(log).toEqual([['a got', 0], ['b gave up', 3], ['a done', 5], ['c got', 5], ['c done', 6]]);
    expect(impatient?.status).toBe('cancelled');
  });

  it('reports double release, foreign requests, cancel of a granted request and bad values', () => {
    const sim = new Simulation();
    const a = new Resource(sim, 1, 'a');
    const b = new Resource(sim, 1, 'b');
    const req = a.request();
    expect(() => b.release(req)).toThrow('Resource "b": cannot release request #0, which was made to resource "a"');
    expect(() => a.cancel(req)).toThrow(/cannot cancel request #0: it is granted; use release\(\)/);
    a.release(req);
    expect(() => a.release(req)).toThrow('Resource "a": request #0 has already been released');
    expect(() => new Resource(sim, 1.5)).toThrow(/capacity must be an integer >= 0 \(or Infinity\), got 1.5/);
    expect(() => new Resource(sim, -1)).toThrow(/got -1/);
    expect(() => a.setCapacity(Number.NaN)).toThrow(/setCapacity: capacity must be .*got NaN/);
    expect(() => a.request({ priority: Number.POSITIVE_INFINITY })).toThrow('Resource "a": request priority must be a finite number, got Infinity');
    // Preempted serialises briefly, so the interrupt's message names the parties, not the model.
    expect(new Interrupt(new Preempted(null, 2, a)).message).toBe('Interrupted: {"preemptedBy":null,"usageSince":2,"resource":"a"}');
  });
});

describe('Resource: capacity over time', () => {
  it('an increase grants waiting requests at once', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: Log = [];
    start(sim, res, log, [['a', 0, 10], ['b', 1, 1], ['c', 1, 1]]);
    sim.schedule(2, () => res.setCapacity(3));
    sim.run();
    expect(log).toEqual([['a got', 0], ['b got', 2], ['c got', 2], ['b done', 3], ['c done', 3], ['a done', 10]]);
  });

  it('a decrease lets users finish and grants only once users < capacity', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 3);
    const log: Log = [];
    start(sim, res, log, [['a', 0, 10], ['b', 0, 4], ['c', 0, 6], ['d', 1, 1]]);
    sim.schedule(0.5, () => res.setCapacity(1));
    sim.run();
    expect(log).toEqual([['a got', 0], ['b got', 0], ['c got', 0], ['b done', 4], ['c done', 6], ['a done', 10], ['d got', 10], ['d done', 11]]);
  });

  it('capacitySchedule repeats a shift pattern (4 cranes 06-22 h, 2 at night)', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'cranes');
    const seen: Array<[number, number]> = [];
    res.onChange = (now) => seen.push([now, res.capacity]);
    capacitySchedule(sim, res, [{ at: 0, capacity: 2 }, { at: 6, capacity: 4 }, { at: 22, capacity: 2 }], 24);
    sim.run(50);
    expect(seen).toEqual([[0, 2], [6, 4], [22, 2], [24, 2], [30, 4], [46, 2], [48, 2]]);
  });

  it('capacitySchedule without repetition ends, and stop() ends a repeating one', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const seen: Array<[number, number]> = [];
    res.onChange = (now) => seen.push([now, res.capacity]);
    capacitySchedule(sim, res, [{ at: 5, capacity: 0 }, { at: 8, capacity: 3 }]);
    const shifts = capacitySchedule(sim, res, [{ at: 0, capacity: 1 }], 10);
    sim.schedule(25, () => shifts.stop());
    sim.run();
    expect(seen).toEqual([[0, 1], [5, 0], [8, 3], [10, 1], [20, 1]]);
    expect(sim.now).toBe(30); // the stopped schedule's last callback fires and does nothing
  });

  it('capacitySchedule names bad values', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'cranes');
    const where = 'capacitySchedule for resource "cranes"';
    expect(() => capacitySchedule(sim, res, [{ at: 0, capacity: 2 }, { at: 25, capacity: 4 }], 24)).toThrow(`${where}: entries[1].at = 25 h must be below repeatEvery = 24 h`);
    expect(() => capacitySchedule(sim, res, [{ at: 6, capacity: 2 }, { at: 6, capacity: 4 }])).toThrow(`${where}: entries[1].at = 6 h must be later than entries[0].at = 6 h`);
    expect(() => capacitySchedule(sim, res, [{ at: 0, capacity: 2.5 }])).toThrow(`${where}, entries[0]: capacity must be an integer >= 0 (or Infinity), got 2.5`);
    expect(() => capacitySchedule(sim, res, [{ at: -1, capacity: 2 }])).toThrow(`${where}: entries[0].at must be a finite number of hours >= 0, got -1`);
    expect(() => capacitySchedule(sim, res, [{ at: 0, capacity: 2 }], 0)).toThrow(`${where}: repeatEvery must be a finite number of hours > 0, got 0`);
    expect(() => capacitySchedule(sim, res, [])).toThrow(`${where}: needs at least one entry`);
  });
});

describe('Resource: monitoring', () => {
  it('calls onChange after every change of users, queue or capacity', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const seen: Array<[number, number, number, number]> = [];
    res.onChange = (now) => seen.push([now, res.users, res.queueLength, res.capacity]);
    start(sim, res, [], [['a', 0, 2], ['b', 1, 2]]);
    sim.schedule(3, () => res.setCapacity(2));
    sim.run();
    expect(seen).toEqual([[0, 1, 0, 1], [1, 1, 1, 1], [2, 1, 0, 1], [3, 1, 0, 2], [4, 0, 0, 2]]);
  });
});

describe('Resource: M/M/1 sanity', () => {
  it('mean wait in queue is near rho / (mu - lambda) = 4 h for lambda = 0.8, mu = 1', () => {
    // Callbacks rather than processes keep 2e5 customers well under a second; over 40 seeds the
    // mean wait had a standard deviation of about 0.09 h, so 15 % is a coarse check indeed.
    const sim = new Simulation();
    const res = new Resource(sim, 1, 'server');
    const arrivals = createStream(2024, 'test/mm1/arrivals');
    const services = createStream(2024, 'test/mm1/services');
    const customers = 200_000;
    let arrived = 0;
    let served = 0;
    let totalWait = 0;
    const arrive = (): void => {
      const since = sim.now;
      const req = res.request();
      req.addCallback(() => {
        totalWait += sim.now - since;
        sim.schedule(-Math.log(services.next()) / 1.0, () => {
          res.release(req);
          served++;
        });
      });
      if (++arrived < customers) sim.schedule(-Math.log(arrivals.next()) / 0.8, arrive);
    };
    sim.schedule(0, arrive);
    sim.run();
    expect(served).toBe(customers);
    expect(Math.abs(totalWait / customers - 4) / 4).toBeLessThan(0.15);
  });
});
