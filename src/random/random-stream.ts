/**
 * Named, independent streams of uniform random numbers.
 *
 * Every random number in a simulation comes from a stream named after the component that draws
 * it (for example `caspian/feeder/sailing`). A stream's seed is a hash of the master seed and
 * the name, so adding, removing or changing one component never shifts the numbers another
 * component draws, and two scenarios that share names draw the same numbers (common random
 * numbers, the basis of paired scenario comparisons).
 */
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';

/** A source of uniform variates on the open interval (0, 1). */
export interface RandomStream {
  /** The name the stream was derived from, for error messages and traces. */
  readonly name: string;
  /** The next uniform variate, strictly between 0 and 1 (so `Math.log(u)` is always finite). */
  next(): number;
}

/** A master seed: any integer or string. Runs with the same seed draw the same numbers. */
export type Seed = number | string;

/**
 * Derive the seed string of one stream from the master seed and the stream name.
 * SHA-256 of `"<seed>\u0000<name>"`, hex encoded: well mixed, stable across platforms and Node
 * versions, and cheap because it runs once per stream, not per draw.
 */
export function deriveStreamSeed(masterSeed: Seed, name: string): string {
  return createHash('sha256').update(`${String(masterSeed)}\u0000${name}`).digest('hex');
}

/**
 * Create one stream from a master seed and a name. The generator is seedrandom's Alea
 * (Baagøe), chosen because it is the fastest seedrandom generator in V8 and passes the usual
 * statistical batteries. Its variates have a resolution of 2^-32, far finer than any time or
 * probability a corridor model resolves.
 */
export function createStream(masterSeed: Seed, name: string): RandomStream {
  const generator = seedrandom.alea(deriveStreamSeed(masterSeed, name));
  return {
    name,
    next(): number {
      // Alea yields [0, 1); 0 would make inverse-CDF and log-based samplers blow up.
      let u = generator();
      while (u === 0) u = generator();
      return u;
    },
  };
}

/**
 * The streams of one replication: hands out one stream per name, derived from the master seed.
 * Asking twice for the same name returns the same stream object, so components that share a
 * name share a sequence on purpose, never by accident of creation order.
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  /** @param masterSeed the replication's seed; every stream derives from it. */
  constructor(readonly masterSeed: Seed) {}

  /** The stream with this name, created on first use. Names are free text; use `/` for hierarchy. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      if (name.length === 0) throw new Error('RandomStreams.stream requires a non-empty name');
      stream = createStream(this.masterSeed, name);
      this.streams.set(name, stream);
    }
    return stream;
  }
}

/**
 * The master seed of replication `index` of an experiment seeded with `experimentSeed`: a 32-bit
 * unsigned integer hashed from both, so replication seeds neither collide for nearby experiment
 * seeds nor depend on how replications are spread over workers.
 */
export function replicationSeed(experimentSeed: Seed, index: number): number {
  if (!Number.isInteger(index) || index < 0) {
    throw new Error(`replicationSeed requires a non-negative integer index, got ${index}`);
  }
  const digest = createHash('sha256').update(`${String(experimentSeed)}\u0000replication\u0000${index}`).digest();
  return digest.readUInt32BE(0);
}
