/**
 * The journey log: one CSV row per container per stage, written while the simulation runs.
 *
 * Columns (fixed; times in hours from simulation start):
 * container, route, origin, destination, stage, stage_kind, entered_h, arrived_h, started_h,
 * departed_h, left_h, wait_h (started - arrived), berth_h (departed - started: at a ferry berth,
 * its loading and the wait aboard until the vessel sails; 0 elsewhere), service_h (left - departed).
 *
 * The file is written in blocks (block-file.ts), so memory stays flat however long the horizon;
 * the bytes are those csv-stringify writes (each text field is quoted by csv-stringify once and
 * remembered).
 */
import { stringify } from 'csv-stringify/sync';
import type { JourneyRow } from '../corridor/runtime/container.ts';
import { BlockFile } from './block-file.ts';
import { formatNumber } from './number-format.ts';

/** The journey log's header, in column order. */
export const JOURNEY_LOG_COLUMNS = [
  'container', 'route', 'origin', 'destination', 'stage', 'stage_kind',
  'entered_h', 'arrived_h', 'started_h', 'departed_h', 'left_h', 'wait_h', 'berth_h', 'service_h',
] as const;

/** One CSV field as csv-stringify writes it (quoted only when it must be), without the line end. */
const csvField = (text: string): string => stringify([[text]]).slice(0, -1);

/** Streams journey rows to a CSV file in bounded memory. Call `close()` when the run ends. */
export class JourneyLogWriter {
  private readonly file: BlockFile;
  /** Text field -> its CSV form: a model has few ids, so each is quoted once, not per row. */
  private readonly fields = new Map<string, string>();

  /** @param file path of the CSV file to create (overwritten); opened at once, so a bad path throws here. */
  constructor(file: string) {
    this.file = new BlockFile(file);
    this.file.write(stringify([[...JOURNEY_LOG_COLUMNS]]));
  }

  /** Append one row (times in hours). */
  write(row: JourneyRow): void {
    const n = formatNumber;
    // Numbers never need quoting: formatNumber writes digits, '.', '-', 'e', '+' or 'Inf'.
    this.file.write(`${n(row.container)},${this.field(row.route)},${this.field(row.origin)},${this.field(row.destination)},${this.field(row.stage)},${this.field(row.stageKind)},`
      + `${n(row.entered)},${n(row.arrived)},${n(row.started)},${n(row.departed)},${n(row.left)},`
      + `${n(row.started - row.arrived)},${n(row.departed - row.started)},${n(row.left - row.departed)}\n`);
  }

  /** Write what is buffered and close the file. */
  close(): void {
    this.file.close();
  }

  private field(text: string): string {
    let csv = this.fields.get(text);
    if (csv === undefined) {
      csv = csvField(text);
      this.fields.set(text, csv);
    }
    return csv;
  }
}
