/**
 * One-at-a-time sensitivity on the small test corridor through runExperiment: the Caspian
 * ferry's capacity (load factor 0.3 vs 1) must rank above Baku's crane count (1 vs 3 servers at
 * a terminal handling ~24 FEU a day in 0.1-0.3 h each, which never binds), with the paired
 * (same-seed) Student-t intervals recomputed here from the replication records; and
 * sensitivity.csv is written into the run folder and listed in the manifest, and the report
 * shows the tornado chart.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/experiments/index.ts';
import { defineSensitivity, SENSITIVITY_COLUMNS } from '../../../src/experiments/sensitivity/index.ts';
import { studentTQuantile } from '../../../src/stats/student-t.ts';
import { writeReport } from '../../../src/report/index.ts';
import { tempRoot } from '../cli-helpers.ts';

const OUTPUT = 'route.middle.transit_mean_h';

const experiment = defineSensitivity({
  name: 'oat-small',
  model: 'tests/corridor/fixtures/small-corridor.yaml',
  replications: 3,
  warmup: { days: 5 },
  horizon: { days: 40 },
  seed: 11,
  metrics: ['route.middle.**'],
  sensitivity: {
    method: 'oat',
    factors: {
      'baku-servers': { path: 'nodes.baku.handling.servers', low: 1, high: 3, baseline: 1, integer: true, unit: 'cranes' },
      'ferry-load': { path: 'legs.caspian.loadFactor', low: 0.3, high: 1, baseline: 0.8, label: 'Caspian ferry load factor', unit: '0-1' },
    },
    outputs: [OUTPUT, 'route.middle.feu_per_week'],
  },
});

describe('OAT sensitivity through runExperiment', () => {
  it('ranks the ferry above a crane count that never binds, with paired-t intervals, and writes sensitivity.csv', async () => {
    expect(experiment.scenarios.map((s) => s.id)).toEqual(['baseline', 'baku-servers-low=1', 'baku-servers-high=3', 'ferry-load-low=0.3', 'ferry-load-high=1']);
    const out = tempRoot();
    const run = await runExperiment(experiment, { workers: 2, out, runId: 'oat' });
    expect(run.status).toBe('complete');
    const dir = run.runDir as string;
    const text = readFileSync(path.join(dir, 'sensitivity.csv'), 'utf8');
    const [header, ...lines] = text.trimEnd().split('\r\n');
    expect(header).toBe(SENSITIVITY_COLUMNS.join(','));
    expect(lines).toHaveLength(2 * 2 * 3); // outputs x factors x statistics
    expect(run.manifest?.outputs.map((o) => o.file)).toContain('sensitivity.csv');

    const rows = lines.map((l) => l.split(','));
    const transit = rows.filter((r) => r[1] === OUTPUT);
    // Tornado order: the ferry first (by |high - low|).
    expect(transit.map((r) => `${r[2]}:${r[3]}`)).toEqual([
      'ferry-load:low_minus_baseline', 'ferry-load:high_minus_baseline', 'ferry-load:high_minus_low',
      'baku-servers:low_minus_baseline', 'baku-servers:high_minus_baseline', 'baku-servers:high_minus_low',
    ]);
    const cell = (factor: string, statistic: string, column: number): number => Number(transit.find((r) => r[2] === factor && r[3] === statistic)?.[column]);
    const ferry = cell('ferry-load', 'high_minus_low', 4);
    const baku = cell('baku-servers', 'high_minus_low', 4);
    expect(ferry).toBeLessThan(0); // more usable ferry capacity, faster
    expect(Math.abs(ferry)).toBeGreaterThan(10 * Math.abs(baku));
    // The baseline sets Baku to 1 server, so its low end is the baseline itself: a zero effect under CRN.
    expect(cell('baku-servers', 'low_minus_baseline', 4)).toBe(0);

    // The interval is the paired t over replications, recomputed from the records.
    const values = (scenario: string): number[] => run.records.filter((r) => r.scenario === scenario).map((r) => r.metrics.find((m) => m.metric === OUTPUT)?.value as number);
    const low = values('ferry-load-low=0.3');
    const d = values('ferry-load-high=1').map((v, i) => v - (low[i] as number));
    const half = (studentTQuantile(0.975, d.length - 1) * sampleStandardDeviation(d)) / Math.sqrt(d.length);
    expect(ferry).toBeCloseTo(mean(d), 9);
    expect(cell('ferry-load', 'high_minus_low', 5)).toBeCloseTo(mean(d) - half, 9);
    expect(cell('ferry-load', 'high_minus_low', 6)).toBeCloseTo(mean(d) + half, 9);
    expect(cell('ferry-load', 'high_minus_low', 7)).toBe(3);

    // The report gains the tornado chart: bars for both ends of both factors, labelled with the unit.
    const report = await writeReport(dir);
    const svgFile = path.join(dir, 'report', 'sensitivity-tornado.svg');
    expect(report.svgs).toContain(svgFile);
    expect(existsSync(svgFile)).toBe(true);
    const html = readFileSync(report.html, 'utf8');
    expect(html).toContain('id="sensitivity-tornado"');
    expect(html).toContain('Caspian ferry load factor (0.3–1 0-1)');
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg.match(/aria-roledescription="bar"/g)?.length).toBe(8); // 2 outputs x 2 factors x 2 ends
    rmSync(out, { recursive: true, force: true });
  });
});
