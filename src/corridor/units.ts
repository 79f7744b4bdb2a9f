/**
 * Unit conversions from a model file's explicit units to the engine's: hours for time, FEU for
 * containers, FEU per hour for demand. The calendar is a non-leap year (365 days = 8760 h) so
 * that the year of `teuPerYear` and the month lengths of seasonality agree exactly. Time
 * distributions in days become hours by exact scaling (`scaleDistribution`).
 */
import { describeValue } from '../distributions/errors.ts';
import { deterministic, distributionFromSpec, DistributionError } from '../distributions/index.ts';
import type { Distribution } from '../distributions/index.ts';
import type { RandomStream } from '../random/index.ts';
import { type ErrorCollector, parsePath, type PathSegment, renderPath, valueAt } from './model-error.ts';
import type { ContainerCountSpec, DemandSpec, DurationSpec, TimeDistributionSpec } from './schema.ts';

/** Largest mean lot of a batched demand flow, FEU: a hundred thousand boxes is more than a ship. */
export const MAX_LOT_FEU = 100_000;
/** Hours in a day. */
export const HOURS_PER_DAY = 24;
/** Hours in a week (7 × 24). */
export const HOURS_PER_WEEK = 168;
/** Hours in a (non-leap) year, 365 × 24: the year of `teuPerYear`. */
export const HOURS_PER_YEAR = 8760;
/**
 * The longest time a model value (a duration, the mean of a time distribution, a headway) or a
 * run (warm-up plus horizon) may span: 100 years, in hours. Far beyond any corridor question, and
 * it keeps every sum of times finite and every calendar lookup inside the dates a Date can hold.
 */
export const MAX_HOURS = 100 * HOURS_PER_YEAR;
/** TEU in one FEU. */
export const TEU_PER_FEU = 2;
/** Days in each month of a non-leap year, January first (weights of monthly seasonality). */
export const DAYS_PER_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Hours of a `{ hours }` or `{ days }` duration. */
export function durationHours(duration: DurationSpec): number {
  return 'hours' in duration ? duration.hours : duration.days * HOURS_PER_DAY;
}

/**
 * A container count in whole FEU: `capacityTeu / 2` or `capacityFeu`, rounded down (a vehicle
 * carries whole boxes; an odd TEU slot cannot take an FEU) and at least 1 (a vehicle of zero
 * capacity would never leave).
 */
export function capacityFeu(count: ContainerCountSpec): number {
  const feu = 'capacityFeu' in count ? count.capacityFeu : count.capacityTeu / TEU_PER_FEU;
  return Math.max(1, Math.floor(feu));
}

/** Mean demand in FEU per hour: `feuPerWeek / 168` or `teuPerYear / 2 / 8760`. */
export function volumeFeuPerHour(volume: DemandSpec['volume']): number {
  return 'feuPerWeek' in volume ? volume.feuPerWeek / HOURS_PER_WEEK : volume.teuPerYear / TEU_PER_FEU / HOURS_PER_YEAR;
}

/**
 * Monthly multipliers scaled to a day-weighted mean of exactly 1 (Σ mᵢ·daysᵢ / 365 = 1), so
 * that seasonality shifts demand between months without changing the annual volume. Undefined
 * when every month is 0 (no mean to scale by).
 */
export function normaliseSeasonality(months: readonly number[]): number[] | undefined {
  let weighted = 0;
  months.forEach((m, i) => (weighted += m * (DAYS_PER_MONTH[i] ?? 0)));
  const mean = weighted / 365;
  if (!(mean > 0) || !Number.isFinite(mean)) return undefined;
  return months.map((m) => m / mean);
}

/**
 * `d` with its values multiplied by `factor` (> 0): the distribution of factor·X. Exact for every
 * kind: mean·f, variance·f², min·f, max·f, and each sample is `d`'s sample times f (so it uses
 * the same uniforms as `d` and replications stay reproducible). `kind` stays `d`'s; `toSpec()`
 * gives `d`'s spec plus `unit`, the model-file form (rebuild it with `timeDistributionFromSpec`,
 * not `distributionFromSpec`, which rejects `unit` rather than read days as hours).
 *
 * @param unit the unit `d`'s own values are in, e.g. `'days'`.
 */
export function scaleDistribution(d: Distribution, factor: number, unit: string): Distribution {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`scale factor must be a finite number > 0, got ${factor}`);
  return {
    kind: d.kind,
    mean: d.mean * factor,
    variance: d.variance * factor * factor,
    min: d.min * factor,
    max: d.max * factor,
    sample: (rng: RandomStream): number => d.sample(rng) * factor,
    toSpec: () => ({ ...d.toSpec(), unit }),
  };
}

/**
 * Build a time distribution in hours from its model-file form: the spec without `unit` is read
 * by `distributionFromSpec`; a `days` distribution is scaled by 24 with `scaleDistribution`
 * (exact for every kind, where rewriting each kind's parameters would not be, e.g. lognormal μ).
 *
 * @param path where the spec is in the model, e.g. `legs.caspian.sailing`, for errors.
 * @throws DistributionError with the full path of a bad parameter, or at `path` when the
 *   distribution can go below 0: durations cannot be negative.
 */
export function timeDistributionFromSpec(spec: TimeDistributionSpec, path: string): Distribution {
  const { unit, ...rest } = spec;
  const d = distributionFromSpec(rest, path);
  if (!(d.min >= 0)) {
    const advice = 'durations cannot be negative; use e.g. truncatedNormal with min: 0, lognormal or gamma';
    throw new DistributionError(path, `must be a distribution with min >= 0 (${advice}), got ${d.kind} with min ${d.min}`);
  }
  // A mean beyond a century, or an infinite variance, only makes draws that overflow the clock.
  const perUnit = unit === 'days' ? HOURS_PER_DAY : 1;
  if (!(d.mean * perUnit <= MAX_HOURS) || !Number.isFinite(d.variance * perUnit * perUnit)) {
    const most = `${MAX_HOURS / perUnit} ${unit}`;
    throw new DistributionError(path, `must be a distribution with a mean of at most ${most} (100 years) and a finite variance, got ${d.kind} with mean ${d.mean} and variance ${d.variance}`);
  }
  return unit === 'days' ? scaleDistribution(d, HOURS_PER_DAY, unit) : d;
}

/** A DistributionError's reason (`must be a finite number > 0, got -1`) as expected/got words. */
function reword(reason: string, key: string, value: unknown): { expected: string; got: string } {
  const [, expected, got] = /^must be (.*), got (.*)$/s.exec(reason) ?? [];
  if (expected !== undefined && got !== undefined) return { expected, got };
  const [, needs] = /^is missing: (.*)$/s.exec(reason) ?? [];
  if (needs !== undefined) return { expected: needs, got: 'nothing' };
  const [, kind, allowed] = /^is not a parameter of (.*?); expected (.*)$/s.exec(reason) ?? [];
  if (kind !== undefined && allowed !== undefined) return { expected: `a parameter of ${kind}: ${allowed}`, got: `unknown parameter "${key}"` };
  const [, other, why] = /^cannot be combined with (.*?): (.*)$/s.exec(reason) ?? [];
  if (other !== undefined && why !== undefined) return { expected: why, got: `"${key}" together with ${other}` };
  return { expected: reason, got: describeValue(value) };
}

/**
 * Builds the distributions of one model, recording a bad spec as a ModelError at its model path
 * (bad value, expectation in words) and returning a placeholder, so that one pass finds every bad
 * distribution; the caller throws the collected errors before any result is used.
 */
export class DistributionBuilder {
  /**
   * @param root the model data the paths point into (for the bad values in messages).
   * @param errors where bad specs are recorded.
   */
  constructor(
    private readonly root: unknown,
    readonly errors: ErrorCollector,
  ) {}

  private built(build: (path: string) => Distribution, path: readonly PathSegment[]): Distribution {
    try {
      return build(renderPath(path));
    } catch (error) {
      if (!(error instanceof DistributionError)) throw error;
      const where = parsePath(error.path);
      const value = valueAt(this.root, where);
      const { expected, got } = reword(error.reason, String(where[where.length - 1]), value);
      this.errors.add(where, value, expected, got);
      return deterministic(0);
    }
  }

  /** A time distribution in hours (see `timeDistributionFromSpec`). */
  time(spec: TimeDistributionSpec, path: readonly PathSegment[]): Distribution {
    return this.built((p) => timeDistributionFromSpec(spec, p), path);
  }

  /** An optional time distribution in hours. */
  optionalTime(spec: TimeDistributionSpec | undefined, path: readonly PathSegment[]): Distribution | undefined {
    return spec === undefined ? undefined : this.time(spec, path);
  }

  /**
   * A distribution of lot sizes in FEU: never negative, with a mean from 1 to MAX_LOT_FEU. Lots
   * arrive at the flow's rate divided by the mean lot, so a mean near 0 would mean lots arriving
   * at one instant for ever, and a lot is at least one box (draws round to >= 1).
   */
  lotSize(spec: unknown, path: readonly PathSegment[]): Distribution {
    return this.built((p) => {
      const d = distributionFromSpec(spec, p);
      if (!(d.min >= 0)) throw new DistributionError(p, `must be a distribution with min >= 0 (a count of FEU), got ${d.kind} with min ${d.min}`);
      if (!(d.mean >= 1 && d.mean <= MAX_LOT_FEU) || !Number.isFinite(d.variance)) {
        throw new DistributionError(p, `must be a distribution of lot sizes with a mean from 1 to ${MAX_LOT_FEU} FEU and a finite variance, got ${d.kind} with mean ${d.mean} and variance ${d.variance}`);
      }
      return d;
    }, path);
  }
}

/**
 * FEU-equivalents per unit of background traffic, the one place where other traffic is
 * converted to the model's deck, berth and handling units:
 * - `feu` 1 and `teu` 0.5 (2 TEU = 1 FEU);
 * - `wagon` 1: one flat or open wagon takes one deck slot, as one FEU on a flat wagon does
 *   (assumption: the ASCO Ro-Pax takes 46 open wagons, §3.1, and the model's ferry deck is 46 FEU);
 * - `truck` 0.92 = 46 / 50: §3.1 ASCO Ro-Pax "Azerbaijan" takes 46 open wagons or 50 trucks
 *   (PortNews 26 Dec 2022) [Q];
 * - `train`: its `trainFeu` (a whole train takes a track or a path; FEU only for the accounts).
 */
export const FEU_PER_UNIT: Readonly<Record<'feu' | 'teu' | 'wagon' | 'truck', number>> = { feu: 1, teu: 0.5, wagon: 1, truck: 46 / 50 };
