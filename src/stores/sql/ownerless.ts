/**
 * Reads the rows a person's rows point at without the request reaching them, to tell someone else's rows from rows
 * that belong to nobody (docs/ownership.md; the rule is `ownerlessKeys` in ../ownerless.ts). Starts from the owner
 * references of the found rows whose value no found row has, and from the profile referrers of found rows that were
 * not found; follows, from each read row that holds no personal data, its owner references up and the profile
 * references pointing at it, batched per table and column, each value once. A walk that would read more than
 * `limit` rows stops and answers "nobody known" (every such reference then makes a row shared: the safe side).
 */
import type { ProfileReferrers } from '../ownership.js';
import type { StoreModel, TableModel } from '../plan.js';
import { holdsPersonalData, ownerlessKeys, rowsKey, valueText, type ErasedForms, type FoundRow } from '../ownerless.js';
import { Statement, type SqlSession } from './driver.js';
import { chunks, tableName } from './traverse.js';

/**
 * The keys (`rowsKey`) of the row sets the found rows point at, or are pointed at from, that belong to nobody (or are
 * no row at all): `classifyRows` counts a reference to them as NULL.
 */
export async function findOwnerlessRows(
  session: SqlSession,
  model: StoreModel,
  found: ReadonlyMap<string, readonly FoundRow[]>,
  referrers: ProfileReferrers,
  forms: ErasedForms,
  limit = 50_000,
): Promise<Set<string>> {
  const foundValues = new Map<string, Set<string>>();
  const isFound = (table: string, column: string, value: unknown) => {
    const key = `${table}\u0000${column}`;
    let values = foundValues.get(key);
    if (!values) {
      values = new Set(
        (found.get(table) ?? [])
          .map((row) => row[column])
          .filter((v) => v != null)
          .map(valueText),
      );
      foundValues.set(key, values);
    }
    return values.has(valueText(value));
  };

  const asked = new Set<string>();
  const pending = new Map<string, { table: string; column: string; values: unknown[] }>();
  const seen = new Set<string>();
  const follow = (table: string, column: string, value: unknown) => {
    const key = rowsKey(table, column, value);
    if (value == null || seen.has(key) || isFound(table, column, value) || !model.tables.has(table)) return;
    seen.add(key);
    const group = pending.get(`${table}\u0000${column}`) ?? { table, column, values: [] };
    group.values.push(value);
    pending.set(`${table}\u0000${column}`, group);
  };
  for (const [name, rows] of found) {
    const t = model.tables.get(name);
    for (const ref of t?.owners ?? []) for (const row of rows) follow(ref.toTable, ref.toColumn, row[ref.column]);
  }
  for (const [ref, byValue] of referrers) {
    const child = model.tables.get(ref.table);
    if (!child) continue;
    for (const keys of byValue.values()) for (const key of keys) follow(ref.table, child.primaryKey, key);
  }
  for (const key of seen) asked.add(key);

  const fetched = new Map<string, FoundRow[]>();
  const byKey = new Map<string, FoundRow[]>();
  // One object per row, whichever key read it: the fixed point below tells rows apart by identity.
  const canonical = new Map<string, FoundRow>();
  let count = 0;
  while (pending.size > 0) {
    const groups = [...pending.values()];
    pending.clear();
    for (const { table, column, values } of groups) {
      const t = model.tables.get(table) as TableModel;
      for (const batch of chunks(values, 1000)) {
        const statement = new Statement(session.dialect);
        const text = `select * from ${tableName(statement, model, table)} where ${statement.inList(statement.id(column), batch)}`;
        for (const raw of (await session.query(text, statement.params)).rows) {
          const identity = `${table}\u0000${valueText(raw[t.primaryKey])}`;
          const known = canonical.get(identity);
          const row = known ?? raw;
          const key = rowsKey(table, column, row[column]);
          byKey.set(key, [...(byKey.get(key) ?? []), row]);
          if (known) continue;
          canonical.set(identity, row);
          if (++count > limit) return new Set();
          fetched.set(table, [...(fetched.get(table) ?? []), row]);
          if (holdsPersonalData(t, row, forms)) continue;
          for (const ref of t.owners) follow(ref.toTable, ref.toColumn, row[ref.column]);
          for (const other of model.tables.values())
            for (const ref of other.references)
              if (ref.profile && ref.toTable === table) follow(ref.table, ref.column, row[ref.toColumn]);
        }
      }
    }
  }
  return ownerlessKeys(model, fetched, byKey, isFound, asked, forms);
}
