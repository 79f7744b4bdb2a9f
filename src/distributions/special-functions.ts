/**
 * Special functions the distributions need for their moments and inverse-CDF samplers: the
 * standard normal density, tail, CDF and quantile, and ln Γ. Written here rather than taken
 * from a package so that their accuracy in the far tails (where truncated normals and
 * lognormals live) is known and tested, and so that sampling allocates nothing.
 */

/** √(2π), the normalising constant of the standard normal density. */
const SQRT_2PI = 2.5066282746310002;
/** √(π/2): turns the scaled erfc of x/√2 into the normal Mills ratio. */
const SQRT_HALF_PI = 1.2533141373155003;

// Coefficient tables below are the published values rounded to the nearest double and written
// in their shortest exact form (the published 18–20 digits exceed what a double holds).

/** c[0] + c[1]·x + … + c[n]·x^n by Horner's rule; coefficient tables are listed lowest power first. */
function polynomial(c: readonly number[], x: number): number {
  let sum = 0;
  for (let i = c.length - 1; i >= 0; i--) sum = sum * x + (c[i] as number);
  return sum;
}

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
// (1969), coefficients as in SPECFUN CALERF: erf on [0, 0.46875], erfcx on (0.46875, 4] and on
// (4, ∞) in powers of 1/y².
const ERF_P = [3209.3775891384694, 377.485237685302, 113.86415415105016, 3.1611237438705655, 0.18577770618460315];
const ERF_Q = [2844.236833439171, 1282.6165260773723, 244.02463793444417, 23.601290952344122, 1];
const ERFCX_MID_P = [
  1230.3393547979972, 2051.0783778260716, 1712.0476126340707, 881.952221241769, 298.6351381974001,
  66.11919063714163, 8.883149794388377, 0.5641884969886701, 2.1531153547440383e-8,
];
const ERFCX_MID_Q = [
  1230.3393548037495, 3439.3676741437216, 4362.619090143247, 3290.7992357334597, 1621.3895745666903,
  537.1811018620099, 117.6939508913125, 15.744926110709835, 1,
];
const ERFCX_FAR_P = [
  0.0006587491615298378, 0.016083785148742275, 0.12578172611122926, 0.36034489994980445, 0.30532663496123236,
  0.016315387137302097,
];
const ERFCX_FAR_Q = [
  0.0023352049762686918, 0.06051834131244132, 0.5279051029514285, 1.8729528499234604, 2.568520192289822, 1,
];
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/**
 * Standard normal density φ(x) = exp(−x²/2) / √(2π). x² is split as xs² + (x − xs)(x + xs) with
 * xs = x cut to a multiple of 1/16, so that xs² is exact: otherwise the rounding error of x²,
 * multiplied by x²/2 in the exponent, would cost up to three digits near x = 38 (Cody's device).
 */
export function normalPdf(x: number): number {
  if (x === Infinity || x === -Infinity) return 0;
  const xs = Math.trunc(x * 16) / 16;
  return (Math.exp(-0.5 * xs * xs) * Math.exp(-0.5 * (x - xs) * (x + xs))) / SQRT_2PI;
}

/**
 * Mills ratio R(x) = Q(x) / φ(x) for x >= 0, where Q(x) = 1 − Φ(x) is the upper tail.
 * Computed as √(π/2)·erfcx(x/√2) with Cody's approximations, relative error about 1e-15.
 * Having the ratio without the exp(−x²/2) factor is what lets the truncated normal handle
 * intervals so far in the tail that Q(x) itself underflows.
 */
export function normalMillsRatio(x: number): number {
  const y = x / Math.SQRT2;
  if (y <= 0.46875) {
    const t = y * y;
    const erf = (y * polynomial(ERF_P, t)) / polynomial(ERF_Q, t);
    return (0.5 * (1 - erf)) / normalPdf(x);
  }
  let erfcx: number;
  if (y <= 4) {
    erfcx = polynomial(ERFCX_MID_P, y) / polynomial(ERFCX_MID_Q, y);
  } else {
    const t = 1 / (y * y);
    erfcx = (ONE_OVER_SQRT_PI - (t * polynomial(ERFCX_FAR_P, t)) / polynomial(ERFCX_FAR_Q, t)) / y;
  }
  return SQRT_HALF_PI * erfcx;
}

/**
 * Standard normal upper tail Q(x) = P(Z > x). For x > 0 it is φ(x)·R(x), never 1 − Φ(x), so it
 * keeps full relative accuracy far into the tail; it underflows to 0 beyond x ≈ 38.5.
 */
export function normalUpperTail(x: number): number {
  return x >= 0 ? normalPdf(x) * normalMillsRatio(x) : 1 - normalPdf(x) * normalMillsRatio(-x);
}

/** Standard normal CDF Φ(x) = P(Z <= x); relative error about 1e-15, also deep in the lower tail. */
export function normalCdf(x: number): number {
  return x <= 0 ? normalPdf(x) * normalMillsRatio(-x) : 1 - normalPdf(x) * normalMillsRatio(x);
}

// M. J. Wichura, "Algorithm AS 241: the percentage points of the normal distribution",
// Applied Statistics 37 (1988), PPND16: central region |p − ½| <= 0.425, then two tail regions
// in r = √(−ln p) split at r = 5.
const CENTRAL_P = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_Q = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597,
  39307.89580009271, 28729.085735721943, 5226.495278852854,
];
const NEAR_P = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
  1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_Q = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_P = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const FAR_Q = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/**
 * Standard normal quantile Φ⁻¹(p) for 0 < p < 1 by Wichura's AS 241, relative error about
 * 1e-16 for p down to 1e-300. Returns −∞ for p = 0, +∞ for p = 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_P, r)) / polynomial(CENTRAL_Q, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (!(tail > 0)) return tail === 0 ? (q < 0 ? -Infinity : Infinity) : NaN;
  const r = Math.sqrt(-Math.log(tail));
  const value =
    r <= 5
      ? polynomial(NEAR_P, r - 1.6) / polynomial(NEAR_Q, r - 1.6)
      : polynomial(FAR_P, r - 5) / polynomial(FAR_Q, r - 5);
  return q < 0 ? -value : value;
}

/** Lanczos coefficients for g = 7, n = 9 (the widely used double-precision set). */
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (relative error about 1e-15). The log form
 * keeps moments such as the Weibull's Γ(1 + 2/k) computable until the result itself overflows.
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection Γ(x)Γ(1 − x) = π / sin(πx) keeps the series where it is accurate.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
