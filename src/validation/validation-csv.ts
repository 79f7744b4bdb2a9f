/**
 * validation.csv: one row per target (tidy), written into the run folder beside summary.csv.
 * Numbers as every CSV of the project (src/output/number-format.ts: shortest round-trip form,
 * empty for a missing value), RFC 4180 with CRLF.
 *
 * | column | meaning | unit |
 * |---|---|---|
 * | `target` | target id (models/validation/targets.yaml) | |
 * | `classification` | `output` (the model predicts it) or `input-reproduced` (an input, shown reproduced; not validation) | |
 * | `scenario` | the scenario it was run in | |
 * | `sheet_row` | the data sheet row: `§section quantity: value (year; source) [grade]` | |
 * | `published_low`, `published_high`, `published_unit` | the published value read as a range | the unit |
 * | `model_mean`, `model_ci95_low`, `model_ci95_high`, `model_unit` | the expression's mean over replications and its Student-t 95% CI (empty if n < 2) | the unit |
 * | `verdict` | `inside`, `outside` or `no-data` (rule: src/validation/evaluate.ts) | |
 * | `n` | replications with a value | |
 */
import { csvText } from '../output/csv.ts';
import type { SheetRow } from './targets-schema.ts';
import type { ValidationRow } from './evaluate.ts';

/** The columns of validation.csv, in order. */
export const VALIDATION_COLUMNS = [
  'target',
  'classification',
  'scenario',
  'sheet_row',
  'published_low',
  'published_high',
  'published_unit',
  'model_mean',
  'model_ci95_low',
  'model_ci95_high',
  'model_unit',
  'verdict',
  'n',
] as const;

/** The file name inside the run folder. */
export const VALIDATION_FILE = 'validation.csv';

/** A sheet row as one line of text: `§1.1 TITR containers, association: 56,500 (2024; Astana Times) [Q]`. */
export function sheetRowText(row: SheetRow): string {
  const section = row.section.split(' ')[0] ?? row.section;
  const where = [row.year, row.source].filter((x) => x !== undefined).join('; ');
  return `§${section} ${row.quantity}: ${row.value}${where === '' ? '' : ` (${where})`}${row.grade === undefined ? '' : ` [${row.grade}]`}`;
}

/** The CSV text of `rows`. */
export function validationCsv(rows: readonly ValidationRow[]): string {
  return csvText(
    VALIDATION_COLUMNS,
    rows.map(({ target: t, estimate: e, verdict }) => [
      t.id,
      t.classification,
      t.scenario,
      sheetRowText(t.sheet),
      t.published.low,
      t.published.high,
      t.published.unit,
      e.mean,
      e.ci95Low,
      e.ci95High,
      t.unit,
      verdict,
      e.n,
    ]),
  );
}
