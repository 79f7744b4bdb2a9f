import { describe, expect, it } from 'vitest';
import { Simulation, type ProcessGenerator } from '../../src/engine/index.ts';
import { Resource, Store, type Request, type StoreGet } from '../../src/resources/index.ts';

type Log = Array<[string, number]>;
interface Wagon {
  readonly id: string;
  readonly to: string;
}

describe('Store', () => {
  it('put blocks while the store is full and resumes when a get frees space', () => {
    const sim = new Simulation();
    const siding = new Store<string>(sim, 2, 'siding');
    const log: Log = [];
    sim.process((function* (): ProcessGenerator {
      for (const wagon of ['w1', 'w2', 'w3', 'w4']) {
        yield siding.put(wagon);
        log.push([`put ${wagon}`, sim.now]);
      }
    })(), 'producer');
    sim.process((function* (): ProcessGenerator {
      for (const at of [5, 7]) {
        yield sim.timeout(at - sim.now);
        const wagon = yield siding.get();
        log.push([`got ${String(wagon)}`, sim.now]);
      }
    })(), 'consumer');
    sim.run();
    expect(log).toEqual([['put w1', 0], ['put w2', 0], ['got w1', 5], ['put w3', 5], ['got w2', 7], ['put w4', 7]]);
    expect(siding.items).toEqual(['w3', 'w4']);
    expect(siding.size).toBe(2);
  });

  it('get blocks while the store is empty', () => {
    const sim = new Simulation();
    const yard = new Store<string>(sim);
    const log: Log = [];
    sim.process((function* (): ProcessGenerator {
      const box = yield yard.get();
      log.push([`got ${String(box)}`, sim.now]);
    })(), 'truck');
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(3);
      yield yard.put('TEU-1');
      log.push(['unloaded', sim.now]);
    })(), 'ship');
    sim.run();
    expect(log).toEqual([['unloaded', 3], ['got TEU-1', 3]]);
  });

  it('a filtered get takes the first matching item and does not hold back later gets', () => {
    const sim = new Simulation();
    const yard = new Store<Wagon>(sim, Infinity, 'yard');
    const log: Log = [];
    const consumer = (name: string, at: number, to?: string): void => {
      sim.process((function* (): ProcessGenerator {
        yield sim.timeout(at);
        const wagon = (yield yard.get(to === undefined ? undefined : (w) => w.to === to)) as Wagon;
        log.push([`${name} got ${wagon.id}`, sim.now]);
      })(), name);
    };
    yard.put({ id: 'a', to: 'Poti' });
    yard.put({ id: 'b', to: 'Baku' });
    yard.put({ id: 'c', to: 'Baku' });
    consumer('baku-1', 1, 'Baku');
    consumer('aktau', 2, 'Aktau'); // none yet: waits without blocking the next consumers
    consumer('any', 3);
    consumer('baku-2', 4, 'Baku');
    sim.schedule(5, () => void yard.put({ id: 'd', to: 'Aktau' }));
    sim.run();
    expect(log).toEqual([['baku-1 got b', 1], ['any got a', 3], ['baku-2 got c', 4], ['aktau got d', 5]]);
  });

  it('serves puts and gets in request order', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim, 1, 'berth apron');
    const log: Log = [];
    store.put('first');
    for (const [name, at] of [['p1', 1], ['p2', 2], ['p3', 3]] as const) {
      sim.process((function* (): ProcessGenerator {
        yield sim.timeout(at);
        yield store.put(name);
        log.push([`${name} in`, sim.now]);
      })(), name);
    }
    for (const [name, at] of [['c1', 4], ['c2', 4], ['c3', 4], ['c4', 4], ['c5', 4.5]] as const) {
      sim.process((function* (): ProcessGenerator {
        yield sim.timeout(at);
        const item = yield store.get();
        log.push([`${name} got ${String(item)}`, sim.now]);
      })(), name);
    }
    sim.schedule(6, () => void store.put('late'));
    sim.run();
    expect(log).toEqual([
      ['c1 got first', 4], ['p1 in', 4], ['c2 got p1', 4], ['p2 in', 4], ['c3 got p2', 4], ['p3 in', 4], ['c4 got p3', 4],
      ['c5 got late', 6],
    ]);
  });

  it('cancel withdraws a waiting put or get, and names misuse', () => {
    const sim = new Simulation();
    const store = new Store<string>(sim, 1, 'yard');
    const other = new Store<string>(sim, 1, 'other');
    store.put('x');
    const blocked = store.put('never');
    expect(store.putQueueLength).toBe(1);
    store.cancel(blocked);
    expect(store.putQueueLength).toBe(0);
    expect(store.get().triggered).toBe(true);
    expect(store.size).toBe(0);
    const impatient = store.get();
    const patient = store.get();
    store.cancel(impatient);
    store.put('y');
    expect(impatient.triggered).toBe(false);
    sim.run();
    expect(patient.value).toBe('y');
    expect(() => store.cancel(impatient)).toThrow('Store "yard": cannot cancel StoreGet event: it is not waiting (cancelled already?)');
    expect(() => store.cancel(patient)).toThrow('Store "yard": cannot cancel StoreGet event: it has already been served');
    expect(() => other.cancel(store.get() as StoreGet<string>)).toThrow('Store "other": cannot cancel an event of store "yard"');
    expect(() => new Store(sim, 0, 'bad')).toThrow('Store "bad": capacity must be an integer >= 1 (or Infinity), got 0');
    expect(() => new Store(sim, 2.5)).toThrow(/got 2.5/);
  });

  it('calls onChange after every change of contents or queues', () => {
    const sim = new Simulation();
    const store = new Store<number>(sim, 1);
    const seen: Array<[number, number, number, number]> = [];
    store.onChange = (now) => seen.push([now, store.size, store.putQueueLength, store.getQueueLength]);
    store.put(1);
    store.put(2);
    sim.schedule(2, () => void store.get());
    sim.schedule(3, () => void store.get());
    sim.schedule(4, () => void store.get());
    sim.run();
    expect(seen).toEqual([[0, 1, 0, 0], [0, 1, 1, 0], [2, 1, 0, 0], [3, 0, 0, 0], [4, 0, 0, 1]]);
  });

  it('keeps FIFO order through long queues (compaction of the head-indexed arrays)', () => {
    const sim = new Simulation();
    const store = new Store<number>(sim);
    const n = 5000;
    for (let i = 0; i < n; i++) store.put(i);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const get = store.get(i % 10 === 9 ? (x) => x % 2 === 1 : undefined);
      get.addCallback(() => out.push(get.value));
    }
    sim.run();
    expect(out).toHaveLength(n);
    expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));

    const res = new Resource(sim, 1);
    const first = res.request();
    const reqs: Request[] = [];
    const granted: number[] = [];
    for (let i = 0; i < n; i++) {
      const req = res.request();
      reqs.push(req);
      req.addCallback(() => {
        granted.push(i);
        res.release(req);
      });
    }
    for (let i = 0; i < n; i += 7) res.cancel(reqs[i] as Request);
    res.release(first);
    sim.run();
    expect(granted).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 0));
    expect(res.users).toBe(0);
    expect(res.queueLength).toBe(0);
  });
});
