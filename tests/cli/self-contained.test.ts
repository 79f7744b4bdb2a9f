/**
 * Self-contained run folders: the model and overlays a run used are copied into inputs/, the
 * manifest records them, the lockfile digest and whether the tree was dirty; a copy of the folder
 * elsewhere is reported and reproduced from another current folder; the outputs stay
 * byte-identical whatever the worker count.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputs, root, tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { cliInProcess } from './in-process.ts';

const tmp = tempRoot();
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Manifest {
  inputs: { path: string; copy: string; sha256: string }[];
  gitDirty: boolean | null;
  dependencies: { lockfile: string; sha256: string | null };
  experiment: { scenarios: { model: string }[] };
}

describe('self-contained run folders', () => {
  it('copies the inputs and records them, the lockfile digest and the dirty flag; report and reproduce work on a moved copy from another folder', async () => {
    for (const workers of ['1', '2']) {
      const run = await cliInProcess(['run', TINY, '--replications', '2', '--horizon-days', '20', '--out', tmp, '--run-id', `w${workers}`, '--workers', workers, '--quiet']);
      expect(run.code, run.stderr).toBe(0);
    }
    const dir = path.join(tmp, 'tiny', 'w1');
    expect(outputs(path.join(tmp, 'tiny', 'w2'))).toEqual(outputs(dir));
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.inputs).toEqual([{ path: 'tests/corridor/fixtures/small-corridor.yaml', copy: 'inputs/tests/corridor/fixtures/small-corridor.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string }]);
    // The experiment keeps the path the run used (the fingerprint covers it); inputs maps it to the copy.
    expect(manifest.experiment.scenarios[0]?.model).toBe('tests/corridor/fixtures/small-corridor.yaml');
    expect(readFileSync(path.join(dir, 'inputs/tests/corridor/fixtures/small-corridor.yaml'), 'utf8')).toBe(readFileSync(path.join(root, 'tests/corridor/fixtures/small-corridor.yaml'), 'utf8'));
    expect(manifest.dependencies.sha256).toBe(createHash('sha256').update(readFileSync(path.join(root, 'package-lock.json'))).digest('hex'));
    expect([true, false, null]).toContain(manifest.gitDirty);

    const moved = path.join(tmp, 'elsewhere', 'run');
    cpSync(dir, moved, { recursive: true });
    const cli = path.join(root, 'bin', 'corridor-sim.mjs');
    const elsewhere = path.join(tmp, 'elsewhere');
    execFileSync(process.execPath, [cli, 'report', 'run', '--quiet'], { cwd: elsewhere, stdio: 'pipe' });
    expect(existsSync(path.join(moved, 'report.html'))).toBe(true);
    const reproduced = execFileSync(process.execPath, [cli, 'reproduce', 'run', '--workers', '2', '--quiet'], { cwd: elsewhere, encoding: 'utf8' });
    expect(reproduced).toContain('reproduced: every output is byte-identical');
  });
});
