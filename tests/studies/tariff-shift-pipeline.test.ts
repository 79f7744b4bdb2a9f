/**
 * The tariff-shift study end to end, on a reduced run so the suite stays fast: the equilibrium
 * on 1 seed over 90 days, the final runs 2 replications of 120 days, both without warm-up (so
 * the network's balance closes exactly: with no warm-up every box is counted from entry). The
 * properties below do not need the full horizon; the full study's convergence is reported by
 * the study itself (README, "The tariff-shift study").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defineExperiment, runExperiment } from '../../src/experiments/index.ts';
import { loadModel } from '../../src/corridor/load-model.ts';
import {
  FULL_STUDY, metricValues, runTariffShiftStudy, STUDY_SCENARIOS, type StudyConfig, type StudyResult, type StudySummaryRow, VIETNAMESE_ROUTES,
} from '../../src/studies/tariff-shift/index.ts';
import { loadTrade } from '../../src/trade/index.ts';

const HORIZON_DAYS = 120;
const config: StudyConfig = {
  ...FULL_STUDY,
  name: 'tariff-shift-test',
  // The three tariff levels without the upgrade: the upgrade adds nothing these properties need
  // (its effect on the Caspian is tests/studies/caspian-capacity.test.ts's), at half the time.
  scenarios: STUDY_SCENARIOS.filter((s) => !s.upgrade),
  replications: 2,
  warmupDays: 0,
  horizonDays: HORIZON_DAYS,
  equilibriumReplications: 1,
  equilibriumWarmupDays: 0,
  equilibriumHorizonDays: 90,
};
const trade = loadTrade(config.tradeFile);
const weeks = HORIZON_DAYS / 7;

let study: StudyResult;
beforeAll(async () => {
  study = await runTariffShiftStudy(config);
}, 300_000);

const row = (scenario: string, category: string, item: string, quantity: string): StudySummaryRow => {
  const found = study.summary.find((r) => r.scenario === scenario && r.category === category && r.item === item && r.quantity === quantity);
  if (found === undefined) throw new Error(`no summary row ${scenario} ${category} ${item} ${quantity}`);
  return found;
};

/** Expected arrivals over the horizon of a flow (FEU/week) with the trade's monthly seasonality, from 2025-01-01. */
function expectedArrivals(feuPerWeek: number): number {
  let total = 0;
  for (let day = 0; day < HORIZON_DAYS; day++) total += (feuPerWeek / 7) * (trade.seasonality[new Date(Date.UTC(2025, 0, 1 + day)).getUTCMonth()] ?? Number.NaN);
  return total;
}

describe('tariff-shift study (reduced run)', () => {
  it('converges on every shipped scenario, within the study\'s flow tolerance and the model\'s iteration limit', () => {
    expect(study.equilibria).toHaveLength(3);
    const maxIterations = loadModel(config.modelFile).assignment?.maxIterations ?? Number.NaN;
    for (const { demand, result } of study.equilibria) {
      expect(result.converged, `${demand.scenario.id}: ${result.message}`).toBe(true);
      expect(result.flowGap).toBeLessThanOrEqual(1);
      expect(result.iterations).toBeLessThanOrEqual(maxIterations);
      // The last evaluation's target flows are within the tolerance of the flows it evaluated.
      const last = result.history.at(-1);
      result.flowsFeuPerWeek.forEach((flow, r) => {
        const target = demand.classes.reduce((sum, c, i) => sum + c.demandFeuPerWeek * (last?.targetShares[i]?.[r] ?? Number.NaN), 0);
        expect(Math.abs(target - flow)).toBeLessThanOrEqual(Math.max(config.flowTolerance?.feuPerWeek ?? 0, (config.flowTolerance?.relative ?? 0) * flow) + 1e-9);
      });
    }
  });

  it('conserves volume from demand to routes: before the tariff = after + lost trade; EU demand = sum of the route flows', () => {
    for (const { demand, result } of study.equilibria) {
      const id = demand.scenario.id;
      expect(row(id, 'demand', 'vn-all-markets', 'before_feu_per_week').value).toBeCloseTo(
        row(id, 'demand', 'vn-all-markets', 'after_feu_per_week').value + row(id, 'demand', 'lost-trade', 'feu_per_week').value, 6);
      const assigned = VIETNAMESE_ROUTES.reduce((sum, route) => sum + row(id, 'route', route, 'assigned_feu_per_week').value, 0);
      expect(assigned).toBeCloseTo(demand.euFeuPerWeek, 6);
      expect(result.flowsFeuPerWeek.reduce((a, b) => a + b, 0)).toBeCloseTo(demand.euFeuPerWeek, 6);
      // Sea-only classes never go overland.
      demand.classes.forEach((c, i) => {
        if (c.id.endsWith('/sea-only')) study.routes.forEach((route, r) => !route.deepSea && expect(result.shares[i]?.[r]).toBe(0));
      });
    }
  });

  it('conserves volume in the simulation: entered = delivered + in system, and unserved is what is not delivered', async () => {
    const { records } = study.run;
    const id = 'baseline';
    const entered = metricValues(records, id, 'network.entered_feu');
    const delivered = metricValues(records, id, 'network.delivered_feu');
    const backlog = metricValues(records, id, 'network.backlog_feu');
    entered.forEach((e, i) => expect(e).toBe((delivered[i] ?? Number.NaN) + (backlog[i] ?? Number.NaN)));

    // The same replications without the Vietnamese overland flows: the final scenario with every
    // class's overland shares moved to Suez. Streams are keyed by flow, so under common random
    // numbers every other flow brings exactly the same boxes: the difference is the Vietnamese entries.
    const { assignment } = study.equilibria.find((e) => e.demand.scenario.id === id) ?? {};
    if (assignment === undefined) throw new Error('no baseline assignment');
    const overlandIds = new Set(study.routes.filter((r) => !r.deepSea).map((r) => r.id));
    const seaOnly = Object.fromEntries(Object.entries(assignment.set).map(([key, value]) => {
      const shares = { ...(value as Record<string, number>) };
      const moved = Object.entries(shares).reduce((sum, [route, share]) => (overlandIds.has(route) ? sum + share : sum), 0);
      if (moved === 0) return [key, value];
      for (const route of overlandIds) if (route in shares) shares[route] = 0;
      shares['sea-suez-caimep-rotterdam'] = (shares['sea-suez-caimep-rotterdam'] ?? 0) + moved;
      return [key, shares];
    }));
    const without = defineExperiment({
      name: 'tariff-shift-test-without-vn',
      model: config.modelFile,
      scenarios: [{ id, overlays: [], set: { ...(assignment.scenario.set ?? {}), ...seaOnly } }],
      replications: config.replications,
      warmup: { days: 0 },
      horizon: { days: HORIZON_DAYS },
      seed: config.seed,
      metrics: ['network.entered_feu'],
    });
    const others = metricValues((await runExperiment(without, { workers: 2 })).records, id, 'network.entered_feu');
    const overland = study.routes.filter((r) => !r.deepSea).map((r) => r.id);
    const expected = overland.reduce((sum, r) => sum + expectedArrivals(row(id, 'route', r, 'assigned_feu_per_week').value), 0);
    const unserved = overland.reduce((sum, r) => sum + row(id, 'route', r, 'unserved_feu_per_week').value * weeks, 0);
    const inSystem: number[] = [];
    entered.forEach((e, i) => {
      const vnEntered = (e ?? Number.NaN) - (others[i] ?? Number.NaN);
      const vnDelivered = overland.reduce((sum, r) => sum + Math.round((metricValues(records, id, `route.${r}.feu_per_week`)[i] ?? Number.NaN) * weeks), 0);
      expect(Math.abs(vnEntered - expected)).toBeLessThan(4 * Math.sqrt(expected)); // Poisson arrivals
      expect(vnEntered - vnDelivered).toBeGreaterThanOrEqual(0);
      expect(vnEntered - vnDelivered).toBeLessThanOrEqual(backlog[i] ?? Number.NaN);
      inSystem.push(vnEntered - vnDelivered);
    });
    // Without warm-up, "unserved" (assigned - delivered) is the Vietnamese volume still in the
    // network (pipeline and queues), up to the Poisson noise of the arrivals. The assigned flow
    // is an annual mean; January to April bring less (the Tet dip), hence the seasonal correction.
    const assignedOverHorizon = overland.reduce((sum, r) => sum + row(id, 'route', r, 'assigned_feu_per_week').value * weeks, 0);
    const meanInSystem = inSystem.reduce((a, b) => a + b, 0) / inSystem.length;
    expect(unserved).toBeGreaterThan(0);
    expect(Math.abs(unserved - (assignedOverHorizon - expected) - meanInSystem)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('never lowers EU-bound volume when the US tariff rises, replication by replication (common random numbers)', () => {
    for (const suffix of ['']) {
      const ids = ['baseline', 'us-20', 'us-46'].map((t) => `${t}${suffix}`);
      const demand = ids.map((id) => row(id, 'demand', 'vn-eu', 'feu_per_week').value);
      expect(demand[1]).toBeGreaterThan(demand[0] as number);
      expect(demand[2]).toBeGreaterThan(demand[1] as number);
      // EU-bound volume moved per replication: sea volume as assigned, overland as delivered.
      const moved = ids.map((id) => {
        const sea = study.routes.filter((r) => r.deepSea).reduce((sum, r) => sum + row(id, 'route', r.id, 'assigned_feu_per_week').value, 0);
        const overland = study.routes.filter((r) => !r.deepSea).map((r) => metricValues(study.run.records, id, `route.${r.id}.feu_per_week`));
        return Array.from({ length: config.replications }, (_, i) => sea + overland.reduce((sum, values) => sum + (values[i] ?? Number.NaN), 0));
      });
      for (let i = 0; i < config.replications; i++) {
        expect(moved[1]?.[i]).toBeGreaterThanOrEqual(moved[0]?.[i] ?? Number.NaN);
        expect(moved[2]?.[i]).toBeGreaterThanOrEqual(moved[1]?.[i] ?? Number.NaN);
      }
    }
  });
});
