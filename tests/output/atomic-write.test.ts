import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, writeFileAtomic } from '../../src/output/atomic-write.ts';

const tempDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-atomic-'));

describe('writeFileAtomic', () => {
  it('writes or replaces a file and leaves no temporary file behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.csv');
    writeFileAtomic(file, 'first\r\n');
    writeFileAtomic(file, Buffer.from('second\r\n'));
    expect(readFileSync(file, 'utf8')).toBe('second\r\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('cleans up its temporary file when the rename fails', () => {
    const dir = tempDir();
    // A folder where the file should go: the temporary file is written, the rename fails.
    mkdirSync(path.join(dir, 'out.csv'));
    writeFileSync(path.join(dir, 'out.csv', 'inside'), 'kept');
    expect(() => writeFileAtomic(path.join(dir, 'out.csv'), 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readFileSync(path.join(dir, 'out.csv', 'inside'), 'utf8')).toBe('kept');
  });

  it('removes temporaries a crash left behind, and nothing else', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.summary.csv.123.0.partial'), 'half');
    writeFileSync(path.join(dir, 'summary.csv'), 'whole');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir)).toEqual(['summary.csv']);
    expect(existsSync(path.join(dir, 'summary.csv'))).toBe(true);
  });
});
