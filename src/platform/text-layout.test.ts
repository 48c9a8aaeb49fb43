import { describe, expect, it } from 'vitest';
import { formatTable, wrapText } from './text-layout.js';

describe('text laid out for a terminal', () => {
  it('wraps a paragraph at word boundaries with an indent for continuation lines', () => {
    expect(wrapText('one two three four five six', 13, '  ')).toEqual(['one two three', '  four five', '  six']);
    expect(wrapText('a-very-long-word-without-spaces', 10)).toEqual(['a-very-lon', 'g-word-wit', 'hout-space', 's']);
  });

  it('keeps a table that fits as it is, numbers aligned right', () => {
    expect(
      formatTable(
        ['name', 'rows'],
        [
          ['orders', '12'],
          ['customers', '1,234'],
        ],
        { rightAligned: new Set([1]) },
      ),
    ).toEqual(['name        rows', '---------  -----', 'orders        12', 'customers  1,234']);
  });

  it('shrinks the widest column and wraps its cells when the table is too wide', () => {
    const lines = formatTable(
      ['table', 'why'],
      [['crm/prospects', 'delete three years after the last meaningful contact with the prospect']],
      { width: 40 },
    );
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(lines[2]).toMatch(/^crm\/prospects {2}delete three years after/);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('splits columns that cannot shrink enough into groups that repeat the first column', () => {
    const header = ['table', ...Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}-02`)];
    const lines = formatTable(header, [['crm/prospects', ...Array.from({ length: 12 }, () => '.')]], { width: 80 });
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    // 13 + 2 + 12 × 12 columns: five months a group in 80 columns.
    expect(lines.filter((l) => l.startsWith('crm/prospects'))).toHaveLength(3);
    expect(lines.join('\n')).toContain('2027-12-02');
  });
});
