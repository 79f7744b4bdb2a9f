/** CSV numbers: Number::toString for finite values (written without V8's number-string cache), fixed forms for the rest. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/output/number-format.ts';

describe('formatNumber', () => {
  it('writes every finite number exactly as String(x) does (shortest round trip), -0 as 0', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(formatNumber(x)).toBe(Object.is(x, -0) ? '0' : String(x));
      }),
      { numRuns: 20_000, seed: 14 },
    );
    for (const x of [0, 1, -1.5, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2, 0.1 + 0.2, 123456789]) expect(formatNumber(x)).toBe(String(x));
  });

  it('writes NaN as an empty field and the infinities as Inf and -Inf', () => {
    expect([formatNumber(Number.NaN), formatNumber(Infinity), formatNumber(-Infinity), formatNumber(-0)]).toEqual(['', 'Inf', '-Inf', '0']);
  });
});
