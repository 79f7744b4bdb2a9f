/**
 * warmup: 'auto' (output-analysis/auto-warmup.ts): MSER on the pilot's weekly series finds a
 * known transient; the choice is recorded in the experiment (so run.json and the manifest) and
 * does not depend on the worker count; a fixed warm-up is untouched.
 */
import { describe, expect, it } from 'vitest';
import { defineExperiment, runExperiment } from '../../src/experiments/index.ts';
import { assembleOutputs, outputString } from '../../src/experiments/outputs.ts';
import { chooseWarmup, HOURS_PER_WEEK } from '../../src/experiments/output-analysis/auto-warmup.ts';
import type { ReplicationRecord } from '../../src/experiments/journal.ts';
import tiny from './fixtures/tiny.ts';

const autoInput = {
  name: 'auto',
  model: 'tests/corridor/fixtures/small-corridor.yaml',
  scenarios: [{ id: 'base' }, { id: 'vessels=1', set: { 'legs.caspian.fleet.vessels': 1 } }],
  replications: 3,
  warmup: 'auto',
  horizon: { days: 42 },
  seed: 5,
  metrics: ['route.*.transit_mean_h', 'network.**'],
} as const;
const auto = defineExperiment(autoInput);

describe("warmup: 'auto'", () => {
  it('finds a known transient in weekly series (decay over the first 6 weeks, then noise)', () => {
    const weeks = 40;
    const records: ReplicationRecord[] = [0, 1, 2].map((r) => ({
      scenario: 'base',
      replication: r,
      seed: r,
      metrics: [],
      series: [
        { series: 'stage_weekly_queue_feu', key: 's', values: Array.from({ length: weeks }, (_, w) => (w < 6 ? 100 - 15 * w : 10) + ((w * 7 + r * 3) % 5) - 2) },
        { series: 'route_weekly_feu', key: 'r', values: Array.from({ length: weeks }, (_, w) => 50 + ((w * 3 + r) % 4)) },
      ],
    }));
    const experiment = { ...tiny, scenarios: tiny.scenarios.slice(0, 1) };
    const choice = chooseWarmup(experiment, records, weeks * HOURS_PER_WEEK);
    expect(choice.truncationWeeks).toBeGreaterThanOrEqual(5);
    expect(choice.truncationWeeks).toBeLessThanOrEqual(8);
    expect(choice.warmupHours).toBe(choice.truncationWeeks * HOURS_PER_WEEK);
    expect(choice.capWeeks).toBe(20);
    expect(choice.notSteady).toBe(false);
    expect(choice.limitingLabel).toBe('base: FEU waiting');
  });

  it('flags a series that never settles (a growing queue)', () => {
    const records: ReplicationRecord[] = [0, 1].map((r) => ({
      scenario: 'base', replication: r, seed: r, metrics: [],
      series: [
        { series: 'stage_weekly_queue_feu', key: 's', values: Array.from({ length: 30 }, (_, w) => 10 * w + r) },
        { series: 'route_weekly_feu', key: 'r', values: Array.from({ length: 30 }, () => 5) },
      ],
    }));
    const choice = chooseWarmup({ ...tiny, scenarios: tiny.scenarios.slice(0, 1) }, records, 30 * HOURS_PER_WEEK);
    expect(choice.notSteady).toBe(true);
    expect(choice.truncationWeeks).toBe(choice.capWeeks);
    expect(choice.notSteadyLabels).toContain('base: FEU waiting');
  });

  it('chooses the same warm-up and writes the same bytes with 1 and 2 workers', async () => {
    expect(auto.autoWarmup).toBeNull();
    const one = await runExperiment(auto, { workers: 1 });
    const two = await runExperiment(auto, { workers: 2 });
    const choice = one.experiment.autoWarmup;
    expect(choice).not.toBeNull();
    expect(choice?.pilotHorizonHours).toBe(2 * 42 * 24);
    expect([5, 6]).toContain(choice?.capWeeks); // 12 weeks of pilot; the last may be incomplete
    expect(one.experiment.warmupHours).toBe(choice?.warmupHours);
    expect(two.experiment).toEqual(one.experiment);
    expect(assembleOutputs(two.experiment, two.records).texts.map(outputString)).toEqual(assembleOutputs(one.experiment, one.records).texts.map(outputString));
  }, 60_000);

  it('leaves a fixed warm-up alone', () => {
    expect(tiny.autoWarmup).toBeUndefined();
    expect(() => defineExperiment({ ...autoInput, horizon: { days: 10 } })).toThrow(/at least 14 days/);
  });
});
