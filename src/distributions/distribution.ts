/**
 * The common shape of every probability distribution in corridor-sim.
 *
 * A distribution is built once by a factory that validates its parameters (so a bad model file
 * fails at load time, not an hour into a run) and then samples fast from any uniform stream.
 * Keeping the stream outside the distribution lets one parameterised distribution, read from a
 * model file, serve many components that each draw from their own named stream.
 */
import type { RandomStream } from '../random/index.ts';

/** A univariate distribution with known moments. Values are in the caller's unit (usually hours). */
export interface Distribution {
  /** The JSON `dist` name, e.g. `"lognormal"`. */
  readonly kind: string;
  /** Analytic mean. */
  readonly mean: number;
  /** Analytic variance (0 for a deterministic value). */
  readonly variance: number;
  /** Smallest value a sample can take (may be `-Infinity`). */
  readonly min: number;
  /** Largest value a sample can take (may be `Infinity`). */
  readonly max: number;
  /** Draw one value using uniforms from `rng`. */
  sample(rng: RandomStream): number;
  /** The JSON form this distribution can be rebuilt from with `distributionFromSpec`. */
  toSpec(): DistributionSpec;
}

/** The JSON form of a distribution in a model file: `{ "dist": "<kind>", ...parameters }`. */
export interface DistributionSpec {
  readonly dist: string;
  readonly [parameter: string]: unknown;
}
