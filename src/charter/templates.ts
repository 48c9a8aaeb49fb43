/**
 * Charter templates: a charter may say `extends: <file>` (a path relative to the charter) to start from a shared
 * template, e.g. an agency's one template for many client organisations. Pure over parsed values; reading the files
 * is the caller's (`ReadTemplate`).
 *
 * The merge rule, applied from the template (base) to the charter (override), through any chain of templates:
 * - maps merge key by key, deeply; the charter's value wins; `key: null` removes the key;
 * - lists whose items are all maps with an `id` merge by `id`: an item of the same id merges into the template's
 *   (keeping the template's order), new ids are appended in the charter's order, and `{ id: x, $remove: true }`
 *   removes the template's item (an unknown id to remove is an error);
 * - any other list, and every scalar, is replaced whole by the charter's value.
 * Every node of the result remembers the file and path it came from, so a problem is reported where the value was
 * written (`template.yaml:12:5`), under the path of the resolved charter.
 */
import type { IssuePath } from './references.js';

/** One parsed document of the chain: its file and where a path of it is in its text. */
export interface TemplateDocument {
  file: string;
  value: Record<string, unknown>;
  locate: (path: IssuePath, key?: string) => { line: number; col: number };
}

/** Reads and parses a template named by `extends` in `fromFile`; undefined with a reason when it cannot. */
export type ReadTemplate = (name: string, fromFile: string) => { document: TemplateDocument } | { problem: string };

export interface TemplateProblem {
  file: string;
  line: number;
  col: number;
  /** The path in that file. */
  path: IssuePath;
  message: string;
}

interface Origin {
  document: TemplateDocument;
  path: IssuePath;
}

export type Resolved =
  | {
      ok: true;
      value: Record<string, unknown>;
      locate: (path: IssuePath, key?: string) => { line: number; col: number; file: string };
      files: string[];
    }
  | { ok: false; problems: TemplateProblem[] };

/** Templates extend templates at most this deep (a chain longer than an agency's base → brand → client is a mistake). */
export const maxTemplateDepth = 4;

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const byId = (list: unknown[]) => list.length > 0 && list.every((item) => isMap(item) && typeof item.id === 'string');
const key = (path: IssuePath) => JSON.stringify(path);

/**
 * Resolves the `extends` chain of a parsed charter: the merged value without `extends`, and a `locate` that maps a
 * path of the result to the file, line and column the value came from.
 */
export function resolveTemplates(charter: TemplateDocument, read: ReadTemplate | undefined): Resolved {
  const chain: TemplateDocument[] = [charter];
  const problems: TemplateProblem[] = [];
  for (let current = charter; current.value.extends !== undefined;) {
    const name = current.value.extends;
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push({
        file: current.file,
        ...current.locate(['extends']),
        path: ['extends'],
        message: 'extends takes the path of a template file, relative to this file',
      });
      break;
    }
    if (!read) {
      problems.push({
        file: current.file,
        ...current.locate(['extends']),
        path: ['extends'],
        message: `"${name}" cannot be read here: resolve templates where the files are (charter validate, apply or serve with the file)`,
      });
      break;
    }
    if (chain.length > maxTemplateDepth) {
      problems.push({
        file: current.file,
        ...current.locate(['extends']),
        path: ['extends'],
        message: `templates extend templates at most ${maxTemplateDepth} deep`,
      });
      break;
    }
    const loaded = read(name, current.file);
    if ('problem' in loaded) {
      problems.push({
        file: current.file,
        ...current.locate(['extends']),
        path: ['extends'],
        message: `template "${name}": ${loaded.problem}`,
      });
      break;
    }
    if (chain.some((d) => d.file === loaded.document.file)) {
      problems.push({
        file: current.file,
        ...current.locate(['extends']),
        path: ['extends'],
        message: `template "${name}" extends itself through ${chain.map((d) => d.file).join(' → ')}`,
      });
      break;
    }
    chain.push(loaded.document);
    current = loaded.document;
  }
  if (problems.length > 0) return { ok: false, problems };

  const origins = new Map<string, Origin>();
  // From the last template to the charter: each layer merges over what the ones below it made.
  let merged: unknown = undefined;
  for (const document of [...chain].reverse()) {
    const { extends: _extends, ...layer } = document.value;
    merged =
      merged === undefined
        ? adopt(layer, document, [], [], origins)
        : mergeInto(merged, layer, document, [], [], origins, problems);
  }
  if (problems.length > 0) return { ok: false, problems };

  const locate = (path: IssuePath, key_?: string) => {
    const full = key_ === undefined ? path : [...path, key_];
    for (let length = full.length; length >= 0; length--) {
      const origin = origins.get(key(full.slice(0, length)));
      if (!origin) continue;
      const rest = full.slice(length);
      const position = origin.document.locate([...origin.path, ...rest]);
      return { ...position, file: origin.document.file };
    }
    return { line: 1, col: 1, file: charter.file };
  };
  return { ok: true, value: merged as Record<string, unknown>, locate, files: chain.map((d) => d.file) };
}

/** Takes a value as it is, recording the origin of it and every node inside. */
function adopt(
  value: unknown,
  document: TemplateDocument,
  sourcePath: IssuePath,
  path: IssuePath,
  origins: Map<string, Origin>,
): unknown {
  origins.set(key(path), { document, path: sourcePath });
  if (Array.isArray(value))
    return value.map((item, i) => adopt(item, document, [...sourcePath, i], [...path, i], origins));
  if (isMap(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, adopt(v, document, [...sourcePath, k], [...path, k], origins)]),
    );
  return value;
}

/** Forgets the origins under a path that is about to be replaced or renumbered. */
function forget(path: IssuePath, origins: Map<string, Origin>) {
  if (path.length === 0) return origins.clear();
  const prefix = `${key(path).slice(0, -1)},`;
  for (const k of [...origins.keys()]) if (k === key(path) || k.startsWith(prefix)) origins.delete(k);
}

function mergeInto(
  base: unknown,
  over: unknown,
  document: TemplateDocument,
  sourcePath: IssuePath,
  path: IssuePath,
  origins: Map<string, Origin>,
  problems: TemplateProblem[],
): unknown {
  if (isMap(base) && isMap(over)) {
    const result: Record<string, unknown> = { ...base };
    for (const [k, value] of Object.entries(over)) {
      if (value === null) {
        // Explicit removal: the template's value is not wanted here.
        delete result[k];
        forget([...path, k], origins);
      } else if (k in base) {
        result[k] = mergeInto(base[k], value, document, [...sourcePath, k], [...path, k], origins, problems);
      } else {
        result[k] = adopt(value, document, [...sourcePath, k], [...path, k], origins);
      }
    }
    return result;
  }
  if (
    Array.isArray(base) &&
    Array.isArray(over) &&
    byId(base) &&
    over.every((item) => isMap(item) && typeof item.id === 'string')
  ) {
    return mergeById(
      base as Record<string, unknown>[],
      over as Record<string, unknown>[],
      document,
      sourcePath,
      path,
      origins,
      problems,
    );
  }
  forget(path, origins);
  return adopt(over, document, sourcePath, path, origins);
}

/** Lists of items with an `id`: merged item by item (see the module comment). */
function mergeById(
  base: Record<string, unknown>[],
  over: Record<string, unknown>[],
  document: TemplateDocument,
  sourcePath: IssuePath,
  path: IssuePath,
  origins: Map<string, Origin>,
  problems: TemplateProblem[],
): unknown[] {
  // Where each item of the base came from, before the list is renumbered.
  const baseOrigins = base.map((_, i) => snapshot([...path, i], origins));
  forget(path, origins);
  origins.set(key(path), { document, path: sourcePath });
  const items: { value: Record<string, unknown>; origins: Map<string, Origin> }[] = base.map((value, i) => ({
    value,
    origins: baseOrigins[i]!,
  }));
  over.forEach((item, j) => {
    const at = items.findIndex((entry) => entry.value.id === item.id);
    if (item.$remove === true) {
      if (at < 0)
        problems.push({
          file: document.file,
          ...document.locate([...sourcePath, j, 'id']),
          path: [...sourcePath, j, 'id'],
          message: `nothing with id "${String(item.id)}" to remove: the template has no such item`,
        });
      else items.splice(at, 1);
      return;
    }
    const scratch = new Map<string, Origin>();
    if (at < 0) {
      items.push({
        value: adopt(item, document, [...sourcePath, j], [], scratch) as Record<string, unknown>,
        origins: scratch,
      });
    } else {
      const merged = mergeInto(
        items[at]!.value,
        item,
        document,
        [...sourcePath, j],
        [],
        items[at]!.origins,
        problems,
      ) as Record<string, unknown>;
      items[at] = { value: merged, origins: items[at]!.origins };
    }
  });
  return items.map((entry, i) => {
    for (const [k, origin] of entry.origins) origins.set(key([...path, i, ...(JSON.parse(k) as IssuePath)]), origin);
    return entry.value;
  });
}

/** The origins under `path`, re-keyed relative to it. */
function snapshot(path: IssuePath, origins: Map<string, Origin>): Map<string, Origin> {
  const result = new Map<string, Origin>();
  for (const [k, origin] of origins) {
    const full = JSON.parse(k) as IssuePath;
    if (full.length >= path.length && path.every((step, i) => full[i] === step))
      result.set(key(full.slice(path.length)), origin);
  }
  return result;
}
