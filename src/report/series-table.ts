/**
 * A run's series.csv as the report uses it: for each series, scenario, key and x, the values of
 * the replications (units in the series name). The report only ever averages across
 * replications, so the table groups the values as it reads the file instead of keeping a row
 * object per line: the tariff-shift study's series.csv has 570,000 lines, and an object and six
 * strings per line made reading it, and collecting the garbage, about a second of the report.
 */
import { isSeriesName, type SeriesName } from '../experiments/series.ts';
import { afterHeader, numberCell, parseCsv } from './csv-read.ts';

/** One row of series.csv: point `x` of a series in one replication (units in the series name). */
export interface SeriesPoint {
  readonly scenario: string;
  readonly replication: number;
  readonly series: SeriesName;
  readonly key: string;
  readonly x: number;
  readonly value: number | null;
}

/** The values of one point (scenario, key, x) of a series across replications. */
export interface SeriesGroup {
  readonly scenario: string;
  readonly key: string;
  readonly x: number;
  /** One per replication that has a value here (missing values are left out). */
  readonly values: number[];
}

/** Points of one series and scenario-key pair: x text -> group, in first-appearance order. */
type PointsByX = Map<string, SeriesGroup>;

/** series.csv grouped by series, then (scenario, key) pair, then x, each in first-appearance order. */
export class SeriesTable {
  private readonly bySeries = new Map<SeriesName, Map<string, PointsByX>>();

  /** A table of `points` (tests, and runs made before series.csv had its current columns). */
  static fromPoints(points: Iterable<SeriesPoint>): SeriesTable {
    const table = new SeriesTable();
    for (const p of points) table.add(p.series, p.scenario, p.key, String(p.x), p.value);
    return table;
  }

  /**
   * The table of series.csv's text (`columns`: its expected header, checked). Rows of series
   * names this version does not know are skipped, as before.
   * @throws ReportError naming series.csv if the header differs
   */
  static fromCsv(text: string, columns: readonly string[]): SeriesTable {
    return SeriesTable.fromCsvChunks([text], columns);
  }

  /**
   * `fromCsv` of a text given in consecutive pieces of whole lines (`readLineChunks` of the
   * file), so that no string holds the whole file: the full study's series.csv is tens of MB,
   * and a sweep of a few thousand replications would pass V8's string limit.
   * @throws ReportError naming series.csv if the header differs
   */
  static fromCsvChunks(chunks: Iterable<string>, columns: readonly string[]): SeriesTable {
    const table = new SeriesTable();
    for (const lines of afterHeader(chunks, columns, 'series.csv')) table.readLines(lines);
    return table;
  }

  /** Whole data lines of series.csv. */
  private readLines(text: string): void {
    if (!text.includes('"')) {
      this.readPlain(text);
      return;
    }
    // Fields with quotes (none of ours: ids have no commas) go through the general parser.
    for (const [scenario = '', , series = '', key = '', x = '', value] of parseCsv(text)) {
      if (isSeriesName(series)) this.add(series, scenario, key, x, numberCell(value));
    }
  }

  /** Lines without quotes: consecutive lines of one replication's series and key share their group map. */
  private readPlain(text: string): void {
    let pos = 0;
    let prefix = '';
    let points: PointsByX | null = null;
    let scenario = '';
    let key = '';
    while (pos < text.length) {
      const newline = text.indexOf('\n', pos);
      const end = newline < 0 ? text.length : newline;
      const lineEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const valueComma = text.lastIndexOf(',', lineEnd - 1);
      const xComma = text.lastIndexOf(',', valueComma - 1);
      if (lineEnd > pos && xComma > pos) {
        // scenario,replication,series,key: the same as the line before for a whole series.
        if (points === null || xComma - pos !== prefix.length || !text.startsWith(prefix, pos)) {
          prefix = text.slice(pos, xComma);
          const [s = '', , series = '', k = ''] = prefix.split(',');
          scenario = s;
          key = k;
          points = isSeriesName(series) ? this.pointsOf(series, scenario, key) : null;
        }
        if (points !== null) this.addTo(points, scenario, key, text.slice(xComma + 1, valueComma), numberCell(text.slice(valueComma + 1, lineEnd)));
      }
      if (newline < 0) break;
      pos = newline + 1;
    }
  }

  private pointsOf(series: SeriesName, scenario: string, key: string): PointsByX {
    let pairs = this.bySeries.get(series);
    if (pairs === undefined) this.bySeries.set(series, (pairs = new Map()));
    const pair = `${scenario}\u0000${key}`;
    let points = pairs.get(pair);
    if (points === undefined) pairs.set(pair, (points = new Map()));
    return points;
  }

  private add(series: SeriesName, scenario: string, key: string, x: string, value: number | null): void {
    this.addTo(this.pointsOf(series, scenario, key), scenario, key, x, value);
  }

  private addTo(points: PointsByX, scenario: string, key: string, x: string, value: number | null): void {
    let group = points.get(x);
    if (group === undefined) points.set(x, (group = { scenario, key, x: numberCell(x) ?? Number.NaN, values: [] }));
    if (value !== null) group.values.push(value);
  }

  /** No series at all (a run made before series.csv existed). */
  get isEmpty(): boolean {
    return this.bySeries.size === 0;
  }

  /** The keys (routes, stages) `series` has, in first-appearance order. */
  keys(series: SeriesName): string[] {
    const keys = new Set<string>();
    // Every pair's map has at least one point; its first carries the pair's key.
    for (const points of this.bySeries.get(series)?.values() ?? []) {
      const first = points.values().next();
      if (first.done !== true) keys.add(first.value.key);
    }
    return [...keys];
  }

  /** The points of `series`: per (scenario, key) pair in first-appearance order, its x values in theirs. */
  *groups(series: SeriesName): IterableIterator<SeriesGroup> {
    for (const points of this.bySeries.get(series)?.values() ?? []) yield* points.values();
  }
}
