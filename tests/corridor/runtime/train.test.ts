/** Trains at a stage: the roster that files them by key (as a Map would), and the pool that reuses them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Container, type Itinerary } from '../../../src/corridor/runtime/container.ts';
import { StageMonitor } from '../../../src/corridor/runtime/stage-monitor.ts';
import { Train, TrainPool, TrainRoster, type TrainStage } from '../../../src/corridor/runtime/train.ts';

const stage: TrainStage<number> = { id: 'test-stage', step: () => undefined, trainSteps: [] };
const trainFor = (key: number): Train<number> => new Train(stage, key, 'westbound', 0, 0, () => undefined);

describe('TrainRoster', () => {
  it('finds, adds and removes trains exactly as a Map keyed by the train key', () => {
    // Operations on keys 0..7: add a train for a key not filed yet, remove the filed one, or look one up.
    const operation = fc.record({ kind: fc.constantFrom('add', 'remove', 'find'), key: fc.integer({ min: 0, max: 7 }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const roster = new TrainRoster<number>();
        const model = new Map<number, Train<number>>();
        for (const { kind, key } of operations) {
          const filed = model.get(key);
          if (kind === 'add' && filed === undefined) {
            const train = trainFor(key);
            roster.add(train);
            model.set(key, train);
          } else if (kind === 'remove' && filed !== undefined) {
            roster.remove(filed);
            model.delete(key);
          }
          expect(roster.find(key)).toBe(model.get(key));
          expect(roster.size).toBe(model.size);
        }
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('ignores the removal of a train it does not hold', () => {
    const roster = new TrainRoster<number>();
    const kept = trainFor(1);
    roster.add(kept);
    roster.remove(trainFor(1));
    expect(roster.find(1)).toBe(kept);
    expect(roster.size).toBe(1);
  });
});

describe('TrainPool', () => {
  const nowhere: Itinerary = { left: () => undefined };
  const box = (id: number): Container => new Container(id, 0, 0, true, false, nowhere);

  it('makes a train that has left a new one: fresh serial, key and times, no members', () => {
    const pool = new TrainPool<number>(stage);
    const first = pool.take(7, 'westbound', 0, 10, () => undefined);
    first.join(box(1));
    first.join(box(2));
    first.started = 12;
    const firstSerial = first.serial;
    pool.give(first);

    const second = pool.take(8, 'eastbound', 40, 30, () => undefined);
    expect(second).toBe(first);
    expect(second.serial).toBeGreaterThan(firstSerial);
    expect([second.key, second.direction, second.backgroundFeu, second.arrived, second.size]).toEqual([8, 'eastbound', 40, 30, 0]);
    expect(second.started).toBeNaN();
    // Releasing the reused train moves none of the first run's containers.
    const moved: number[] = [];
    const recorder = { left: (c: Container) => moved.push(c.id) };
    const reboarded = new Container(4, 0, 30, true, false, recorder);
    second.join(reboarded);
    second.started = 31;
    second.release(new StageMonitor(1, 0), 35);
    expect(moved).toEqual([4]);
    expect([reboarded.group, reboarded.started, reboarded.direction]).toEqual([second, 31, 'eastbound']);
  });

  it('makes new trains while none is spare, each with its own serial', () => {
    const pool = new TrainPool<number>(stage);
    const a = pool.take(1, 'westbound', 0, 0, () => undefined);
    const b = pool.take(2, 'westbound', 0, 0, () => undefined);
    expect(a).not.toBe(b);
    expect(a.serial).not.toBe(b.serial);
  });
});
