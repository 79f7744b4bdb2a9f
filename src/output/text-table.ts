/**
 * Plain-text tables for the terminal: right-aligned numbers, left-aligned labels, one space of
 * padding. Small on purpose; CSV is the format for anything a program reads.
 */

/** A column: header, alignment, and how to turn a row into text. */
export interface Column<Row> {
  readonly header: string;
  readonly align?: 'left' | 'right';
  readonly value: (row: Row) => string;
}

/** Render `rows` under `columns` as aligned text lines (header, rule, rows). */
export function textTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number): string => {
    const width = widths[i] ?? 0;
    return columns[i]?.align === 'left' ? text.padEnd(width) : text.padStart(width);
  };
  const lines = [columns.map((c, i) => pad(c.header, i)).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells) lines.push(row.map((cell, i) => pad(cell, i)).join('  '));
  return lines.join('\n');
}

/** A number with `digits` decimals, or an empty string for NaN. */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '';
}
