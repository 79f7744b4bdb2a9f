/**
 * The corridor-sim command as a researcher types it (a child process per call): version, exit
 * codes for usage errors, validate on a good and a bad model, list, and report's refusals.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../experiments/cli-helpers.ts';

const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

describe.concurrent('corridor-sim', () => {
  it('prints package.json version with --version and -V, exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await cli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(pkg.version);
    }
  });

  it('exits 2 on an unknown option, an unknown command, a missing argument and no command at all', async () => {
    const cases = [
      { args: ['validate', 'models/middle-corridor.yaml', '--bogus'], message: "error: unknown option '--bogus'" },
      { args: ['frobnicate'], message: "error: unknown command 'frobnicate'" },
      { args: ['report'], message: "error: missing required argument 'run-dir'" },
      { args: ['run', 'experiments/caspian-capacity.ts', '--bogus'], message: "error: unknown option '--bogus'" },
      { args: [], message: 'Usage: corridor-sim' },
    ];
    const results = await Promise.all(cases.map((c) => cli(c.args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i]?.args.join(' ')).toBe(2);
      expect(result.stderr).toContain(cases[i]?.message);
    });
  });

  it('validates a model and prints its network, exit 0', async () => {
    const result = await cli(['validate', 'models/middle-corridor.yaml', '--overlay', 'models/overlays/more-caspian-vessels.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('valid: models/middle-corridor.yaml + models/overlays/more-caspian-vessels.yaml');
    expect(result.stdout).toMatch(/Nodes: 20 \(12 terminals, 8 yards\)/);
    expect(result.stdout).toMatch(/caspian-feeder-aktau-alat\s+ferry\s+aktau -> alat\s+12 vessels x 100 FEU/);
    expect(result.stdout).toMatch(/Routes: 13; demand [\d,.]+ FEU\/week in all/);
    expect(result.stdout).toContain('kz-altynkol-mangystau: kz-khorgos-aktau, kz-khorgos-kuryk');
  });

  it('rejects a bad model with the loader message (file, line, path, value, expectation), exit 2, no stack trace', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-cli-'));
    const file = path.join(dir, 'typo.yaml');
    const text = readFileSync('tests/corridor/fixtures/small-corridor.yaml', 'utf8').replace('fleet: { vessels: 3 }', 'fleet: { vesels: 3 }');
    writeFileSync(file, text.replace('$schema=../../../models/corridor-model.schema.json', ''));
    const result = await cli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/typo\.yaml:\d+:\d+: legs\.caspian\.fleet\.vesels: got unknown key "vesels".*did you mean "vessels"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('lists the shipped models with titles, overlays with their base, and experiments with their first sentence', async () => {
    const result = await cli(['list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/models\/middle-corridor\.yaml\s+Middle Corridor \(TITR\)/);
    expect(result.stdout).toMatch(/models\/overlays\/baku-phase-2\.yaml\s+Port of Baku \(Alat\) phase 2 - 500,000 TEU\/yr \(on models\/middle-corridor\.yaml\)/);
    expect(result.stdout).toMatch(/experiments\/caspian-capacity\.ts\s+Caspian capacity: does the Middle Corridor gain more from six more Aktau-Baku feeders, from Baku \(Alat\) port phase 2, or only from both\?\n/);
  });

  it('refuses to report on a folder that is not a finished run, exit 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-cli-'));
    const result = await cli(['report', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`corridor-sim: ${dir}: not a run folder (no manifest.json)\n`);
  });
});
