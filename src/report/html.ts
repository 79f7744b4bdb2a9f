/**
 * The report page: one self-contained HTML file. Charts are inline SVG, the style sheet is
 * inline, fonts are the system's; there is no script and no URL, so the file opens offline, from
 * an e-mail attachment or an archive, exactly as written.
 */
import type { ComparisonRow } from '../experiments/assemble.ts';
import type { AnswerCell, AnswerTable } from './answer-table.ts';
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
  /** What it shows, one line computed from the data (empty: none). */
  readonly takeaway?: string;
  /** Pre-rendered HTML shown under the chart (a table of the same numbers), if any. */
  readonly extra?: string;
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
  /** The table the page opens with: the answer, with intervals. */
  readonly answer?: AnswerTable | null;
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
  /* Wide enough for the answer table and a six-scenario comparison in a 1400-px window; prose keeps its ch limits. */
  main { max-width: 1360px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
  h1 { font-size: 1.6rem; margin: 0 0 4px; }
  h2 { font-size: 1.2rem; margin: 32px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  p.lead { color: #444; margin: 0 0 16px; }
  table { border-collapse: collapse; font-size: 0.88rem; }
  th, td { padding: 4px 10px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  table.facts th { font-weight: 600; color: #555; }
  tr.significant td { font-weight: 600; }
  td.scenario { white-space: nowrap; }
  span.ci { color: #666; font-size: 0.82rem; }
  p.takeaway { font-weight: 600; margin: 4px 0; max-width: 90ch; }
  div.wide { overflow-x: auto; }
  table.answer { font-size: 0.82rem; }
  table.answer td, table.answer th { padding: 4px 7px; }
  table.answer th { background: #f3f3f3; }
  table.answer th small { font-weight: normal; color: #555; }
  table.comparison td.metric { white-space: nowrap; }
  table.comparison { font-size: 0.82rem; }
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

/** One cell of the answer table: a mean with its interval, or a text. */
function answerCell(cell: AnswerCell): string {
  if ('text' in cell) return `<td>${escapeHtml(cell.text)}</td>`;
  const interval = cell.low === null || cell.high === null ? '' : ` <span class="ci">[${formatNumber(cell.low)}, ${formatNumber(cell.high)}]</span>`;
  return `<td class="num">${formatNumber(cell.value)}${interval}</td>`;
}

/** The answer table: scenarios down, quantities across (unit under each heading). */
function answerTable(table: AnswerTable): string {
  const head = ['<th scope="col">scenario</th>', ...table.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}${c.unit === '' ? '' : `<br><small>${escapeHtml(c.unit)}</small>`}</th>`)];
  const body = table.rows.map((r) => `<tr><td class="scenario">${escapeHtml(r.scenario)}</td>${r.cells.map(answerCell).join('')}</tr>`);
  return `<div class="wide"><table class="answer"><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>` +
    `<p class="reading">Mean over replications with its 95% confidence interval in brackets (none for inputs and assigned volumes; lower ends clipped at 0, since none of these quantities can be negative). Source: ${escapeHtml(table.source)}.</p>`;
}

/**
 * The comparison: one row per metric, one column per scenario, each cell the paired difference
 * from the baseline with its 95% interval; bold where the interval excludes zero.
 */
function comparisonTable(rows: readonly ComparisonRow[], baseline: string): string {
  if (rows.length === 0) return '<p>Only one scenario (or no shared metric): nothing to compare.</p>';
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const head = ['metric', 'unit', `baseline (${baseline})`, ...scenarios.map((s) => `${s} − baseline`)];
  const body = metrics.map((metric) => {
    const d = describeMetric(metric);
    const f = (v: number | null): number | null => (v === null ? null : v * d.factor);
    const byScenario = new Map(rows.filter((r) => r.metric === metric).map((r) => [r.scenario, r]));
    const first = byScenario.values().next().value;
    const cells = scenarios.map((s) => {
      const r = byScenario.get(s);
      if (r === undefined) return '<td class="num">–</td>';
      // The interval on a line of its own keeps the columns narrow enough for six scenarios.
      const ci = r.ci95Low === null || r.ci95High === null ? '' : `<br><span class="ci">[${formatNumber(f(r.ci95Low), true)}, ${formatNumber(f(r.ci95High), true)}]</span>`;
      const mean = formatNumber(f(r.meanDifference), true);
      return `<td class="num diff"${r.relativeChange === null ? '' : ` title="${(r.relativeChange * 100).toFixed(1)}% relative change"`}>${significant(r) ? `<strong>${mean}</strong>` : mean}${ci}</td>`;
    });
    return `<tr><td class="metric" title="${escapeHtml(metric)}">${escapeHtml(d.label)}</td><td>${escapeHtml(d.unit)}</td><td class="num">${formatNumber(f(first?.baselineMean ?? null))}</td>${cells.join('')}</tr>`;
  });
  return `<div class="wide"><table class="comparison"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** The complete HTML document. */
export function reportHtml(page: ReportPage): string {
  const nav = [
    ...(page.answer != null ? [['answer', 'The answer'] as const] : []),
    ...page.charts.map((c) => [c.id, c.heading] as const),
    ['comparison', 'Scenario comparison'] as const,
    // Validation against published figures (only for runs of corridor-sim validate-model).
    ...(page.validation != null ? [['validation', 'Validation against published figures'] as const] : []),
  ]
    .map(([id, heading]) => `<a href="#${escapeHtml(id)}">${escapeHtml(heading)}</a>`)
    .join('');
  const charts = page.charts.map(
    (c) =>
      `<section id="${escapeHtml(c.id)}" class="chart"><h2>${escapeHtml(c.heading)}</h2>` +
      (c.takeaway === undefined || c.takeaway === '' ? '' : `<p class="takeaway">${escapeHtml(c.takeaway)}</p>`) +
      `<p class="reading">${escapeHtml(c.reading)}</p><figure>${c.svg}<figcaption>Also in report/${escapeHtml(c.id)}.svg.</figcaption></figure>${c.extra ?? ''}</section>`,
  );
  const answer = page.answer == null ? '' : `<section id="answer"><h2>The answer</h2>${answerTable(page.answer)}</section>`;
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
    answer,
    ...charts,
    '<section id="comparison"><h2>Scenario comparison</h2>',
    `<p class="reading">Each scenario minus the baseline (${escapeHtml(page.baseline)}), paired by replication (common random numbers), with the 95% confidence interval of the difference in brackets. ` +
      'Bold: the interval excludes zero. Hover a cell for the relative change. All metrics are in comparison.csv.</p>',
    comparisonTable(page.comparison, page.baseline),
    '</section>',
    // Validation against published figures (only for runs of corridor-sim validate-model).
    page.validation ?? '',
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
