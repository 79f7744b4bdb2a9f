/**
 * Every distribution's toSpec() is a JSON form that distributionFromSpec turns back into the
 * same distribution: same spec, same moments and support, same samples from the same stream.
 */
import { describe, expect, it } from 'vitest';
import {
  deterministic,
  discrete,
  type Distribution,
  distributionFromSpec,
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
import { createStream } from '../../src/random/index.ts';

describe('toSpec() round-trips through distributionFromSpec', () => {
  const dists: [string, Distribution][] = [
    ['deterministic', deterministic(3)],
    ['uniform', uniform(1, 4)],
    ['exponential (rate)', exponential(0.3)],
    ['exponential (mean)', exponentialFromMean(3)],
    ['erlang', erlang(3, 2)],
    ['gamma', gamma(0.5, 2)],
    ['normal', normal(1, 2)],
    ['truncatedNormal (one-sided)', truncatedNormal(10, 5, 0)],
    ['truncatedNormal (upper bound only)', truncatedNormal(10, 5, -Infinity, 12)],
    ['truncatedNormal (two-sided)', truncatedNormal(10, 5, 0, 30)],
    ['lognormal (mu, sigma)', lognormal(2, 0.5)],
    ['lognormal (mean, cv)', lognormalFromMeanCv(20, 0.3)],
    ['triangular', triangular(1, 2, 6)],
    ['pert', pert(1, 2, 6, 3)],
    ['weibull', weibull(1.5, 10)],
    ['empiricalSamples', empiricalSamples([3, 1, 2])],
    ['empiricalCdf', empiricalCdf([{ x: 0, p: 0 }, { x: 5, p: 0.5 }, { x: 9, p: 1 }])],
    ['discrete', discrete([1, 2, 3], [1, 0, 3])],
    [
      'mixture',
      mixture([
        { weight: 9, dist: deterministic(0) },
        { weight: 1, dist: mixture([{ weight: 1, dist: lognormalFromMeanCv(12, 0.5) }, { weight: 1, dist: uniform(0, 1) }]) },
      ]),
    ],
  ];
  for (const [name, dist] of dists) {
    it(`${name}: the JSON of toSpec() rebuilds the same distribution`, () => {
      const spec = dist.toSpec();
      expect(spec.dist).toBe(dist.kind);
      const rebuilt = distributionFromSpec(JSON.parse(JSON.stringify(spec)));
      expect(rebuilt.toSpec()).toEqual(spec);
      expect([rebuilt.kind, rebuilt.mean, rebuilt.variance, rebuilt.min, rebuilt.max]).toEqual([
        dist.kind,
        dist.mean,
        dist.variance,
        dist.min,
        dist.max,
      ]);
      const a = createStream(12345, 'test/round-trip');
      const b = createStream(12345, 'test/round-trip');
      for (let i = 0; i < 20; i++) expect(rebuilt.sample(b)).toBe(dist.sample(a));
    });
  }
});
