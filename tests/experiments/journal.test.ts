import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../../src/experiments/experiment-error.ts';
import { JournalWriter, readJournal, repairJournal, type ReplicationRecord } from '../../src/experiments/journal.ts';
import { tempRoot } from './cli-helpers.ts';

const records: ReplicationRecord[] = [
  { scenario: 'base', replication: 1, seed: 7, metrics: [{ metric: 'route.a.transit_mean_h', value: 0.1 + 0.2 }, { metric: 'route.a.transit_p50_h', value: null }] },
  { scenario: 'alt', replication: 0, seed: 9, metrics: [{ metric: 'network.backlog_feu', value: 1e-300 }, { metric: 'network.entered_feu', value: 123456789012345 }] },
];

function journalWith(...lines: readonly ReplicationRecord[]): string {
  const file = path.join(tempRoot(), 'journal.ndjson');
  const writer = new JournalWriter(file);
  for (const r of lines) writer.append(r);
  writer.close();
  return file;
}

describe('journal', () => {
  it('round-trips records exactly: metric order, nulls and every bit of each number; each line ends with the SHA-256 of its values', () => {
    const file = journalWith(...records);
    const values = [
      '{"scenario":"base","replication":1,"seed":7,"metrics":{"route.a.transit_mean_h":0.30000000000000004,"route.a.transit_p50_h":null}}',
      '{"scenario":"alt","replication":0,"seed":9,"metrics":{"network.backlog_feu":1e-300,"network.entered_feu":123456789012345}}',
    ];
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
    expect(readFileSync(file, 'utf8')).toBe(values.map((v) => `${v.slice(0, -1)},"digest":"${sha(v)}"}\n`).join(''));
    expect(readJournal(file)).toEqual({ records, validBytes: readFileSync(file).length, tornTail: false });
  });

  it('ignores a line cut short by a crash, and cuts it off before appending', () => {
    const file = journalWith(records[0] as ReplicationRecord);
    const valid = readFileSync(file).length;
    appendFileSync(file, '{"scenario":"alt","replication":0,"se');
    const contents = readJournal(file);
    expect(contents).toEqual({ records: [records[0]], validBytes: valid, tornTail: true });
    repairJournal(file, contents);
    const writer = new JournalWriter(file);
    writer.append(records[1] as ReplicationRecord);
    writer.close();
    expect(readJournal(file).records).toEqual(records);
  });

  it('reports a damaged line before the end by file and line', () => {
    const file = journalWith(...records);
    const [first, second] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${first}\n{"scenario":1}\n${second}\n`);
    expect(() => readJournal(file)).toThrow(ExperimentError);
    expect(() => readJournal(file)).toThrow(`${file}:2: damaged journal line (expected scenario, replication, seed and metrics)`);
  });

  it('reads a missing journal as empty', () => {
    expect(readJournal(path.join(tempRoot(), 'none.ndjson'))).toEqual({ records: [], validBytes: 0, tornTail: false });
  });
});

describe('journal digests', () => {
  it('refuses a line whose values were edited by hand, naming file, line, scenario and replication', () => {
    const file = journalWith(...records);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"network.backlog_feu":1e-300', '"network.backlog_feu":2e-300'));
    expect(() => readJournal(file)).toThrow(ExperimentError);
    expect(() => readJournal(file)).toThrow(`${file}:2: scenario "alt", replication 0: its values do not match its digest (changed after it was written)`);
  });

  it('refuses a line without a digest (an older journal) and says to run again', () => {
    const file = journalWith(...records);
    const [first] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${(first ?? '').replace(/,"digest":"[0-9a-f]+"\}$/, '}')}\n`);
    expect(() => readJournal(file)).toThrow(`${file}:1: scenario "base", replication 1: the line has no digest`);
    expect(() => readJournal(file)).toThrow('run the experiment again as a new run');
  });
});
