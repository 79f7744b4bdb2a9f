/**
 * batch-means.csv (output-analysis/single-run-batch-means.ts): only for one replication per
 * scenario; the stated batch-count rule (52 weeks start at 26 batches of 2 weeks, not 40 of 1);
 * the numbers are src/stats' batchMeansInterval; the lag-1 check flags a strongly autocorrelated
 * series; and on weekly AR(1) series with a known mean the intervals cover it near 95%.
 */
import { describe, expect, it } from 'vitest';
import { defineExperiment, withOverrides, type ReplicationRecord } from '../../../src/experiments/index.ts';
import type { SeriesValues } from '../../../src/experiments/series.ts';
import { BATCH_MEANS_COLUMNS, batchMeansRows, batchMeansTexts } from '../../../src/experiments/output-analysis/single-run-batch-means.ts';
import { batchMeansInterval } from '../../../src/stats/batch-means.ts';
import { clopperPearson } from '../../stats/binomial.ts';
import { standardNormal, testStream } from '../../stats/samplers.ts';

const one = defineExperiment({ name: 'one', model: 'm.yaml', scenarios: [{ id: 'a' }], replications: 1, warmup: { days: 0 }, horizon: { days: 364 }, seed: 1 });

/** AR(1) around `mean`: x_t = mean + φ(x_{t−1} − mean) + ε, ε ~ N(0, 1), started in steady state. */
function ar1(name: string, weeks: number, phi: number, mean: number): number[] {
  const rng = testStream(name);
  let x = standardNormal(rng) / Math.sqrt(1 - phi * phi);
  return Array.from({ length: weeks }, () => (x = phi * x + standardNormal(rng)) + mean);
}

function record(series: SeriesValues[], metrics = ['route.r.feu_per_week', 'stage.s.mean_queue_feu', 'stage.t.mean_queue_feu']): ReplicationRecord {
  return { scenario: 'a', replication: 0, seed: 0, metrics: metrics.map((metric) => ({ metric, value: 1 })), series };
}

describe('batch means for one replication per scenario', () => {
  it('follows the stated batch-count rule and gives src/stats numbers; flags a series that fails the lag-1 check', () => {
    const weekly = ar1('batch-means/white', 52, 0, 50);
    const slow = ar1('batch-means/slow', 52, 0.97, 10);
    const rows = batchMeansRows(one, [record([
      { series: 'route_weekly_feu', key: 'r', values: weekly },
      { series: 'route_transit_h', key: 'r', values: weekly.slice(0, 21) }, // quantiles, not a time series
      { series: 'stage_weekly_queue_feu', key: 's', values: slow },
      { series: 'stage_weekly_queue_feu', key: 't', values: weekly.slice(0, 9) }, // under 10 weeks
      { series: 'stage_weekly_queue_feu', key: 'u', values: weekly }, // metric not kept by the run
    ])]);
    expect(rows.map((r) => r.metric)).toEqual(['route.r.feu_per_week', 'stage.s.mean_queue_feu']);
    const [route, stage] = rows;
    const expected = batchMeansInterval(weekly, { batches: 26, minBatches: 10, maxLag1: 0.2 });
    expect(route).toMatchObject({ weeks: 52, batches: expected.batchCount, batchWeeks: expected.batchSize, skippedWeeks: 0, mean: expected.mean, low: expected.lower, high: expected.upper });
    expect([26, 13]).toContain(route?.batches);
    expect(route?.lag1Passed).toBe(expected.lag1 <= 0.2);
    // φ = 0.97 (correlation time ~ 65 weeks): no batch count of a year gets the batch means independent.
    expect(stage).toMatchObject({ batches: 13, batchWeeks: 4, lag1Passed: false });
    expect(batchMeansTexts(one, [record([{ series: 'route_weekly_feu', key: 'r', values: weekly }])])[0]?.text.split('\r\n')[0]).toBe(BATCH_MEANS_COLUMNS.join(','));
  });

  it('writes nothing when there are replications to compute intervals from', () => {
    const records = [record([{ series: 'route_weekly_feu', key: 'r', values: ar1('batch-means/two', 52, 0, 5) }])];
    expect(batchMeansTexts(withOverrides(one, { replications: 2 }), records)).toEqual([]);
    expect(batchMeansRows(withOverrides(one, { replications: 2 }), records)).toEqual([]);
  });

  it('covers the known mean of weekly AR(1) series (φ = 0.3) near 95%', () => {
    const trials = 200;
    let covered = 0;
    for (let i = 0; i < trials; i++) {
      const [row] = batchMeansRows(one, [record([{ series: 'route_weekly_feu', key: 'r', values: ar1(`batch-means/coverage/${i}`, 52, 0.3, 100) }], ['route.r.feu_per_week'])]);
      if (row !== undefined && row.low <= 100 && 100 <= row.high) covered++;
    }
    const { lower, upper } = clopperPearson(covered, trials);
    expect(lower, `${covered}/${trials}`).toBeLessThanOrEqual(0.95);
    expect(upper, `${covered}/${trials}`).toBeGreaterThanOrEqual(0.9);
  });
});
