import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, type DiffLine } from './line-diff.js';

const show = (lines: DiffLine[]) =>
  lines.map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`);

describe('diffLines', () => {
  it('keeps common lines and marks what was removed and added, with line numbers on each side', () => {
    const lines = diffLines('a\nb\nc\nd\n', 'a\nc\nx\nd\n');
    expect(show(lines)).toEqual([' a', '-b', ' c', '+x', ' d']);
    expect(lines.find((l) => l.text === 'x')).toEqual({ kind: 'added', text: 'x', after: 3 });
    expect(lines.find((l) => l.text === 'b')).toEqual({ kind: 'removed', text: 'b', before: 2 });
    expect(lines.at(-1)).toEqual({ kind: 'same', text: 'd', before: 4, after: 4 });
  });

  it('treats an empty text as no lines', () => {
    expect(show(diffLines('', 'a\n'))).toEqual(['+a']);
    expect(show(diffLines('a', ''))).toEqual(['-a']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('finds a shortest edit: one changed value in a charter is one line out and one in', () => {
    const before = Array.from({ length: 300 }, (_, i) => `key${i}: ${i}`).join('\n');
    const after = before.replace('key150: 150', 'key150: changed');
    expect(show(diffLines(before, after).filter((l) => l.kind !== 'same'))).toEqual([
      '-key150: 150',
      '+key150: changed',
    ]);
  });

  it('always rebuilds both texts, and its edits are never more than a full replacement', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        expect(
          lines
            .filter((l) => l.kind !== 'added')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(before);
        expect(
          lines
            .filter((l) => l.kind !== 'removed')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(after);
        const edits = lines.filter((l) => l.kind !== 'same').length;
        expect(edits).toBeLessThanOrEqual(
          (before ? before.split('\n').length : 0) + (after ? after.split('\n').length : 0),
        );
      }),
    );
  });
});
