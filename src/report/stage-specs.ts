/**
 * Where the queues build, across scenarios: a heat map of utilization (colour) and mean wait
 * (the number in the cell) by stage and scenario, and the bottleneck ranking (share of all
 * waiting time, with its 95% interval) for the worst stages. Both from summary.csv.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../experiments/assemble.ts';
import { CHART_CONFIG, SCENARIO_SCHEME } from './theme.ts';

/**
 * Viridis, reversed so that busier is darker: perceptually uniform, so 0%, 25% and 50% are as
 * far apart as they look, and legible in grey print and to colour-blind readers.
 */
const HEATMAP_SCHEME = 'viridis';

/** One stage in one scenario (means over replications; null where undefined). */
export interface StageCell {
  readonly stage: string;
  readonly scenario: string;
  /** 0 to 1; null for a stage without capacity (a sea leg). */
  readonly utilization: number | null;
  readonly meanWaitHours: number | null;
  /** Share of all waiting hours, 0 to 1, with its 95% interval. */
  readonly waitShare: number | null;
  readonly waitShareLow: number | null;
  readonly waitShareHigh: number | null;
}

/** Stages shown: at most this many, the worst first. */
export const MAX_STAGES = 12;

/** Utilization above which a stage is shown whatever its wait (a capacity near its limit). */
export const BUSY_UTILIZATION = 0.85;

/** Cells of every stage and scenario present in summary.csv. */
export function stageCells(summary: readonly SummaryRow[], scenarios: readonly string[], stages: readonly string[]): StageCell[] {
  const index = new Map(summary.map((r) => [`${r.scenario}\u0000${r.metric}`, r]));
  const get = (scenario: string, stage: string, q: string): SummaryRow | undefined => index.get(`${scenario}\u0000stage.${stage}.${q}`);
  return scenarios.flatMap((scenario) =>
    stages.map((stage) => {
      const share = get(scenario, stage, 'wait_share');
      return {
        stage, scenario,
        utilization: get(scenario, stage, 'utilization')?.mean ?? null,
        meanWaitHours: get(scenario, stage, 'mean_wait_h')?.mean ?? null,
        waitShare: share?.mean ?? null,
        waitShareLow: share?.ci95Low ?? null,
        waitShareHigh: share?.ci95High ?? null,
      };
    }),
  );
}

/** The stages of `scenario` that held some waiting, largest share of waiting first (ties by id). */
export function stagesByWaitShare(cells: readonly StageCell[], scenario: string): StageCell[] {
  return cells.filter((c) => c.scenario === scenario && (c.waitShare ?? 0) > 0).sort((a, b) => (b.waitShare ?? 0) - (a.waitShare ?? 0) || a.stage.localeCompare(b.stage));
}

/**
 * The stages worth showing, worst first: by their largest share of waiting in any scenario, plus
 * any stage busier than BUSY_UTILIZATION somewhere (a binding capacity may hold little waiting
 * when its queue is upstream), at most MAX_STAGES.
 */
export function worstStages(cells: readonly StageCell[], max = MAX_STAGES): string[] {
  const score = new Map<string, number>();
  for (const c of cells) {
    const busy = (c.utilization ?? 0) > BUSY_UTILIZATION ? 1 : 0;
    score.set(c.stage, Math.max(score.get(c.stage) ?? 0, (c.waitShare ?? 0) + busy));
  }
  return [...score].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max).map(([id]) => id);
}

const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);

/** The heat map: rows stages (worst first), columns scenarios, colour utilization, text mean wait in hours. */
export function heatmapSpec(cells: readonly StageCell[], stages: readonly string[], scenarios: readonly string[], takeaway: string): TopLevelSpec {
  const values = cells.filter((c) => stages.includes(c.stage)).map((c) => ({
    stage: c.stage, scenario: c.scenario, utilization: pct(c.utilization), wait: c.meanWaitHours === null ? null : Math.round(c.meanWaitHours * 10) / 10, share: pct(c.waitShare),
  }));
  const x = { field: 'scenario', type: 'nominal', sort: [...scenarios], title: 'scenario', axis: { labelAngle: -30, labelLimit: 160 } } as const;
  const y = { field: 'stage', type: 'nominal', sort: [...stages], title: 'stage (worst first)', axis: { labelLimit: 240 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Utilization and mean wait by stage and scenario', subtitle: [takeaway, 'Colour: share of capacity busy (%); number: mean wait before service (hours); grey: no capacity (sea legs).'] },
    config: CHART_CONFIG,
    data: { values },
    width: Math.max(240, 70 * scenarios.length),
    height: 22 * stages.length,
    encoding: { x, y },
    layer: [
      // Grey underneath: stages without capacity (no utilization) keep a grey cell.
      { mark: { type: 'rect', fill: '#e4e4e4', stroke: 'white', strokeWidth: 1 } },
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'utilization', type: 'quantitative', title: 'utilization (%)', scale: { scheme: HEATMAP_SCHEME, reverse: true, domain: [0, 100] }, legend: { orient: 'right', gradientLength: 160 } },
          tooltip: [{ field: 'stage' }, { field: 'scenario' }, { field: 'utilization', title: 'utilization (%)' }, { field: 'wait', title: 'mean wait (h)' }, { field: 'share', title: 'share of waiting (%)' }],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'wait', type: 'quantitative', format: '.1f' },
          // Dark cells (high utilization) get white text.
          color: { condition: { test: 'datum.utilization > 55', value: 'white' }, value: '#1d1d1d' },
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * The bottleneck ranking: share of all waiting time per stage with its 95% interval, one colour
 * per scenario. A share cannot be negative, so the interval's lower end is clipped at 0, as in
 * the answer table and the series bands (a t interval over a few replications reaches below 0).
 */
export function rankingSpec(cells: readonly StageCell[], stages: readonly string[], scenarios: readonly string[], takeaway: string): TopLevelSpec {
  const values = cells.filter((c) => stages.includes(c.stage) && c.waitShare !== null).map((c) => ({
    stage: c.stage, scenario: c.scenario, share: pct(c.waitShare), low: Math.max(0, pct(c.waitShareLow ?? c.waitShare) ?? 0), high: pct(c.waitShareHigh ?? c.waitShare),
  }));
  const y = { field: 'stage', type: 'nominal', sort: [...stages], title: null, axis: { labelLimit: 240 } } as const;
  const yOffset = { field: 'scenario', type: 'nominal', sort: [...scenarios] } as const;
  const color = { field: 'scenario', type: 'nominal', scale: { domain: [...scenarios], scheme: scenarios.length > 10 ? 'tableau20' : SCENARIO_SCHEME }, legend: { orient: 'top', title: 'scenario', columns: Math.min(6, scenarios.length) } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Bottleneck ranking: share of all waiting time', subtitle: [takeaway, 'Dot: mean over replications; line: its 95% confidence interval (lower end clipped at 0).'] },
    config: CHART_CONFIG,
    data: { values },
    width: 520,
    // With yOffset the step is per scenario inside a stage's band.
    height: { step: Math.max(6, Math.min(12, 60 / scenarios.length)) },
    encoding: { y, yOffset, color },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'low', type: 'quantitative', title: 'share of all waiting time (%)' }, x2: { field: 'high' } } },
      {
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x: { field: 'share', type: 'quantitative' },
          tooltip: [{ field: 'stage' }, { field: 'scenario' }, { field: 'share', title: 'share (%)' }, { field: 'low', title: '95% CI low (%)' }, { field: 'high', title: '95% CI high (%)' }],
        },
      },
    ],
  } as TopLevelSpec;
}
