/**
 * The journey log: one CSV row per container per stage, streamed to a file while the
 * simulation runs (memory stays flat however many containers pass).
 *
 * Columns (fixed; times in hours from simulation start):
 * container, route, origin, destination, stage, stage_kind, entered_h, arrived_h, started_h,
 * departed_h, left_h, wait_h (started - arrived), berth_h (departed - started: at a ferry berth,
 * its loading and the wait aboard until the vessel sails; 0 elsewhere), service_h (left - departed).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { JourneyRow } from '../corridor/runtime/container.ts';
import { formatNumber } from './number-format.ts';

/** The journey log's header, in column order. */
export const JOURNEY_LOG_COLUMNS = [
  'container', 'route', 'origin', 'destination', 'stage', 'stage_kind',
  'entered_h', 'arrived_h', 'started_h', 'departed_h', 'left_h', 'wait_h', 'berth_h', 'service_h',
] as const;

/** Streams journey rows to a CSV file. Call `close()` and await it when the run ends. */
export class JourneyLogWriter {
  private readonly out: WriteStream;

  /** @param file path of the CSV file to create (overwritten). */
  constructor(file: string) {
    this.out = createWriteStream(file, { encoding: 'utf8' });
    this.out.write(stringify([[...JOURNEY_LOG_COLUMNS]]));
  }

  /** Append one row. */
  write(row: JourneyRow): void {
    const n = formatNumber;
    this.out.write(
      stringify([[
        row.container, row.route, row.origin, row.destination, row.stage, row.stageKind,
        n(row.entered), n(row.arrived), n(row.started), n(row.departed), n(row.left),
        n(row.started - row.arrived), n(row.departed - row.started), n(row.left - row.departed),
      ]]),
    );
  }

  /** Flush and close the file. */
  close(): Promise<void> {
    return new Promise((done, fail) => {
      this.out.once('error', fail);
      this.out.end(() => done());
    });
  }
}
