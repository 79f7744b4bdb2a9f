/**
 * The zod schema of an experiment definition, and the translation of zod's issues into messages
 * that name the field, show the value and say what was expected:
 * `replications: got 0, expected an integer >= 1`.
 */
import { z } from 'zod';
import { didYouMean } from '../corridor/model-error.ts';
import { describeValue } from '../distributions/errors.ts';
import { fieldPath } from './experiment-error.ts';
import { sensitivityPlanSchema } from './sensitivity/plan.ts';

/** Scenario ids: safe in CSV (never quoted), file names and shell arguments. */
export const SCENARIO_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.=+-]{0,119}$/;
/** Experiment names: a folder name under results/. */
export const EXPERIMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
/** Metric patterns: metric-name characters plus `*` (within a dotted part) and `**` (across). */
export const METRIC_PATTERN_PATTERN = /^[A-Za-z0-9_.*-]+$/;

/** A value that `set` may assign: plain JSON (so scenarios can be sent to worker threads). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const json: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)], {
    error: 'plain data (a number, string, boolean, null, array or object)',
  }),
);

const filePath = z.union([z.string().min(1), z.instanceof(URL)], { error: 'a file path (a non-empty string) or a file URL' });

const scenarioId = z
  .string({ error: 'a scenario id (a string)' })
  .regex(SCENARIO_ID_PATTERN, { error: 'a scenario id of letters, digits and . _ = + - (first a letter or digit, at most 120 characters)' });

const scenarioSchema = z.strictObject(
  {
    id: scenarioId,
    model: filePath.optional(),
    overlays: z.array(filePath, { error: 'a list of overlay files' }).optional(),
    set: z.record(z.string().min(1, { error: 'a dotted model path' }), json, { error: 'an object of dotted model path -> value' }).optional(),
    remove: z.array(z.string().min(1, { error: 'a dotted model path' }), { error: 'a list of dotted model paths' }).optional(),
  },
  { error: 'a scenario { id, model?, overlays?, set?, remove? }' },
);

const amount = (what: string): z.ZodNumber => z.number({ error: `a number of ${what} >= 0` }).min(0, { error: `a number of ${what} >= 0` });
const durationSchema = z.union([z.strictObject({ days: amount('days') }), z.strictObject({ hours: amount('hours') })], {
  error: 'a duration: { days: n } or { hours: n }, n >= 0',
});

/** The schema of `defineExperiment`'s argument. */
export const experimentSchema = z.strictObject(
  {
    name: z
      .string({ error: 'a name (a string)' })
      .regex(EXPERIMENT_NAME_PATTERN, { error: 'a name of letters, digits and . _ - (first a letter or digit, at most 80 characters): it names the results folder' }),
    description: z.string({ error: 'a string' }).optional(),
    model: filePath.optional(),
    scenarios: z.array(scenarioSchema, { error: 'a list of scenarios' }).min(1, { error: 'at least one scenario' }),
    baseline: scenarioId.optional(),
    replications: z.int({ error: 'an integer >= 1' }).min(1, { error: 'an integer >= 1' }).max(1_000_000, { error: 'at most 1,000,000 replications' }),
    warmup: z.union([durationSchema, z.literal('auto')], { error: "a duration: { days: n } or { hours: n }, n >= 0, or 'auto'" }),
    horizon: durationSchema,
    seed: z.union([z.int(), z.string().min(1)], { error: 'a seed: an integer or a non-empty string' }),
    metrics: z
      .array(z.string().regex(METRIC_PATTERN_PATTERN, { error: 'a metric name pattern such as "route.*.transit_mean_h" or "stage.**"' }), {
        error: 'a list of metric name patterns',
      })
      .min(1, { error: 'at least one pattern (leave metrics out to report all)' })
      .optional(),
    // Replications to a precision (output-analysis/precision-spec.ts checks the values' grammar).
    precision: z
      .strictObject(
        {
          target: z.union([z.number(), z.string()], { error: "a fraction of the mean (0.05) or a target such as '5%' or '2d'" }),
          metrics: z.array(z.string(), { error: 'a list of metric names or patterns' }).min(1, { error: 'at least one metric (leave metrics out for the default)' }).optional(),
          maxReplications: z.int({ error: 'an integer >= 2' }).optional(),
          batch: z.int({ error: 'an integer >= 1' }).optional(),
        },
        { error: 'a precision { target, metrics?, maxReplications?, batch? }' },
      )
      .optional(),
    // Written by defineSensitivity (src/experiments/sensitivity): which scenario is which design point.
    sensitivity: sensitivityPlanSchema.optional(),
  },
  { error: 'an experiment definition object' },
);

const KEYS: Record<string, readonly string[]> = {
  top: Object.keys(experimentSchema.shape),
  scenario: Object.keys(scenarioSchema.shape),
  duration: ['days', 'hours'],
  precision: ['target', 'metrics', 'maxReplications', 'batch'],
};

/** The keys allowed at `path` (for "did you mean"). */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return KEYS.top ?? [];
  if (path[0] === 'scenarios' && path.length === 2) return KEYS.scenario ?? [];
  if (path[0] === 'precision') return KEYS.precision ?? [];
  return KEYS.duration ?? [];
}

/** The value at `path` in `root`, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** One message line per zod issue, naming the field, the value and what was expected. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const where = fieldPath(issue.path);
    const prefix = where === '' ? '' : `${where}: `;
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(issue.path);
      return issue.keys
        .map((key) => `${where === '' ? '' : `${where}: `}got unknown key "${key}", expected one of: ${allowed.join(', ')}${didYouMean(key, allowed)}`)
        .join('\n');
    }
    const value = valueAt(input, issue.path);
    // zod's own wording ("Invalid input: ...") stays as is; ours reads as what was expected.
    if (/^Invalid|^Unrecognized/.test(issue.message)) return `${prefix}${issue.message} (got ${describeValue(value)})`;
    return `${prefix}got ${describeValue(value)}, expected ${issue.message}`;
  });
}
