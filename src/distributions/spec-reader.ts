/**
 * Typed access to the parameters of one `{ "dist": ... }` object from a model file, with errors
 * that name the full path of the offending value (`legs.caspian.sailing.cv`).
 */
import type { Distribution } from './distribution.ts';
import type { CdfPoint } from './empirical-cdf.ts';
import { describeValue, DistributionError } from './errors.ts';
import type { MixtureComponent } from './mixture.ts';

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the parameters of one distribution spec found at `path`. */
export class SpecReader {
  /**
   * @param kind the spec's `dist`, for messages
   * @param path where the spec is in the model file, e.g. `legs.caspian.sailing`
   * @param spec the spec object itself
   */
  constructor(
    readonly kind: string,
    readonly path: string,
    private readonly spec: Readonly<Record<string, unknown>>,
  ) {}

  /** The path of parameter `key` of this spec. */
  pathOf(key: string): string {
    return `${this.path}.${key}`;
  }

  /** An error about parameter `key` (or the spec itself when `key` is empty). */
  error(key: string, reason: string): DistributionError {
    return new DistributionError(key === '' ? this.path : this.pathOf(key), reason);
  }

  /** Whether the spec gives parameter `key` at all. */
  has(key: string): boolean {
    return Object.hasOwn(this.spec, key);
  }

  /** Reject any key that is neither `dist` nor one of `allowed`, naming the allowed ones. */
  rejectUnknownKeys(allowed: readonly string[]): void {
    for (const key of Object.keys(this.spec)) {
      if (key !== 'dist' && !allowed.includes(key)) {
        throw this.error(key, `is not a parameter of ${this.kind}; expected ${allowed.map((k) => `"${k}"`).join(', ')}`);
      }
    }
  }

  /** Reject a spec that mixes two parameterisations, e.g. lognormal's (mu, sigma) and (mean, cv). */
  rejectMixedForms(first: readonly string[], second: readonly string[]): void {
    const a = first.find((key) => this.has(key));
    const b = second.find((key) => this.has(key));
    if (a !== undefined && b !== undefined) {
      const form = (keys: readonly string[]): string => keys.map((k) => `"${k}"`).join(' and ');
      throw this.error(b, `cannot be combined with "${a}": ${this.kind} takes either ${form(first)} or ${form(second)}`);
    }
  }

  /** Required parameter `key`, a finite number. */
  number(key: string): number {
    if (!this.has(key)) throw this.error(key, `is missing: ${this.kind} needs it (a finite number)`);
    return this.checkNumber(this.pathOf(key), this.spec[key]);
  }

  /** Optional parameter `key`, a finite number, or `fallback` when the spec leaves it out. */
  optionalNumber(key: string, fallback: number): number {
    return this.has(key) ? this.number(key) : fallback;
  }

  /** Required parameter `key`, an array (elements unchecked). */
  array(key: string): readonly unknown[] {
    if (!this.has(key)) throw this.error(key, `is missing: ${this.kind} needs it (an array)`);
    const value = this.spec[key];
    if (!Array.isArray(value)) throw this.error(key, `must be an array, got ${describeValue(value)}`);
    return value;
  }

  /** Required parameter `key`, an array of finite numbers. */
  numberArray(key: string): number[] {
    return this.array(key).map((value, i) => this.checkNumber(`${this.pathOf(key)}[${i}]`, value));
  }

  /** `value` if it is a finite number, else an error at `path`. */
  checkNumber(path: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new DistributionError(path, `must be a finite number, got ${describeValue(value)}`);
    }
    return value;
  }

  /**
   * Call a factory, moving its errors (whose path is a parameter name) under this spec's path so
   * that `lognormal: "cv" must be …` becomes `legs.caspian.sailing.cv: must be …`.
   */
  build<T>(factory: () => T): T {
    try {
      return factory();
    } catch (error) {
      if (error instanceof DistributionError) throw this.error(error.path, error.reason);
      throw error;
    }
  }
}

/** Each `{"x": x, "p": p}` point of parameter `key` of an empiricalCdf spec. */
export function readCdfPoints(spec: SpecReader, key: string): CdfPoint[] {
  return spec.array(key).map((point, i) => {
    const path = `${spec.pathOf(key)}[${i}]`;
    if (!isPlainObject(point)) {
      throw new DistributionError(path, `must be an {"x", "p"} object, got ${describeValue(point)}`);
    }
    const reader = new SpecReader('a CDF point', path, point);
    reader.rejectUnknownKeys(['x', 'p']);
    return { x: reader.number('x'), p: reader.number('p') };
  });
}

/**
 * Each `{"weight": w, "dist": {...}}` component of parameter `key` of a mixture spec, with the
 * nested distribution built by `parse` (the spec parser itself, passed in to avoid an import cycle).
 */
export function readMixtureComponents(
  spec: SpecReader,
  key: string,
  parse: (nested: unknown, path: string) => Distribution,
): MixtureComponent[] {
  return spec.array(key).map((component, i) => {
    const path = `${spec.pathOf(key)}[${i}]`;
    if (!isPlainObject(component)) {
      throw new DistributionError(path, `must be a {"weight", "dist"} object, got ${describeValue(component)}`);
    }
    const reader = new SpecReader('a mixture component', path, component);
    reader.rejectUnknownKeys(['weight', 'dist']);
    if (!reader.has('dist')) throw reader.error('dist', 'is missing: a mixture component needs it');
    return { weight: reader.number('weight'), dist: parse(component['dist'], reader.pathOf('dist')) };
  });
}
