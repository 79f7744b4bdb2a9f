/**
 * The callback forms for state-machine model code (Servers, BatchTransport.ride,
 * FerryService.ride, Closure.whenOpenFire) against the event forms they stand in for, on random
 * workloads: the same grants at the same times and in the same order, with the same readings
 * (Servers, on whole hours so that many things share an instant), the same deliveries with the
 * same records (the transports), the same wake-up order (Closure). The corridor's byte-identical
 * results before and after the state machines are the end-to-end check of the entry order.
 */
import { describe, expect, it } from 'vitest';
import { exponentialFromMean } from '../../src/distributions/index.ts';
import { NORMAL, Simulation, type Firable, type ProcessGenerator, type SimEvent } from '../../src/engine/index.ts';
import { RandomStreams } from '../../src/random/index.ts';
import { BatchTransport, Closure, FerryService, Resource, Servers, type BatchRecord, type FerryRecord, type Request } from '../../src/resources/index.ts';

/** A user who logs each step it is resumed at: `<time> <name> <what>`. */
class Logger implements Firable {
  constructor(
    private readonly name: string,
    private readonly log: string[],
    private readonly sim: Simulation,
    private readonly then: (step: number) => void = () => {},
  ) {}

  fire(step: number): void {
    this.log.push(`${this.sim.now.toFixed(6)} ${this.name} step ${step}`);
    this.then(step);
  }
}

describe('Servers', () => {
  /**
   * 300 users arrive at random whole hours, hold a server for a random whole number of hours
   * (0 included) and release it, while a driver changes the capacity between 0 and 3 at random
   * whole hours. Written once with processes and
   * a Resource and once with Firables and Servers: the grant times and order must agree, and so
   * must the onChange readings (users, queue) after every operation.
   */
  function run(form: 'resource' | 'servers'): { grants: string[]; readings: string[] } {
    const sim = new Simulation();
    const streams = new RandomStreams(7);
    const arrivals = streams.stream('arrivals');
    const holds = streams.stream('holds');
    const changes = streams.stream('changes');
    const gap = exponentialFromMean(0.9);
    const hold = exponentialFromMean(2.5);
    const grants: string[] = [];
    const readings: string[] = [];
    const resource = new Resource(sim, 2, 'r');
    const servers = new Servers(sim, 2, 's');
    const observe = (now: number): void => {
      const s = form === 'resource' ? resource : servers;
      readings.push(`${now.toFixed(6)} users ${s.users} queue ${s.queueLength} cap ${s.capacity}`);
    };
    resource.onChange = observe;
    servers.onChange = observe;
    let t = 0;
    for (let i = 0; i < 300; i++) {
      t += gap.sample(arrivals);
      const name = `u${i}`;
      // Whole hours, so that many arrivals, grants and releases share an instant: then the
      // order of entries within an instant decides who is granted first.
      const at = t;
      if (form === 'resource') {
        sim.process((function* (): ProcessGenerator {
          yield sim.timeout(at - sim.now);
          const request: Request = resource.request();
          yield request;
          grants.push(`${sim.now.toFixed(6)} ${name}`);
          yield sim.hold(Math.round(hold.sample(holds)));
          resource.release(request);
        })(), name);
      } else {
        // Started like the process: an URGENT start, then a timeout to the arrival time.
        const user: Firable = {
          fire(step: number) {
            if (step === 0) {
              servers.request(user, 1);
            } else if (step === 1) {
              grants.push(`${sim.now.toFixed(6)} ${name}`);
              sim.enqueue(user, Math.round(hold.sample(holds)), NORMAL, 2);
            } else {
              servers.release();
            }
          },
        };
        sim.schedule(0, () => sim.enqueue(user, at - sim.now, NORMAL, 0), 0, 0);
      }
    }
    const change = (): void => {
      const capacity = Math.floor(changes.next() * 4);
      if (form === 'resource') resource.setCapacity(capacity);
      else servers.setCapacity(capacity);
      if (sim.now < 250) sim.schedule(Math.round(gap.sample(changes) * 10), change);
    };
    sim.schedule(5, change);
    sim.run();
    return { grants, readings };
  }

  it('grants in the same order, at the same times, with the same readings as a Resource', () => {
    const a = run('resource');
    const b = run('servers');
    expect(b.grants).toHaveLength(300);
    expect(b.grants).toEqual(a.grants);
    expect(b.readings).toEqual(a.readings);
  });

  it('refuses a release with nothing held and a bad capacity', () => {
    const sim = new Simulation();
    const s = new Servers(sim, 1, 'cranes');
    expect(() => s.release()).toThrow('Servers "cranes": release() with no server held');
    expect(() => s.setCapacity(1.5)).toThrow(/capacity must be an integer >= 0/);
  });

  it('never interrupts on a cut: users above the new capacity finish, then the next waits', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const s = new Servers(sim, 2, 's');
    const a = new Logger('a', log, sim);
    const b = new Logger('b', log, sim);
    const c = new Logger('c', log, sim);
    s.request(a, 1);
    s.request(b, 1);
    s.setCapacity(1);
    s.request(c, 1);
    sim.run();
    // Releasing one of two leaves 1 = capacity in use: c still waits; the second release grants it.
    s.release();
    sim.run();
    expect(s.queueLength).toBe(1);
    s.release();
    sim.run();
    expect(log).toEqual(['0.000000 a step 1', '0.000000 b step 1', '0.000000 c step 1']);
    expect(s.users).toBe(1);
  });
});

describe('BatchTransport.ride and FerryService.ride', () => {
  /** A transport's two ways in: `board` (an event per item) and `ride` (a state machine per item). */
  interface Boarding<R> {
    board(item: number): SimEvent<R>;
    ride(item: number, rider: Firable, step: number): R;
  }

  /**
   * `count` items join at the times of a Poisson stream (mean gap `meanGap` h, stream `gaps`),
   * each as a process that boards or as a state machine that rides, and `note` their records at
   * delivery. Both start at an URGENT entry at 0 and wait until their time, so a transport that
   * fills the records as the event form does gives the same log both ways.
   */
  function joinAll<R>(sim: Simulation, streams: RandomStreams, count: number, meanGap: number, form: 'board' | 'ride', transport: Boarding<R>, note: (record: R) => void): void {
    const gaps = streams.stream('gaps');
    const gap = exponentialFromMean(meanGap);
    let t = 0;
    for (let i = 0; i < count; i++) {
      t += gap.sample(gaps);
      const at = t;
      if (form === 'board') {
        sim.process((function* (): ProcessGenerator {
          yield sim.timeout(at);
          note((yield transport.board(i)) as R);
        })(), `item ${i}`);
      } else {
        let record: R | undefined;
        const rider: Firable = {
          fire(step: number) {
            if (step === 0) record = transport.ride(i, rider, 1);
            else note(record as R);
          },
        };
        sim.schedule(0, () => sim.enqueue(rider, at, NORMAL, 0), 0, 0);
      }
    }
  }

  /** Items joining at random times; each logs its delivery and the record it got, both ways. */
  function runBatch(form: 'board' | 'ride'): string[] {
    const sim = new Simulation();
    const streams = new RandomStreams(11);
    const transport = new BatchTransport<number>(sim, {
      name: 'bt', capacity: 5, vehicles: 2, policy: { kind: 'fullOrMaxWait', maxWait: 3 },
      loadTime: exponentialFromMean(0.5), travelTime: exponentialFromMean(4), unloadTime: exponentialFromMean(0.4), returnTime: exponentialFromMean(3), random: streams,
    });
    const log: string[] = [];
    joinAll<BatchRecord<number>>(sim, streams, 120, 0.7, form, transport, (r) => {
      log.push(`${sim.now.toFixed(6)} item ${r.item} joined ${r.joined.toFixed(6)} departed ${r.departed.toFixed(6)} arrived ${r.arrived.toFixed(6)} delivered ${r.delivered.toFixed(6)} vehicle ${r.vehicle} departure ${r.departure} missed ${r.missed}`);
    });
    sim.run(400);
    return log;
  }

  it('a batch transport delivers riders exactly as it succeeds board events', () => {
    const boarded = runBatch('board');
    expect(boarded.length).toBeGreaterThan(100);
    expect(runBatch('ride')).toEqual(boarded);
  });

  function runFerry(form: 'board' | 'ride'): string[] {
    const sim = new Simulation();
    const streams = new RandomStreams(12);
    const port = new Closure(sim, 'port B');
    // Port B closes for 6 h every 40 h: anchoring and held unloading change the records.
    for (let k = 1; k < 10; k++) {
      sim.schedule(40 * k, () => port.close('storm'));
      sim.schedule(40 * k + 6, () => port.open('storm'));
    }
    const service = new FerryService<number>(sim, {
      name: 'ferry', capacity: 12, vessels: 2, berths: 1, policy: { kind: 'whenFull' },
      berthingTime: exponentialFromMean(1), loadPerItem: exponentialFromMean(0.2), sailingTime: exponentialFromMean(18),
      unloadPerItem: exponentialFromMean(0.15), returnTime: exponentialFromMean(16), destinationPort: port, random: streams,
    });
    const log: string[] = [];
    joinAll<FerryRecord<number>>(sim, streams, 150, 0.5, form, service, (r) => {
      const times = [r.joined, r.loadStarted, r.loaded, r.departed, r.arrivedOffB, r.berthedB, r.delivered].map((x) => x.toFixed(6)).join(' ');
      log.push(`${sim.now.toFixed(6)} item ${r.item} ${times} vessel ${r.vessel} departure ${r.departure}`);
    });
    sim.run(500);
    return log;
  }

  it('a ferry service delivers riders exactly as it succeeds board events', () => {
    const boarded = runFerry('board');
    expect(boarded.length).toBeGreaterThan(100);
    expect(runFerry('ride')).toEqual(boarded);
  });
});

describe('Closure.whenOpenFire', () => {
  it('wakes state machines in one queue with whenOpen events, in the order of the calls', () => {
    const sim = new Simulation();
    const closure = new Closure(sim, 'gate');
    const log: string[] = [];
    closure.close('works');
    const a = new Logger('a', log, sim);
    const c = new Logger('c', log, sim);
    closure.whenOpenFire(a, 3);
    closure.whenOpen().addCallback(() => log.push(`${sim.now.toFixed(6)} b event`));
    closure.whenOpenFire(c, 4);
    sim.schedule(2, () => closure.open('works'));
    sim.run();
    expect(log).toEqual(['2.000000 a step 3', '2.000000 b event', '2.000000 c step 4']);
    // Open: the state machine is woken at once, in an entry at the current instant.
    closure.whenOpenFire(a, 5);
    expect(log).toHaveLength(3);
    sim.run();
    expect(log[3]).toBe('2.000000 a step 5');
  });
});

describe('seats ridden again', () => {
  it('a reused seat on a fullOrMaxWait transport waits its own max wait, not that of its last ride', () => {
    // K = 3, one vehicle, max wait 5 h, 1 h each way. A rider alone joins at 0: its deadline at 5
    // sends it (delivered at 6, the vehicle is back at 7). It joins again at 7.5 with the same
    // seat, alone: it must leave at 12.5, its own deadline, as a new seat would; the deadline
    // that fired for its first ride must not count for the second.
    const run = (reuse: boolean): number[] => {
      const sim = new Simulation();
      const t = new BatchTransport<string>(sim, { name: 't', capacity: 3, policy: { kind: 'fullOrMaxWait', maxWait: 5 }, travelTime: 1, returnTime: 1, random: new RandomStreams(1) });
      const departed: number[] = [];
      let seat: ReturnType<typeof t.ride> | undefined;
      const rider: Firable = {
        fire(step: number) {
          if (step === 0) seat = t.ride('box', rider, 1, reuse ? seat : undefined);
          else departed.push((seat as BatchRecord<string>).departed);
        },
      };
      sim.enqueue(rider, 0, NORMAL, 0);
      sim.enqueue(rider, 7.5, NORMAL, 0);
      sim.run();
      return departed;
    };
    expect(run(false)).toEqual([5, 12.5]);
    expect(run(true)).toEqual([5, 12.5]);
  });
});
