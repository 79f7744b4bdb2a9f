/**
 * The series channel: what a replication contributes, how it round-trips through the journal,
 * and the tidy rows of series.csv; end to end through the worker threads with 1 and 2 workers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSIT_QUANTILE_LEVELS, type ReplicationResult, type RouteResult, type StageResult } from '../../src/corridor/runtime/result.ts';
import { compare, orderRecords, summarize } from '../../src/experiments/assemble.ts';
import { defineExperiment, runExperiment, withOverrides } from '../../src/experiments/index.ts';
import { journalLineText, JournalWriter, readJournal, type ReplicationRecord } from '../../src/experiments/journal.ts';
import { outputString, outputTexts, seriesCsv } from '../../src/experiments/outputs.ts';
import { csvText } from '../../src/output/csv.ts';
import fc from 'fast-check';
import { replicationSeries, seriesX } from '../../src/experiments/series.ts';
import tiny from './fixtures/tiny.ts';
import { tempRoot } from './cli-helpers.ts';

const route = (id: string, weekly: number[], quantiles: number[]): RouteResult =>
  ({ id, name: id, mode: 'other', entered: 0, delivered: 0, feuPerWeek: 0, weekly, transit: { count: 0, mean: 0, p10: 0, p50: 0, p90: 0, p95: 0, max: 0, quantiles } }) satisfies RouteResult;
const stage = (id: string, dailyQueue: number[]): StageResult =>
  ({ id, name: id, kind: 'terminal', feuPerWeek: 0, containers: 0, meanWaitHours: 0, meanServiceHours: 0, meanQueueFeu: 0, maxQueueFeu: 0, utilization: 0, totalWaitHours: 0, waitShare: 0, dailyQueue, closedShare: 0, phases: {}, backgroundFeuPerWeek: 0, backgroundMeanWaitHours: 0, assumedNonBinding: false, bindingWarning: false }) satisfies StageResult;

const result: ReplicationResult = {
  model: 'm',
  seed: 1,
  warmupHours: 0,
  horizonHours: 24 * 15,
  events: 0,
  containers: { entered: 0, delivered: 0, inSystem: 0 },
  meanInSystem: 0,
  routes: [route('r1', [3, 4], TRANSIT_QUANTILE_LEVELS.map((p) => 100 * p)), route('r2', [0, -0], TRANSIT_QUANTILE_LEVELS.map(() => Number.NaN))],
  // 15 days: two complete weeks, the 15th day is dropped.
  stages: [stage('s1', [1, 1, 1, 1, 1, 1, 8, 0, 0, 0, 0, 0, 0, 7, 99])],
  bottlenecks: [],
  flows: [],
};

describe('replication series', () => {
  it('keeps weekly route FEU, transit quantiles and the weekly mean of each stage daily queue, canonically', () => {
    const series = replicationSeries(result);
    expect(series.map((s) => `${s.series}/${s.key}`)).toEqual(['route_weekly_feu/r1', 'route_weekly_feu/r2', 'route_transit_h/r1', 'route_transit_h/r2', 'stage_weekly_queue_feu/s1']);
    expect(series[1]?.values).toEqual([0, 0]);
    expect(Object.is(series[1]?.values[1], -0)).toBe(false);
    expect(series[3]?.values.every((v) => v === null)).toBe(true);
    expect(series[4]?.values).toEqual([2, 1]);
    expect(seriesX('route_transit_h', 0)).toBe(0.01);
    expect(seriesX('route_transit_h', 20)).toBe(0.99);
    expect(seriesX('stage_weekly_queue_feu', 3)).toBe(3);
  });

  it('round-trips through the journal exactly, and a record without series has no series key', () => {
    const file = path.join(tempRoot(), 'journal.ndjson');
    const withSeries: ReplicationRecord = { scenario: 'base', replication: 0, seed: 7, metrics: [{ metric: 'x_h', value: 1 }], series: replicationSeries(result) };
    const without: ReplicationRecord = { scenario: 'base', replication: 1, seed: 8, metrics: [{ metric: 'x_h', value: 2 }] };
    const writer = new JournalWriter(file);
    writer.append(withSeries);
    writer.append(without);
    writer.close();
    expect(readJournal(file).records).toEqual([withSeries, without]);
    expect(journalLineText(without)).toMatch(/^\{"scenario":"base","replication":1,"seed":8,"metrics":\{"x_h":2\},"digest":"[0-9a-f]{64}"\}$/);
  });

  it('reports a damaged series entry by file and line', () => {
    const file = path.join(tempRoot(), 'journal.ndjson');
    writeFileSync(file, '{"scenario":"a","replication":0,"seed":1,"metrics":{},"series":[{"series":"nope","key":"k","values":[]}]}\n');
    expect(() => readJournal(file)).toThrow(`${file}:1: damaged journal line (expected series entries with series, key and values)`);
  });

  it('writes series.csv in tidy long form: scenario, replication, series, key, x, value', () => {
    const experiment = defineExperiment({ name: 's', model: 'm.yaml', scenarios: [{ id: 'base' }], replications: 2, warmup: { days: 0 }, horizon: { days: 1 }, seed: 1 });
    const records: ReplicationRecord[] = [1, 0].map((replication) => ({ scenario: 'base', replication, seed: replication, metrics: [], series: replicationSeries(result) }));
    const ordered = orderRecords(experiment, records);
    const texts = outputTexts(ordered, summarize(experiment, ordered), compare(experiment, ordered));
    const csv = texts.find((t) => t.file === 'series.csv');
    const lines = csv === undefined ? [] : outputString(csv).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['scenario,replication,series,key,x,value', 'base,0,route_weekly_feu,r1,0,3', 'base,0,route_weekly_feu,r1,1,4']);
    expect(lines).toContain('base,0,route_transit_h,r1,0.05,5');
    expect(lines).toContain('base,1,route_transit_h,r2,0.99,');
    expect(lines).toContain('base,1,stage_weekly_queue_feu,s1,1,1');
    expect(csv?.rows).toBe(2 * (2 + 2 + 21 + 21 + 2));
  });
});

describe('series through the worker threads', () => {
  it('are the same with 1 and 2 workers, and reach series.csv and the manifest', async () => {
    const small = withOverrides(tiny, { replications: 2 });
    const out = tempRoot();
    const [one, two] = await Promise.all([runExperiment(small, { workers: 1, out, runId: 'one' }), runExperiment(small, { workers: 2, out, runId: 'two' })]);
    expect(one.records).toEqual(two.records);
    const first = one.records[0];
    // small-corridor: 2 routes, 6 nodes + 4 legs; 60 days measured = 8 complete weeks.
    expect(first?.series?.map((s) => `${s.series}/${s.key}/${s.values.length}`).slice(0, 4)).toEqual([
      'route_weekly_feu/middle/8', 'route_weekly_feu/suez/8', 'route_transit_h/middle/21', 'route_transit_h/suez/21',
    ]);
    expect(first?.series?.filter((s) => s.series === 'stage_weekly_queue_feu')).toHaveLength(10);
    const csv = (runId: string): string => readFileSync(path.join(out, 'tiny', runId, 'series.csv'), 'utf8');
    expect(csv('one')).toBe(csv('two'));
    expect(csv('one').split('\r\n')).toHaveLength(1 + 3 * 2 * (2 * 8 + 2 * 21 + 10 * 8) + 1);
    const manifest = JSON.parse(readFileSync(path.join(out, 'tiny', 'one', 'manifest.json'), 'utf8')) as { outputs: { file: string; rows: number }[] };
    expect(manifest.outputs.find((o) => o.file === 'series.csv')?.rows).toBe(3 * 2 * (2 * 8 + 2 * 21 + 10 * 8));
  });
});

describe('series.csv bytes', () => {
  it('seriesCsv writes what csvText writes from one row per point, whether or not an id needs quotes', () => {
    // The oracle: the tidy rows built one array per point, through the general writer.
    const viaRows = (records: readonly ReplicationRecord[]): string =>
      csvText(['scenario', 'replication', 'series', 'key', 'x', 'value'], records.flatMap((r) => (r.series ?? []).flatMap((s) => s.values.map((v, i) => [r.scenario, r.replication, s.series, s.key, seriesX(s.series, i), v]))));
    const id = fc.string({ unit: fc.constantFrom('a', 'b', '-', ',', '"', '\n'), minLength: 1, maxLength: 4 });
    const values = fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 5 });
    const series = fc.record({ series: fc.constantFrom('route_weekly_feu', 'route_transit_h', 'stage_weekly_queue_feu'), key: id, values });
    const record = fc.record({ scenario: id, replication: fc.nat(40), seed: fc.nat(), metrics: fc.constant([]), series: fc.array(series, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 4 }), (records) => {
        const ordered = records as unknown as ReplicationRecord[];
        const { pieces, rows } = seriesCsv(ordered);
        const text = [...pieces()].join('');
        expect(text).toBe(viaRows(ordered));
        expect(rows).toBe(ordered.reduce((n, r) => n + (r.series ?? []).reduce((m, s) => m + s.values.length, 0), 0));
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
