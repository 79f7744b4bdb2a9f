/**
 * Workers kept between runs (an equilibrium's rounds): the second run reuses the first run's
 * threads, re-initialised for its own scenarios, and gives the same records as a run on fresh
 * workers; a closed group stops its threads.
 */
import { describe, expect, it } from 'vitest';
import { defineExperiment, runExperiment } from '../../src/experiments/index.ts';
import { WorkerGroup } from '../../src/experiments/worker-group.ts';

const experiment = (name: string, scenarios: ReadonlyArray<{ id: string; set?: Record<string, number> }>) =>
  defineExperiment({
    name,
    model: 'tests/corridor/fixtures/small-corridor.yaml',
    scenarios: [...scenarios],
    replications: 3,
    warmup: { days: 5 },
    horizon: { days: 20 },
    seed: 17,
    metrics: ['route.*.transit_mean_h', 'network.**'],
  });

describe('WorkerGroup', () => {
  it('reuses the threads of one run for the next, with the next run’s scenarios, and the same results as fresh workers', async () => {
    const first = experiment('first', [{ id: 'base' }]);
    const second = experiment('second', [{ id: 'base' }, { id: 'slow-ferry', set: { 'legs.caspian.loadFactor': 0.3 } }]);
    const group = new WorkerGroup();
    try {
      await runExperiment(first, { workers: 2, workerGroup: group });
      expect(group.size).toBe(2);
      const reused = await runExperiment(second, { workers: 2, workerGroup: group });
      // Still 2: the second run took both threads and gave them back (with threads of its own
      // the group would now hold 4).
      expect(group.size).toBe(2);
      const fresh = await runExperiment(second, { workers: 2 });
      expect(reused.status).toBe('complete');
      expect(JSON.stringify(reused.records)).toBe(JSON.stringify(fresh.records));
      expect(new Set(reused.records.map((r) => r.scenario))).toEqual(new Set(['base', 'slow-ferry']));
    } finally {
      await group.close();
    }
    expect(group.size).toBe(0);
  });
});
