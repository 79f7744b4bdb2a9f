import { describe, expect, it } from 'vitest';
import { defineExperiment, grid, latinHypercube } from '../../src/experiments/index.ts';
import { shortLabels } from '../../src/experiments/sweep.ts';

describe('grid', () => {
  it('gives every combination, the first parameter varying slowest, with readable ids', () => {
    const scenarios = grid({ 'legs.caspian.fleet.vessels': [2, 3], 'legs.caspian.loadFactor': [0.5, 0.8] }, { base: { model: 'm.yaml', set: { a: 1 } } });
    expect(scenarios).toEqual([
      { id: 'vessels=2_loadFactor=0.5', model: 'm.yaml', set: { a: 1, 'legs.caspian.fleet.vessels': 2, 'legs.caspian.loadFactor': 0.5 } },
      { id: 'vessels=2_loadFactor=0.8', model: 'm.yaml', set: { a: 1, 'legs.caspian.fleet.vessels': 2, 'legs.caspian.loadFactor': 0.8 } },
      { id: 'vessels=3_loadFactor=0.5', model: 'm.yaml', set: { a: 1, 'legs.caspian.fleet.vessels': 3, 'legs.caspian.loadFactor': 0.5 } },
      { id: 'vessels=3_loadFactor=0.8', model: 'm.yaml', set: { a: 1, 'legs.caspian.fleet.vessels': 3, 'legs.caspian.loadFactor': 0.8 } },
    ]);
  });

  it('lengthens labels until they are unique, and makes valid scenario ids', () => {
    expect(shortLabels(['legs.a.fleet.vessels', 'legs.b.fleet.vessels', 'demand[0].volume.teuPerYear'])).toEqual(['a.fleet.vessels', 'b.fleet.vessels', 'teuPerYear']);
    const scenarios = grid({ 'nodes.x.handling.time': [{ dist: 'deterministic', value: 1 }] });
    expect(scenarios[0]?.id).toBe('time=dist-deterministic-value-1');
    expect(() => defineExperiment({ name: 'g', model: 'm.yaml', scenarios, replications: 1, warmup: { days: 0 }, horizon: { days: 1 }, seed: 1 })).not.toThrow();
  });

  it('takes custom ids and refuses empty parameter lists', () => {
    expect(grid({ a: [1, 2] }, { id: (v, i) => `p${i}-${String(v.a)}` }).map((s) => s.id)).toEqual(['p0-1', 'p1-2']);
    expect(() => grid({ a: [] })).toThrow('grid: parameter "a" has no values');
  });
});

describe('latinHypercube', () => {
  it('uses every stratum of every parameter exactly once', () => {
    const n = 10;
    const scenarios = latinHypercube({ x: [0, 1], y: [100, 200] }, n, 42);
    expect(scenarios.map((s) => s.id)).toEqual(Array.from({ length: n }, (_, i) => `lhs-${String(i + 1).padStart(2, '0')}`));
    for (const [param, min, width] of [['x', 0, 1], ['y', 100, 100]] as const) {
      const strata = scenarios.map((s) => Math.floor(((s.set?.[param] as number) - min) / (width / n))).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('is reproducible from its seed, and a new parameter leaves the others unchanged', () => {
    const a = latinHypercube({ x: [0, 1] }, 5, 'seed');
    const b = latinHypercube({ x: [0, 1], y: [0, 1] }, 5, 'seed');
    expect(b.map((s) => s.set?.x)).toEqual(a.map((s) => s.set?.x));
    expect(latinHypercube({ x: [0, 1] }, 5, 'other').map((s) => s.set?.x)).not.toEqual(a.map((s) => s.set?.x));
  });

  it('samples whole numbers evenly for integer ranges', () => {
    const values = latinHypercube({ vessels: { min: 3, max: 8, integer: true } }, 6, 1).map((s) => s.set?.vessels);
    expect([...values].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(() => latinHypercube({ v: [2, 1] }, 3, 1)).toThrow('needs finite min <= max');
  });
});
