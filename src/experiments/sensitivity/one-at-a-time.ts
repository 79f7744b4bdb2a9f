/**
 * One-at-a-time (OAT) design: a baseline point, then each factor moved to its low and to its
 * high end with every other factor at its baseline. 1 + 2k scenarios for k factors; run under
 * common random numbers, each end minus the baseline (and high minus low) is a paired difference.
 */
import type { JsonValue } from '../define-experiment.ts';
import { scenarioOnBase, type SweepBase } from '../sweep.ts';
import { withLayout, type DesignScenarios } from './design-scenarios.ts';
import { checkFactors, factorInfo, factorOverrides, valueText, type SensitivityFactors } from './factors.ts';
import type { OatLayout } from './plan.ts';

/** Options of `oneAtATime`. */
export interface OneAtATimeOptions {
  /** What every point shares (model, overlays, set, remove). */
  readonly base?: SweepBase;
  /** Id of the baseline point (default `baseline`). */
  readonly baselineId?: string;
}

/**
 * The OAT design of `factors`. Scenario ids: `baseline`, then per factor in declaration order
 * `<factor>-low=<value>` and `<factor>-high=<value>` (e.g. `feeder-vessels-low=4`).
 * A factor's baseline is its `baseline` value if given, else the model's own value (not set).
 * @throws RangeError on a bad factor (see `checkFactors`).
 */
export function oneAtATime(factors: SensitivityFactors, options: OneAtATimeOptions = {}): DesignScenarios<OatLayout> {
  const entries = checkFactors('oneAtATime', factors);
  const baselineId = options.baselineId ?? 'baseline';
  const baselineSet: Record<string, JsonValue> = {};
  for (const [, f] of entries) if (f.baseline !== undefined) Object.assign(baselineSet, factorOverrides(f, f.baseline));
  const scenarios = [scenarioOnBase(baselineId, baselineSet, options.base)];
  const ends = entries.map(([id, f]) => {
    const low = `${id}-low=${valueText(f.low)}`;
    const high = `${id}-high=${valueText(f.high)}`;
    scenarios.push(scenarioOnBase(low, { ...baselineSet, ...factorOverrides(f, f.low) }, options.base));
    scenarios.push(scenarioOnBase(high, { ...baselineSet, ...factorOverrides(f, f.high) }, options.base));
    return { factor: id, low, high };
  });
  return withLayout(scenarios, { method: 'oat', factors: entries.map(([id, f]) => factorInfo(id, f)), baseline: baselineId, ends });
}
