/**
 * The types of the route-choice equilibrium (equilibrium.ts): routes, demand classes, the
 * simulation callback and what the loop reports. A demand class is a group of shippers with one
 * value of time and one set of usable routes (e.g. EU-bound electronics that may go by rail);
 * all classes share the routes, so their flows congest each other.
 */

/** Transit times of one route as measured by a simulation run (days); NaN when nothing was delivered. */
export interface RouteTimes {
  /** Mean transit time of the FEU delivered (days). */
  readonly meanDays: number;
  /** 95th percentile of the transit times (days). */
  readonly p95Days: number;
}

/** A route the classes choose among; rates come from the corridor model's routes. */
export interface EquilibriumRoute {
  readonly id: string;
  /** Freight rate, origin to destination (USD per FEU). */
  readonly freightRateUsdPerFeu: number;
  /** Risk premium (USD per FEU). */
  readonly riskPremiumUsdPerFeu: number;
  /** Route constant: the calibrated cost of what the rates and times leave out (USD per FEU; default 0). */
  readonly constantUsdPerFeu?: number;
}

/** A group of shippers choosing among routes with one value of time. */
export interface DemandClass {
  readonly id: string;
  /** Volume to be split over the routes (FEU per week). */
  readonly demandFeuPerWeek: number;
  /** Value of time of the cargo (USD per FEU per day). */
  readonly valueOfTimeUsdPerFeuDay: number;
  /** The routes this class may use (ids of `routes`); all routes when omitted. */
  readonly routeIds?: readonly string[];
}

/**
 * The simulation behind the loop: given the flow on each route (FEU per week, in the order of
 * `routes`), the transit times it produces on each route, in the same order.
 */
export type EvaluateRoutes = (flowsFeuPerWeek: readonly number[], shares: readonly (readonly number[])[]) => Promise<readonly RouteTimes[]> | readonly RouteTimes[];

/**
 * A convergence criterion on route volumes: converged when every route's flow is within
 * max(`feuPerWeek`, `relative` x its flow) of the flow the logit would give it. Unlike the share
 * gap it scales with each route: a share tolerance small enough for a route of 5 FEU/week in a
 * flow of 140,000 is far below the simulation's resolution of that route's times, and one loose
 * enough to be met says nothing about the small routes.
 */
export interface FlowTolerance {
  /** Floor of the tolerance (FEU per week). */
  readonly feuPerWeek: number;
  /** Tolerance relative to the route's flow (fraction). */
  readonly relative: number;
}

/**
 * How the loop moves the shares toward the logit response: s_{k+1} = s_k + (t_k − s_k) / β_k.
 *
 * - `msa`, the method of successive averages: β_k = k + 1, whatever the iterations show.
 * - `self-regulated` (Liu, He & He 2009, "Method of successive weighted averages (MSWA) and
 *   self-regulated averaging schemes for solving stochastic user equilibrium problem", Networks
 *   and Spatial Economics 9(4), doi:10.1007/s11067-007-9023-x): β_0 = 1, then β grows by
 *   `worse` (> 1) after an iteration whose gap did not shrink (the last step overshot: shorten
 *   the next one sharply) and by `better` (in (0, 1]) after one whose gap shrank (keep striding).
 *   β still grows at least linearly, so the steps shrink to 0 while their sum diverges, the
 *   conditions under which MSA-type averaging converges; between those bounds it spends fewer
 *   evaluations than MSA on overshooting responses such as near-substitute routes.
 */
export type AveragingRule =
  | { readonly rule: 'msa' }
  | { readonly rule: 'self-regulated'; readonly worse: number; readonly better: number };

/** The inputs of `solveEquilibrium`. */
export interface EquilibriumOptions {
  readonly routes: readonly EquilibriumRoute[];
  readonly classes: readonly DemandClass[];
  /** Weight on the p95 − mean buffer (dimensionless; see generalizedCost). */
  readonly reliabilityWeight: number;
  /** Logit scale θ (USD per FEU). */
  readonly logitScaleUsd: number;
  /** Converged when max |target − current share| <= tolerance, over classes and routes (fraction). */
  readonly tolerance: number;
  /** Converge on route volumes instead (see FlowTolerance); `tolerance` is then not the criterion. */
  readonly flowTolerance?: FlowTolerance;
  /** Most evaluations (simulation runs) to make, >= 1. */
  readonly maxIterations: number;
  /** Cost replacing the time terms of a route whose times are NaN (USD per FEU); default 100,000. */
  readonly noDeliveryPenaltyUsdPerFeu?: number;
  /** Nest of each route (in `routes` order) for a nested logit; default: every route its own nest (plain logit). */
  readonly nestOf?: readonly string[];
  /** Nest scale λ in (0, 1] (default 1: the plain logit); see nestedLogitShares. */
  readonly nestScale?: number;
  /** How the shares move toward the response (default `msa`); see AveragingRule. */
  readonly averaging?: AveragingRule;
  /** Starting shares per class and route (rows sum to 1, 0 on unusable routes); default logit over rate + risk. */
  readonly initialShares?: readonly (readonly number[])[];
  readonly evaluate: EvaluateRoutes;
}

/** One evaluation of the loop. */
export interface EquilibriumIteration {
  /** 1 for the first evaluation. */
  readonly iteration: number;
  /** Shares evaluated, per class and route. */
  readonly shares: readonly (readonly number[])[];
  /** Flows evaluated, per route (FEU per week). */
  readonly flowsFeuPerWeek: readonly number[];
  /** Times the evaluation returned, per route (days). */
  readonly times: readonly RouteTimes[];
  /** Generalized costs per class and route (USD per FEU; +Infinity where a class may not go). */
  readonly costs: readonly (readonly number[])[];
  /** Logit response to those costs, per class and route. */
  readonly targetShares: readonly (readonly number[])[];
  /** max |target − shares|. */
  readonly gap: number;
  /** max over routes of |target flow − flow| / max(floor, relative x flow): <= 1 meets a FlowTolerance; NaN without one. */
  readonly flowGap: number;
  /** Routes whose times were NaN (nothing delivered) and got the penalty. */
  readonly noDeliveryRoutes: readonly string[];
}

/** What the loop found. Shares, flows, times, costs and gap all refer to the last evaluated point. */
export interface EquilibriumResult {
  readonly converged: boolean;
  /** Evaluations made. */
  readonly iterations: number;
  /** The last gap (max |target − current share|). */
  readonly gap: number;
  readonly tolerance: number;
  /** The last flow gap (see EquilibriumIteration.flowGap; NaN without a flow tolerance) and the tolerance used. */
  readonly flowGap: number;
  readonly flowTolerance?: FlowTolerance;
  /** One line saying whether and how it converged, e.g. for a report. */
  readonly message: string;
  readonly shares: readonly (readonly number[])[];
  readonly flowsFeuPerWeek: readonly number[];
  readonly times: readonly RouteTimes[];
  readonly costs: readonly (readonly number[])[];
  readonly history: readonly EquilibriumIteration[];
}
