/**
 * Probability distributions for corridor-sim: small factories that validate their parameters
 * once and return a `Distribution` with analytic moments and a fast, allocation-free sampler;
 * and `distributionFromSpec`, which builds any of them from its JSON form in a model file.
 * Times are in hours unless a caller says otherwise.
 */

// The common interface and the JSON form.
export type { Distribution, DistributionSpec } from './distribution.ts';
export { DISTRIBUTION_KINDS, distributionFromSpec } from './spec.ts';
export { DistributionError } from './errors.ts';

// Constants and bounded distributions.
export { deterministic } from './deterministic.ts';
export { uniform } from './uniform.ts';
export { triangular } from './triangular.ts';
export { pert } from './pert.ts';

// Unbounded continuous distributions.
export { exponential, exponentialFromMean } from './exponential.ts';
export { erlang } from './erlang.ts';
export { gamma } from './gamma.ts';
export { normal } from './normal.ts';
export { truncatedNormal } from './truncated-normal.ts';
export { lognormal, lognormalFromMeanCv } from './lognormal.ts';
export { weibull } from './weibull.ts';

// Distributions from data.
export { empiricalSamples } from './empirical-samples.ts';
export { empiricalCdf } from './empirical-cdf.ts';
export type { CdfPoint } from './empirical-cdf.ts';
export { discrete } from './discrete.ts';

// Composite distributions.
export { mixture } from './mixture.ts';
export type { MixtureComponent } from './mixture.ts';

// Numerical building blocks, for other modules that need normal probabilities or gamma variates.
export {
  logGamma,
  normalCdf,
  normalMillsRatio,
  normalPdf,
  normalQuantile,
  normalUpperTail,
} from './special-functions.ts';
export { standardGammaSampler, standardNormal } from './samplers.ts';
export { sumOf } from './sum.ts';
