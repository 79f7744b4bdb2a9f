/**
 * writeReport on a real run: the files, a page that loads nothing from anywhere, every chart
 * inlined with its marks, the comparison table; and the refusals (not a run, a shard, a stage
 * the run lacks).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRunFolder, ReportError, reportSpecs, writeReport, type WrittenReport } from '../../src/report/index.ts';
import { fixtureWritten, runFixture } from './fixtures/run-fixture.ts';

/** The charts of the fixture run, in page order (no capacity chart: its scenarios assign nothing by route choice). */
const CHARTS = ['heatmap', 'ranking', 'queue', 'transit', 'map', 'throughput'];

let runDir: string;
let written: WrittenReport;
let html: string;
const warnings: string[] = [];

beforeAll(async () => {
  runDir = await runFixture();
  written = await writeReport(runDir, { onWarning: (m) => warnings.push(m) });
  html = readFileSync(written.html, 'utf8');
}, 120_000);

describe('writeReport', () => {
  it('writes report.html and one standalone SVG per chart in the run folder', () => {
    expect(written.html).toBe(path.join(runDir, 'report.html'));
    expect(written.svgs.map((f) => path.relative(runDir, f))).toEqual(CHARTS.map((c) => path.join('report', `${c}.svg`)));
    for (const file of written.svgs) {
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      // The map is drawn without Vega (src/report/world-map): countries and legs instead of axes and marks.
      if (file.endsWith(`${path.sep}map.svg`)) {
        expect(svg).toContain('class="country"');
        expect(svg).toContain('<g class="leg"');
        continue;
      }
      expect(svg).toContain('role-axis');
      expect(svg).toMatch(/class="mark-(line|symbol|area|text)[^"]*role-mark/);
    }
    expect(warnings).toEqual([]);
  });

  it('is self-contained: no script, no URL, no external font or stylesheet', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<link|@import|@font-face|src=/i);
    // Inline SVG without namespace declarations: HTML puts <svg> in the SVG namespace itself.
    expect(html).not.toContain('xmlns');
  });

  it('inlines every chart, with ids made unique across charts', () => {
    const svgs = html.match(/<svg[\s>]/g) ?? [];
    expect(svgs).toHaveLength(written.svgs.length);
    for (const id of CHARTS) expect(html).toContain(`<section id="${id}" class="chart">`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the header facts and the comparison table with intervals', () => {
    expect(html).toContain('<h1>positioned: report</h1>');
    expect(html).toContain('<th scope="row">seed</th><td>42</td>');
    expect(html).toContain('3 per scenario');
    expect(html).toContain('10 days discarded, then 60 days measured');
    // One column per scenario against the baseline; the Middle Corridor's mean transit in days.
    expect(html).toMatch(/<table class="comparison">.*<th scope="col">vessels=1 − baseline<\/th>/s);
    expect(html).toMatch(/<td class="metric" title="route\.middle\.transit_mean_h">middle: mean transit<\/td><td>days<\/td>/);
    // It opens with the answer: a table with intervals, before the first chart.
    expect(html.indexOf('<section id="answer">')).toBeGreaterThan(0);
    expect(html.indexOf('<section id="answer">')).toBeLessThan(html.indexOf('class="chart"'));
    expect(html).toMatch(/<table class="answer">.*worst bottleneck.*<span class="ci">\[/s);
  });

  it('marks the worst bottleneck on the map and draws the map geographically', () => {
    const run = readRunFolder(runDir);
    const map = reportSpecs(run).specs.find((s) => s.id === 'map');
    const text = JSON.stringify(map?.spec);
    expect(text).toContain('longitude (°E)');
    const share = run.summary.filter((r) => r.scenario === 'base' && r.metric.endsWith('.wait_share')).sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0))[0];
    const worst = share?.metric.split('.')[1] ?? '';
    expect(text).toContain(`bottleneck: ${worst}`);
  });

  it('writes elsewhere with out, and draws the queue at the stages asked for', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-report-out-'));
    const other = await writeReport(runDir, { out, stages: ['aktau', 'dostyk'] });
    expect(other.html).toBe(path.join(out, 'report.html'));
    const queue = readFileSync(path.join(out, 'report', 'queue.svg'), 'utf8');
    expect(queue).toContain('aria-label="Title text \'aktau\'"');
    expect(queue).toContain('aria-label="Title text \'dostyk\'"');
    rmSync(out, { recursive: true, force: true });
  });

  it('takes the CSVs the run has just written from memory, exactly as they are on disk', () => {
    const names = readdirSync(runDir).filter((f) => f.endsWith('.csv'));
    // Files that grow with the replications (or pairs of scenarios) are written in chunks and never held whole.
    const streamed = ['pairs.csv', 'replications.csv', 'series.csv'];
    expect([...fixtureWritten.keys()].sort()).toEqual(names.filter((name) => !streamed.includes(name)).sort());
    for (const name of fixtureWritten.keys()) expect(fixtureWritten.get(name)).toBe(readFileSync(path.join(runDir, name), 'utf8'));
    // Memory first: a series.csv with only its header there means no series, whatever the disk holds.
    const header = `${readFileSync(path.join(runDir, 'series.csv'), 'utf8').split('\r\n')[0]}\r\n`;
    expect(readRunFolder(runDir).series.isEmpty).toBe(false);
    expect(readRunFolder(runDir, new Map([['series.csv', header]])).series.isEmpty).toBe(true);
    const [fromMemory, fromDisk] = [readRunFolder(runDir, fixtureWritten), readRunFolder(runDir)];
    expect(JSON.stringify(fromMemory)).toBe(JSON.stringify(fromDisk));
    expect(JSON.stringify([...fromMemory.series.groups('route_weekly_feu')])).toBe(JSON.stringify([...fromDisk.series.groups('route_weekly_feu')]));
  });

  it('reports a run made before series.csv with the map, the table and a note', async () => {
    const old = path.join(mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-report-old-')), 'run');
    cpSync(runDir, old, { recursive: true });
    rmSync(path.join(old, 'series.csv'));
    rmSync(path.join(old, 'report'), { recursive: true });
    const result = await writeReport(old);
    expect(result.svgs.map((f) => path.basename(f))).toEqual(['heatmap.svg', 'ranking.svg', 'map.svg']);
    const page = readFileSync(result.html, 'utf8');
    expect(page).toContain('This run has no series.csv');
    expect(page).toContain('<table class="comparison">');
    rmSync(path.dirname(old), { recursive: true, force: true });
  });

  it('refuses what is not a complete run, and a stage the run lacks', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-report-bad-'));
    await expect(writeReport(empty)).rejects.toThrow(new ReportError(`${empty}: not a run folder (no manifest.json)`));
    const shard = path.join(empty, 'shard');
    cpSync(runDir, shard, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(shard, 'manifest.json'), 'utf8')) as { kind: string };
    writeFileSync(path.join(shard, 'manifest.json'), JSON.stringify({ ...manifest, kind: 'shard' }));
    await expect(writeReport(shard)).rejects.toThrow('is one shard of a run; merge the shards');
    rmSync(path.join(shard, 'manifest.json'));
    await expect(writeReport(shard)).rejects.toThrow('the run is not complete (no manifest.json)');
    await expect(writeReport(runDir, { out: empty, stages: ['atkau'] })).rejects.toThrow('--stages: atkau is not a stage of this run');
    expect(existsSync(path.join(empty, 'report.html'))).toBe(false);
    rmSync(empty, { recursive: true, force: true });
  });
});
