/**
 * The route-choice equilibrium with congestion feedback, by the method of successive averages:
 *
 *   s_0 = initial shares (default: logit over freight rate + risk premium + route constant, see moneyCostShares)
 *   for k = 0, 1, …, maxIterations − 1:
 *     flows = Σ_classes demand × s_k;  times = evaluate(flows)  (a simulation run)
 *     t_k = logit(generalized costs at those times);  gap = max |t_k − s_k|
 *     if gap <= tolerance (or, with a flow tolerance, every route's flow is within it of its
 *     target flow): converged, report s_k
 *     s_{k+1} = s_k + (t_k − s_k) / β_k      (MSA: β_k = k + 1; or self-regulated, see AveragingRule)
 *
 * The gap is the distance from the fixed point (how far a full step would move), not the size
 * of the damped step: under MSA the step shrinks as 1/(k+1) whether or not the shares are right;
 * the self-regulated rule shrinks it fast only after an iteration that made the gap worse.
 * Not converging is a result, not an error: the loop returns converged = false with the last
 * gap and says so in `message`. It throws only for bad inputs or a malformed `evaluate` answer.
 * A route with NaN (or infinite) times delivered nothing: its time terms are replaced by
 * `noDeliveryPenaltyUsdPerFeu`, which makes it all but unchosen until it delivers again.
 */
import type { EquilibriumIteration, EquilibriumOptions, EquilibriumResult, FlowTolerance, RouteTimes } from './equilibrium-types.ts';
import { averagingUpdate, generalizedCost, logitShares, nestedLogitShares, nextDivisor, shareGap } from './route-choice.ts';
import { checkOptions } from './equilibrium-checks.ts';
import { requirePositive, TradeInputError } from './trade-error.ts';

/** Default cost of a route that delivered nothing (USD per FEU): exp(−100,000/θ) ≈ 0 for any sensible θ. */
export const NO_DELIVERY_PENALTY_USD_PER_FEU = 100_000;

/**
 * Default starting shares: the logit over freight rate + risk premium of each class's usable
 * routes, because times are unknown before the first simulation. Equal shares would be a worse
 * start: they put a fifth of all EU-bound boxes on each rail route, the first simulation then
 * sees queues far beyond anything near equilibrium, and MSA's shrinking steps take many
 * iterations to walk back from the overreaction.
 */
function moneyCostShares(options: EquilibriumOptions, usable: readonly boolean[][]): number[][] {
  return usable.map((row) => {
    const costs = options.routes.map((route, r) => (row[r] ? route.freightRateUsdPerFeu + route.riskPremiumUsdPerFeu + (route.constantUsdPerFeu ?? 0) : Infinity));
    return choiceShares(options, costs);
  });
}

/** The (nested) logit of `costs` under the options' scale and nests. */
function choiceShares(options: EquilibriumOptions, costs: readonly number[]): number[] {
  if (options.nestOf === undefined) return logitShares(costs, options.logitScaleUsd);
  return nestedLogitShares(costs, options.logitScaleUsd, options.nestOf, options.nestScale ?? 1);
}

/** True when a route's times are numbers of days; NaN (or infinite) times mean nothing was delivered. */
function delivered(times: RouteTimes): boolean {
  return Number.isFinite(times.meanDays) && Number.isFinite(times.p95Days);
}

/** Times from `evaluate`, checked: one per route, NaN allowed (no deliveries), never negative. */
function checkTimes(times: readonly RouteTimes[], routeCount: number): readonly RouteTimes[] {
  if (!Array.isArray(times) || times.length !== routeCount) throw new TradeInputError('solveEquilibrium', 'evaluate()', `a list of ${routeCount} route times`, times);
  times.forEach((t, r) => {
    for (const key of ['meanDays', 'p95Days'] as const) {
      const value = t[key];
      if (typeof value !== 'number' || value < 0) throw new TradeInputError('solveEquilibrium', `evaluate()[${r}].${key}`, 'a number of days >= 0, or NaN for no deliveries', value);
    }
  });
  return times;
}

/**
 * Whether an iteration's gaps meet the loop's criterion: the flow tolerance when there is one
 * (flow gap <= 1), else the share tolerance. The loop stops at the first iteration that does.
 */
export function metCriterion(iteration: Pick<EquilibriumIteration, 'gap' | 'flowGap'>, criterion: Pick<EquilibriumResult, 'tolerance' | 'flowTolerance'>): boolean {
  return criterion.flowTolerance === undefined ? iteration.gap <= criterion.tolerance : iteration.flowGap <= 1;
}

/** max over routes of |target flow − flow| / max(floor, relative x flow) (see FlowTolerance). */
function relativeFlowGap(flows: readonly number[], targets: readonly (readonly number[])[], classes: EquilibriumOptions['classes'], tol: FlowTolerance): number {
  return Math.max(0, ...flows.map((flow, r) => {
    const target = classes.reduce((sum, c, i) => sum + c.demandFeuPerWeek * (targets[i]?.[r] ?? 0), 0);
    return Math.abs(target - flow) / Math.max(tol.feuPerWeek, tol.relative * flow);
  }));
}

/**
 * Find route shares consistent with the transit times they cause (see the module comment).
 * @throws TradeInputError for bad options or a malformed `evaluate` result; never for non-convergence
 */
export async function solveEquilibrium(options: EquilibriumOptions): Promise<EquilibriumResult> {
  const { routes, classes, tolerance, maxIterations } = options;
  const usable = checkOptions(options);
  const penalty = requirePositive('solveEquilibrium', 'noDeliveryPenaltyUsdPerFeu', options.noDeliveryPenaltyUsdPerFeu ?? NO_DELIVERY_PENALTY_USD_PER_FEU);
  let shares: number[][] = options.initialShares?.map((row) => [...row]) ?? moneyCostShares(options, usable);
  const history: EquilibriumIteration[] = [];
  const averaging = options.averaging ?? { rule: 'msa' };
  // The rule compares the gap the loop stops on: the flow gap with a flow tolerance.
  const measure = (it: Pick<EquilibriumIteration, 'gap' | 'flowGap'>): number => (options.flowTolerance === undefined ? it.gap : it.flowGap);
  let divisor = 1;
  for (let k = 0; k < maxIterations; k++) {
    const flows = routes.map((_, r) => classes.reduce((sum, c, i) => sum + c.demandFeuPerWeek * ((shares[i] as number[])[r] as number), 0));
    const times = checkTimes(await options.evaluate(flows, shares), routes.length);
    const noDelivery = routes.filter((_, r) => !delivered(times[r] as RouteTimes));
    const costs = classes.map((c, i) =>
      routes.map((route, r) => {
        if (!(usable[i] as boolean[])[r]) return Infinity;
        const t = times[r] as RouteTimes;
        const constant = route.constantUsdPerFeu ?? 0;
        if (!delivered(t)) return route.freightRateUsdPerFeu + route.riskPremiumUsdPerFeu + constant + penalty;
        return constant + generalizedCost({
          freightRateUsdPerFeu: route.freightRateUsdPerFeu,
          valueOfTimeUsdPerFeuDay: c.valueOfTimeUsdPerFeuDay,
          meanTransitDays: t.meanDays,
          p95TransitDays: t.p95Days,
          reliabilityWeight: options.reliabilityWeight,
          riskPremiumUsdPerFeu: route.riskPremiumUsdPerFeu,
        });
      }),
    );
    const targets = costs.map((row) => choiceShares(options, row));
    const gap = Math.max(0, ...shares.map((row, i) => shareGap(row, targets[i] as number[])));
    const flowGap = options.flowTolerance === undefined ? Number.NaN : relativeFlowGap(flows, targets, classes, options.flowTolerance);
    history.push({ iteration: k + 1, shares, flowsFeuPerWeek: flows, times, costs, targetShares: targets, gap, flowGap, noDeliveryRoutes: noDelivery.map((r) => r.id) });
    const converged = metCriterion({ gap, flowGap }, { tolerance, ...(options.flowTolerance !== undefined ? { flowTolerance: options.flowTolerance } : {}) });
    if (converged || k === maxIterations - 1) {
      const criterion = options.flowTolerance === undefined
        ? `gap ${gap.toPrecision(3)} ${converged ? '<=' : '>'} tolerance ${tolerance}`
        : `flow gap ${flowGap.toPrecision(3)} ${converged ? '<=' : '>'} 1 (every route within max(${options.flowTolerance.feuPerWeek} FEU/week, ${options.flowTolerance.relative * 100}%) of its logit flow)`;
      const verdict = converged
        ? `converged after ${k + 1} iteration(s): ${criterion}`
        : `did NOT converge in ${maxIterations} iteration(s): last ${criterion}; the shares are not an equilibrium`;
      const flowPart = options.flowTolerance === undefined ? {} : { flowTolerance: options.flowTolerance };
      return { converged, iterations: k + 1, gap, tolerance, flowGap, ...flowPart, message: verdict, shares, flowsFeuPerWeek: flows, times, costs, history };
    }
    const previous = history.at(-2);
    divisor = nextDivisor(averaging, k, divisor, measure({ gap, flowGap }), previous === undefined ? Infinity : measure(previous));
    shares = shares.map((row, i) => averagingUpdate(row, targets[i] as number[], divisor));
  }
  // Unreachable: checkOptions guarantees maxIterations >= 1, so the loop returns.
  throw new TradeInputError('solveEquilibrium', 'maxIterations', 'a whole number >= 1', maxIterations);
}
