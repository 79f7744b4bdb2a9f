/**
 * Every distribution, with several parameter sets, against its analytic mean and variance:
 * 10⁵ seeded draws must put the sample mean and the sample variance within 4 standard errors of
 * the analytic values, and every draw inside [min, max].
 */
import { describe, expect, it } from 'vitest';
import {
  deterministic,
  discrete,
  type Distribution,
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
import { checkMoments } from './moment-check.ts';

/** [test name (the property), stream name, distribution]. */
const cases: readonly [string, string, () => Distribution][] = [
  ['deterministic(value) always returns value', 'deterministic', () => deterministic(7.5)],
  ['uniform(min, max) has mean (min+max)/2 and variance (max-min)²/12', 'uniform', () => uniform(2, 14)],
  ['exponential(rate) has mean 1/rate and variance 1/rate²', 'exponential', () => exponential(0.25)],
  ['exponentialFromMean(mean) has mean β and variance β²', 'exponential-mean', () => exponentialFromMean(36)],
  ['erlang(k, rate) has mean k/rate and variance k/rate² (k = 3, product of uniforms)', 'erlang-3', () => erlang(3, 0.5)],
  ['erlang(k, rate) has mean k/rate and variance k/rate² (k = 40, gamma sampler)', 'erlang-40', () => erlang(40, 2)],
  ['gamma(shape, scale) has mean kθ and variance kθ² (k = 2.5)', 'gamma-2.5', () => gamma(2.5, 4)],
  ['gamma(shape, scale) has mean kθ and variance kθ² (k = 1)', 'gamma-1', () => gamma(1, 3)],
  ['gamma(shape, scale) has mean kθ and variance kθ² (k = 0.5, boosted)', 'gamma-0.5', () => gamma(0.5, 10)],
  ['gamma(shape, scale) has mean kθ and variance kθ² (k = 0.2, boosted)', 'gamma-0.2', () => gamma(0.2, 1)],
  ['normal(mu, sigma) has mean μ and variance σ²', 'normal', () => normal(-3, 2.5)],
  ['truncatedNormal(mu, sigma, 0) matches the one-sided truncated moments', 'tn-positive', () => truncatedNormal(10, 8, 0)],
  ['truncatedNormal(mu, sigma, min, max) matches the two-sided moments', 'tn-two-sided', () => truncatedNormal(24, 6, 20, 40)],
  ['truncatedNormal below the mean (mirrored) matches its moments', 'tn-lower', () => truncatedNormal(0, 1, -Infinity, -1.5)],
  ['truncatedNormal 8σ into the upper tail matches its moments', 'tn-tail-8', () => truncatedNormal(0, 1, 8)],
  ['truncatedNormal on [5σ, 5.5σ] matches its moments', 'tn-tail-band', () => truncatedNormal(100, 10, 150, 155)],
  ['truncatedNormal 40σ out (rejection sampler) matches its moments', 'tn-tail-40', () => truncatedNormal(0, 1, 40)],
  ['truncatedNormal on [−36σ, −35σ] (mirrored rejection) matches its moments', 'tn-tail-neg', () => truncatedNormal(0, 2, -72, -70)],
  ['lognormal(mu, sigma) has mean e^(μ+σ²/2)', 'lognormal-mu-sigma', () => lognormal(Math.log(12), 0.4)],
  ['lognormalFromMeanCv(mean, cv) has the given mean and variance (cv·mean)²', 'lognormal-mean-cv', () => lognormalFromMeanCv(20, 0.3)],
  ['lognormalFromMeanCv with cv = 1 has the given mean and variance', 'lognormal-cv-1', () => lognormalFromMeanCv(5, 1)],
  ['triangular(min, mode, max) has mean (a+b+c)/3', 'triangular', () => triangular(10, 14, 30)],
  ['triangular with mode = min has mean (a+b+c)/3', 'triangular-left', () => triangular(0, 0, 6)],
  ['pert(min, mode, max) has mean (a+4c+b)/6', 'pert', () => pert(10, 14, 30)],
  ['pert(min, mode, max, lambda) with mode = max has mean (a+λc+b)/(λ+2)', 'pert-lambda', () => pert(1, 5, 5, 2)],
  ['weibull(shape, scale) has mean λΓ(1+1/k) (k = 0.7)', 'weibull-0.7', () => weibull(0.7, 10)],
  ['weibull(shape, scale) has mean λΓ(1+1/k) (k = 3)', 'weibull-3', () => weibull(3, 48)],
  ['empiricalSamples(values) has the sample mean and population variance', 'empirical-samples', () => empiricalSamples([31, 36, 40, 44, 44, 52, 61, 75, 96])],
  ['empiricalSamples of one value is that value', 'empirical-samples-1', () => empiricalSamples([3])],
  [
    'empiricalCdf(points) has the moments of its piecewise-uniform density',
    'empirical-cdf',
    () => empiricalCdf([{ x: 0, p: 0 }, { x: 2, p: 0.1 }, { x: 6, p: 0.5 }, { x: 30, p: 0.9 }, { x: 72, p: 1 }]),
  ],
  [
    'empiricalCdf with an atom and an empty segment has the moments of its density',
    'empirical-cdf-atom',
    () => empiricalCdf([{ x: 0, p: 0 }, { x: 1, p: 0 }, { x: 4, p: 0.3 }, { x: 4, p: 0.6 }, { x: 8, p: 1 }]),
  ],
  ['discrete(values, weights) has mean Σpx and variance Σp(x−μ)²', 'discrete', () => discrete([0, 1, 2, 5], [5, 3, 0, 2])],
  [
    'mixture of no-inspection (0) and inspection delay has variance by total variance',
    'mixture-customs',
    () => mixture([{ weight: 0.9, dist: deterministic(0) }, { weight: 0.1, dist: lognormalFromMeanCv(12, 0.5) }]),
  ],
  [
    'mixture of two normals has mean Σwμ and variance Σw(σ² + (μ−μ̄)²)',
    'mixture-normals',
    () => mixture([{ weight: 3, dist: normal(10, 1) }, { weight: 1, dist: normal(20, 3) }, { weight: 0, dist: normal(99, 1) }]),
  ],
];

describe('distribution moments (10^5 seeded samples, 4 standard errors)', () => {
  for (const [name, stream, make] of cases) {
    it(name, () => {
      const dist = make();
      const check = checkMoments(dist, stream);
      expect(check.outOfSupport, 'samples outside [min, max]').toBe(0);
      expect(check.meanZ, `sample mean ${check.sampleMean} vs analytic ${dist.mean}`).toBeLessThan(4);
      expect(check.varianceZ, `sample variance ${check.sampleVariance} vs analytic ${dist.variance}`).toBeLessThan(4);
    });
  }
});
