/**
 * The study registry and `corridor-sim study`: a fake study (the tiny experiment behind the
 * study interface) runs through the command's code, its manifest records the study and its
 * options, and reproduce re-runs it from the record byte for byte; list offers experiments
 * apart from studies; `run` on a study script names the study command. The real flagship in its
 * test-only configuration (about 25 s, plus as much for its reproduction) runs only with
 * CORRIDOR_SIM_SLOW_TESTS=1, to keep the suite's time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executeStudy } from '../../src/cli/study-command.ts';
import { runExperiment } from '../../src/experiments/index.ts';
import type { StudyRecord } from '../../src/experiments/outputs.ts';
import { reproduceRun, type StudyRerun } from '../../src/experiments/reproduce.ts';
import { STUDIES } from '../../src/studies/registry.ts';
import { studyOptionsOf, studyRecord, type StudyDefinition } from '../../src/studies/study-definition.ts';
import { root, tempRoot, TINY } from '../experiments/cli-helpers.ts';
import tiny from '../experiments/fixtures/tiny.ts';
import { cliInProcess } from '../cli/in-process.ts';

const tmp = tempRoot();
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A study without an equilibrium: the tiny experiment, its replications and seed from the options. */
const fake: StudyDefinition = {
  name: 'fake',
  title: 'a fake study',
  script: 'tests/experiments/fixtures/tiny.ts',
  async run(options, context) {
    const run = await runExperiment(tiny, {
      replications: options.replications ?? 2,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(context.out !== undefined ? { out: context.out } : {}),
      ...(context.runId !== undefined ? { runId: context.runId } : {}),
      workers: 2,
      study: studyRecord('fake', options),
    });
    return { run, answer: ['the answer'], notes: [`wrote ${run.runDir ?? ''}`] };
  },
};

describe('study registry', () => {
  it('records the study and its options in the manifest, and reproduce re-runs it from the record', async () => {
    let written = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => ((written += chunk.toString()), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await executeStudy(fake, { replications: '2', seed: '9', out: tmp, runId: 's', progress: false }, ['test']);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    expect(written).toContain('the answer');
    const dir = path.join(tmp, 'tiny', 's');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { study: StudyRecord };
    expect(manifest.study).toEqual({ name: 'fake', options: { replications: 2, seed: 9 } });
    expect(studyOptionsOf(manifest.study)).toEqual({ replications: 2, seed: 9 });
    const rerun: StudyRerun = async (record, context) => (await fake.run(studyOptionsOf(record), { out: context.out, commandLine: [], log: () => undefined, resolve: context.resolve })).run;
    const result = await reproduceRun({ manifestFile: dir, rerunStudy: rerun });
    expect(result.notes).toEqual([]);
    expect(result.identical).toBe(true);
  });

  it('list offers only experiment files under Experiments and the studies apart; run refuses a study script', async () => {
    expect(STUDIES.map((s) => s.name)).toEqual(['tariff-shift', 'sensitivity-tariff', 'suez-closure']);
    const list = await cliInProcess(['list']);
    expect(list.code, list.stderr).toBe(0);
    const [experiments, studies] = list.stdout.split('Studies (corridor-sim study <name>):');
    expect(experiments).toContain('experiments/caspian-capacity.ts');
    expect(experiments).not.toMatch(/tariff-shift|suez-closure|sensitivity-tariff/);
    for (const s of STUDIES) expect(studies).toContain(s.name);
    const run = await cliInProcess(['run', 'experiments/tariff-shift.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('corridor-sim study tariff-shift');
    const unknown = await cliInProcess(['study', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('expected one of tariff-shift, sensitivity-tariff, suez-closure');
    expect(TINY).toBe(fake.script);
  });

  it.runIf(process.env.CORRIDOR_SIM_SLOW_TESTS === '1')('corridor-sim study tariff-shift --test-config, then reproduce on a moved copy from another folder (slow)', () => {
    const cli = path.join(root, 'bin', 'corridor-sim.mjs');
    execFileSync(process.execPath, [cli, 'study', 'tariff-shift', '--test-config', '--out', tmp, '--run-id', 'flagship', '--workers', '2', '--quiet'], { cwd: root, stdio: 'pipe' });
    const moved = path.join(tmp, 'moved');
    cpSync(path.join(tmp, 'tariff-shift-test', 'flagship'), moved, { recursive: true });
    const out = execFileSync(process.execPath, [cli, 'reproduce', moved, '--workers', '2', '--quiet'], { cwd: tmp, encoding: 'utf8' });
    expect(out).toContain('equilibrium.csv');
    expect(out).toContain('reproduced: every output is byte-identical');
  }, 300_000);
});
