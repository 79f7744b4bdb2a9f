/**
 * The report's "Validation against published figures" section, read from a run folder's
 * validation.csv (written by `corridor-sim validate-model`). Returns null when the run has no
 * such file, so every other run's report is unchanged. Outputs (validation) and inputs that
 * reproduce themselves are in separate tables; inside / outside are coloured.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvObjects, numberCell } from '../report/csv-read.ts';
import { VALIDATION_COLUMNS, VALIDATION_FILE } from './validation-csv.ts';
import { rangeText } from './text-report.ts';

/** HTML id of the section (for the page's navigation). */
export const VALIDATION_SECTION_ID = 'validation';
/** Heading of the section. */
export const VALIDATION_SECTION_HEADING = 'Validation against published figures';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Scoped to the section, so the page's own style sheet needs no change.
const STYLE =
  '<style>#validation tr.inside td.verdict { color: #1b6e20; font-weight: 600; } #validation tr.outside td.verdict { color: #b00020; font-weight: 600; } ' +
  '#validation tr.outside { background: #fff3f3; } #validation tr.inside { background: #f2fbf2; } #validation td.row { font-size: 0.8rem; color: #444; max-width: 46ch; }</style>';

type Row = Record<(typeof VALIDATION_COLUMNS)[number], string>;

function num(text: string): string {
  const v = numberCell(text);
  return v === null ? '' : rangeText(v, v);
}

function table(rows: readonly Row[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = ['target', 'scenario', 'data sheet row', 'published', 'model mean', '95% CI', 'unit', 'verdict', 'n'];
  const body = rows.map((r) => {
    const low = numberCell(r.published_low);
    const high = numberCell(r.published_high);
    const published = low === null || high === null ? '' : rangeText(low, high);
    const ci = r.model_ci95_low === '' ? '–' : `${num(r.model_ci95_low)} to ${num(r.model_ci95_high)}`;
    const cells = [
      `<td>${escape(r.target)}</td>`,
      `<td>${escape(r.scenario)}</td>`,
      `<td class="row">${escape(r.sheet_row)}</td>`,
      `<td class="num">${escape(published)}</td>`,
      `<td class="num">${escape(num(r.model_mean))}</td>`,
      `<td class="num">${escape(ci)}</td>`,
      `<td>${escape(r.model_unit)}</td>`,
      `<td class="verdict">${escape(r.verdict)}</td>`,
      `<td class="num">${escape(r.n)}</td>`,
    ];
    return `<tr class="${escape(r.verdict)}">${cells.join('')}</tr>`;
  });
  return `<table class="validation"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** The section's HTML for the run in `runDir`, or null if it has no validation.csv. */
export function validationSection(runDir: string): string | null {
  const file = path.join(runDir, VALIDATION_FILE);
  if (!existsSync(file)) return null;
  const rows = csvObjects(readFileSync(file, 'utf8'), VALIDATION_COLUMNS, file) as Row[];
  const outputs = rows.filter((r) => r.classification === 'output');
  const inputs = rows.filter((r) => r.classification !== 'output');
  const count = (list: readonly Row[], v: string): number => list.filter((r) => r.verdict === v).length;
  return [
    `<section id="${VALIDATION_SECTION_ID}">${STYLE}<h2>${VALIDATION_SECTION_HEADING}</h2>`,
    '<p class="reading">Figures of the data sheet (../shared/corridor-data.md) that the model produces, against the model\'s mean over replications and its Student-t 95% confidence interval. ' +
      '<b>inside</b>: the interval and the published range share a point (so also when the mean lies in the range); <b>outside</b>: they do not. ' +
      'Targets and their sources: validation-targets.yaml in this folder; every row in validation.csv.</p>',
    `<h3>Outputs: what the model predicts (${count(outputs, 'inside')} inside, ${count(outputs, 'outside')} outside)</h3>`,
    table(outputs),
    `<h3>Inputs reproduced: figures the model takes as inputs (shown, not counted as validation; ${count(inputs, 'inside')} inside, ${count(inputs, 'outside')} outside)</h3>`,
    table(inputs),
    '</section>',
  ].join('\n');
}
