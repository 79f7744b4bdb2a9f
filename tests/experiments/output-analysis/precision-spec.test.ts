/**
 * The precision grammar (output-analysis/precision-spec.ts): `--precision 5%[:metrics]` and
 * absolute targets with units, the experiment-file form, and the checks against the metrics an
 * experiment records (unit mismatch, unmatched pattern, maximum below the first batch).
 */
import { describe, expect, it } from 'vitest';
import { defineExperiment } from '../../../src/experiments/index.ts';
import { patternRegExp } from '../../../src/experiments/metrics.ts';
import {
  DEFAULT_PRECISION_METRICS, metricUnit, parsePrecisionOption, precisionFromInput, precisionProblems, type PrecisionSpec,
} from '../../../src/experiments/output-analysis/precision-spec.ts';

const spec = (text: string, max = 100): PrecisionSpec => {
  const parsed = parsePrecisionOption(text, max);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const matches = (pattern: string, metric: string): boolean => patternRegExp(pattern).test(metric);

describe('precision targets', () => {
  it('reads N% as a relative half-width, N with a unit as an absolute one (days as hours), and named metrics', () => {
    expect(spec('5%')).toMatchObject({ kind: 'relative', value: 0.05, unit: null, metrics: DEFAULT_PRECISION_METRICS, maxReplications: 100, batch: 5 });
    expect(spec('2.5%:route.a.transit_mean_h,stage.*.mean_wait_h', 40)).toMatchObject({ value: 0.025, metrics: ['route.a.transit_mean_h', 'stage.*.mean_wait_h'], maxReplications: 40 });
    expect(spec('2d:route.a.transit_mean_h')).toMatchObject({ target: '2d', kind: 'absolute', value: 48, unit: 'h' });
    expect(spec('6h')).toMatchObject({ kind: 'absolute', value: 6, unit: 'h' });
    expect(spec('10feu:network.backlog_feu')).toMatchObject({ value: 10, unit: 'feu' });
    expect(spec('3FEU/week:mode.*.feu_per_week')).toMatchObject({ value: 3, unit: 'feu/week' });
  });

  it('says what was expected for a bad target or metric list', () => {
    expect(parsePrecisionOption('0%')).toBe('a percentage above 0 and below 100');
    expect(parsePrecisionOption('100%')).toBe('a percentage above 0 and below 100');
    expect(parsePrecisionOption('0h')).toBe('a half-width above 0');
    expect(parsePrecisionOption('0.05')).toMatch(/^a unit after 0\.05 \(h, d, feu, feu\/week\), or % for a relative target$/);
    expect(parsePrecisionOption('5 percent')).toMatch(/^a target such as 5%/);
    expect(parsePrecisionOption('5%:')).toMatch(/comma-separated metric names/);
    expect(parsePrecisionOption('5%:a,,b')).toMatch(/comma-separated metric names/);
    expect(parsePrecisionOption('5%:route/x')).toMatch(/not "route\/x"/);
  });

  it('has the unit of a metric from its name', () => {
    expect(metricUnit('route.a.transit_mean_h')).toBe('h');
    expect(metricUnit('network.backlog_feu')).toBe('feu');
    expect(metricUnit('mode.northern.feu_per_week')).toBe('feu/week');
    expect(metricUnit('stage.aktau.utilization')).toBeNull();
  });

  it('refuses a unit that does not fit, a pattern that matches nothing, a maximum below the first batch', () => {
    const kept = ['route.a.transit_mean_h', 'route.a.feu_per_week', 'stage.s.utilization'];
    expect(precisionProblems(spec('5%:route.*.*'), kept, 10, matches)).toEqual([]);
    expect(precisionProblems(spec('2h:route.a.*'), kept, 10, matches)).toEqual(['precision: target 2h is in hours, but route.a.feu_per_week is in FEU per week']);
    expect(precisionProblems(spec('1feu/week:stage.s.utilization'), kept, 10, matches)[0]).toMatch(/is a fraction \(use a relative target/);
    expect(precisionProblems(spec('5%:route.b.transit_mean_h'), kept, 10, matches)[0]).toMatch(/"route\.b\.transit_mean_h" matches no metric/);
    expect(precisionProblems(spec('5%', 8), kept, 10, matches)).toEqual(['precision: the maximum (8) is below the first batch of 10 replications']);
    expect(precisionProblems(spec('5%'), kept, 1, matches)[0]).toMatch(/must be at least 2/);
  });

  it('takes an experiment file\'s precision: a number is a fraction of the mean, a string the target grammar', () => {
    expect(precisionFromInput({ target: 0.05 })).toMatchObject({ target: '5%', kind: 'relative', value: 0.05, maxReplications: 100, batch: 5 });
    expect(precisionFromInput({ target: '36h', metrics: ['route.*.transit_mean_h'], maxReplications: 30, batch: 2 })).toMatchObject({ value: 36, maxReplications: 30, batch: 2 });
    expect(precisionFromInput({ target: 5, maxReplications: 1, batch: 0 })).toEqual([
      'precision.target: got 5, expected a fraction above 0 and below 1 (0.05 = ±5%)',
      'precision.maxReplications: got 1, expected an integer >= 2',
      'precision.batch: got 0, expected an integer >= 1',
    ]);
    const base = { name: 'p', model: 'm.yaml', scenarios: [{ id: 'a' }], replications: 10, warmup: { days: 0 }, horizon: { days: 1 }, seed: 1 };
    expect(defineExperiment({ ...base, precision: { target: '5%' } }).precision?.value).toBe(0.05);
    expect(defineExperiment(base).precision).toBeUndefined();
    expect(() => defineExperiment({ ...base, precision: { target: '5' } })).toThrow(/precision\.target: got "5", expected a unit after 5/);
  });
});
