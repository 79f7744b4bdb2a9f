/**
 * The replications one run may hold: every finished replication's metrics and series stay in
 * memory until the CSV files are written (about 70 kB each for the shipped model), and the task
 * list is built up front, so `--replications 1000000000` would otherwise end in V8's fatal
 * "invalid size" error or exhaust memory. The limit counts the whole run (scenarios x
 * replications per scenario, all shards together, since a merge holds them all); a user with the
 * memory raises it with --max-replications (RunOptions.maxReplications).
 */
import { ExperimentError } from './experiment-error.ts';

/** The default limit on scenarios x replications in one run. */
export const DEFAULT_MAX_REPLICATIONS = 10_000;

/** Check a `--max-replications` value. @throws ExperimentError */
export function checkMaxReplications(max: number | undefined): number {
  if (max === undefined) return DEFAULT_MAX_REPLICATIONS;
  if (!(Number.isSafeInteger(max) && max >= 1)) throw new ExperimentError(`option --max-replications: got ${String(max)}, expected an integer >= 1`);
  return max;
}

/**
 * Refuse a run of more than `max` replications in all.
 * @param source where the replication count came from, e.g. `option --replications`.
 * @throws ExperimentError naming the count, the limit and how to raise it.
 */
export function checkReplicationLimit(scenarios: number, replications: number, max: number, source: string): void {
  const total = scenarios * replications;
  if (Number.isSafeInteger(replications) && total <= max) return;
  const count = (n: number): string => n.toLocaleString('en-US');
  throw new ExperimentError(
    `${source}: ${count(scenarios)} scenario${scenarios === 1 ? '' : 's'} x ${count(replications)} replications = ${count(total)} replications in one run, ` +
      `more than the limit of ${count(max)} (each finished replication is held in memory until the files are written); ` +
      `if the machine has the memory, raise the limit with --max-replications ${Number.isSafeInteger(total) ? total : '<n>'}`,
  );
}
