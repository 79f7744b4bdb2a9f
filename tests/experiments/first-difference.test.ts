/**
 * Where a reproduced file first differs (reproduce.ts `firstDifference`), found on the bytes line
 * by line: checked against the same search on the decoded texts split at CRLF, the way it was
 * done before files could outgrow a string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../../src/experiments/reproduce.ts';

/** The reference: both texts decoded and split at CRLF. */
function onText(before: string, after: string): string {
  const a = before.split('\r\n');
  const b = after.split('\r\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (line: string | undefined): string => (line === undefined ? 'end of file' : JSON.stringify(line.length > 120 ? `${line.slice(0, 117)}...` : line));
      return `first difference at line ${i + 1}: ${show(a[i])} (run) vs ${show(b[i])} (now)`;
    }
  }
  return 'same text, different bytes';
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('firstDifference', () => {
  it('names the first differing line and shows both versions', () => {
    expect(firstDifference(bytes('h\r\na,1\r\nb,2\r\n'), bytes('h\r\na,1\r\nb,3\r\n'))).toBe('first difference at line 3: "b,2" (run) vs "b,3" (now)');
    expect(firstDifference(bytes('h\r\na,1\r\nb,2'), bytes('h\r\na,1'))).toBe('first difference at line 3: "b,2" (run) vs end of file (now)');
  });

  it('agrees with the search on the decoded texts for any pair of texts', () => {
    const text = fc.array(fc.constantFrom('a', ',', '1', 'é', '\r\n', '\n', '\r', 'x'.repeat(130)), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        expect(firstDifference(bytes(before), bytes(after))).toBe(onText(before, after));
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });
});
