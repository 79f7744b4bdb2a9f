/** Loading a targets file: a good one, and bad ones reported with file, line, field, value, expectation. */
import { describe, expect, it } from 'vitest';
import { ModelErrors } from '../../src/corridor/model-error.ts';
import { loadTargets } from '../../src/validation/index.ts';
import { SMALL_MODEL, tinyTargetsText, writeTargets } from './helpers.ts';

function errorsOf(text: string): { file: string; messages: string[] } {
  const file = writeTargets(text);
  try {
    loadTargets(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelErrors);
    return { file, messages: (error as ModelErrors).errors.map((e) => e.message) };
  }
  throw new Error('expected the targets file to be rejected');
}

describe('loadTargets', () => {
  it('loads a good file: scenarios resolved to absolute paths, expressions parsed, lines known', () => {
    const targets = loadTargets(writeTargets(tinyTargetsText()));
    expect(targets.title).toBe('Tiny targets for tests');
    expect(targets.scenarios).toEqual([{ id: 'base', model: SMALL_MODEL, overlays: [] }]);
    expect(targets.targets.map((t) => [t.id, t.classification, t.unit])).toEqual([
      ['middle-volume', 'output', 'TEU/yr'],
      ['middle-transit-impossible', 'input-reproduced', 'd'],
    ]);
    expect(targets.targets[0]?.expression.kind).toBe('binary');
    expect(targets.targets[1]?.line).toBe(15);
  });

  it('names file, line, field, value and expectation for a typo in a key', () => {
    const { file, messages } = errorsOf(tinyTargetsText().replace('classification: output', 'clasification: output'));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:7:5: targets\\[0\\]\\.clasification: got unknown key "clasification", expected one of: .*did you mean "classification"`)));
  });

  it('reports every cross-field problem at once, each on its line', () => {
    const text = tinyTargetsText()
      .replace('scenario: base\n    model:\n      expression: "route.middle.transit_mean_h / 24"', 'scenario: bsae\n    model:\n      expression: "route.middle.transit_mean_h / * 24"')
      .replace('unit: TEU/yr\n    published', 'unit: FEU/yr\n    published')
      .replace('low: 0, high: 0.04', 'low: 1, high: 0.04');
    const { file, messages } = errorsOf(text);
    const at = (line: number): string => `${file}:${line}:`;
    expect(messages).toEqual([
      `${at(13)}7: targets[0].model.unit: got "FEU/yr", expected the published unit "TEU/yr" (convert in the expression)`,
      `${at(19)}5: targets[1].scenario: got "bsae", expected one of the scenarios: base (did you mean "base"?)`,
      `${at(23)}26: targets[1].published.high: got 0.04, expected a number >= published.low (1)`,
      `${at(21)}7: targets[1].model.expression: got "route.middle.transit_mean_h / * 24", expected metric names, numbers, + - * / and parentheses (unexpected "*": expected a metric name, a number or "(" at character 31)`,
    ]);
  });

  it('rejects a wrong type, a bad grade and a missing model file', () => {
    const text = tinyTargetsText(SMALL_MODEL.replace('small-corridor', 'no-such-model'))
      .replace('low: 4000', 'low: "4000"')
      .replace('grade: A', 'grade: B');
    const { messages } = errorsOf(text);
    expect(messages.join('\n')).toMatch(/:14:\d+: targets\[0\]\.published\.low: got "4000", expected a number/);
    expect(messages.join('\n')).toMatch(/:18:\d+: targets\[1\]\.sheet\.grade: got "B", expected one of: Q, E, A/);
    expect(errorsOf(tinyTargetsText(SMALL_MODEL.replace('small-corridor', 'no-such-model'))).messages[0]).toMatch(/:4:\d+: scenarios\.base\.model: got ".*no-such-model\.yaml", expected an existing model or overlay file/);
  });

  it('names an unreadable file and YAML syntax errors with their line', () => {
    expect(() => loadTargets('/no/such/targets.yaml')).toThrow(/\/no\/such\/targets\.yaml: got "\/no\/such\/targets\.yaml", expected a readable targets file \(ENOENT\)/);
    const { messages } = errorsOf('title: x\nscenarios: {\n');
    expect(messages[0]).toMatch(/targets\.yaml:\d+:\d+: got a syntax error, expected valid YAML/);
  });
});
