/**
 * Capacity: the Middle Corridor's delivered volume against the volume offered to it (assigned by
 * route choice or pinned), per scenario, with 95% intervals. Points on the diagonal: it carries
 * all it is offered; points below it: it stops growing and the rest queues (or, over a sweep of
 * demand, where the points bend away from the diagonal is the capacity).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../experiments/assemble.ts';
import { CHART_CONFIG, SCENARIO_SCHEME } from './theme.ts';

/** Offered and delivered volume of one scenario (FEU per week; intervals null with fewer than 2 replications). */
export interface CapacityPoint {
  readonly scenario: string;
  readonly offered: number;
  readonly offeredLow: number | null;
  readonly offeredHigh: number | null;
  readonly delivered: number;
  readonly deliveredLow: number | null;
  readonly deliveredHigh: number | null;
}

/** The metric of what a mode is offered and of what it delivers. */
export const OFFERED = (mode: string): string => `mode.${mode}.assigned_feu_per_week`;
export const DELIVERED = (mode: string): string => `mode.${mode}.feu_per_week`;

/** Points of every scenario with both metrics for `mode`; empty when the run lacks them. */
export function capacityPoints(summary: readonly SummaryRow[], scenarios: readonly string[], mode = 'middle-corridor'): CapacityPoint[] {
  return scenarios.flatMap((scenario) => {
    const o = summary.find((r) => r.scenario === scenario && r.metric === OFFERED(mode));
    const d = summary.find((r) => r.scenario === scenario && r.metric === DELIVERED(mode));
    if (o?.mean == null || d?.mean == null) return [];
    return [{ scenario, offered: o.mean, offeredLow: o.ci95Low, offeredHigh: o.ci95High, delivered: d.mean, deliveredLow: d.ci95Low, deliveredHigh: d.ci95High }];
  });
}

/** The one-line takeaway: the largest shortfall of delivered against offered, or that there is none. */
export function capacityTakeaway(points: readonly CapacityPoint[]): string {
  const worst = [...points].sort((a, b) => (b.offered - b.delivered) / b.offered - (a.offered - a.delivered) / a.offered)[0];
  if (worst === undefined) return '';
  const gap = (worst.offered - worst.delivered) / worst.offered;
  // Below 2% the difference is within the year's arrival noise and the pipeline at the horizon.
  if (gap < 0.02) return `Every scenario delivers what it is offered (within 2%): capacity does not bind; at most ${Math.round(Math.max(...points.map((p) => p.delivered)))} FEU/week.`;
  return `Largest shortfall: ${worst.scenario} delivers ${Math.round(worst.delivered)} of ${Math.round(worst.offered)} FEU/week offered (${(gap * 100).toFixed(0)}% short): there it stops growing.`;
}

/** Delivered against offered, one point per scenario with cross-hair intervals, and the diagonal. */
export function capacitySpec(points: readonly CapacityPoint[], scenarios: readonly string[], takeaway: string): TopLevelSpec {
  const values = points.map((p) => ({
    scenario: p.scenario,
    offered: p.offered, offeredLow: p.offeredLow ?? p.offered, offeredHigh: p.offeredHigh ?? p.offered,
    delivered: p.delivered, deliveredLow: p.deliveredLow ?? p.delivered, deliveredHigh: p.deliveredHigh ?? p.delivered,
  }));
  const top = Math.max(1, ...values.map((v) => Math.max(v.offeredHigh, v.deliveredHigh))) * 1.05;
  const low = Math.max(0, Math.min(...values.map((v) => Math.min(v.offeredLow, v.deliveredLow))) * 0.95);
  const scale = { domain: [low, top], nice: false, zero: false };
  const x = { field: 'offered', type: 'quantitative', title: 'offered to the Middle Corridor (FEU/week)', scale } as const;
  const y = { field: 'delivered', type: 'quantitative', title: 'delivered by the Middle Corridor (FEU/week)', scale } as const;
  const color = { field: 'scenario', type: 'nominal', scale: { domain: [...scenarios], scheme: scenarios.length > 10 ? 'tableau20' : SCENARIO_SCHEME }, legend: { orient: 'right', title: 'scenario' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Capacity: delivered against offered volume, Middle Corridor', subtitle: [takeaway, 'Dashed: delivered = offered. Lines through a point: 95% confidence intervals over replications.'] },
    config: CHART_CONFIG,
    width: 440,
    height: 440,
    layer: [
      { data: { values: [{ a: low, b: low }, { a: top, b: top }] }, mark: { type: 'line', strokeDash: [5, 4], color: '#888' }, encoding: { x: { field: 'a', type: 'quantitative', scale, title: x.title }, y: { field: 'b', type: 'quantitative', scale, title: y.title } } },
      { data: { values }, mark: { type: 'rule' }, encoding: { x: { field: 'offeredLow', type: 'quantitative', scale }, x2: { field: 'offeredHigh' }, y, color } },
      { data: { values }, mark: { type: 'rule' }, encoding: { y: { field: 'deliveredLow', type: 'quantitative', scale }, y2: { field: 'deliveredHigh' }, x, color } },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x, y, color,
          tooltip: [{ field: 'scenario' }, { field: 'offered', format: '.1f', title: 'offered (FEU/week)' }, { field: 'delivered', format: '.1f', title: 'delivered (FEU/week)' }],
        },
      },
    ],
  } as TopLevelSpec;
}
