/**
 * Prototype keys (issue 12): `__proto__`, `constructor` and `prototype` are refused as ids, as
 * any key of a model or overlay file and as any step of an overlay's `set` or `remove` path, each
 * with a ModelError naming the file, line and field; nothing reaches Object.prototype.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelError } from '../../src/corridor/model-error.ts';
import { modelErrorsOf as errorsOf } from './model-errors-of.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const good = readFileSync(fixture('small-corridor.yaml'), 'utf8');
const MODEL = fixture('proto.yaml');
const OVERLAY = fixture('overlay-proto.yaml');

/** The one error at `path`, with a line in `file`. */
function errorAt(errors: readonly ModelError[], path: string, file: string): ModelError {
  const error = errors.find((e) => e.path === path);
  expect(error, errors.map((e) => e.message).join('\n')).toBeDefined();
  expect(error?.file).toBe(file);
  expect(error?.line).toBeGreaterThan(0);
  return error as ModelError;
}

const RESERVED = ['__proto__', 'constructor', 'prototype'] as const;

describe('reserved names in a model file', () => {
  it.each(RESERVED)('a node named %s', (name) => {
    const errors = errorsOf(good.replace('  rotterdam:\n    kind: terminal', `  ${name}:\n    kind: terminal`), MODEL);
    const error = errorAt(errors, `nodes.${name}`, MODEL);
    expect(error.message).toMatch(/expected (a name other than __proto__, constructor or prototype|an id)/);
  });
  it.each(RESERVED)('a leg, a route and a weather driver named %s', (name) => {
    for (const [from, to, path] of [
      ['  suez-loop:\n    kind: sea', `  ${name}:\n    kind: sea`, `legs.${name}`],
      ['  suez:\n    name: Sea via Suez', `  ${name}:\n    name: Sea via Suez`, `routes.${name}`],
      ['weather:\n  caspian:', `weather:\n  ${name}:`, `weather.${name}`],
    ] as const) {
      errorAt(errorsOf(good.replace(from, to), MODEL), path, MODEL);
    }
  });
  it.each(RESERVED)('a demand id and a route stage of %s (string values)', (name) => {
    const demand = errorAt(errorsOf(good.replace('  - id: shanghai-rotterdam', `  - id: "${name}"`), MODEL), 'demand[1].id', MODEL);
    expect(demand.expected).toMatch(/__proto__, constructor and prototype|lower-case letters/);
    errorAt(errorsOf(good.replace('[shanghai, suez-loop, rotterdam]', `[shanghai, suez-loop, "${name}"]`), MODEL), 'routes.suez.stages[2]', MODEL);
  });
  it('a reserved key inside a distribution spec or a free-form mapping', () => {
    const spec = errorsOf(good.replace('value: 0.5, unit: hours', 'value: 0.5, unit: hours, __proto__: { mean: 3 }'), MODEL);
    expect(errorAt(spec, 'nodes.xian.handling.time.__proto__', MODEL).got).toBe('reserved key "__proto__"');
    const shares = errorsOf(good.replace('    route: suez\n', '    route: suez\n    shares: { constructor: 1 }\n'), MODEL);
    errorAt(shares, 'demand[1].shares.constructor', MODEL);
  });
});

describe('reserved names in an overlay', () => {
  const overlay = (body: string): string => `overlay: proto\ntitle: Prototype keys\nbase: small-corridor.yaml\n${body}`;

  it.each(['nodes.__proto__', 'nodes.__proto__.polluted', '__proto__.polluted', 'nodes.constructor', 'legs.caspian.prototype'])('set %s', (path) => {
    const errors = errorsOf(overlay(`set:\n  ${path}: { kind: terminal }\n`), OVERLAY);
    const error = errorAt(errors, path, OVERLAY);
    expect(error.line).toBe(5);
    expect(error.expected).toContain('a name other than __proto__, constructor or prototype');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'kind')).toBe(false);
  });
  it('remove of a reserved path', () => {
    errorAt(errorsOf(overlay('remove: [nodes.constructor]\n'), OVERLAY), 'nodes.constructor', OVERLAY);
  });
  it('a reserved key inside a set value', () => {
    const errors = errorsOf(overlay('set:\n  legs.caspian.fleet: { __proto__: { vessels: 9 } }\n'), OVERLAY);
    errorAt(errors, 'set.legs.caspian.fleet.__proto__', OVERLAY);
  });
});
