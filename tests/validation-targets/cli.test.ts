/**
 * `corridor-sim validate-model` end to end on the small corridor with a tiny targets file (2
 * replications, 20 measured days): the table, validation.csv, the run's usual files and the report
 * section; and exit 2 with file and line for a bad targets file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/report/html.ts';
import { validationSection, VALIDATION_COLUMNS } from '../../src/validation/index.ts';
import { cli, tempRoot } from '../experiments/cli-helpers.ts';
import { tinyTargetsText, writeTargets } from './helpers.ts';

describe('corridor-sim validate-model', () => {
  it('runs the targets, prints the verdicts, writes validation.csv beside the usual files, exit 0 with a figure outside', async () => {
    const targets = writeTargets(tinyTargetsText());
    const out = tempRoot();
    const result = await cli(['validate-model', '--targets', targets, '--replications', '2', '--workers', '1', '--warmup', '5', '--horizon', '20', '--out', out, '--run-id', 't1', '--no-progress']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Outputs \(validation\): 1 inside, 0 outside/);
    expect(result.stdout).toMatch(/middle-volume\s+base\s+4,000–14,000\s+[\d,]+ \[-?[\d,]+, [\d,]+\]\s+TEU\/yr\s+INSIDE\s+2/);
    expect(result.stdout).toMatch(/Inputs reproduced \(not validation\): 0 inside, 1 outside/);
    expect(result.stdout).toMatch(/middle-transit-impossible\s+base\s+0–0\.04\s+.*\s+d\s+OUTSIDE\s+2/);

    const runDir = path.join(out, 'validate-model', 't1');
    for (const f of ['run.json', 'journal.ndjson', 'summary.csv', 'replications.csv', 'manifest.json', 'validation.csv', 'validation-targets.yaml']) {
      expect(existsSync(path.join(runDir, f)), f).toBe(true);
    }
    const lines = readFileSync(path.join(runDir, 'validation.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe(VALIDATION_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, 2 rows, final CRLF
    const row = (lines[1] ?? '').split(',');
    expect(row.slice(0, 3)).toEqual(['middle-volume', 'output', 'base']);
    expect(row[3]).toBe('§1.1 Middle volume: about 84 (a test) [Q]');
    expect(row.slice(4, 7)).toEqual(['4000', '14000', 'TEU/yr']);
    // The model's mean is the mean of the delivered volume in summary.csv, converted.
    const summary = readFileSync(path.join(runDir, 'summary.csv'), 'utf8').split('\r\n').find((l) => l.startsWith('base,route.middle.feu_per_week,'));
    const feuPerWeek = Number(summary?.split(',')[3]);
    expect(Number(row[7])).toBeCloseTo(feuPerWeek * 2 * 52.14, 6);
    expect(row.slice(10)).toEqual(['TEU/yr', 'inside', '2']);
    expect((lines[2] ?? '').split(',').slice(10)).toEqual(['d', 'outside', '2']);

    // The report's section: outputs and inputs apart, verdicts as classes.
    const section = validationSection(runDir) ?? '';
    expect(section).toContain('Validation against published figures');
    expect(section.indexOf('middle-volume')).toBeLessThan(section.indexOf('Inputs reproduced'));
    expect(section.indexOf('middle-transit-impossible')).toBeGreaterThan(section.indexOf('Inputs reproduced'));
    expect(section).toMatch(/<tr class="inside"><td>middle-volume<\/td>/);
    expect(section).toMatch(/<tr class="outside"><td>middle-transit-impossible<\/td>/);
    const page = reportHtml({ title: 't', description: null, facts: [], charts: [], notes: [], baseline: 'base', comparison: [], validation: section });
    expect(page).toContain('<a href="#validation">Validation against published figures</a>');
    expect(page).toContain('<section id="validation">');
    expect(validationSection(tempRoot())).toBeNull();
  }, 60_000);

  it('rejects a bad targets file with file, line, field and value, exit 2, nothing written', async () => {
    const targets = writeTargets(tinyTargetsText().replace('route.middle.feu_per_week * 2', 'route.midle.feu_per_week * 2'));
    const out = tempRoot();
    const result = await cli(['validate-model', '--targets', targets, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${targets}:6:5: targets[0].model.expression: got metric "route.midle.feu_per_week", expected a metric of scenario "base"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, 'validate-model'))).toBe(false);
    const bad = await cli(['validate-model', '--targets', targets, '--replications', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('option --replications: got "0", expected an integer >= 1');
  }, 30_000);
});
