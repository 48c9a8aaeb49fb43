import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, utf8Bom, writeCsv } from './csv.js';

/**
 * An RFC 4180 reader written for this test only (a small state machine over the grammar's productions, independent
 * of `parseCsv`): file = [header CRLF] record *(CRLF record) [CRLF]; field = escaped / non-escaped; escaped = DQUOTE
 * *(TEXTDATA / COMMA / CR / LF / 2DQUOTE) DQUOTE. It is strict: a bare CR or LF outside quotes, or a quote inside an
 * unquoted field, is an error — so the writer must follow the RFC, not a lenient reader's habits.
 */
function readRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let position = 0;
  const fail = (why: string) => {
    throw new Error(`not RFC 4180 at ${position}: ${why}`);
  };
  const readField = (): string => {
    if (text[position] === '"') {
      position++;
      let value = '';
      for (;;) {
        if (position >= text.length) fail('unterminated quoted field');
        const ch = text[position]!;
        if (ch === '"') {
          if (text[position + 1] === '"') {
            value += '"';
            position += 2;
            continue;
          }
          position++;
          return value;
        }
        value += ch;
        position++;
      }
    }
    const start = position;
    while (position < text.length && text[position] !== ',' && text[position] !== '\r') {
      if (text[position] === '"' || text[position] === '\n') fail('quote or bare LF in an unquoted field');
      position++;
    }
    return text.slice(start, position);
  };
  while (position < text.length) {
    const record = [readField()];
    while (text[position] === ',') {
      position++;
      record.push(readField());
    }
    if (text.slice(position, position + 2) !== '\r\n') fail('a record must end with CRLF');
    position += 2;
    records.push(record);
  }
  return records;
}

const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

// Text with everything CSV and spreadsheets care about: separators, quotes, line breaks, formula starts, any unicode.
const cell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', '"', ';', 'a', ' ', 'é', '𝄞'),
    maxLength: 12,
  }),
  fc.constantFrom('=HYPERLINK("http://evil.test","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1'),
);

describe('the CSV writer', () => {
  it('writes the UTF-8 byte-order mark, quotes as RFC 4180 says, and guards formulas with an apostrophe', () => {
    expect(
      writeCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [null, 3],
          ['=1+1', -4],
        ],
      ),
    ).toBe(`${utf8Bom}a,b\r\n"x,y","say ""hi"""\r\n,3\r\n'=1+1,-4\r\n`);
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`);
    expect(csvField(true)).toBe('true');
  });

  it('reads back, with an independent strict RFC 4180 reader, exactly the guarded values of any table', () => {
    fc.assert(
      fc.property(
        fc
          .array(cell, { minLength: 1, maxLength: 5 })
          .chain((header) =>
            fc.tuple(
              fc.constant(header),
              fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 6 }),
            ),
          ),
        ([header, rows]) => {
          const text = writeCsv(header, rows);
          expect(text.startsWith(utf8Bom)).toBe(true);
          const read = readRfc4180(text.slice(utf8Bom.length));
          expect(read).toEqual([header, ...rows].map((row) => row.map(guarded)));
          // No cell, once read, starts the way a spreadsheet formula does.
          for (const row of read) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
          // Charter's own reader agrees.
          expect(parseCsv(text)).toEqual(read);
        },
      ),
      { numRuns: 500 },
    );
  });
});
