/**
 * The world map (src/report/world-map): countries from the shipped atlas, every leg and node
 * drawn with a hover title, sea legs along their lanes (through Suez, round the Cape), and a
 * colour scale on which 0% and 50% utilization look different.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import { colourDistance, NO_DATA_COLOUR, utilizationColour } from '../../src/report/world-map/colour.ts';
import { project } from '../../src/report/world-map/frame.ts';
import { MAIN_TOP, mainFrame, worldMapSvg, type MapScenario, type StageValues, type WorldMapInput } from '../../src/report/world-map/index.ts';
import { worldMapInput } from '../../src/report/world-map/from-run.ts';

const model = loadModel('models/middle-corridor.yaml');
const legIds = [...model.legs.keys()];
const nodeIds = [...model.nodes.keys()];

/** A scenario where every stage has `utilization` (sea legs: none), sea legs 100 FEU/week, the rest 20. */
function scenario(id: string, utilization: number, bottleneck: string | null = 'aktau'): MapScenario {
  const stages = new Map<string, StageValues>(
    [...nodeIds, ...legIds].map((s) => [s, { utilization: model.legs.get(s)?.kind === 'sea' ? null : utilization, feuPerWeek: model.legs.get(s)?.kind === 'sea' ? 100 : 20, meanWaitHours: 5, waitShare: s === bottleneck ? 0.3 : 0.01 }]),
  );
  return { id, stages, bottleneck };
}

function input(scenarios: readonly MapScenario[]): WorldMapInput {
  const base = worldMapInput(model, [], [], 'none');
  if (base === null) throw new Error('middle-corridor.yaml lacks positions');
  return { ...base, scenarios, baseline: scenarios[0]?.id ?? '' };
}

/** The `<g class="leg">` elements of the large map (before the small multiples), by leg id. */
function mainLegs(svg: string): Map<string, string> {
  const main = svg.slice(svg.indexOf('class="map-main"'), svg.indexOf('class="legend"'));
  const out = new Map<string, string>();
  for (const m of main.matchAll(/<g class="leg" data-id="([^"]+)">(.*?)<\/g>/gs)) if (!out.has(m[1] as string)) out.set(m[1] as string, m[2] as string);
  return out;
}

/** Points of the first path of a leg element, in SVG pixels of the large map. */
function points(legSvg: string): [number, number][] {
  const d = /<path d="([^"]+)"/.exec(legSvg)?.[1] ?? '';
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('world map', () => {
  const svg = worldMapSvg(input([scenario('baseline', 0.2), scenario('busy', 0.5)]));
  const frame = mainFrame(input([scenario('baseline', 0.2)]));
  const legs = mainLegs(svg);

  it('draws countries from the atlas', () => {
    expect((svg.match(/<path class="country"/g) ?? []).length).toBeGreaterThan(50);
    expect(svg).toContain('<title>Kazakhstan</title>');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('draws every leg of the model, with a hover title giving its values', () => {
    expect([...legs.keys()].sort()).toEqual([...legIds].sort());
    for (const [id, g] of legs) {
      expect(g, id).toMatch(/^<title>[^<]*throughput: (20|100) FEU\/week[^<]*<\/title>/);
      expect(points(g).length, id).toBeGreaterThan(1);
    }
  });

  it('gives every leg and node a <title>, in every panel', () => {
    const legCount = (svg.match(/<g class="leg"/g) ?? []).length;
    const nodeCount = (svg.match(/<g class="node"/g) ?? []).length;
    // Large map, inset, two small maps: every leg in at least three panels, every node likewise.
    expect(legCount).toBeGreaterThanOrEqual(3 * legIds.length);
    expect(nodeCount).toBeGreaterThanOrEqual(3 * nodeIds.length);
    expect((svg.match(/<g class="leg" data-id="[^"]+"><title>/g) ?? []).length).toBe(legCount);
    expect((svg.match(/<g class="node" data-id="[^"]+"><title>/g) ?? []).length).toBe(nodeCount);
  });

  it('draws the Suez sailings through the Suez Canal and the Cape sailings south of 30°S', () => {
    const [sx, sy] = project(frame, { lon: 32.3, lat: 30.0 }) ?? [0, 0];
    for (const id of ['sea-caimep-rotterdam-suez', 'sea-shanghai-rotterdam-suez']) {
      const nearest = Math.min(...points(legs.get(id) ?? '').map(([x, y]) => Math.hypot(x - sx, y - sy)));
      // Within 12 px (about 1.6°): bundled legs sit side by side.
      expect(nearest, id).toBeLessThan(12);
    }
    const [, south30] = project(frame, { lon: 18, lat: -30 }) ?? [0, 0];
    for (const id of ['sea-caimep-rotterdam-cape', 'sea-shanghai-rotterdam-cape']) {
      expect(Math.max(...points(legs.get(id) ?? '').map(([, y]) => y)), id).toBeGreaterThan(south30);
      // And not through Suez.
      const nearest = Math.min(...points(legs.get(id) ?? '').map(([x, y]) => Math.hypot(x - sx, y - sy)));
      expect(nearest, id).toBeGreaterThan(60);
    }
  });

  it('keeps the Caspian crossings on the water: the Aktau feeder passes east of Baku and the Absheron peninsula', () => {
    const [ax] = project(frame, { lon: 50.1, lat: 40.45 }) ?? [0, 0];
    const [, ay] = project(frame, { lon: 50.1, lat: 40.45 }) ?? [0, 0];
    // Where the drawn line crosses Baku's latitude, it is east of Baku.
    const line = points(legs.get('caspian-feeder-aktau-alat') ?? '');
    const crossings = line.slice(1).flatMap(([x1, y1], i) => {
      const [x0, y0] = line[i] as [number, number];
      return (y0 - ay) * (y1 - ay) <= 0 && y1 !== y0 ? [x0 + ((x1 - x0) * (ay - y0)) / (y1 - y0)] : [];
    });
    expect(crossings.length).toBeGreaterThan(0);
    for (const x of crossings) expect(x).toBeGreaterThan(ax);
  });

  it('tells 0% from 50% utilization apart and marks stages without capacity grey', () => {
    expect(colourDistance(utilizationColour(0), utilizationColour(0.5))).toBeGreaterThan(120);
    expect(colourDistance(utilizationColour(0.5), utilizationColour(1))).toBeGreaterThan(80);
    expect(utilizationColour(null)).toBe(NO_DATA_COLOUR);
    const low = worldMapSvg(input([scenario('low', 0)]));
    const half = worldMapSvg(input([scenario('half', 0.5)]));
    const colourOf = (doc: string): string => /data-id="kz-khorgos-aktau">.*?class="leg-line" d="[^"]+" fill="none" stroke="(#[0-9a-f]{6})"/s.exec(doc)?.[1] ?? '';
    expect(colourOf(low)).toBe(utilizationColour(0));
    expect(colourOf(half)).toBe(utilizationColour(0.5));
    expect(colourOf(low)).not.toBe(colourOf(half));
  });

  it('labels the bottleneck and widens legs with throughput', () => {
    expect(svg).toMatch(/class="bottleneck-label"[^>]*>bottleneck: aktau</);
    const wide = scenario('wide', 0.3);
    const stages = new Map(wide.stages);
    stages.set('kz-khorgos-aktau', { ...(stages.get('kz-khorgos-aktau') as StageValues), feuPerWeek: 400 });
    const doc = worldMapSvg(input([{ ...wide, stages }]));
    const widthOf = (id: string): number => Number(new RegExp(`data-id="${id}">.*?class="leg-line" d="[^"]+" fill="none" stroke="#[0-9a-f]{6}" stroke-width="([\\d.]+)"`, 's').exec(doc)?.[1]);
    expect(widthOf('kz-khorgos-aktau')).toBeGreaterThan(2 * widthOf('kz-khorgos-kuryk'));
  });

  it('draws one small map per scenario, at 12 scenarios too', () => {
    const many = Array.from({ length: 12 }, (_, i) => scenario(`s${i}`, i / 11));
    const doc = worldMapSvg(input(many));
    expect((doc.match(/<g class="scenario-map"/g) ?? []).length).toBe(12);
    // The base map is written once and reused by reference in the small maps.
    expect((doc.match(/<use href="#wm-base"/g) ?? []).length).toBe(12);
    expect(doc.length).toBeLessThan(1_500_000);
  });

  it('puts the large map below its title', () => {
    expect(svg).toContain(`<g class="map-main" transform="translate(0,${MAIN_TOP})">`);
  });
});

describe('leg waypoints in the model', () => {
  it('are carried into the compiled legs, and absent where the file has none', () => {
    expect(model.legs.get('sea-caimep-rotterdam-suez')?.waypoints?.length).toBeGreaterThan(10);
    expect(model.legs.get('btk-akhalkalaki-kars')?.waypoints).toBeUndefined();
    for (const leg of model.legs.values()) if (leg.kind === 'sea' || leg.kind === 'ferry') expect(leg.waypoints?.length, leg.id).toBeGreaterThan(0);
  });
});
