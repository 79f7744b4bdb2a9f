/**
 * Property-based fuzzing of the model loader and runtime (issue 12): mutate the shipped model and
 * the test fixtures (numbers to 0, negative, tiny, huge, NaN, Infinity; strings to reserved
 * names; keys removed, renamed to reserved names or duplicated; lists emptied) and check the
 * invariant "a model that validates must run": either the loader refuses it with ModelErrors
 * that name the file and the field of each problem, or a short simulation of it runs to its end,
 * within a budget of events and FEU in the system (a LimitError is a clean stop; any other
 * exception fails the test).
 *
 * Seeded, so a failure reproduces: fast-check prints the seed and the shrunk counterexample.
 * `npm test` runs a fixed, modest number of cases; more with e.g. `FUZZ_RUNS=2000` (and
 * `FUZZ_SEED=<n>` for another seed).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LimitError } from '../../src/corridor/limits.ts';
import { loadModelText } from '../../src/corridor/load-model.ts';
import { ModelErrors } from '../../src/corridor/model-error.ts';
import { runReplication } from '../../src/corridor/runtime/run-replication.ts';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_112);
/** Budget of one fuzzed replication: far below the defaults, so a runaway stops in well under a second. */
const BUDGET = { maxFeuInSystem: 20_000, maxEventsPerReplication: 400_000 };

/** A file to mutate: its path (overlays resolve `base` relative to it) and parsed data. */
interface Source {
  readonly file: string;
  readonly data: unknown;
  /** Paths to every value in the data (objects, lists and leaves), root excluded. */
  readonly paths: readonly (readonly (string | number)[])[];
}

function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

function source(file: string): Source {
  const data: unknown = parse(readFileSync(file, 'utf8'), { merge: true });
  return { file, data, paths: pathsOf(data) };
}

const SOURCES: readonly Source[] = [
  source('models/middle-corridor.yaml'),
  source(here('./fixtures/small-corridor.yaml')),
  source(here('./fixtures/overlay-fleet.yaml')),
  source(here('./fixtures/overlay-stacked.yaml')),
];

const NUMBERS = [0, -0, -1, -1e9, 1e-300, 5e-324, 0.5, 1e9, 1e308, -1e308, Number.NaN, Infinity, -Infinity];
const STRINGS = ['__proto__', 'constructor', 'prototype', '', 'x', '1e308'];

/** One edit at the path with index `at` (modulo the number of paths). */
type Mutation =
  | { readonly op: 'number'; readonly at: number; readonly value: number }
  | { readonly op: 'string'; readonly at: number; readonly value: string }
  | { readonly op: 'remove'; readonly at: number }
  | { readonly op: 'empty'; readonly at: number }
  | { readonly op: 'rename'; readonly at: number; readonly value: string }
  | { readonly op: 'duplicateLine'; readonly at: number };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('number' as const), at, value: fc.constantFrom(...NUMBERS) }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('string' as const), at, value: fc.constantFrom(...STRINGS) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), at }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('empty' as const), at }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('rename' as const), at, value: fc.constantFrom('__proto__', 'constructor', 'prototype') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), at }), weight: 1 },
);

type Container = Record<string | number, unknown>;

/** The container holding `path`'s value and its key there, in `data`. */
function parentOf(data: unknown, path: readonly (string | number)[]): { parent: Container; key: string | number } | undefined {
  let value = data;
  for (const segment of path.slice(0, -1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Container)[segment];
  }
  const key = path[path.length - 1];
  return typeof value === 'object' && value !== null && key !== undefined ? { parent: value as Container, key } : undefined;
}

/** Apply the data mutations to a copy of `src.data`; returns the YAML text (line edits last). */
function mutate(src: Source, mutations: readonly Mutation[]): string {
  const data: unknown = structuredClone(src.data);
  const lineEdits: number[] = [];
  for (const m of mutations) {
    if (m.op === 'duplicateLine') {
      lineEdits.push(m.at);
      continue;
    }
    const path = src.paths[m.at % src.paths.length] ?? [];
    const place = parentOf(data, path);
    if (place === undefined) continue;
    const { parent, key } = place;
    if (!Object.hasOwn(parent, key)) continue;
    if (m.op === 'number' || m.op === 'string') parent[key] = m.value;
    else if (m.op === 'empty') parent[key] = Array.isArray(parent[key]) ? [] : {};
    else if (m.op === 'remove') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
    } else if (m.op === 'rename' && !Array.isArray(parent)) {
      // defineProperty: an own `__proto__` key, as a YAML parser makes it (assignment would set the prototype).
      Object.defineProperty(parent, m.value, { value: parent[key], enumerable: true, writable: true, configurable: true });
      delete parent[key];
    }
  }
  const lines = stringify(data).split('\n');
  for (const line of lineEdits) {
    const i = line % lines.length;
    lines.splice(i, 0, lines[i] ?? '');
  }
  return lines.join('\n');
}

/** The invariant for one mutated file (see the header). */
function check(src: Source, mutations: readonly Mutation[], days: number): void {
  const text = mutate(src, mutations);
  let model;
  try {
    model = loadModelText(text, src.file);
  } catch (error) {
    if (!(error instanceof ModelErrors)) throw new Error(`the loader threw ${String(error)} instead of ModelErrors`, { cause: error });
    expect(error.errors.length).toBeGreaterThan(0);
    for (const e of error.errors) {
      // Each error names a file read, and the field (a path), unless it is about the whole file or its YAML.
      expect(e.file.endsWith('.yaml'), e.message).toBe(true);
      if (e.path === '') expect(e.expected, e.message).toMatch(/valid YAML|a model|a mapping|an overlay/);
      else expect(e.message).toContain(e.path);
    }
    return;
  }
  const own = model.limits;
  const limits = {
    maxFeuInSystem: Math.min(own?.maxFeuInSystem ?? Infinity, BUDGET.maxFeuInSystem),
    maxEventsPerReplication: Math.min(own?.maxEventsPerReplication ?? Infinity, BUDGET.maxEventsPerReplication),
  };
  try {
    const result = runReplication({ ...model, limits }, { seed: 'fuzz', warmupHours: 0, horizonHours: days * 24 });
    expect(result.events).toBeLessThanOrEqual(limits.maxEventsPerReplication);
    expect(Number.isFinite(result.containers.entered)).toBe(true);
  } catch (error) {
    if (error instanceof LimitError) {
      expect(error.message).not.toContain('\n');
      return;
    }
    throw new Error(`a model that loads failed to run: ${String(error)}`, { cause: error });
  }
}

describe('fuzzed models: refused with named fields, or run to their end', () => {
  it(`holds for ${RUNS} seeded cases (seed ${SEED}; FUZZ_RUNS / FUZZ_SEED for more)`, () => {
    const heapBefore = process.memoryUsage().heapUsed;
    fc.assert(
      fc.property(fc.nat(SOURCES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 7 }), (which, mutations, days) => {
        check(SOURCES[which] as Source, mutations, days);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The memory budget: the FEU limit bounds what a run may hold (about 1.5 kB per FEU).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(512 * 1024 * 1024);
  });
});
