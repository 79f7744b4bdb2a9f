/**
 * CSV text per RFC 4180: a header row, CRLF line ends, fields quoted only when they hold a comma,
 * a double quote or a line break (quotes doubled inside). Numbers go through `formatNumber`, so
 * the bytes never depend on locale or platform and a missing value (NaN, null) is an empty field.
 */
import { stringify } from 'csv-stringify/sync';
import { formatNumber } from './number-format.ts';

/** One cell: text as is, a number formatted by `formatNumber`, null for a missing value. */
export type CsvCell = string | number | null;

/** The CSV text of `rows` under `header`, ending with CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records: string[][] = [[...header]];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`csvText: a row has ${row.length} cells, the header ${header.length}`);
    records.push(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? formatNumber(cell) : cell)));
  }
  // csv-stringify quotes fields holding the record delimiter (CRLF) but not a lone CR or LF;
  // RFC 4180 wants any line break quoted.
  return stringify(records, { record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ });
}
