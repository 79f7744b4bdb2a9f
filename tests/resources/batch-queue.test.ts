/** The batch transports' FIFO: the same answers as a plain array under any mix of operations, reusing its slots. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeadIndexQueue } from '../../src/resources/batch-queue.ts';

type Op = { kind: 'push'; n: number } | { kind: 'shift' } | { kind: 'take'; count: number } | { kind: 'at'; offset: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.integer({ min: 1, max: 3000 }).map((n): Op => ({ kind: 'push', n })),
  fc.constant<Op>({ kind: 'shift' }),
  fc.integer({ min: 0, max: 3000 }).map((count): Op => ({ kind: 'take', count })),
  fc.integer({ min: 0, max: 40 }).map((offset): Op => ({ kind: 'at', offset })),
);

describe('HeadIndexQueue', () => {
  it('behaves as an array used first-in first-out (push, shift, splice from the front, index), across compactions', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const queue = new HeadIndexQueue<number>();
        const model: number[] = [];
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            // Pushes come in runs, so the queue passes the 1,024-item compaction threshold.
            for (let i = 0; i < o.n; i++) {
              queue.push(next);
              model.push(next++);
            }
          } else if (o.kind === 'shift') expect(queue.shift()).toBe(model.shift());
          else if (o.kind === 'take') expect(queue.take(o.count)).toEqual(model.splice(0, o.count));
          else expect(queue.at(o.offset)).toBe(model[o.offset]);
          expect(queue.length).toBe(model.length);
        }
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('after draining, answers nothing from its old items (undefined past the back)', () => {
    const queue = new HeadIndexQueue<string>();
    for (const item of ['a', 'b', 'c']) queue.push(item);
    expect(queue.take(3)).toEqual(['a', 'b', 'c']);
    queue.push('d');
    expect([queue.at(0), queue.at(1), queue.at(2), queue.length]).toEqual(['d', undefined, undefined, 1]);
    expect(queue.shift()).toBe('d');
    expect(queue.shift()).toBeUndefined();
  });
});
