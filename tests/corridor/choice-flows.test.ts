/**
 * Demand flows with a choice set, as the loader sees them: every mistake is one error naming the
 * field and what was expected; a closed route leaves the choice sets and re-normalises the shares.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../src/corridor/load-model.ts';
import { ModelErrors } from '../../src/corridor/model-error.ts';

const good = readFileSync('tests/assignment/fixtures/two-routes.yaml', 'utf8');

function errorsOf(text: string): { path: string; expected: string }[] {
  try {
    loadModelText(text, 'choice.yaml');
  } catch (error) {
    if (error instanceof ModelErrors) return error.errors.map((e) => ({ path: e.path, expected: e.expected }));
    throw error;
  }
  return [];
}

describe('choice flows', () => {
  it.each([
    ['both route and routes', '    routes: [fast, slow]\n', '    routes: [fast, slow]\n    route: fast\n', 'demand[0]', 'exactly one of route (a pinned flow) or routes (a choice set)'],
    ['a route the model lacks', 'routes: [fast, slow]', 'routes: [fast, slw]', 'demand[0].routes[1]', 'the id of a route (did you mean "slow"?)'],
    ['a route twice', 'routes: [fast, slow]', 'routes: [fast, slow, fast]', 'demand[0].routes[2]', 'a route not already in the choice set'],
    ['no value of time', '    valueOfTimeUsdPerFeuDay: 20\n', '', 'demand[0].valueOfTimeUsdPerFeuDay', 'the value of time of a choice flow'],
    ['pinned to a closed route', '    routes: [fast, slow]\n    valueOfTimeUsdPerFeuDay: 20\n', '    route: fast\n', 'demand[0].route', 'an open route'],
    ['every route closed', 'riskPremiumUsdPerFeu: 0 }', 'riskPremiumUsdPerFeu: 0, closed: true }', 'demand[0].routes', 'at least one open route'],
  ])('%s', (_name, from, to, path, expected) => {
    let text = good.replace(from, to);
    expect(text).not.toBe(good);
    // The pinned and all-closed cases need the fast route closed too.
    if (path === 'demand[0].route' || path === 'demand[0].routes') text = text.replace('riskPremiumUsdPerFeu: 100 }', 'riskPremiumUsdPerFeu: 100, closed: true }');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.expected).toContain(expected);
  });

  it('re-normalises fixed shares over the open routes when one closes', () => {
    const text = good.replace('    volume: { feuPerWeek: 100 }', '    volume: { feuPerWeek: 100 }\n    shares: { fast: 0.6, slow: 0.2 }');
    const choices = loadModelText(text, 'a.yaml').demand[0]?.choices ?? [];
    expect(choices.map((c) => c.route)).toEqual(['fast', 'slow']);
    // 0.6 and 0.2 over their sum 0.8.
    expect(choices[0]?.share).toBeCloseTo(0.75, 15);
    expect(choices[1]?.share).toBeCloseTo(0.25, 15);
    const closed = text.replace('riskPremiumUsdPerFeu: 100 }', 'riskPremiumUsdPerFeu: 100, closed: true }');
    expect(loadModelText(closed, 'b.yaml').demand[0]?.choices).toEqual([{ route: 'slow', share: 1 }]);
  });

  it('reads the averaging rule of the assignment (MSA by default) and names a bad one', () => {
    expect(loadModelText(good, 'choice.yaml').assignment?.averaging).toEqual({ rule: 'msa' });
    const sra = good.replace('  maxIterations: 5\n', '  averaging: { rule: self-regulated, worse: 2, better: 0.3 }\n  maxIterations: 5\n');
    expect(loadModelText(sra, 'choice.yaml').assignment?.averaging).toEqual({ rule: 'self-regulated', worse: 2, better: 0.3 });
    const bad = errorsOf(sra.replace('worse: 2', 'worse: 0.5'));
    expect(bad.map((e) => e.path)).toEqual(['assignment.averaging.worse']);
    expect(bad[0]?.expected).toMatch(/> ?1/);
  });

  it('needs an assignment block for a choice flow without fixed shares', () => {
    const text = good.slice(0, good.indexOf('assignment:')) + good.slice(good.indexOf('demand:'));
    expect(errorsOf(text).map((e) => e.expected).join('\n')).toContain('a model with an assignment block (logitScaleUsd) or fixed shares for this choice flow');
  });
});
