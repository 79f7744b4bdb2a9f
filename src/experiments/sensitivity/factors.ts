/**
 * Sensitivity factors: the model inputs a sensitivity design varies. A factor is one dotted model
 * path (or, through `apply`, any set of overrides computed from one number, such as a scaled
 * seasonality list) with a range `[low, high]` in the factor's own unit. One-at-a-time designs
 * use the two ends; Morris designs use a grid of levels across the range.
 */
import type { JsonValue } from '../define-experiment.ts';
import type { FactorInfo } from './plan.ts';

/** One input of a sensitivity design. Values are in `unit`. */
export interface SensitivityFactor {
  /** Dotted model path set to the factor's value, e.g. `legs.caspian-feeder-aktau-alat.fleet.vessels`. */
  readonly path?: string;
  /**
   * Overrides (dotted path -> value) for a factor value, when the factor is not one model path
   * (e.g. a multiplier on a monthly list). Default: `{ [path]: value }`.
   */
  readonly apply?: (value: number) => Readonly<Record<string, JsonValue>>;
  /** Lower end of the range (OAT: the low point; Morris: level 0). */
  readonly low: number;
  /** Upper end of the range (OAT: the high point; Morris: the last level). */
  readonly high: number;
  /** OAT only: the value at the baseline point; default: the model's own (nothing set). */
  readonly baseline?: number;
  /** Whole numbers only (a fleet, a server count): Morris levels are rounded to the nearest integer. */
  readonly integer?: boolean;
  /** Human-readable name for charts; default the factor id. */
  readonly label?: string;
  /** Unit of the values, for charts and docs (e.g. `vessels`, `h`, `0-1`). */
  readonly unit?: string;
}

/** Factors by id. Ids (letters, digits, `_`, `-`; 1-40 characters) appear in scenario ids and sensitivity.csv. */
export type SensitivityFactors = Readonly<Record<string, SensitivityFactor>>;

/** Factor ids: safe inside scenario ids and CSV cells. */
export const FACTOR_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Checked factors in declaration order. @throws RangeError naming the factor and what is wrong. */
export function checkFactors(caller: string, factors: SensitivityFactors): [string, SensitivityFactor][] {
  const entries = Object.entries(factors);
  if (entries.length === 0) throw new RangeError(`${caller}: needs at least one factor`);
  for (const [id, f] of entries) {
    const where = `${caller}: factor "${id}"`;
    if (!FACTOR_ID_PATTERN.test(id)) throw new RangeError(`${where}: the id must be letters, digits, _ and - (first a letter or digit, at most 40 characters)`);
    if ((f.path === undefined) === (f.apply === undefined)) throw new RangeError(`${where}: give exactly one of path (a dotted model path) or apply (value -> overrides)`);
    if (!(Number.isFinite(f.low) && Number.isFinite(f.high) && f.low < f.high)) throw new RangeError(`${where}: needs finite low < high, got [${f.low}, ${f.high}]`);
    if (f.integer === true && !(Number.isInteger(f.low) && Number.isInteger(f.high))) throw new RangeError(`${where}: an integer factor needs integer low and high, got [${f.low}, ${f.high}]`);
    if (f.baseline !== undefined && !Number.isFinite(f.baseline)) throw new RangeError(`${where}: baseline must be a finite number, got ${f.baseline}`);
  }
  return entries;
}

/** The overrides that put factor `f` at `value`. */
export function factorOverrides(f: SensitivityFactor, value: number): Readonly<Record<string, JsonValue>> {
  if (f.apply !== undefined) return f.apply(value);
  return { [f.path as string]: value };
}

/** A factor's value at grid level `level` of `levels` (0 = low, levels - 1 = high); integer factors rounded. */
export function levelValue(f: SensitivityFactor, level: number, levels: number): number {
  const value = f.low + (level / (levels - 1)) * (f.high - f.low);
  return f.integer === true ? Math.round(value) : value;
}

/** The plain-data description of a factor kept in the run's plan (run.json, manifest.json). */
export function factorInfo(id: string, f: SensitivityFactor): FactorInfo {
  return {
    id,
    path: f.path ?? null,
    label: f.label ?? id,
    unit: f.unit ?? '',
    low: f.low,
    high: f.high,
    baseline: f.baseline ?? null,
    integer: f.integer === true,
  };
}

/** A number as it may appear in a scenario id (`0.25`, `1e-7`, `-3`). */
export function valueText(value: number): string {
  return String(value).replace(/[^A-Za-z0-9_.+-]+/g, '-');
}
