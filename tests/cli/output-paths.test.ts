/**
 * Output paths (issue 12): every command that writes refuses a path it cannot write, in one line
 * naming the path and the problem, with exit code 2 and before any simulation starts; and no
 * output lands outside its root, even from a hand-edited run.json read by merge. The CLI runs in
 * this process (see in-process.ts), one call after another; one case runs as a real child process.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, withOverrides } from '../../src/experiments/index.ts';
import tiny from '../experiments/fixtures/tiny.ts';
import { cli, tempRoot, TINY } from '../experiments/cli-helpers.ts';
import { cliInProcess } from './in-process.ts';

const MODEL = 'tests/corridor/fixtures/small-corridor.yaml';
const isRoot = process.getuid?.() === 0;

let tmp: string;
let runDir: string;

beforeAll(async () => {
  tmp = tempRoot();
  const run = await runExperiment(withOverrides(tiny, { replications: 1 }), { out: path.join(tmp, 'results'), runId: 'done', workers: 1, experimentFile: TINY });
  expect(run.status).toBe('complete');
  runDir = run.runDir ?? '';
  writeFileSync(path.join(tmp, 'file'), 'not a folder\n');
  mkdirSync(path.join(tmp, 'dir'));
}, 120_000);

/** Exit 2 with exactly one line on stderr that contains every one of `parts`, and no stack trace. */
function expectOneLine(result: { code: number | null; stderr: string }, parts: readonly string[], label: string): void {
  expect(result.code, `${label}\n${result.stderr}`).toBe(2);
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  expect(lines, label).toHaveLength(1);
  for (const part of parts) expect(lines[0], label).toContain(part);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('output paths', () => {
  it('each command refuses a path it cannot write: one line, exit 2, nothing run or written', async () => {
    const file = path.join(tmp, 'file');
    const dir = path.join(tmp, 'dir');
    const missing = path.join(tmp, 'no-such-folder');
    const reportIsFile = path.join(tmp, 'report-is-file');
    cpSync(runDir, reportIsFile, { recursive: true });
    writeFileSync(path.join(reportIsFile, 'report'), '');
    const cases: { args: string[]; parts: string[] }[] = [
      { args: ['run', TINY, '--out', path.join(file, 'x')], parts: ['option --out', `${file} is a file, not a folder`] },
      { args: ['run', TINY, '--out', file], parts: ['option --out', `${file} is a file, not a folder`] },
      { args: ['simulate', MODEL, '--days', '1', '--journey-log', dir], parts: ['option --journey-log', dir, 'is a folder, expected a file name'] },
      { args: ['simulate', MODEL, '--days', '1', '--journey-log', path.join(missing, 'j.csv')], parts: ['option --journey-log', `folder ${missing} does not exist`] },
      { args: ['trace', TINY, '--scenario', 'base', '--replication', '0', '--events', dir], parts: ['option --events', dir, 'is a folder'] },
      { args: ['trace', TINY, '--scenario', 'base', '--replication', '0', '--journey-log', path.join(missing, 'j.csv')], parts: ['option --journey-log', `folder ${missing} does not exist`] },
      { args: ['report', runDir, '--out', file], parts: ['option --out', `${file} is a file, not a folder`] },
      { args: ['report', reportIsFile], parts: ['report folder', path.join(reportIsFile, 'report'), 'exists and is not a folder'] },
      { args: ['merge', runDir, '--out', file], parts: ['option --out', `${file} is a file, not a folder`] },
      { args: ['slurm', TINY, '--shards', '1', '--out', file], parts: ['option --out', `${file} is a file, not a folder`] },
      { args: ['validate-model', '--out', file], parts: ['option --out', `${file} is a file, not a folder`] },
      { args: ['reproduce', path.join(runDir, 'manifest.json'), '--out', file], parts: ['option --out', `${file}: exists and is not a folder`] },
    ];
    for (const c of cases) expectOneLine(await cliInProcess(c.args), c.parts, c.args.join(' '));
    // And once as the command a researcher types, in its own process.
    expectOneLine(await cli(['run', TINY, '--out', file]), ['option --out', `${file} is a file, not a folder`], 'child process');
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(reportIsFile)).not.toContain('report.html');
  });

  it.skipIf(isRoot)('refuses a read-only results folder and a read-only run folder to resume', async () => {
    const readOnly = path.join(tmp, 'read-only');
    mkdirSync(readOnly);
    const frozen = path.join(tmp, 'frozen');
    cpSync(runDir, frozen, { recursive: true });
    chmodSync(readOnly, 0o555);
    chmodSync(frozen, 0o555);
    try {
      const run = await cliInProcess(['run', TINY, '--out', readOnly]);
      const resume = await cliInProcess(['run', TINY, '--resume', frozen]);
      expectOneLine(run, ['option --out', `folder ${readOnly} is not writable`], 'run --out read-only');
      expectOneLine(resume, ['option --resume', 'is not writable'], 'run --resume read-only');
    } finally {
      chmodSync(readOnly, 0o755);
      chmodSync(frozen, 0o755);
    }
  });

  it('merge refuses a run.json whose experiment name would lead outside --out', async () => {
    const crafted = path.join(tmp, 'crafted');
    cpSync(runDir, crafted, { recursive: true });
    const runJson = path.join(crafted, 'run.json');
    const info = JSON.parse(readFileSync(runJson, 'utf8')) as { experiment: { name: string } };
    info.experiment.name = '../..';
    writeFileSync(runJson, JSON.stringify(info));
    const root = path.join(tmp, 'a', 'b', 'out');
    mkdirSync(root, { recursive: true });
    const result = await cliInProcess(['merge', crafted, '--out', root, '--run-id', 'm']);
    expectOneLine(result, [runJson, 'experiment.name: got "../.."'], 'merge ../..');
    expect(readdirSync(path.join(tmp, 'a'))).toEqual(['b']);
    expect(readdirSync(root)).toEqual([]);
  });
});
