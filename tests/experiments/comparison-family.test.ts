/**
 * pairs.csv and best.csv (output-analysis/comparison-family.ts): written for >= 3 scenarios only,
 * rows in a fixed order, comparison.csv unchanged, numbers equal to src/stats on the CRN values.
 */
import { describe, expect, it } from 'vitest';
import { runExperiment, withOverrides } from '../../src/experiments/index.ts';
import { assembleOutputs, outputString } from '../../src/experiments/outputs.ts';
import { comparisonFamilyRows, metricDirection } from '../../src/experiments/output-analysis/comparison-family.ts';
import { allPairwiseComparisons, multipleComparisonsWithBest } from '../../src/stats/comparisons.ts';
import tiny from './fixtures/tiny.ts';

const small = withOverrides(tiny, { replications: 4 });

describe('pairs.csv and best.csv', () => {
  it('states the direction rule', () => {
    expect(metricDirection('route.middle.transit_mean_h')).toBe('smaller');
    expect(metricDirection('stage.aktau.mean_queue_feu')).toBe('smaller');
    expect(metricDirection('network.backlog_feu')).toBe('smaller');
    expect(metricDirection('network.mean_in_system_feu')).toBe('smaller');
    expect(metricDirection('route.middle.feu_per_week')).toBe('larger');
    expect(metricDirection('network.delivered_feu')).toBe('larger');
    expect(metricDirection('stage.aktau.utilization')).toBeNull();
    expect(metricDirection('network.entered_feu')).toBeNull();
  });

  it('match src/stats on the paired values, in scenario order, and leave the other files alone', async () => {
    const run = await runExperiment(small, { workers: 2 });
    expect(run.status).toBe('complete');
    const { texts } = assembleOutputs(run.experiment, run.records);
    expect(texts.map((t) => t.file)).toEqual(['replications.csv', 'summary.csv', 'comparison.csv', 'series.csv', 'pairs.csv', 'best.csv']);
    const pairsFile = texts.find((t) => t.file === 'pairs.csv');
    const pairs = pairsFile === undefined ? '' : outputString(pairsFile);
    expect(pairs.split('\r\n')[0]).toBe('metric,scenario_a,scenario_b,n,mean_a,mean_b,mean_difference,bonferroni_low,bonferroni_high,per_pair_confidence,p_value,holm_p_value,holm_significant');

    const metric = 'network.backlog_feu';
    const values = run.experiment.scenarios.map((s) => ({
      name: s.id,
      values: run.records.filter((r) => r.scenario === s.id).map((r) => r.metrics.find((m) => m.metric === metric)?.value as number),
    }));
    const { pairs: rows, best } = comparisonFamilyRows(run.experiment, run.records);
    const mine = rows.filter((r) => r[0] === metric);
    expect(mine.map((r) => `${r[1]}|${r[2]}`)).toEqual(['base|vessels=1', 'base|aktau+1_crane', 'vessels=1|aktau+1_crane']);
    const expected = allPairwiseComparisons(values, 0.95);
    mine.forEach((r, i) => {
      const c = expected.comparisons[i];
      expect(r[6]).toBeCloseTo(c?.meanDifference ?? NaN, 9);
      expect(r[7]).toBeCloseTo(c?.bonferroniLower ?? NaN, 9);
      expect(r[11]).toBeCloseTo(c?.holmPValue ?? NaN, 9);
    });
    const mcb = multipleComparisonsWithBest(values, 'smaller', 0.95);
    const bestRows = best.filter((r) => r[0] === metric);
    expect(bestRows.map((r) => r[2])).toEqual(['base', 'vessels=1', 'aktau+1_crane']);
    expect(bestRows.filter((r) => r[8] === 1).map((r) => r[2])).toEqual(mcb.subset);
    // No direction, no best.csv rows; still pairs.
    expect(best.some((r) => String(r[0]).endsWith('utilization'))).toBe(false);
    expect(rows.some((r) => String(r[0]).endsWith('utilization'))).toBe(true);
  }, 30_000);

  it('are not written for two scenarios', async () => {
    const two = withOverrides(small, { replications: 3 });
    const run = await runExperiment({ ...two, scenarios: two.scenarios.slice(0, 2) }, { workers: 1 });
    const { texts } = assembleOutputs(run.experiment, run.records);
    expect(texts.map((t) => t.file)).toEqual(['replications.csv', 'summary.csv', 'comparison.csv', 'series.csv']);
  }, 30_000);
});
