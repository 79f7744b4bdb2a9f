/**
 * The sensitivity plan of an experiment: plain data (JSON) saying which scenario is which design
 * point, so that the analysis can run after the replications (in `assembleOutputs`, also after a
 * resume or a merge) and the report can label its charts. It is stored with the experiment in
 * run.json and manifest.json (field `sensitivity`).
 */
import { z } from 'zod';

/** A factor as recorded in the plan. Values in `unit`. */
export interface FactorInfo {
  readonly id: string;
  /** The dotted model path it sets, or null when it sets several (a computed override). */
  readonly path: string | null;
  readonly label: string;
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  /** OAT: the baseline point's value; null = the model's own value. */
  readonly baseline: number | null;
  readonly integer: boolean;
}

/** One factor's two OAT points (scenario ids). */
export interface OatEnds {
  readonly factor: string;
  readonly low: string;
  readonly high: string;
}

/** A one-at-a-time design: the baseline point, then each factor at its low and high end. */
export interface OatLayout {
  readonly method: 'oat';
  readonly factors: readonly FactorInfo[];
  /** Scenario id of the point with every factor at baseline. */
  readonly baseline: string;
  readonly ends: readonly OatEnds[];
}

/** One point of a Morris trajectory. */
export interface MorrisPoint {
  readonly scenario: string;
  /** Factor values in `factors` order (in each factor's unit, integer factors rounded). */
  readonly values: readonly number[];
  /** The factor moved from the previous point (null for a trajectory's first point). */
  readonly moved: string | null;
}

/** A Morris (1991) design: r trajectories of k + 1 points on a p-level grid. */
export interface MorrisLayout {
  readonly method: 'morris';
  readonly factors: readonly FactorInfo[];
  /** Grid levels p per factor (even). */
  readonly levels: number;
  /** Step Δ = p / (2 (p - 1)) as a fraction of each factor's range. */
  readonly delta: number;
  readonly trajectories: readonly { readonly points: readonly MorrisPoint[] }[];
}

/** Which design points a run has. */
export type SensitivityLayout = OatLayout | MorrisLayout;

/** What the analysis computes after the run: the layout, the output metrics, the Morris bootstrap. */
export type SensitivityPlan = SensitivityLayout & {
  /** Metric names (exact, e.g. `mode.middle-corridor.feu_per_week`) analysed. */
  readonly outputs: readonly string[];
  /** Morris: bootstrap resamples over trajectories for the μ* interval, and their seed. */
  readonly bootstrap?: { readonly resamples: number; readonly seed: number | string };
};

const finite = z.number().refine(Number.isFinite, { error: 'a finite number' });
const factorSchema = z.strictObject({
  id: z.string().min(1),
  path: z.string().min(1).nullable(),
  label: z.string(),
  unit: z.string(),
  low: finite,
  high: finite,
  baseline: finite.nullable(),
  integer: z.boolean(),
});
const outputs = z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/, { error: 'a metric name such as mode.middle-corridor.feu_per_week' })).min(1, { error: 'at least one output metric' });

/** The zod schema of a plan (part of the experiment schema). */
export const sensitivityPlanSchema = z.union(
  [
    z.strictObject({
      method: z.literal('oat'),
      factors: z.array(factorSchema).min(1),
      baseline: z.string().min(1),
      ends: z.array(z.strictObject({ factor: z.string(), low: z.string(), high: z.string() })).min(1),
      outputs,
    }),
    z.strictObject({
      method: z.literal('morris'),
      factors: z.array(factorSchema).min(1),
      levels: z.int().min(2),
      delta: finite,
      trajectories: z.array(z.strictObject({ points: z.array(z.strictObject({ scenario: z.string(), values: z.array(finite), moved: z.string().nullable() })).min(2) })).min(1),
      outputs,
      bootstrap: z.strictObject({ resamples: z.int().min(1), seed: z.union([z.int(), z.string().min(1)]) }).optional(),
    }),
  ],
  { error: 'a sensitivity plan (from defineSensitivity, oneAtATime or morrisDesign)' },
);

/** Every scenario id the plan refers to. */
export function planScenarioIds(plan: SensitivityLayout): string[] {
  if (plan.method === 'oat') return [plan.baseline, ...plan.ends.flatMap((e) => [e.low, e.high])];
  return plan.trajectories.flatMap((t) => t.points.map((p) => p.scenario));
}
