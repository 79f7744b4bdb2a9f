/**
 * The look shared by every chart: the system font stack (the report must open offline, so no
 * web fonts), modest sizes, and one colour per scenario in the run's scenario order, the same in
 * every chart.
 */
import type { Config } from 'vega-lite';

/** System fonts only: the report loads nothing from the network. */
export const FONT_STACK = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

/** Vega-Lite config used by every chart. */
export const CHART_CONFIG: Config = {
  font: FONT_STACK,
  background: 'white',
  padding: 8,
  view: { stroke: '#d0d0d0' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#ececec' },
  header: { labelFontSize: 12, labelFontWeight: 'bold', titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555', offset: 12 },
};

/** Colours for scenarios (a colour-blind-safe categorical scheme), in the run's scenario order. */
export const SCENARIO_SCHEME = 'tableau10';

/** Colours for utilization, 0 (pale) to 1 (dark red). */
export const UTILIZATION_SCHEME = 'yelloworangered';
