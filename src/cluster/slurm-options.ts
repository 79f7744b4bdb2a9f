/**
 * The options of `corridor-sim slurm`, checked before anything is written: a bad value is bad
 * input (ExperimentError, exit code 2) naming the option, the value and what was expected, so a
 * researcher learns of a typo on the login node rather than from a rejected or failed job.
 */
import { ExperimentError } from '../experiments/experiment-error.ts';

/** Options as commander hands them over (strings). */
export interface RawSlurmOptions {
  readonly shards?: string;
  readonly partition?: string;
  readonly time?: string;
  readonly cpusPerTask?: string;
  readonly jobName?: string;
  readonly sbatchOption?: readonly string[];
  readonly setup?: readonly string[];
  readonly replications?: string;
  readonly seed?: string;
  readonly out?: string;
  readonly runId?: string;
  readonly submit?: boolean;
}

/** Checked options. */
export interface SlurmOptions {
  /** Array tasks = shards; task i runs shard i of `shards`. */
  readonly shards: number;
  readonly partition: string | null;
  /** Slurm time limit per task, as given (e.g. `30`, `2:00:00`, `1-12`). */
  readonly time: string | null;
  readonly cpusPerTask: number;
  readonly jobName: string | null;
  /** Extra `#SBATCH` lines for both jobs, e.g. `--account=abc`. */
  readonly sbatchOptions: readonly string[];
  /** Shell lines run before node in both jobs, e.g. `module load nodejs/20`. */
  readonly setup: readonly string[];
  /** --replications and --seed as typed, forwarded to every task unchanged. */
  readonly replications: string | null;
  readonly seed: string | null;
  readonly out: string;
  readonly runId: string | null;
  readonly submit: boolean;
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new ExperimentError(`option --${name}: got "${text}", expected an integer >= 1`);
  return Number(text);
}

/**
 * Slurm's time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours,
 * days-hours:minutes, days-hours:minutes:seconds, or UNLIMITED / INFINITE.
 */
export function isSlurmTime(text: string): boolean {
  if (/^(UNLIMITED|INFINITE)$/i.test(text)) return true;
  const withDays = /^(\d+)-(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?$/.exec(text);
  const plain = /^(\d+)(?::(\d{1,2}))?(?::(\d{1,2}))?$/.exec(text);
  const match = withDays ?? plain;
  if (match === null) return false;
  const parts = match.slice(1).filter((p) => p !== undefined).map(Number);
  // Every part after the leading one is bounded (hours < 24 after days, minutes and seconds < 60).
  const bounds = withDays !== null ? [Infinity, 24, 60, 60] : [Infinity, 60, 60];
  return parts.every((p, i) => p < (bounds[i] ?? 0)) && parts.some((p) => p > 0);
}

/** Check and convert the raw options. @throws ExperimentError naming the option. */
export function parseSlurmOptions(raw: RawSlurmOptions): SlurmOptions {
  const shards = integer('shards', raw.shards);
  if (shards === undefined) throw new ExperimentError('option --shards: required, e.g. --shards 8 (array tasks, each runs one shard)');
  const cpusPerTask = integer('cpus-per-task', raw.cpusPerTask) ?? 1;
  integer('replications', raw.replications);
  if (raw.seed !== undefined && raw.seed.trim() === '') throw new ExperimentError('option --seed: got "", expected an integer or a word');
  if (raw.partition !== undefined && !/^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/.test(raw.partition)) {
    throw new ExperimentError(`option --partition: got "${raw.partition}", expected a partition name (letters, digits, _ . -), or several separated by commas`);
  }
  if (raw.time !== undefined && !isSlurmTime(raw.time)) {
    throw new ExperimentError(`option --time: got "${raw.time}", expected a Slurm time limit: minutes (30), hours:minutes:seconds (2:00:00) or days-hours[:minutes] (1-12)`);
  }
  if (raw.jobName !== undefined && !/^[A-Za-z0-9_.+=-]{1,64}$/.test(raw.jobName)) {
    throw new ExperimentError(`option --job-name: got "${raw.jobName}", expected up to 64 letters, digits and _ . + = -`);
  }
  for (const option of raw.sbatchOption ?? []) {
    if (!/^--?[A-Za-z]/.test(option) || /[\r\n]/.test(option)) {
      throw new ExperimentError(`option --sbatch-option: got "${option}", expected one sbatch option such as --account=abc (write --sbatch-option=--account=abc)`);
    }
  }
  for (const line of raw.setup ?? []) {
    if (/[\r\n]/.test(line) || line.trim() === '') throw new ExperimentError(`option --setup: got ${JSON.stringify(line)}, expected one shell command line such as "module load nodejs/20"`);
  }
  return {
    shards,
    partition: raw.partition ?? null,
    time: raw.time ?? null,
    cpusPerTask,
    jobName: raw.jobName ?? null,
    sbatchOptions: raw.sbatchOption ?? [],
    setup: raw.setup ?? [],
    replications: raw.replications?.trim() ?? null,
    seed: raw.seed ?? null,
    out: raw.out ?? 'results',
    runId: raw.runId ?? null,
    submit: raw.submit === true,
  };
}
