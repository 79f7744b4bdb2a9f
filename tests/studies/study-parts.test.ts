/**
 * The study's parts without long simulations: demand per scenario, where the overland flows go
 * in the corridor model, and how the equilibrium loops are batched into rounds.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/corridor/load-model.ts';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import { BatchedEvaluator } from '../../src/assignment/batched-evaluator.ts';
import { demandSlots, FULL_STUDY, scenarioDemand, scenarioInput, STUDY_SCENARIOS, studyRoutes, VIETNAMESE_ROUTES } from '../../src/studies/tariff-shift/index.ts';
import { loadTrade, type RouteTimes, WEEKS_PER_YEAR } from '../../src/trade/index.ts';

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

describe('BatchedEvaluator', () => {
  const times = (n: number): RouteTimes[] => Array.from({ length: n }, () => ({ meanDays: 1, p95Days: 2 }));

  it('runs one round once every active loop has asked, in scenario order, and stops waiting for finished loops', async () => {
    const rounds: string[][] = [];
    const batcher = new BatchedEvaluator(3, (requests) => {
      rounds.push(requests.map((q) => `${q.scenarioIndex}.${q.iteration}`));
      return Promise.resolve(requests.map(() => times(1)));
    });
    const loop = async (index: number, evaluations: number): Promise<void> => {
      try {
        for (let k = 0; k < evaluations; k++) await batcher.evaluate(index, [k]);
      } finally {
        batcher.finished();
      }
    };
    await Promise.all([loop(2, 1), loop(0, 3), loop(1, 2)]);
    expect(rounds).toEqual([['0.1', '1.1', '2.1'], ['0.2', '1.2'], ['0.3']]);
  });

  it('rejects every request of a failed round', async () => {
    const batcher = new BatchedEvaluator(2, () => Promise.reject(new Error('replication failed')));
    const results = await Promise.allSettled([batcher.evaluate(0, [1]), batcher.evaluate(1, [1])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
