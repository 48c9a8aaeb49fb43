/**
 * `charter upgrade`: rewrites a charter written for an older format into today's. Pure over text: the YAML
 * Document API finds what is deprecated and where it is written; only those ranges are cut from the text, so comments,
 * key order and formatting survive exactly (re-serialising the whole document would reformat flow collections).
 *
 * What is deprecated today (format version `charter: 1`):
 * - `stores[].tables[].references[].traverse`: no longer decides anything (requests follow `owner` and `profile`);
 *   it is removed. For `to`/`both` the upgrade says where `profile: true` may be meant, since only a person can tell
 *   whether a parent row is one person's own.
 * Every other older form (a single `source`, plain-string names and laws) is still current and left as written.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { diffLines } from './line-diff.js';

/** The format version this build writes and reads (`charter:` at the top of the file). */
export const currentFormatVersion = 1;

export interface UpgradeResult {
  /** The upgraded text; the input itself when nothing was deprecated. */
  text: string;
  /** One line per change, with the path it was made at. */
  changes: string[];
  /** Things a person must decide, which the upgrade cannot. */
  notes: string[];
}

/**
 * Upgrades a charter's YAML text.
 *
 * @example
 * upgradeCharterText('charter: 1\nstores: [{ tables: [{ name: t, references: [{ column: a, to: b.id, traverse: back }] }] }]\n').changes;
 * // ['stores[0].tables[0].references[0]: removed "traverse: back" (no longer used)']
 */
export function upgradeCharterText(source: string): UpgradeResult {
  const document = parseDocument(source);
  const changes: string[] = [];
  const notes: string[] = [];
  /** Text ranges to cut, found on the parsed tree and cut from the source, so every other byte stays as written. */
  const cuts: [number, number][] = [];
  const stores = document.get('stores');
  if (isSeq(stores)) {
    stores.items.forEach((store, s) => {
      const tables = isMap(store) ? store.get('tables') : undefined;
      if (!isSeq(tables)) return;
      tables.items.forEach((table, t) => {
        const references = isMap(table) ? table.get('references') : undefined;
        if (!isSeq(references)) return;
        references.items.forEach((reference, r) => {
          if (!isMap(reference)) return;
          const pair = reference.items.find((item) => isScalar(item.key) && item.key.value === 'traverse');
          if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range || !pair.value.range) return;
          const value = String(pair.value.value);
          cuts.push(cutOf(source, pair.key.range[0], pair.value.range[1], reference.flow === true));
          const path = `stores[${s}].tables[${t}].references[${r}]`;
          changes.push(`${path}: removed "traverse: ${value}" (no longer used)`);
          if (value !== 'back') {
            const tableName = isMap(table) ? String(table.get('name')) : `#${t}`;
            notes.push(
              `${path}: if each row ${tableName}.${String(reference.get('column'))} points to is one person's own (a one-to-one account or profile), add "profile: true"`,
            );
          }
        });
      });
    });
  }
  let text = source;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) text = text.slice(0, from) + text.slice(to);
  return { text, changes, notes };
}

/**
 * The text to cut for one `key: value` pair: in a flow map (`{ a: 1, traverse: to }`) the pair and the comma before
 * it (or after it, when it comes first); in a block map the whole line, with its line break.
 */
function cutOf(source: string, keyStart: number, valueEnd: number, flow: boolean): [number, number] {
  if (flow) {
    let before = keyStart;
    while (before > 0 && /\s/.test(source.charAt(before - 1))) before--;
    if (source.charAt(before - 1) === ',') return [before - 1, valueEnd];
    let after = valueEnd;
    while (after < source.length && /\s/.test(source.charAt(after))) after++;
    return [keyStart, source.charAt(after) === ',' ? after + 1 : valueEnd];
  }
  const lineStart = source.lastIndexOf('\n', keyStart - 1) + 1;
  const lineEnd = source.indexOf('\n', valueEnd);
  return [lineStart, lineEnd === -1 ? source.length : lineEnd + 1];
}

/** The upgrade as a unified-style diff (`-` removed, `+` added), with two lines of context around each change. */
export function upgradeDiff(before: string, after: string, file: string): string {
  const lines = diffLines(before, after);
  const keep = new Set<number>();
  lines.forEach((line, i) => {
    if (line.kind !== 'same') for (let j = Math.max(0, i - 2); j <= Math.min(lines.length - 1, i + 2); j++) keep.add(j);
  });
  const out = [`--- ${file}`, `+++ ${file} (upgraded)`];
  let last = -1;
  lines.forEach((line, i) => {
    if (!keep.has(i)) return;
    if (last !== -1 && i !== last + 1) out.push('…');
    out.push(`${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '} ${line.text}`);
    last = i;
  });
  return out.join('\n');
}
