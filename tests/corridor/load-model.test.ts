/**
 * loadModel on good files: the small fixture compiles with exact unit conversions (days -> hours,
 * TEU -> FEU, teuPerYear -> FEU/h, seasonality normalised), overlays set/remove/stack, and the
 * committed JSON Schemas match what the zod schemas generate now.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompiledLeg, CompiledModel, CompiledNode } from '../../src/corridor/compiled.ts';
import { JSON_SCHEMA_FILES, jsonSchemaText, modelJsonSchema, overlayJsonSchema } from '../../src/corridor/json-schema.ts';
import { loadModel } from '../../src/corridor/load-model.ts';
import { DAYS_PER_MONTH, scaleDistribution, timeDistributionFromSpec } from '../../src/corridor/units.ts';
import { lognormalFromMeanCv } from '../../src/distributions/index.ts';
import { createStream } from '../../src/random/index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const model = loadModel(fixture('small-corridor.yaml'));

function node<K extends CompiledNode['kind']>(m: CompiledModel, id: string, kind: K): Extract<CompiledNode, { kind: K }> {
  const found = m.nodes.get(id);
  if (found?.kind !== kind) throw new Error(`node ${id} is not a ${kind}`);
  return found as Extract<CompiledNode, { kind: K }>;
}
function leg<K extends CompiledLeg['kind']>(m: CompiledModel, id: string, kind: K): Extract<CompiledLeg, { kind: K }> {
  const found = m.legs.get(id);
  if (found?.kind !== kind) throw new Error(`leg ${id} is not a ${kind}`);
  return found as Extract<CompiledLeg, { kind: K }>;
}
const sha256 = (...texts: string[]): string => texts.reduce((h, t) => h.update(t, 'utf8'), createHash('sha256')).digest('hex');

describe('the small fixture compiles to hours and FEU', () => {
  it('keeps ids, title, date and the file order of nodes, legs and routes', () => {
    expect([model.id, model.title, model.startDate]).toEqual(['small-corridor', 'Small test corridor', '2025-01-01']);
    expect([...model.nodes.keys()]).toEqual(['xian', 'dostyk', 'aktau', 'baku', 'shanghai', 'rotterdam']);
    expect([...model.legs.keys()]).toEqual(['xian-dostyk', 'dostyk-aktau', 'caspian', 'suez-loop']);
    expect([...model.routes.keys()]).toEqual(['middle', 'suez']);
  });
  it('converts terminal times: hours stay, days x 24, gate per day -> headway', () => {
    const xian = node(model, 'xian', 'terminal');
    expect([xian.servers, xian.handling.mean, xian.gateHeadway]).toEqual([2, 0.5, 24 / 480]);
    // lognormal mean 1.5 d, cv 0.4 -> mean 36 h, sd 14.4 h.
    expect(xian.dwell?.kind).toBe('lognormal');
    expect(xian.dwell?.mean).toBeCloseTo(36, 12);
    expect(xian.dwell?.variance).toBeCloseTo(14.4 * 14.4, 9);
    expect(node(model, 'aktau', 'terminal').customs?.mean).toBeCloseTo(0.1 * 24, 12);
  });
  it('converts a yard: triangular days -> hours, eastbound defaults to westbound, trains/day -> headway', () => {
    const dostyk = node(model, 'dostyk', 'yard');
    const { westbound, eastbound } = dostyk.processing;
    expect([westbound.min, westbound.mean, westbound.max]).toEqual([12, 36, 72]);
    expect(eastbound).toBe(westbound);
    expect([dostyk.tracks, dostyk.minHeadway]).toEqual([2, 2]);
  });
  it('converts rail legs: 100 TEU -> 50 FEU, paths/day -> headway, line defaults to the leg id', () => {
    const first = leg(model, 'xian-dostyk', 'rail');
    expect([first.capacityFeu, first.pathHeadway, first.line]).toEqual([50, 3, 'xian-dostyk']);
    expect(first.policy).toEqual({ kind: 'fullOrMaxWait', maxWait: 48, minLoad: 30 });
    expect(first.running.mean).toBeCloseTo(96, 6); // truncation at 0 is 8 sigma away
    expect([first.fleet?.trainsets, first.fleet?.return.mean, first.fleet?.return.variance]).toEqual([6, 120, 0]);
    const second = leg(model, 'dostyk-aktau', 'rail');
    expect([second.capacityFeu, second.pathHeadway, second.line, second.policy]).toEqual([41, 4, 'kz-main', { kind: 'whenFull' }]);
    expect(second.running.mean).toBeCloseTo((60 + 4 * 72 + 96) / 6, 12);
  });
  it('converts the ferry: 301 TEU -> 150 FEU (rounded down), timetable in hours, return = sailing, per-call loading spread over a full load', () => {
    const caspian = leg(model, 'caspian', 'ferry');
    expect([caspian.capacityFeu, caspian.vessels, caspian.berths, caspian.loadFactor]).toEqual([150, 3, 1, 0.8]);
    expect(caspian.policy).toEqual({ kind: 'timetable', times: [10, 84], period: 168, cutoff: 6 });
    expect(caspian.sailing.mean).toBeCloseTo(24, 12);
    expect(caspian.sailing.variance).toBeCloseTo(7.2 * 7.2, 9);
    expect(caspian.return).toBe(caspian.sailing);
    // 12 h per call over floor(0.8 x 150) = 120 boxes = 0.1 h per FEU; unloading given per FEU.
    expect(caspian.loadPerFeu.mean).toBeCloseTo(0.1, 12);
    expect([caspian.unloadPerFeu.mean, caspian.berthing?.mean, caspian.closing?.mean, caspian.turnaround]).toEqual([0.05, 2, 1, undefined]);
    expect(caspian.disruptions).toEqual([{ effect: 'reduced', scope: 'all', factor: 0.5, units: 0, reason: 'low water', timing: { kind: 'window', start: 212 * 24, end: 273 * 24, repeatEvery: 8760 } }]);
  });
  it('converts weather drivers, port disruptions and background flows (units to FEU-equivalents)', () => {
    const caspian = model.weather.get('caspian');
    expect(caspian?.between.mean).toBeCloseTo(480, 12);
    expect(caspian?.duration.mean).toBeCloseTo(36, 12); // gamma 2 x 18 h, already hours
    expect([caspian?.seasonality, caspian?.correlation]).toEqual([[3, 3, 2, 1, 0.5, 0.5, 0.5, 0.5, 1, 2, 3, 3], 0.5]); // kept as given
    const aktau = model.nodes.get('aktau');
    expect(aktau?.disruptions).toEqual([{ effect: 'closed', scope: 'waterside', factor: 1, units: 0, reason: 'storm (caspian)', timing: { kind: 'weather', driver: 'caspian' } }]);
    expect(model.nodes.get('baku')?.capacityAssumption).toBe('non-binding');
    const dostyk = model.nodes.get('dostyk');
    // 1 March 2025 is day 59 of the year: hours 1416 to 1488.
    expect(dostyk?.disruptions[0]?.timing).toEqual({ kind: 'window', start: 1416, end: 1488, repeatEvery: undefined });
    expect(dostyk?.disruptions[1]?.units).toBe(1);
    // 146 trains a year = 0.4 a day; 1000 trucks a year x 0.92 FEU-equivalents each.
    expect(model.background.map((b) => [b.id, b.arrivalsPerHour, b.feuPerArrival, b.direction])).toEqual([
      ['dostyk-other-trains', 146 / 8760, 55, 'eastbound'],
      ['caspian-trucks', (1000 * 0.92) / 8760, 1, 'westbound'],
    ]);
  });
  it('converts the sea leg: sailings/week -> headway, cutoff days -> hours, transit days -> hours', () => {
    const sea = leg(model, 'suez-loop', 'sea');
    expect([sea.capacityFeu, sea.headway, sea.cutoff, sea.transshipment, sea.disruptions]).toEqual([250, 84, 24, undefined, []]);
    expect([sea.transit.min, sea.transit.mean, sea.transit.max]).toEqual([792, 840, 888]);
  });
  it('compiles routes to node/leg stages with origin and destination', () => {
    const middle = model.routes.get('middle');
    expect(middle?.stages.map((s) => s.kind)).toEqual(['node', 'leg', 'node', 'leg', 'node', 'leg', 'node']);
    expect([middle?.origin, middle?.destination, middle?.freightRateUsdPerFeu, middle?.riskPremiumUsdPerFeu]).toEqual(['xian', 'baku', 4200, undefined]);
    expect(model.routes.get('suez')?.stages).toEqual([
      { kind: 'node', id: 'shanghai' },
      { kind: 'leg', id: 'suez-loop' },
      { kind: 'node', id: 'rotterdam' },
    ]);
  });
  it('converts demand: 8760 TEU/year and 84 FEU/week are both 0.5 FEU/h; seasonality has a day-weighted mean of 1', () => {
    const [batched, plain] = model.demand;
    expect([batched?.feuPerHour, plain?.feuPerHour]).toEqual([0.5, 0.5]);
    // [2, 1 x 11]: the day-weighted mean is (2·31 + 334) / 365 = 396/365.
    const seasonality = batched?.seasonality ?? [];
    expect(seasonality[0]).toBeCloseTo((2 * 365) / 396, 14);
    expect(seasonality[1]).toBeCloseTo(365 / 396, 14);
    expect(seasonality.reduce((sum, m, i) => sum + m * (DAYS_PER_MONTH[i] ?? 0), 0)).toBeCloseTo(365, 10);
    expect(batched?.lotSize?.mean).toBe(1.5);
    expect([plain?.seasonality, plain?.lotSize]).toEqual([undefined, undefined]);
  });
  it('records the absolute file and the SHA-256 of its contents', () => {
    expect(model.source.files).toEqual([fixture('small-corridor.yaml')]);
    expect(model.source.sha256).toBe(sha256(readFileSync(fixture('small-corridor.yaml'), 'utf8')));
  });
});

describe('scaleDistribution and days distributions', () => {
  it('scales moments, support and every sample exactly, using the same uniforms', () => {
    const hours = lognormalFromMeanCv(2, 0.5);
    const days = scaleDistribution(hours, 24, 'days');
    expect([days.kind, days.mean, days.variance, days.min, days.max]).toEqual(['lognormal', 48, hours.variance * 576, 0, Infinity]);
    const [a, b] = [createStream(7, 'x'), createStream(7, 'x')];
    for (let i = 0; i < 100; i++) expect(days.sample(a)).toBe(hours.sample(b) * 24);
    expect(() => scaleDistribution(hours, 0, 'days')).toThrow(RangeError);
  });
  it('toSpec gives the model-file form with its unit, which rebuilds the same distribution', () => {
    const d = timeDistributionFromSpec({ dist: 'lognormal', mean: 1, cv: 0.3, unit: 'days' }, 'x');
    expect(d.toSpec()).toEqual({ dist: 'lognormal', mean: 1, cv: 0.3, unit: 'days' });
    const again = timeDistributionFromSpec({ ...d.toSpec(), dist: d.toSpec().dist, unit: 'days' }, 'x');
    expect([again.mean, again.variance]).toEqual([d.mean, d.variance]);
  });
});

describe('overlays', () => {
  it('sets values and removes keys on a copy of the base', () => {
    const varied = loadModel(fixture('overlay-fleet.yaml'));
    const caspian = leg(varied, 'caspian', 'ferry');
    expect([caspian.vessels, caspian.capacityFeu, varied.nodes.get('aktau')?.disruptions, varied.nodes.get('baku')?.disruptions]).toEqual([5, 200, [], []]);
    expect(leg(model, 'caspian', 'ferry').vessels).toBe(3);
    expect(varied.id).toBe('small-corridor');
    const files = [fixture('small-corridor.yaml'), fixture('overlay-fleet.yaml')];
    expect(varied.source.files).toEqual(files);
    expect(varied.source.sha256).toBe(sha256(...files.map((f) => readFileSync(f, 'utf8'))));
  });
  it('stack: an overlay on an overlay applies both, base first; list removals and [i] paths work', () => {
    const stacked = loadModel(fixture('overlay-stacked.yaml'));
    expect(leg(stacked, 'caspian', 'ferry').vessels).toBe(5);
    expect(stacked.demand.map((d) => [d.id, d.feuPerHour])).toEqual([['xian-baku', 1]]);
    expect([...stacked.routes.keys()]).toEqual(['middle']);
    expect(stacked.source.files).toEqual(['small-corridor.yaml', 'overlay-fleet.yaml', 'overlay-stacked.yaml'].map(fixture));
  });
});

describe('JSON Schema files', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  it.each([
    ['model', JSON_SCHEMA_FILES.model, modelJsonSchema],
    ['overlay', JSON_SCHEMA_FILES.overlay, overlayJsonSchema],
  ])('the committed %s schema equals fresh output (run: npx tsx scripts/write-json-schema.ts)', (_, file, generate) => {
    expect(readFileSync(`${root}${file}`, 'utf8')).toBe(jsonSchemaText(generate()));
  });
  it('describes the unit forms for editors', () => {
    const text = jsonSchemaText(modelJsonSchema());
    expect(text).toContain('A duration such as { hours: 48 } or { days: 2 }, at most 100 years.');
    expect(text).toContain('"additionalProperties": false');
  });
});
