import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { JourneyRow } from '../../src/corridor/runtime/container.ts';
import { JOURNEY_LOG_COLUMNS, JourneyLogWriter } from '../../src/output/journey-log.ts';
import { formatNumber } from '../../src/output/number-format.ts';

const row = (container: number, stage: string, times: readonly number[]): JourneyRow => {
  const [entered = 0, arrived = 0, started = 0, departed = 0, left = 0] = times;
  return { container, route: 'mc-a', origin: 'xian', destination: 'duisburg', stage, stageKind: 'terminal', entered, arrived, started, departed, left };
};

describe('JourneyLogWriter', () => {
  it('writes the bytes csv-stringify writes for the same rows, across many flushed blocks', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-journey-')), 'journey.csv');
    // Ids needing quotes, a missing time (NaN), infinities and -0, then enough rows for several 64 KiB blocks.
    const rows = [
      row(0, 'a,b', [0.1, 0.2, 0.3, 0.3, 1]),
      row(1, 'say "hi"', [Number.NaN, 1, 2, 3, Infinity]),
      row(2, 'two\nlines', [-0, -Infinity, 1e-9, 1e21, 2]),
      ...Array.from({ length: 5000 }, (_, i) => row(i + 3, `stage-${i % 7}`, [i / 3, i / 3 + 1, i / 3 + 2, i / 3 + 2, i / 3 + 5])),
    ];
    const writer = new JourneyLogWriter(file);
    for (const r of rows) writer.write(r);
    writer.close();
    const n = formatNumber;
    const expected = stringify([
      [...JOURNEY_LOG_COLUMNS],
      ...rows.map((r) => [
        r.container, r.route, r.origin, r.destination, r.stage, r.stageKind,
        n(r.entered), n(r.arrived), n(r.started), n(r.departed), n(r.left),
        n(r.started - r.arrived), n(r.departed - r.started), n(r.left - r.departed),
      ]),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});
