/**
 * `corridor-sim compare`: all pairs of one run (paired, Bonferroni and Holm), and two runs,
 * paired when they share seeds and replications, Welch otherwise; compare.csv is tidy.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_COLUMNS } from '../../src/cli/compare-runs.ts';
import { parseCsv } from '../../src/report/csv-read.ts';
import { tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { cliInProcess } from './in-process.ts';

const tmp = tempRoot();
const dir = (id: string): string => path.join(tmp, 'tiny', id);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  for (const [id, seed] of [['a', '42'], ['b', '42'], ['c', '7']] as const) {
    const run = await cliInProcess(['run', TINY, '--replications', '3', '--horizon-days', '20', '--seed', seed, '--out', tmp, '--run-id', id, '--quiet', '--workers', '2']);
    expect(run.code, run.stderr).toBe(0);
  }
});

describe('compare', () => {
  it('one run: every scenario pair on every metric, paired-t with Bonferroni intervals and Holm decisions, the correction stated', async () => {
    const result = await cliInProcess(['compare', dir('a')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Bonferroni simultaneous intervals, Holm decisions');
    expect(result.stdout).toMatch(/mean A +mean B +B - A +95% CI +Bonferroni 95% CI +Holm/);
    const [header, ...rows] = parseCsv(readFileSync(path.join(dir('a'), 'compare.csv'), 'utf8'));
    expect(header).toEqual([...COMPARE_COLUMNS]);
    const name = rows.find((r) => r[16]?.includes('Holm') === true)?.[2];
    const metric = rows.filter((r) => r[2] === name);
    expect(metric.map((r) => `${r[0]}|${r[1]}`)).toEqual(['base|vessels=1', 'base|aktau+1_crane', 'vessels=1|aktau+1_crane']);
    for (const r of metric) {
      const [low, high, adjLow, adjHigh] = [r[7], r[8], r[9], r[10]].map(Number);
      expect(adjLow).toBeLessThanOrEqual(low as number);
      expect(adjHigh).toBeGreaterThanOrEqual(high as number);
      expect(r[16]).toContain('Holm');
    }
  });

  it('two runs: paired when seeds and replications match, Welch otherwise, said in the output; --out and --metrics', async () => {
    const out = path.join(tmp, 'ab.csv');
    const paired = await cliInProcess(['compare', dir('a'), dir('b'), '--out', out, '--metrics', 'route.**']);
    expect(paired.code, paired.stderr).toBe(0);
    expect(paired.stdout).toContain('PAIRED by replication: same master seed 42 and 3 replications');
    // Same seeds, same model: every difference is exactly 0.
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[2]).toMatch(/^route\./);
    for (const r of rows.filter((x) => x[6] !== '')) expect(Number(r[6])).toBe(0);
    const welch = await cliInProcess(['compare', dir('a'), dir('c'), '--out', path.join(tmp, 'ac.csv')]);
    expect(welch.code, welch.stderr).toBe(0);
    expect(welch.stdout).toContain('UNPAIRED (Welch) by replication: master seeds differ (42 vs 7)');
    const bad = await cliInProcess(['compare', dir('a'), '--out', path.join(tmp, 'no-such-folder', 'x.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('option --out');
  });
});
