/**
 * Route choice: a generalized cost per route and FEU, a multinomial logit over the routes, and
 * the averaging steps (MSA's, or self-regulated: see AveragingRule) that the equilibrium loop
 * (equilibrium.ts) uses to damp the feedback between route shares and congestion. Pure functions.
 */
import type { AveragingRule } from './equilibrium-types.ts';
import { requireAtLeast, requirePositive, TradeInputError } from './trade-error.ts';

/** The inputs of one route's generalized cost for one commodity group. */
export interface GeneralizedCostInput {
  /** Freight rate, origin to destination (USD per FEU). */
  readonly freightRateUsdPerFeu: number;
  /** Value of time of the cargo (USD per FEU per day). */
  readonly valueOfTimeUsdPerFeuDay: number;
  /** Expected (mean) transit time (days). */
  readonly meanTransitDays: number;
  /** 95th percentile of the transit time (days). */
  readonly p95TransitDays: number;
  /** Weight on the reliability buffer, relative to the value of time (dimensionless). */
  readonly reliabilityWeight: number;
  /** Risk premium of the route: security, sanctions, weather (USD per FEU). */
  readonly riskPremiumUsdPerFeu: number;
}

/**
 * Generalized cost of moving one FEU on a route (USD per FEU):
 *
 *   rate + VoT × mean + w × VoT × max(0, p95 − mean) + risk premium
 *
 * The p95 − mean buffer is the extra time a shipper must plan for (safety stock); a buffer below
 * zero (p95 under the mean, possible from a few extreme deliveries) counts as zero, because
 * reliability is a penalty, never a bonus.
 * @throws TradeInputError for a negative or non-finite input (NaN times included: see equilibrium.ts)
 */
export function generalizedCost(input: GeneralizedCostInput): number {
  const fn = 'generalizedCost';
  const rate = requireAtLeast(fn, 'freightRateUsdPerFeu', input.freightRateUsdPerFeu);
  const valueOfTime = requireAtLeast(fn, 'valueOfTimeUsdPerFeuDay', input.valueOfTimeUsdPerFeuDay);
  const mean = requireAtLeast(fn, 'meanTransitDays', input.meanTransitDays);
  const p95 = requireAtLeast(fn, 'p95TransitDays', input.p95TransitDays);
  const weight = requireAtLeast(fn, 'reliabilityWeight', input.reliabilityWeight);
  const risk = requireAtLeast(fn, 'riskPremiumUsdPerFeu', input.riskPremiumUsdPerFeu);
  return rate + valueOfTime * mean + weight * valueOfTime * Math.max(0, p95 - mean) + risk;
}

/**
 * Multinomial logit shares: share_i = exp(−c_i/θ) / Σ_j exp(−c_j/θ). Computed after subtracting
 * the least cost, so costs of any size neither overflow nor underflow to 0/0; the result is the
 * same for costs shifted by a constant. A cost of +Infinity marks a route unavailable (share 0).
 * @param costs generalized costs (USD per FEU), finite or +Infinity, at least one finite
 * @param scaleUsd θ > 0 (USD per FEU): a cost difference of θ changes the odds by a factor e
 * @returns shares in [0, 1] summing to 1, in the order of `costs`
 * @throws TradeInputError for NaN or −Infinity costs, no finite cost, or a bad scale
 */
export function logitShares(costs: readonly number[], scaleUsd: number): number[] {
  requirePositive('logitShares', 'scaleUsd', scaleUsd);
  costs.forEach((cost, i) => {
    if (Number.isNaN(cost) || cost === -Infinity) throw new TradeInputError('logitShares', `costs[${i}]`, 'a finite cost or +Infinity (unavailable)', cost);
  });
  const least = Math.min(...costs);
  if (!Number.isFinite(least)) throw new TradeInputError('logitShares', 'costs', 'at least one finite cost', costs);
  const weights = costs.map((cost) => Math.exp(-(cost - least) / scaleUsd));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Nested logit shares: routes grouped in nests (e.g. the sea routes via Suez and via the Cape,
 * near-perfect substitutes), with nest scale λ in (0, 1]:
 *
 *   P(r | n) = exp(−c_r / (λθ)) / Σ_{q∈n} exp(−c_q / (λθ))
 *   C_n      = −λθ ln Σ_{q∈n} exp(−c_q / (λθ))      (the nest's inclusive cost, USD per FEU)
 *   P(n)     = exp(−C_n / θ) / Σ_m exp(−C_m / θ),    share_r = P(n) P(r | n)
 *
 * λ = 1 is the plain logit; a smaller λ makes the routes of a nest closer substitutes, so closing
 * one moves its cargo mostly to its nest-mates instead of to every route in proportion (the
 * plain logit's independence of irrelevant alternatives). +Infinity marks a route unavailable.
 * @param nestOf the nest of each route, in the order of `costs`
 * @throws TradeInputError for a bad scale, λ outside (0, 1], lists of different lengths, or no finite cost
 */
export function nestedLogitShares(costs: readonly number[], scaleUsd: number, nestOf: readonly string[], nestScale: number): number[] {
  requirePositive('nestedLogitShares', 'scaleUsd', scaleUsd);
  if (!(nestScale > 0 && nestScale <= 1)) throw new TradeInputError('nestedLogitShares', 'nestScale', 'a number in (0, 1]', nestScale);
  if (nestOf.length !== costs.length) throw new TradeInputError('nestedLogitShares', 'nestOf', `a list as long as costs (${costs.length})`, nestOf);
  const nests = [...new Set(nestOf)];
  const inner = scaleUsd * nestScale;
  const members = nests.map((n) => costs.map((_, r) => r).filter((r) => nestOf[r] === n));
  const withinShares = members.map((rs) => (rs.some((r) => Number.isFinite(costs[r] as number)) ? logitShares(rs.map((r) => costs[r] as number), inner) : rs.map(() => 0)));
  const inclusive = members.map((rs) => {
    const finite = rs.map((r) => costs[r] as number).filter((c) => Number.isFinite(c));
    if (finite.length === 0) return Infinity;
    const least = Math.min(...finite);
    return least - inner * Math.log(finite.reduce((sum, c) => sum + Math.exp(-(c - least) / inner), 0));
  });
  const nestShares = logitShares(inclusive, scaleUsd);
  const out = costs.map(() => 0);
  members.forEach((rs, n) => rs.forEach((r, k) => (out[r] = (nestShares[n] as number) * ((withinShares[n] as number[])[k] as number))));
  return out;
}

/**
 * One step of the method of successive averages: s_{k+1} = s_k + (t_k − s_k) / (k + 1). With
 * k = 0 the step is a full move to the target; the steps 1/(k+1) shrink so that the iteration
 * settles even when the response to congestion overshoots. Shares that sum to 1 stay so.
 * @param previous current shares s_k
 * @param target logit response t_k to the costs at s_k
 * @param iteration k, a whole number >= 0 (the number of steps taken before this one)
 * @throws TradeInputError for lists of different lengths or a bad iteration
 */
export function msaUpdate(previous: readonly number[], target: readonly number[], iteration: number): number[] {
  if (!Number.isInteger(iteration) || iteration < 0) throw new TradeInputError('msaUpdate', 'iteration', 'a whole number >= 0', iteration);
  sameLength('msaUpdate', previous, target);
  return averagingUpdate(previous, target, iteration + 1);
}

/**
 * One averaging step of divisor β: s + (t − s) / β (β = 1 moves onto the target). Shares that
 * sum to 1 stay so.
 * @throws TradeInputError for lists of different lengths or β < 1
 */
export function averagingUpdate(previous: readonly number[], target: readonly number[], divisor: number): number[] {
  if (!(divisor >= 1)) throw new TradeInputError('averagingUpdate', 'divisor', 'a number >= 1', divisor);
  sameLength('averagingUpdate', previous, target);
  const step = 1 / divisor;
  return previous.map((share, i) => share + ((target[i] as number) - share) * step);
}

/**
 * The divisor β_k of the step after iteration k (see AveragingRule): MSA's k + 1, or the
 * self-regulated β_{k−1} + `worse` when the gap did not shrink, + `better` when it did.
 * @param previousDivisor β_{k−1} (ignored for k = 0, where β_0 = 1)
 * @param gap the criterion's gap at iteration k; @param previousGap at iteration k − 1
 */
export function nextDivisor(rule: AveragingRule, iteration: number, previousDivisor: number, gap: number, previousGap: number): number {
  if (rule.rule === 'msa') return iteration + 1;
  if (iteration === 0) return 1;
  return previousDivisor + (gap >= previousGap ? rule.worse : rule.better);
}

/**
 * The largest absolute difference between two share vectors (0 for empty vectors): the
 * convergence measure of the equilibrium loop.
 * @throws TradeInputError for lists of different lengths
 */
export function shareGap(a: readonly number[], b: readonly number[]): number {
  sameLength('shareGap', a, b);
  return a.reduce((gap, share, i) => Math.max(gap, Math.abs(share - (b[i] as number))), 0);
}

function sameLength(fn: string, a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) throw new TradeInputError(fn, 'target', `a list as long as the first (${a.length})`, b);
}
