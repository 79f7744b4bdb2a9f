/** Reading a file in pieces of whole lines, for series.csv files too large for one string. */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLineChunks } from '../../src/output/read-chunks.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-read-chunks-'));
let files = 0;
const fileWith = (text: string): string => {
  const file = path.join(dir, `f${files++}.csv`);
  writeFileSync(file, text, 'utf8');
  return file;
};

/** True if `text` has an even number of double quotes: no quoted field is left open. */
const quotesClosed = (text: string): boolean => (text.match(/"/g)?.length ?? 0) % 2 === 0;

describe('readLineChunks', () => {
  it('gives back the text exactly, cut only after a line end outside quotes, whatever the chunk size', () => {
    // Multi-byte characters (split between two reads), quoted fields with line breaks and
    // commas, CRLF and LF, lines longer than a chunk, with or without a final line end.
    const text = fc.array(fc.constantFrom('a', ',', 'é', '€', '𝄞', '\n', '\r\n', '"', '""'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 16 }), (content, chunkBytes) => {
        const chunks = [...readLineChunks(fileWith(content), chunkBytes)];
        expect(chunks.join('')).toBe(content);
        let before = '';
        for (const chunk of chunks.slice(0, -1)) {
          before += chunk;
          expect(chunk.endsWith('\n')).toBe(true);
          // Every chunk ends outside quotes: the quotes up to its end are balanced.
          expect(quotesClosed(before)).toBe(true);
        }
      }),
      { seed: 20261204, numRuns: 400 },
    );
  });

  it('yields nothing for an empty file, and a file of one short line whole', () => {
    expect([...readLineChunks(fileWith(''))]).toEqual([]);
    expect([...readLineChunks(fileWith('x,1\r\n'))]).toEqual(['x,1\r\n']);
  });
});
