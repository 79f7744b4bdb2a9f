/**
 * The study's own files, beside the runner's in the run folder: equilibrium.csv (every
 * iteration of every scenario's equilibrium loop), study-summary.csv (the answers) and
 * key-table.csv (the key table with intervals, which the report opens with). Same
 * conventions as the runner's CSV files (src/output/csv.ts: RFC 4180, CRLF, shortest
 * round-trip numbers, empty field for a missing value), each written atomically.
 */
import path from 'node:path';
import { writeFileAtomic } from '../../output/atomic-write.ts';
import { csvText, type CsvCell } from '../../output/csv.ts';
import { metCriterion } from '../../trade/index.ts';
import type { ScenarioEquilibrium } from './equilibrium-stage.ts';
import type { StudySummaryRow } from './summary-stats.ts';
import { CASPIAN_FEEDER } from './study-config.ts';
import type { StudyRoute } from './trade-demand.ts';

/** Column names of the study's files, in order (documented in the README). */
export const STUDY_COLUMNS = {
  'equilibrium.csv': ['scenario', 'iteration', 'gap', 'flow_gap', 'converged', 'route', 'share', 'flow_feu_per_week', 'target_share', 'transit_mean_d', 'transit_p95_d', 'no_delivery'],
  'study-summary.csv': ['scenario', 'category', 'item', 'quantity', 'value', 'ci95_low', 'ci95_high', 'n'],
  'key-table.csv': ['scenario', 'quantity', 'unit', 'value', 'ci95_low', 'ci95_high'],
} as const;

/** The key table's quantities: label, unit, and where each comes from in study-summary (category, item, quantity, factor). */
const KEY_QUANTITIES: readonly (readonly [string, string, string, string, string, number])[] = [
  ['US tariff', '%', 'demand', 'us-tariff', 'reciprocal_rate', 100],
  ['VN -> EU', 'FEU/week', 'demand', 'vn-eu', 'feu_per_week', 1],
  ['VN overland, assigned', 'FEU/week', 'overland', 'vn-eu', 'feu_per_week', 1],
  ['VN overland, delivered', 'FEU/week', 'delivered', 'vn-overland', 'feu_per_week', 1],
  ['VN on the Middle Corridor (MC), assigned', 'FEU/week', 'overland', 'vn-middle-corridor', 'feu_per_week', 1],
  ['MC delivered, all cargo', 'FEU/week', 'corridor', 'middle-corridor', 'feu_per_week', 1],
  ['Caspian feeder wait', 'hours', 'stage', CASPIAN_FEEDER, 'wait_vessel_h', 1],
  ['VN rail via MC, mean transit', 'days', 'route', 'mc-haiphong-rail-duisburg', 'transit_mean_d', 1],
  ['VN rail via MC, p95 transit', 'days', 'route', 'mc-haiphong-rail-duisburg', 'transit_p95_d', 1],
];

/** The rows of key-table.csv (the report opens with it): the key quantities with their intervals, then the worst bottleneck. */
export function keyTableRows(summary: readonly StudySummaryRow[]): CsvCell[][] {
  const scenarios = [...new Set(summary.map((r) => r.scenario))];
  return scenarios.flatMap((scenario) => {
    const find = (category: string, item: string, quantity: string): StudySummaryRow | undefined =>
      summary.find((r) => r.scenario === scenario && r.category === category && r.item === item && r.quantity === quantity);
    const rows: CsvCell[][] = KEY_QUANTITIES.map(([label, unit, category, item, quantity, factor]) => {
      const r = find(category, item, quantity);
      // Every key quantity is >= 0 (volumes, waits, transit times, a rate): a t-interval on few
      // replications can reach below 0, which no reader can use, so its lower end is clipped at 0.
      const low = Math.max(0, (r?.ci95Low ?? Number.NaN) * factor);
      return [scenario, label, unit, cell((r?.value ?? Number.NaN) * factor), cell(low), cell((r?.ci95High ?? Number.NaN) * factor)];
    });
    const worst = summary.find((r) => r.scenario === scenario && r.category === 'bottleneck' && r.quantity === 'rank' && r.value === 1);
    if (worst !== undefined) {
      const share = find('bottleneck', worst.item, 'wait_share');
      rows.push([scenario, 'worst bottleneck', 'largest share of waiting', worst.item, null, null]);
      rows.push([scenario, 'its share of waiting', '%', cell((share?.value ?? Number.NaN) * 100), cell(Math.max(0, (share?.ci95Low ?? Number.NaN) * 100)), cell((share?.ci95High ?? Number.NaN) * 100)]);
    }
    return rows;
  });
}

/** A non-finite number as a missing value (empty field). */
const cell = (value: number): CsvCell => (Number.isFinite(value) ? value : null);

/** The rows of equilibrium.csv: one per scenario, iteration and route. */
export function equilibriumRows(equilibria: readonly ScenarioEquilibrium[], routes: readonly StudyRoute[]): CsvCell[][] {
  return equilibria.flatMap(({ demand, result }) => {
    const total = demand.classes.reduce((sum, c) => sum + c.demandFeuPerWeek, 0);
    return result.history.flatMap((h) =>
      routes.map((route, r) => {
        const flow = h.flowsFeuPerWeek[r] ?? Number.NaN;
        const target = demand.classes.reduce((sum, c, i) => sum + c.demandFeuPerWeek * (h.targetShares[i]?.[r] ?? 0), 0) / total;
        const times = h.times[r];
        return [
          demand.scenario.id, h.iteration, cell(h.gap), cell(h.flowGap), metCriterion(h, result) ? 1 : 0, route.id, cell(flow / total), cell(flow), cell(target),
          cell(times?.meanDays ?? Number.NaN), cell(times?.p95Days ?? Number.NaN), h.noDeliveryRoutes.includes(route.id) ? 1 : 0,
        ];
      }),
    );
  });
}

/** The rows of study-summary.csv. */
export function summaryRows(rows: readonly StudySummaryRow[]): CsvCell[][] {
  return rows.map((s) => [s.scenario, s.category, s.item, s.quantity, cell(s.value), cell(s.ci95Low), cell(s.ci95High), cell(s.n)]);
}

/** Write both files into `runDir`; returns their paths. */
export function writeStudyFiles(runDir: string, equilibria: readonly ScenarioEquilibrium[], routes: readonly StudyRoute[], summary: readonly StudySummaryRow[]): string[] {
  const files: [keyof typeof STUDY_COLUMNS, CsvCell[][]][] = [
    ['equilibrium.csv', equilibriumRows(equilibria, routes)],
    ['study-summary.csv', summaryRows(summary)],
    ['key-table.csv', keyTableRows(summary)],
  ];
  return files.map(([name, rows]) => {
    const file = path.join(runDir, name);
    writeFileAtomic(file, csvText(STUDY_COLUMNS[name], rows));
    return file;
  });
}
