/**
 * Bad model files: each case breaks the good fixture with one edit and checks the error names the
 * file, the line, the dotted path, the bad value and what was expected, so that a model author
 * can fix the file from the message alone. Overlay mistakes use files next to the fixture.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EditCase, modelErrorsOf } from './model-errors-of.ts';
import { loadModel, loadModelText } from '../../src/corridor/load-model.ts';
import { EXIT_BAD_INPUT, type ModelError } from '../../src/corridor/model-error.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const good = readFileSync(fixture('small-corridor.yaml'), 'utf8');
const BAD = fixture('bad.yaml');

/** The 1-based line where the only occurrence of `snippet` in `text` ends. */
function lineOf(text: string, snippet: string): number {
  const at = text.indexOf(snippet);
  if (at < 0 || text.indexOf(snippet, at + 1) >= 0) throw new Error(`snippet must occur exactly once: ${snippet}`);
  return text.slice(0, at + snippet.length).split('\n').length;
}

/** The errors of loading `text` as file `file`; fails the test if it loads. */
const errorsOf = (text: string, file = BAD): readonly ModelError[] => modelErrorsOf(text, file);

interface Case extends EditCase {
  /** A snippet of the edited text whose last line the error must name (default: `to`). */
  readonly at?: string;
  /** True when other errors may follow from the same edit; the case's error is then found by path. */
  readonly more?: boolean;
}

const cases: readonly Case[] = [
  { name: 'unknown key (a typo): says which keys are allowed and suggests one', from: 'fleet: { vessels: 3 }', to: 'fleet: { vesels: 3 }', path: 'legs.caspian.fleet.vesels', got: 'unknown key "vesels"', expected: 'one of: vessels (did you mean "vessels"?)' },
  { name: 'unknown key on a node lists the keys of its kind', from: '    trainsPerDay: 12', to: '    trainsPerDays: 12', path: 'nodes.dostyk.trainsPerDays', got: 'unknown key "trainsPerDays"', expected: 'one of: kind, name, notes, disruptions, capacityAssumption, country, position, tracks, processing, trainsPerDay (did you mean "trainsPerDay"?)' },
  { name: 'missing required field', from: '    sailingsPerWeek: 2\n', to: '', path: 'legs.suez-loop.sailingsPerWeek', got: 'nothing', expected: 'a number (a required field)', at: 'suez-loop:' },
  { name: 'wrong type', from: '    tracks: 2', to: '    tracks: two', path: 'nodes.dostyk.tracks', got: '"two"', expected: 'a whole number' },
  { name: 'negative count', from: 'fleet: { vessels: 3 }', to: 'fleet: { vessels: -3 }', path: 'legs.caspian.fleet.vessels', got: '-3', expected: 'a whole number > 0' },
  { name: 'bad enum value lists the allowed ones', from: 'mode: sea-suez', to: 'mode: sea-panama', path: 'routes.suez.mode', got: '"sea-panama"', expected: 'one of: middle-corridor, northern, sea-suez, sea-cape, sea-black-sea, other' },
  { name: 'bad node kind', from: '    kind: yard', to: '    kind: border', path: 'nodes.dostyk.kind', got: '"border"', expected: 'one of: terminal, yard' },
  { name: 'bad time unit', from: 'value: 2, unit: hours', to: 'value: 2, unit: minutes', path: 'legs.caspian.berthing.unit', got: '"minutes"', expected: 'one of: hours, days' },
  { name: 'duration without a unit', from: 'cutoff: { hours: 6 }', to: 'cutoff: 6', path: 'legs.caspian.departure.cutoff', got: '6', expected: 'a duration such as { hours: 48 } or { days: 2 }' },
  { name: 'both capacityFeu and capacityTeu', from: 'train: { capacityFeu: 41 }', to: 'train: { capacityFeu: 41, capacityTeu: 82 }', path: 'legs.dostyk-aktau.train', got: '{"capacityFeu":41,"capacityTeu":82}', expected: 'one of capacityFeu or capacityTeu, e.g. { capacityFeu: 100 }' },
  { name: 'impossible distribution parameter (lognormal cv -1), at its model path', from: 'cv: 0.3, unit: days', to: 'cv: -1, unit: days', path: 'legs.caspian.sailing.cv', got: '-1', expected: 'a finite number > 0' },
  { name: 'unknown distribution parameter', from: 'mean: 0.2, unit: hours', to: 'mean: 0.2, shape: 1, unit: hours', path: 'nodes.aktau.handling.time.shape', got: 'unknown parameter "shape"', expected: 'a parameter of exponential: "rate", "mean"' },
  { name: 'duration distribution that can be negative (normal)', from: '{ dist: uniform, min: 33, max: 37, unit: days }', to: '{ dist: normal, mu: 35, sigma: 2, unit: days }', path: 'legs.suez-loop.transit', got: 'normal with min -Infinity', expected: 'a distribution with min >= 0 (durations cannot be negative' },
  { name: 'route naming a missing node', from: '[shanghai, suez-loop, rotterdam]', to: '[shanghai, suez-loop, roterdam]', path: 'routes.suez.stages[2]', got: '"roterdam"', expected: 'the id of a node or leg (did you mean "rotterdam"?)' },
  { name: 'route leg whose ends do not meet the nodes around it', from: '[xian, xian-dostyk, dostyk, dostyk-aktau, aktau, caspian, baku]', to: '[xian, xian-dostyk, aktau, caspian, baku]', path: 'routes.middle.stages[1]', got: 'leg "xian-dostyk" to "dostyk"', expected: 'a leg to "aktau", the node after it' },
  { name: 'consecutive nodes without a leg between', from: '[shanghai, suez-loop, rotterdam]', to: '[shanghai, rotterdam]', path: 'routes.suez.stages[1]', got: 'node "rotterdam" right after node "shanghai"', expected: 'a leg from "shanghai" to "rotterdam" first', more: true },
  { name: 'route starting with a leg', from: '[shanghai, suez-loop, rotterdam]', to: '[suez-loop, rotterdam]', path: 'routes.suez.stages[0]', got: 'leg "suez-loop"', expected: 'a node: a route starts at a node', more: true },
  { name: 'ferry leg ending at a yard', from: '    from: aktau\n    to: baku', to: '    from: aktau\n    to: dostyk', path: 'legs.caspian.to', got: '"dostyk", a yard', expected: 'a node that handles containers: only legs that carry trains may start or end at a yard', more: true },
  { name: 'leg from a missing node', from: '    from: shanghai', to: '    from: shanghia', path: 'legs.suez-loop.from', got: '"shanghia"', expected: 'the id of a node (did you mean "shanghai"?)', more: true },
  { name: 'demand naming a missing route', from: '    route: suez\n', to: '    route: sues\n', path: 'demand[1].route', at: 'route: sues', got: '"sues"', expected: 'the id of a route (did you mean "suez"?)' },
  { name: 'duplicate demand id', from: '  - id: shanghai-rotterdam', to: '  - id: xian-baku', path: 'demand[1].id', got: '"xian-baku"', expected: 'an id not used by another demand (demand[0] has it)', at: '[0.5, 0.5] }\n  - id: xian-baku' },
  { name: 'a leg id that is also a node id', from: '  rotterdam:\n    kind: terminal', to: '  suez-loop:\n    kind: terminal', path: 'legs.suez-loop', got: '"suez-loop", also a node id', expected: 'an id not used by a node', at: 'reason: low water\n  suez-loop:', more: true },
  { name: 'timetable time beyond the period', from: '{ days: 3.5 }', to: '{ days: 7.5 }', path: 'legs.caspian.departure.times[1]', got: '{"days":7.5} (180 h)', expected: 'a time within the period, from 0 up to but not including 168 h' },
  { name: 'timetable times out of order', from: 'times: [{ hours: 10 }, { days: 3.5 }]', to: 'times: [{ days: 3.5 }, { hours: 10 }]', path: 'legs.caspian.departure.times[1]', got: '{"hours":10} (10 h)', expected: 'a time after the previous one (84 h)' },
  { name: 'minimum load larger than the train', from: 'minLoadFeu: 30', to: 'minLoadFeu: 60', path: 'legs.xian-dostyk.departure.minLoadFeu', got: '60', expected: 'at most the vehicle capacity, 50 FEU' },
  { name: 'legs sharing a line with different paths per day', from: '    pathsPerDay: 8\n', to: '    pathsPerDay: 8\n    line: kz-main\n', path: 'legs.dostyk-aktau.pathsPerDay', got: '6', expected: '8, as on leg "xian-dostyk", which shares line "kz-main"', at: 'pathsPerDay: 6' },
  { name: 'seasonality with 11 entries', from: '[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', to: '[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', path: 'demand[0].seasonality', got: '[2,1,1,1,1,1,1,1,1,1,1]', expected: 'a list of exactly 12 items' },
  { name: 'demand seasonality all zero', from: '[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', to: '[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]', path: 'demand[0].seasonality', got: '[0,0,0,0,0,0,0,0,0,0,0,0]', expected: 'monthly multipliers with at least one above 0' },
  { name: 'disruption with two timings', from: "        window: { from: \"2025-03-01\", to: \"2025-03-04\" }\n", to: "        window: { from: \"2025-03-01\", to: \"2025-03-04\" }\n        weather: caspian\n", path: 'nodes.dostyk.disruptions[0]', got: 'weather and window', expected: 'exactly one of weather, random or window', at: 'disruptions:\n      - effect: closed' },
  { name: 'disruption naming a missing weather driver', from: 'disruptions: [{ effect: closed, scope: waterside, weather: caspian }]\n  baku:', to: 'disruptions: [{ effect: closed, scope: waterside, weather: caspain }]\n  baku:', path: 'nodes.aktau.disruptions[0].weather', got: '"caspain"', expected: 'the id of a weather driver (top-level weather) (did you mean "caspian"?)', at: 'weather: caspain }]' },
  { name: 'window ending before it starts', from: 'to: "2025-03-04"', to: 'to: "2025-02-04"', path: 'nodes.dostyk.disruptions[0].window.to', got: '"2025-02-04"', expected: 'a date after "from" (2025-03-01)' },
  { name: 'a window on a day that does not exist', from: 'from: "2025-03-01"', to: 'from: "2025-02-30"', path: 'nodes.dostyk.disruptions[0].window.from', got: '"2025-02-30"', expected: 'a real calendar date as YYYY-MM-DD' },
  { name: 'repair where the kind has no units to repair', from: '    departure: { policy: whenFull }\n', to: '    departure: { policy: whenFull }\n    disruptions: [{ effect: repair, units: 1, window: { from: "2025-01-02", to: "2025-01-03" } }]\n', path: 'legs.dostyk-aktau.disruptions[0].effect', got: '"repair"', expected: 'closed or reduced: a rail has no units that could be in repair', at: 'effect: repair, units: 1' },
  { name: 'reduced factor of 1 or more', from: 'factor: 0.5', to: 'factor: 1.5', path: 'legs.caspian.disruptions[0].factor', got: '1.5', expected: 'a number < 1' },
  { name: 'background at a missing place', from: '    at: dostyk\n', to: '    at: dostik\n', path: 'background[0].at', got: '"dostik"', expected: 'the id of a node or leg (did you mean "dostyk"?)', at: '    at: dostik' },
  { name: 'background trucks at a yard', from: '    volume: { perYear: 146, unit: train }', to: '    volume: { perYear: 146, unit: truck }', path: 'background[0].volume.unit', got: '"truck"', expected: 'train: a yard handles whole trains' },
  { name: 'background train without its size', from: '    trainFeu: 55\n', to: '', path: 'background[0].trainFeu', got: 'nothing', expected: 'the FEU-equivalents of one train (trainFeu), for the accounts', at: 'id: dostyk-other-trains' },
  { name: 'background on a sea leg', from: '    at: caspian\n', to: '    at: suez-loop\n', path: 'background[1].at', got: '"suez-loop", a sea', expected: 'a node or leg whose kind takes background traffic (a sea does not)', at: '    at: suez-loop' },
  { name: 'weather correlation above 1', from: 'correlation: 0.5', to: 'correlation: 1.5', path: 'weather.caspian.correlation', got: '1.5', expected: 'a number <= 1' },
  { name: 'id with capitals', from: '  shanghai:\n    kind: terminal', to: '  Shanghai:\n    kind: terminal', path: 'nodes.Shanghai', got: 'key "Shanghai"', expected: 'an id of lower-case letters, digits and dashes', at: 'Shanghai:', more: true },
  { name: 'impossible start date', from: 'startDate: 2025-01-01', to: 'startDate: 2025-02-30', path: 'startDate', got: '"2025-02-30"', expected: 'a real calendar date as YYYY-MM-DD' },
];

describe('bad model files: one error each, naming file, line, path, value and expectation', () => {
  it.each(cases)('$name', (c) => {
    const text = good.replace(c.from, c.to);
    expect(good.indexOf(c.from), 'edit must apply once').toBe(good.lastIndexOf(c.from));
    expect(text).not.toBe(good);
    const errors = errorsOf(text);
    if (c.more !== true) expect(errors.map((e) => e.message)).toHaveLength(1);
    const error = errors.find((e) => e.path === c.path);
    expect(error, `no error at ${c.path}; got:\n${errors.map((e) => e.message).join('\n')}`).toBeDefined();
    expect(error?.file).toBe(BAD);
    expect(error?.got).toBe(c.got);
    expect(error?.expected).toContain(c.expected);
    expect(error?.line).toBe(lineOf(text, c.at ?? (c.to === '' ? c.from : c.to)));
    expect(error?.message).toBe(`${BAD}:${error?.line}:${error?.column}: ${c.path}: got ${c.got}, expected ${error?.expected}`);
  });

  it('YAML syntax error: names the file, line and column', () => {
    const text = good.replace('fleet: { vessels: 3 }', 'fleet: { vessels: 3');
    const [error, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect([error?.file, error?.line, error?.column, error?.path]).toEqual([BAD, lineOf(text, 'fleet: { vessels: 3') + 1, 5, '']);
    expect(error?.expected).toMatch(/^valid YAML \(Flow map .* must be sufficiently indented and end with a }\)$/);
  });
  it('YAML duplicate key: names its line', () => {
    const text = good.replace('    tracks: 2\n', '    tracks: 2\n    tracks: 3\n');
    const [error] = errorsOf(text);
    expect([error?.line, error?.column, error?.got, error?.expected]).toEqual([lineOf(text, 'tracks: 3'), 5, '"tracks: 3"', 'valid YAML (Map keys must be unique)']);
  });
  it('reports every problem at once, in one message with one line each', () => {
    const text = good.replace('tracks: 2', 'tracks: 0').replace('mode: sea-suez', 'mode: boat');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toEqual(['nodes.dostyk.tracks', 'routes.suez.mode']);
    try {
      loadModelText(text, BAD);
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual(['model does not load (2 errors):', ...errors.map((e) => e.message)]);
    }
  });
  it('a missing file is reported as bad input (exit code 2 in the CLI)', () => {
    expect(EXIT_BAD_INPUT).toBe(2);
    expect(() => loadModel(fixture('no-such-model.yaml'))).toThrow(/no-such-model\.yaml: got ".*no-such-model\.yaml", expected a readable model file \(ENOENT\)/);
  });
});

describe('bad overlays', () => {
  const OVERLAY = fixture('overlay-bad.yaml');
  const overlay = (body: string): string => `overlay: bad\ntitle: Bad overlay\nbase: small-corridor.yaml\n${body}`;

  it('a missing base names the overlay, its base entry and where it looked', () => {
    const [error] = errorsOf(overlay('').replace('small-corridor.yaml', 'no-such-model.yaml'), OVERLAY);
    expect([error?.file, error?.line, error?.path, error?.value]).toEqual([OVERLAY, 3, 'base', 'no-such-model.yaml']);
    expect(error?.expected).toBe(`an existing model or overlay file, relative to this overlay (looked for ${fixture('no-such-model.yaml')})`);
  });
  it('a typo in a set path fails, naming the path and the nearest existing keys', () => {
    const [error, ...rest] = errorsOf(overlay('set:\n  legs.caspain.fleet.vessels: 10\n'), OVERLAY);
    expect(rest).toEqual([]);
    expect([error?.file, error?.line, error?.path, error?.got]).toEqual([OVERLAY, 5, 'legs.caspain.fleet.vessels', '"caspain", which is not in legs']);
    expect(error?.expected).toBe('an existing key of legs (set cannot create missing parents); nearest: "caspian", "suez-loop", "xian-dostyk"');
  });
  it('a typo in a remove path fails the same way', () => {
    const [error] = errorsOf(overlay('remove: [legs.caspian.berthng]\n'), OVERLAY);
    expect([error?.path, error?.got, error?.line]).toEqual(['legs.caspian.berthng', '"berthng", which is not in legs.caspian', 4]);
    expect(error?.expected).toContain('an existing key of legs.caspian to remove; nearest: "berthing"');
  });
  it('a bad value set by an overlay is blamed on the overlay line that set it', () => {
    const [error] = errorsOf(overlay('set:\n  legs.caspian.fleet: { vessels: 0 }\n'), OVERLAY);
    expect([error?.file, error?.line, error?.path, error?.got]).toEqual([OVERLAY, 5, 'legs.caspian.fleet.vessels', '0']);
  });
  it('an unknown overlay key is reported against the overlay schema', () => {
    const [error] = errorsOf(overlay('sett: {}\n'), OVERLAY);
    expect([error?.path, error?.got, error?.expected]).toEqual(['sett', 'unknown key "sett"', 'one of: overlay, title, base, notes, set, remove (did you mean "set"?)']);
  });
  it('overlays that are each other\'s base fail instead of looping', () => {
    expect(() => loadModel(fixture('overlay-cycle-a.yaml'))).toThrow(/overlay-cycle-b\.yaml:4:1: base: got "overlay-cycle-a\.yaml", expected a base that does not lead back/);
  });
});
