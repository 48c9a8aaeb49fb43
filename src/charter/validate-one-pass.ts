/**
 * Reference problems found in the same pass as shape problems. A charter with a shape error cannot be parsed, and the
 * reference checker needs a parsed charter; so the items the shape errors are in (the purpose, the cookie, the store
 * column…) are set aside, what remains is parsed, and its references are checked. A reference to an item set aside is
 * not reported (the item exists, it only has a shape error), nor is a problem inside it. When setting items aside
 * does not make the rest parse (a required section is itself wrong), only the shape problems are reported, as before.
 */
import type { z } from 'zod';
import { checkReferences, type ReferenceProblem } from './references.js';
import { charterSchema } from './schema.js';

/** How many rounds of setting items aside are tried: each round can reveal the shape errors of the level below. */
const maxRounds = 5;

type Issue = z.core.$ZodIssue;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at a path, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isRecord(node) && typeof part === 'string') node = node[part];
    else return undefined;
  }
  return node;
}

/** The path of the innermost array item that holds the issue's path, if any. */
function itemPath(path: readonly PropertyKey[]): (string | number)[] | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'number')
      return path.slice(0, i + 1).filter((p): p is string | number => typeof p !== 'symbol');
  }
  return undefined;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.every((part, i) => path[i] === part);

/** Maps paths of the copy (items removed) back to the original, from the indexes removed from each list. */
class RemovedItems {
  readonly #byList = new Map<string, number[]>();

  original(path: readonly (string | number)[]): (string | number)[] {
    const result: (string | number)[] = [];
    for (const part of path) {
      if (typeof part === 'number') {
        let index = part;
        for (const removed of this.#byList.get(JSON.stringify(result)) ?? []) if (removed <= index) index++;
        result.push(index);
      } else result.push(part);
    }
    return result;
  }

  add(originalItem: (string | number)[]) {
    const key = JSON.stringify(originalItem.slice(0, -1));
    const list = this.#byList.get(key) ?? [];
    list.push(originalItem[originalItem.length - 1] as number);
    list.sort((a, b) => a - b);
    this.#byList.set(key, list);
  }
}

/**
 * The reference problems of a charter whose shape check gave `issues`, outside the items those issues are in, with
 * paths into the charter as written. Returns [] when the rest cannot be parsed.
 */
export function referencesDespiteShape(value: unknown, issues: readonly Issue[]): ReferenceProblem[] {
  const copy: unknown = structuredClone(value);
  const removed = new RemovedItems();
  const setAside: (string | number)[][] = [];
  const setAsideIds = new Set<string>();
  let current = issues;
  for (let round = 0; round < maxRounds; round++) {
    const removals: (string | number)[][] = [];
    for (const issue of current) {
      if (issue.code === 'unrecognized_keys') {
        const holder = valueAt(copy, issue.path);
        if (isRecord(holder)) for (const key of issue.keys) delete holder[key];
        continue;
      }
      const item = itemPath(issue.path);
      // A problem outside any list item (a wrong organisation, a missing section) leaves nothing sound to check.
      if (!item) return [];
      if (!removals.some((r) => r.length <= item.length && startsWith(item, r))) removals.push(item);
    }
    // Positions in the original are taken before this round removes anything.
    const originals = removals.map((item) => removed.original(item));
    // Last first, so the indexes of the others in the same list stay right.
    removals.sort((a, b) => (b[b.length - 1] as number) - (a[a.length - 1] as number));
    for (const item of removals) {
      const list = valueAt(copy, item.slice(0, -1));
      if (!Array.isArray(list)) return [];
      const gone: unknown = list[item[item.length - 1] as number];
      if (isRecord(gone) && typeof gone.id === 'string') setAsideIds.add(gone.id);
      if (isRecord(gone) && typeof gone.name === 'string') setAsideIds.add(gone.name);
      list.splice(item[item.length - 1] as number, 1);
    }
    for (const original of originals) {
      removed.add(original);
      setAside.push(original);
    }
    const parsed = charterSchema.safeParse(copy);
    if (parsed.success) {
      const problems: ReferenceProblem[] = [];
      for (const problem of checkReferences(parsed.data)) {
        const referenced = valueAt(parsed.data, problem.path);
        // A reference to an item set aside: the item exists, only its shape is wrong.
        if (problem.code === 'unknown_reference' && typeof referenced === 'string' && setAsideIds.has(referenced))
          continue;
        const path = removed.original(problem.path);
        if (setAside.some((item) => startsWith(path, item))) continue;
        problems.push({ ...problem, path });
      }
      return problems;
    }
    current = parsed.error.issues;
  }
  return [];
}
