/**
 * Vega-Lite specifications of the sensitivity charts: a tornado chart of one-at-a-time effects
 * (per output one panel; per factor a bar to its low end and one to its high end, each the mean
 * paired difference from the baseline with its 95% whisker; factors sorted by |high - low|) and
 * the Morris μ*–σ plane (per output one panel; a point per factor with its μ* interval). Data go
 * in inline, as in series-specs.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './theme.ts';

/** One bar of a tornado chart: a factor's end (low or high) minus the baseline, in the output's unit. */
export interface TornadoBar {
  readonly output: string;
  /** Factor label as shown (with its unit and range). */
  readonly factor: string;
  readonly end: 'low' | 'high';
  readonly effect: number;
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
}

/** One factor in the Morris plane of one output (output unit per whole factor range). */
export interface MorrisMark {
  readonly output: string;
  readonly factor: string;
  readonly muStar: number;
  readonly sigma: number;
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const END_COLORS = { domain: ['low', 'high'], range: ['#4e79a7', '#e15759'] };

/** `outputs` in order, one panel each, stacked (the factor labels are long). */
function outputPanels(outputs: readonly string[], panel: (output: string) => Record<string, unknown>, columns = 1): Record<string, unknown> {
  return { concat: outputs.map((output) => ({ title: { text: output, fontSize: 12, anchor: 'middle' }, ...panel(output) })), columns: Math.min(columns, Math.max(1, outputs.length)) };
}

/** The unit of a metric from its name's suffix (README, "Metrics"). */
export function metricUnit(metric: string): string {
  if (metric.endsWith('feu_per_week')) return 'FEU/week';
  if (metric.endsWith('_h')) return 'h';
  if (metric.endsWith('_feu')) return 'FEU';
  if (metric.endsWith('utilization') || metric.endsWith('wait_share')) return 'fraction';
  return 'output unit';
}

/**
 * The tornado chart. `order` lists each output's factor labels largest effect first (the bars
 * are drawn in that order, top to bottom).
 */
export function tornadoSpec(bars: readonly TornadoBar[], order: ReadonlyMap<string, readonly string[]>): TopLevelSpec {
  const outputs = [...order.keys()];
  return {
    $schema: SCHEMA,
    title: { text: 'One-at-a-time effects (tornado)', subtitle: ['Each factor at its low and high end minus the baseline:', 'mean paired difference over replications (same seeds), 95% interval'] },
    config: CHART_CONFIG,
    ...outputPanels(outputs, (output) => {
      const y = { field: 'factor', type: 'nominal', title: null, sort: [...(order.get(output) ?? [])], axis: { labelLimit: 380 } } as const;
      const yOffset = { field: 'end', type: 'nominal', scale: { domain: ['low', 'high'] } } as const;
      // Whiskers through the middle of their bar (a rule otherwise sits at the top of its offset band).
      const centred = { y: { ...y, bandPosition: 0.5 }, yOffset: { ...yOffset, bandPosition: 0.5 } };
      return {
        width: 420,
        height: { step: 16 },
        data: { values: bars.filter((b) => b.output === output).map((b) => ({ ...b, zero: 0 })) },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y, yOffset,
              x: { field: 'zero', type: 'quantitative', title: `change from the baseline (${metricUnit(output)})`, axis: { tickCount: 6, labelOverlap: 'greedy' } },
              x2: { field: 'effect' },
              color: { field: 'end', type: 'nominal', title: 'factor at', scale: END_COLORS, legend: { orient: 'top' } },
              tooltip: [{ field: 'factor' }, { field: 'end' }, { field: 'effect', format: '.4~g' }, { field: 'ci95Low', format: '.4~g' }, { field: 'ci95High', format: '.4~g' }],
            },
          },
          {
            mark: { type: 'rule', color: '#333', strokeWidth: 1.2 },
            transform: [{ filter: 'datum.ci95Low != null && datum.ci95High != null' }],
            encoding: { ...centred, x: { field: 'ci95Low', type: 'quantitative' }, x2: { field: 'ci95High' } },
          },
          { mark: { type: 'rule', color: '#777' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        ],
      };
    }),
  } as TopLevelSpec;
}

/** The Morris μ*–σ plane, with the line σ = μ* for reference. */
export function morrisSpec(marks: readonly MorrisMark[], outputs: readonly string[]): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: 'Morris elementary effects: μ* against σ', subtitle: ['Right: the output moves more with the factor (μ*, 95% bootstrap interval);', 'up: the effect varies across the space (non-linear or interacting)'] },
    config: CHART_CONFIG,
    ...outputPanels(outputs, (output) => {
      const values = marks.filter((m) => m.output === output);
      const top = Math.max(0, ...values.flatMap((m) => [m.muStar, m.sigma, m.ci95High ?? 0]));
      const unit = metricUnit(output);
      const x = { field: 'muStar', type: 'quantitative', title: `μ*: mean |elementary effect| (${unit} per range)`, scale: { domain: [0, top || 1], nice: true } } as const;
      const y = { field: 'sigma', type: 'quantitative', title: `σ of the elementary effects (${unit})`, scale: { domain: [0, top || 1], nice: true } } as const;
      return {
        width: 420,
        height: 240,
        data: { values },
        layer: [
          { data: { values: [{ muStar: 0, sigma: 0 }, { muStar: top || 1, sigma: top || 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#aaa' }, encoding: { x, y } },
          { mark: { type: 'rule', color: '#555' }, transform: [{ filter: 'datum.ci95Low != null && datum.ci95High != null' }], encoding: { x: { field: 'ci95Low', type: 'quantitative' }, x2: { field: 'ci95High' }, y } },
          { mark: { type: 'point', filled: true, size: 60, color: '#e15759' }, encoding: { x, y, tooltip: [{ field: 'factor' }, { field: 'muStar', format: '.4~g' }, { field: 'sigma', format: '.4~g' }] } },
          { mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10 }, encoding: { x, y, text: { field: 'factor' } } },
        ],
      };
    }, 2),
  } as TopLevelSpec;
}
