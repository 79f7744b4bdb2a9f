/**
 * The options `corridor-sim run` (and `npx tsx <experiment>`) has besides the runner's own
 * (src/experiments/run-options.ts): `--set`, `--scenarios`, `--horizon-days`, `--warmup` and
 * `--precision` (with `--precision-max`) change the experiment before it runs (the changed
 * experiment is what run.json and the manifest record and what the fingerprint covers, so resume
 * and reproduce see them); `--dry-run` and `--json` change what is printed. They live in src/cli because they are the command line's, not the
 * runner's.
 */
import type { Command } from 'commander';
import { MAX_HOURS } from '../corridor/units.ts';
import { isReservedName } from '../corridor/reserved-keys.ts';
import { brand, stripBrand, type Experiment, type JsonValue } from '../experiments/define-experiment.ts';
import { DEFAULT_PRECISION_BATCH, DEFAULT_PRECISION_MAX, parsePrecisionOption, type PrecisionSpec } from '../experiments/output-analysis/precision-spec.ts';
import { UsageError } from './exit.ts';

/** The extra options as commander hands them over. */
export interface RawRunExtras {
  readonly set?: readonly string[];
  readonly scenarios?: string;
  readonly horizonDays?: string;
  readonly warmup?: string;
  readonly precision?: string;
  readonly precisionMax?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

/** The extra options, checked. */
export interface RunExtras {
  /** Dotted model path -> value, applied to every scenario after its own `set`. */
  readonly set: Readonly<Record<string, JsonValue>>;
  /** Scenario ids to run (null: all). */
  readonly scenarios: readonly string[] | null;
  readonly horizonDays: number | null;
  /** `--warmup`: days discarded per replication, or 'auto' (MSER on a pilot); null: the experiment's. */
  readonly warmup: number | 'auto' | null;
  /** `--precision` (with `--precision-max`): replications to a precision; null: the experiment's. */
  readonly precision: PrecisionSpec | null;
  /** `--precision-max` alone: a new maximum for the experiment's own precision target. */
  readonly precisionMax: number | null;
  readonly dryRun: boolean;
  readonly json: boolean;
}

// No default list: commander would print it as (default: []) in the help.
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Add the extra options to `command`. */
export function addRunExtras(command: Command): Command {
  return command
    .option('--set <path=value>', 'override a model value in every scenario, repeatable, e.g. --set legs.caspian-feeder-aktau-alat.fleet.vessels=9 (value as JSON if valid, else text)', collect)
    .option('--scenarios <ids>', 'run only these scenarios, comma-separated; must include the baseline')
    .option('--horizon-days <n>', "simulated days measured per replication (default: the experiment's)")
    .option('--warmup <days|auto>', "days discarded at the start of each replication, or auto: chosen by MSER on a pilot run (default: the experiment's)")
    .option('--precision <target[:metrics]>', 'add replications in batches until every named metric\'s 95% CI half-width meets the target in every scenario: 5% (of the mean) or 2h, 2d, 10feu, 3feu/week (absolute); metrics comma-separated, default route.*.transit_mean_h; --replications is the first batch')
    .option('--precision-max <n>', `largest replication count per scenario for --precision (default ${DEFAULT_PRECISION_MAX}, or the experiment's)`)
    .option('--dry-run', 'print what would run (scenarios, replications, seeds, horizon, output folder); run and write nothing')
    .option('--json', 'print a machine-readable summary on stdout (run folder, status, scenarios, key means with 95% CIs)');
}

/** One `--set path=value`. @throws UsageError */
export function parseSetOption(text: string): [string, JsonValue] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`option --set: got "${text}", expected path=value, e.g. legs.caspian-feeder-aktau-alat.fleet.vessels=9`);
  const key = text.slice(0, at).trim();
  const steps = key.split('.');
  if (steps.some((s) => s === '')) throw new UsageError(`option --set: got "${text}", expected a dotted path without empty steps`);
  const reserved = steps.find((s) => isReservedName(s));
  // As the overlay code refuses them: such a step could reach an object's prototype.
  if (reserved !== undefined) throw new UsageError(`option --set: got "${text}", expected a path without the reserved step "${reserved}" (__proto__, constructor and prototype are refused)`);
  const raw = text.slice(at + 1);
  let value: JsonValue;
  try {
    value = JSON.parse(raw) as JsonValue;
  } catch {
    value = raw;
  }
  return [key, value];
}

/** Check the extra options. @throws UsageError naming the option */
export function parseRunExtras(raw: RawRunExtras): RunExtras {
  const set: Record<string, JsonValue> = {};
  for (const text of raw.set ?? []) {
    const [key, value] = parseSetOption(text);
    Object.defineProperty(set, key, { value, enumerable: true, writable: true, configurable: true });
  }
  let scenarios: string[] | null = null;
  if (raw.scenarios !== undefined) {
    scenarios = raw.scenarios.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (scenarios.length === 0) throw new UsageError(`option --scenarios: got "${raw.scenarios}", expected comma-separated scenario ids`);
  }
  let horizonDays: number | null = null;
  if (raw.horizonDays !== undefined) {
    const days = Number(raw.horizonDays);
    if (raw.horizonDays.trim() === '' || !Number.isFinite(days) || days <= 0 || days * 24 > MAX_HOURS) {
      throw new UsageError(`option --horizon-days: got "${raw.horizonDays}", expected a number of days > 0 and at most ${MAX_HOURS / 24}`);
    }
    horizonDays = days;
  }
  return { set, scenarios, horizonDays, ...parseOutputAnalysis(raw), dryRun: raw.dryRun === true, json: raw.json === true };
}

/** `--warmup`, `--precision` and `--precision-max`, checked. @throws UsageError naming the option */
function parseOutputAnalysis(raw: RawRunExtras): Pick<RunExtras, 'warmup' | 'precision' | 'precisionMax'> {
  let warmup: number | 'auto' | null = null;
  if (raw.warmup !== undefined) {
    const text = raw.warmup.trim();
    const days = Number(text);
    if (text === 'auto') warmup = 'auto';
    else if (text !== '' && Number.isFinite(days) && days >= 0 && days * 24 <= MAX_HOURS) warmup = days;
    else throw new UsageError(`option --warmup: got "${raw.warmup}", expected a number of days >= 0 or auto`);
  }
  let precisionMax: number | null = null;
  if (raw.precisionMax !== undefined) {
    const text = raw.precisionMax.trim();
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 2) {
      throw new UsageError(`option --precision-max: got "${raw.precisionMax}", expected an integer >= 2`);
    }
    precisionMax = Number(text);
  }
  let precision: PrecisionSpec | null = null;
  if (raw.precision !== undefined) {
    const spec = parsePrecisionOption(raw.precision, precisionMax ?? DEFAULT_PRECISION_MAX, DEFAULT_PRECISION_BATCH);
    if (typeof spec === 'string') throw new UsageError(`option --precision: got "${raw.precision}", expected ${spec}`);
    precision = spec;
  }
  return { warmup, precision, precisionMax };
}

/** True if the extras change the experiment. */
export function changesExperiment(extras: RunExtras): boolean {
  return Object.keys(extras.set).length > 0 || extras.scenarios !== null || extras.horizonDays !== null || extras.warmup !== null || extras.precision !== null || extras.precisionMax !== null;
}

/**
 * The experiment with the extras applied: only the chosen scenarios (in the experiment's order),
 * every one with the `--set` values after its own, the horizon replaced. A subset must keep the
 * baseline, since comparison.csv compares every scenario with it. @throws UsageError
 */
export function applyRunExtras(experiment: Experiment, extras: RunExtras): Experiment {
  if (!changesExperiment(extras)) return experiment;
  const ids = experiment.scenarios.map((s) => s.id);
  let scenarios = experiment.scenarios;
  if (extras.scenarios !== null) {
    const unknown = extras.scenarios.filter((id) => !ids.includes(id));
    const list = extras.scenarios.join(',');
    if (unknown.length > 0) throw new UsageError(`option --scenarios: got "${list}", expected ids of experiment "${experiment.name}": ${ids.join(', ')} (unknown: ${unknown.join(', ')})`);
    if (!extras.scenarios.includes(experiment.baseline)) {
      throw new UsageError(`option --scenarios: got "${list}", expected a list that includes the baseline "${experiment.baseline}" (comparison.csv compares every scenario with it)`);
    }
    const chosen = new Set(extras.scenarios);
    scenarios = experiment.scenarios.filter((s) => chosen.has(s.id));
  }
  const plain = stripBrand(experiment);
  const horizonHours = extras.horizonDays !== null ? extras.horizonDays * 24 : experiment.horizonHours;
  // Both are set again below: a fixed --warmup must drop autoWarmup, not inherit it.
  const { autoWarmup: _autoWarmup, precision: _precision, ...rest } = plain;
  return brand({
    ...rest,
    scenarios: scenarios.map((s) => ({ ...s, set: { ...s.set, ...extras.set } })),
    horizonHours,
    ...warmupOf(extras, plain, horizonHours),
    ...precisionOf(extras, plain),
  });
}

/** The warm-up fields after `--warmup` (a fixed warm-up has no `autoWarmup`). @throws UsageError */
function warmupOf(extras: RunExtras, plain: Experiment, horizonHours: number): Pick<Experiment, 'warmupHours' | 'autoWarmup'> {
  const { warmupHours, autoWarmup } = plain;
  const auto = extras.warmup === 'auto' || (extras.warmup === null && autoWarmup !== undefined);
  // As defineExperiment checks warmup: 'auto' (the pilot runs 2 x the horizon and MSER needs 4 weeks).
  if (auto && horizonHours < 14 * 24) {
    const what = extras.warmup === 'auto' ? 'option --warmup: got "auto"' : `option --horizon-days: got "${horizonHours / 24}"`;
    throw new UsageError(`${what}, expected a horizon of at least 14 days for an automatic warm-up (the pilot runs 2 x the horizon; MSER needs 4 weeks)`);
  }
  if (extras.warmup === 'auto') return { warmupHours: 0, autoWarmup: null };
  if (extras.warmup !== null) return { warmupHours: extras.warmup * 24 };
  return { warmupHours, ...(autoWarmup !== undefined ? { autoWarmup } : {}) };
}

/** The precision after `--precision` / `--precision-max`. @throws UsageError */
function precisionOf(extras: RunExtras, plain: Experiment): Pick<Experiment, 'precision'> {
  if (extras.precision !== null) {
    // A target on the command line keeps the experiment's batch, and its maximum unless --precision-max gives one.
    const own = plain.precision;
    return { precision: { ...extras.precision, batch: own?.batch ?? extras.precision.batch, maxReplications: extras.precisionMax ?? own?.maxReplications ?? extras.precision.maxReplications } };
  }
  if (extras.precisionMax === null) return plain.precision !== undefined ? { precision: plain.precision } : {};
  if (plain.precision === undefined) throw new UsageError(`option --precision-max: got "${extras.precisionMax}", expected it with --precision (the experiment "${plain.name}" has no precision target)`);
  return { precision: { ...plain.precision, maxReplications: extras.precisionMax } };
}

/** The extras as command-line words, to repeat them in a resume hint. */
export function extrasArguments(raw: RawRunExtras): string[] {
  return [
    ...(raw.set ?? []).flatMap((s) => ['--set', s]),
    ...(raw.scenarios !== undefined ? ['--scenarios', raw.scenarios] : []),
    ...(raw.horizonDays !== undefined ? ['--horizon-days', raw.horizonDays] : []),
    ...(raw.warmup !== undefined ? ['--warmup', raw.warmup] : []),
    ...(raw.precision !== undefined ? ['--precision', raw.precision] : []),
    ...(raw.precisionMax !== undefined ? ['--precision-max', raw.precisionMax] : []),
  ];
}
