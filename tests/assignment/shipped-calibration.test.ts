/**
 * The shipped model carries the fitted route-choice values (models/calibration/route-choice.yaml,
 * written by scripts/calibrate-route-choice.ts): a re-calibration that is not copied into
 * models/middle-corridor.yaml fails here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';

interface Fitted {
  readonly logitScaleUsd: number;
  readonly nestScale: number;
  readonly modeConstantsUsdPerFeu: Record<string, number>;
  readonly routeConstantsUsdPerFeu: Record<string, number>;
  readonly baselineSharesCnEu: Record<string, number>;
}

describe('shipped route-choice calibration', () => {
  const fitted = parse(readFileSync('models/calibration/route-choice.yaml', 'utf8')) as Fitted;
  const model = loadModel('models/middle-corridor.yaml');

  it('the assignment block holds the fitted scale, nest scale and mode constants', () => {
    expect(model.assignment?.logitScaleUsd).toBe(fitted.logitScaleUsd);
    expect(model.assignment?.nestScale).toBe(fitted.nestScale);
    for (const [mode, constant] of Object.entries(fitted.modeConstantsUsdPerFeu)) expect(model.assignment?.modeConstantsUsdPerFeu[mode], mode).toBe(constant);
  });

  it('the routes hold the fitted route constants and cn-eu the baseline shares', () => {
    for (const [route, constant] of Object.entries(fitted.routeConstantsUsdPerFeu)) expect(model.routes.get(route)?.constantUsdPerFeu, route).toBe(constant);
    const flow = model.demand.find((d) => d.id === 'cn-eu');
    const total = Object.values(fitted.baselineSharesCnEu).reduce((a, b) => a + b, 0);
    for (const choice of flow?.choices ?? []) expect(choice.share, choice.route).toBeCloseTo((fitted.baselineSharesCnEu[choice.route] ?? Number.NaN) / total, 12);
  });
});
