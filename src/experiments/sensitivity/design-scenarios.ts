/**
 * What a sensitivity design returns: its scenarios (ready for `defineExperiment`) carrying the
 * plain-data layout that says which scenario is which design point.
 */
import type { ScenarioInput } from '../define-experiment.ts';
import type { SensitivityLayout } from './plan.ts';

/** A design's scenarios, with its layout attached as `layout` (a plain array otherwise). */
export type DesignScenarios<L extends SensitivityLayout = SensitivityLayout> = ScenarioInput[] & { readonly layout: L };

/** Attach `layout` to `scenarios` (non-enumerable, so spreading or JSON keeps only the scenarios). */
export function withLayout<L extends SensitivityLayout>(scenarios: ScenarioInput[], layout: L): DesignScenarios<L> {
  Object.defineProperty(scenarios, 'layout', { value: layout, enumerable: false });
  return scenarios as DesignScenarios<L>;
}
