/** TrainRoster: the trains a stage files by key behave as a Map from key to train would. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Train, TrainRoster, type TrainStage } from '../../../src/corridor/runtime/train.ts';

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
