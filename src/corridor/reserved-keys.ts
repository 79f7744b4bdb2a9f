/**
 * Keys that could reach an object's prototype (`__proto__`, `constructor`, `prototype`) are
 * refused anywhere in a model or overlay file, before validation: zod drops a `__proto__` key
 * without a word, so a node of that name would vanish silently, and an overlay could otherwise
 * write into a prototype. Ids are checked by their pattern (schema-parts.ts `id`); this covers
 * every key, including free-form mappings and the keys inside distribution specs.
 */
import type { ErrorCollector, PathSegment } from './model-error.ts';
import { RESERVED_NAMES } from './schema-parts.ts';

/** What a reserved key or path segment should be instead, in words. */
export const RESERVED_EXPECTED = 'a name other than __proto__, constructor or prototype (reserved in JavaScript)';

/** True if `name` is one of the reserved names. */
export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.includes(name);
}

/** Record an error for every reserved key in `data` (parsed YAML), at its path. */
export function recordReservedKeys(data: unknown, errors: ErrorCollector, path: PathSegment[] = []): void {
  if (Array.isArray(data)) {
    data.forEach((item, i) => recordReservedKeys(item, errors, [...path, i]));
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  for (const key of Object.keys(data)) {
    const value: unknown = (data as Record<string, unknown>)[key];
    if (isReservedName(key)) errors.add([...path, key], value, RESERVED_EXPECTED, `reserved key "${key}"`);
    else recordReservedKeys(value, errors, [...path, key]);
  }
}
