/**
 * The CLI end to end, as the issue asks: workers 1 and 2, kill -9 then resume, Ctrl-C then
 * resume, and a failing replication all give the same files as one uninterrupted run.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/random/index.ts';
import { cli, journalLines, outputs, startCli, tempRoot, TINY, waitFor } from './cli-helpers.ts';

const REPS = ['--replications', '8'];
let out: string;
let reference: Record<string, string>;

beforeAll(async () => {
  out = tempRoot();
  const run = await cli(['run', TINY, ...REPS, '--workers', '2', '--out', out, '--run-id', 'reference']);
  expect(run.stderr).toContain('24 of 24 replications to run');
  expect(run.code).toBe(0);
  reference = outputs(path.join(out, 'tiny', 'reference'));
}, 120_000);

describe.concurrent('corridor-sim run', () => {
  it('writes identical files with 1 and with 2 workers', async () => {
    const run = await cli(['run', TINY, ...REPS, '--workers', '1', '--out', out, '--run-id', 'one-worker', '--no-progress']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${path.join(out, 'tiny', 'one-worker')}`);
    expect(outputs(path.join(out, 'tiny', 'one-worker'))).toEqual(reference);
    const manifest = JSON.parse(readFileSync(path.join(out, 'tiny', 'one-worker', 'manifest.json'), 'utf8')) as { outputs: { file: string; rows: number }[]; experiment: { seed: number } };
    expect(manifest.outputs.map((o) => o.file)).toEqual(['replications.csv', 'summary.csv', 'comparison.csv', 'series.csv', 'pairs.csv', 'best.csv']);
    expect(manifest.experiment.seed).toBe(42);
  });

  it('resumes after kill -9 (with a torn journal line) and writes identical files', async () => {
    const dir = path.join(out, 'tiny', 'killed');
    const { child, done } = startCli(['run', TINY, ...REPS, '--workers', '1', '--out', out, '--run-id', 'killed', '--no-progress']);
    await waitFor(() => journalLines(dir) >= 3);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const journaled = journalLines(dir);
    expect(journaled).toBeLessThan(24);
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(false);
    // As if the process died in the middle of writing a line.
    appendFileSync(path.join(dir, 'journal.ndjson'), '{"scenario":"base","replica');
    const resumed = await cli(['run', TINY, '--resume', dir, '--workers', '2', '--no-progress']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`${24 - journaled} of 24 replications to run (${journaled} already journaled)`);
    expect(outputs(dir)).toEqual(reference);
    expect(journalLines(dir)).toBe(24);
  });

  it('stops on Ctrl-C with exit 130, prints the resume command, and resumes to identical files', async () => {
    const dir = path.join(out, 'tiny', 'interrupted');
    const { child, done } = startCli(['run', TINY, ...REPS, '--workers', '2', '--out', out, '--run-id', 'interrupted', '--no-progress']);
    await waitFor(() => journalLines(dir) >= 2);
    child.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`continue with: corridor-sim run ${TINY} --resume ${dir}`);
    const resumed = await cli(['run', TINY, '--resume', dir, '--no-progress']);
    expect(resumed.code).toBe(0);
    expect(outputs(dir)).toEqual(reference);
  });

  it('reports a failing replication by scenario, index and seed, completes the others, exits 1, and resumes', async () => {
    const dir = path.join(out, 'tiny', 'failing');
    const run = await cli(['run', TINY, ...REPS, '--out', out, '--run-id', 'failing', '--no-progress'], { CORRIDOR_SIM_FAIL_REPLICATIONS: 'vessels=1/5' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`scenario vessels=1, replication 5, seed ${replicationSeed(42, 5)}: failure injected`);
    expect(run.stderr).toContain(`corridor-sim trace ${TINY} --scenario vessels=1 --replication 5`);
    expect(run.stderr).toContain(`--resume ${dir}`);
    expect(journalLines(dir)).toBe(23);
    expect(existsSync(path.join(dir, 'summary.csv'))).toBe(false);
    const failures = JSON.parse(readFileSync(path.join(dir, 'failures.json'), 'utf8')) as unknown[];
    expect(failures).toEqual([{ scenario: 'vessels=1', replication: 5, seed: replicationSeed(42, 5), message: expect.stringContaining('injected') as unknown }]);
    const resumed = await cli(['run', TINY, '--resume', dir, '--no-progress']);
    expect(resumed.code).toBe(0);
    expect(outputs(dir)).toEqual(reference);
    expect(existsSync(path.join(dir, 'failures.json'))).toBe(false);
  });
});
