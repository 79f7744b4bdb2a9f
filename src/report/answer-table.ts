/**
 * The table a report opens with: one row per scenario, the quantities the question asks about,
 * each a mean with its 95% confidence interval. A study states its own answer in `key-table.csv`
 * in the run folder (long form: scenario, quantity, unit, value (a number, or a text such as a
 * stage id), ci95_low, ci95_high; written by
 * src/studies/tariff-shift/study-files.ts); any other run gets a generic one from summary.csv:
 * the Middle Corridor's offered and delivered volume, the network's backlog, and per scenario the
 * stage with the largest share of waiting and its mean wait.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SummaryRow } from '../experiments/assemble.ts';
import { parseCsv } from './csv-read.ts';
import { ReportError } from './report-error.ts';
import { type StageCell, stagesByWaitShare } from './stage-specs.ts';

/** A mean with its 95% interval (null: none), or a text (a stage id). */
export type AnswerCell = { readonly value: number | null; readonly low: number | null; readonly high: number | null } | { readonly text: string };

/** One column: what it is and its unit (shown in the header). */
export interface AnswerColumn {
  readonly label: string;
  readonly unit: string;
}

/** The answer: columns, then one row of cells per scenario (in column order). */
export interface AnswerTable {
  /** Where the numbers come from, shown under the table. */
  readonly source: string;
  readonly columns: readonly AnswerColumn[];
  readonly rows: readonly { readonly scenario: string; readonly cells: readonly AnswerCell[] }[];
}

/** The file a study writes its answer to, in the run folder. */
export const KEY_TABLE_FILE = 'key-table.csv';

/** Column names of key-table.csv, in order. */
export const KEY_TABLE_COLUMNS = ['scenario', 'quantity', 'unit', 'value', 'ci95_low', 'ci95_high'] as const;

const numberOrNull = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));

/** key-table.csv of a run folder as an answer table, or null when there is none. @throws ReportError when it is malformed */
export function readKeyTable(dir: string): AnswerTable | null {
  const file = path.join(dir, KEY_TABLE_FILE);
  if (!existsSync(file)) return null;
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0] ?? [];
  if (KEY_TABLE_COLUMNS.some((c, i) => header[i] !== c)) throw new ReportError(`${file}: expected the columns ${KEY_TABLE_COLUMNS.join(', ')}, got ${header.join(', ')}`);
  const columns: AnswerColumn[] = [];
  const byScenario = new Map<string, Map<string, AnswerCell>>();
  for (const [scenario = '', quantity = '', unit = '', value, low, high] of rows.slice(1)) {
    if (!columns.some((c) => c.label === quantity)) columns.push({ label: quantity, unit });
    const cells = byScenario.get(scenario) ?? new Map<string, AnswerCell>();
    byScenario.set(scenario, cells);
    // A value that is not a number is a text (a stage id, say).
    const numeric = value === undefined || value === '' || Number.isFinite(Number(value));
    cells.set(quantity, numeric ? { value: numberOrNull(value), low: numberOrNull(low), high: numberOrNull(high) } : { text: value });
  }
  return {
    source: `${KEY_TABLE_FILE} (written by the study)`,
    columns,
    rows: [...byScenario].map(([scenario, cells]) => ({ scenario, cells: columns.map((c) => cells.get(c.label) ?? { value: null, low: null, high: null }) })),
  };
}

/** The generic answer of a run from its summary rows and stage cells (stage-specs.ts `stageCells`; see the module comment). */
export function genericAnswer(summary: readonly SummaryRow[], scenarios: readonly string[], stages: readonly StageCell[]): AnswerTable {
  const row = (scenario: string, metric: string): SummaryRow | undefined => summary.find((r) => r.scenario === scenario && r.metric === metric);
  const estimate = (scenario: string, metric: string, factor = 1): AnswerCell => {
    const r = row(scenario, metric);
    const scale = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v * factor);
    // Every quantity here is >= 0; a t-interval on few replications may reach below it.
    const low = scale(r?.ci95Low);
    return { value: scale(r?.mean), low: low === null ? null : Math.max(0, low), high: scale(r?.ci95High) };
  };
  const has = (metric: string): boolean => summary.some((r) => r.metric === metric && r.mean !== null);
  const columns: AnswerColumn[] = [];
  const cellsOf: ((scenario: string) => AnswerCell)[] = [];
  const add = (label: string, unit: string, cell: (scenario: string) => AnswerCell): void => {
    columns.push({ label, unit });
    cellsOf.push(cell);
  };
  if (has('mode.middle-corridor.assigned_feu_per_week')) add('Middle Corridor offered', 'FEU/week', (s) => estimate(s, 'mode.middle-corridor.assigned_feu_per_week'));
  if (has('mode.middle-corridor.feu_per_week')) add('Middle Corridor delivered', 'FEU/week', (s) => estimate(s, 'mode.middle-corridor.feu_per_week'));
  if (has('network.backlog_feu')) add('in the network at the end', 'FEU', (s) => estimate(s, 'network.backlog_feu'));
  const worstOf = new Map(scenarios.map((scenario) => [scenario, stagesByWaitShare(stages, scenario)[0]?.stage ?? null]));
  const worst = (scenario: string): string | null => worstOf.get(scenario) ?? null;
  add('worst bottleneck', 'largest share of waiting', (s) => ({ text: worst(s) ?? '–' }));
  add('its share of waiting', '%', (s) => {
    const stage = worst(s);
    return stage === null ? { value: null, low: null, high: null } : estimate(s, `stage.${stage}.wait_share`, 100);
  });
  add('its mean wait', 'hours', (s) => {
    const stage = worst(s);
    return stage === null ? { value: null, low: null, high: null } : estimate(s, `stage.${stage}.mean_wait_h`);
  });
  return { source: 'summary.csv (mean over replications, Student-t 95% interval)', columns, rows: scenarios.map((scenario) => ({ scenario, cells: cellsOf.map((f) => f(scenario)) })) };
}
