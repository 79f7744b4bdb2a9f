/**
 * What a sensitivity design returns: its scenarios (ready for `defineExperiment`) carrying the
 * plain-data layout that says which scenario is which design point.
 */
import type { JsonValue, ScenarioInput } from '../define-experiment.ts';
import type { SweepBase } from '../sweep.ts';
import type { SensitivityLayout } from './plan.ts';

/** A design's scenarios, with its layout attached as `layout` (a plain array otherwise). */
export type DesignScenarios<L extends SensitivityLayout = SensitivityLayout> = ScenarioInput[] & { readonly layout: L };

/** Attach `layout` to `scenarios` (non-enumerable, so spreading or JSON keeps only the scenarios). */
export function withLayout<L extends SensitivityLayout>(scenarios: ScenarioInput[], layout: L): DesignScenarios<L> {
  Object.defineProperty(scenarios, 'layout', { value: layout, enumerable: false });
  return scenarios as DesignScenarios<L>;
}

/** A scenario of a design: the base's model, overlays and removals; its `set` on top of the base's. */
export function designScenario(id: string, set: Readonly<Record<string, JsonValue>>, base: SweepBase | undefined): ScenarioInput {
  return {
    id,
    ...(base?.model !== undefined ? { model: base.model } : {}),
    ...(base?.overlays !== undefined ? { overlays: base.overlays } : {}),
    ...(base?.remove !== undefined ? { remove: base.remove } : {}),
    set: { ...base?.set, ...set },
  };
}
