import { describe, expect, it } from 'vitest';
import { nearestRank, nearestRankQuantileSorted } from '../../src/stats/nearest-rank.ts';

describe('nearestRank', () => {
  it('is ceil(q·n) clamped to [1, n]', () => {
    expect(nearestRank(0, 10)).toBe(1);
    expect(nearestRank(1, 10)).toBe(10);
    expect(nearestRank(0.5, 5)).toBe(3); // ceil(2.5)
    expect(nearestRank(0.5, 4)).toBe(2); // ceil(2) = 2, the lower middle
    expect(nearestRank(0.95, 100)).toBe(95);
    expect(nearestRank(0.951, 100)).toBe(96); // ceil(95.1)
    expect(nearestRank(0.99, 1)).toBe(1);
  });

  it('treats q as written despite binary rounding', () => {
    // 0.07·100 evaluates to 7.000000000000001; a bare ceil would give rank 8.
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(nearestRank(0.07, 100)).toBe(7);
  });

  it('picks the ranked element of a sorted array and validates input', () => {
    expect(nearestRankQuantileSorted([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(nearestRankQuantileSorted([10, 20, 30, 40, 50], 0.9)).toBe(50); // ceil(4.5) = 5
    expect(() => nearestRankQuantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => nearestRank(1.5, 3)).toThrow(RangeError);
    expect(() => nearestRank(0.5, 0)).toThrow(RangeError);
  });
});
