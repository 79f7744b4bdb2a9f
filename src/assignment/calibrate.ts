/**
 * Calibrating route choice: the logit scale θ and one constant per route mode so that the logit
 * over routes reproduces observed mode shares in one or more periods (years with different costs).
 *
 * Model: a nested logit with one nest per mode (nest scale λ, see nestedLogitShares): the share
 * of mode m in period t is exp(−(C_mt + A_m) / θ) / Σ_n exp(−(C_nt + A_n) / θ), with the inclusive
 * cost C_mt = −λθ ln Σ_{r∈m, open in t} exp(−c_rt / (λθ)) and the reference mode's constant fixed at
 * 0. So for a given θ the log-odds of mode m against the reference mode R in period t are
 *
 *   ln(S_mt / S_Rt) = −A_m / θ + L_mt(θ) − L_Rt(θ),   L_mt(θ) = −C_mt / θ,
 *
 * linear in a_m = A_m / θ: the least-squares a_m for that θ is the mean over periods of
 * L_mt − L_Rt − ln(S_mt / S_Rt). θ itself is found by a golden-section search on the sum of
 * squared log-odds residuals over a bracket (it is identified only when costs differ between
 * periods: with one period, any θ fits and the search returns the bracket's end it prefers).
 * Pure functions, no simulation.
 */

/** One route in one period: its mode and generalized cost without the constant (USD per FEU). */
export interface CalibrationRoute {
  readonly id: string;
  readonly mode: string;
  /** +Infinity for a route closed in that period. */
  readonly costUsdPerFeu: number;
}

/** One period: the routes' costs and the observed share of each mode (fractions summing to 1). */
export interface CalibrationPeriod {
  readonly id: string;
  readonly routes: readonly CalibrationRoute[];
  readonly observedModeShares: Readonly<Record<string, number>>;
}

/** What the fit found. */
export interface CalibrationFit {
  /** Logit scale θ (USD per FEU). */
  readonly logitScaleUsd: number;
  /** Constant per mode (USD per FEU), the reference mode's 0. */
  readonly modeConstantsUsdPerFeu: Readonly<Record<string, number>>;
  /** Sum of squared log-odds residuals at the fit. */
  readonly residualSumOfSquares: number;
  /** Observed and modelled mode shares per period. */
  readonly shares: readonly { readonly period: string; readonly mode: string; readonly observed: number; readonly modelled: number }[];
}

const logSumExp = (values: readonly number[]): number => {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return -Infinity;
  const top = Math.max(...finite);
  return top + Math.log(finite.reduce((sum, v) => sum + Math.exp(v - top), 0));
};

/** L_mt(θ) = λ ln Σ exp(−c / (λθ)) over the mode's open routes in the period. */
function modeLogSum(period: CalibrationPeriod, mode: string, theta: number, nestScale: number): number {
  return nestScale * logSumExp(period.routes.filter((r) => r.mode === mode).map((r) => -r.costUsdPerFeu / (theta * nestScale)));
}

/** Modelled mode shares of a period at θ and the constants (USD per FEU). */
export function modeShares(period: CalibrationPeriod, theta: number, constants: Readonly<Record<string, number>>, nestScale = 1): Record<string, number> {
  const modes = [...new Set(period.routes.map((r) => r.mode))];
  const utilities = modes.map((m) => modeLogSum(period, m, theta, nestScale) - (constants[m] ?? 0) / theta);
  const total = logSumExp(utilities);
  return Object.fromEntries(modes.map((m, i) => [m, Math.exp((utilities[i] as number) - total)]));
}

/** The least-squares constants a_m (= A_m / θ) for one θ, and the residual sum of squares. */
function fitAtScale(periods: readonly CalibrationPeriod[], reference: string, theta: number, nestScale: number): { constants: Record<string, number>; rss: number } {
  const modes = [...new Set(periods.flatMap((p) => Object.keys(p.observedModeShares)))].filter((m) => m !== reference);
  const constants: Record<string, number> = { [reference]: 0 };
  let rss = 0;
  for (const mode of modes) {
    const terms = periods.map((p) => {
      const observed = Math.log((p.observedModeShares[mode] ?? 0) / (p.observedModeShares[reference] ?? 0));
      return modeLogSum(p, mode, theta, nestScale) - modeLogSum(p, reference, theta, nestScale) - observed;
    });
    const a = terms.reduce((s, v) => s + v, 0) / terms.length;
    rss += terms.reduce((s, v) => s + (v - a) ** 2, 0);
    constants[mode] = a * theta;
  }
  return { constants, rss };
}

/**
 * Fit θ and the mode constants (see the module comment).
 * @param reference the mode whose constant is 0 (e.g. the sea).
 * @param bracket the θ interval to search (USD per FEU).
 * @param nestScale λ of the nests (one per mode), in (0, 1]; 1 is the plain logit.
 * @throws RangeError for a period without an observed share of the reference mode, or a bad bracket
 */
export function calibrateRouteChoice(periods: readonly CalibrationPeriod[], reference: string, bracket: readonly [number, number] = [50, 50_000], nestScale = 1): CalibrationFit {
  const [low, high] = bracket;
  if (!(low > 0 && high > low)) throw new RangeError(`calibrateRouteChoice: bracket must be 0 < low < high, got [${low}, ${high}]`);
  for (const p of periods) {
    if (!((p.observedModeShares[reference] ?? 0) > 0)) throw new RangeError(`calibrateRouteChoice: period ${p.id} has no observed share of the reference mode "${reference}"`);
  }
  // Golden-section search on ln θ (the scale spans orders of magnitude).
  const rssAt = (logTheta: number): number => fitAtScale(periods, reference, Math.exp(logTheta), nestScale).rss;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  for (let i = 0; i < 200 && b - a > 1e-10; i++) {
    if (rssAt(c) < rssAt(d)) b = d;
    else a = c;
    c = b - ratio * (b - a);
    d = a + ratio * (b - a);
  }
  const theta = Math.exp((a + b) / 2);
  const { constants, rss } = fitAtScale(periods, reference, theta, nestScale);
  const shares = periods.flatMap((p) => {
    const modelled = modeShares(p, theta, constants, nestScale);
    return Object.entries(p.observedModeShares).map(([mode, observed]) => ({ period: p.id, mode, observed, modelled: modelled[mode] ?? 0 }));
  });
  return { logitScaleUsd: theta, modeConstantsUsdPerFeu: constants, residualSumOfSquares: rss, shares };
}
