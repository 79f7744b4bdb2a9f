import { describe, expect, it } from 'vitest';
import { Interrupt, LATE, ProcessError, Simulation, URGENT, type ProcessGenerator, type SimEvent } from '../../src/engine/index.ts';

describe('Simulation clock and run()', () => {
  it('starts at 0 h and runs timeouts in time order', () => {
    const sim = new Simulation();
    const log: Array<[string, number]> = [];
    function* ship(name: string, sailing: number): ProcessGenerator {
      yield sim.timeout(sailing);
      log.push([name, sim.now]);
    }
    sim.process(ship('slow', 20), 'slow');
    sim.process(ship('fast', 12), 'fast');
    expect(sim.now).toBe(0);
    sim.run();
    expect(log).toEqual([['fast', 12], ['slow', 20]]);
    expect(sim.now).toBe(20);
  });

  it('run(until) processes entries strictly before until and sets the clock to until', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    for (const t of [1, 5, 10, 15]) sim.schedule(t, (d) => fired.push(d), t);
    sim.run(10);
    expect(fired).toEqual([1, 5]);
    expect(sim.now).toBe(10);
    sim.run(10.5);
    expect(fired).toEqual([1, 5, 10]);
    sim.run();
    expect(fired).toEqual([1, 5, 10, 15]);
    expect(sim.eventsProcessed).toBe(4);
  });

  it('run(event) stops once the event is processed and returns its value', () => {
    const sim = new Simulation();
    const done = sim.process((function* (): ProcessGenerator<string> {
      yield sim.timeout(3);
      return 'unloaded';
    })(), 'unloader');
    sim.schedule(100, () => {});
    expect(sim.run(done)).toBe('unloaded');
    expect(sim.now).toBe(3);
    expect(sim.pending).toBe(1);
  });

  it('step() processes one entry at a time and returns false when none remain', () => {
    const sim = new Simulation();
    sim.schedule(2, () => {});
    sim.schedule(4, () => {});
    expect(sim.peek()).toBe(2);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(2);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.now).toBe(4);
  });

  it('runs simultaneous entries by priority, then in scheduling order', () => {
    const sim = new Simulation();
    const order: string[] = [];
    sim.schedule(1, () => order.push('normal-a'));
    sim.schedule(1, () => order.push('late'), 0, LATE);
    sim.schedule(1, () => order.push('normal-b'));
    sim.schedule(1, () => order.push('urgent'), 0, URGENT);
    sim.run();
    expect(order).toEqual(['urgent', 'normal-a', 'normal-b', 'late']);
  });

  it('scheduleAt takes absolute times and rejects the past', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    sim.run(5);
    sim.scheduleAt(7, () => seen.push(sim.now));
    sim.run();
    expect(seen).toEqual([7]);
    expect(() => sim.scheduleAt(3, () => {})).toThrow('Cannot schedule at t=3 h: that is in the past (now 7 h)');
  });

  it('names the bad value: negative and non-finite delays, bad priorities, run into the past', () => {
    const sim = new Simulation();
    expect(() => sim.timeout(-3)).toThrow('Negative delay -3 h');
    expect(() => sim.schedule(Number.NaN, () => {})).toThrow('Delay must be a finite number of hours >= 0, got NaN');
    expect(() => sim.schedule(Infinity, () => {})).toThrow('got Infinity');
    expect(() => sim.schedule(1, () => {}, 0, 1.5)).toThrow('Priority must be an integer from 0 to 511, got 1.5');
    sim.run(10);
    expect(() => sim.run(4)).toThrow('run(until=4 h) is in the past: now is 10 h');
  });

  it('reports run(event) that can never happen', () => {
    const sim = new Simulation();
    const never = sim.event('berth freed');
    expect(() => sim.run(never)).toThrow('run(until=event "berth freed") ran out of events at t=0 h');
  });

  it('gives identical traces for identical models (determinism)', () => {
    function trace(): string[] {
      const sim = new Simulation();
      const lines: string[] = [];
      sim.tracer = (time, target) => lines.push(`${time}:${typeof target === 'function' ? 'callback' : (target.describe?.(0) ?? '?')}`);
      for (let i = 0; i < 5; i++) {
        sim.process((function* (): ProcessGenerator {
          for (let k = 0; k < 3; k++) yield sim.timeout((i * 7 + k * 3) % 5);
        })(), `p${i}`);
      }
      sim.run();
      return lines;
    }
    const first = trace();
    expect(first.length).toBeGreaterThan(15);
    expect(trace()).toEqual(first);
  });
});

describe('processes', () => {
  it('receive the value of the event they yielded', () => {
    const sim = new Simulation();
    let received: unknown;
    sim.process((function* (): ProcessGenerator {
      received = yield sim.timeout(2, 'cargo');
    })(), 'receiver');
    sim.run();
    expect(received).toBe('cargo');
  });

  it('can wait for another process and get its return value', () => {
    const sim = new Simulation();
    const log: Array<[string, number, unknown]> = [];
    const loader = sim.process((function* (): ProcessGenerator<number> {
      yield sim.timeout(5);
      return 62;
    })(), 'loader');
    sim.process((function* (): ProcessGenerator {
      const loaded = yield loader;
      log.push(['train departs', sim.now, loaded]);
      // A process that already finished is a processed event: yielding it continues at once.
      const again = yield loader;
      log.push(['still', sim.now, again]);
    })(), 'train');
    sim.run();
    expect(log).toEqual([['train departs', 5, 62], ['still', 5, 62]]);
  });

  it('start before NORMAL events of the same instant', () => {
    const sim = new Simulation();
    const order: string[] = [];
    sim.schedule(0, () => order.push('callback'));
    sim.process((function* (): ProcessGenerator {
      order.push('process start');
      yield sim.timeout(0);
      order.push('process after timeout(0)');
    })(), 'p');
    sim.run();
    expect(order).toEqual(['process start', 'callback', 'process after timeout(0)']);
  });

  it('can be interrupted while waiting, with a cause, and resume', () => {
    const sim = new Simulation();
    const log: Array<[string, number]> = [];
    const ferry = sim.process((function* (): ProcessGenerator {
      try {
        yield sim.timeout(10);
        log.push(['sailed', sim.now]);
      } catch (error) {
        if (!(error instanceof Interrupt)) throw error;
        log.push([`interrupted by ${String(error.cause)}`, sim.now]);
        yield sim.timeout(4);
        log.push(['sailed after storm', sim.now]);
      }
    })(), 'ferry');
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(3);
      ferry.interrupt('storm');
    })(), 'weather');
    sim.run();
    // The original timeout (t=10) must not resume the ferry a second time.
    expect(log).toEqual([['interrupted by storm', 3], ['sailed after storm', 7]]);
  });

  it('fail the run with the process name when an interrupt is not handled', () => {
    const sim = new Simulation();
    const victim = sim.process((function* (): ProcessGenerator {
      yield sim.timeout(10);
    })(), 'victim');
    sim.schedule(1, () => victim.interrupt({ storm: 1 }));
    expect(() => sim.run()).toThrow('Process "victim" failed at t=1 h: Interrupted: {"storm":1}');
  });

  it('cannot interrupt a finished process or itself', () => {
    const sim = new Simulation();
    const quick = sim.process((function* (): ProcessGenerator {
      yield sim.timeout(1);
    })(), 'quick');
    sim.run();
    expect(() => quick.interrupt()).toThrow('Cannot interrupt process "quick": it has finished');
    const self: { process?: { interrupt(): void } } = {};
    const selfish = sim.process((function* (): ProcessGenerator {
      self.process?.interrupt();
      yield sim.timeout(1);
    })(), 'selfish');
    self.process = selfish;
    expect(() => sim.run()).toThrow('Process "selfish" cannot interrupt itself');
  });

  it('name the process and the bad value when a non-event is yielded', () => {
    const sim = new Simulation();
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(2);
      yield 5 as unknown as SimEvent<unknown>;
    })(), 'crane-3');
    let caught: unknown;
    try {
      sim.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProcessError);
    expect((caught as ProcessError).message).toBe(
      'Process "crane-3" failed at t=2 h: yielded 5, which is not an event (yield sim.timeout(h), a request, or another event)',
    );
  });

  it('name the process when it asks for a negative delay', () => {
    const sim = new Simulation();
    sim.process((function* (): ProcessGenerator {
      yield sim.timeout(-3);
    })(), 'gauge-change');
    expect(() => sim.run()).toThrow('Process "gauge-change" failed at t=0 h: Negative delay -3 h (in process "gauge-change")');
  });

  it('let a waiting process catch the failure of the process it waits for', () => {
    const sim = new Simulation();
    let caught = '';
    const failing = sim.process((function* (): ProcessGenerator {
      yield sim.timeout(1);
      throw new Error('customs hold');
    })(), 'customs');
    sim.process((function* (): ProcessGenerator {
      try {
        yield failing;
      } catch (error) {
        caught = (error as Error).message;
      }
    })(), 'waiter');
    sim.run();
    expect(caught).toBe('Process "customs" failed at t=1 h: customs hold');
  });

  it('rejects something that is not a generator', () => {
    const sim = new Simulation();
    expect(() => sim.process((() => 1) as unknown as ProcessGenerator, 'oops')).toThrow('sim.process("oops") requires a generator');
  });
});

describe('events', () => {
  it('are triggered by hand and deliver values to every waiter', () => {
    const sim = new Simulation();
    const departure = sim.event<string>('departure');
    const seen: Array<[string, number, unknown]> = [];
    for (const name of ['a', 'b']) {
      sim.process((function* (): ProcessGenerator {
        const train = yield departure;
        seen.push([name, sim.now, train]);
      })(), name);
    }
    sim.schedule(6, () => departure.succeed('train 7'));
    sim.run();
    expect(seen).toEqual([['a', 6, 'train 7'], ['b', 6, 'train 7']]);
    expect(() => departure.succeed('again')).toThrow('event "departure" has already been triggered');
  });

  it('stop the run when they fail and nobody handles it', () => {
    const sim = new Simulation();
    sim.event('x').fail(new Error('unhandled'));
    expect(() => sim.run()).toThrow('unhandled');
  });

  it('do not give a value before they have an outcome', () => {
    const sim = new Simulation();
    expect(() => sim.event('pending one').value).toThrow('The value of event "pending one" is not yet available');
  });
});

describe('conditions', () => {
  it('anyOf triggers at the first event and reports which', () => {
    const sim = new Simulation();
    let at = -1;
    let keys: unknown[] = [];
    sim.process((function* (): ProcessGenerator {
      const full = sim.timeout(8, 'full');
      const maxWait = sim.timeout(5, 'max wait');
      const result = (yield sim.anyOf([full, maxWait])) as Map<unknown, unknown>;
      at = sim.now;
      keys = [...result.values()];
    })(), 'train');
    sim.run();
    expect(at).toBe(5);
    expect(keys).toEqual(['max wait']);
  });

  it('allOf waits for every event and keeps their order', () => {
    const sim = new Simulation();
    let at = -1;
    let values: unknown[] = [];
    sim.process((function* (): ProcessGenerator {
      const result = (yield sim.allOf([sim.timeout(3, 'a'), sim.timeout(1, 'b'), sim.timeout(2, 'c')])) as Map<unknown, unknown>;
      at = sim.now;
      values = [...result.values()];
    })(), 'p');
    sim.run();
    expect(at).toBe(3);
    expect(values).toEqual(['a', 'b', 'c']);
  });

  it('an empty allOf succeeds at once; a failing member fails the condition', () => {
    const sim = new Simulation();
    let empty = -1;
    let failed = '';
    sim.process((function* (): ProcessGenerator {
      yield sim.allOf([]);
      empty = sim.now;
      const bad = sim.event('bad');
      sim.schedule(2, () => bad.fail(new Error('crane broke')));
      try {
        yield sim.allOf([sim.timeout(5), bad]);
      } catch (error) {
        failed = `${(error as Error).message} at ${sim.now}`;
      }
    })(), 'p');
    sim.run();
    expect(empty).toBe(0);
    expect(failed).toBe('crane broke at 2');
  });
});
