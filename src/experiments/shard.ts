/**
 * Shards: `--shard i/n` (1-based) runs replication indices r with r % n === i - 1, for every
 * scenario, so the shards of one experiment are disjoint, cover it exactly, and each keeps whole
 * replications of all scenarios together (paired comparisons need both sides).
 */
import { ExperimentError } from './experiment-error.ts';

/** Shard `index` of `count` (1 <= index <= count). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parse `i/n`. @throws ExperimentError naming the option. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !(count >= 1) || !(index >= 1 && index <= count)) {
    throw new ExperimentError(`option --shard: got "${text}", expected i/n with 1 <= i <= n, e.g. 2/3`);
  }
  return { index, count };
}

/** The replication indices of `shard` (all of 0..replications-1 when null), ascending. */
export function shardReplications(replications: number, shard: Shard | null): number[] {
  const out: number[] = [];
  for (let r = 0; r < replications; r++) if (shard === null || r % shard.count === shard.index - 1) out.push(r);
  return out;
}

/** The shard (1-based index) that replication `r` belongs to among `count` shards. */
export function shardOf(replication: number, count: number): number {
  return (replication % count) + 1;
}

/** `2/3`. */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
