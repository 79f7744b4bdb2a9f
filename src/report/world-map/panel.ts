/**
 * One map panel: the base map, the legs (width by throughput, colour by utilization), the
 * nodes, the bottleneck ring and the labels. Every leg and node carries an SVG `<title>` with its
 * values, which browsers show on hover. Used for the large map, its detail inset and each
 * scenario's small map.
 */
import { geoPath } from 'd3-geo';
import { LEG_KINDS, NODE_KINDS } from '../../corridor/kinds/registry.ts';
import { placeLabels, type LabelRequest } from '../label-placement.ts';
import { countries, type AtlasScale } from './basemap.ts';
import { BASE_COLOURS, utilizationColour } from './colour.ts';
import { CompactPath } from './compact-path.ts';
import { project, type Frame, type GeoBox } from './frame.ts';
import { legPolylines, midpoint, type Pixel } from './routes.ts';
import { amount, esc, lineData, percent, px, text } from './svg.ts';
import type { MapLeg, MapNode, MapScenario, StageValues } from './types.ts';

/** How a panel is drawn. */
export interface PanelStyle {
  /** Radius of a node symbol, pixels. */
  readonly nodeRadius: number;
  /** Font size of node labels, pixels; 0 draws none. */
  readonly labelSize: number;
  /** Stroke width of a leg carrying `feuPerWeek` FEU per week (null: unknown), pixels. */
  readonly legWidth: (feuPerWeek: number | null) => number;
  /** Nodes not to label here (they are labelled in a detail inset). */
  readonly skipLabel?: (node: MapNode) => boolean;
  /** Label beside the bottleneck's ring: `full` (bottleneck: id), `short` (the word bottleneck), or none. */
  readonly bottleneckLabel: 'full' | 'short' | false;
}

/** A drawn panel: its SVG (in panel pixels, origin top left) and where legs and nodes landed. */
export interface Panel {
  readonly svg: string;
  readonly lines: ReadonlyMap<string, readonly Pixel[]>;
  readonly nodes: ReadonlyMap<string, Pixel>;
}

const NONE: StageValues = { utilization: null, feuPerWeek: null, meanWaitHours: null, waitShare: null };

/** The countries in `frame` as SVG paths (each with its name as a `<title>`), on a sea-coloured rectangle. */
export function basemapSvg(frame: Frame, scale: AtlasScale): string {
  const shapes = countries(scale).flatMap((country) => {
    const context = new CompactPath();
    geoPath(frame.projection, context)(country);
    const d = context.data();
    return d === '' ? [] : [`<path class="country" d="${d}"><title>${esc(country.properties.name)}</title></path>`];
  });
  return [
    `<rect class="sea" width="${frame.width}" height="${frame.height}" fill="${BASE_COLOURS.sea}"/>`,
    `<g class="countries" fill="${BASE_COLOURS.land}" stroke="${BASE_COLOURS.border}" stroke-width="0.5" stroke-linejoin="round">${shapes.join('')}</g>`,
  ].join('');
}

/** Hover text of a stage. */
function tooltip(id: string, name: string, what: string, scenario: string, v: StageValues): string {
  return [
    `${id}: ${name}`,
    `${what}, scenario ${scenario}`,
    `throughput: ${amount(v.feuPerWeek)} FEU/week`,
    `utilization: ${v.utilization === null ? 'no capacity measure' : percent(v.utilization)}`,
    `mean wait: ${amount(v.meanWaitHours)} h`,
    `share of all waiting: ${percent(v.waitShare)}`,
  ].join('\n');
}

/** A node symbol: the kind's shape (circle or square) centred on (x, y). */
export function nodeShape(kind: string, x: number, y: number, r: number, fill: string): string {
  const shape = (NODE_KINDS as Record<string, { mapStyle: { shape?: string } }>)[kind]?.mapStyle.shape ?? 'circle';
  const common = `fill="${fill}" stroke="${BASE_COLOURS.casing}" stroke-width="1.2"`;
  if (shape === 'square') {
    const s = r * 0.9;
    return `<rect x="${px(x - s)}" y="${px(y - s)}" width="${px(2 * s)}" height="${px(2 * s)}" ${common}/>`;
  }
  return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(r)}" ${common}/>`;
}

/** The dash pattern of a leg kind at stroke width `w` (empty: solid). */
export function dashFor(kind: string, w: number): string {
  const dash = (LEG_KINDS as Record<string, { mapStyle: { dash?: readonly number[] } }>)[kind]?.mapStyle.dash ?? [1, 0];
  if (dash[1] === 0) return '';
  // Dashes scale with the stroke, or a wide line would look dotted.
  const k = Math.max(1.2, w / 2);
  return dash.map((d) => px(d * k)).join(' ');
}

/**
 * A leg's strokes, `w` wide: a dark casing, then the coloured line; a dashed kind (ferry, sea) is
 * a white tube with coloured dashes inside the casing, so its outline stays continuous.
 */
export function legStrokes(kind: string, d: string, w: number, colour: string): string {
  const dash = dashFor(kind, w);
  const casing = `<path d="${d}" fill="none" stroke="${BASE_COLOURS.casing}" stroke-width="${px(w + 1.6)}" stroke-linejoin="round"/>`;
  if (dash === '') return `${casing}<path class="leg-line" d="${d}" fill="none" stroke="${colour}" stroke-width="${px(w)}" stroke-linejoin="round"/>`;
  return (
    `${casing}<path d="${d}" fill="none" stroke="#ffffff" stroke-width="${px(w)}" stroke-linejoin="round"/>` +
    `<path class="leg-line" d="${d}" fill="none" stroke="${colour}" stroke-width="${px(w)}" stroke-linejoin="round" stroke-linecap="butt" stroke-dasharray="${dash}"/>`
  );
}

/** One leg: its strokes and a wide invisible stroke that makes hovering easy. */
function legSvg(leg: MapLeg, line: readonly Pixel[], w: number, v: StageValues, scenario: string): string {
  const d = lineData(line);
  return [
    `<g class="leg" data-id="${esc(leg.id)}">`,
    `<title>${esc(tooltip(leg.id, leg.name, `${leg.kind} leg`, scenario, v))}</title>`,
    legStrokes(leg.kind, d, w, utilizationColour(v.utilization)),
    `<path d="${d}" fill="none" stroke="#000" stroke-opacity="0" stroke-width="${px(Math.max(10, w + 4))}"/>`,
    '</g>',
  ].join('');
}

/** A point inside `box` (degrees)? */
export function inBox(box: GeoBox, p: { lon: number; lat: number }): boolean {
  return p.lon >= box.west && p.lon <= box.east && p.lat >= box.south && p.lat <= box.north;
}

/**
 * Draw `scenario` on `frame` over `basemap` (SVG in the same pixels). `clipId` must be unique in
 * the document: legs leaving the panel are clipped to it.
 */
export function drawPanel(frame: Frame, nodes: readonly MapNode[], legs: readonly MapLeg[], scenario: MapScenario, style: PanelStyle, basemap: string, clipId: string): Panel {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const value = (id: string): StageValues => scenario.stages.get(id) ?? NONE;
  const tracks = legs.flatMap((leg) => {
    const a = at.get(leg.from);
    const b = at.get(leg.to);
    return a === undefined || b === undefined ? [] : [{ leg, track: { id: leg.id, path: [a.position, ...leg.waypoints, b.position], width: style.legWidth(value(leg.id).feuPerWeek) } }];
  });
  const lines = legPolylines(frame, tracks.map((t) => t.track));
  const points = new Map<string, Pixel>();
  for (const n of nodes) {
    const xy = project(frame, n.position);
    if (xy !== undefined) points.set(n.id, xy);
  }
  // Grey legs first, then the measured ones by width, widest first: a thin leg stays visible on a wide one.
  const order = [...tracks].sort((p, q) => Number(value(p.leg.id).utilization !== null) - Number(value(q.leg.id).utilization !== null) || q.track.width - p.track.width);
  const legParts = order.map(({ leg, track }) => legSvg(leg, lines.get(leg.id) ?? [], track.width, value(leg.id), scenario.id));
  const nodeParts = nodes.flatMap((n) => {
    const xy = points.get(n.id);
    if (xy === undefined) return [];
    const v = value(n.id);
    return [`<g class="node" data-id="${esc(n.id)}"><title>${esc(tooltip(n.id, n.name, n.kind, scenario.id, v))}</title>${nodeShape(n.kind, xy[0], xy[1], style.nodeRadius, utilizationColour(v.utilization))}</g>`];
  });

  // The bottleneck: a ring on its node, or on the middle of its leg.
  const b = scenario.bottleneck;
  const ringAt = b === null ? undefined : (points.get(b) ?? (lines.has(b) ? midpoint(lines.get(b) ?? []) : undefined));
  const ringR = style.nodeRadius + 6;
  const ring = ringAt === undefined ? '' : `<circle class="bottleneck" cx="${px(ringAt[0])}" cy="${px(ringAt[1])}" r="${px(ringR)}" fill="none" stroke="#ffffff" stroke-width="5"/><circle cx="${px(ringAt[0])}" cy="${px(ringAt[1])}" r="${px(ringR)}" fill="none" stroke="#000000" stroke-width="2.2"/>`;

  const requests: LabelRequest[] = [];
  const bottleneckSize = Math.max(10, style.labelSize + 1);
  const bottleneckText = b === null ? '' : style.bottleneckLabel === 'short' ? 'bottleneck' : `bottleneck: ${b}`;
  if (ringAt !== undefined && style.bottleneckLabel !== false) requests.push({ id: '\u0000bottleneck', x: ringAt[0], y: ringAt[1], text: bottleneckText, fontSize: bottleneckSize, bold: true, gap: (ringR + 3) / 7 });
  if (style.labelSize > 0) {
    for (const n of nodes) {
      const xy = points.get(n.id);
      const outside = xy === undefined || xy[0] < 0 || xy[1] < 0 || xy[0] > frame.width || xy[1] > frame.height;
      if (xy === undefined || outside || style.skipLabel?.(n) === true || n.id === b) continue;
      requests.push({ id: n.id, x: xy[0], y: xy[1], text: n.id, fontSize: style.labelSize, gap: Math.max(1, (style.nodeRadius + 2) / 6) });
    }
  }
  const obstacles = [...points.values()].map(([x, y]) => ({ x, y }));
  if (ringAt !== undefined) for (const dx of [-ringR, 0, ringR]) for (const dy of [-ringR, 0, ringR]) obstacles.push({ x: ringAt[0] + dx, y: ringAt[1] + dy });
  // Legs are obstacles too (a point every 8 px), so labels prefer empty land and sea.
  for (const line of lines.values()) {
    let last: Pixel | undefined;
    for (const p of line) {
      if (last !== undefined && Math.hypot(p[0] - last[0], p[1] - last[1]) < 8) continue;
      if (p[0] >= 0 && p[1] >= 0 && p[0] <= frame.width && p[1] <= frame.height) obstacles.push({ x: p[0], y: p[1] });
      last = p;
    }
  }
  const placed = placeLabels(requests, obstacles, frame.width, frame.height);
  const labels = requests.map((r) => {
    const p = placed.get(r.id);
    if (p === undefined) return '';
    const gap = r.gap ?? 1;
    const anchor = p.align === 'left' ? 'start' : p.align === 'right' ? 'end' : 'middle';
    return text(r.x + p.dx * gap, r.y + p.dy * gap, r.text, { size: r.fontSize, anchor, bold: r.bold === true, halo: true, cls: r.id === '\u0000bottleneck' ? 'bottleneck-label' : 'node-label' });
  });

  const svg = [
    `<defs><clipPath id="${clipId}"><rect width="${frame.width}" height="${frame.height}"/></clipPath></defs>`,
    `<g clip-path="url(#${clipId})">${basemap}<g class="legs" stroke-linecap="round">${legParts.join('')}</g><g class="nodes">${nodeParts.join('')}</g>${ring}</g>`,
    `<g class="labels">${labels.join('')}</g>`,
    `<rect width="${frame.width}" height="${frame.height}" fill="none" stroke="#9a9a9a" stroke-width="0.8"/>`,
  ].join('');
  return { svg, lines, nodes: points };
}
