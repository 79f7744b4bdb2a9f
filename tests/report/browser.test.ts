/**
 * The report as a person sees it: report.html opened in headless Chromium (Debian's package,
 * driven by playwright-core, so nothing is downloaded). Every chart must have rendered with axes
 * and data marks, the console must stay free of errors, nothing may be fetched but the page
 * itself, and a screenshot is kept for a human to look at. Skipped, with the reason, where no
 * Chromium is installed (.ci/run installs it).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.ts';
import { runFixture } from './fixtures/run-fixture.ts';

const CHROMIUM = process.env.CORRIDOR_SIM_CHROMIUM ?? '/usr/bin/chromium';
const browserPresent = existsSync(CHROMIUM);
if (!browserPresent) {
  process.stderr.write(`tests/report/browser.test.ts: SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium package, as .ci/run does, or set CORRIDOR_SIM_CHROMIUM)\n`);
}

/** What the page reports about one chart. */
interface ChartCheck {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly axes: number;
  readonly axisLabels: number;
  readonly marks: number;
  readonly markChildren: number;
}

describe('report.html in a browser', () => {
  it.skipIf(!browserPresent)('renders every chart with axes and data marks, no console errors, no requests, and saves a screenshot', async () => {
    const runDir = await runFixture('browser');
    const written = await writeReport(runDir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      // A fresh profile for this test alone.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      const url = pathToFileURL(written.html).href;
      await page.goto(url, { waitUntil: 'load' });

      const charts: ChartCheck[] = await page.$$eval('section.chart', (sections) =>
        sections.map((section) => {
          const svg = section.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          const marks = [...(svg?.querySelectorAll('.role-mark') ?? [])];
          return {
            id: section.id,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            axes: svg?.querySelectorAll('.role-axis').length ?? 0,
            axisLabels: [...(svg?.querySelectorAll('.role-axis-label text') ?? [])].filter((t) => (t.textContent ?? '').trim() !== '').length,
            marks: marks.length,
            markChildren: marks.reduce((n, m) => n + m.childElementCount, 0),
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(['heatmap', 'ranking', 'queue', 'transit', 'map', 'throughput']);
      for (const chart of charts) {
        expect(chart.width, chart.id).toBeGreaterThan(300);
        expect(chart.height, chart.id).toBeGreaterThan(150);
        // The map is drawn without Vega (src/report/world-map): no axes; checked below.
        if (chart.id === 'map') continue;
        expect(chart.axes, `${chart.id}: axes`).toBeGreaterThanOrEqual(2);
        expect(chart.axisLabels, `${chart.id}: axis labels`).toBeGreaterThan(4);
        expect(chart.marks, `${chart.id}: mark groups`).toBeGreaterThan(0);
        expect(chart.markChildren, `${chart.id}: drawn marks`).toBeGreaterThan(2);
      }
      const tableRows = await page.$$eval('table.comparison tbody tr', (rows) => rows.length);
      expect(tableRows).toBeGreaterThan(4);
      // The answer first, with intervals; the transit quantiles under their chart; hover values on marks.
      expect(await page.$$eval('section#answer table.answer tbody tr', (rows) => rows.length)).toBeGreaterThan(1);
      expect(await page.$$eval('section#transit table.transit tbody tr', (rows) => rows.length)).toBeGreaterThan(1);
      expect(await page.$$eval('section.chart svg .role-mark title', (titles) => titles.length)).toBeGreaterThan(20);
      // The map: country shapes from the shipped atlas, every leg and node drawn with a hover title.
      const map = await page.$eval('section#map svg', (svg) => ({
        countries: [...svg.querySelectorAll('path.country')].filter((p) => p.getBoundingClientRect().width > 0).length,
        legs: svg.querySelectorAll('g.leg').length,
        legTitles: svg.querySelectorAll('g.leg > title').length,
        nodes: svg.querySelectorAll('g.node').length,
        nodeTitles: svg.querySelectorAll('g.node > title').length,
      }));
      expect(map.countries, 'map: country shapes').toBeGreaterThan(30);
      expect(map.legs, 'map: legs').toBeGreaterThan(3);
      expect(map.legTitles).toBe(map.legs);
      expect(map.nodes, 'map: nodes').toBeGreaterThan(3);
      expect(map.nodeTitles).toBe(map.nodes);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);

      const shot = path.join(mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-report-shot-')), 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(existsSync(shot)).toBe(true);
      process.stderr.write(`report screenshot: ${shot}\n`);
      const mapShot = path.join(path.dirname(shot), 'map.png');
      await page.locator('section#map').screenshot({ path: mapShot });
      expect(existsSync(mapShot)).toBe(true);
      process.stderr.write(`map screenshot: ${mapShot}\n`);
    } finally {
      await browser.close();
    }
  });
});
