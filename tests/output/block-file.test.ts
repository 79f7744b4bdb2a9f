/** The block-buffered text file behind journey logs and event traces: exact bytes, whatever the piece sizes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockFile } from '../../src/output/block-file.ts';

describe('BlockFile', () => {
  it('writes exactly the text appended, across block boundaries, pieces longer than a block and non-ASCII text', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-block-'));
    try {
      const file = path.join(dir, 'out.txt');
      const out = new BlockFile(file);
      const pieces: string[] = [];
      // Rows of growing length pass many 64 KiB boundaries; one piece is longer than a block.
      for (let i = 0; i < 5000; i++) pieces.push(`${i},Türkiye→Kars ${'x'.repeat(i % 97)}\n`);
      pieces.splice(2500, 0, `${'long '.repeat(30_000)}\n`, '😀 pair\n', '');
      for (const piece of pieces) out.write(piece);
      out.close();
      expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
