/**
 * Analytic results of queueing theory that the validation suite compares the engine against.
 * Times in hours, rates per hour. Each function cites its formula; `analytic.test.ts` checks
 * them against hand-computed values and special cases with closed forms.
 */

/** Steady-state measures of a single queue (times in hours, counts in customers). */
export interface QueueMeasures {
  /** Offered load per server rho = lambda / (c mu) (for M/G/1: lambda E[S]). */
  readonly rho: number;
  /** Mean wait in queue Wq. */
  readonly wq: number;
  /** Mean time in system W = Wq + E[S]. */
  readonly w: number;
  /** Mean number waiting Lq = lambda Wq (Little). */
  readonly lq: number;
  /** Mean number in system L = lambda W (Little). */
  readonly l: number;
}

/**
 * Erlang C: the probability that an arrival to an M/M/c queue with offered load a = lambda/mu
 * (Erlangs) has to wait. Computed through the Erlang B recursion
 *   B(0) = 1,  B(k) = a B(k-1) / (k + a B(k-1)),
 * and C = B(c) / (1 - (a/c)(1 - B(c))) (Kleinrock, Queueing Systems vol. 1, 1975, §3.5; Gross &
 * Harris, Fundamentals of Queueing Theory, eq. 2.29), which never forms a^c / c! and so stays
 * accurate for large c.
 * @throws RangeError unless c is a positive integer and 0 < a < c (a stable queue).
 */
export function erlangC(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`erlangC: c must be a positive integer, got ${c}`);
  if (!(a > 0 && a < c)) throw new RangeError(`erlangC: the offered load a must be in (0, c) = (0, ${c}), got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / c) * (1 - b));
}

/**
 * M/M/c with FIFO service: Wq = C(c, a) / (c mu - lambda) with a = lambda/mu (Erlang C), W = Wq + 1/mu,
 * Lq = lambda Wq, L = lambda W (Gross & Harris §2.3).
 */
export function mmc(lambda: number, mu: number, c: number): QueueMeasures {
  const a = lambda / mu;
  const wq = erlangC(c, a) / (c * mu - lambda);
  const w = wq + 1 / mu;
  return { rho: a / c, wq, w, lq: lambda * wq, l: lambda * w };
}

/**
 * M/G/1 by the Pollaczek-Khinchine mean-value formula: Wq = lambda E[S^2] / (2 (1 - rho)) with
 * rho = lambda E[S] < 1; W = Wq + E[S] (Kleinrock vol. 1, eq. 5.105; Gross & Harris §5.1).
 * @param meanService E[S], hours.
 * @param secondMoment E[S^2], hours squared (= Var S + E[S]^2).
 */
export function pollaczekKhinchine(lambda: number, meanService: number, secondMoment: number): QueueMeasures {
  const rho = lambda * meanService;
  if (!(rho > 0 && rho < 1)) throw new RangeError(`pollaczekKhinchine: rho = lambda E[S] must be in (0, 1), got ${rho}`);
  const wq = (lambda * secondMoment) / (2 * (1 - rho));
  const w = wq + meanService;
  return { rho, wq, w, lq: lambda * wq, l: lambda * w };
}

/**
 * The Poisson(mean) probabilities P(A = k), k = 0 .. kMax. Method: relative weights by the ratio
 * recursion p(k+1)/p(k) = m/(k+1) outward from the mode (so nothing underflows or overflows, and
 * no large logarithms cancel), normalised over 0 .. m + 40 sqrt(m) + 40, beyond which the mass is
 * below 1e-300.
 */
export function poissonPmf(mean: number, kMax: number): Float64Array {
  if (!(mean > 0 && Number.isFinite(mean))) throw new RangeError(`poissonPmf: mean must be finite and > 0, got ${mean}`);
  if (!Number.isInteger(kMax) || kMax < 0) throw new RangeError(`poissonPmf: kMax must be an integer >= 0, got ${kMax}`);
  const span = Math.max(kMax, Math.ceil(mean + 40 * Math.sqrt(mean) + 40));
  const weights = new Float64Array(span + 1);
  const mode = Math.min(Math.floor(mean), span);
  weights[mode] = 1;
  for (let k = mode + 1; k <= span; k++) weights[k] = ((weights[k - 1] as number) * mean) / k;
  for (let k = mode - 1; k >= 0; k--) weights[k] = ((weights[k + 1] as number) * (k + 1)) / mean;
  // Sum from the smallest terms up, to limit rounding.
  let total = 0;
  for (let k = span; k > mode; k--) total += weights[k] as number;
  for (let k = 0; k <= mode; k++) total += weights[k] as number;
  const pmf = new Float64Array(kMax + 1);
  for (let k = 0; k <= kMax; k++) pmf[k] = (weights[k] as number) / total;
  return pmf;
}

/** The stationary law of the items left behind at timetabled departures. */
export interface LeftBehindDistribution {
  /** pi[x] = P(X = x), x = 0 .. states - 1 (the last state also holds the truncated tail). */
  readonly pi: Float64Array;
  /** E[X], items. */
  readonly mean: number;
  /** Mass in the last tenth of the truncated state space: small means the truncation is harmless. */
  readonly tailMass: number;
  /** Sweeps the iteration needed. */
  readonly iterations: number;
  /** Largest change of any pi[x] in the last sweep. */
  readonly lastChange: number;
}

/**
 * Stationary distribution of the number X of items left behind by a timetabled departure of
 * capacity K when a Poisson(a) number of items arrives between departures (a = lambda T) and
 * every item present at a departure is eligible (cutoff 0):
 *
 *   X' = max(X + A - K, 0),   A ~ Poisson(a), independent of X.
 *
 * This is a Lindley-type recursion (the bulk-service queue M/D^K/1 observed just after service
 * epochs; Bailey 1954, "On queueing processes with bulk service", J. R. Stat. Soc. B 16), positive
 * recurrent iff a < K.
 *
 * Numerical method: truncate the state space at `states` (transitions above it are folded into
 * the top state) and run Gauss-Seidel sweeps of pi = pi P from the point mass at 0 until no
 * probability changes by more than `tolerance`; the state space is doubled (and the solve
 * repeated) until the mass of its last tenth is below 1e-12, so the truncation is immaterial.
 * The solver is checked in analytic.test.ts against the K = 1 closed form, the balance identity
 * E[(K - X - A)^+] = K - a and a direct simulation of the recursion.
 */
export function leftBehindDistribution(a: number, capacity: number, tolerance = 1e-12): LeftBehindDistribution {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`leftBehindDistribution: capacity must be a positive integer, got ${capacity}`);
  if (!(a > 0 && a < capacity)) throw new RangeError(`leftBehindDistribution: need 0 < a < K for a stable queue, got a = ${a}, K = ${capacity}`);
  // Arrivals per headway beyond aMax have probability far below double precision.
  const aMax = Math.ceil(a + 12 * Math.sqrt(a) + 30);
  const pmf = poissonPmf(a, aMax);
  // cdf[k] = P(A <= k).
  const cdf = new Float64Array(aMax + 1);
  let acc = 0;
  for (let k = 0; k <= aMax; k++) cdf[k] = acc += pmf[k] as number;
  let states = Math.max(64, 4 * capacity);
  for (;;) {
    const solved = solveTruncated(pmf, cdf, capacity, states, tolerance);
    if (solved.tailMass < 1e-12 || states >= 1 << 16) return solved;
    states *= 2;
  }
}

function solveTruncated(pmf: Float64Array, cdf: Float64Array, capacity: number, states: number, tolerance: number): LeftBehindDistribution {
  const aMax = pmf.length - 1;
  const top = states - 1;
  // Incoming form of pi = pi P:
  //   pi[0] = sum_x pi[x] P(A <= K - x)
  //   pi[j] = sum_x pi[x] P(A = j + K - x) for 0 < j < top, and pi[top] takes every target >= top.
  // Only x with 0 <= j + K - x <= aMax contribute to state j.
  const pi = new Float64Array(states);
  pi[0] = 1;
  let iterations = 0;
  let lastChange = Infinity;
  while (lastChange > tolerance) {
    if (++iterations > 1_000_000) throw new Error(`leftBehindDistribution: no convergence after 10^6 sweeps (change ${lastChange})`);
    lastChange = 0;
    for (let j = 0; j < states; j++) {
      let sum = 0;
      if (j === 0) {
        for (let x = 0; x <= Math.min(capacity, top); x++) sum += (pi[x] as number) * (cdf[capacity - x] as number);
      } else if (j < top) {
        const lo = Math.max(0, j + capacity - aMax);
        const hi = Math.min(top, j + capacity);
        for (let x = lo; x <= hi; x++) sum += (pi[x] as number) * (pmf[j + capacity - x] as number);
      } else {
        // P(X' >= top | x) = P(A >= top + K - x) = 1 - P(A <= top + K - x - 1).
        for (let x = Math.max(0, top + capacity - aMax - 1); x <= top; x++) {
          const k = top + capacity - x - 1;
          sum += (pi[x] as number) * (k < 0 ? 1 : 1 - (cdf[Math.min(k, aMax)] as number));
        }
      }
      const change = Math.abs(sum - (pi[j] as number));
      if (change > lastChange) lastChange = change;
      pi[j] = sum;
    }
    // Gauss-Seidel does not preserve the total exactly: renormalise each sweep.
    let total = 0;
    for (let j = 0; j < states; j++) total += pi[j] as number;
    for (let j = 0; j < states; j++) pi[j] = (pi[j] as number) / total;
  }
  let mean = 0;
  for (let j = 0; j < states; j++) mean += j * (pi[j] as number);
  let tailMass = 0;
  for (let j = Math.floor(0.9 * states); j < states; j++) tailMass += pi[j] as number;
  return { pi, mean, tailMass, iterations, lastChange };
}
