/**
 * Summary and comparison numbers against simple-statistics computed directly from the
 * replication values, and the independence of the output bytes from record order.
 */
import { mean, quantile, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { compare, orderRecords, summarize } from '../../src/experiments/assemble.ts';
import { defineExperiment } from '../../src/experiments/index.ts';
import type { ReplicationRecord } from '../../src/experiments/journal.ts';
import { outputString, outputTexts } from '../../src/experiments/outputs.ts';

const experiment = defineExperiment({
  name: 'synthetic',
  model: 'm.yaml',
  scenarios: [{ id: 'base' }, { id: 'alt' }],
  replications: 6,
  warmup: { days: 0 },
  horizon: { days: 1 },
  seed: 1,
});
// Student-t quantiles t(0.975, df) for df = 5 and 4 (tables; Law 2015, Table T.1).
const T975 = { 5: 2.570581835636314, 4: 2.776445105197799 } as const;

const base = [10, 12, 9, 11, 14, 10];
const alt = [9, 11, null, 10, 12, 9.5];
const records: ReplicationRecord[] = [...base.map((v, r) => ['base', r, v] as const), ...alt.map((v, r) => ['alt', r, v] as const)].map(([scenario, replication, value]) => ({
  scenario,
  replication,
  seed: replication,
  metrics: [
    { metric: 'x_h', value },
    { metric: 'never', value: null },
  ],
}));
const ordered = orderRecords(experiment, records);

describe('summary', () => {
  const rows = summarize(experiment, ordered);

  it('matches simple-statistics: mean, sd, t interval, type-7 percentiles', () => {
    const row = rows.find((r) => r.scenario === 'base' && r.metric === 'x_h');
    const half = (T975[5] * sampleStandardDeviation(base)) / Math.sqrt(6);
    expect(row?.n).toBe(6);
    expect(row?.mean).toBeCloseTo(mean(base), 12);
    expect(row?.sd).toBeCloseTo(sampleStandardDeviation(base), 12);
    expect(row?.ci95Low).toBeCloseTo(mean(base) - half, 9);
    expect(row?.ci95High).toBeCloseTo(mean(base) + half, 9);
    expect(row?.p50).toBeCloseTo(quantile(base, 0.5), 12);
    expect(row?.p95).toBeCloseTo(quantile(base, 0.95), 12);
  });

  it('leaves undefined values out, and reports a metric never defined with n = 0', () => {
    const defined = alt.filter((v): v is number => v !== null);
    const row = rows.find((r) => r.scenario === 'alt' && r.metric === 'x_h');
    expect(row?.n).toBe(5);
    expect(row?.mean).toBeCloseTo(mean(defined), 12);
    expect(row?.ci95High).toBeCloseTo(mean(defined) + (T975[4] * sampleStandardDeviation(defined)) / Math.sqrt(5), 9);
    expect(rows.find((r) => r.scenario === 'alt' && r.metric === 'never')).toEqual({ scenario: 'alt', metric: 'never', n: 0, mean: null, sd: null, ci95Low: null, ci95High: null, p50: null, p95: null });
    expect(rows.map((r) => `${r.scenario} ${r.metric}`)).toEqual(['base x_h', 'base never', 'alt x_h', 'alt never']);
  });
});

describe('comparison', () => {
  it('pairs replications (skipping those undefined on either side) and matches simple-statistics', () => {
    const [row] = compare(experiment, ordered);
    const pairs = [0, 1, 3, 4, 5];
    const a = pairs.map((r) => base[r] as number);
    const b = pairs.map((r) => alt[r] as number);
    const d = b.map((v, i) => v - (a[i] as number));
    const half = (T975[4] * sampleStandardDeviation(d)) / Math.sqrt(5);
    expect(row).toMatchObject({ scenario: 'alt', baseline: 'base', metric: 'x_h', n: 5 });
    expect(row?.baselineMean).toBeCloseTo(mean(a), 12);
    expect(row?.scenarioMean).toBeCloseTo(mean(b), 12);
    expect(row?.meanDifference).toBeCloseTo(mean(d), 12);
    expect(row?.ci95Low).toBeCloseTo(mean(d) - half, 9);
    expect(row?.ci95High).toBeCloseTo(mean(d) + half, 9);
    expect(row?.relativeChange).toBeCloseTo((mean(b) - mean(a)) / mean(a), 12);
  });
});

describe('output files', () => {
  it('are the same bytes whatever order the records finished in', () => {
    const texts = (list: readonly ReplicationRecord[]): string[] => {
      const o = orderRecords(experiment, list);
      return outputTexts(o, summarize(experiment, o), compare(experiment, o)).map(outputString);
    };
    const reference = texts(records);
    for (let k = 1; k < 5; k++) {
      const shuffled = [...records].sort((x, y) => ((x.replication * 7 + k * (x.scenario === 'alt' ? 3 : 5)) % 11) - ((y.replication * 7 + k * (y.scenario === 'alt' ? 3 : 5)) % 11));
      expect(texts(shuffled)).toEqual(reference);
    }
    expect(reference[0]?.split('\r\n').slice(0, 3)).toEqual(['scenario,replication,seed,metric,value', 'base,0,0,x_h,10', 'base,0,0,never,']);
    expect(reference[2]?.split('\r\n')[0]).toBe('scenario,baseline,metric,n,baseline_mean,scenario_mean,mean_difference,ci95_low,ci95_high,relative_change');
  });
});
