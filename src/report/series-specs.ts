/**
 * Vega-Lite specifications of the three series charts, one small panel per route or stage and
 * one colour per scenario: weekly throughput with its 95% band, the transit-time ECDF, and the
 * queue over time. Data go in inline (`data.values`), so a chart renders without any file.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BandPoint } from './aggregate.ts';
import { CHART_CONFIG, SCENARIO_SCHEME } from './theme.ts';

/** What every series chart needs to know besides its points. */
export interface SeriesChartContext {
  /** Scenario ids in the run's order (fixes the colours). */
  readonly scenarios: readonly string[];
  /** Panel keys (route or stage ids) in display order. */
  readonly keys: readonly string[];
}

const PANEL = { width: 250, height: 130 } as const;

/** Colour by scenario, in the run's order, the same in every chart. */
function scenarioColor(scenarios: readonly string[]): Record<string, unknown> {
  return {
    field: 'scenario', type: 'nominal', title: 'scenario',
    // Ten colours repeat from the eleventh scenario on: twenty distinct ones above ten.
    scale: { domain: [...scenarios], scheme: scenarios.length > 10 ? 'tableau20' : SCENARIO_SCHEME },
    // Opaque stroke symbols: the legend must not take the faint fill of the bands.
    legend: { orient: 'top', symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 },
  };
}

/**
 * One panel per key, wrapped into rows of three, each with its own slice of the data. Panels are
 * concatenated rather than faceted: a wrapped facet draws axes under empty cells of its last row.
 */
function panels(values: readonly Record<string, unknown>[], context: SeriesChartContext, field: string, panel: Record<string, unknown>): Record<string, unknown> {
  return {
    concat: context.keys.map((key) => ({
      ...PANEL,
      title: { text: key, fontSize: 12, anchor: 'middle', subtitle: '' },
      data: { values: values.filter((v) => v[field] === key) },
      ...panel,
    })),
    columns: Math.min(3, Math.max(1, context.keys.length)),
  };
}

/** A band-and-line chart per key of `points` (mean with its 95% interval). */
function bandChart(points: readonly BandPoint[], context: SeriesChartContext, text: { title: string; subtitle: string; panel: string; x: string; y: string }): TopLevelSpec {
  // The series are counts and queue lengths: a band below zero says nothing a reader can use.
  const values = points.map((p) => ({ scenario: p.scenario, [text.panel]: p.key, x: p.x, mean: p.mean, low: Math.max(0, p.low), high: p.high, n: p.n }));
  const x = { field: 'x', type: 'quantitative', title: text.x, axis: { tickMinStep: 1 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text.title, subtitle: text.subtitle },
    config: CHART_CONFIG,
    ...panels(values, context, text.panel, {
      layer: [
        {
          mark: { type: 'area', opacity: 0.15 },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: text.y }, y2: { field: 'high' }, color: scenarioColor(context.scenarios) },
        },
        {
          mark: { type: 'line', strokeWidth: 1.6 },
          encoding: { x, y: { field: 'mean', type: 'quantitative', title: text.y }, color: scenarioColor(context.scenarios) },
        },
      ],
    }),
    resolve: { scale: { y: 'independent', color: 'shared' } },
  } as TopLevelSpec;
}

/** FEU delivered per week per route: mean over replications with its Student-t 95% band. */
export function throughputSpec(points: readonly BandPoint[], context: SeriesChartContext, replications: number): TopLevelSpec {
  return bandChart(points, context, {
    title: 'Throughput per week, by route',
    subtitle: `FEU delivered in each complete week after the warm-up: mean of ${replications} replications (line) and its 95% confidence band (shaded)`,
    panel: 'route',
    x: 'week after warm-up',
    y: 'FEU per week',
  });
}

/** Time-average FEU waiting per week at the chosen stages, mean over replications with a 95% band. */
export function queueSpec(points: readonly BandPoint[], context: SeriesChartContext, replications: number): TopLevelSpec {
  return bandChart(points, context, {
    title: 'Queue over time at the worst bottlenecks',
    subtitle: `Time-average FEU waiting in each week after the warm-up: mean of ${replications} replications (line) and its 95% confidence band (shaded)`,
    panel: 'stage',
    x: 'week after warm-up',
    y: 'FEU waiting',
  });
}

/**
 * Transit-time ECDF per route and scenario, from the replications' transit quantiles averaged
 * level by level (the quantile average of the replications' distributions), in days.
 */
export function transitSpec(points: readonly BandPoint[], context: SeriesChartContext): TopLevelSpec {
  const values = points.map((p) => ({ scenario: p.scenario, route: p.key, p: p.x, days: p.mean / 24 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Transit-time distribution, by route and scenario',
      subtitle: 'Share of containers delivered within a given time (empirical CDF, quantiles from 1% to 99% averaged over replications)',
    },
    config: CHART_CONFIG,
    ...panels(values, context, 'route', {
      mark: { type: 'line', strokeWidth: 1.6, point: { size: 14 } },
      encoding: {
        x: { field: 'days', type: 'quantitative', title: 'transit time (days)', scale: { zero: false } },
        y: { field: 'p', type: 'quantitative', title: 'share delivered', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: scenarioColor(context.scenarios),
        order: { field: 'p', type: 'quantitative' },
      },
    }),
    resolve: { scale: { x: 'independent', color: 'shared' } },
  } as TopLevelSpec;
}
