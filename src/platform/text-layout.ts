/**
 * Text laid out for a terminal of a given width (pure): paragraphs wrapped at word boundaries, and tables whose
 * columns shrink and wrap their cells to fit — or, when even that cannot fit, are split into column groups that each
 * repeat the first column. A line never passes the width unless one word alone does.
 */

/** Terminal width used when the output is not a terminal (pipes, files, tests). */
export const defaultColumns = 80;

/** Splits a word longer than `width` into pieces of `width`. */
function pieces(word: string, width: number): string[] {
  if (word.length <= width) return [word];
  const result: string[] = [];
  for (let i = 0; i < word.length; i += width) result.push(word.slice(i, i + width));
  return result;
}

/**
 * Wraps one paragraph to `width` columns; continuation lines start with `indent` (the first line with `firstIndent`).
 * Leading spaces of the text are kept as the first line's indent when no first indent is given.
 */
export function wrapText(text: string, width: number, indent = '', firstIndent?: string): string[] {
  const lead = firstIndent ?? /^ */.exec(text)?.[0] ?? '';
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const word of words) {
    const prefix = lines.length === 0 ? lead : indent;
    const room = Math.max(1, width - prefix.length);
    for (const piece of pieces(word, room)) {
      if (!empty && line.length + 1 + piece.length > width) {
        lines.push(line);
        line = indent + piece;
      } else line = empty ? line + piece : `${line} ${piece}`;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/** Wraps every line of a text (each a paragraph of its own), continuation lines indented like their first line plus two. */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const lead = /^ */.exec(line)?.[0] ?? '';
      return wrapText(line, width, `${lead}  `);
    })
    .join('\n');
}

export interface TableOptions {
  /** Columns whose cells are aligned right (numbers). */
  rightAligned?: ReadonlySet<number>;
  width?: number;
}

const gap = 2;
const longestWord = (cell: string) => Math.max(1, ...cell.split(/\s+/).map((w) => w.length));
const totalWidth = (widths: readonly number[]) =>
  widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1);

/** The column widths that fit `width`: the natural widths, the widest shrunk first, never below a column's longest word. */
function fitWidths(header: readonly string[], rows: readonly string[][], width: number): number[] | undefined {
  const natural = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const minimum = header.map((h, i) =>
    Math.max(Math.min(longestWord(h), natural[i]!), ...rows.map((r) => longestWord(r[i] ?? ''))),
  );
  const widths = [...natural];
  while (totalWidth(widths) > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++)
      if (widths[i]! > minimum[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) return undefined;
    widths[widest]!--;
  }
  return widths;
}

function renderTable(
  header: readonly string[],
  rows: readonly string[][],
  widths: readonly number[],
  rightAligned: ReadonlySet<number>,
): string[] {
  const render = (cells: readonly string[]) => {
    const wrapped = cells.map((cell, i) => (cell.length <= widths[i]! ? [cell] : wrapText(cell, widths[i]!)));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let l = 0; l < height; l++) {
      lines.push(
        wrapped
          .map((cellLines, i) => {
            const text = cellLines[l] ?? '';
            return rightAligned.has(i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
          })
          .join(' '.repeat(gap))
          .trimEnd(),
      );
    }
    return lines;
  };
  return [...render(header), render(widths.map((w) => '-'.repeat(w)))[0]!, ...rows.flatMap((row) => render(row))];
}

/**
 * An aligned table within `width` columns (default 80): cells wrap inside shrunk columns; when the columns cannot
 * shrink enough, they are shown in groups, each with the first column again, separated by a blank line.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly string[][],
  options: TableOptions = {},
): string[] {
  const width = options.width ?? defaultColumns;
  const rightAligned = options.rightAligned ?? new Set<number>();
  const widths = fitWidths(header, rows, width);
  if (widths || header.length <= 2)
    return renderTable(
      header,
      rows,
      widths ?? header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
      rightAligned,
    );
  // Column groups: the first column, then as many of the others as fit.
  const lines: string[] = [];
  let start = 1;
  while (start < header.length) {
    let end = start + 1;
    while (
      end < header.length &&
      fitWidths(
        pick(header, start, end + 1),
        rows.map((r) => pick(r, start, end + 1)),
        width,
      )
    )
      end++;
    const groupHeader = pick(header, start, end);
    const groupRows = rows.map((r) => pick(r, start, end));
    const groupWidths =
      fitWidths(groupHeader, groupRows, width) ??
      groupHeader.map((h, i) => Math.max(h.length, ...groupRows.map((r) => (r[i] ?? '').length)));
    const groupAligned = new Set(
      [...rightAligned].filter((i) => i === 0 || (i >= start && i < end)).map((i) => (i === 0 ? 0 : i - start + 1)),
    );
    if (lines.length > 0) lines.push('');
    lines.push(...renderTable(groupHeader, groupRows, groupWidths, groupAligned));
    start = end;
  }
  return lines;
}

/** The first cell and the cells [start, end). */
function pick(cells: readonly string[], start: number, end: number): string[] {
  return [cells[0] ?? '', ...cells.slice(start, end)];
}
