/**
 * The study's parts without long simulations: demand per scenario, where the overland flows go
 * in the corridor model.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import { choiceFlows, type ScenarioAssignment } from '../../src/assignment/solve-assignment.ts';
import {
  choiceScenario, classDemandId, demandSlots, tradeInputs, FULL_STUDY, scenarioDemand, scenarioInput, STUDY_SCENARIOS, studyRoutes, studyView, VIETNAMESE_ROUTES,
} from '../../src/studies/tariff-shift/index.ts';
import { type EquilibriumIteration, loadTrade, WEEKS_PER_YEAR } from '../../src/trade/index.ts';

const model = loadModel(FULL_STUDY.modelFile);
const trade = loadTrade(FULL_STUDY.tradeFile);
const routes = studyRoutes(model, VIETNAMESE_ROUTES);

describe('scenario demand', () => {
  it('routes EU-bound demand only, rising with the tariff; lost trade is reported, not routed', () => {
    const [base, us20, us46] = STUDY_SCENARIOS.slice(0, 3).map((s) => scenarioDemand(trade, s, routes));
    expect(base?.lostTradeFeuPerWeek).toBe(0);
    expect(us20?.euFeuPerWeek).toBeGreaterThan(base?.euFeuPerWeek ?? Infinity);
    expect(us46?.euFeuPerWeek).toBeGreaterThan(us20?.euFeuPerWeek ?? Infinity);
    for (const d of [base, us20, us46]) {
      const classes = d?.classes.reduce((sum, c) => sum + c.demandFeuPerWeek, 0) ?? Number.NaN;
      expect(classes).toBeCloseTo(d?.euFeuPerWeek ?? Number.NaN, 9);
      expect(d?.totalBeforeFeuPerWeek).toBeCloseTo((d?.totalAfterFeuPerWeek ?? 0) + (d?.lostTradeFeuPerWeek ?? 0), 6);
    }
    expect(base?.euFeuPerWeek).toBeCloseTo(476_718 / WEEKS_PER_YEAR, -2); // ≈ 9,143 FEU/week
  });
});

describe('scenario model', () => {
  it('replaces the pilot demand of the overland routes and appends the Northern one; the sea slice stays', () => {
    const slots = demandSlots(model, routes);
    expect(slots.map((s) => [s.route, s.index])).toEqual([
      ['mc-haiphong-rail-duisburg', 2], ['mc-haiphong-lianyungang-duisburg', 3], ['northern-haiphong-duisburg', model.demand.length],
    ]);
    const input = scenarioInput({ id: 't', overlays: [], routes, slots, flowsFeuPerWeek: [999, 999, 10, 20, 30], seasonality: trade.seasonality });
    const compiled = loadScenarioModel({ model: FULL_STUDY.modelFile, set: input.set ?? {} });
    const perWeek = (route: string): number => compiled.demand.flatMap((d) => d.choices.filter((c) => c.route === route).map((c) => d.feuPerHour * c.share * 168)).reduce((sum, v) => sum + v, 0);
    expect(perWeek('mc-haiphong-rail-duisburg')).toBeCloseTo(10, 9);
    expect(perWeek('mc-haiphong-lianyungang-duisburg')).toBeCloseTo(20, 9);
    expect(perWeek('northern-haiphong-duisburg')).toBeCloseTo(30, 9);
    // The model's Vietnamese sea slice (120 FEU/week between Suez and the Cape), not 999.
    expect(perWeek('sea-suez-caimep-rotterdam') + perWeek('sea-cape-caimep-rotterdam')).toBeCloseTo(120, 9);
    expect(compiled.demand).toHaveLength(model.demand.length + 1);
    expect(() => runReplication(compiled, { seed: 1, warmupHours: 0, horizonHours: 24 })).not.toThrow();
  });

  it('rejects a negative or missing flow, naming the route', () => {
    const slots = demandSlots(model, routes);
    expect(() => scenarioInput({ id: 't', overlays: [], routes, slots, flowsFeuPerWeek: [0, 0, -1, 0, 0], seasonality: trade.seasonality })).toThrow(/mc-haiphong-rail-duisburg/);
  });
});

describe('study scenario on the model\'s assignment', () => {
  const demand = scenarioDemand(trade, STUDY_SCENARIOS[1] ?? STUDY_SCENARIOS[0] as never, routes);
  const scenario = choiceScenario({ modelFile: FULL_STUDY.modelFile, model, overlays: [], routes, demand, seasonality: trade.seasonality });
  const compiled = loadScenarioModel({ model: FULL_STUDY.modelFile, set: scenario.set ?? {} });

  it('turns every class into a choice flow in place of the model\'s Vietnamese entries, keeping the Chinese flows', () => {
    // The model's entries 2-4 (two pilots and the sea slice) are Vietnamese; 10 classes take 2-4 and 5-11.
    expect(compiled.demand).toHaveLength(model.demand.length - 3 + demand.classes.length);
    expect(compiled.demand.slice(0, 2).map((d) => d.id)).toEqual(model.demand.slice(0, 2).map((d) => d.id));
    const flows = choiceFlows(compiled);
    for (const c of demand.classes) {
      const flow = flows.find((f) => f.id === classDemandId(c.id));
      expect(flow?.feuPerWeek).toBeCloseTo(c.demandFeuPerWeek, 9);
      expect(flow?.valueOfTimeUsdPerFeuDay).toBe(c.valueOfTimeUsdPerFeuDay);
      expect(flow?.routes).toEqual(c.routeIds);
    }
    // No Vietnamese cargo is left pinned: every entry on the study's routes is a class.
    const vn = compiled.demand.filter((d) => d.choices.some((ch) => VIETNAMESE_ROUTES.includes(ch.route as never)));
    expect(vn.map((d) => d.id).sort()).toEqual(demand.classes.map((c) => classDemandId(c.id)).sort());
    expect(() => runReplication(compiled, { seed: 1, warmupHours: 0, horizonHours: 24 })).not.toThrow();
  });

  it('maps an assignment back to the classes over the study routes, summing only Vietnamese flows', () => {
    const flows = choiceFlows(compiled);
    // Routes of the assignment in another order than the study's, plus a Chinese one.
    const ids = ['northern-xian-duisburg', ...[...VIETNAMESE_ROUTES].reverse()];
    const assignmentRoutes = ids.map((id) => ({ id, freightRateUsdPerFeu: 1000, riskPremiumUsdPerFeu: 0 }));
    // Each flow puts 0.5 on its first usable route in `ids` order and 0.5 on its last one.
    const shares = flows.map((f) => {
      const usable = ids.map((id) => f.routes.includes(id));
      const first = usable.indexOf(true);
      const last = usable.lastIndexOf(true);
      return ids.map((_, r) => (r === first ? 0.5 : 0) + (r === last ? 0.5 : 0));
    });
    const times = ids.map((_, r) => ({ meanDays: r, p95Days: r + 1 }));
    const it: EquilibriumIteration = { iteration: 1, shares, flowsFeuPerWeek: [], times, costs: shares, targetShares: shares, gap: 0.1, flowGap: 0.5, noDeliveryRoutes: ['northern-xian-duisburg', 'mc-haiphong-rail-duisburg'] };
    const assignment: ScenarioAssignment = {
      scenario, flows, routes: assignmentRoutes, set: {},
      result: { converged: true, iterations: 1, gap: 0.1, tolerance: 0.2, flowGap: 0.5, message: 'ok', shares, flowsFeuPerWeek: [], times, costs: shares, history: [it] },
    };
    const view = studyView(assignment, demand, routes);
    // Rail classes: 0.5 on northern-haiphong (first usable in `ids`), 0.5 on sea-suez (last); sea-only: suez-cape 0.5/0.5.
    const rail = demand.classes.filter((c) => c.id.endsWith('rail-eligible')).reduce((sum, c) => sum + c.demandFeuPerWeek, 0);
    const seaOnly = demand.euFeuPerWeek - rail;
    const at = (id: string): number => view.flowsFeuPerWeek[VIETNAMESE_ROUTES.indexOf(id as never)] ?? Number.NaN;
    expect(at('northern-haiphong-duisburg')).toBeCloseTo(rail / 2, 6);
    expect(at('sea-suez-caimep-rotterdam')).toBeCloseTo(rail / 2 + seaOnly / 2, 6);
    expect(at('sea-cape-caimep-rotterdam')).toBeCloseTo(seaOnly / 2, 6);
    expect(at('mc-haiphong-rail-duisburg')).toBe(0);
    expect(view.times.map((t) => t.meanDays)).toEqual(VIETNAMESE_ROUTES.map((id) => ids.indexOf(id)));
    expect(view.history[0]?.noDeliveryRoutes).toEqual(['mc-haiphong-rail-duisburg']);
    expect(view.shares).toHaveLength(demand.classes.length);
  });
});

describe('trade inputs of a design point', () => {
  const us20 = STUDY_SCENARIOS.find((s) => s.id === 'us-20');
  if (us20 === undefined) throw new Error('no us-20');
  const eu = (set: Record<string, number>): number => scenarioDemand(trade, us20, routes, tradeInputs(trade, us20.tariffScenario, 't', set)).euFeuPerWeek;

  it('apply to the demand: a larger σ or EU diversion share sends more of the US loss to Europe; none leaves the shipped scenario', () => {
    const central = eu({});
    expect(central).toBeCloseTo(scenarioDemand(trade, us20, routes).euFeuPerWeek, 9);
    // A larger σ makes Vietnam's US sales more tariff-sensitive: a larger loss, of which the EU takes its share.
    expect(eu({ 'trade.sourceSubstitutionElasticity': 3.7 })).toBeGreaterThan(central);
    expect(eu({ 'trade.sourceSubstitutionElasticity': 1.3 })).toBeLessThan(central);
    expect(eu({ 'trade.diversionShareEu': 0.3 })).toBeGreaterThan(central);
    expect(eu({ 'trade.tariffPassThrough': 0.9 })).toBeLessThan(central);
  });

  it('reject an unknown trade key or a non-numeric value, naming the scenario and key', () => {
    expect(() => tradeInputs(trade, 'deal-20', 'p1', { 'trade.sigma': 2 })).toThrow(/p1.*trade\.sigma/);
    expect(() => tradeInputs(trade, 'deal-20', 'p2', { 'trade.tariffPassThrough': 'x' })).toThrow(/p2.*trade\.tariffPassThrough/);
  });
});
