/**
 * The key table of the study, printed at the end of a run and shown in the README: one line per
 * scenario with the numbers the study's question asks for, read from the study-summary rows.
 */
import { fixed, textTable } from '../../output/text-table.ts';
import { CASPIAN_FEEDER } from './study-config.ts';
import type { StudySummaryRow } from './summary-stats.ts';

/** The Middle Corridor route from Vietnam by rail, whose transit the key table shows. */
const VN_RAIL = 'mc-haiphong-rail-duisburg';

/** One line of the key table (volumes FEU/week, waits hours, transit days). */
export interface KeyRow {
  readonly scenario: string;
  /** Reciprocal US rate (fraction). */
  readonly usTariff: number;
  readonly vnEuFeuPerWeek: number;
  /** Overland share of the Vietnamese EU-bound volume (fraction). */
  readonly overlandShare: number;
  readonly overlandFeuPerWeek: number;
  /** Overland deliveries in the final runs: mean and 95% interval over replications (FEU/week). */
  readonly overlandDelivered: { readonly value: number; readonly low: number; readonly high: number };
  /** Vietnamese EU-bound volume on the Middle Corridor routes (FEU/week). */
  readonly vnMiddleCorridorFeuPerWeek: number;
  /** All Middle Corridor routes' deliveries, Chinese and Vietnamese (FEU/week). */
  readonly middleCorridorFeuPerWeek: number;
  /** Mean hours a box waits at Aktau for a feeder to load it. */
  readonly caspianWaitVesselHours: number;
  /** Mean hours from its loading starting to the feeder sailing (loading, then aboard at the berth). */
  readonly caspianAtBerthHours: number;
  readonly vnRailTransitMeanDays: number;
  readonly vnRailTransitP95Days: number;
  readonly unservedFeuPerWeek: number;
  readonly lostTradeFeuPerWeek: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** The key rows, one per scenario in the order they appear in `rows`. */
export function keyRows(rows: readonly StudySummaryRow[]): KeyRow[] {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  return scenarios.map((scenario) => {
    const find = (category: string, item: string, quantity: string): StudySummaryRow | undefined =>
      rows.find((r) => r.scenario === scenario && r.category === category && r.item === item && r.quantity === quantity);
    const get = (category: string, item: string, quantity: string): number => find(category, item, quantity)?.value ?? Number.NaN;
    const delivered = find('delivered', 'vn-overland', 'feu_per_week');
    return {
      scenario,
      usTariff: get('demand', 'us-tariff', 'reciprocal_rate'),
      vnEuFeuPerWeek: get('demand', 'vn-eu', 'feu_per_week'),
      overlandShare: get('overland', 'vn-eu', 'share'),
      overlandFeuPerWeek: get('overland', 'vn-eu', 'feu_per_week'),
      overlandDelivered: { value: delivered?.value ?? Number.NaN, low: delivered?.ci95Low ?? Number.NaN, high: delivered?.ci95High ?? Number.NaN },
      vnMiddleCorridorFeuPerWeek: get('overland', 'vn-middle-corridor', 'feu_per_week'),
      middleCorridorFeuPerWeek: get('corridor', 'middle-corridor', 'feu_per_week'),
      caspianWaitVesselHours: get('stage', CASPIAN_FEEDER, 'wait_vessel_h'),
      caspianAtBerthHours: get('stage', CASPIAN_FEEDER, 'at_berth_h'),
      vnRailTransitMeanDays: get('route', VN_RAIL, 'transit_mean_d'),
      vnRailTransitP95Days: get('route', VN_RAIL, 'transit_p95_d'),
      unservedFeuPerWeek: get('unserved', 'vn-overland', 'feu_per_week'),
      lostTradeFeuPerWeek: get('demand', 'lost-trade', 'feu_per_week'),
      iterations: get('equilibrium', 'vn-eu', 'iterations'),
      converged: get('equilibrium', 'vn-eu', 'converged') === 1,
    };
  });
}

/** The key table as aligned text (the README's table has the same columns). */
export function keyTableText(rows: readonly KeyRow[]): string {
  return textTable<KeyRow>(
    [
      { header: 'scenario', align: 'left', value: (r) => r.scenario },
      { header: 'US tariff', value: (r) => `${fixed(r.usTariff * 100, 0)}%` },
      { header: 'VN->EU FEU/wk', value: (r) => fixed(r.vnEuFeuPerWeek, 0) },
      { header: 'overland', value: (r) => `${fixed(r.overlandFeuPerWeek, 1)} (${fixed(r.overlandShare * 100, 2)}%)` },
      { header: 'delivered [95% CI]', value: (r) => `${fixed(r.overlandDelivered.value, 1)} [${fixed(r.overlandDelivered.low, 1)}, ${fixed(r.overlandDelivered.high, 1)}]` },
      { header: 'VN on MC', value: (r) => fixed(r.vnMiddleCorridorFeuPerWeek, 1) },
      { header: 'MC FEU/wk', value: (r) => fixed(r.middleCorridorFeuPerWeek, 0) },
      { header: 'Caspian wait h', value: (r) => fixed(r.caspianWaitVesselHours, 1) },
      { header: 'at berth h', value: (r) => fixed(r.caspianAtBerthHours, 1) },
      { header: 'VN rail MC d', value: (r) => `${fixed(r.vnRailTransitMeanDays, 1)} / ${fixed(r.vnRailTransitP95Days, 1)}` },
      { header: 'unserved', value: (r) => fixed(r.unservedFeuPerWeek, 1) },
      { header: 'lost trade', value: (r) => fixed(r.lostTradeFeuPerWeek, 0) },
      { header: 'equilibrium', align: 'left', value: (r) => (r.converged ? `converged, ${r.iterations} it.` : `NOT converged, ${r.iterations} it.`) },
    ],
    rows,
  );
}

/** What the key table's columns mean (printed under it). */
export const KEY_TABLE_LEGEND = [
  'VN->EU: Vietnamese containerised exports to the EU after the tariff shift (FEU/week, all routes)',
  'overland: of which assigned to the three overland routes (FEU/week and share); delivered: what the final runs delivered on them (FEU/week, mean and 95% CI over replications); VN on MC: assigned to the two Middle Corridor routes',
  'MC FEU/wk: deliveries of all Middle Corridor routes, Chinese and Vietnamese (simulated; the Black Sea branch not included)',
  'Caspian wait h: mean wait at Aktau for a feeder to start loading the box; at berth h: from its loading to the feeder sailing',
  'VN rail MC d: transit mean / p95 of mc-haiphong-rail-duisburg (days)',
  'unserved: overland FEU/week assigned but not delivered (queue growth); lost trade: FEU/week the tariff removes from all markets',
].join('\n');
