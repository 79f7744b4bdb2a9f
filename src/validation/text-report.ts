/**
 * The validation table for the terminal and for the README: outputs first, then the
 * input-reproduced figures apart, each with the published range, the model's mean and 95% CI,
 * and the verdict. Numbers are rounded for reading (3 significant digits, whole numbers from
 * 100 up); validation.csv keeps them exact.
 */
import { textTable, type Column } from '../output/text-table.ts';
import type { ValidationRow } from './evaluate.ts';

/** A number for reading: thousands separators, whole from 100 up, else 3 significant digits; '' for NaN. */
export function displayNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (value === 0) return '0';
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** `low–high` or one number when low = high. */
export function rangeText(low: number, high: number): string {
  return low === high ? displayNumber(low) : `${displayNumber(low)}–${displayNumber(high)}`;
}

/** `mean [ci low, ci high]`, or the mean alone without a CI. */
export function estimateText(row: ValidationRow): string {
  const e = row.estimate;
  if (e.n === 0) return '–';
  return Number.isFinite(e.ci95Low) ? `${displayNumber(e.mean)} [${displayNumber(e.ci95Low)}, ${displayNumber(e.ci95High)}]` : displayNumber(e.mean);
}

const COLUMNS: readonly Column<ValidationRow>[] = [
  { header: 'target', align: 'left', value: (r) => r.target.id },
  { header: 'scenario', align: 'left', value: (r) => r.target.scenario },
  { header: 'published', value: (r) => rangeText(r.target.published.low, r.target.published.high) },
  { header: 'model mean [95% CI]', value: estimateText },
  { header: 'unit', align: 'left', value: (r) => r.target.unit },
  { header: 'verdict', align: 'left', value: (r) => r.verdict.toUpperCase() },
  { header: 'n', value: (r) => String(r.estimate.n) },
];

/** Count of verdicts among `rows`, e.g. `3 inside, 5 outside`. */
export function verdictCounts(rows: readonly ValidationRow[]): string {
  const count = (v: string): number => rows.filter((r) => r.verdict === v).length;
  const noData = count('no-data');
  return `${count('inside')} inside, ${count('outside')} outside${noData > 0 ? `, ${noData} no data` : ''}`;
}

/** The two tables (outputs; input-reproduced) with a heading line each. */
export function validationText(rows: readonly ValidationRow[]): string {
  const outputs = rows.filter((r) => r.target.classification === 'output');
  const inputs = rows.filter((r) => r.target.classification === 'input-reproduced');
  return [
    `Outputs (validation): ${verdictCounts(outputs)}`,
    textTable(COLUMNS, outputs),
    '',
    `Inputs reproduced (not validation): ${verdictCounts(inputs)}`,
    textTable(COLUMNS, inputs),
  ].join('\n');
}
