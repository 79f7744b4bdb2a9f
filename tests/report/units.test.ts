/**
 * The report's parts on their own: statistics of the bands, the layout and label placement, the
 * chart specifications, SVG inlining, the comparison table, CSV reading and the model summary.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';
import type { ComparisonRow, SummaryRow } from '../../src/experiments/assemble.ts';
import { averageSeries, meanBand, rankBottlenecks } from '../../src/report/aggregate.ts';
import { describeMetric, formatNumber, keyComparisons } from '../../src/report/comparison-table.ts';
import { parseCsv } from '../../src/report/csv-read.ts';
import { escapeHtml, reportHtml } from '../../src/report/html.ts';
import { labelBox, overlap, placeLabels } from '../../src/report/label-placement.ts';
import { layoutNetwork } from '../../src/report/layout.ts';
import { mapSpec } from '../../src/report/map-spec.ts';
import { formatModelSummary } from '../../src/report/model-summary.ts';
import { hoverTitles, inlineSvg } from '../../src/report/render.ts';
import { type SeriesPoint, SeriesTable } from '../../src/report/series-table.ts';
import { throughputSpec, transitSpec } from '../../src/report/series-specs.ts';
import { bindingWarnings } from '../../src/report/write-report.ts';

const SMALL = 'tests/corridor/fixtures/small-corridor.yaml';

describe('bands across replications', () => {
  it('is the mean with the Student-t 95% interval (t = 4.302653 for n = 3)', () => {
    const values = [10, 14, 9];
    const band = meanBand(values);
    const half = (4.302652729696142 * sampleStandardDeviation(values)) / Math.sqrt(3);
    expect(band.mean).toBeCloseTo(mean(values), 12);
    expect(band.low).toBeCloseTo(mean(values) - half, 9);
    expect(band.high).toBeCloseTo(mean(values) + half, 9);
    expect(meanBand([5])).toEqual({ n: 1, mean: 5, low: 5, high: 5 });
  });

  it('averages a series point by point, leaving missing values out', () => {
    const point = (replication: number, x: number, value: number | null): SeriesPoint => ({ scenario: 'a', replication, series: 'route_weekly_feu', key: 'r', x, value });
    const rows = averageSeries(SeriesTable.fromPoints([point(0, 0, 2), point(1, 0, 4), point(0, 1, null), point(1, 1, 6), point(0, 2, null)]), 'route_weekly_feu');
    expect(rows.map((r) => [r.x, r.n, r.mean])).toEqual([[0, 2, 3], [1, 1, 6]]);
  });

  it('ranks bottlenecks by share of waiting, leaving out stages without waiting', () => {
    const facts = [{ id: 'a', utilization: 0.5, waitShare: 0.1, meanWaitHours: 1 }, { id: 'b', utilization: null, waitShare: 0.6, meanWaitHours: 9 }, { id: 'c', utilization: 0.1, waitShare: 0, meanWaitHours: 0 }];
    expect(rankBottlenecks(facts).map((f) => f.id)).toEqual(['b', 'a']);
  });
});

describe('map', () => {
  it('lays out the shipped model geographically, Europe on the left, and bows the parallel Suez and Cape legs apart', () => {
    const layout = layoutNetwork(loadModel('models/middle-corridor.yaml'));
    expect(layout.geographic).toBe(true);
    const x = (id: string): number => layout.nodes.find((n) => n.id === id)?.x ?? Number.NaN;
    expect(x('rotterdam')).toBeLessThan(x('alat'));
    expect(x('alat')).toBeLessThan(x('khorgos'));
    expect(x('khorgos')).toBeLessThan(x('shanghai'));
    const mid = (id: string): { x: number; y: number } | undefined => layout.legs.find((l) => l.id === id)?.points[1];
    const suez = mid('sea-caimep-rotterdam-suez');
    const cape = mid('sea-caimep-rotterdam-cape');
    expect(Math.hypot((suez?.x ?? 0) - (cape?.x ?? 0), (suez?.y ?? 0) - (cape?.y ?? 0))).toBeGreaterThan(1);
  });

  it('falls back to a schematic layout, origins right, when a node has no position', () => {
    const layout = layoutNetwork(loadModel(SMALL));
    expect(layout.geographic).toBe(false);
    const x = (id: string): number => layout.nodes.find((n) => n.id === id)?.x ?? Number.NaN;
    expect([x('xian'), x('dostyk'), x('aktau'), x('baku')]).toEqual([3, 2, 1, 0]);
    expect(x('shanghai')).toBeGreaterThan(x('rotterdam'));
  });

  it('places crowded labels without overlap when there is room', () => {
    const requests = [0, 1, 2, 3].map((i) => ({ id: `n${i}`, x: 100 + 3 * i, y: 100 + 4 * i, text: 'label', fontSize: 10 }));
    const placed = placeLabels(requests, requests, 400, 400);
    const boxes = requests.map((r) => {
      const p = placed.get(r.id);
      if (p === undefined) throw new Error(`no placement for ${r.id}`);
      return labelBox(r, p);
    });
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(0);
    // Near the right edge a label goes to the left of its point rather than out of the plot.
    expect(placeLabels([{ id: 'edge', x: 398, y: 200, text: 'rotterdam', fontSize: 10 }], [], 400, 400).get('edge')?.align).toBe('right');
  });

  it('colours by baseline utilization, greys stages without capacity, and rings the bottleneck', () => {
    const layout = layoutNetwork(loadModel(SMALL));
    const facts = new Map([
      ['caspian', { id: 'caspian', utilization: 0.7, waitShare: 0.45, meanWaitHours: 80 }],
      ['suez-loop', { id: 'suez-loop', utilization: null, waitShare: 0.1, meanWaitHours: 20 }],
    ]);
    const spec = mapSpec({ layout, facts, bottleneck: facts.get('caspian') ?? null, modelTitle: 'Small' });
    const text = JSON.stringify(spec);
    expect(text).toContain('"leg":"caspian","kind":"ferry","order":0');
    expect(text).toContain('"utilization":0.7');
    expect(text).toContain('isValid(datum.utilization)');
    expect(text).toContain('"label":"bottleneck: caspian (45% of waiting)"');
    expect(text).toContain('step along the legs');
  });
});

describe('series charts', () => {
  const band = (scenario: string, key: string, x: number, m: number): { scenario: string; key: string; x: number; n: number; mean: number; low: number; high: number } => ({ scenario, key, x, n: 3, mean: m, low: m - 30, high: m + 1 });

  it('draws one panel per route with its own data, bands clipped at zero, scenario colours in run order', () => {
    const spec = throughputSpec([band('b', 'r1', 0, 10), band('a', 'r2', 0, 50)], { scenarios: ['a', 'b'], keys: ['r1', 'r2'] }, 3) as unknown as {
      concat: { data: { values: { route: string; low: number }[] } }[];
    };
    expect(spec.concat.map((p) => p.data.values.map((v) => v.route))).toEqual([['r1'], ['r2']]);
    expect(spec.concat[0]?.data.values[0]?.low).toBe(0);
    expect(JSON.stringify(spec)).toContain('"domain":["a","b"]');
  });

  it('plots transit quantiles as an ECDF in days', () => {
    const spec = transitSpec([band('a', 'r1', 0.5, 48)], { scenarios: ['a'], keys: ['r1'] });
    expect(JSON.stringify(spec)).toContain('{"scenario":"a","route":"r1","p":0.5,"days":2}');
  });
});

describe('inline SVG', () => {
  it('prefixes ids and their references, and drops the namespace declarations', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"/></svg>';
    expect(inlineSvg(svg, 'map')).toBe('<svg><defs><clipPath id="map-clip1"><rect/></clipPath></defs><g clip-path="url(#map-clip1)"/></svg>');
  });
});

describe('hover values', () => {
  it('gives every labelled mark item a <title> with its label, and leaves axes alone', () => {
    const svg = '<g role="graphics-object" aria-label="X-axis"><path d="M0"/></g><path aria-label="a: 1" role="graphics-symbol" d="M1"/><rect role="graphics-symbol" aria-label="b: 2" x="1"></rect>';
    expect(hoverTitles(svg)).toBe('<g role="graphics-object" aria-label="X-axis"><path d="M0"/></g><path aria-label="a: 1" role="graphics-symbol" d="M1"><title>a: 1</title></path><rect role="graphics-symbol" aria-label="b: 2" x="1"><title>b: 2</title></rect>');
  });
});

describe('comparison table', () => {
  const row = (metric: string, low: number | null, high: number | null): ComparisonRow => ({ scenario: 's', baseline: 'b', metric, n: 3, baselineMean: 48, scenarioMean: 72, meanDifference: 24, ci95Low: low, ci95High: high, relativeChange: 0.5 });

  it('keeps the key metrics in order: modes, route transit, network, bottleneck waits', () => {
    const rows = [row('stage.x.mean_wait_h', 1, 2), row('route.r.transit_mean_h', 1, 2), row('route.r.feu_per_week', 1, 2), row('mode.sea.feu_per_week', 1, 2), row('network.backlog_feu', 1, 2)];
    expect(keyComparisons(rows, ['x']).map((r) => r.metric)).toEqual(['mode.sea.feu_per_week', 'route.r.transit_mean_h', 'network.backlog_feu', 'stage.x.mean_wait_h']);
  });

  it('shows transit in days and bolds differences whose interval excludes zero', () => {
    expect(describeMetric('route.r.transit_mean_h')).toEqual({ label: 'r: mean transit', unit: 'days', factor: 1 / 24 });
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(-0.0123, true)).toBe('-0.012');
    expect(formatNumber(null)).toBe('–');
    const page = reportHtml({ title: 'T <x>', description: null, facts: [['seed', '7']], charts: [], notes: [], baseline: 'b', comparison: [row('route.r.transit_mean_h', 12, 36), row('network.backlog_feu', -1, 2)] });
    expect(page).toContain('<title>T &lt;x&gt;</title>');
    // Metric, unit, baseline mean, then per scenario the difference (bold: interval excludes zero) over its interval.
    expect(page).toContain('<tr><td class="metric" title="route.r.transit_mean_h">r: mean transit</td><td>days</td><td class="num">2.00</td><td class="num diff" title="50.0% relative change"><strong>+1.00</strong><br><span class="ci">[+0.500, +1.50]</span></td></tr>');
    expect(page).toContain('<td class="num diff" title="50.0% relative change">+24.0<br><span class="ci">[-1.00, +2.00]</span></td>');
    expect(escapeHtml(`a"b'c&`)).toBe('a&quot;b&#39;c&amp;');
  });
});

describe('CSV reading', () => {
  it('reads quoted fields, doubled quotes, CRLF and empty fields', () => {
    expect(parseCsv('a,b\r\n"x,1","say ""hi"""\r\n,\r\n')).toEqual([['a', 'b'], ['x,1', 'say "hi"'], ['', '']]);
    expect(parseCsv('a,b\r\n1,\r\n')).toEqual([['a', 'b'], ['1', '']]);
  });
});

describe('model summary (corridor-sim validate)', () => {
  it('lists nodes and legs with capacities and times, routes with stages and demand, and sharing', () => {
    const text = formatModelSummary(loadScenarioModel({ model: SMALL }));
    expect(text).toContain('Nodes: 6 (5 terminals, 1 yard)');
    // 12 h per call at a full load of 120 FEU; storms belong to the ports, through a weather driver.
    expect(text).toMatch(/caspian\s+ferry\s+aktau -> baku\s+3 vessels x 150 FEU \(80% usable\)\s+timetable, 2\/week\s+load 12 h\/call, sailing 24 h/);
    expect(text).toContain('Weather caspian: episodes 36 h long, base gap 20 days, seasonal; 50% of episodes sea-wide');
    expect(text).toMatch(/dostyk\s+closed\s+2025-03-01 to 2025-03-04\s+border hold/);
    expect(text).toMatch(/caspian\s+capacity x 0.5\s+2025-08-01 to 2025-10-01 every year\s+low water/);
    expect(text).toContain('dostyk-other-trains at dostyk: 2.8 trains/week of 55 FEU-eq, eastbound');
    expect(text).toContain('Capacities assumed non-binding (a run warns if they bind): baku');
    expect(text).toMatch(/suez-loop\s+sea\s+shanghai -> rotterdam\s+250 FEU\/sailing\s+2 sailings\/week\s+transit 35 days/);
    expect(text).toMatch(/middle\s+middle-corridor\s+7 \(4 nodes, 3 legs\)\s+2 rail, 1 ferry\s+84/);
    expect(text).toContain('Routes: 2; demand 168 FEU/week in all');
    expect(text).toContain('Line sharing: no rail line is shared by two legs.');
  });
});

describe('binding warnings in the report', () => {
  const row = (scenario: string, metric: string, mean: number | null): SummaryRow => ({ scenario, metric, n: 4, mean, sd: null, ci95Low: null, ci95High: null, p50: null, p95: null });
  it('warns for each scenario and stage whose assumed non-binding capacity bound, with the share of replications', () => {
    const summary = [
      row('base', 'stage.kars.binding_warning', 0),
      row('base', 'stage.kapikule.binding_warning', 0.25),
      row('base', 'stage.kapikule.utilization', 0.91),
      row('surge', 'stage.kapikule.binding_warning', 1),
      row('other', 'stage.kapikule.binding_warning', 1),
    ];
    const warnings = bindingWarnings(summary, ['base', 'surge']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('kapikule is marked capacityAssumption: non-binding, but its capacity bound in 25% of the replications of scenario base, mean utilization 91%');
    expect(warnings[1]).toContain('bound in 100% of the replications of scenario surge.');
  });
});
