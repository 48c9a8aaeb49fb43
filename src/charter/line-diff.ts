/**
 * A line diff between two texts (two revisions of charter.yaml), for the console's history. Myers' O(ND) algorithm
 * ("An O(ND) Difference Algorithm and Its Variations", 1986) on what remains after the common first and last lines
 * are set aside, so a small edit in a large charter costs little. Pure; used by the browser and by tests.
 */

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based line number in the earlier text (same and removed lines). */
  before?: number;
  /** 1-based line number in the later text (same and added lines). */
  after?: number;
}

/** Past this many differing lines the middle is shown as removed then added: still correct, and bounded in cost. */
const maxEdits = 4000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The lines of `after` against `before`, in order: unchanged, removed from `before`, added in `after`.
 *
 * @example
 * diffLines('a\nb\n', 'a\nc\n').map((l) => `${l.kind} ${l.text}`); // ['same a', 'removed b', 'added c']
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: 'same', text: a[i]!, before: i + 1, after: i + 1 });
  out.push(...middle(a, b, start, endA, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++)
    out.push({ kind: 'same', text: a[i]!, before: i + 1, after: j + 1 });
  return out;
}

/** Myers' greedy forward search over a[start..endA) and b[start..endB), then a walk back through the kept frontiers. */
function middle(a: string[], b: string[], start: number, endA: number, endB: number): DiffLine[] {
  const n = endA - start;
  const m = endB - start;
  const A = (i: number) => a[start + i];
  const B = (j: number) => b[start + j];
  const line = (kind: DiffLine['kind'], i: number, j: number): DiffLine =>
    kind === 'same'
      ? { kind, text: A(i)!, before: start + i + 1, after: start + j + 1 }
      : kind === 'removed'
        ? { kind, text: A(i)!, before: start + i + 1 }
        : { kind, text: B(j)!, after: start + j + 1 };
  const wholesale = () => [
    ...Array.from({ length: n }, (_, i) => line('removed', i, 0)),
    ...Array.from({ length: m }, (_, j) => line('added', 0, j)),
  ];
  if (n === 0 || m === 0) return wholesale();

  // frontier[k + offset] = furthest x on diagonal k; trace[d] keeps the frontier before step d, cut to -d-1..d+1.
  const offset = Math.min(n + m, maxEdits) + 1;
  const frontier = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(n + m, maxEdits) && found < 0; d++) {
    trace.push(frontier.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!)
          ? frontier[offset + k + 1]!
          : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && A(x) === B(y)) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return wholesale();

  const reversed: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      reversed.push(line('same', x, y));
    }
    if (d > 0) {
      if (x === previousX) reversed.push(line('added', 0, previousY));
      else reversed.push(line('removed', previousX, 0));
      x = previousX;
      y = previousY;
    }
  }
  return reversed.reverse();
}
