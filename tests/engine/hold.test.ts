import { describe, expect, it } from 'vitest';
import { Interrupt, Simulation, type ProcessGenerator } from '../../src/engine/index.ts';

/** Two ships and a timetable callback at the same instants: the log shows the order. */
function schedule(wait: (sim: Simulation, hours: number) => unknown): string[] {
  const sim = new Simulation();
  const log: string[] = [];
  function* ship(name: string, legs: readonly number[]): ProcessGenerator {
    for (const hours of legs) {
      yield wait(sim, hours) as never;
      log.push(`${name}@${sim.now}`);
    }
  }
  sim.process(ship('a', [2, 0, 3]), 'a');
  sim.process(ship('b', [2, 3, 0]), 'b');
  sim.schedule(2, () => log.push('callback@2'));
  sim.schedule(5, () => log.push('callback@5'));
  sim.run();
  return log;
}

describe('sim.hold', () => {
  it('orders exactly like sim.timeout made at the same point, ties included', () => {
    const withTimeouts = schedule((sim, h) => sim.timeout(h));
    const withHolds = schedule((sim, h) => sim.hold(h));
    // By hand: the callbacks are scheduled before the ships start (at t = 0, URGENT), so they
    // come first at t = 2 and t = 5; a zero hold queues behind what is already due at that instant.
    expect(withTimeouts).toEqual(['callback@2', 'a@2', 'b@2', 'a@2', 'callback@5', 'b@5', 'a@5', 'b@5']);
    expect(withHolds).toEqual(withTimeouts);
  });

  it('is cut short by an interrupt, and its stale wake-up is ignored', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const ferry = sim.process((function* (): ProcessGenerator {
      try {
        yield sim.hold(10);
      } catch (error) {
        log.push(`storm@${sim.now}:${(error as Interrupt).cause as string}`);
      }
      yield sim.hold(8); // ends at 11, before the stale wake-up at 10 would have mattered twice
      log.push(`sailed@${sim.now}`);
    })(), 'ferry');
    sim.schedule(3, () => ferry.interrupt('gale'));
    sim.run();
    expect(log).toEqual(['storm@3:gale', 'sailed@11']);
  });

  it('refuses to be used outside the running process, twice, or without yielding it', () => {
    const sim = new Simulation();
    expect(() => sim.hold(1)).toThrow('sim.hold(1) can only be called by a running process; use sim.timeout(1) elsewhere');
    const twice = sim.process((function* (): ProcessGenerator {
      sim.hold(1);
      yield sim.hold(1);
    })(), 'twice');
    const other = sim.process((function* (): ProcessGenerator {
      sim.hold(1);
      yield sim.timeout(1);
    })(), 'other');
    twice.addCallback((e) => e.defuse());
    other.addCallback((e) => e.defuse());
    sim.run();
    expect(twice.failure?.message).toContain('called sim.hold twice without yielding');
    expect(other.failure?.message).toContain('called sim.hold() but yielded something else');
  });

  it('rejects a bad delay with the process named', () => {
    const sim = new Simulation();
    const p = sim.process((function* (): ProcessGenerator {
      yield sim.hold(-1);
    })(), 'crane');
    p.addCallback((e) => e.defuse());
    sim.run();
    expect(p.failure?.message).toContain('Negative delay -1 h (in process "crane")');
  });
});

describe('a finished process nobody waits for', () => {
  it('takes no entry on the future-event list, and a later waiter gets its value at once', () => {
    const sim = new Simulation();
    const worker = sim.process((function* (): ProcessGenerator<string> {
      yield sim.timeout(1);
      return 'done';
    })(), 'worker');
    sim.run();
    // start + timeout: the end of the process costs nothing when nothing waits for it.
    expect(sim.eventsProcessed).toBe(2);
    expect(worker.processed).toBe(true);
    let got = '';
    sim.process((function* (): ProcessGenerator {
      got = (yield worker) as string;
    })(), 'late');
    sim.run();
    expect(got).toBe('done');
  });

  it('still stops the run when it fails unobserved', () => {
    const sim = new Simulation();
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(1);
      throw new Error('crane broke');
    })(), 'crane');
    expect(() => sim.run()).toThrow('Process "crane" failed at t=1 h: crane broke');
  });
});
