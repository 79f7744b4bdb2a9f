/**
 * The report's world map: one SVG, drawn here without Vega, with countries from a shipped
 * TopoJSON (basemap.ts), legs along their waypoints (routes.ts), width by throughput, colour by
 * utilization (colour.ts), the bottleneck ringed and labelled, and a hover `<title>` on every leg
 * and node.
 *
 * Layout: one large map of the baseline with every node labelled and detail insets of the two most
 * crowded areas (in the Middle Corridor model the Caspian and Caucasus, and the Vietnamese border
 * with Hai Phong), a legend, then one
 * small map per scenario with the same colour scale and extent (small multiples). Small
 * multiples rather than a scenario selector, because the report has no script and must read on
 * paper; rather than one map per scenario at full size, because at 12 scenarios the eye compares
 * panels side by side, and the labels it needs are on the large map.
 */
import { BASE_COLOURS } from './colour.ts';
import { geoInterpolate } from 'd3-geo';
import { boxAround, mercatorFrame, project, type Frame, type GeoBox, type GeoPoint } from './frame.ts';
import { LEGEND_HEIGHT, legendSvg, niceFloor } from './legend.ts';
import { basemapSvg, drawPanel, inBox, type Panel } from './panel.ts';
import type { Pixel } from './routes.ts';
import { amount, esc, percent, px, text } from './svg.ts';
import type { MapNode, MapScenario, WorldMapInput } from './types.ts';

/** Default width of the map, pixels (the report page is about 1,120 px wide). */
export const MAP_WIDTH = 1100;

/** Thinnest and widest leg on the large map, pixels; small maps use half. */
const WIDTH_RANGE = [1.5, 12] as const;
const HEADER = 58;
const GAP = 14;

/** Line width in pixels for `feuPerWeek` on a scale whose widest leg carries `max` FEU/week. */
function widthScale(max: number, [lo, hi]: readonly [number, number]): (feuPerWeek: number | null) => number {
  return (v) => (max > 0 && v !== null && v > 0 ? lo + ((hi - lo) * Math.min(v, max)) / max : lo);
}

/**
 * Crowded groups of nodes on `frame`, largest first: nodes chained by gaps under 48 px (single
 * linkage) that hold two nodes closer than 16 px, whose labels would collide.
 */
function crowdedGroups(frame: Frame, nodes: readonly MapNode[]): MapNode[][] {
  const xy = nodes.map((n) => project(frame, n.position) ?? ([Number.NaN, Number.NaN] as [number, number]));
  const dist = (i: number, j: number): number => Math.hypot((xy[i] as Pixel)[0] - (xy[j] as Pixel)[0], (xy[i] as Pixel)[1] - (xy[j] as Pixel)[1]);
  const group = nodes.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : root(group[i] as number));
  nodes.forEach((_, i) =>
    nodes.forEach((__, j) => {
      if (j > i && dist(i, j) < 48) group[root(j)] = root(i);
    }),
  );
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  return [...groups.values()]
    .filter((g) => g.some((i) => g.some((j) => j !== i && dist(i, j) < 16)))
    .sort((a, b) => b.length - a.length)
    .map((g) => g.map((i) => nodes[i] as MapNode));
}

/** Where the inset goes: the corner of the large map that covers the fewest leg and node points. */
function insetCorner(main: Frame, panel: Panel, w: number, h: number, taken: readonly [number, number, number, number][]): Pixel {
  const m = 10;
  const corners: Pixel[] = [
    [main.width - w - m, main.height - h - m],
    [m, main.height - h - m],
    [m, m],
    [main.width - w - m, m],
  ];
  const points = [...[...panel.lines.values()].flat(), ...panel.nodes.values()];
  const clash = ([x, y]: Pixel): boolean => taken.some(([x0, y0, x1, y1]) => x < x1 + m && x + w > x0 - m && y < y1 + m && y + h > y0 - m);
  const cost = ([x, y]: Pixel): number => points.filter(([px0, py0]) => px0 >= x - 8 && px0 <= x + w + 8 && py0 >= y - 8 && py0 <= y + h + 8).length + (clash([x, y]) ? 1e9 : 0);
  return corners.reduce((bestCorner, c) => (cost(c) < cost(bestCorner) ? c : bestCorner));
}

/** The box in `frame` pixels: [x0, y0, x1, y1]. */
function pixelBox(frame: Frame, box: GeoBox): [number, number, number, number] {
  const [x0, y0] = project(frame, { lon: box.west, lat: box.north }) ?? [0, 0];
  const [x1, y1] = project(frame, { lon: box.east, lat: box.south }) ?? [0, 0];
  return [x0, y0, x1, y1];
}

/**
 * The large map's frame: every node and every leg's path (great circles through its waypoints,
 * sampled every few degrees) with 4° of longitude and 3° of latitude to spare.
 */
export function mainFrame(input: Pick<WorldMapInput, 'nodes' | 'legs'>, width: number = MAP_WIDTH): Frame {
  const at = new Map(input.nodes.map((n) => [n.id, n.position]));
  const geo: GeoPoint[] = [...input.nodes.map((n) => n.position)];
  for (const leg of input.legs) {
    const a = at.get(leg.from);
    const b = at.get(leg.to);
    if (a === undefined || b === undefined) continue;
    const path = [a, ...leg.waypoints, b];
    path.slice(1).forEach((q, i) => {
      const p = path[i] as GeoPoint;
      const along = geoInterpolate([p.lon, p.lat], [q.lon, q.lat]);
      for (let k = 1; k < 8; k++) {
        const [lon, lat] = along(k / 8);
        geo.push({ lon, lat });
      }
      geo.push(q);
    });
  }
  return mercatorFrame(boxAround(geo, 4, 3), width);
}

/** Offset of the large map from the top of the SVG, pixels (title and subtitle above it). */
export const MAIN_TOP = HEADER;

/** The map as a standalone SVG document (text), `width` pixels wide. */
export function worldMapSvg(input: WorldMapInput, width: number = MAP_WIDTH): string {
  const baseline = input.scenarios.find((s) => s.id === input.baseline) ?? input.scenarios[0];
  if (baseline === undefined) throw new Error('worldMapSvg: no scenario');
  const main = mainFrame(input, width);
  const box = main.box;
  const maxFeu = Math.max(0, ...input.scenarios.flatMap((s) => input.legs.map((l) => s.stages.get(l.id)?.feuPerWeek ?? 0)));
  const wide = widthScale(maxFeu, WIDTH_RANGE);
  const thin = widthScale(maxFeu, [WIDTH_RANGE[0] * 0.6, WIDTH_RANGE[1] / 2]);

  // Detail insets of the crowded areas (at most two), labelled there instead of on the large map.
  const detailBoxes = crowdedGroups(main, input.nodes)
    .slice(0, 2)
    .map((g) => boxAround(g.map((n) => n.position), 1.3, 0.9));
  const boxOf = (n: MapNode): number => detailBoxes.findIndex((b) => inBox(b, n.position));
  const skip = (n: MapNode): boolean => boxOf(n) >= 0;
  const basemap = `<g id="wm-base">${basemapSvg(main, '50m')}</g>`;
  // A bottleneck inside an inset is labelled there, not twice.
  const bNode = input.nodes.find((n) => n.id === baseline.bottleneck);
  const bLeg = input.legs.find((l) => l.id === baseline.bottleneck);
  const ends = bNode !== undefined ? [bNode] : input.nodes.filter((n) => n.id === bLeg?.from || n.id === bLeg?.to);
  const bottleneckInset = ends.length > 0 && ends.every((n) => boxOf(n) === boxOf(ends[0] as MapNode)) ? boxOf(ends[0] as MapNode) : -1;
  const big = drawPanel(main, input.nodes, input.legs, baseline, { nodeRadius: 5, labelSize: 12, legWidth: wide, skipLabel: skip, bottleneckLabel: bottleneckInset >= 0 ? false : 'full' }, basemap, 'wm-clip-main');
  const insets: string[] = [];
  const taken: [number, number, number, number][] = [];
  detailBoxes.forEach((detailBox, k) => {
    const withBottleneck = bottleneckInset === k;
    const [maxW, maxH] = k === 0 ? [320, 260] : [230, 200];
    let detail = mercatorFrame(detailBox, maxW);
    if (detail.height > maxH) detail = mercatorFrame(detailBox, Math.round((maxW * maxH) / detail.height));
    const small = drawPanel(detail, input.nodes, input.legs, baseline, { nodeRadius: 5, labelSize: 11, legWidth: wide, bottleneckLabel: withBottleneck ? 'short' : false }, basemapSvg(detail, '50m'), `wm-clip-detail${k}`);
    const head = withBottleneck ? 36 : 18;
    const [ix, iy] = insetCorner(main, big, detail.width, detail.height + head, taken);
    taken.push([ix, iy, ix + detail.width, iy + detail.height + head]);
    const [x0, y0, x1, y1] = pixelBox(main, detailBox);
    insets.push(
      `<rect class="detail-box" x="${px(x0)}" y="${px(y0)}" width="${px(x1 - x0)}" height="${px(y1 - y0)}" fill="none" stroke="#000" stroke-width="1.2" stroke-dasharray="4 2"><title>Detail ${k + 1}, enlarged in an inset</title></rect>`,
      text(x1 + 3, y0 + 6, String(k + 1), { size: 11, bold: true, halo: true }),
      `<g class="inset" transform="translate(${px(ix)},${px(iy)})">`,
      `<rect x="-1" y="-1" width="${detail.width + 2}" height="${detail.height + head + 2}" fill="#ffffff" stroke="#000" stroke-width="1.2"/>`,
      text(6, 9, `Detail ${k + 1} (dashed box ${k + 1})`, { size: 11, bold: true }),
      withBottleneck ? `<circle cx="12" cy="27" r="6" fill="none" stroke="#000" stroke-width="2"/>${text(24, 27, `bottleneck: ${baseline.bottleneck ?? ''}`, { size: 12, bold: true, cls: 'bottleneck-label' })}` : '',
      `<g transform="translate(0,${head})">${small.svg}</g>`,
      '</g>',
    );
  });

  const out: string[] = [];
  const legendY = HEADER + main.height + 12;
  // Legend widths: the widest leg's value, rounded down, and fractions of it.
  const top = niceFloor(maxFeu);
  const samples = top > 0 ? [...new Set([niceFloor(top / 10), niceFloor(top / 2), top])].filter((v) => v > 0) : [];
  const b = baseline.bottleneck;
  const lead = b === null ? 'No stage had waiting containers.' : `Bottleneck: ${b}, with ${percent(baseline.stages.get(b)?.waitShare ?? null)} of all waiting time.`;
  out.push(text(0, 12, `Corridor network on the map: the baseline (scenario ${baseline.id})`, { size: 16, bold: true }));
  out.push(text(0, 34, `${input.title}. ${lead}`, { size: 12, fill: BASE_COLOURS.muted }));
  out.push(`<g class="map-main" transform="translate(0,${HEADER})">${big.svg}${insets.join('')}</g>`);
  out.push(`<g class="legend" transform="translate(0,${legendY})">${legendSvg(width, samples, (v) => wide(v), 'wm-gradient')}</g>`);
  let height = legendY + LEGEND_HEIGHT;

  if (input.scenarios.length > 1) {
    const n = input.scenarios.length;
    const cols = n === 2 || n === 4 ? 2 : 3;
    const pw = Math.floor((width - (cols - 1) * GAP) / cols);
    const frame = mercatorFrame(box, pw);
    const f = pw / width;
    const top0 = height + 14;
    out.push(text(0, top0 + 8, 'Each scenario', { size: 14, bold: true }));
    out.push(text(0, top0 + 28, `Same colour scale as above; lines half as wide (the widest, ${amount(maxFeu)} FEU/week, is ${px(WIDTH_RANGE[1] / 2)} px). Ring: the scenario's bottleneck.`, { size: 12, fill: BASE_COLOURS.muted }));
    const gridY = top0 + 44;
    const ph = frame.height + 40;
    input.scenarios.forEach((s: MapScenario, i) => {
      const x = (i % cols) * (pw + GAP);
      const y = gridY + Math.floor(i / cols) * (ph + GAP);
      const panel = drawPanel(frame, input.nodes, input.legs, s, { nodeRadius: 3, labelSize: 0, legWidth: thin, bottleneckLabel: false }, `<use href="#wm-base" transform="scale(${f.toFixed(5)})"/>`, `wm-clip-${i}`);
      const bs = s.bottleneck;
      const sub = bs === null ? 'no waiting' : `bottleneck: ${bs} (${percent(s.stages.get(bs)?.waitShare ?? null)} of waiting)`;
      out.push(
        `<g class="scenario-map" data-scenario="${esc(s.id)}" transform="translate(${x},${y})">` +
          text(0, 8, s.id === input.baseline ? `${s.id} (baseline)` : s.id, { size: 12, bold: true }) +
          text(0, 25, sub, { size: 11, fill: BASE_COLOURS.muted }) +
          `<g transform="translate(0,36)">${panel.svg}</g></g>`,
      );
    });
    height = gridY + Math.ceil(n / cols) * (ph + GAP);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" role="img" aria-label="${esc(`Map of the corridor network: ${input.title}`)}" width="${width}" height="${Math.ceil(height)}" viewBox="0 0 ${width} ${Math.ceil(height)}" font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif">`,
    `<rect width="${width}" height="${Math.ceil(height)}" fill="#ffffff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
