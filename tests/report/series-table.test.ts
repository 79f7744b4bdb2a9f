/** series.csv read into groups for averaging: the fast line scanner against the general CSV parser. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLineChunks } from '../../src/output/read-chunks.ts';
import { COLUMNS } from '../../src/experiments/outputs.ts';
import { ReportError } from '../../src/report/report-error.ts';
import { SeriesTable } from '../../src/report/series-table.ts';

const columns = COLUMNS['series.csv'];
const header = columns.join(',');
const lines = [
  'a,0,route_weekly_feu,r1,0,2',
  'a,0,route_weekly_feu,r1,1,',
  'a,0,route_weekly_feu,r2,0,5',
  'a,0,not_a_series_of_this_version,r1,0,9',
  'a,1,route_weekly_feu,r1,0,4',
  'a,1,route_weekly_feu,r1,1,6',
  'a,1,route_weekly_feu,r1,2,',
  'b,0,route_transit_h,r1,0.5,48',
  'b,0,stage_weekly_queue_feu,s1,0,1.5',
];

/** Every group of every series as plain data, in the table's order. */
const dump = (table: SeriesTable): unknown[] =>
  (['route_weekly_feu', 'route_transit_h', 'stage_weekly_queue_feu'] as const).flatMap((series) => [...table.groups(series)].map((g) => [series, g.scenario, g.key, g.x, [...g.values]]));

describe('SeriesTable', () => {
  it('groups values by series, scenario, key and x in first-appearance order, leaving out missing values and unknown series', () => {
    const table = SeriesTable.fromCsv(`${header}\n${lines.join('\n')}\n`, columns);
    expect(dump(table)).toEqual([
      ['route_weekly_feu', 'a', 'r1', 0, [2, 4]],
      ['route_weekly_feu', 'a', 'r1', 1, [6]],
      ['route_weekly_feu', 'a', 'r1', 2, []],
      ['route_weekly_feu', 'a', 'r2', 0, [5]],
      ['route_transit_h', 'b', 'r1', 0.5, [48]],
      ['stage_weekly_queue_feu', 'b', 's1', 0, [1.5]],
    ]);
    expect(table.keys('route_weekly_feu')).toEqual(['r1', 'r2']);
    expect(table.isEmpty).toBe(false);
  });

  it('reads CRLF line ends, a missing final line end and quoted fields the same way', () => {
    const plain = dump(SeriesTable.fromCsv(`${header}\n${lines.join('\n')}\n`, columns));
    expect(dump(SeriesTable.fromCsv(`${header}\r\n${lines.join('\r\n')}`, columns))).toEqual(plain);
    // A quote anywhere sends the file through the general RFC 4180 parser.
    const quoted = lines.map((line) => line.replace(/^a,/, '"a",'));
    expect(dump(SeriesTable.fromCsv(`${header}\r\n${quoted.join('\r\n')}\r\n`, columns))).toEqual(plain);
  });

  it('refuses a file whose header is not series.csv\'s, naming the file', () => {
    expect(() => SeriesTable.fromCsv('scenario,replication,series\na,0,x\n', columns)).toThrow(ReportError);
    expect(() => SeriesTable.fromCsv('', columns)).toThrow(/series\.csv: expected the header .* found an empty file/);
  });

  it('is empty with only a header', () => {
    expect(SeriesTable.fromCsv(`${header}\n`, columns).isEmpty).toBe(true);
  });

  it('reads a file in pieces of whole lines (fromCsvChunks) as it reads the whole text, quoted lines among them', () => {
    const text = `${header}\r\n${[...lines, '"c,1",0,route_weekly_feu,"r""3",0,7', 'c,0,route_weekly_feu,r1,0,8'].join('\r\n')}\r\n`;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-series-')), 'series.csv');
    writeFileSync(file, text);
    const whole = dump(SeriesTable.fromCsv(text, columns));
    expect(whole.length).toBeGreaterThan(6);
    // 1 byte: one line per piece, the header alone in the first.
    for (const chunkBytes of [1, 30, 1 << 20]) expect(dump(SeriesTable.fromCsvChunks(readLineChunks(file, chunkBytes), columns))).toEqual(whole);
    expect(() => SeriesTable.fromCsvChunks([], columns)).toThrow(ReportError);
    expect(() => SeriesTable.fromCsvChunks(['scenario,x\r\n', 'a,1\r\n'], columns)).toThrow(ReportError);
  });
});
