/**
 * Replications streamed to worker threads while others run (the route-choice equilibria's
 * evaluations): the same metrics as an experiment run of the same scenario and seeds, batches
 * submitted as earlier ones come back, a failing replication failing only its own batch, and
 * `close` rejecting what is pending and handing idle threads back to their group.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defineExperiment, runExperiment, type Scenario } from '../../src/experiments/index.ts';
import { ReplicationStream } from '../../src/experiments/replication-stream.ts';
import { WorkerGroup } from '../../src/experiments/worker-group.ts';
import { replicationSeed } from '../../src/random/index.ts';

const input = {
  name: 'stream',
  model: 'tests/corridor/fixtures/small-corridor.yaml',
  scenarios: [{ id: 'base' }, { id: 'slow-ferry', set: { 'legs.caspian.loadFactor': 0.3 } }],
  replications: 3,
  warmup: { days: 5 },
  horizon: { days: 20 },
  seed: 17,
  metrics: ['route.*.transit_mean_h', 'network.**'],
};
const experiment = defineExperiment(input);
const [base, slow] = experiment.scenarios as [Scenario, Scenario];
const seeds = [0, 1, 2].map((replication) => ({ replication, seed: replicationSeed(experiment.seed, replication) }));
const stream = (workers: number, group?: WorkerGroup): ReplicationStream =>
  new ReplicationStream({ warmupHours: experiment.warmupHours, horizonHours: experiment.horizonHours, metrics: experiment.metrics, workers, ...(group !== undefined ? { group } : {}) });

afterEach(() => {
  delete process.env.CORRIDOR_SIM_FAIL_REPLICATIONS;
});

describe('ReplicationStream', () => {
  it('gives each batch the metrics an experiment run gives the same scenario and seeds, whatever runs beside it', async () => {
    const run = await runExperiment(experiment, { workers: 2 });
    const s = stream(2);
    try {
      // Two loops: each submits its next batch only when its previous one is back.
      const loop = async (scenario: Scenario, rounds: number): Promise<string[]> => {
        const out: string[] = [];
        for (let k = 0; k < rounds; k++) out.push(JSON.stringify(await s.run(scenario, seeds)));
        return out;
      };
      const [fromBase, fromSlow] = await Promise.all([loop(base, 3), loop(slow, 2)]);
      const expected = (id: string): string => JSON.stringify(run.records.filter((r) => r.scenario === id).map((r) => ({ replication: r.replication, seed: r.seed, metrics: r.metrics })));
      expect(fromBase).toEqual([expected('base'), expected('base'), expected('base')]);
      expect(fromSlow).toEqual([expected('slow-ferry'), expected('slow-ferry')]);
    } finally {
      await s.close();
    }
  });

  it('gives stage metrics too when its patterns keep some (its replications measure the stages then)', async () => {
    const withStages = defineExperiment({ ...input, metrics: ['stage.aktau.*', 'route.*.transit_p95_h'] });
    const run = await runExperiment(withStages, { workers: 1 });
    const s = new ReplicationStream({ warmupHours: withStages.warmupHours, horizonHours: withStages.horizonHours, metrics: withStages.metrics, workers: 1 });
    try {
      const got = await s.run(withStages.scenarios[0] as Scenario, seeds);
      expect(got.flatMap((r) => r.metrics.map((m) => m.metric))).toContain('stage.aktau.mean_wait_h');
      expect(JSON.stringify(got)).toBe(JSON.stringify(run.records.filter((r) => r.scenario === 'base').map((r) => ({ replication: r.replication, seed: r.seed, metrics: r.metrics }))));
    } finally {
      await s.close();
    }
  });

  it('fails only the batch whose replication fails, naming its scenario and replication', async () => {
    process.env.CORRIDOR_SIM_FAIL_REPLICATIONS = 'slow-ferry/1';
    const s = stream(2);
    try {
      const [good, bad] = await Promise.allSettled([s.run(base, seeds), s.run(slow, seeds)]);
      expect(good.status).toBe('fulfilled');
      expect(bad.status === 'rejected' ? String(bad.reason) : '').toMatch(/scenario slow-ferry, replication 1: failure injected/);
      // The stream still runs later batches.
      expect(await s.run(base, seeds.slice(0, 1))).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it('on close rejects the batches still pending and gives idle threads back to the group', async () => {
    const group = new WorkerGroup();
    try {
      const s = stream(2, group);
      expect(await s.run(base, seeds)).toHaveLength(3);
      await s.close();
      expect(group.size).toBe(2);
      const late = stream(1, group);
      const pending = expect(late.run(slow, seeds)).rejects.toThrow(/closed before it ran/);
      await late.close();
      await pending;
      await expect(late.run(base, seeds)).rejects.toThrow(/closed/);
      // The thread it took was not idle (starting, then running): stopped, not handed back with a result to come.
      expect(group.size).toBe(1);
    } finally {
      await group.close();
    }
  });
});
