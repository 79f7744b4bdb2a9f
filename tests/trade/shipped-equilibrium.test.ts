/**
 * The equilibrium loop on the shipped inputs: EU-bound Vietnamese demand of every shipped tariff
 * scenario (models/trade/vietnam-exports.yaml) choosing among the Vietnamese routes of
 * models/middle-corridor.yaml, with the model's calibrated route choice (its `assignment`: logit
 * scale, mode constants, nests, iteration limit) and the study's convergence on route volumes. The simulation is replaced here by a
 * stand-in congestion function (BPR form, t0 × (1 + 0.15 (flow/capacity)^4), p95 = 1.25 × mean)
 * with a tight overland capacity, so the test is fast and exercises the feedback; the
 * simulation-backed run is the study's (tests/studies/tariff-shift-pipeline.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import { FULL_STUDY } from '../../src/studies/tariff-shift/study-config.ts';
import {
  applyTariffShift, equilibriumRoutes, isDeepSeaMode, loadTrade, marketTotal, routeChoiceClasses, type RouteTimes, shippedTariffScenario, solveEquilibrium, WEEKS_PER_YEAR,
} from '../../src/trade/index.ts';

const trade = loadTrade('models/trade/vietnam-exports.yaml');
const model = loadModel('models/middle-corridor.yaml');
const vietnamese = [...model.routes.values()].filter((r) => ['haiphong', 'caimep'].includes(r.origin) && ['duisburg', 'rotterdam'].includes(r.destination));
const settings = model.assignment;
if (settings === undefined) throw new Error('models/middle-corridor.yaml has no assignment block');
// The calibrated constants of each route's mode, as src/assignment/solve-assignment.ts applies them.
const routes = equilibriumRoutes(vietnamese).map((r, i) => ({ ...r, constantUsdPerFeu: settings.modeConstantsUsdPerFeu[vietnamese[i]?.mode ?? ''] ?? 0 }));
const nestOf = vietnamese.map((r) => settings.nestOfMode[r.mode] ?? r.mode);

// Stand-in free-flow days (assumption, test only): Suez ≈ Shanghai 32 d − 3 d (§2.2 [E]); the Cape + 12 d
// (§2.2 +10–14 d [Q]); rail via China 30 d (§2.2 Ratraco 30–35 d in operation [Q]); sea to Lianyungang + 3 d.
const FREE_FLOW_DAYS: Readonly<Record<string, number>> = { 'sea-suez': 29, 'sea-cape': 41, 'middle-corridor': 30, northern: 27 };
/**
 * Overland capacity (FEU per week) kept tight on purpose, so that congestion feeds back on shares:
 * at the calibrated constants only tens of FEU a week choose an overland route.
 */
const OVERLAND_CAPACITY = 10;

const evaluate = (flows: readonly number[]): RouteTimes[] =>
  vietnamese.map((route, r) => {
    const capacity = isDeepSeaMode(route.mode) ? 20_000 : OVERLAND_CAPACITY;
    const extra = route.id.includes('lianyungang') ? 3 : 0;
    const mean = ((FREE_FLOW_DAYS[route.mode] ?? 30) + extra) * (1 + 0.15 * ((flows[r] ?? 0) / capacity) ** 4);
    return { meanDays: mean, p95Days: 1.25 * mean };
  });

describe('equilibrium on the shipped tariff scenarios', () => {
  it('finds the Vietnamese routes in the corridor model, with rates', () => {
    expect(vietnamese.map((r) => r.id)).toEqual(expect.arrayContaining(['mc-haiphong-rail-duisburg', 'mc-haiphong-lianyungang-duisburg', 'sea-suez-caimep-rotterdam', 'sea-cape-caimep-rotterdam']));
  });

  const overland: number[] = [];
  // The scenarios that move only Vietnam's rate (file order is by rising rate); path-2025 and end-2025 also
  // move China's and others' rates, so they are not on that ladder (they are checked for convergence below).
  const ladder = [...trade.tariffScenarios.entries()].filter(([, s]) => !s.chinaReciprocalTariffRate && !s.chinaAllGoodsTariffRate && !s.othersReciprocalTariffRate).map(([id]) => id);
  for (const id of trade.tariffScenarios.keys()) {
    it(`converges for ${id} within the model's tolerance and iteration limit, conserving EU volume`, async () => {
      const shift = applyTariffShift(trade, shippedTariffScenario(trade, id));
      const classes = routeChoiceClasses(trade, shift.feuPerYear, 'eu', vietnamese);
      const { tolerance, maxIterations, reliabilityWeight, logitScaleUsd, nestScale } = settings;
      const { flowTolerance } = FULL_STUDY; // the study's criterion: route volumes, not shares
      if (flowTolerance === undefined) throw new Error('the study has no flow tolerance');
      const result = await solveEquilibrium({ routes, classes, tolerance, flowTolerance, maxIterations, reliabilityWeight, logitScaleUsd, nestOf, nestScale, evaluate });
      expect(result.converged, result.message).toBe(true);
      expect(result.flowGap).toBeLessThanOrEqual(1);
      const total = result.flowsFeuPerWeek.reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(marketTotal(shift.feuPerYear, 'eu') / WEEKS_PER_YEAR, 6);
      if (ladder.includes(id)) overland.push(result.flowsFeuPerWeek.filter((_, r) => !isDeepSeaMode(vietnamese[r]?.mode ?? '')).reduce((a, b) => a + b, 0));
    });
  }
  it('sends more EU-bound boxes overland as the US tariff on Vietnam rises (the Vietnam-only scenarios, by rising rate)', () => {
    expect(overland).toHaveLength(ladder.length);
    expect(ladder).toHaveLength(6);
    for (let i = 1; i < overland.length; i++) expect(overland[i]).toBeGreaterThan(overland[i - 1] as number);
  });
});
