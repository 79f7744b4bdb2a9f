/**
 * Parameter sweeps as scenario lists: a full factorial `grid` and a `latinHypercube` sample.
 * Parameters are dotted model paths (`legs.caspian-feeder-aktau-alat.fleet.vessels`); each
 * scenario's `set` holds its values, on top of an optional common `base` (model, overlays).
 */
import { createStream, type Seed } from '../random/index.ts';
import type { JsonValue, ScenarioInput } from './define-experiment.ts';

/** What every generated scenario shares. */
export interface SweepBase {
  readonly model?: string | URL;
  readonly overlays?: readonly (string | URL)[];
  /** Overrides applied before the swept values. */
  readonly set?: Readonly<Record<string, JsonValue>>;
  readonly remove?: readonly string[];
}

/** Options of `grid`. */
export interface GridOptions {
  readonly base?: SweepBase;
  /** The scenario id of one point; default `label=value` pairs joined by `_` (e.g. `vessels=8_loadFactor=0.85`). */
  readonly id?: (values: Readonly<Record<string, JsonValue>>, index: number) => string;
}

/**
 * Every combination of the parameter values, the first parameter varying slowest (as nested loops
 * in the order written). `grid({ a: [1, 2], b: [10, 20] })` gives a=1 b=10, a=1 b=20, a=2 b=10, a=2 b=20.
 */
export function grid(params: Readonly<Record<string, readonly JsonValue[]>>, options: GridOptions = {}): ScenarioInput[] {
  const names = Object.keys(params);
  if (names.length === 0) throw new RangeError('grid: needs at least one parameter');
  for (const name of names) {
    if ((params[name] ?? []).length === 0) throw new RangeError(`grid: parameter "${name}" has no values`);
  }
  const labels = shortLabels(names);
  const points: Record<string, JsonValue>[] = [{}];
  for (const name of names) {
    const next: Record<string, JsonValue>[] = [];
    for (const point of points) for (const value of params[name] ?? []) next.push({ ...point, [name]: value });
    points.splice(0, points.length, ...next);
  }
  return points.map((values, index) => {
    const id = options.id?.(values, index) ?? names.map((name, i) => `${labels[i] ?? name}=${idText(values[name] ?? null)}`).join('_');
    return scenarioOnBase(id, values, options.base);
  });
}

/** A parameter range of a Latin hypercube: `[min, max]`, or with `integer: true` whole numbers min..max. */
export type LatinRange = readonly [number, number] | { readonly min: number; readonly max: number; readonly integer?: boolean };

/** Options of `latinHypercube`. */
export interface LatinHypercubeOptions {
  readonly base?: SweepBase;
  /** Scenario ids are `<prefix>01`, `<prefix>02`, ... (default `lhs-`). */
  readonly prefix?: string;
}

/**
 * A Latin hypercube sample of `n` points: each parameter's range is cut into `n` equal strata and
 * every stratum is used exactly once, in a random order per parameter, at a uniform position
 * inside it. Reproducible from `seed`; each parameter draws from its own named stream, so adding
 * a parameter does not change the values of the others.
 */
export function latinHypercube(params: Readonly<Record<string, LatinRange>>, n: number, seed: Seed, options: LatinHypercubeOptions = {}): ScenarioInput[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be an integer >= 1, got ${n}`);
  const names = Object.keys(params);
  if (names.length === 0) throw new RangeError('latinHypercube: needs at least one parameter');
  const columns = names.map((name) => {
    const spec = params[name] as LatinRange;
    const { min, max, integer = false } = Array.isArray(spec) ? { min: spec[0], max: spec[1] } : (spec as Exclude<LatinRange, readonly [number, number]>);
    if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) throw new RangeError(`latinHypercube: parameter "${name}" needs finite min <= max, got [${min}, ${max}]`);
    if (integer && !(Number.isInteger(min) && Number.isInteger(max))) throw new RangeError(`latinHypercube: integer parameter "${name}" needs integer bounds, got [${min}, ${max}]`);
    const stream = createStream(seed, `latin-hypercube/${name}`);
    const strata = Array.from({ length: n }, (_, k) => k);
    for (let i = n - 1; i > 0; i--) {
      // Fisher-Yates: stream.next() is in (0, 1), so j is in 0..i.
      const j = Math.floor(stream.next() * (i + 1));
      [strata[i], strata[j]] = [strata[j] as number, strata[i] as number];
    }
    return strata.map((k) => {
      const u = (k + stream.next()) / n;
      // Integers: strata over [min, max + 1), floored, so every whole number gets its share.
      return integer ? Math.min(max, Math.floor(min + u * (max + 1 - min))) : min + u * (max - min);
    });
  });
  const prefix = options.prefix ?? 'lhs-';
  const width = String(n).length;
  return Array.from({ length: n }, (_, i) => {
    const values: Record<string, JsonValue> = {};
    names.forEach((name, p) => {
      values[name] = columns[p]?.[i] ?? null;
    });
    return scenarioOnBase(`${prefix}${String(i + 1).padStart(Math.max(2, width), '0')}`, values, options.base);
  });
}

/** A scenario of a sweep or design: the base's model, overlays and removals; `values` set on top of the base's `set`. */
export function scenarioOnBase(id: string, values: Readonly<Record<string, JsonValue>>, base: SweepBase | undefined): ScenarioInput {
  return {
    id,
    ...(base?.model !== undefined ? { model: base.model } : {}),
    ...(base?.overlays !== undefined ? { overlays: base.overlays } : {}),
    ...(base?.remove !== undefined ? { remove: base.remove } : {}),
    set: { ...base?.set, ...values },
  };
}

/** For each dotted path, its shortest trailing part that no other path ends with. */
export function shortLabels(names: readonly string[]): string[] {
  const parts = names.map((name) => name.replace(/\[(\d+)\]/g, '.$1').split('.'));
  return parts.map((segments, i) => {
    for (let take = 1; take <= segments.length; take++) {
      const label = segments.slice(-take).join('.');
      const clash = parts.some((other, j) => j !== i && other.slice(-take).join('.') === label);
      if (!clash) return idText(label);
    }
    return idText(segments.join('.'));
  });
}

/** A value as it may appear in a scenario id: each run of characters outside `A-Za-z0-9_.+-` becomes one `-`. */
function idText(value: JsonValue): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[^A-Za-z0-9_.+-]+/g, '-').replace(/^-+|-+$/g, '');
}
