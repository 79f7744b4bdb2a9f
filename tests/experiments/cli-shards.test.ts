/**
 * Shards, merge, reproduce and trace through the CLI: three shards merged give the files of a
 * single run; merge refuses an incomplete or mismatched set; reproduce confirms a run byte for
 * byte; trace re-runs one replication to the same numbers as its journal line.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, outputs, tempRoot, TINY } from './cli-helpers.ts';

let out: string;
const shardDir = (i: number): string => path.join(out, 'tiny', `s${i}`);
const mergedDir = (): string => path.join(out, 'tiny', 'merged');

beforeAll(async () => {
  out = tempRoot();
  const runs = await Promise.all([
    cli(['run', TINY, '--workers', '1', '--out', out, '--run-id', 'single', '--no-progress']),
    ...[1, 2, 3].map((i) => cli(['run', TINY, '--shard', `${i}/3`, '--workers', '1', '--out', out, '--run-id', `s${i}`, '--no-progress'])),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  const merged = await cli(['merge', shardDir(3), shardDir(1), shardDir(2), '--out', out, '--run-id', 'merged']);
  expect(merged.code, merged.stderr).toBe(0);
  expect(merged.stdout).toContain('merged 3 folders, 18 replications');
}, 120_000);

describe.concurrent('shards and merge', () => {
  it('runs a deterministic share per shard and stores the shard count', () => {
    const info = JSON.parse(readFileSync(path.join(shardDir(2), 'run.json'), 'utf8')) as { shard: unknown };
    expect(info.shard).toEqual({ index: 2, count: 3 });
    const lines = readFileSync(path.join(shardDir(2), 'journal.ndjson'), 'utf8').trim().split('\n');
    const replications = [...new Set(lines.map((l) => (JSON.parse(l) as { replication: number }).replication))].sort();
    expect(replications).toEqual([1, 4]);
    expect(existsSync(path.join(shardDir(2), 'summary.csv'))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(shardDir(2), 'manifest.json'), 'utf8')) as { kind: string; outputs: unknown[] };
    expect(manifest).toMatchObject({ kind: 'shard', outputs: [] });
  });

  it('merges three shards into files identical to a single run', () => {
    expect(outputs(mergedDir())).toEqual(outputs(path.join(out, 'tiny', 'single')));
    const manifest = JSON.parse(readFileSync(path.join(mergedDir(), 'manifest.json'), 'utf8')) as { kind: string; mergedFrom: string[] };
    expect(manifest.kind).toBe('merge');
    expect(manifest.mergedFrom).toEqual([shardDir(3), shardDir(1), shardDir(2)]);
  });

  it('refuses an incomplete set, naming the missing shard and the command that runs it', async () => {
    const elsewhere = path.join(tempRoot(), 'results');
    const result = await cli(['merge', shardDir(1), shardDir(3), '--out', elsewhere]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'shard 2/3 (no folder given): missing replications 1, 4; run it with: corridor-sim run tests/experiments/fixtures/tiny.ts --shard 2/3 --replications 6 --seed 42',
    );
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('refuses shards of a different seed', async () => {
    const other = tempRoot();
    const run = await cli(['run', TINY, '--shard', '2/3', '--seed', '7', '--out', other, '--run-id', 'seed7', '--no-progress']);
    expect(run.code).toBe(0);
    const result = await cli(['merge', shardDir(1), path.join(other, 'tiny', 'seed7'), shardDir(3), '--out', other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/does not belong with .*s1: different seed 42 vs 7/);
  });
});

describe.concurrent('reproduce and trace', () => {
  it('reproduces a merged run byte for byte', async () => {
    const ok = await cli(['reproduce', path.join(mergedDir(), 'manifest.json'), '--workers', '2', '--no-progress']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/replications\.csv\s+identical/);
    expect(ok.stdout).toMatch(/comparison\.csv\s+identical/);
    expect(ok.stdout).toMatch(/series\.csv\s+identical/);
    expect(ok.stdout).toContain('reproduced: every output is byte-identical');
  });

  it('reports a file that differs, with the first differing line', async () => {
    // A copy of the run whose summary.csv (and its digest) were changed after the run.
    const copy = path.join(tempRoot(), 'edited');
    mkdirSync(copy);
    for (const f of ['manifest.json', 'replications.csv', 'summary.csv', 'comparison.csv']) copyFileSync(path.join(mergedDir(), f), path.join(copy, f));
    const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string }[] };
    const summary = readFileSync(path.join(copy, 'summary.csv'), 'utf8').split('\r\n');
    summary[3] = `${summary[3] ?? ''}9`;
    writeFileSync(path.join(copy, 'summary.csv'), summary.join('\r\n'));
    for (const o of manifest.outputs) if (o.file === 'summary.csv') o.sha256 = '0'.repeat(64);
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
    const bad = await cli(['reproduce', path.join(copy, 'manifest.json'), '--no-progress']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/summary\.csv\s+DIFFERS: .*first difference at line 4/);
    expect(bad.stdout).toMatch(/replications\.csv\s+identical/);
  });

  it('re-runs one replication alone to the numbers of its journal line, with journey log and event trace', async () => {
    const dir = tempRoot();
    const events = path.join(dir, 'events.txt');
    const journey = path.join(dir, 'journey.csv');
    const result = await cli(['trace', TINY, '--scenario', 'vessels=1', '--replication', '4', '--events', events, '--journey-log', journey]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Scenario vessels=1, replication 4, seed');
    expect(result.stdout).toContain('Model small-corridor');
    const trace = readFileSync(events, 'utf8').split('\n');
    expect(trace[0]).toContain('scenario vessels=1, replication 4');
    expect(trace[2]).toBe('time_h\twhat\tdata');
    expect(trace.length).toBeGreaterThan(1000);
    expect(readFileSync(journey, 'utf8').split('\n')[0]).toBe('container,route,origin,destination,stage,stage_kind,entered_h,arrived_h,started_h,departed_h,left_h,wait_h,berth_h,service_h');
    // The printed mean transit (days, 1 decimal) matches the journal's value for that replication.
    const line = readFileSync(path.join(shardDir(2), 'journal.ndjson'), 'utf8')
      .split('\n')
      .find((l) => l.includes('"scenario":"vessels=1","replication":4,'));
    const hours = (JSON.parse(line ?? '{}') as { metrics: Record<string, number> }).metrics['route.middle.transit_mean_h'] ?? NaN;
    expect(result.stdout).toMatch(new RegExp(`middle\\s+middle-corridor\\s+[\\d.]+\\s+${(hours / 24).toFixed(1)}\\s`));
  });
});
