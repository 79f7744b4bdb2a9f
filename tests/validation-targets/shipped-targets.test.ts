/**
 * The shipped targets file loads, every target names metrics the shipped model produces in its
 * scenario (metric names from one short replication, as the runner makes them), and every sheet
 * row quoted is a row of the data sheet.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMetricNames, DEFAULT_TARGETS_FILE, loadTargets, metricNames, scenarioMetricNames, validationExperiment } from '../../src/validation/index.ts';
import { root } from './helpers.ts';

describe('models/validation/targets.yaml', () => {
  const targets = loadTargets(path.join(root, DEFAULT_TARGETS_FILE));

  it('names only metrics that the shipped model produces in each scenario', () => {
    const names = scenarioMetricNames(validationExperiment(targets), 24);
    expect(() => checkMetricNames(targets, names)).not.toThrow();
    for (const t of targets.targets) for (const m of metricNames(t.expression)) expect(names.get(t.scenario)?.has(m), `${t.id}: ${m}`).toBe(true);
  }, 30_000);

  it('has outputs and input-reproduced figures, each with a reason, in the baseline and 2025 scenarios', () => {
    expect(targets.scenarios.map((s) => s.id)).toEqual(['baseline-2024', 'demand-2025']);
    expect(targets.targets.filter((t) => t.classification === 'output').length).toBeGreaterThanOrEqual(5);
    expect(targets.targets.filter((t) => t.classification === 'input-reproduced').length).toBeGreaterThanOrEqual(5);
    // The Northern time is calibrated by construction: never counted as validation.
    expect(targets.targets.find((t) => t.id === 'northern-xian-malaszewicze')?.classification).toBe('input-reproduced');
    for (const t of targets.targets) expect(t.reason.length, t.id).toBeGreaterThan(20);
    expect(targets.considered).toBeGreaterThan(20);
  });

  it('quotes rows of the data sheet (quantity and source as written there), when the sheet is beside the project', () => {
    const sheet = path.join(root, '..', 'shared', 'corridor-data.md');
    if (!existsSync(sheet)) return;
    const text = readFileSync(sheet, 'utf8');
    for (const t of targets.targets) {
      const row = text.split('\n').find((line) => line.startsWith(`| ${t.sheet.quantity} |`));
      expect(row, `${t.id}: no sheet row "${t.sheet.quantity}"`).toBeDefined();
      expect(row?.endsWith(`| ${t.sheet.grade} |`), `${t.id}: grade`).toBe(true);
    }
  });
});
