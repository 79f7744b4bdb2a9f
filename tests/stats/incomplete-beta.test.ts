import { describe, expect, it } from 'vitest';
import { gammaln } from 'simple-statistics';
import { logBeta, regularizedIncompleteBeta } from '../../src/stats/incomplete-beta.ts';

describe('logBeta', () => {
  it('matches exact values', () => {
    // B(1,1) = 1; B(2,3) = 1!·2!/4! = 1/12; B(½,½) = π.
    expect(logBeta(1, 1)).toBeCloseTo(0, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });

  it('the large-argument branch agrees with plain log-gammas where both are accurate', () => {
    // At a = 10..200 the direct difference still keeps ~13 digits, enough to check the branch.
    for (const a of [10, 37.5, 200]) {
      const direct = gammaln(a) + gammaln(0.5) - gammaln(a + 0.5);
      expect(Math.abs(logBeta(a, 0.5) - direct)).toBeLessThan(1e-11);
    }
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms on both sides of the continued-fraction switch', () => {
    // I_x(a,1) = x^a; I_x(1,b) = 1 − (1−x)^b; I_½(a,a) = ½ by symmetry.
    for (const x of [0.01, 0.3, 0.7, 0.99]) {
      expect(regularizedIncompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(regularizedIncompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 13);
    }
    expect(regularizedIncompleteBeta(0.5, 7.3, 7.3)).toBeCloseTo(0.5, 13);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('rejects arguments outside the domain', () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
  });
});
