/**
 * The event-list replay of bench/event-replay.ts: it must repeat the recorded run's event list
 * exactly (same entries, fired in the same order), or the floor it measures is another one.
 */
import { describe, expect, it } from 'vitest';
import { recordEvents, replayEvents } from '../../bench/event-replay.ts';
import { NORMAL, Simulation, URGENT, type Firable } from '../../src/engine/index.ts';
import { createStream } from '../../src/random/index.ts';

describe('event-list replay', () => {
  it('fires the recorded targets in the recorded order, heap and lane entries alike', () => {
    const fired: number[] = [];
    const events = recordEvents(() => {
      const sim = new Simulation();
      const rng = createStream(7, 'replay-test');
      // Target k is the k-th to be scheduled, so the recording numbers it k.
      const targets: Firable[] = Array.from({ length: 20 }, (_, k) => ({
        fire(data: number): void {
          fired.push(k);
          const u = rng.next();
          // A third due now (the lanes), some of them URGENT; the rest in the heap.
          if (u < 0.2) sim.enqueue(this, 0, NORMAL, data + 1);
          else if (u < 0.33) sim.enqueue(this, 0, URGENT, data + 1);
          else sim.enqueue(this, -Math.log(rng.next()) * 5, NORMAL, data + 1);
        },
      }));
      targets.forEach((target, k) => sim.enqueue(target, k % 3, NORMAL, 0));
      sim.run(200);
    });
    expect(fired.length).toBeGreaterThan(500);
    expect(events.pops).toBe(fired.length);
    expect(events.targets).toBe(20);
    const order: number[] = [];
    expect(replayEvents(events, order)).toBe(fired.length);
    expect(order).toEqual(fired);
  });

  it('leaves the event queue as it was', () => {
    const sim = new Simulation();
    recordEvents(() => sim.schedule(1, () => undefined));
    // Outside the recording nothing is recorded: a later run records only its own entries.
    const events = recordEvents(() => {
      sim.schedule(2, () => undefined);
      sim.run();
    });
    expect(events.count).toBe(3); // one push, two pops
    expect(events.pops).toBe(2);
  });
});
