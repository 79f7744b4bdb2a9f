/**
 * Reading the run's CSV files back (the inverse of src/output/csv.ts): RFC 4180 with quoted
 * fields, CRLF or LF line ends. Small and strict rather than a dependency, since only our own
 * files are read; a header that is not the expected one is reported, not guessed around.
 */
import { readLineChunks } from '../output/read-chunks.ts';
import { ReportError } from './report-error.ts';

/** Split CSV text into records of fields. */
export function parseCsv(text: string): string[][] {
  // Our files quote nothing with the allowed ids; splitting is then ten times faster.
  if (!text.includes('"')) return text.split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1).map((line) => line.split(','));
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** An empty field is a missing value (null); anything else must be a number. */
export function numberCell(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * The data rows of `text` as field lists in `columns` order, after checking the header (for
 * large files, e.g. series.csv's half a million rows, where an object per row costs seconds).
 * @throws ReportError naming `file` if the header differs.
 */
export function csvRows(text: string, columns: readonly string[], file: string): string[][] {
  const records = parseCsv(text);
  checkHeader(records[0], columns, file);
  return records.slice(1);
}

/**
 * The data rows of the CSV file `file` as field lists in `columns` order, after checking the
 * header, read in pieces of whole lines (`readLineChunks`): for files that grow with the
 * replications (replications.csv), which as one string would pass V8's limit of about 512 MB.
 * `chunkBytes`: the size of the pieces (tests). `name` names the file in errors.
 * @throws ReportError naming `name` if the header differs (when the iteration reaches it).
 */
export function* csvFileRows(file: string, columns: readonly string[], name: string, chunkBytes?: number): Generator<string[]> {
  for (const lines of afterHeader(readLineChunks(file, chunkBytes), columns, name)) yield* parseCsv(lines);
}

/**
 * Pieces of whole lines of a CSV text (`readLineChunks`), the header line checked against
 * `columns` and left out; empty pieces are skipped.
 * @throws ReportError naming `name` if the header differs or there is no text.
 */
export function* afterHeader(pieces: Iterable<string>, columns: readonly string[], name: string): Generator<string> {
  let first = true;
  for (const lines of pieces) {
    if (lines === '') continue;
    if (!first) {
      yield lines;
      continue;
    }
    first = false;
    const newline = lines.indexOf('\n');
    checkHeader(parseCsv((newline < 0 ? lines : lines.slice(0, newline)).replace(/\r$/, ''))[0] ?? [''], columns, name);
    if (newline >= 0 && newline + 1 < lines.length) yield lines.slice(newline + 1);
  }
  if (first) checkHeader(undefined, columns, name);
}

/**
 * Check a file's header fields (undefined for an empty file) against `columns`.
 * @throws ReportError naming `file` if they differ.
 */
export function checkHeader(header: readonly string[] | undefined, columns: readonly string[], file: string): void {
  if (header === undefined || header.join(',') !== columns.join(',')) {
    throw new ReportError(`${file}: expected the header ${columns.join(',')}, found ${header?.join(',') ?? 'an empty file'}`);
  }
}

/**
 * The data rows of `text` as objects keyed by `columns`, after checking the header.
 * @throws ReportError naming `file` if the header differs.
 */
export function csvObjects<C extends string>(text: string, columns: readonly C[], file: string): Record<C, string>[] {
  return csvRows(text, columns, file).map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? ''])) as Record<C, string>);
}
