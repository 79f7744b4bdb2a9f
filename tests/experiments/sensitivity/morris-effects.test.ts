/**
 * Morris statistics on plain functions with known elementary effects:
 * - linear y = Σ b_i u_i on unit-scaled inputs u_i = (x_i - low_i) / (high_i - low_i): every
 *   elementary effect is exactly b_i, so μ = b_i, μ* = |b_i|, σ = 0;
 * - the same in factor units, y = Σ c_i x_i: EE_i = c_i (high_i - low_i);
 * - the product y = u_1 u_2: EE_1 = u_2 at the point where u_1 moves (and EE_2 = u_1 where u_2
 *   moves), since ((u_1 + Δ) u_2 - u_1 u_2) / Δ = u_2; so μ_1 is the mean of those u_2 and σ_1 their sd;
 * - a hand-worked trajectory.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { analyzeSensitivity, morrisDesign, morrisOfFunction, morrisStatistics, type SensitivityFactors } from '../../../src/experiments/sensitivity/index.ts';

const unit = (n: number): SensitivityFactors => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i + 1}`, { path: `p.x${i + 1}`, low: 0, high: 1 }]));

describe('Morris statistics', () => {
  it('linear function: μ = b_i, μ* = |b_i|, σ = 0', () => {
    const b = [5, -3, 0.5, 0, 2];
    const design = morrisDesign(unit(5), { trajectories: 10, levels: 4, seed: 1 });
    const stats = morrisOfFunction(design.layout, (x) => x.reduce((s, xi, i) => s + (b[i] as number) * xi, 0));
    stats.forEach((s, i) => {
      expect(s.n).toBe(10);
      expect(s.mu).toBeCloseTo(b[i] as number, 10);
      expect(s.muStar).toBeCloseTo(Math.abs(b[i] as number), 10);
      expect(s.sigma).toBeCloseTo(0, 10);
      expect(s.muStarCi?.low).toBeCloseTo(Math.abs(b[i] as number), 10);
      expect(s.muStarCi?.high).toBeCloseTo(Math.abs(b[i] as number), 10);
    });
  });

  it('linear function in factor units: EE = c_i (high - low)', () => {
    const factors: SensitivityFactors = { a: { path: 'a', low: 10, high: 30 }, b: { path: 'b', low: -1, high: 1 } };
    const design = morrisDesign(factors, { trajectories: 8, levels: 6, seed: 2 });
    const [a, b] = morrisOfFunction(design.layout, ([x, y]) => 0.5 * (x as number) - 4 * (y as number));
    expect(a?.mu).toBeCloseTo(0.5 * 20, 10);
    expect(b?.mu).toBeCloseTo(-4 * 2, 10);
    expect(b?.muStar).toBeCloseTo(8, 10);
  });

  it('product u1 u2: EE_1 is u2 where u1 moves; μ, μ*, σ and the t interval of μ in closed form', () => {
    const design = morrisDesign(unit(2), { trajectories: 20, levels: 4, seed: 11 });
    const expected = design.layout.trajectories.map((t) => {
      const j = t.points.findIndex((p) => p.moved === 'x1');
      return t.points[j]?.values[1] as number; // u2 is unchanged by the step, so before = after
    });
    const [s1] = morrisOfFunction(design.layout, ([u1, u2]) => (u1 as number) * (u2 as number), { seed: 5, resamples: 2000 });
    expect(s1?.mu).toBeCloseTo(mean(expected), 10);
    expect(s1?.muStar).toBeCloseTo(mean(expected), 10); // u2 >= 0
    expect(s1?.sigma).toBeCloseTo(sampleStandardDeviation(expected), 10);
    // 95% t interval over 20 trajectories: t(0.975, 19) = 2.093024.
    const half = (2.093024054408263 * sampleStandardDeviation(expected)) / Math.sqrt(20);
    expect(s1?.muCi?.low).toBeCloseTo(mean(expected) - half, 8);
    expect(s1?.muCi?.high).toBeCloseTo(mean(expected) + half, 8);
    // The bootstrap interval brackets μ* and is reproducible from its seed.
    expect(s1?.muStarCi?.low).toBeLessThan(s1?.muStar as number);
    expect(s1?.muStarCi?.high).toBeGreaterThan(s1?.muStar as number);
    const [again] = morrisOfFunction(design.layout, ([u1, u2]) => (u1 as number) * (u2 as number), { seed: 5, resamples: 2000 });
    expect(again?.muStarCi).toEqual(s1?.muStarCi);
  });

  it('a hand-worked trajectory: y = 2x1 - x2 + x1 x2 on two trajectories', () => {
    // T1: (0, 0) -> x1 to 2/3 -> x2 to 2/3. EE1 = (4/3 - 0) / (2/3) = 2; EE2 = (4/3 - 2/3 + 4/9 - 4/3) / (2/3) = (-2/3 + 4/9)/(2/3) = -1/3.
    // T2: (1/3, 1) -> x2 to 1/3 -> x1 to 1. y0 = 2/3 - 1 + 1/3 = 0; y1 = 2/3 - 1/3 + 1/9 = 4/9; EE2 = (4/9 - 0) / (-2/3) = -2/3;
    //     y2 = 2 - 1/3 + 1/3 = 2; EE1 = (2 - 4/9) / (2/3) = 7/3.
    const y = (x1: number, x2: number): number => 2 * x1 - x2 + x1 * x2;
    const t = (points: [number, number][], moved: (number | null)[]): { values: number[][]; moved: (number | null)[]; y: number[] } => ({ values: points, moved, y: points.map(([a, b]) => y(a, b)) });
    const stats = morrisStatistics(
      [{ id: 'x1', low: 0, high: 1 }, { id: 'x2', low: 0, high: 1 }],
      [t([[0, 0], [2 / 3, 0], [2 / 3, 2 / 3]], [null, 0, 1]), t([[1 / 3, 1], [1 / 3, 1 / 3], [1, 1 / 3]], [null, 1, 0])],
    );
    expect(stats[0]?.mu).toBeCloseTo((2 + 7 / 3) / 2, 12);
    expect(stats[1]?.mu).toBeCloseTo((-1 / 3 - 2 / 3) / 2, 12);
    expect(stats[1]?.muStar).toBeCloseTo((1 / 3 + 2 / 3) / 2, 12);
    expect(stats[0]?.sigma).toBeCloseTo(Math.SQRT1_2 * (7 / 3 - 2), 12);
  });

  it('skips effects whose output is undefined', () => {
    const stats = morrisStatistics([{ id: 'x', low: 0, high: 1 }], [
      { values: [[0], [2 / 3]], moved: [null, 0], y: [1, 3] },
      { values: [[1], [1 / 3]], moved: [null, 0], y: [null, 2] },
    ]);
    expect(stats[0]?.n).toBe(1);
    expect(stats[0]?.mu).toBeCloseTo(3, 12);
    expect(stats[0]?.sigma).toBeNull();
  });
});

describe('analyzeSensitivity on Morris run records', () => {
  it('averages replications per point: with a common per-replication shift (CRN), μ = b exactly', () => {
    const design = morrisDesign({ a: { path: 'a', low: 0, high: 10 }, b: { path: 'b', low: 1, high: 3 } }, { trajectories: 6, seed: 4 });
    const plan = { ...design.layout, outputs: ['y'], bootstrap: { resamples: 200, seed: 1 } };
    // y = 2 a - 5 b + noise(replication): the noise cancels in every difference along a trajectory.
    const records = design.layout.trajectories.flatMap((t) => t.points).flatMap((p) =>
      [0, 1, 2].map((replication) => ({ scenario: p.scenario, replication, seed: replication, metrics: [{ metric: 'y', value: 2 * (p.values[0] as number) - 5 * (p.values[1] as number) + [3, -7, 11][replication]! }] })),
    );
    const rows = analyzeSensitivity(plan, records);
    const value = (factor: string, statistic: string): number | null | undefined => rows.find((r) => r.factor === factor && r.statistic === statistic)?.value;
    expect(rows.map((r) => `${r.factor}:${r.statistic}`)).toEqual(['a:mu', 'a:mu_star', 'a:sigma', 'b:mu', 'b:mu_star', 'b:sigma']); // ranked by μ*: 20 > 10
    expect(value('a', 'mu')).toBeCloseTo(2 * 10, 9);
    expect(value('b', 'mu')).toBeCloseTo(-5 * 2, 9);
    expect(value('b', 'mu_star')).toBeCloseTo(10, 9);
    expect(rows.every((r) => r.n === 6)).toBe(true);
  });
});
