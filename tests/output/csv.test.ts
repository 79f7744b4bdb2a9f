import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLines, csvText } from '../../src/output/csv.ts';
import { formatNumber } from '../../src/output/number-format.ts';

/** A strict RFC 4180 reader (records end with CRLF; quoted fields may hold anything), for the round trip. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = text.slice(i, i + end);
      i += end;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      i += 2; // CRLF
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('csvText (RFC 4180)', () => {
  it('writes a header, CRLF line ends, and quotes only fields that need it', () => {
    const text = csvText(['id', 'note', 'value'], [
      ['plain', 'a, b', 1.5],
      ['quote', 'say "hi"', -0],
      ['lines', 'one\ntwo', Number.NaN],
      ['none', null, 1e21],
    ]);
    expect(text).toBe('id,note,value\r\nplain,"a, b",1.5\r\nquote,"say ""hi""",0\r\nlines,"one\ntwo",\r\nnone,,1e+21\r\n');
  });

  it('reads back to the same cells with a standard parser', () => {
    const rows = [['a,b', 'x"y', 'p\r\nq'], ['', ' lead', 'trail ']];
    expect(parse(csvText(['c1', 'c2', 'c3'], rows))).toEqual([['c1', 'c2', 'c3'], ...rows]);
  });

  it('writes the same bytes as csv-stringify on the whole table (its own fast path joins unquoted records)', () => {
    // Fields from an alphabet rich in what needs quoting, numbers, and missing values.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', 'é') });
    const cell = fc.oneof(text, fc.double(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 20 }), (rows) => {
        const cells = rows.map((row) => row.map((c) => (c === null ? '' : typeof c === 'number' ? formatNumber(c) : c)));
        const reference = stringify([['h1', 'h,2', 'h3'], ...cells], { record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ });
        expect(csvText(['h1', 'h,2', 'h3'], rows)).toBe(reference);
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });

  it('refuses a row that does not fit the header', () => {
    expect(() => csvText(['a', 'b'], [['only one']])).toThrow('a row has 1 cells, the header 2');
  });
});

describe('csvLines (files written as they are made)', () => {
  it('gives the text line by line, header first, each line whole with its CRLF, joined exactly csvText', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`scenario-${i % 7}`, i, i / 3, i % 5 === 0 ? null : 'a,b']);
    const header = ['scenario', 'replication', 'value', 'note'];
    const lines = [...csvLines(header, rows)];
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.join('')).toBe(csvText(header, rows));
    expect(lines[0]).toBe('scenario,replication,value,note\r\n');
    // One record each: a CRLF at the end and nowhere else (no field here holds a line break).
    for (const line of lines) expect(line.indexOf('\r\n')).toBe(line.length - 2);
  });

  it('gives only the header for no rows', () => {
    expect([...csvLines(['a', 'b'], [])]).toEqual(['a,b\r\n']);
  });

  it('checks a row\'s length as csvText does, when the row is reached', () => {
    const lines = csvLines(['a', 'b'], [['x', 1], ['y']]);
    expect(() => [...lines]).toThrow('a row has 1 cells, the header 2');
  });
});
