/**
 * The numerical building blocks against reference values computed with mpmath at 60 digits.
 */
import { describe, expect, it } from 'vitest';
import { logGamma, normalCdf, normalQuantile, normalUpperTail, truncatedNormal } from '../../src/distributions/index.ts';
import { createStream } from '../../src/random/index.ts';
import { standardGammaSampler } from '../../src/distributions/samplers.ts';

/** |actual − expected| / |expected| (absolute error when expected is 0). */
function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('normalCdf', () => {
  const reference: [number, number][] = [
    [-37, 5.725571222524577e-300],
    [-30, 4.906713927148187e-198],
    [-20, 2.7536241186062337e-89],
    [-10, 7.619853024160525e-24],
    [-5, 2.866515718791939e-7],
    [-2, 0.02275013194817921],
    [-1, 0.15865525393145705],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.3, 0.6179114221889527],
    [1, 0.8413447460685429],
    [3, 0.9986501019683699],
    [8, 0.9999999999999993],
  ];
  it('normalCdf(x) has relative error below 1e-14 from x = -37 to 8', () => {
    for (const [x, p] of reference) expect(relativeError(normalCdf(x), p), `x = ${x}`).toBeLessThan(1e-14);
  });
  it('normalUpperTail(x) keeps full relative accuracy deep in the upper tail', () => {
    for (const [x, p] of reference.filter(([x]) => x < 0)) {
      expect(relativeError(normalUpperTail(-x), p), `x = ${-x}`).toBeLessThan(1e-14);
    }
  });
  it('normalCdf is 0 and 1 at -∞ and +∞', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe('normalQuantile (AS 241)', () => {
  const reference: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-100, -21.273453560965326],
    [1e-20, -9.262340089798407],
    [1e-5, -4.264890793922825],
    [0.01, -2.326347874040841],
    [0.075, -1.439531470938456],
    [0.2, -0.8416212335729142],
    [0.5, 0],
    [0.8, 0.8416212335729142],
    [0.975, 1.9599639845400543],
  ];
  it('normalQuantile(p) has relative error below 1e-14 from p = 1e-300 to 0.975', () => {
    for (const [p, x] of reference) expect(relativeError(normalQuantile(p), x), `p = ${p}`).toBeLessThan(1e-14);
  });
  it('normalQuantile inverts normalCdf (and, through symmetry, normalUpperTail)', () => {
    for (const x of [-35, -12, -4, -1.3, -0.2]) {
      expect(relativeError(normalQuantile(normalCdf(x)), x), `x = ${x}`).toBeLessThan(1e-13);
      // Φ(|x|) rounds to 1 in the upper tail, so the upper tail is inverted through Q = 1 − Φ.
      expect(relativeError(-normalQuantile(normalUpperTail(-x)), -x), `x = ${-x}`).toBeLessThan(1e-13);
    }
  });
  it('normalQuantile is ±∞ at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe('logGamma', () => {
  it('logGamma(x) has absolute error below 1e-14·max(1, |lnΓ(x)|)', () => {
    const reference: [number, number][] = [
      [0.1, 2.252712651734206],
      [0.5, 0.5723649429247001],
      [1, 0],
      [2.5, 0.2846828704729192],
      [10, 12.80182748008147],
      [100, 359.1342053695754],
    ];
    for (const [x, lg] of reference) {
      expect(Math.abs(logGamma(x) - lg), `x = ${x}`).toBeLessThan(1e-14 * Math.max(1, Math.abs(lg)));
    }
  });
});

describe('truncatedNormal analytic moments', () => {
  // [a, b, mean, variance] of N(0, 1) truncated to [a, b], from mpmath at 80 digits (bounds as doubles).
  const reference: [number, number, number, number][] = [
    [0, Infinity, 0.7978845608028654, 0.3633802276324187],
    [-1, 2, 0.22963717909132897, 0.5197625392115339],
    [2, 3, 2.315821326743782, 0.06152077957448997],
    [8, Infinity, 8.121368112236112, 0.01432488344334091],
    [40, Infinity, 40.02496884720726, 0.0006226683785913888],
    [1000, Infinity, 1000.000999998, 9.999940000499995e-7],
    [-Infinity, -5, -5.186503967125842, 0.032696434617112226],
    [35, 35.5, 35.0285249596815, 0.0008123497156524192],
    [3, 3.000001, 3.00000049999975, 8.333333335658938e-14],
    [-0.001, 0.001, 0, 3.3333328888889104e-7],
  ];
  it('truncatedNormal mean and variance match high-precision values, also for narrow and far-tail intervals', () => {
    for (const [a, b, mean, variance] of reference) {
      const dist = truncatedNormal(0, 1, a, b);
      expect(Math.abs(dist.mean - mean), `mean on [${a}, ${b}]`).toBeLessThan(1e-13 * Math.max(1, Math.abs(mean)));
      expect(relativeError(dist.variance, variance), `variance on [${a}, ${b}]`).toBeLessThan(1e-10);
    }
  });
  it('truncatedNormal sampling is increasing in the uniform (inversion), in both tails', () => {
    for (const dist of [truncatedNormal(0, 1, 3, 9), truncatedNormal(0, 1, -9, -3), truncatedNormal(5, 2, 0, 8)]) {
      const uniforms = [0.001, 0.2, 0.5, 0.8, 0.999];
      const xs = uniforms.map((u) => dist.sample({ name: 'fixed', next: () => u }));
      for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] as number);
    }
  });
});

describe('standardGammaSampler', () => {
  it('standardGammaSampler(shape) spends few uniforms per draw (acceptance above 90%)', () => {
    for (const shape of [0.3, 1, 4.5]) {
      const rng = createStream(12345, `test/gamma-uniforms-${shape}`);
      let used = 0;
      const counting = { name: rng.name, next: () => (used++, rng.next()) };
      const sample = standardGammaSampler(shape);
      for (let i = 0; i < 10_000; i++) sample(counting);
      const perDraw = shape < 1 ? 3 : 2;
      expect(used / 10_000, `shape ${shape}`).toBeLessThan(perDraw / 0.9);
    }
  });
});
