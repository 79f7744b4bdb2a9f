/**
 * The regularized incomplete beta function, the building block of the Student-t distribution
 * (simple-statistics has `gammaln` but no incomplete beta or t quantile).
 */
import { gammaln } from 'simple-statistics';

/** Iteration cap of the continued fraction: a safety net, as it usually needs tens of terms. */
const MAX_ITERATIONS = 100_000;
/** Convergence tolerance of the continued fraction: a few ulps (a tighter one may never be met). */
const EPSILON = 1e-15;
/** Guard against division by zero in Lentz's method (Numerical Recipes' FPMIN). */
const TINY = 1e-300;

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. O(1).
 *
 * For small arguments this is simple-statistics' Lanczos `gammaln` (≈1e-15 accurate). When the
 * larger argument L is ≥ 10, ln Γ(L) − ln Γ(L + s) is computed as one expression from Stirling's
 * series, −(L−½)·log1p(s/L) − s·ln(L+s) + s + δ(L) − δ(L+s), because subtracting two huge
 * log-gammas would cancel catastrophically (at a = 5·10^5, ln Γ(a) ≈ 6·10^6, leaving only ~9
 * correct digits). δ is Stirling's correction to four terms (Abramowitz & Stegun 6.1.41),
 * truncation error < 1e-12 for L ≥ 10.
 */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 10) return gammaln(a) + gammaln(b) - gammaln(a + b);
  const difference =
    -(large - 0.5) * Math.log1p(small / large) - small * Math.log(large + small) + small +
    stirlingCorrection(large) - stirlingCorrection(large + small);
  return gammaln(small) + difference;
}

/** δ(x) = ln Γ(x) − [(x−½)ln x − x + ½ln 2π], by its asymptotic series; for x ≥ 10. */
function stirlingCorrection(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

/**
 * I_x(a, b), the regularized incomplete beta function, for 0 ≤ x ≤ 1 and a, b > 0.
 *
 * Method: the continued fraction of Numerical Recipes (Press et al., 3rd ed., §6.4, `betai` /
 * `betacf`) evaluated with the modified Lentz algorithm, using the symmetry
 * I_x(a, b) = 1 − I_(1−x)(b, a) so the fraction is always evaluated where it converges fast
 * (x < (a+1)/(a+b+2)). Relative accuracy ≈ 1e-14 for moderate a and b; with a very large
 * (> 10^6) and x near 1 the fraction stops early on tiny steps and accuracy degrades to
 * ≈1e-11 (see `STUDENT_T_MAX_DF`). Cost: typically tens of iterations.
 *
 * @param oneMinusX 1 − x, when the caller knows it more accurately than `1 - x` (e.g. the
 *   Student-t tail, where x is close to 1); defaults to `1 - x`.
 * @throws RangeError on arguments outside the domain, or if the fraction does not converge.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, oneMinusX = 1 - x): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1], got ${x}`);
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedIncompleteBeta: a and b must be > 0, got ${a}, ${b}`);
  if (x === 0) return 0;
  if (oneMinusX === 0) return 1;
  // x^a (1−x)^b / B(a, b), in logs so huge a or b do not overflow. The log of whichever of x
  // and 1 − x is near 1 comes from log1p of the other: ln(x) from a rounded x ≈ 1 would lose
  // digits that a huge a (= ν/2 for the t tail) then multiplies.
  const logX = x > 0.5 ? Math.log1p(-oneMinusX) : Math.log(x);
  const logOneMinusX = oneMinusX > 0.5 ? Math.log1p(-x) : Math.log(oneMinusX);
  const front = Math.exp(a * logX + b * logOneMinusX - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(oneMinusX, b, a)) / b;
}

/** Numerical Recipes' `betacf`: the continued fraction for I_x(a, b), by modified Lentz. */
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even step of the recurrence.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) return h;
  }
  throw new RangeError(`regularizedIncompleteBeta: no convergence for x=${x}, a=${a}, b=${b}`);
}
