import { describe, expect, it } from 'vitest';
import { pairedDifferenceSummary, summarizeReplications, welchDifference } from '../../src/stats/replications.ts';
import { standardNormal, testStream } from './samplers.ts';

describe('summarizeReplications', () => {
  it('matches a hand-computed interval', () => {
    // [2,4,4,4,5,5,7,9]: mean 5, s = √(32/7) = 2.138089935299395, s/√8 = 0.7559289460184544,
    // t(0.975, 7) = 2.364624251592785, half-width = 2.3646242515928 × 0.75592894601845
    // = 1.7874879182362. Type-7 percentiles: p50 at index 3.5 → 4.5; p95 at index 6.65
    // → 7 + 0.65·(9 − 7) = 8.3.
    const s = summarizeReplications([5, 2, 4, 9, 4, 7, 4, 5]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.standardDeviation).toBeCloseTo(2.138089935299395, 13);
    expect(s.halfWidth).toBeCloseTo(1.7874879182362, 11);
    expect(s.lower).toBeCloseTo(5 - 1.7874879182362, 11);
    expect(s.upper).toBeCloseTo(5 + 1.7874879182362, 11);
    expect(s.confidence).toBe(0.95);
    expect(s.p50).toBeCloseTo(4.5, 14);
    expect(s.p95).toBeCloseTo(8.3, 14);
    // 90 %: t(0.95, 7) = 1.894578605 → half-width 1.894578605 × 0.755928946 = 1.43216681.
    expect(summarizeReplications([2, 4, 4, 4, 5, 5, 7, 9], 0.9).halfWidth).toBeCloseTo(1.43216681, 7);
  });

  it('n = 1 gives the mean with a NaN interval; n = 0 and bad values throw', () => {
    const one = summarizeReplications([42]);
    expect(one.mean).toBe(42);
    expect(one.p50).toBe(42);
    expect(one.p95).toBe(42);
    for (const v of [one.standardDeviation, one.halfWidth, one.lower, one.upper]) expect(v).toBeNaN();
    expect(() => summarizeReplications([])).toThrow(RangeError);
    expect(() => summarizeReplications([1, NaN])).toThrow(RangeError);
    expect(() => summarizeReplications([1, 2], 1)).toThrow(RangeError);
  });

  it('covers the true mean about 95 % of the time (4000 seeded sets of 5 normal values)', () => {
    // Binomial sd of the coverage is √(0.95·0.05/4000) = 0.0034; ±3.5 sd is [0.938, 0.962].
    // Using z = 1.96 instead of t(0.975, 4) = 2.776 would cover only ~88 %, failing this test.
    const rng = testStream('replications/coverage');
    let covered = 0;
    for (let set = 0; set < 4000; set++) {
      const values = Array.from({ length: 5 }, () => 100 + 10 * standardNormal(rng));
      const s = summarizeReplications(values);
      if (s.lower <= 100 && 100 <= s.upper) covered++;
    }
    expect(covered / 4000).toBeGreaterThan(0.938);
    expect(covered / 4000).toBeLessThan(0.962);
  });
});

describe('pairedDifferenceSummary', () => {
  it('matches a hand-computed paired interval', () => {
    // Differences b − a = [−1, −1, 0, −1]: mean −0.75, squared deviations 0.0625·3 + 0.5625
    // = 0.75, s = √(0.75/3) = 0.5, t(0.975, 3) = 3.182446305284263, half-width
    // = 3.182446305284263 × 0.5 / 2 = 0.7956115763210657. Relative change (10.75 − 11.5)/11.5.
    const p = pairedDifferenceSummary([10, 12, 11, 13], [9, 11, 11, 12]);
    expect(p.n).toBe(4);
    expect(p.meanA).toBe(11.5);
    expect(p.meanB).toBe(10.75);
    expect(p.meanDifference).toBe(-0.75);
    expect(p.standardDeviation).toBeCloseTo(0.5, 14);
    expect(p.halfWidth).toBeCloseTo(0.7956115763210657, 12);
    expect(p.upper).toBeCloseTo(0.0456115763210657, 12);
    expect(p.relativeChange).toBeCloseTo(-0.06521739130434782, 14);
    expect(p.significant).toBe(false); // the interval straddles 0
  });

  it('pairing detects a 3 % improvement that independent intervals cannot', () => {
    // Replications share a large common component (weather, demand), as with common random
    // numbers; scenario B is 3 % faster plus small independent noise.
    const rng = testStream('replications/crn');
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 10; i++) {
      const common = 300 + 30 * standardNormal(rng);
      a.push(common + standardNormal(rng));
      b.push(0.97 * common + standardNormal(rng));
    }
    const paired = pairedDifferenceSummary(a, b);
    expect(paired.significant).toBe(true);
    expect(paired.upper).toBeLessThan(0);
    expect(paired.relativeChange).toBeGreaterThan(-0.04);
    expect(paired.relativeChange).toBeLessThan(-0.02);
    const sa = summarizeReplications(a);
    const sb = summarizeReplications(b);
    expect(sb.upper).toBeGreaterThan(sa.lower); // separate intervals overlap
  });

  it('edge cases', () => {
    expect(() => pairedDifferenceSummary([1, 2], [1])).toThrow(RangeError);
    expect(() => pairedDifferenceSummary([], [])).toThrow(RangeError);
    const one = pairedDifferenceSummary([2], [3]);
    expect(one.meanDifference).toBe(1);
    expect(one.halfWidth).toBeNaN();
    expect(one.significant).toBe(false);
    expect(pairedDifferenceSummary([0, 0], [1, 2]).relativeChange).toBeNaN();
  });
});

describe('welchDifference', () => {
  it('gives B − A, the standard error and the Welch–Satterthwaite degrees of freedom of a hand calculation', () => {
    // a: mean 2, s² = 1, n 3; b: mean 5, s² = 4, n 3. se² = 1/3 + 4/3 = 5/3; df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = (25/9) / (17/18) = 50/17.
    const w = welchDifference([1, 2, 3], [3, 5, 7]);
    expect(w?.meanDifference).toBe(3);
    expect(w?.standardError).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(w?.degreesOfFreedom).toBeCloseTo(50 / 17, 12);
    expect(welchDifference([1], [2, 3])).toBeNull();
  });
});
