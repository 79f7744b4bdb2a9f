/**
 * The report page: one self-contained HTML file. Charts are inline SVG, the style sheet is
 * inline, fonts are the system's; there is no script and no URL, so the file opens offline, from
 * an e-mail attachment or an archive, exactly as written.
 */
import type { ComparisonRow } from '../experiments/assemble.ts';
import { describeMetric, formatNumber, significant } from './comparison-table.ts';
import { FONT_STACK } from './theme.ts';

/** One chart on the page. */
export interface PageChart {
  /** File stem, e.g. `map` (report/map.svg); also the HTML id of its section. */
  readonly id: string;
  readonly heading: string;
  /** The SVG, already made inline-safe (see inlineSvg). */
  readonly svg: string;
  /** How to read it, one or two sentences. */
  readonly reading: string;
}

/** Everything on the page. */
export interface ReportPage {
  readonly title: string;
  readonly description: string | null;
  /** Label and value pairs for the header table. */
  readonly facts: readonly (readonly [string, string])[];
  readonly charts: readonly PageChart[];
  /** Charts that could not be drawn, and why. */
  readonly notes: readonly string[];
  readonly baseline: string;
  readonly comparison: readonly ComparisonRow[];
  /** Validation section (src/validation/report-section.ts), pre-rendered HTML; absent or null: none. */
  readonly validation?: string | null;
}

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
  body { font-family: ${FONT_STACK}; color: #1d1d1d; margin: 0; background: #fafafa; }
  main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
  h1 { font-size: 1.6rem; margin: 0 0 4px; }
  h2 { font-size: 1.2rem; margin: 32px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  p.lead { color: #444; margin: 0 0 16px; }
  table { border-collapse: collapse; font-size: 0.88rem; }
  th, td { padding: 4px 10px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  table.facts th { font-weight: 600; color: #555; }
  tr.significant td { font-weight: 600; }
  td.scenario { white-space: nowrap; }
  figure { margin: 8px 0 0; overflow-x: auto; }
  figure svg { max-width: 100%; height: auto; }
  figcaption, p.reading { color: #444; font-size: 0.9rem; max-width: 75ch; }
  .note { color: #8a4b00; }
  nav { margin: 14px 0 4px; }
  nav a { margin-right: 14px; }
`;

function factsTable(facts: ReportPage['facts']): string {
  const rows = facts.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`);
  return `<table class="facts">${rows.join('')}</table>`;
}

function comparisonTable(rows: readonly ComparisonRow[], baseline: string): string {
  if (rows.length === 0) return '<p>Only one scenario (or no shared metric): nothing to compare.</p>';
  const head = ['scenario', 'metric', 'unit', `baseline (${baseline})`, 'scenario', 'mean difference', '95% CI of the difference', 'relative change'];
  const body = rows.map((r) => {
    const d = describeMetric(r.metric);
    const f = (v: number | null): number | null => (v === null ? null : v * d.factor);
    const ci = r.ci95Low === null || r.ci95High === null ? '–' : `${formatNumber(f(r.ci95Low), true)} to ${formatNumber(f(r.ci95High), true)}`;
    const relative = r.relativeChange === null ? '–' : `${r.relativeChange > 0 ? '+' : ''}${(r.relativeChange * 100).toFixed(1)}%`;
    const cells = [
      `<td class="scenario">${escapeHtml(r.scenario)}</td>`,
      `<td title="${escapeHtml(r.metric)}">${escapeHtml(d.label)}</td>`,
      `<td>${escapeHtml(d.unit)}</td>`,
      `<td class="num">${formatNumber(f(r.baselineMean))}</td>`,
      `<td class="num">${formatNumber(f(r.scenarioMean))}</td>`,
      `<td class="num">${formatNumber(f(r.meanDifference), true)}</td>`,
      `<td class="num">${ci}</td>`,
      `<td class="num">${relative}</td>`,
    ];
    return `<tr${significant(r) ? ' class="significant"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table class="comparison"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** The complete HTML document. */
export function reportHtml(page: ReportPage): string {
  const nav = [
    ...page.charts.map((c) => [c.id, c.heading] as const),
    ['comparison', 'Scenario comparison'] as const,
    // Validation against published figures (only for runs of corridor-sim validate-model).
    ...(page.validation != null ? [['validation', 'Validation against published figures'] as const] : []),
  ]
    .map(([id, heading]) => `<a href="#${escapeHtml(id)}">${escapeHtml(heading)}</a>`)
    .join('');
  const charts = page.charts.map(
    (c) => `<section id="${escapeHtml(c.id)}" class="chart"><h2>${escapeHtml(c.heading)}</h2><p class="reading">${escapeHtml(c.reading)}</p><figure>${c.svg}<figcaption>Also in report/${escapeHtml(c.id)}.svg.</figcaption></figure></section>`,
  );
  const notes = page.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    page.description === null ? '' : `<p class="lead">${escapeHtml(page.description)}</p>`,
    factsTable(page.facts),
    `<nav>${nav}</nav>`,
    notes,
    ...charts,
    '<section id="comparison"><h2>Scenario comparison</h2>',
    `<p class="reading">Each scenario against the baseline (${escapeHtml(page.baseline)}), paired by replication (common random numbers). ` +
      'Bold rows: the 95% confidence interval of the difference excludes zero. All metrics are in comparison.csv.</p>',
    comparisonTable(page.comparison, page.baseline),
    '</section>',
    // Validation against published figures (only for runs of corridor-sim validate-model).
    page.validation ?? '',
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
