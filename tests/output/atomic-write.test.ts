import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, writeFileAtomic, writeTextAtomic } from '../../src/output/atomic-write.ts';

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

describe('writeTextAtomic', () => {
  it('writes the pieces in order as UTF-8 and returns the digest and size of what it wrote', () => {
    const dir = tempDir();
    const file = path.join(dir, 'series.csv');
    // A piece longer than the writer's 64 KiB block goes straight to the file, after the block.
    const long = `${'x'.repeat(70_000)}\r\n`;
    const pieces = ['scénario,x\r\n', 'a,1\r\n', '', long, 'b,€2\r\n'];
    const written = writeTextAtomic(file, pieces);
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(readFileSync(file)).toEqual(expected);
    expect(written).toEqual({ sha256: createHash('sha256').update(expected).digest('hex'), bytes: expected.length });
    expect(readdirSync(dir)).toEqual(['series.csv']);
  });

  it('leaves the old file and no temporary file when the pieces fail half way', () => {
    const dir = tempDir();
    const file = path.join(dir, 'series.csv');
    writeFileAtomic(file, 'old\r\n');
    function* failing(): Generator<string> {
      yield 'new,';
      throw new RangeError('a row has 3 cells, the header 2');
    }
    expect(() => writeTextAtomic(file, failing())).toThrow('a row has 3 cells');
    expect(readFileSync(file, 'utf8')).toBe('old\r\n');
    expect(readdirSync(dir)).toEqual(['series.csv']);
  });
});
