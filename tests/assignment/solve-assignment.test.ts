/**
 * Route choice for every flow, on a two-route model whose transit times do not depend on the
 * flow (tests/assignment/fixtures/two-routes.yaml): the equilibrium is the closed-form logit over
 * the costs at the routes' fixed times, and closing a route in an override moves its cargo.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../src/corridor/load-model.ts';
import { loadScenarioModel } from '../../src/corridor/load-scenario.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';
import { solveAssignments } from '../../src/assignment/solve-assignment.ts';

const MODEL = 'tests/assignment/fixtures/two-routes.yaml';

// Costs at the fixed times (USD per FEU): rate + VoT x mean + risk + mode constant. Sailings every
// hour add a wait of 0-1 h on both routes alike (mean 0.5 h; p95 - mean <= 0.5 h), worth at most
// 20 x 1/24 ≈ 0.8 USD per FEU on either route, which moves a share by under 0.001 at θ = 300.
// fast: 2000 + 20 x 10 + 100 = 2300; slow: 1500 + 20 x 20 + 0 + 50 (sea-cape constant) = 1950.
// share(fast) = 1 / (1 + exp((2300 - 1950) / 300)) = 1 / (1 + e^(7/6)) = 0.23752...
const FAST_SHARE = 1 / (1 + Math.exp(350 / 300));

describe('route choice for a flow with a choice set', () => {
  it('compiles a choice flow with the money-cost logit as its default shares', () => {
    const model = loadScenarioModel({ model: MODEL });
    const [flow] = model.demand;
    // Money cost only (no times before a simulation): fast 2100, slow 1550: 1 / (1 + e^(550/300)).
    expect(flow?.route).toBeUndefined();
    expect(flow?.choices.map((c) => c.route)).toEqual(['fast', 'slow']);
    expect(flow?.choices[0]?.share).toBeCloseTo(1 / (1 + Math.exp(550 / 300)), 12);
  });

  it('finds the closed-form logit shares when times do not depend on the flow', async () => {
    const [assigned] = await solveAssignments([{ id: 'base', model: MODEL }], { warmupDays: 0, horizonDays: 60, seed: 1, workers: 1 });
    expect(assigned?.result.converged).toBe(true);
    const fast = assigned?.result.shares[0]?.[0] ?? Number.NaN;
    expect(Math.abs(fast - FAST_SHARE)).toBeLessThan(0.001);
    expect(assigned?.set).toEqual({ 'demand[0].shares': { fast: assigned?.result.shares[0]?.[0], slow: assigned?.result.shares[0]?.[1] } });
  });

  it('applies fixed shares and reports the assigned volume per route', () => {
    const model = loadScenarioModel({ model: MODEL, set: { 'demand[0].shares': { fast: 3, slow: 1 } } });
    const result = runReplication(model, { seed: 1, warmupHours: 0, horizonHours: 24 * 28 });
    // Shares are normalised: 3 : 1 -> 0.75 / 0.25 of 100 FEU/week.
    expect(result.flows.map((f) => [f.route, f.share, f.assignedFeuPerWeek, f.simulated])).toEqual([
      ['fast', 0.75, 75, true],
      ['slow', 0.25, 25, true],
    ]);
  });

  it('re-assigns the cargo of a route closed by an override', () => {
    const model = loadScenarioModel({ model: MODEL, set: { 'routes.fast.closed': true, 'demand[0].shares': { fast: 3, slow: 1 } } });
    expect(model.demand[0]?.choices).toEqual([{ route: 'slow', share: 1 }]);
  });
});

describe('probe volumes on uncongested routes', () => {
  it('simulate one probe per route, however many flows choose it', () => {
    // Two flows each give the slow route a share; it carries a 20 FEU/week probe: over 52 weeks
    // about 1,040 FEU arrive (Poisson, sd ≈ 32), so deliveries stay near 20 per week, far from the
    // 40 per week two probes would give; the assigned volumes are still each flow's own.
    const text = readFileSync(MODEL, 'utf8')
      .replace("riskPremiumUsdPerFeu: 0 }", "riskPremiumUsdPerFeu: 0, probeFeuPerWeek: 20 }")
      .replace('    volume: { feuPerWeek: 100 }\n', '    volume: { feuPerWeek: 100 }\n    shares: { fast: 1, slow: 1 }\n  - id: a-b-2\n    routes: [fast, slow]\n    valueOfTimeUsdPerFeuDay: 20\n    volume: { feuPerWeek: 60 }\n    shares: { fast: 1, slow: 1 }\n');
    const model = loadModelText(text, 'probes.yaml');
    const result = runReplication(model, { seed: 3, warmupHours: 0, horizonHours: 24 * 7 * 53 });
    const slow = result.routes.find((r) => r.id === 'slow');
    expect(slow?.feuPerWeek).toBeGreaterThan(20 - 4 * 32 / 52);
    expect(slow?.feuPerWeek).toBeLessThan(20 + 4 * 32 / 52 + 1);
    expect(result.flows.filter((f) => f.route === 'slow').map((f) => [f.demand, f.assignedFeuPerWeek, f.simulated])).toEqual([
      ['a-b', 50, false],
      ['a-b-2', 30, false],
    ]);
  });
});
