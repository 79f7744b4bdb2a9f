import { describe, expect, it } from 'vitest';
import { defineExperiment, isExperiment, withOverrides, type ExperimentInput } from '../../src/experiments/index.ts';

const model = 'tests/corridor/fixtures/small-corridor.yaml';
const valid: ExperimentInput = {
  name: 'demo',
  model,
  scenarios: [{ id: 'base' }, { id: 'more', set: { 'legs.caspian.fleet.vessels': 5 }, overlays: [new URL('../corridor/fixtures/overlay-fleet.yaml', import.meta.url)] }],
  replications: 4,
  warmup: { days: 10 },
  horizon: { hours: 240 },
  seed: 'alpha',
};

/** The message defineExperiment throws for `input`. */
function problems(input: unknown): string {
  try {
    defineExperiment(input as ExperimentInput);
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  throw new Error('expected defineExperiment to throw');
}

describe('defineExperiment', () => {
  it('returns a frozen, branded experiment in hours with every default filled in', () => {
    const e = defineExperiment(valid);
    expect(isExperiment(e)).toBe(true);
    expect(isExperiment({ ...e })).toBe(false);
    expect(e).toEqual({
      name: 'demo',
      scenarios: [
        { id: 'base', model, overlays: [], set: {}, remove: [] },
        { id: 'more', model, overlays: ['tests/corridor/fixtures/overlay-fleet.yaml'], set: { 'legs.caspian.fleet.vessels': 5 }, remove: [] },
      ],
      baseline: 'base',
      replications: 4,
      warmupHours: 240,
      horizonHours: 240,
      seed: 'alpha',
      metrics: ['**'],
    });
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.scenarios[1]?.set)).toBe(true);
    expect(() => {
      (e as { replications: number }).replications = 9;
    }).toThrow(TypeError);
  });

  it('names each bad field, its value and what was expected', () => {
    const message = problems({ ...valid, replications: 0, warmup: { day: 3 }, seed: 1.5, extra: true });
    expect(message).toMatch(/^ExperimentError: experiment "demo" does not validate \(4 errors\):/);
    expect(message).toContain('replications: got 0, expected an integer >= 1');
    expect(message).toContain('warmup: got {"day":3}, expected a duration: { days: n } or { hours: n }, n >= 0');
    expect(message).toContain('seed: got 1.5, expected a seed: an integer or a non-empty string');
    expect(message).toContain('got unknown key "extra", expected one of: name, description, model, scenarios');
  });

  it('suggests the key a typo meant', () => {
    expect(problems({ ...valid, scenarios: [{ id: 'a', overlay: ['x.yaml'] }] })).toContain(
      'scenarios[0]: got unknown key "overlay", expected one of: id, model, overlays, set, remove (did you mean "overlays"?)',
    );
  });

  it('restricts scenario ids to characters that need no quoting anywhere', () => {
    expect(problems({ ...valid, scenarios: [{ id: 'a,b' }] })).toContain('scenarios[0].id: got "a,b", expected a scenario id of letters, digits and . _ = + -');
    expect(problems({ ...valid, scenarios: [{ id: 'a b' }] })).toContain('scenarios[0].id: got "a b"');
  });

  it('checks ids are unique, the baseline exists, every scenario has a model and the horizon is positive', () => {
    const message = problems({ ...valid, model: undefined, scenarios: [{ id: 'a', model }, { id: 'a' }], baseline: 'zzz', horizon: { days: 0 } });
    expect(message).toContain('scenarios[1].id: got "a", expected an id not used by an earlier scenario');
    expect(message).toContain("scenarios[1].model: got nothing, expected a model file (here or as the experiment's model)");
    expect(message).toContain('baseline: got "zzz", expected one of the scenario ids: a');
    expect(message).toContain('horizon: got 0, expected a duration > 0');
  });

  it('rejects values that are not plain data and bad metric patterns', () => {
    expect(problems({ ...valid, scenarios: [{ id: 'a', set: { x: () => 1 } }] })).toContain('scenarios[0].set.x');
    expect(problems({ ...valid, metrics: ['route/*'] })).toContain('metrics[0]: got "route/*", expected a metric name pattern');
    expect(problems({ ...valid, metrics: [] })).toContain('metrics: got [], expected at least one pattern');
  });

  it('gives a copy with another replication count or seed', () => {
    const e = defineExperiment(valid);
    const other = withOverrides(e, { replications: 2, seed: 7 });
    expect(isExperiment(other)).toBe(true);
    expect([other.replications, other.seed, e.replications, e.seed]).toEqual([2, 7, 4, 'alpha']);
    expect(withOverrides(e, {})).toBe(e);
  });
});
