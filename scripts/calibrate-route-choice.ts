/**
 * Calibrate route choice: fit the logit scale and the route-mode constants of the model's
 * `assignment` block to the observed China -> Europe mode shares of 2023 and 2024, and derive the
 * China -> Europe flow's baseline shares.
 *
 *   npx tsx scripts/calibrate-route-choice.ts [--replications 3] [--seed 2025]
 *
 * 1. Times: the model is simulated (60 + 365 days) with the cn-eu flow at the observed 2024 mode
 *    shares, and each of its routes' mean and p95 transit are read (averaged over replications).
 * 2. Costs per route and year (USD/FEU): that year's freight rate of the route's mode + the route's
 *    risk premium + value of time x mean + reliability weight x value of time x (p95 - mean);
 *    a mode closed that year costs +Infinity (models/calibration/route-choice-data.yaml).
 * 3. Fit (src/assignment/calibrate.ts): θ and one constant per mode (sea 0) by least squares on the
 *    mode log-odds; Middle Corridor routes (and the Black Sea branch) share the Middle Corridor
 *    constant, Suez and Cape the sea's.
 * 4. Baseline shares of cn-eu: the observed 2024 shares of the Northern route and of the Middle
 *    Corridor as a whole (the volumes the rest of the model describes), split within a mode by the
 *    nest's logit (scale λθ) at the model file's own rates and the simulated times.
 * Writes models/calibration/route-choice.yaml (the fit, the data it came from, observed vs modelled
 * shares) and prints the values to copy into models/middle-corridor.yaml.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { calibrateRouteChoice, type CalibrationPeriod } from '../src/assignment/calibrate.ts';
import { loadScenarioModel } from '../src/corridor/load-scenario.ts';
import { runReplication } from '../src/corridor/runtime/run-replication.ts';

const MODEL = 'models/middle-corridor.yaml';
const DATA = 'models/calibration/route-choice-data.yaml';
const OUT = 'models/calibration/route-choice.yaml';
const FLOW = 'cn-eu';

interface Data {
  readonly referenceMode: string;
  readonly valueOfTimeUsdPerFeuDay: number;
  readonly reliabilityWeight: number;
  readonly nestScale: number;
  readonly middleCorridorSplitTeu: Record<string, Record<string, number>>;
  readonly periods: readonly { id: string; observedTeu: Record<string, number>; freightRateUsdPerFeu: Record<string, number>; closedModes: string[] }[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const replications = option('replications', 3);
const seed = option('seed', 2025);

/** The calibration mode of a route mode: sea routes are one mode, the Black Sea branch is Middle Corridor. */
const calibrationMode = (routeMode: string): string => (routeMode.startsWith('sea-suez') || routeMode.startsWith('sea-cape') ? 'sea' : routeMode === 'sea-black-sea' ? 'middle-corridor' : routeMode);

const data = parse(readFileSync(DATA, 'utf8')) as Data;
const base = loadScenarioModel({ model: MODEL });
const flowIndex = base.demand.findIndex((d) => d.id === FLOW);
const flow = base.demand[flowIndex];
if (flow === undefined) throw new Error(`${MODEL} has no demand flow "${FLOW}"`);
const routes = flow.choices.map((c) => base.routes.get(c.route)).filter((r) => r !== undefined);

// 1. Times at the observed 2024 mode shares (spread evenly over a mode's routes).
const observed2024 = data.periods[data.periods.length - 1]?.observedTeu ?? {};
const total2024 = Object.values(observed2024).reduce((a, b) => a + b, 0);
const perMode = new Map<string, number>();
for (const r of routes) perMode.set(calibrationMode(r.mode), (perMode.get(calibrationMode(r.mode)) ?? 0) + 1);
const timingShares = Object.fromEntries(routes.map((r) => [r.id, (observed2024[calibrationMode(r.mode)] ?? 0) / total2024 / (perMode.get(calibrationMode(r.mode)) ?? 1)]));
const model = loadScenarioModel({ model: MODEL, set: { [`demand[${flowIndex}].shares`]: timingShares }, label: 'calibration' });
const results = Array.from({ length: replications }, (_, i) => runReplication(model, { seed: `${seed}/calibration/${i}`, warmupHours: 60 * 24, horizonHours: 365 * 24 }));
const times = routes.map((r) => {
  const found = results.map((res) => res.routes.find((x) => x.id === r.id)?.transit).filter((t) => t !== undefined && t.count > 0);
  const mean = found.reduce((s, t) => s + (t?.mean ?? 0), 0) / found.length / 24;
  const p95 = found.reduce((s, t) => s + (t?.p95 ?? 0), 0) / found.length / 24;
  return { route: r.id, mode: r.mode, meanDays: mean, p95Days: p95 };
});

// 2. Costs per year.
const vot = data.valueOfTimeUsdPerFeuDay;
const timeCost = (t: { meanDays: number; p95Days: number }): number => vot * t.meanDays + data.reliabilityWeight * vot * Math.max(0, t.p95Days - t.meanDays);
const rateKey = (mode: string): string => (mode === 'sea-black-sea' ? 'middle-corridor' : mode);
const periods: CalibrationPeriod[] = data.periods.map((p) => {
  const totalTeu = Object.values(p.observedTeu).reduce((a, b) => a + b, 0);
  return {
    id: p.id,
    observedModeShares: Object.fromEntries(Object.entries(p.observedTeu).map(([m, teu]) => [m, teu / totalTeu])),
    routes: routes.map((r, i) => {
      const closed = p.closedModes.includes(r.mode);
      const rate = p.freightRateUsdPerFeu[rateKey(r.mode)];
      if (rate === undefined) throw new Error(`${DATA}: period ${p.id} has no freight rate for mode ${rateKey(r.mode)}`);
      return { id: r.id, mode: calibrationMode(r.mode), costUsdPerFeu: closed ? Infinity : rate + (r.riskPremiumUsdPerFeu ?? 0) + timeCost(times[i] as { meanDays: number; p95Days: number }) };
    }),
  };
});

// 3. Fit.
const fit = calibrateRouteChoice(periods, data.referenceMode, [50, 50_000], data.nestScale);
const theta = fit.logitScaleUsd;
const constantOf = (routeMode: string): number => fit.modeConstantsUsdPerFeu[calibrationMode(routeMode)] ?? 0;
const constants = Object.fromEntries([...new Set(routes.map((r) => r.mode))].map((m) => [m, Math.round(constantOf(m))]));

// 4. Route constants within the Middle Corridor nest: the nest's logit (scale λθ) reproduces each flow's
//    observed 2024 split at the file's rates and the simulated times: k_r = −λθ ln(S_r / S_ref) − (c_r − c_ref),
//    relative to the first route listed for the flow.
const allTimes = new Map<string, { meanDays: number; p95Days: number }>(times.map((t) => [t.route, t]));
for (const id of new Set(Object.values(data.middleCorridorSplitTeu).flatMap((split) => Object.keys(split)))) {
  if (allTimes.has(id)) continue;
  const found = results.map((res) => res.routes.find((x) => x.id === id)?.transit).filter((t) => t !== undefined && t.count > 0);
  if (found.length === 0) throw new Error(`route ${id} delivered nothing in the calibration runs`);
  allTimes.set(id, { meanDays: found.reduce((s, t) => s + (t?.mean ?? 0), 0) / found.length / 24, p95Days: found.reduce((s, t) => s + (t?.p95 ?? 0), 0) / found.length / 24 });
}
const fileCostOf = (id: string): number => {
  const r = model.routes.get(id);
  const t = allTimes.get(id) ?? { meanDays: Number.NaN, p95Days: Number.NaN };
  return (r?.freightRateUsdPerFeu ?? 0) + (r?.riskPremiumUsdPerFeu ?? 0) + timeCost(t);
};
const routeConstants: Record<string, number> = {};
for (const split of Object.values(data.middleCorridorSplitTeu)) {
  const ids = Object.keys(split);
  const reference = ids[0] as string;
  for (const id of ids.slice(1)) {
    routeConstants[id] = Math.round(-theta * data.nestScale * Math.log((split[id] ?? 0) / (split[reference] ?? 1)) - (fileCostOf(id) - fileCostOf(reference)));
  }
}
const withRouteConstant = (i: number): number => fileCostOf(routes[i]?.id ?? '') + (routeConstants[routes[i]?.id ?? ''] ?? 0);

// 5. Baseline shares: observed 2024 mode shares, split within a mode by the nest's logit at the file's
//    rates (and the route constants): for the Middle Corridor that is the observed split by construction.
const baselineShares: Record<string, number> = {};
for (const mode of new Set(routes.map((r) => calibrationMode(r.mode)))) {
  const members = routes.map((r, i) => ({ r, i })).filter((x) => calibrationMode(x.r.mode) === mode);
  const costs = members.map(({ i }) => withRouteConstant(i));
  const least = Math.min(...costs);
  const weights = costs.map((c) => Math.exp(-(c - least) / (theta * data.nestScale)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const modeShare = (observed2024[mode] ?? 0) / total2024;
  members.forEach(({ r }, k) => (baselineShares[r.id] = Number(((modeShare * (weights[k] as number)) / sum).toPrecision(4))));
}

const round = (x: number, digits = 4): number => Number(x.toPrecision(digits));
const out = {
  about: `Fitted by scripts/calibrate-route-choice.ts from ${DATA} and ${MODEL} (${replications} replications, seed ${seed}); copy logitScaleUsd, modeConstantsUsdPerFeu and the cn-eu shares into ${MODEL}.`,
  logitScaleUsd: Math.round(theta),
  modeConstantsUsdPerFeu: constants,
  nestScale: data.nestScale,
  routeConstantsUsdPerFeu: routeConstants,
  residualSumOfSquares: round(fit.residualSumOfSquares),
  fit: fit.shares.map((s) => ({ year: s.period, mode: s.mode, observed: round(s.observed), modelled: round(s.modelled) })),
  simulatedTimesDays: times.map((t) => ({ route: t.route, mean: round(t.meanDays), p95: round(t.p95Days) })),
  costsUsdPerFeu: periods.map((p) => ({ year: p.id, routes: Object.fromEntries(p.routes.map((r) => [r.id, Number.isFinite(r.costUsdPerFeu) ? Math.round(r.costUsdPerFeu) : 'closed'])) })),
  baselineSharesCnEu: baselineShares,
  data: data,
};
writeFileSync(OUT, `# Generated by scripts/calibrate-route-choice.ts; do not edit by hand.\n${stringify(out, { lineWidth: 120 })}`);
console.log(`θ = ${Math.round(theta)} USD/FEU; constants ${JSON.stringify(constants)}; RSS ${round(fit.residualSumOfSquares)}`);
for (const s of fit.shares) console.log(`${s.period} ${s.mode}: observed ${(100 * s.observed).toFixed(3)}%, modelled ${(100 * s.modelled).toFixed(3)}%`);
console.log(`route constants: ${JSON.stringify(routeConstants)}`);
console.log(`cn-eu baseline shares: ${JSON.stringify(baselineShares)}`);
console.log(`wrote ${OUT}`);
