import { describe, expect, it } from 'vitest';
import { STUDENT_T_MAX_DF, studentTCdf, studentTQuantile } from '../../src/stats/student-t.ts';

describe('studentTQuantile', () => {
  it('matches tabulated values to the digits given', () => {
    // [p, df, table value, half a unit in its last digit]
    const table: [number, number, number, number][] = [
      [0.975, 1, 12.7062, 5e-5],
      [0.975, 4, 2.7764, 5e-5],
      [0.975, 29, 2.04523, 5e-6],
      [0.975, 100, 1.98397, 5e-6],
      [0.995, 10, 3.16927, 5e-6],
    ];
    for (const [p, df, value, tolerance] of table) {
      expect(Math.abs(studentTQuantile(p, df) - value), `t(${p}, ${df})`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('matches closed forms to 1e-12', () => {
    // df = 1 (Cauchy): t = tan(π(p − ½)).
    // df = 2: t = (2p − 1) / √(2p(1 − p)).
    // df = 4: with a = 4p(1−p), q = cos(arccos(√a)/3)/√a, t = 2√(q − 1) for p > ½.
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      const a = 4 * p * (1 - p);
      const q = Math.cos(Math.acos(Math.sqrt(a)) / 3) / Math.sqrt(a);
      const closed: [number, number][] = [
        [1, Math.tan(Math.PI * (p - 0.5))],
        [2, (2 * p - 1) / Math.sqrt(2 * p * (1 - p))],
        [4, 2 * Math.sqrt(q - 1)],
      ];
      for (const [df, t] of closed) {
        expect(Math.abs(studentTQuantile(p, df) / t - 1), `p=${p} df=${df}`).toBeLessThan(1e-12);
      }
    }
  });

  it('is symmetric, handles the ends, and inverts the CDF (also for non-integer and large df)', () => {
    // Not bit-identical: 1 − 0.975 is 0.025000000000000022 in binary, not 0.025.
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 13);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    for (const df of [0.7, 2.5, 13, 1e3, 1e6]) {
      for (const p of [1e-9, 0.01, 0.3, 0.8, 0.999]) {
        expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
      }
    }
    // Large df approaches the normal quantile 1.959964 from above.
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 6);
  });

  it('rejects bad arguments', () => {
    expect(() => studentTQuantile(1.1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, STUDENT_T_MAX_DF * 10)).toThrow(RangeError);
    expect(() => studentTCdf(NaN, 5)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  it('matches closed forms', () => {
    // df = 1: F(t) = ½ + atan(t)/π, so F(1) = 0.75. df = 2: F(t) = ½ + t / (2√(2 + t²)).
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14);
    expect(studentTCdf(0, 9)).toBe(0.5);
    for (const t of [-3, -0.5, 0.2, 4]) {
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
  });
});
