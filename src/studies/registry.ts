/**
 * The studies `corridor-sim study <name>` runs (and `reproduce` re-runs from a manifest's
 * `study` record). A study is here, not in experiments/ as an experiment file, because it
 * solves route-choice equilibria before its final runs; experiments/<name>.ts are its wrappers.
 */
import { SENSITIVITY_TARIFF_STUDY } from './sensitivity-tariff/index.ts';
import type { StudyDefinition } from './study-definition.ts';
import { SUEZ_CLOSURE_STUDY } from './suez-closure/index.ts';
import { TARIFF_SHIFT_STUDY } from './tariff-shift/study.ts';

/** Every study, in the order `list` shows them. */
export const STUDIES: readonly StudyDefinition[] = [TARIFF_SHIFT_STUDY, SENSITIVITY_TARIFF_STUDY, SUEZ_CLOSURE_STUDY];

/** The study called `name` in `registry`, or undefined. */
export function findStudy(name: string, registry: readonly StudyDefinition[] = STUDIES): StudyDefinition | undefined {
  return registry.find((s) => s.name === name);
}
