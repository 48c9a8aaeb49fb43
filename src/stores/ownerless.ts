/**
 * Rows that belong to nobody (docs/ownership.md, "Rows that belong to nobody"). Pure: from rows read around the
 * person's rows, it decides which belong to someone — they hold a live identity value or other personal data, or
 * belong to a row that does (owner references up, profile references down) — and which are what an erasure leaves
 * behind: no identity value, every other column erased, owned by nobody. A reference to such a row counts as NULL
 * when the person's rows are classified, so that a second erasure of the same person sees what the first one left
 * and writes nothing.
 */
import type { StoreModel, TableModel } from './plan.js';
import { isHashed } from './strategies.js';

export type FoundRow = Record<string, unknown>;

/** What an erasure leaves in a column besides NULL: the store's redaction token, and the columns a hold keeps. */
export interface ErasedForms {
  redactToken: string;
  /** The columns a hold in force keeps on the row: `all` for a whole-row hold, undefined when none holds it. */
  heldColumns: (table: TableModel, row: FoundRow) => 'all' | readonly string[] | undefined;
}

/** A comparable text for a key or reference value (numbers, bigints and numeric strings compare equal). */
export function valueText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return String(value);
}

/** The key of "the rows of `table` whose `column` equals `value`". */
export const rowsKey = (table: string, column: string, value: unknown) =>
  `${table}\u0000${column}\u0000${valueText(value)}`;

/**
 * Whether a row still names or describes a person: a live identity value (not NULL, not a hash, not the redaction
 * token), or another declared column holding a value that is none of these, not erased with `keep` and not kept by a
 * hold in force on the row.
 */
export function holdsPersonalData(table: TableModel, row: FoundRow, forms: ErasedForms): boolean {
  const held = forms.heldColumns(table, row);
  return table.columns.some((column) => {
    const value = row[column.name];
    if (value === null || value === undefined || valueText(value).trim() === '') return false;
    if (isHashed(value) || value === forms.redactToken) return false;
    if (column.identity) return true;
    if (column.erase === 'keep') return false;
    return !(held === 'all' || held?.includes(column.name));
  });
}

/**
 * Which of the `asked` row sets (keys from `rowsKey`) belong to nobody: every row with that value, if any, belongs to
 * nobody. `fetched` holds the rows read around the person's (with every column), `byKey` the fetched rows per asked
 * or followed key, and `found(table, column, value)` says whether a row the request reached has that value (such a
 * row is someone's: the person's). Rows are someone's by the least fixed point of: holds personal data; an owner
 * reference points at a found or someone's row; a found or someone's row points at it through a profile reference.
 */
export function ownerlessKeys(
  model: StoreModel,
  fetched: ReadonlyMap<string, readonly FoundRow[]>,
  byKey: ReadonlyMap<string, readonly FoundRow[]>,
  found: (table: string, column: string, value: unknown) => boolean,
  asked: Iterable<string>,
  forms: ErasedForms,
): Set<string> {
  const someone = new Set<FoundRow>();
  for (const [name, rows] of fetched) {
    const t = model.tables.get(name);
    for (const row of rows) if (!t || holdsPersonalData(t, row, forms)) someone.add(row);
  }
  const anyone = (table: string, column: string, value: unknown) =>
    found(table, column, value) || (byKey.get(rowsKey(table, column, value)) ?? []).some((r) => someone.has(r));
  const profilesTo = (table: string) =>
    [...model.tables.values()].flatMap((t) => t.references.filter((r) => r.profile && r.toTable === table));
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, rows] of fetched) {
      const t = model.tables.get(name);
      if (!t) continue;
      for (const row of rows) {
        if (someone.has(row)) continue;
        const owned = t.owners.some((r) => row[r.column] != null && anyone(r.toTable, r.toColumn, row[r.column]));
        const profile = profilesTo(name).some(
          (r) => row[r.toColumn] != null && anyone(r.table, r.column, row[r.toColumn]),
        );
        if (owned || profile) {
          someone.add(row);
          changed = true;
        }
      }
    }
  }
  const nobody = new Set<string>();
  for (const key of asked) if (!(byKey.get(key) ?? []).some((r) => someone.has(r))) nobody.add(key);
  return nobody;
}
