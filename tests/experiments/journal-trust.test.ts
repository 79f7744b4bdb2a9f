/**
 * Resume and merge trust the journal only as far as its digests (issue 12): a journal value edited
 * by hand is refused by both, naming the replication (scenario and index), with exit code 2 and
 * nothing written; a journal without digests (an older corridor-sim) is refused with the advice to
 * run again. The digest stays out of replications.csv.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, withOverrides } from '../../src/experiments/index.ts';
import { cliInProcess } from '../cli/in-process.ts';
import { tempRoot, TINY } from './cli-helpers.ts';
import tiny from './fixtures/tiny.ts';

let tmp: string;
let runDir: string;

beforeAll(async () => {
  tmp = tempRoot();
  const run = await runExperiment(withOverrides(tiny, { replications: 2 }), { out: path.join(tmp, 'results'), runId: 'done', workers: 1, experimentFile: TINY });
  expect(run.status).toBe('complete');
  runDir = run.runDir ?? '';
}, 120_000);

/** A copy of the finished run whose journal went through `edit`. */
function copyWithJournal(name: string, edit: (lines: string[]) => string[]): string {
  const dir = path.join(tmp, name);
  cpSync(runDir, dir, { recursive: true });
  const file = path.join(dir, 'journal.ndjson');
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
  writeFileSync(file, `${edit(lines).join('\n')}\n`);
  return dir;
}

describe('journal digests in resume and merge', () => {
  it('keeps the digest in the journal only, not in replications.csv', () => {
    expect(readFileSync(path.join(runDir, 'journal.ndjson'), 'utf8')).toMatch(/,"digest":"[0-9a-f]{64}"\}\n/);
    expect(readFileSync(path.join(runDir, 'replications.csv'), 'utf8')).not.toContain('digest');
  });

  it('refuses a value edited by hand, naming scenario and replication, exit 2, nothing written', async () => {
    // Line 2, whichever replication finished second: its delivered count goes up by one.
    const edited = copyWithJournal('edited', (lines) => lines.map((line, i) => (i === 1 ? line.replace(/("network\.delivered_feu":)(\d+)/, (_m, key: string, n: string) => `${key}${Number(n) + 1}`) : line)));
    const journal = path.join(edited, 'journal.ndjson');
    const [line] = readFileSync(journal, 'utf8').split('\n').slice(1, 2);
    const { scenario, replication } = JSON.parse(line ?? '') as { scenario: string; replication: number };
    const expected = `${journal}:2: scenario "${scenario}", replication ${replication}: its values do not match its digest`;

    const resume = await cliInProcess(['run', TINY, '--resume', edited, '--no-progress']);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(expected);
    const out = path.join(tmp, 'merged');
    const merge = await cliInProcess(['merge', edited, '--out', out]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a journal without digests, saying to run again', async () => {
    const old = copyWithJournal('old', (lines) => lines.map((line) => line.replace(/,"digest":"[0-9a-f]+"\}$/, '}')));
    const resume = await cliInProcess(['run', TINY, '--resume', old, '--no-progress']);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(`${path.join(old, 'journal.ndjson')}:1: scenario "base", replication 0: the line has no digest`);
    expect(resume.stderr).toContain('run the experiment again as a new run');
    expect(readdirSync(old)).not.toContain('failures.json');
  });
});
