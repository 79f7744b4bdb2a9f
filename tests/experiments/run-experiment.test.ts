/**
 * The programmatic API: runExperiment in memory (nothing written), checked against
 * simple-statistics on its own replication rows; validation before anything runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { defineExperiment, ExperimentError, runExperiment, withOverrides } from '../../src/experiments/index.ts';
import { mergeRuns } from '../../src/experiments/merge.ts';
import { replicationSeed } from '../../src/random/index.ts';
import tiny from './fixtures/tiny.ts';
import { tempRoot } from './cli-helpers.ts';

const small = withOverrides(tiny, { replications: 4 });

describe('runExperiment in memory', () => {
  it('returns records, summary and comparison without writing a file', async () => {
    const focused = defineExperiment({
      name: 'focused',
      model: 'tests/corridor/fixtures/small-corridor.yaml',
      scenarios: [{ id: 'base' }, { id: 'slow-ferry', set: { 'legs.caspian.loadFactor': 0.3 } }],
      replications: 4,
      warmup: { days: 10 },
      horizon: { days: 30 },
      seed: 9,
      metrics: ['route.*.transit_mean_h', 'network.**'],
    });
    const run = await runExperiment(focused, { workers: 2 });
    expect(run.status).toBe('complete');
    expect(run.runDir).toBeNull();
    expect(run.manifest).toBeNull();
    expect(run.records.map((r) => `${r.scenario}/${r.replication}/${r.seed}`)).toEqual(
      ['base', 'slow-ferry'].flatMap((s) => [0, 1, 2, 3].map((r) => `${s}/${r}/${replicationSeed(9, r)}`)),
    );
    expect(run.records[0]?.metrics.map((m) => m.metric)).toEqual([
      'route.middle.transit_mean_h',
      'route.suez.transit_mean_h',
      'network.entered_feu',
      'network.delivered_feu',
      'network.backlog_feu',
      'network.mean_in_system_feu',
    ]);
    const values = (scenario: string, metric: string): (number | null)[] =>
      run.records.filter((r) => r.scenario === scenario).map((r) => r.metrics.find((m) => m.metric === metric)?.value ?? null);
    const backlog = values('slow-ferry', 'network.backlog_feu') as number[];
    const row = run.summary.find((s) => s.scenario === 'slow-ferry' && s.metric === 'network.backlog_feu');
    expect(row?.mean).toBeCloseTo(mean(backlog), 9);
    expect(row?.sd).toBeCloseTo(sampleStandardDeviation(backlog), 9);
    // Pairs by replication, skipping replications where either side is undefined (nothing delivered).
    const transitBase = values('base', 'route.middle.transit_mean_h');
    const differences = values('slow-ferry', 'route.middle.transit_mean_h').flatMap((v, i) => {
      const b = transitBase[i];
      return v === null || b === null || b === undefined ? [] : [v - b];
    });
    const comparison = run.comparison.find((c) => c.metric === 'route.middle.transit_mean_h');
    expect(comparison?.n).toBe(differences.length);
    expect(comparison?.meanDifference).toBeCloseTo(mean(differences), 9);
    // A third of the ferry capacity makes the Middle Corridor clearly slower, under common random numbers.
    expect(comparison?.ci95Low).toBeGreaterThan(0);
  });

  it('gives the same records with 1 worker as with 2, and runs a shard alone', async () => {
    const [one, two, shard] = await Promise.all([
      runExperiment(small, { workers: 1 }),
      runExperiment(small, { workers: 2 }),
      runExperiment(small, { workers: 1, shard: { index: 2, count: 2 } }),
    ]);
    expect(one.records).toEqual(two.records);
    expect(one.summary).toEqual(two.summary);
    expect(shard.records).toEqual(one.records.filter((r) => r.replication % 2 === 1));
  });

  it('checks options, models and metric patterns before running anything', async () => {
    await expect(runExperiment(small, { workers: 0 })).rejects.toThrow('option --workers: got 0, expected an integer >= 1');
    const typo = defineExperiment({
      name: 'typo',
      model: 'tests/corridor/fixtures/small-corridor.yaml',
      scenarios: [{ id: 'a' }],
      replications: 1,
      warmup: { days: 0 },
      horizon: { days: 1 },
      seed: 1,
      metrics: ['route.**', 'stage.*.utilisation'],
    });
    await expect(runExperiment(typo)).rejects.toThrow(ExperimentError);
    await expect(runExperiment(typo)).rejects.toThrow('metrics: "stage.*.utilisation" matches no metric of this experiment');
    const missing = defineExperiment({ name: 'missing', model: 'models/none.yaml', scenarios: [{ id: 'a' }], replications: 1, warmup: { days: 0 }, horizon: { days: 1 }, seed: 1 });
    await expect(runExperiment(missing, { out: tempRoot() })).rejects.toThrow('scenario "a": model does not load (1 error):\nmodels/none.yaml');
  });
});

describe('merge, in process', () => {
  it('refuses a folder whose journal is damaged, naming file and line', async () => {
    const out = tempRoot();
    const run = await runExperiment(withOverrides(small, { replications: 2 }), { out, runId: 'r', workers: 1 });
    const dir = path.join(out, 'tiny', 'r');
    expect(run.status).toBe('complete');
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true);
    const lines = readFileSync(path.join(dir, 'journal.ndjson'), 'utf8').split('\n');
    writeFileSync(path.join(dir, 'journal.ndjson'), ['garbage', ...lines].join('\n'));
    expect(() => mergeRuns({ dirs: [dir], out })).toThrow(`${path.join(dir, 'journal.ndjson')}:1: damaged journal line (not JSON)`);
  });
});
