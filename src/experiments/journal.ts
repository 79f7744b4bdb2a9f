/**
 * The journal: journal.ndjson in the run folder, one JSON line per finished replication, in the
 * order they finished. Each line is written with one write call on a file opened for appending
 * and flushed to disk (fsync) before the next task's result is accepted, so after Ctrl-C, a
 * crash or `kill -9` at most the line being written is lost, and it is recognisably incomplete
 * (no final newline). Reading ignores such a torn last line; `repairJournal` cuts it off before
 * new lines are appended.
 *
 * Each line ends with `"digest"`: the SHA-256 of the line's values (the line as written, without
 * the digest), so a resume or merge notices a line changed by hand or by a damaged disk instead
 * of copying it into replications.csv. The digest stays in the journal; the CSV files are the
 * same with or without it. Journals written before digests existed (corridor-sim 0.1.0 runs
 * before this change) are refused with a message saying to run them again.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { ExperimentError } from './experiment-error.ts';
import { sha256 } from './fingerprint.ts';
import type { MetricValue } from './metrics.ts';
import { parseSeries, type SeriesValues } from './series.ts';

/** One finished replication: its scenario, index, seed, metrics (in metric order) and series. */
export interface ReplicationRecord {
  readonly scenario: string;
  /** 0-based replication index. */
  readonly replication: number;
  /** replicationSeed(master seed, replication). */
  readonly seed: number;
  readonly metrics: readonly MetricValue[];
  /** Curves for charts (see series.ts); absent in records made without them (older journals, tests). */
  readonly series?: readonly SeriesValues[];
}

/**
 * A journal line: metrics as an object, metric -> value (null: not defined), then the series as
 * a list (a list, not an object keyed by id, so that no id can be reordered by JSON.parse).
 */
interface JournalLine {
  readonly scenario: string;
  readonly replication: number;
  readonly seed: number;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly series?: readonly SeriesValues[];
}

/**
 * The canonical text of a record's values: the JSON line without its digest. JSON.stringify of
 * finite doubles round-trips exactly, so a line read back gives the same text, and the digest
 * can be recomputed from the parsed record.
 */
export function journalValuesText(record: ReplicationRecord): string {
  // No prototype: a metric named like an Object.prototype key stays a plain entry.
  const metrics = Object.create(null) as Record<string, number | null>;
  for (const m of record.metrics) metrics[m.metric] = m.value;
  const line: JournalLine = { scenario: record.scenario, replication: record.replication, seed: record.seed, metrics };
  // Only when present: a record without series has no series key.
  if (record.series !== undefined) return JSON.stringify({ ...line, series: record.series.map((s) => ({ series: s.series, key: s.key, values: s.values })) });
  return JSON.stringify(line);
}

/** The SHA-256 (hex) of a record's values, as stored in its journal line. */
export function recordDigest(record: ReplicationRecord): string {
  return sha256(journalValuesText(record));
}

/** The JSON text of one record's journal line (values, then digest), without the newline. */
export function journalLineText(record: ReplicationRecord): string {
  const values = journalValuesText(record);
  return `${values.slice(0, -1)},"digest":"${sha256(values)}"}`;
}

/** Appends records durably. */
export class JournalWriter {
  private fd: number | null;

  /** @param file opened for appending (created if missing). */
  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }

  /** Append one line and flush it to disk. */
  append(record: ReplicationRecord): void {
    if (this.fd === null) throw new Error(`journal ${this.file} is closed`);
    const bytes = Buffer.from(`${journalLineText(record)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** What a journal holds. */
export interface JournalContents {
  readonly records: readonly ReplicationRecord[];
  /** Bytes up to the end of the last complete line. */
  readonly validBytes: number;
  /** True if the file ends with an incomplete line (a write cut short). */
  readonly tornTail: boolean;
}

/** Read a journal (a missing file is empty). @throws ExperimentError on a damaged line before the end. */
export function readJournal(file: string): JournalContents {
  if (!existsSync(file)) return { records: [], validBytes: 0, tornTail: false };
  const bytes = readFileSync(file);
  const end = bytes.lastIndexOf(0x0a) + 1;
  // Line by line from the bytes: the whole journal as one string would pass V8's string limit
  // (about 512 MB) at about 7,000 corridor replications, each line holding its series.
  const records: ReplicationRecord[] = [];
  for (let start = 0; start < end; ) {
    const newline = bytes.indexOf(0x0a, start);
    records.push(parseLine(bytes.toString('utf8', start, newline), file, records.length + 1));
    start = newline + 1;
  }
  return { records, validBytes: end, tornTail: end < bytes.length };
}

/** Cut a torn last line off, so appended lines start on a fresh line. */
export function repairJournal(file: string, contents: JournalContents): void {
  if (contents.tornTail) truncateSync(file, contents.validBytes);
}

function parseLine(line: string, file: string, number: number): ReplicationRecord {
  const damaged = (why: string): never => {
    throw new ExperimentError(`${file}:${number}: damaged journal line (${why}); delete that line to run the replication again`);
  };
  const { record, digest } = parseValues(line, damaged);
  const which = `scenario "${record.scenario}", replication ${record.replication}`;
  if (digest === undefined) {
    throw new ExperimentError(
      `${file}:${number}: ${which}: the line has no digest; the journal was written by a corridor-sim without journal digests (or edited), ` +
        'so its values cannot be checked: run the experiment again as a new run',
    );
  }
  if (digest !== recordDigest(record)) {
    throw new ExperimentError(
      `${file}:${number}: ${which}: its values do not match its digest (changed after it was written); delete that line to run the replication again`,
    );
  }
  return record;
}

/** The record a line holds and its digest, not yet checked. */
function parseValues(line: string, damaged: (why: string) => never): { record: ReplicationRecord; digest: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return damaged('not JSON');
  }
  const d = data as Partial<JournalLine> & { digest?: unknown };
  if (typeof d.scenario !== 'string' || !Number.isInteger(d.replication) || !Number.isInteger(d.seed) || typeof d.metrics !== 'object' || d.metrics === null) {
    return damaged('expected scenario, replication, seed and metrics');
  }
  const metrics: MetricValue[] = [];
  for (const [metric, value] of Object.entries(d.metrics)) {
    if (value !== null && typeof value !== 'number') return damaged(`metric ${metric} is not a number or null`);
    metrics.push({ metric, value });
  }
  const record = { scenario: d.scenario, replication: d.replication as number, seed: d.seed as number, metrics };
  if (d.series === undefined) return { record, digest: d.digest };
  const series = parseSeries(d.series);
  return typeof series === 'string' ? damaged(series) : { record: { ...record, series }, digest: d.digest };
}
