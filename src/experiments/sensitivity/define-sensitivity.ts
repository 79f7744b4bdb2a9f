/**
 * `defineSensitivity`: an experiment whose scenarios are a sensitivity design (one-at-a-time or
 * Morris) over named model inputs, and whose run also writes sensitivity.csv (the analysis of
 * the chosen outputs). It returns an ordinary Experiment, so `runIfMain`, `corridor-sim run`,
 * resume, shards, merge and reproduce work as for any experiment file:
 *
 *     const experiment = defineSensitivity({
 *       name: 'my-sensitivity', model: 'models/middle-corridor.yaml',
 *       replications: 5, warmup: { days: 60 }, horizon: { days: 365 }, seed: 2025,
 *       sensitivity: {
 *         method: 'oat',
 *         factors: { 'feeder-vessels': { path: 'legs.caspian-feeder-aktau-alat.fleet.vessels', low: 4, high: 8, integer: true, unit: 'vessels' } },
 *         outputs: ['mode.middle-corridor.feu_per_week'],
 *       },
 *     });
 *     export default experiment;
 *     await runIfMain(import.meta.url, experiment);
 */
import type { Seed } from '../../random/index.ts';
import { defineExperiment, type Experiment, type ExperimentInput, type ScenarioInput } from '../define-experiment.ts';
import type { SweepBase } from '../sweep.ts';
import type { SensitivityFactors } from './factors.ts';
import { morrisDesign } from './morris-design.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { SensitivityPlan } from './plan.ts';

/** What the design shares with an ordinary sensitivity declaration. */
interface SensitivityCommon {
  /** The inputs varied, by factor id. */
  readonly factors: SensitivityFactors;
  /** Output metrics analysed: exact metric names (README, "Metrics"), e.g. `mode.middle-corridor.feu_per_week`. */
  readonly outputs: readonly string[];
  /** What every design point shares (overlays, fixed overrides). */
  readonly base?: SweepBase;
}

/** One-at-a-time: each factor to its low and high end, the others at baseline (1 + 2k scenarios). */
export interface OatDeclaration extends SensitivityCommon {
  readonly method: 'oat';
}

/** Morris elementary effects: r trajectories of k + 1 points ((k + 1) r scenarios). */
export interface MorrisDeclaration extends SensitivityCommon {
  readonly method: 'morris';
  /** Trajectories r (default 10). */
  readonly trajectories?: number;
  /** Grid levels p, even (default 4). */
  readonly levels?: number;
  /** Seed of the design and of the μ* bootstrap (default: the experiment's seed). */
  readonly seed?: Seed;
  /** Bootstrap resamples for the μ* interval (default 1000). */
  readonly resamples?: number;
}

/** The `sensitivity` field of `defineSensitivity`. */
export type SensitivityDeclaration = OatDeclaration | MorrisDeclaration;

/** `defineExperiment`'s input without scenarios (the design makes them), plus the declaration. */
export type SensitivityExperimentInput = Omit<ExperimentInput, 'scenarios' | 'baseline' | 'sensitivity'> & {
  readonly sensitivity: SensitivityDeclaration;
};

/**
 * Validate and return the experiment of a sensitivity design. If `metrics` is given, the outputs
 * are added to it (they must be recorded). Baseline: the OAT baseline point, or the first Morris point.
 * @throws ExperimentError (as defineExperiment) or RangeError on a bad factor or design option.
 */
export function defineSensitivity(input: SensitivityExperimentInput): Experiment {
  const { sensitivity, ...rest } = input;
  const base = sensitivity.base !== undefined ? { base: sensitivity.base } : {};
  const outputs = [...sensitivity.outputs];
  let plan: SensitivityPlan;
  let scenarios: ScenarioInput[];
  if (sensitivity.method === 'oat') {
    const design = oneAtATime(sensitivity.factors, base);
    plan = { ...design.layout, outputs };
    scenarios = [...design];
  } else {
    const seed = sensitivity.seed ?? input.seed;
    const design = morrisDesign(sensitivity.factors, { trajectories: sensitivity.trajectories ?? 10, levels: sensitivity.levels ?? 4, seed, ...base });
    plan = { ...design.layout, outputs, bootstrap: { resamples: sensitivity.resamples ?? 1000, seed } };
    scenarios = [...design];
  }
  const metrics = rest.metrics === undefined ? undefined : [...rest.metrics, ...sensitivity.outputs.filter((o) => !rest.metrics?.includes(o))];
  return defineExperiment({
    ...rest,
    ...(metrics !== undefined ? { metrics } : {}),
    scenarios,
    baseline: plan.method === 'oat' ? plan.baseline : (plan.trajectories[0]?.points[0]?.scenario ?? ''),
    sensitivity: plan,
  });
}
