/**
 * The schematic map: nodes and legs of the baseline model at their positions, coloured by the
 * baseline's mean utilization, with the worst bottleneck (largest share of all waiting time)
 * marked by a large ring and a label. Sea legs are dashed, ferries dotted, rail solid; a stage
 * without a capacity to be busy (liner sailings) is drawn grey.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StageFacts } from './aggregate.ts';
import { LEG_KINDS, NODE_KINDS } from '../corridor/kinds/registry.ts';
import { PLACEMENTS, placeLabels, type LabelRequest } from './label-placement.ts';
import type { NetworkLayout } from './layout.ts';
import { CHART_CONFIG, UTILIZATION_SCHEME } from './theme.ts';

/** The map's inputs besides the layout. */
export interface MapInput {
  readonly layout: NetworkLayout;
  /** Baseline facts by stage id. */
  readonly facts: ReadonlyMap<string, StageFacts>;
  /** The worst bottleneck, or null when nothing waited. */
  readonly bottleneck: StageFacts | null;
  readonly modelTitle: string;
}

/** Plot width in pixels (the page is about 1,100 px wide; legends take the rest). */
const WIDTH = 880;
const NODE_FONT = 10;
const MARK_FONT = 12;

const percent = (share: number | null): string => (share === null ? '' : `${(share * 100).toFixed(0)}%`);

/** Plot height that keeps degrees of longitude and latitude in proportion (at mid latitude). */
function heightFor(layout: NetworkLayout, xSpan: number, ySpan: number): number {
  if (!layout.geographic) return Math.max(220, Math.min(520, 70 * (ySpan + 1)));
  const midLat = (layout.nodes.reduce((s, n) => s + n.y, 0) / Math.max(1, layout.nodes.length)) * (Math.PI / 180);
  return Math.round(Math.max(240, Math.min(620, (WIDTH * ySpan) / (xSpan * Math.cos(midLat)))));
}

/** Where the bottleneck ring goes: on its node, or at the middle of its leg. */
function markAt(layout: NetworkLayout, stage: StageFacts): { x: number; y: number } | undefined {
  const node = layout.nodes.find((n) => n.id === stage.id);
  if (node !== undefined) return { x: node.x, y: node.y };
  return layout.legs.find((l) => l.id === stage.id)?.points[1];
}

/** Text layers, one per placement in use (Vega-Lite takes offsets and alignment per mark, not per datum). */
function labelLayers(rows: readonly { placement: string }[], style: { fontSize: number; bold: boolean; gap: number }, x: object, y: object): object[] {
  return PLACEMENTS.filter((p) => rows.some((r) => r.placement === p.name)).map((p) => ({
    data: { values: rows.filter((r) => r.placement === p.name) },
    mark: { type: 'text', align: p.align, baseline: 'middle', dx: p.dx * style.gap, dy: p.dy * style.gap, fontSize: style.fontSize, fontWeight: style.bold ? 'bold' : 'normal', color: '#111' },
    encoding: { x, y, text: { field: 'label' } },
  }));
}

/** The Vega-Lite specification of the map. */
export function mapSpec(input: MapInput): TopLevelSpec {
  const { layout, facts, bottleneck } = input;
  const xs = layout.nodes.map((n) => n.x);
  const ys = layout.nodes.map((n) => n.y);
  const pad = layout.geographic ? 4 : 0.6;
  const [x0, x1, y0, y1] = [Math.min(...xs) - pad, Math.max(...xs) + pad, Math.min(...ys) - pad, Math.max(...ys) + pad];
  const height = heightFor(layout, x1 - x0, y1 - y0);
  const px = (p: { x: number; y: number }): { x: number; y: number } => ({ x: ((p.x - x0) / (x1 - x0)) * WIDTH, y: height - ((p.y - y0) / (y1 - y0)) * height });
  const utilization = (id: string): number | null => facts.get(id)?.utilization ?? null;

  const mark = bottleneck === null ? undefined : markAt(layout, bottleneck);
  const markLabel = bottleneck === null ? '' : `bottleneck: ${bottleneck.id} (${percent(bottleneck.waitShare)} of waiting)`;
  const requests: LabelRequest[] = [
    ...(mark === undefined ? [] : [{ id: '\u0000mark', ...px(mark), text: markLabel, fontSize: MARK_FONT, bold: true, gap: 2.6 }]),
    ...layout.nodes.map((n) => ({ id: n.id, ...px(n), text: n.id, fontSize: NODE_FONT })),
  ];
  // The ring is an obstacle too: about 18 px in radius, so four 10 px boxes around its centre.
  const ring = mark === undefined ? [] : [-12, 12].flatMap((dx) => [-12, 12].map((dy) => ({ x: px(mark).x + dx, y: px(mark).y + dy })));
  const placed = placeLabels(requests, [...layout.nodes.map(px), ...ring], WIDTH, height);
  const where = (id: string): string => placed.get(id)?.name ?? 'e';

  const legRows = layout.legs.flatMap((leg) => leg.points.map((p, order) => ({ leg: leg.id, kind: leg.kind, order, x: p.x, y: p.y, utilization: utilization(leg.id) })));
  const nodeRows = layout.nodes.map((n) => ({ node: n.id, label: n.id, kind: n.kind, x: n.x, y: n.y, utilization: utilization(n.id), placement: where(n.id) }));
  const markRows = mark === undefined ? [] : [{ ...mark, label: markLabel, placement: where('\u0000mark') }];
  const axis = layout.geographic ? { grid: true } : { grid: false, labels: false, ticks: false };
  const x = { field: 'x', type: 'quantitative', scale: { domain: [x0, x1], nice: false, zero: false }, title: layout.geographic ? 'longitude (°E)' : 'step along the legs (origins right, destinations left)', axis };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [y0, y1], nice: false, zero: false }, title: layout.geographic ? 'latitude (°N)' : 'branch', axis };
  const color = (legend: boolean): object => ({
    field: 'utilization', type: 'quantitative', title: 'utilization',
    scale: { domain: [0, 1], scheme: { name: UTILIZATION_SCHEME, extent: [0.2, 1] } },
    // One gradient legend, from the nodes' layer; the legs share the scale without a second legend.
    legend: legend ? { type: 'gradient', format: '.0%', orient: 'right', gradientLength: 140 } : null,
  });
  const dash = { field: 'kind', type: 'nominal', title: 'leg', scale: { domain: Object.keys(LEG_KINDS), range: Object.values(LEG_KINDS).map((k) => k.mapStyle.dash ?? [1, 0]) }, legend: { orient: 'right', symbolType: 'stroke', symbolStrokeWidth: 2.5 } };
  const shape = { field: 'kind', type: 'nominal', title: 'node', scale: { domain: Object.keys(NODE_KINDS), range: Object.values(NODE_KINDS).map((k) => k.mapStyle.shape ?? 'circle') }, legend: { orient: 'right' } };
  const valid = { filter: 'isValid(datum.utilization)' };
  const invalid = { filter: '!isValid(datum.utilization)' };
  const point = { type: 'point', filled: true, size: 90, stroke: '#333', strokeWidth: 0.8, opacity: 1 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: layout.geographic ? 'Corridor network (schematic map)' : 'Corridor network (schematic: the model gives no positions)',
      subtitle: [
        input.modelTitle,
        'Colour: baseline utilization (grey: no capacity measure, e.g. liner sailings).',
        bottleneck === null ? 'No stage had waiting containers.' : `Ring: the worst bottleneck, ${bottleneck.id}, with ${percent(bottleneck.waitShare)} of all waiting time.`,
      ],
    },
    config: CHART_CONFIG,
    width: WIDTH,
    height,
    layer: [
      { data: { values: legRows }, transform: [invalid], mark: { type: 'line', strokeWidth: 2.5, color: '#a0a0a0' }, encoding: { x, y, detail: { field: 'leg' }, order: { field: 'order' }, strokeDash: dash } },
      { data: { values: legRows }, transform: [valid], mark: { type: 'line', strokeWidth: 3.5 }, encoding: { x, y, detail: { field: 'leg' }, order: { field: 'order' }, color: color(false), strokeDash: dash } },
      { data: { values: nodeRows }, transform: [invalid], mark: { ...point, color: '#a0a0a0' }, encoding: { x, y, shape } },
      { data: { values: nodeRows }, transform: [valid], mark: point, encoding: { x, y, color: color(true), shape } },
      { data: { values: markRows }, mark: { type: 'point', shape: 'circle', size: 1000, filled: false, stroke: '#000', strokeWidth: 2.5 }, encoding: { x, y } },
      ...labelLayers(nodeRows, { fontSize: NODE_FONT, bold: false, gap: 1 }, x, y),
      ...labelLayers(markRows, { fontSize: MARK_FONT, bold: true, gap: 2.6 }, x, y),
    ],
    // Independent legends, shared scale: the legs' layer can then go without a legend of its own.
    resolve: { legend: { color: 'independent' } },
  } as TopLevelSpec;
}
