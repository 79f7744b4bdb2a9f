/**
 * Seeded samplers for the statistics tests, built directly on `createStream` so the tests do
 * not depend on the distributions module. Inverse-CDF and Box–Muller: simple and exact enough.
 */
import { createStream } from '../../src/random/index.ts';
import type { RandomStream } from '../../src/random/index.ts';

/** A seeded stream for one test; the name keeps tests independent of each other. */
export function testStream(name: string): RandomStream {
  return createStream(20240917, `tests/stats/${name}`);
}

/** Standard normal by Box–Muller (one of the pair; the other is discarded for simplicity). */
export function standardNormal(rng: RandomStream): number {
  return Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Exponential with the given mean, by inversion. */
export function exponential(rng: RandomStream, mean: number): number {
  return -mean * Math.log(rng.next());
}

/** Lognormal: exp(mu + sigma·Z). */
export function lognormal(rng: RandomStream, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(rng));
}

/** `n` draws of `draw` into a Float64Array (compact, sortable numerically by `sort()`). */
export function draws(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}
