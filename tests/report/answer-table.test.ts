/**
 * The table a report opens with: the study's key-table.csv read back with its intervals and
 * texts, and the generic answer of any run from summary rows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/experiments/assemble.ts';
import { genericAnswer, KEY_TABLE_COLUMNS, KEY_TABLE_FILE, readKeyTable } from '../../src/report/answer-table.ts';
import { ReportError } from '../../src/report/report-error.ts';
import { stageCells } from '../../src/report/stage-specs.ts';
import { STUDY_COLUMNS } from '../../src/studies/tariff-shift/study-files.ts';

const row = (scenario: string, metric: string, mean: number, low: number, high: number): SummaryRow => ({ scenario, metric, n: 5, mean, sd: 1, ci95Low: low, ci95High: high, p50: mean, p95: mean });

describe('key-table.csv', () => {
  it('has the columns the study writes', () => {
    expect([...KEY_TABLE_COLUMNS]).toEqual([...STUDY_COLUMNS['key-table.csv']]);
  });

  it('reads numbers with their intervals and texts, scenarios down and quantities across in file order', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-key-'));
    writeFileSync(path.join(dir, KEY_TABLE_FILE), [
      KEY_TABLE_COLUMNS.join(','),
      'a,volume,FEU/week,10,9,11',
      'a,worst bottleneck,largest share of waiting,aktau,,',
      'b,volume,FEU/week,12,,',
    ].join('\r\n'));
    const table = readKeyTable(dir);
    expect(table?.columns).toEqual([{ label: 'volume', unit: 'FEU/week' }, { label: 'worst bottleneck', unit: 'largest share of waiting' }]);
    expect(table?.rows).toEqual([
      { scenario: 'a', cells: [{ value: 10, low: 9, high: 11 }, { text: 'aktau' }] },
      { scenario: 'b', cells: [{ value: 12, low: null, high: null }, { value: null, low: null, high: null }] },
    ]);
  });

  it('is absent for a run without one, and a wrong header is refused naming the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-key-'));
    expect(readKeyTable(dir)).toBeNull();
    writeFileSync(path.join(dir, KEY_TABLE_FILE), 'scenario,what\r\na,1\r\n');
    expect(() => readKeyTable(dir)).toThrow(ReportError);
    expect(() => readKeyTable(dir)).toThrow(/key-table\.csv: expected the columns/);
  });
});

describe('the generic answer', () => {
  it('gives offered and delivered volume, and per scenario the stage with the largest share of waiting, its share in % and its wait', () => {
    const summary = [
      row('base', 'mode.middle-corridor.assigned_feu_per_week', 300, 299, 301),
      row('base', 'mode.middle-corridor.feu_per_week', 290, 285, 295),
      row('base', 'stage.aktau.wait_share', 0.2, 0.1, 0.3),
      row('base', 'stage.aktau.mean_wait_h', 12, 10, 14),
      row('base', 'stage.alat.wait_share', 0.4, 0.3, 0.5),
      row('base', 'stage.alat.mean_wait_h', 30, 25, 35),
      row('more', 'mode.middle-corridor.assigned_feu_per_week', 300, 299, 301),
      row('more', 'mode.middle-corridor.feu_per_week', 298, 296, 300),
      row('more', 'stage.aktau.wait_share', 0.6, 0.5, 0.7),
      row('more', 'stage.aktau.mean_wait_h', 20, 18, 22),
    ];
    const table = genericAnswer(summary, ['base', 'more'], stageCells(summary, ['base', 'more'], ['aktau', 'alat']));
    expect(table.columns.map((c) => c.label)).toEqual(['Middle Corridor offered', 'Middle Corridor delivered', 'worst bottleneck', 'its share of waiting', 'its mean wait']);
    expect(table.rows[0]?.cells.slice(1)).toEqual([{ value: 290, low: 285, high: 295 }, { text: 'alat' }, { value: 40, low: 30, high: 50 }, { value: 30, low: 25, high: 35 }]);
    expect(table.rows[1]?.cells[2]).toEqual({ text: 'aktau' });
  });
});
