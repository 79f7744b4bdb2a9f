/**
 * The zod schemas of model and overlay files seen from outside: as JSON Schema for editors
 * (written to `models/*.schema.json` by `scripts/write-json-schema.ts`), and read back at a path
 * so that zod's validation issues become ModelErrors that say in words what a field should hold.
 */
import { z } from 'zod';
import { modelSchema, overlaySchema } from './schema.ts';
import { describeValue } from '../distributions/errors.ts';
import { didYouMean, type ErrorCollector, nearest, type PathSegment, renderPath, valueAt } from './model-error.ts';

/** Where the generated JSON Schemas live, relative to the project root. */
export const JSON_SCHEMA_FILES = {
  model: 'models/corridor-model.schema.json',
  overlay: 'models/corridor-overlay.schema.json',
} as const;

type Schema = z.core.$ZodType;

/**
 * The JSON Schema of one file kind. Draft 7, because it is the draft the YAML editor plugins
 * support best; `io: 'input'` so that fields with defaults are optional, as they are in a file.
 */
function toJsonSchema(schema: Schema, title: string, description: string): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
  return { $schema, title, description, ...rest };
}

/** JSON Schema of a corridor model file (`models/<name>.yaml`). */
export function modelJsonSchema(): Record<string, unknown> {
  const about = 'A corridor-sim model: nodes, legs, routes and demand, with explicit units. Generated from src/corridor/schema.ts.';
  return toJsonSchema(modelSchema, 'corridor-sim model file', about);
}

/** JSON Schema of an overlay file (a variation of a base model by dotted-path `set` and `remove`). */
export function overlayJsonSchema(): Record<string, unknown> {
  const about = 'A corridor-sim overlay: `base` model file plus `set`/`remove` by dotted path. Generated from src/corridor/schema.ts.';
  return toJsonSchema(overlaySchema, 'corridor-sim overlay file', about);
}

/** The text written to a schema file: two-space JSON with a final newline (stable for diffs). */
export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** True for a JSON object (not null, not an array). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `schema` without `.optional()` / `.default()` wrappers. */
function unwrap(schema: Schema): Schema {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as Schema;
  return inner;
}

/**
 * The member of a union that `data` is meant to be: by the discriminator (`kind`, `policy`) when
 * there is one, else the object member whose keys include all of `data`'s; undefined if unclear.
 */
function unionMember(schema: Schema, data: unknown): Schema | undefined {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodUnion)) return inner;
  if (!isObject(data)) return undefined;
  const members = inner.options as readonly Schema[];
  const discriminator = (inner.def as { discriminator?: string }).discriminator;
  return members.find((member) => {
    if (!(member instanceof z.ZodObject)) return false;
    const shape = member.shape as Record<string, Schema>;
    if (discriminator !== undefined) return z.safeParse(shape[discriminator] ?? z.never(), data[discriminator]).success;
    return Object.keys(data).every((key) => Object.hasOwn(shape, key));
  });
}

/** The schema of the value at `path` in `data` (validated against `root`), or undefined. */
export function schemaAt(root: Schema, data: unknown, path: readonly PathSegment[]): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = data;
  for (const segment of path) {
    const inner: Schema | undefined = schema === undefined ? undefined : unionMember(schema, value);
    if (inner instanceof z.ZodObject) schema = (inner.shape as Record<string, Schema>)[String(segment)];
    else if (inner instanceof z.ZodRecord) schema = inner.valueType as Schema;
    else if (inner instanceof z.ZodArray) schema = inner.element as Schema;
    else return undefined;
    value = typeof value === 'object' && value !== null ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  }
  return schema;
}

/** The keys an object at `path` may have (members of a union resolved by the data), or []. */
export function keysAt(root: Schema, data: unknown, path: readonly PathSegment[]): string[] {
  const schema = schemaAt(root, data, path);
  let value = data;
  for (const segment of path) value = isObject(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  const member = schema === undefined ? undefined : unionMember(schema, value);
  return member instanceof z.ZodObject ? Object.keys(member.shape) : [];
}

/** A schema's own description (from `.describe()`), looking through optional/default wrappers. */
function descriptionOf(schema: Schema): string | undefined {
  let current: Schema = schema;
  for (;;) {
    const text = (current as { description?: string }).description;
    if (text !== undefined) return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
    if (!(current instanceof z.ZodOptional || current instanceof z.ZodDefault)) return undefined;
    current = current.unwrap() as Schema;
  }
}

/** What a value of `schema` looks like, in words: `a whole number`, `one of: hours, days`, … */
export function describeSchema(schema: Schema | undefined): string | undefined {
  if (schema === undefined) return undefined;
  const described = descriptionOf(schema);
  if (described !== undefined) return described;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return inner.isInt ? 'a whole number' : 'a number';
  if (inner instanceof z.ZodString) return 'a string';
  if (inner instanceof z.ZodBoolean) return 'true or false';
  if (inner instanceof z.ZodEnum) return `one of: ${inner.options.join(', ')}`;
  if (inner instanceof z.ZodLiteral) return [...inner.values].map((v) => JSON.stringify(v)).join(' or ');
  if (inner instanceof z.ZodArray) return 'a list';
  if (inner instanceof z.ZodRecord) return 'a mapping of ids to entries';
  if (inner instanceof z.ZodObject) return `a mapping with keys: ${Object.keys(inner.shape).join(', ')}`;
  if (inner instanceof z.ZodUnion) {
    const discriminator = (inner.def as { discriminator?: string }).discriminator;
    if (discriminator !== undefined) return `a mapping with a "${discriminator}" field`;
  }
  return undefined;
}

type Issue = z.core.$ZodIssue;

/** Words for zod's `expected` type names. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value lines or { ... })',
  array: 'a list',
  record: 'a mapping of ids to entries',
};

/** `a number > 0`, `a list of exactly 12 items`, … from a too_small / too_big issue. */
function boundWords(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, whole: boolean): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const operator = issue.exact === true ? 'exactly' : `${small ? '>' : '<'}${issue.inclusive === true ? '=' : ''}`;
  if (issue.origin === 'array') return `a list of ${issue.exact === true ? 'exactly' : small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return `a string of ${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'}`;
  return `${whole ? 'a whole number' : 'a number'} ${operator} ${limit}`;
}

/** A union branch that looks like what the author meant: all its complaints are inside the value. */
function nearMiss(branch: readonly Issue[], data: unknown, path: readonly PathSegment[]): boolean {
  return branch.every((issue) => {
    if (issue.path.length === 0) return false;
    return !(issue.code === 'invalid_type' && valueAt(data, [...path, ...issue.path.map(segmentOf)]) === undefined);
  });
}

function segmentOf(key: PropertyKey): PathSegment {
  return typeof key === 'number' ? key : String(key);
}

/**
 * Record each zod issue as a ModelError with its path, the bad value and the expectation in words.
 * `root` is the schema `data` was validated against (for allowed keys and descriptions).
 */
export function recordIssues(issues: readonly Issue[], root: z.core.$ZodType, data: unknown, errors: ErrorCollector, base: readonly PathSegment[] = []): void {
  // A typo such as `vesels` gives two issues: unknown "vesels" and missing "vessels". Only the first helps.
  const typoTargets = new Set<string>();
  const missing: { path: PathSegment[]; expected: string }[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map(segmentOf)];
    const value = valueAt(data, path);
    const schema = schemaAt(root, data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysAt(root, data, path);
        for (const key of issue.keys) {
          const hint = didYouMean(key, allowed);
          if (hint !== '') typoTargets.add(renderPath([...path, nearest(key, allowed, 1)[0] ?? '']));
          errors.add([...path, key], valueAt(data, [...path, key]), `one of: ${allowed.join(', ')}${hint}`, `unknown key "${key}"`);
        }
        break;
      }
      case 'invalid_type': {
        const words = describeSchema(schema) ?? TYPE_WORDS[issue.expected] ?? issue.expected;
        if (value === undefined) missing.push({ path, expected: words });
        else errors.add(path, value, words);
        break;
      }
      case 'too_small':
      case 'too_big': {
        const whole = describeSchema(schema) === 'a whole number';
        errors.add(path, value, boundWords(issue, whole));
        break;
      }
      case 'invalid_value':
        errors.add(path, value, issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of: ${issue.values.join(', ')}`);
        break;
      case 'invalid_key':
        errors.add(path, path[path.length - 1], issue.issues[0]?.message ?? 'a valid key', `key ${describeValue(path[path.length - 1])}`);
        break;
      case 'invalid_union': {
        if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
          const expected = `one of: ${issue.options.join(', ')}`;
          if (value === undefined) missing.push({ path, expected });
          else errors.add(path, value, expected);
          break;
        }
        const near = issue.errors.filter((branch) => nearMiss(branch, data, path));
        if (near.length === 1) recordIssues(near[0] as Issue[], root, data, errors, path);
        else errors.add(path, value, describeSchema(schema) ?? 'one of the allowed forms');
        break;
      }
      default:
        errors.add(path, value, issue.message);
    }
  }
  for (const { path, expected } of missing) {
    if (!typoTargets.has(renderPath(path))) errors.add(path, undefined, `${expected} (a required field)`, 'nothing');
  }
}
