/**
 * The input checks of `solveEquilibrium`, run once before the first (expensive) simulation so a
 * mistake in an experiment fails in milliseconds, naming the bad option.
 */
import type { EquilibriumOptions } from './equilibrium-types.ts';
import { requireAtLeast, requirePositive, TradeInputError } from './trade-error.ts';

const FN = 'solveEquilibrium';
/** How far a row of initial shares may be from summing to 1. */
const SHARE_SUM_SLACK = 1e-9;

/** Throws unless every id in `ids` is unique. */
function requireUnique(parameter: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new TradeInputError(FN, `${parameter}[${i}].id`, 'an id not used before in the list', id);
    seen.add(id);
  });
}

/**
 * Check the options of `solveEquilibrium`.
 * @returns per class and route, whether the class may use the route
 * @throws TradeInputError naming the first bad option
 */
export function checkOptions(options: EquilibriumOptions): boolean[][] {
  const { routes, classes } = options;
  if (routes.length === 0) throw new TradeInputError(FN, 'routes', 'at least one route', routes);
  if (classes.length === 0) throw new TradeInputError(FN, 'classes', 'at least one demand class', classes);
  requireUnique('routes', routes.map((r) => r.id));
  requireUnique('classes', classes.map((c) => c.id));
  routes.forEach((route, r) => {
    requireAtLeast(FN, `routes[${r}].freightRateUsdPerFeu`, route.freightRateUsdPerFeu);
    requireAtLeast(FN, `routes[${r}].riskPremiumUsdPerFeu`, route.riskPremiumUsdPerFeu);
  });
  requireAtLeast(FN, 'reliabilityWeight', options.reliabilityWeight);
  requirePositive(FN, 'logitScaleUsd', options.logitScaleUsd);
  if (!(options.tolerance > 0 && options.tolerance < 1)) throw new TradeInputError(FN, 'tolerance', 'a share gap in (0, 1)', options.tolerance);
  if (options.flowTolerance !== undefined) {
    requirePositive(FN, 'flowTolerance.feuPerWeek', options.flowTolerance.feuPerWeek);
    if (!(options.flowTolerance.relative > 0 && options.flowTolerance.relative < 1)) throw new TradeInputError(FN, 'flowTolerance.relative', 'a fraction in (0, 1)', options.flowTolerance.relative);
  }
  const averaging = options.averaging;
  if (averaging !== undefined && averaging.rule === 'self-regulated') {
    if (!(averaging.worse > 1)) throw new TradeInputError(FN, 'averaging.worse', 'a number > 1 (how much β grows after a worse iteration)', averaging.worse);
    if (!(averaging.better > 0 && averaging.better <= 1)) throw new TradeInputError(FN, 'averaging.better', 'a number in (0, 1] (how much β grows after a better iteration)', averaging.better);
  }
  if (!Number.isInteger(options.maxIterations) || options.maxIterations < 1) throw new TradeInputError(FN, 'maxIterations', 'a whole number >= 1', options.maxIterations);
  const ids = routes.map((r) => r.id);
  const usable = classes.map((c, i) => {
    requireAtLeast(FN, `classes[${i}].demandFeuPerWeek`, c.demandFeuPerWeek);
    requireAtLeast(FN, `classes[${i}].valueOfTimeUsdPerFeuDay`, c.valueOfTimeUsdPerFeuDay);
    const allowed = c.routeIds ?? ids;
    if (allowed.length === 0) throw new TradeInputError(FN, `classes[${i}].routeIds`, 'at least one route id', allowed);
    allowed.forEach((id, j) => {
      if (!ids.includes(id)) throw new TradeInputError(FN, `classes[${i}].routeIds[${j}]`, `a route id (${ids.join(', ')})`, id);
    });
    return ids.map((id) => allowed.includes(id));
  });
  if (options.initialShares !== undefined) checkInitialShares(options.initialShares, usable);
  return usable;
}

/** Initial shares: one row per class, one share per route, >= 0, 0 where unusable, summing to 1. */
function checkInitialShares(initial: readonly (readonly number[])[], usable: readonly boolean[][]): void {
  if (initial.length !== usable.length) throw new TradeInputError(FN, 'initialShares', `one row per class (${usable.length})`, initial);
  initial.forEach((row, i) => {
    const allowed = usable[i] as boolean[];
    if (row.length !== allowed.length) throw new TradeInputError(FN, `initialShares[${i}]`, `one share per route (${allowed.length})`, row);
    row.forEach((share, r) => {
      const where = `initialShares[${i}][${r}]`;
      if (!(share >= 0 && share <= 1)) throw new TradeInputError(FN, where, 'a share in [0, 1]', share);
      if (share > 0 && !allowed[r]) throw new TradeInputError(FN, where, '0, since the class may not use this route', share);
    });
    const sum = row.reduce((total, share) => total + share, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_SLACK) throw new TradeInputError(FN, `initialShares[${i}]`, 'shares that sum to 1', sum);
  });
}
