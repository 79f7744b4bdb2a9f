/**
 * The schema of a validation targets file (models/validation/targets.yaml): the scenarios the
 * model is run in, the published figures it is checked against (each quoting its row of the
 * data sheet, ../shared/corridor-data.md), and the sheet rows considered and not used, with the
 * reason. Strict: an unknown key is an error (a typo must not silently drop a field).
 */
import { z } from 'zod';

/** Scenario and target ids: letters, digits and `. _ = + -` (as experiment scenario ids). */
const ID = /^[A-Za-z0-9._=+-]+$/;
const id = z.string().regex(ID, 'letters, digits and . _ = + -');
const text = z.string().min(1);

/** A row of the data sheet, quoted. */
export const sheetRowSchema = z.strictObject({
  /** Section number and title, e.g. `1.1 Containers on the corridor (TEU)`. */
  section: text,
  /** The row's quantity column. */
  quantity: text,
  /** The value as the sheet gives it (text, so `~1,000` or `3–4 days` stay as written). */
  value: text,
  /** The row's year column. */
  year: text.optional(),
  /** The row's source column. */
  source: text.optional(),
  /** The sheet's trust grade: Q quoted, E estimate, A anecdotal. */
  grade: z.enum(['Q', 'E', 'A', 'Q (ratio E)']).optional(),
});

/** A scenario: a base model and overlays, paths relative to the targets file. */
export const targetScenarioSchema = z.strictObject({
  description: text.optional(),
  model: text,
  overlays: z.array(text).optional(),
});

/** One published figure the model is checked against. */
export const targetSchema = z.strictObject({
  id,
  /** output: the model predicts it; input-reproduced: the model takes it as an input (shown, not counted). */
  classification: z.enum(['output', 'input-reproduced']),
  /** Why it is an output or an input (cite the model file's comment where it is an input). */
  reason: text,
  sheet: sheetRowSchema.extend({ source: text, grade: z.enum(['Q', 'E', 'A', 'Q (ratio E)']) }),
  /** A scenario id from `scenarios`. */
  scenario: id,
  model: z.strictObject({
    /** Metrics and arithmetic, see src/validation/expression.ts. */
    expression: text,
    /** Unit of the expression's value; must equal `published.unit`. */
    unit: text,
    note: text.optional(),
  }),
  published: z.strictObject({
    low: z.number(),
    high: z.number(),
    unit: text,
    /** How the sheet's value became [low, high] (the tolerance convention, unit conversions). */
    note: text,
  }),
});

/** A sheet row looked at and not made a target, with the reason. */
export const consideredSchema = z.strictObject({
  sheet: sheetRowSchema,
  decision: z.enum(['input', 'no-metric', 'out-of-scope', 'other-period', 'duplicate', 'plan', 'qualitative']),
  reason: text,
});

/** The whole file. */
export const targetsFileSchema = z.strictObject({
  title: text,
  /** The data sheet the rows are quoted from (documentation only). */
  sheet: text.optional(),
  /** How published values become ranges, and what inside/outside means (documentation). */
  conventions: text.optional(),
  scenarios: z.record(id, targetScenarioSchema),
  targets: z.array(targetSchema).min(1),
  considered: z.array(consideredSchema).optional(),
});

/** A parsed targets file, as written (paths not yet resolved). */
export type TargetsFileData = z.infer<typeof targetsFileSchema>;
/** One target as written. */
export type TargetData = z.infer<typeof targetSchema>;
/** A quoted sheet row. */
export type SheetRow = z.infer<typeof sheetRowSchema>;
