/**
 * What every cross-reference check of a charter shares: the problem list it adds to, the ids each section declares,
 * and the small checks many sections repeat (a known id, a known data category, a known country), each with a
 * "did you mean" hint.
 */
import { findCountry } from './catalogs/countries.js';
import { findDataCategory } from './catalogs/data-taxonomy.js';
import type { Charter } from './schema.js';

export type IssuePath = (string | number)[];

export interface ReferenceProblem {
  path: IssuePath;
  message: string;
  code: string;
}

export type AddProblem = (path: IssuePath, code: string, message: string) => void;

/** Suggests the closest of `candidates` to `value`, for "did you mean" hints. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** ` (did you mean "x"?)` when a candidate is close enough, else nothing. */
export function hint(value: string, candidates: readonly string[]): string {
  const suggestion = closest(value, candidates);
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

/** The ids each section of the charter declares, for the sections that name them. */
export interface DeclaredIds {
  subjects: string[];
  purposes: string[];
  recipients: string[];
  holds: string[];
  consentCategories: string[];
  customers: string[];
}

export interface ReferenceContext {
  charter: Charter;
  ids: DeclaredIds;
  add: AddProblem;
  /** Adds an unknown reference unless `value` is one of `known`. */
  expectIn: (path: IssuePath, value: string, known: readonly string[], what: string) => void;
  /** Adds an unknown reference unless `id` is a taxonomy id or declared under `data`. */
  checkData: (path: IssuePath, id: string) => void;
  /** Adds an unknown country unless `code` is in the catalog. */
  checkCountry: (path: IssuePath, code: string) => void;
}

/**
 * The context of one check, with the declared ids collected; a section that declares an id twice is reported here
 * (first of all the problems, in the order of the sections).
 */
export function referenceContext(charter: Charter, problems: ReferenceProblem[]): ReferenceContext {
  const add: AddProblem = (path, code, message) => problems.push({ path, code, message });
  const unique = (section: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id))
        add([section, index, 'id'], 'duplicate_id', `"${item.id}" is declared twice in ${section}`);
      seen.add(item.id);
    });
    return [...seen];
  };
  const subjects = unique('subjects', charter.subjects);
  const purposes = unique('purposes', charter.purposes);
  const recipients = unique('recipients', charter.recipients);
  const holds = unique('holds', charter.holds);
  unique('sites', charter.sites);
  const consentCategories = unique(
    'consent',
    charter.consent.categories.map((c) => ({ id: c.id })),
  );
  unique('stores', charter.stores);
  const customers = unique('customers', charter.customers);

  const declaredData = new Set(charter.data.map((d) => d.id));
  const knownData = [...declaredData];
  return {
    charter,
    ids: { subjects, purposes, recipients, holds, consentCategories, customers },
    add,
    expectIn: (path, value, known, what) => {
      if (!known.includes(value)) add(path, 'unknown_reference', `unknown ${what} "${value}"${hint(value, known)}`);
    },
    checkData: (path, id) => {
      if (!declaredData.has(id) && !findDataCategory(id)) {
        add(
          path,
          'unknown_reference',
          `unknown data category "${id}": declare it under data with a name${hint(id, knownData)}`,
        );
      }
    },
    checkCountry: (path, code) => {
      if (!findCountry(code)) add(path, 'unknown_country', `unknown country code "${code}"`);
    },
  };
}
