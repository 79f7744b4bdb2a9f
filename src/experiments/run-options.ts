/**
 * The options of a run, shared by `corridor-sim run <file>` and `npx tsx <file>` (runIfMain), so
 * both accept exactly the same command line.
 */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import type { Seed } from '../random/index.ts';
import { ExperimentError } from './experiment-error.ts';
import type { RunOptions } from './prepare-run.ts';
import { DEFAULT_MAX_REPLICATIONS } from './replication-limit.ts';
import { parseShard } from './shard.ts';

/** Options as commander hands them over (strings). */
export interface RawRunOptions {
  readonly replications?: string;
  readonly seed?: string;
  readonly workers?: string;
  readonly out?: string;
  readonly runId?: string;
  readonly resume?: string;
  readonly shard?: string;
  readonly maxReplications?: string;
  readonly progress?: boolean;
}

/** Add the run options to `command`. */
export function addRunOptions(command: Command): Command {
  return command
    .option('--replications <n>', "replications per scenario (default: the experiment's)")
    .option('--seed <seed>', "master seed (default: the experiment's)")
    .option('--workers <n>', `worker threads (default: one per core, here ${availableParallelism()})`)
    .option('--out <dir>', 'results root: files go to <dir>/<experiment>/<run id>/ (default: results)')
    .option('--run-id <id>', 'name of the run folder (default: the UTC start time, e.g. 20261122T134500Z)')
    .option('--resume <run-dir>', 'continue an interrupted or failed run: run only the replications its journal lacks')
    .option('--shard <i/n>', 'run shard i of n (replications r with r % n = i - 1); combine shards with corridor-sim merge')
    .option('--max-replications <n>', `refuse a run of more than n replications in all, scenarios x replications (default ${DEFAULT_MAX_REPLICATIONS}; each is held in memory)`)
    .option('--no-progress', 'no progress bar or progress lines on stderr');
}

/** An integer option >= 1 (undefined if not given). @throws ExperimentError naming the option */
export function integerOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new ExperimentError(`option --${name}: got "${text}", expected an integer >= 1`);
  return Number(text);
}

/** A seed from the command line: an integer if it looks like one (so 7 and "7" agree), else text. */
export function parseSeed(text: string): Seed {
  if (text.trim() === '') throw new ExperimentError('option --seed: got "", expected an integer or a word');
  const n = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(n) ? n : text;
}

/** Check and convert the raw options. @throws ExperimentError naming the option. */
export function parseRunOptions(raw: RawRunOptions): RunOptions {
  const replications = integerOption('replications', raw.replications);
  const workers = integerOption('workers', raw.workers);
  const maxReplications = integerOption('max-replications', raw.maxReplications);
  const out = raw.out ?? (raw.resume === undefined ? 'results' : undefined);
  return {
    ...(replications !== undefined ? { replications } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(maxReplications !== undefined ? { maxReplications } : {}),
    ...(raw.seed !== undefined ? { seed: parseSeed(raw.seed) } : {}),
    ...(raw.shard !== undefined ? { shard: parseShard(raw.shard) } : {}),
    ...(out !== undefined ? { out } : {}),
    ...(raw.runId !== undefined ? { runId: raw.runId } : {}),
    ...(raw.resume !== undefined ? { resume: raw.resume } : {}),
    progress: raw.progress !== false,
  };
}
