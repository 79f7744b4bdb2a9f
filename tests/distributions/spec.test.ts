/**
 * distributionFromSpec: reading the JSON form of distributions, and its errors, which name the
 * full path in the model file, the bad value and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { DistributionError, distributionFromSpec } from '../../src/distributions/index.ts';

/** Parse `spec` at `path`, expecting a DistributionError; return it. */
function specError(spec: unknown, path = 'legs.caspian.sailing'): DistributionError {
  try {
    distributionFromSpec(spec, path);
  } catch (error) {
    expect(error).toBeInstanceOf(DistributionError);
    return error as DistributionError;
  }
  throw new Error('expected a DistributionError, but the spec was accepted');
}

describe('distributionFromSpec builds each kind from JSON', () => {
  it('{dist: "exponential", mean} has that mean', () => {
    const dist = distributionFromSpec({ dist: 'exponential', mean: 4 });
    expect([dist.kind, dist.mean, dist.variance]).toEqual(['exponential', 4, 16]);
  });
  it('{dist: "exponential", rate} has mean 1/rate', () => {
    expect(distributionFromSpec({ dist: 'exponential', rate: 0.5 }).mean).toBe(2);
  });
  it('both lognormal forms give kind "lognormal" with the same moments', () => {
    const byMeanCv = distributionFromSpec({ dist: 'lognormal', mean: 20, cv: 0.3 });
    const sigma = Math.sqrt(Math.log1p(0.09));
    const byMuSigma = distributionFromSpec({ dist: 'lognormal', mu: Math.log(20) - (sigma * sigma) / 2, sigma });
    expect(byMeanCv.kind).toBe('lognormal');
    expect(byMuSigma.kind).toBe('lognormal');
    expect(byMuSigma.mean).toBeCloseTo(20, 12);
    expect(byMuSigma.variance).toBeCloseTo(36, 10);
    expect([byMeanCv.mean, byMeanCv.variance]).toEqual([20, 36]);
  });
  it('a customs mixture spec has mean by total expectation', () => {
    const dist = distributionFromSpec({
      dist: 'mixture',
      components: [
        { weight: 0.9, dist: { dist: 'deterministic', value: 0 } },
        { weight: 0.1, dist: { dist: 'lognormal', mean: 12, cv: 0.5 } },
      ],
    });
    expect(dist.mean).toBeCloseTo(1.2, 12);
    expect(dist.variance).toBeCloseTo(0.1 * (36 + 144) - 1.44, 10);
  });
  it('truncatedNormal and pert take optional bounds and lambda', () => {
    expect(distributionFromSpec({ dist: 'truncatedNormal', mu: 10, sigma: 5, min: 0 }).max).toBe(Infinity);
    expect(distributionFromSpec({ dist: 'pert', min: 0, mode: 3, max: 6 }).toSpec()).toEqual({
      dist: 'pert',
      min: 0,
      mode: 3,
      max: 6,
      lambda: 4,
    });
  });
});

describe('distributionFromSpec errors name the path, the bad value and what was expected', () => {
  const cases: [string, unknown, string, string][] = [
    [
      'an out-of-range parameter',
      { dist: 'lognormal', mean: 20, cv: -1 },
      'legs.caspian.sailing.cv',
      'legs.caspian.sailing.cv: must be a finite number > 0, got -1',
    ],
    [
      'a parameter of the wrong type',
      { dist: 'lognormal', mean: 20, cv: '0.3' },
      'legs.caspian.sailing.cv',
      'legs.caspian.sailing.cv: must be a finite number, got "0.3"',
    ],
    [
      'an unknown key',
      { dist: 'lognormal', mean: 20, cv: 0.3, sd: 6 },
      'legs.caspian.sailing.sd',
      'legs.caspian.sailing.sd: is not a parameter of lognormal; expected "mu", "sigma", "mean", "cv"',
    ],
    [
      'a mix of two parameterisations',
      { dist: 'lognormal', mean: 20, sigma: 0.3 },
      'legs.caspian.sailing.mean',
      'legs.caspian.sailing.mean: cannot be combined with "sigma": lognormal takes either "mu" and "sigma" or "mean" and "cv"',
    ],
    [
      'a missing parameter',
      { dist: 'gamma', shape: 2 },
      'legs.caspian.sailing.scale',
      'legs.caspian.sailing.scale: is missing: gamma needs it (a finite number)',
    ],
    [
      'a missing exponential parameter',
      { dist: 'exponential' },
      'legs.caspian.sailing.rate',
      'legs.caspian.sailing.rate: is missing: exponential needs "rate" or "mean"',
    ],
    [
      'an unknown kind',
      { dist: 'lognorm', mean: 20 },
      'legs.caspian.sailing.dist',
      'legs.caspian.sailing.dist: must be one of "deterministic", "uniform", "exponential", "erlang", "gamma", ' +
        '"normal", "truncatedNormal", "lognormal", "triangular", "pert", "weibull", "empiricalSamples", ' +
        '"empiricalCdf", "discrete", "mixture", got "lognorm"',
    ],
    [
      'a kind that is an Object.prototype name',
      { dist: 'toString' },
      'legs.caspian.sailing.dist',
      'legs.caspian.sailing.dist: must be one of',
    ],
    ['a missing kind', { mean: 4 }, 'legs.caspian.sailing.dist', 'legs.caspian.sailing.dist: is missing: expected one of'],
    [
      'a non-object',
      4,
      'legs.caspian.sailing',
      'legs.caspian.sailing: must be a distribution object like {"dist": "exponential", "mean": 4}, got 4',
    ],
    [
      'a bad parameter of a mixture component',
      { dist: 'mixture', components: [{ weight: 1, dist: { dist: 'exponential', mean: -4 } }] },
      'legs.caspian.sailing.components[0].dist.mean',
      'legs.caspian.sailing.components[0].dist.mean: must be a finite number > 0, got -4',
    ],
    [
      'a bad mixture weight',
      { dist: 'mixture', components: [{ weight: -1, dist: { dist: 'exponential', mean: 4 } }] },
      'legs.caspian.sailing.components[0].weight',
      'legs.caspian.sailing.components[0].weight: must be a finite number >= 0, got -1',
    ],
    [
      'an unknown key in a mixture component',
      { dist: 'mixture', components: [{ weight: 1, p: 1, dist: { dist: 'exponential', mean: 4 } }] },
      'legs.caspian.sailing.components[0].p',
      'legs.caspian.sailing.components[0].p: is not a parameter of a mixture component; expected "weight", "dist"',
    ],
    [
      'a non-number in a value array',
      { dist: 'discrete', values: [1, 2], weights: [1, 'a'] },
      'legs.caspian.sailing.weights[1]',
      'legs.caspian.sailing.weights[1]: must be a finite number, got "a"',
    ],
    [
      'a CDF that does not reach 1',
      { dist: 'empiricalCdf', points: [{ x: 0, p: 0 }, { x: 1, p: 0.5 }] },
      'legs.caspian.sailing.points[1].p',
      'legs.caspian.sailing.points[1].p: must be 1 (a CDF ends at probability 1), got 0.5',
    ],
    [
      'a non-array where an array belongs',
      { dist: 'empiricalSamples', values: 3 },
      'legs.caspian.sailing.values',
      'legs.caspian.sailing.values: must be an array, got 3',
    ],
  ];
  for (const [name, spec, path, message] of cases) {
    it(`rejects ${name} at ${path}`, () => {
      const error = specError(spec);
      expect(error.path).toBe(path);
      expect(error.message.startsWith(message), error.message).toBe(true);
    });
  }
  it('uses "dist" as the default path', () => {
    expect(() => distributionFromSpec({ dist: 'normal', mu: 0 })).toThrow(
      'dist.sigma: is missing: normal needs it (a finite number)',
    );
  });
});
