/** Shared fixtures of the validation-target tests: a tiny targets file on the small test corridor. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project root. */
export const root = path.resolve(import.meta.dirname, '..', '..');
/** The small corridor model (absolute). */
export const SMALL_MODEL = path.join(root, 'tests', 'corridor', 'fixtures', 'small-corridor.yaml');

/**
 * A good targets file for the small corridor: one output whose range surely holds the model
 * (the middle route's delivered FEU/week: demand 8,760 TEU/yr = 84 FEU/week) and one whose range
 * surely does not (transit below one hour).
 */
export function tinyTargetsText(model = SMALL_MODEL): string {
  return `title: Tiny targets for tests
scenarios:
  base:
    model: ${JSON.stringify(model)}
targets:
  - id: middle-volume
    classification: output
    reason: test
    sheet: { section: "1.1 Test", quantity: "Middle volume", value: "about 84", source: "a test", grade: Q }
    scenario: base
    model:
      expression: "route.middle.feu_per_week * 2 * 52.14"
      unit: TEU/yr
    published: { low: 4000, high: 14000, unit: TEU/yr, note: "wide" }
  - id: middle-transit-impossible
    classification: input-reproduced
    reason: test
    sheet: { section: "2.1 Test", quantity: "Middle transit", value: "under an hour", source: "a test", grade: A }
    scenario: base
    model:
      expression: "route.middle.transit_mean_h / 24"
      unit: d
    published: { low: 0, high: 0.04, unit: d, note: "impossible" }
`;
}

/** Write `text` as targets.yaml in a new temporary folder; returns its path. */
export function writeTargets(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-targets-'));
  const file = path.join(dir, 'targets.yaml');
  writeFileSync(file, text);
  return file;
}
