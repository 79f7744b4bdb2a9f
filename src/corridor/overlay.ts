/**
 * Applying an overlay's `set` and `remove` to the raw (not yet validated) data of its base, so
 * that a scenario varies a calibrated model without copying it:
 *
 *     overlay: caspian-10-vessels
 *     title: Ten feeder vessels on the Caspian
 *     base: middle-corridor.yaml
 *     set: { legs.caspian-feeder.fleet.vessels: 10 }
 *     remove: [routes.northern]
 *
 * Paths are dotted (`demand.0.volume` or `demand[0].volume` for list items). `set` replaces
 * the value at its path (whole values, no merging), first; then `remove` deletes its paths, all
 * resolved before any is deleted so that removing `demand.0` and `demand.1` means the first two.
 * Every step but the last must exist: `set` may add a key to an existing mapping (or append at
 * index = length of a list), but never into a missing one, so a typo such as
 * `legs.caspain-feeder.fleet.vessels` fails and names the nearest existing keys instead of
 * quietly adding a leg. The merged result is validated as a whole model afterwards.
 */
import type { OverlayFile } from './schema.ts';
import { type ErrorCollector, nearest, type PathSegment, renderPath } from './model-error.ts';
import { isReservedName, RESERVED_EXPECTED } from './reserved-keys.ts';

/** One applied `set` entry: the model path it resolved to and its key as written in the overlay. */
export interface AppliedSet {
  readonly path: readonly PathSegment[];
  readonly text: string;
}

/** The merged data and the `set` entries applied (to blame errors under them on the overlay). */
export interface AppliedOverlay {
  readonly data: unknown;
  readonly sets: readonly AppliedSet[];
}

/** A resolved place in the data: the container and the key or index in it, and its full path. */
interface Target {
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string | number;
  readonly path: readonly PathSegment[];
  readonly exists: boolean;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** `a[0].b` and `a.0.b` as the same segments, all strings (the data decides what is an index). */
function splitPath(text: string): string[] {
  return text.replace(/\[(\d+)\]/g, '.$1').split('.');
}

/** The entries of a container, by key, as strings. */
function keysOf(container: Container): string[] {
  return Array.isArray(container) ? container.map((_, i) => String(i)) : Object.keys(container);
}

/**
 * Resolve dotted `text` in `data` for `op`; on failure record an error at the overlay entry `at`
 * and return undefined.
 */
function resolve(data: unknown, text: string, op: 'set' | 'remove', errors: ErrorCollector, at: PathSegment[]): Target | undefined {
  const parts = splitPath(text);
  const reported = parts as PathSegment[];
  if (parts.some((part) => part === '')) {
    // Reported at the overlay entry (`remove[0]`): a path with an empty step names no field.
    errors.add(at, text, 'a dotted path such as legs.caspian-feeder.fleet.vessels', undefined, at);
    return undefined;
  }
  const reserved = parts.find(isReservedName);
  if (reserved !== undefined) {
    errors.add(reported, text, `a path whose every step is ${RESERVED_EXPECTED}`, `"${text}", with step "${reserved}"`, at);
    return undefined;
  }
  let container = data;
  const path: PathSegment[] = [];
  for (const [i, part] of parts.entries()) {
    const where = path.length === 0 ? 'the top level' : renderPath(path);
    if (!isContainer(container)) {
      errors.add(reported, text, `a path through mappings and lists, but ${where} holds a plain value`, undefined, at);
      return undefined;
    }
    const isIndex = Array.isArray(container) && /^\d+$/.test(part);
    if (Array.isArray(container) && !isIndex) {
      errors.add(reported, part, `an item number 0..${container.length - 1} of the list ${where}`, `"${part}"`, at);
      return undefined;
    }
    const key: string | number = isIndex ? Number(part) : part;
    const exists = Object.hasOwn(container, key);
    const last = i === parts.length - 1;
    if (last && (exists || (op === 'set' && (!Array.isArray(container) || key === container.length)))) {
      return { container, key, path: [...path, key], exists };
    }
    if (!exists) {
      const candidates = keysOf(container);
      const close = nearest(part, candidates, 3).map((k) => `"${k}"`).join(', ');
      const why = last ? `an existing key of ${where} to remove` : `an existing key of ${where} (${op} cannot create missing parents)`;
      const expected = candidates.length === 0 ? `${why}, but ${where} is empty` : `${why}; nearest: ${close}`;
      errors.add(reported, part, expected, `"${part}", which is not in ${where}`, at);
      return undefined;
    }
    path.push(key);
    container = (container as Record<PathSegment, unknown>)[key];
  }
  return undefined;
}

/**
 * Apply `overlay` to a copy of `base` (the base is not changed). Errors are recorded in `errors`
 * at the overlay's own entries (`set.<path>` / `remove[i]`); the caller throws them.
 */
export function applyOverlay(base: unknown, overlay: Pick<OverlayFile, 'set' | 'remove'>, errors: ErrorCollector): AppliedOverlay {
  const data: unknown = structuredClone(base);
  const sets: AppliedSet[] = [];
  for (const [text, value] of Object.entries(overlay.set)) {
    const target = resolve(data, text, 'set', errors, ['set', text]);
    if (target === undefined) continue;
    (target.container as Record<PathSegment, unknown>)[target.key] = structuredClone(value);
    sets.push({ path: target.path, text });
  }
  const removals: Target[] = [];
  overlay.remove.forEach((text, i) => {
    const target = resolve(data, text, 'remove', errors, ['remove', i]);
    const duplicate = removals.some((r) => r.container === target?.container && r.key === target.key);
    if (target !== undefined && !duplicate) removals.push(target);
  });
  // List items go last-first so that the indices of the others still point where they did.
  removals.sort((a, b) => (typeof b.key === 'number' ? b.key : -1) - (typeof a.key === 'number' ? a.key : -1));
  for (const { container, key } of removals) {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  }
  return { data, sets };
}
