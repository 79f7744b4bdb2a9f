/**
 * CSV text per RFC 4180: a header row, CRLF line ends, fields quoted only when they hold a comma,
 * a double quote or a line break (quotes doubled inside). Numbers go through `formatNumber`, so
 * the bytes never depend on locale or platform and a missing value (NaN, null) is an empty field.
 */
import { stringify } from 'csv-stringify/sync';
import { formatNumber } from './number-format.ts';

/** One cell: text as is, a number formatted by `formatNumber`, null for a missing value. */
export type CsvCell = string | number | null;

/** What makes a field need quotes: the delimiter, the quote, or any line break. */
const NEEDS_QUOTES = /[",\r\n]/;
// csv-stringify quotes fields holding the record delimiter (CRLF) but not a lone CR or LF;
// RFC 4180 wants any line break quoted.
const STRINGIFY_OPTIONS = { record_delimiter: 'windows', eof: false, quoted_match: /[\r\n]/ } as const;

/** One field as written in a record: as is, or quoted by csv-stringify when it needs quotes. */
export function csvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? stringify([[field]], STRINGIFY_OPTIONS) : field;
}

/** One record's CSV line, with its CRLF. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * The CSV text of `rows` under `header`, ending with CRLF. Records without a field to quote (all
 * but a few in the runner's files) are joined here: a run's series.csv has half a million rows,
 * and passing each through the general writer cost the full study about 1.5 s of main-thread time.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [...csvLines(header, rows)].join('');
}

/**
 * `csvText` line by line (header first, each line with its CRLF), for files written as they are
 * made (`writeTextAtomic`): the rows may come from a generator, so neither they nor the text
 * need to be in memory at once.
 */
export function* csvLines(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  yield csvLine(header);
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`csvText: a row has ${row.length} cells, the header ${header.length}`);
    yield csvLine(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? formatNumber(cell) : cell)));
  }
}
