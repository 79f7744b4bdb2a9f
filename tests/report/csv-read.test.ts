/** Reading the run's CSV files back: a file read in pieces gives the rows its whole text gives. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFileRows, csvRows } from '../../src/report/csv-read.ts';
import { ReportError } from '../../src/report/report-error.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-csv-read-'));
const columns = ['scenario', 'replication', 'seed', 'metric', 'value'];

describe('csvFileRows', () => {
  it('gives the rows of the whole text, whatever the size of the pieces, quoted fields and CRLF included', () => {
    const text = [
      columns.join(','),
      'base,0,17,route.a.transit_mean_h,12.5',
      '"with,comma",1,18,"metric ""quoted""\r\nover two lines",',
      'base,1,19,stage.é€.mean_wait_h,3',
      '',
    ].join('\r\n');
    const file = path.join(dir, 'replications.csv');
    writeFileSync(file, text);
    const whole = csvRows(text, columns, 'replications.csv');
    expect(whole).toHaveLength(3);
    for (const chunkBytes of [1, 7, 64, undefined]) expect([...csvFileRows(file, columns, 'replications.csv', chunkBytes)]).toEqual(whole);
  });

  it('names the file when the header differs or the file is empty', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'scenario,metric\r\nbase,x\r\n');
    expect(() => [...csvFileRows(bad, columns, 'replications.csv')]).toThrow(/replications\.csv: expected the header scenario,replication,seed,metric,value, found scenario,metric/);
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(() => [...csvFileRows(empty, columns, 'replications.csv')]).toThrow(ReportError);
    expect(() => [...csvFileRows(empty, columns, 'replications.csv')]).toThrow(/found an empty file/);
  });
});
