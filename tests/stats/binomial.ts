/**
 * Clopper–Pearson ("exact") confidence interval for a binomial proportion, for the coverage and
 * error-rate checks of the statistics tests. Bounds from the beta quantiles (Clopper & Pearson,
 * Biometrika 26, 1934): lower solves P(X ≥ x | p) = α/2, i.e. I_p(x, n−x+1) = α/2; upper solves
 * P(X ≤ x | p) = α/2, i.e. 1 − I_p(x+1, n−x) = α/2; both by bisection on the monotone I_p.
 */
import { regularizedIncompleteBeta } from '../../src/stats/incomplete-beta.ts';

/** Solve f(p) = target for p in [0, 1], f increasing, by bisection to 1e-12. */
function solveIncreasing(f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Clopper–Pearson interval [lower, upper] for `successes` out of `trials` at two-sided `confidence`. */
export function clopperPearson(successes: number, trials: number, confidence = 0.99): { lower: number; upper: number; rate: number } {
  const alpha = 1 - confidence;
  const x = successes;
  const n = trials;
  const lower = x === 0 ? 0 : solveIncreasing((p) => regularizedIncompleteBeta(p, x, n - x + 1), alpha / 2);
  // 1 − I_p(x+1, n−x) decreases in p, so solve I_p(x+1, n−x) = 1 − α/2.
  const upper = x === n ? 1 : solveIncreasing((p) => regularizedIncompleteBeta(p, x + 1, n - x), 1 - alpha / 2);
  return { lower, upper, rate: x / n };
}

/** True when STATS_LONG=1: run the long (many-repetition) versions of the statistical checks. */
export const STATS_LONG = process.env['STATS_LONG'] === '1';

/** Print a measured rate with its interval when STATS_VERBOSE=1 (for reports; silent otherwise). */
export function reportRate(label: string, successes: number, trials: number): void {
  if (process.env['STATS_VERBOSE'] !== '1') return;
  const ci = clopperPearson(successes, trials);
  console.log(`${label}: ${successes}/${trials} = ${ci.rate.toFixed(4)} (99 % CI ${ci.lower.toFixed(4)}-${ci.upper.toFixed(4)})`);
}
