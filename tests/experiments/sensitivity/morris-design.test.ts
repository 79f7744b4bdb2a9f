/**
 * The Morris design's structure: k + 1 points per trajectory, consecutive points differing in
 * exactly one factor by ±Δ (Δ = p / (2 (p - 1)) of the range), each factor moved once, every
 * point on the p-level grid, and the same design from the same seed.
 */
import { describe, expect, it } from 'vitest';
import { defineSensitivity, morrisDesign, morrisLevelTrajectories, type SensitivityFactors } from '../../../src/experiments/sensitivity/index.ts';

const factors: SensitivityFactors = {
  a: { path: 'legs.x.a', low: 0, high: 1 },
  b: { path: 'legs.x.b', low: 10, high: 40, unit: 'h' },
  c: { path: 'legs.x.c', low: -2, high: 2 },
  vessels: { path: 'legs.x.vessels', low: 2, high: 8, integer: true },
};

describe('morrisDesign', () => {
  it('moves one factor at a time by ±Δ, each once per trajectory, on the grid', () => {
    const levels = 6;
    const design = morrisDesign(factors, { trajectories: 12, levels, seed: 42 });
    const layout = design.layout;
    expect(layout.delta).toBeCloseTo(6 / 10, 12);
    expect(design).toHaveLength(12 * 5);
    const specs = Object.values(factors);
    for (const t of layout.trajectories) {
      expect(t.points).toHaveLength(5);
      expect(t.points[0]?.moved).toBeNull();
      const movedOnce = t.points.slice(1).map((p) => p.moved);
      expect([...movedOnce].sort()).toEqual(['a', 'b', 'c', 'vessels']);
      for (const [j, p] of t.points.entries()) {
        // On the grid: low + level/(p-1) * range for a whole level 0..p-1 (integers: rounded).
        p.values.forEach((v, i) => {
          const f = specs[i]!;
          const grid = Array.from({ length: levels }, (_, l) => f.low + (l / (levels - 1)) * (f.high - f.low)).map((x) => (f.integer === true ? Math.round(x) : x));
          expect(grid.some((g) => Math.abs(g - v) < 1e-12)).toBe(true);
        });
        if (j === 0) continue;
        const previous = t.points[j - 1]!;
        const changed = p.values.flatMap((v, i) => (v !== previous.values[i] ? [i] : []));
        expect(changed).toHaveLength(1);
        const i = changed[0]!;
        expect(Object.keys(factors)[i]).toBe(p.moved);
        const f = specs[i]!;
        if (f.integer !== true) expect(Math.abs((p.values[i]! - previous.values[i]!) / (f.high - f.low))).toBeCloseTo(layout.delta, 12);
      }
    }
    // Scenario ids name the trajectory, the step and the factor moved; the set holds every factor.
    expect(design[0]?.id).toBe('t01-0');
    expect(design[1]?.id).toMatch(/^t01-1-(a|b|c|vessels)$/);
    expect(Object.keys(design[0]?.set ?? {})).toEqual(['legs.x.a', 'legs.x.b', 'legs.x.c', 'legs.x.vessels']);
  });

  it('level trajectories are B*: base levels below p/2, steps of p/2 levels in both directions', () => {
    const trajectories = morrisLevelTrajectories(3, 200, 4, 'seed');
    const steps = new Set<number>();
    for (const t of trajectories) {
      for (const point of t.levels) for (const level of point) expect(level === 0 || level === 1 || level === 2 || level === 3).toBe(true);
      for (let j = 1; j < t.levels.length; j++) {
        const i = t.moved[j]!;
        steps.add(t.levels[j]![i]! - t.levels[j - 1]![i]!);
      }
    }
    expect([...steps].sort()).toEqual([-2, 2]);
  });

  it('is reproducible from the seed and changes with it', () => {
    const a = morrisDesign(factors, { trajectories: 5, seed: 7 });
    const b = morrisDesign(factors, { trajectories: 5, seed: 7 });
    const c = morrisDesign(factors, { trajectories: 5, seed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(b.layout)).toBe(JSON.stringify(a.layout));
    expect(JSON.stringify(c.layout)).not.toBe(JSON.stringify(a.layout));
  });

  it('rejects odd levels, bad ranges and bad factor ids', () => {
    expect(() => morrisDesign(factors, { trajectories: 2, levels: 5, seed: 1 })).toThrow(/even/);
    expect(() => morrisDesign({ x: { path: 'p', low: 1, high: 1 } }, { trajectories: 2, seed: 1 })).toThrow(/low < high/);
    expect(() => morrisDesign({ 'bad id': { path: 'p', low: 0, high: 1 } }, { trajectories: 2, seed: 1 })).toThrow(/id/);
  });

  it('defineSensitivity records the plan and runs under one master seed (common random numbers)', () => {
    const experiment = defineSensitivity({
      name: 'morris-plan',
      model: 'tests/corridor/fixtures/small-corridor.yaml',
      replications: 2,
      warmup: { days: 1 },
      horizon: { days: 5 },
      seed: 3,
      metrics: ['network.**'],
      sensitivity: { method: 'morris', trajectories: 3, factors: { load: { path: 'legs.caspian.loadFactor', low: 0.4, high: 1 } }, outputs: ['route.middle.transit_mean_h'] },
    });
    expect(experiment.sensitivity?.method).toBe('morris');
    expect(experiment.baseline).toBe('t01-0');
    expect(experiment.metrics).toEqual(['network.**', 'route.middle.transit_mean_h']);
    expect(experiment.scenarios.map((s) => s.id)).toEqual(['t01-0', 't01-1-load', 't02-0', 't02-1-load', 't03-0', 't03-1-load']);
  });
});
