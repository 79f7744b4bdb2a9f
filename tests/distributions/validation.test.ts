/**
 * Factories validate their parameters once, when built, with a message that names the
 * distribution, the parameter, the bad value and what was expected.
 */
import { describe, expect, it } from 'vitest';
import {
  deterministic,
  discrete,
  DistributionError,
  empiricalCdf,
  empiricalSamples,
  erlang,
  exponential,
  exponentialFromMean,
  gamma,
  lognormal,
  lognormalFromMeanCv,
  mixture,
  normal,
  pert,
  triangular,
  truncatedNormal,
  uniform,
  weibull,
} from '../../src/distributions/index.ts';

/** Call `build`, expecting a DistributionError; return it. */
function errorOf(build: () => unknown): DistributionError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(DistributionError);
    return error as DistributionError;
  }
  throw new Error('expected a DistributionError, but nothing was thrown');
}

describe('factory parameter validation', () => {
  const cases: [string, () => unknown, string, string][] = [
    ['deterministic', () => deterministic(Number.NaN), 'value', 'deterministic: "value" must be a finite number, got NaN'],
    ['uniform', () => uniform(5, 3), 'max', 'uniform: "max" must be a finite number > min (5), got 3'],
    ['uniform (min)', () => uniform(-Infinity, 3), 'min', 'uniform: "min" must be a finite number, got -Infinity'],
    ['exponential', () => exponential(0), 'rate', 'exponential: "rate" must be a finite number > 0, got 0'],
    ['exponentialFromMean', () => exponentialFromMean(-4), 'mean', 'exponential: "mean" must be a finite number > 0, got -4'],
    ['erlang (k)', () => erlang(2.5, 1), 'k', 'erlang: "k" must be an integer >= 1, got 2.5'],
    ['erlang (rate)', () => erlang(2, -1), 'rate', 'erlang: "rate" must be a finite number > 0, got -1'],
    ['gamma', () => gamma(0, 1), 'shape', 'gamma: "shape" must be a finite number > 0, got 0'],
    ['normal', () => normal(0, -2), 'sigma', 'normal: "sigma" must be a finite number > 0, got -2'],
    [
      'truncatedNormal',
      () => truncatedNormal(0, 1, 2, 1),
      'max',
      'truncatedNormal: "max" must be a number > min (2) or Infinity, got 1',
    ],
    [
      'truncatedNormal (min)',
      () => truncatedNormal(0, 1, Infinity),
      'min',
      'truncatedNormal: "min" must be a finite number or -Infinity, got Infinity',
    ],
    ['lognormal', () => lognormal(1, 0), 'sigma', 'lognormal: "sigma" must be a finite number > 0, got 0'],
    ['lognormalFromMeanCv', () => lognormalFromMeanCv(20, -1), 'cv', 'lognormal: "cv" must be a finite number > 0, got -1'],
    [
      'triangular',
      () => triangular(0, 7, 5),
      'mode',
      'triangular: "mode" must be a finite number between min (0) and max (5), got 7',
    ],
    ['pert', () => pert(0, 1, 5, 0), 'lambda', 'pert: "lambda" must be a finite number > 0, got 0'],
    [
      'weibull',
      () => weibull(0.005, 1),
      'shape',
      'weibull: "shape" must be large enough (with scale) for a finite variance, got 0.005',
    ],
    [
      'empiricalSamples',
      () => empiricalSamples([1, Number.NaN]),
      'values[1]',
      'empiricalSamples: "values[1]" must be a finite number, got NaN',
    ],
    [
      'empiricalSamples (empty)',
      () => empiricalSamples([]),
      'values',
      'empiricalSamples: "values" must be an array of at least 1 finite number(s), got []',
    ],
    [
      'empiricalCdf (last p)',
      () => empiricalCdf([{ x: 0, p: 0 }, { x: 1, p: 0.9 }]),
      'points[1].p',
      'empiricalCdf: "points[1].p" must be 1 (a CDF ends at probability 1), got 0.9',
    ],
    [
      'empiricalCdf (decreasing x)',
      () => empiricalCdf([{ x: 0, p: 0 }, { x: 3, p: 0.5 }, { x: 2, p: 1 }]),
      'points[2].x',
      'empiricalCdf: "points[2].x" must be a finite number >= the previous x (3), got 2',
    ],
    [
      'discrete (length)',
      () => discrete([1, 2], [1]),
      'weights',
      'discrete: "weights" must be an array of 2 weights, one per value, got [1]',
    ],
    [
      'discrete (all zero)',
      () => discrete([1, 2], [0, 0]),
      'weights',
      'discrete: "weights" must be weights >= 0 with a finite, positive sum, got [0,0]',
    ],
    [
      'mixture',
      () => mixture([{ weight: -1, dist: deterministic(0) }]),
      'components[0].weight',
      'mixture: "components[0].weight" must be a finite number >= 0, got -1',
    ],
  ];
  for (const [name, build, path, message] of cases) {
    it(`${name} rejects a bad "${path}" naming it, the value and what was expected`, () => {
      const error = errorOf(build);
      expect(error.path).toBe(path);
      expect(error.message).toBe(message);
    });
  }

  it('a factory built from plain JavaScript rejects a string where a number belongs', () => {
    const error = errorOf(() => exponential('2' as unknown as number));
    expect(error.message).toBe('exponential: "rate" must be a finite number > 0, got "2"');
  });

  it('lognormal rejects parameters whose variance overflows', () => {
    expect(errorOf(() => lognormal(0, 30)).path).toBe('sigma');
  });
});

describe('built distributions do not depend on the caller keeping its arrays', () => {
  it('empiricalSamples copies its values', () => {
    const values = [1, 2, 3];
    const dist = empiricalSamples(values);
    values[0] = 100;
    expect(dist.mean).toBe(2);
    expect(dist.toSpec()).toEqual({ dist: 'empiricalSamples', values: [1, 2, 3] });
  });
});
