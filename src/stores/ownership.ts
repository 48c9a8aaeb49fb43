/**
 * Whose rows a request reached (docs/ownership.md). Pure: from the rows a traversal found for one person (with their
 * reference and restriction columns) and, for each profile reference, which rows of the store point at the profile
 * rows found, it decides per row whether it is the person's alone (exclusive) or shared with someone else, which of
 * its references point at the person, and whether it is restricted (Art. 18) through the rows it belongs to.
 *
 * Exclusive rows are the least fixed point: a row is exclusive when every non-null owner reference points at found
 * rows that are all exclusive, and no row outside the person's exclusive rows names it as its profile. Rows in a
 * cycle that only reach each other never become exclusive, which is the safe answer.
 */
import type { ColumnModel, ReferenceModel, StoreModel, TableModel } from './plan.js';
import { rowsKey, valueText, type FoundRow } from './ownerless.js';
import { truthy } from './sql/rows.js';
import { identityKey } from './sql/traverse.js';

export type { FoundRow };

export interface RowOwnership {
  /** The person's alone: every write of the request may act on it. */
  exclusive: boolean;
  /** Reference columns of the row whose value points at the person's exclusive rows. */
  mine: Set<string>;
  /**
   * Reference columns set to a row that is not the person's: someone else's, or one that belongs to nobody (an earlier
   * erasure's husk, which does not make the row shared). Columns describing that row (`of`) are never shown.
   */
  elsewhere?: Set<string> | undefined;
  /** The row or a row it belongs to (owner references up, profile references either way) is restricted. */
  restricted: boolean;
  /**
   * A row that only mentions the person: found by one of its identity columns while another of its identity columns
   * names someone else (Bob's customer row with `referrer_email` = Alice's). Lists the identity columns that hold the
   * person's value: the person's data in that row is those columns and nothing else.
   */
  mentioned?: string[] | undefined;
}

/** The shape of a column `ambiguousIdentities` reads: a charter's column declaration or a `ColumnModel`. */
export interface IdentityColumnShape {
  name: string;
  identity?: string | undefined;
  mentions?: boolean | undefined;
}

/**
 * The identity types of a table that have two or more columns and none marked `mentions: true`, with those columns:
 * the declaration does not say which of them is the row's own, so a row found by one while another names someone
 * else keeps the safe answer (it only mentions the person). `validate`, `lint` and `stores check` warn of them.
 */
export function ambiguousIdentities(columns: readonly IdentityColumnShape[]): { type: string; columns: string[] }[] {
  const byType = new Map<string, IdentityColumnShape[]>();
  for (const column of columns)
    if (column.identity) byType.set(column.identity, [...(byType.get(column.identity) ?? []), column]);
  return [...byType]
    .filter(([, list]) => list.length >= 2 && !list.some((c) => c.mentions === true))
    .map(([type, list]) => ({ type, columns: list.map((c) => c.name) }));
}

/** The warning for a table with ambiguous identity columns: which columns, and what to write. */
export function ambiguityMessage(table: string, ambiguous: readonly { type: string; columns: string[] }[]): string {
  const groups = ambiguous.map((a) => `${a.columns.join(', ')} (${a.type})`).join('; ');
  return `${table}: ${groups} are identity columns of one type and none is marked "mentions: true", so a row found by one while another names someone else is treated as only mentioning the person (a customer whose own row names a referrer is then reached only in the column holding their value); write "mentions: true" on the column that names another person (a referrer, a recipient, a contact person)`;
}

/**
 * The identity columns of a seed row that hold the person's values when the row only mentions the person; otherwise
 * undefined (the row is theirs). A row only mentions the person when every identity column holding one of their
 * values is marked `mentions: true` (it names another person: a referrer, a recipient), or — in a table whose identity
 * columns of one type are not told apart (`ambiguousIdentities`) — when another identity column of the request's
 * types holds a value that is not the person's: which person the rest of the row describes is then not said by the
 * declaration, so the safe answer is the other person. A row found through an unmarked identity column of a table
 * that marks its mentions is the person's own, whatever its `mentions` columns hold.
 */
export function mentionedColumns(
  table: TableModel,
  row: FoundRow,
  identities: readonly { type: string; value: string }[],
): string[] | undefined {
  const mine = new Set(identities.map((i) => `${i.type}\u0000${identityKey(i.type, i.value)}`));
  const types = new Set(identities.map((i) => i.type));
  const matched: ColumnModel[] = [];
  let other = false;
  for (const column of table.columns) {
    if (!column.identity || !types.has(column.identity)) continue;
    const value = row[column.name];
    if (value === null || value === undefined || valueText(value).trim() === '') continue;
    if (mine.has(`${column.identity}\u0000${identityKey(column.identity, valueText(value))}`)) matched.push(column);
    else other = true;
  }
  if (matched.length === 0) return undefined;
  const names = matched.map((c) => c.name);
  if (matched.every((c) => c.mentions)) return names;
  return other && ambiguousIdentities(table.columns).length > 0 ? names : undefined;
}

/** Rows of the store that reference each found profile row through a profile reference, as key texts. */
export type ProfileReferrers = Map<ReferenceModel, Map<string, Set<string>>>;

export { valueText };

/** The columns a traversal must read for `classifyRows`: owner and profile reference columns and the restriction flag. */
export function ownershipColumns(model: StoreModel, table: TableModel): string[] {
  const columns = new Set<string>();
  for (const ref of table.references)
    if (ref.owner || ref.profile || table.columns.some((c) => c.of === ref.column)) columns.add(ref.column);
  for (const ref of table.referencedBy)
    if ((ref.owner || ref.profile) && model.tables.has(ref.table)) columns.add(ref.toColumn);
  if (table.restrictColumn) columns.add(table.restrictColumn);
  return [...columns];
}

type Lookup = (table: string, column: string, value: unknown) => FoundRow[];

/** Found rows by (table, column, value) — primary key and referenced columns — for following a reference. */
function indexFound(model: StoreModel, found: ReadonlyMap<string, readonly FoundRow[]>): Lookup {
  const index = new Map<string, FoundRow[]>();
  for (const [name, rows] of found) {
    const t = model.tables.get(name);
    if (!t) continue;
    for (const column of new Set([t.primaryKey, ...t.referencedBy.map((r) => r.toColumn)])) {
      for (const row of rows) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const key = rowsKey(name, column, value);
        const list = index.get(key);
        if (list) list.push(row);
        else index.set(key, [row]);
      }
    }
  }
  return (table, column, value) => index.get(rowsKey(table, column, value)) ?? [];
}

/** Profile references by the table they point at. */
function profileReferencesByTarget(model: StoreModel): Map<string, ReferenceModel[]> {
  const targets = new Map<string, ReferenceModel[]>();
  for (const t of model.tables.values())
    for (const ref of t.references)
      if (ref.profile && model.tables.has(ref.toTable))
        targets.set(ref.toTable, [...(targets.get(ref.toTable) ?? []), ref]);
  return targets;
}

/**
 * The person's exclusive rows, the least fixed point of "exclusive" (docs/ownership.md): an owner reference or a
 * profile referrer that belongs to nobody (`nobody`, keys from `rowsKey`) counts as NULL.
 */
function exclusiveRows(
  model: StoreModel,
  found: ReadonlyMap<string, readonly FoundRow[]>,
  lookup: Lookup,
  profileReferrers: ProfileReferrers,
  mentions: ReadonlyMap<FoundRow, string[]>,
  nobody: ReadonlySet<string>,
): Set<FoundRow> {
  const exclusive = new Set<FoundRow>();
  const exclusiveKeys = new Map<string, Set<string>>();
  const profileTargets = profileReferencesByTarget(model);
  const isExclusive = (t: TableModel, row: FoundRow): boolean => {
    if (mentions.has(row)) return false;
    for (const ref of t.owners) {
      const value = row[ref.column];
      if (value === null || value === undefined || nobody.has(rowsKey(ref.toTable, ref.toColumn, value))) continue;
      const parents = lookup(ref.toTable, ref.toColumn, value);
      if (parents.length === 0 || !parents.every((p) => exclusive.has(p))) return false;
    }
    for (const ref of profileTargets.get(t.name) ?? []) {
      const value = row[ref.toColumn];
      if (value === null || value === undefined) continue;
      const referrers = profileReferrers.get(ref)?.get(valueText(value));
      const mine = exclusiveKeys.get(ref.table);
      const primaryKey = model.tables.get(ref.table)?.primaryKey ?? '';
      for (const key of referrers ?? [])
        if (!mine?.has(key) && !nobody.has(rowsKey(ref.table, primaryKey, key))) return false;
    }
    return true;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, rows] of found) {
      const t = model.tables.get(name);
      if (!t) continue;
      for (const row of rows) {
        if (exclusive.has(row) || !isExclusive(t, row)) continue;
        exclusive.add(row);
        const keys = exclusiveKeys.get(name) ?? new Set<string>();
        keys.add(valueText(row[t.primaryKey]));
        exclusiveKeys.set(name, keys);
        changed = true;
      }
    }
  }
  return exclusive;
}

/** Restricted found rows: flagged, then down owner references and both ways along profile references, to a fixed point. */
function restrictedRows(
  model: StoreModel,
  found: ReadonlyMap<string, readonly FoundRow[]>,
  lookup: Lookup,
): Set<FoundRow> {
  const profileTargets = profileReferencesByTarget(model);
  const restricted = new Set<FoundRow>();
  for (const [name, rows] of found) {
    const t = model.tables.get(name);
    if (t?.restrictColumn) for (const row of rows) if (truthy(row[t.restrictColumn])) restricted.add(row);
  }
  // Values that restricted rows name through a profile reference (table, column, value), kept as rows turn restricted.
  const restrictedReferrers = new Set<string>();
  const noteReferrer = (t: TableModel, row: FoundRow) => {
    for (const ref of t.references)
      if (ref.profile && row[ref.column] != null) restrictedReferrers.add(rowsKey(t.name, ref.column, row[ref.column]));
  };
  for (const [name, rows] of found) {
    const t = model.tables.get(name);
    if (t) for (const row of rows) if (restricted.has(row)) noteReferrer(t, row);
  }
  for (let changed = restricted.size > 0; changed;) {
    changed = false;
    for (const [name, rows] of found) {
      const t = model.tables.get(name);
      if (!t) continue;
      for (const row of rows) {
        if (restricted.has(row)) continue;
        const up = t.references.some(
          (ref) =>
            (ref.owner || ref.profile) &&
            row[ref.column] != null &&
            lookup(ref.toTable, ref.toColumn, row[ref.column]).some((p) => restricted.has(p)),
        );
        const down = (profileTargets.get(name) ?? []).some(
          (ref) =>
            row[ref.toColumn] != null && restrictedReferrers.has(rowsKey(ref.table, ref.column, row[ref.toColumn])),
        );
        if (up || down) {
          restricted.add(row);
          noteReferrer(t, row);
          changed = true;
        }
      }
    }
  }
  return restricted;
}

/**
 * Classifies every found row (table → rows) for one person. `profileReferrers` lists, for each profile reference and
 * each value of its target column among the found rows, the primary keys (as text) of every row of the store that
 * references it — found or not. `nobody` names (`rowsKey`) the rows outside the found ones that belong to nobody
 * (`findOwnerlessRows`): a reference to them counts as NULL; without it, every row not found is someone else's.
 */
export function classifyRows(
  model: StoreModel,
  found: ReadonlyMap<string, readonly FoundRow[]>,
  profileReferrers: ProfileReferrers,
  mentions: ReadonlyMap<FoundRow, string[]> = new Map(),
  nobody: ReadonlySet<string> = new Set(),
): Map<string, Map<string, RowOwnership>> {
  const lookup = indexFound(model, found);
  const exclusive = exclusiveRows(model, found, lookup, profileReferrers, mentions, nobody);
  const restricted = restrictedRows(model, found, lookup);
  const pointsAtPerson = (ref: ReferenceModel, value: unknown) => {
    const parents = lookup(ref.toTable, ref.toColumn, value);
    return parents.length > 0 && parents.every((p) => exclusive.has(p));
  };
  const result = new Map<string, Map<string, RowOwnership>>();
  for (const [name, rows] of found) {
    const t = model.tables.get(name);
    if (!t) continue;
    const byKey = new Map<string, RowOwnership>();
    for (const row of rows) {
      const mine = new Set<string>();
      const elsewhere = new Set<string>();
      for (const ref of t.references) {
        if (row[ref.column] == null) continue;
        if (pointsAtPerson(ref, row[ref.column])) mine.add(ref.column);
        else elsewhere.add(ref.column);
      }
      const mentioned = mentions.get(row);
      byKey.set(valueText(row[t.primaryKey]), {
        exclusive: exclusive.has(row),
        mine,
        elsewhere,
        restricted: restricted.has(row),
        ...(mentioned ? { mentioned } : {}),
      });
    }
    result.set(name, byKey);
  }
  return result;
}

/**
 * In a shared row, the person's columns: those whose `of` names a reference that points at the person, and in a row
 * that only mentions the person, the identity columns holding their value.
 */
export function personColumns(columns: readonly ColumnModel[], ownership: RowOwnership): ColumnModel[] {
  // A row that only mentions the person is someone else's but for the columns naming them (docs/ownership.md).
  const mentioned = ownership.mentioned;
  if (mentioned) return columns.filter((c) => mentioned.includes(c.name));
  return columns.filter(
    (c) => (c.of !== undefined && ownership.mine.has(c.of)) || ownership.mentioned?.includes(c.name),
  );
}

/**
 * The columns of a row the person may see: all of an exclusive row but those describing a row it points at that is
 * not the person's (a row that belongs to nobody: Bob's billing name on an invoice whose customer Bob was erased); in
 * a shared row, all but other people's; in a row that only mentions them, the columns holding their identity
 * (Art. 15(4)).
 */
export function visibleColumns(columns: readonly ColumnModel[], ownership: RowOwnership): ColumnModel[] {
  if (ownership.exclusive) return columns.filter((c) => c.of === undefined || !ownership.elsewhere?.has(c.of));
  if (ownership.mentioned) return personColumns(columns, ownership);
  return columns.filter((c) => c.of === undefined || ownership.mine.has(c.of));
}

/**
 * Whether a restriction can reach the rows of `table`: it has a `restrictColumn`, or a table it belongs to (owner
 * references up) or shares a person with through a profile reference (either way) has one, at any depth.
 */
export function restrictable(model: StoreModel, table: string, seen: Set<string> = new Set()): boolean {
  const t = model.tables.get(table);
  if (!t || seen.has(table)) return false;
  if (t.restrictColumn) return true;
  seen.add(table);
  const linked = [
    ...t.references.filter((r) => r.owner || r.profile).map((r) => r.toTable),
    ...t.referencedBy.filter((r) => r.profile).map((r) => r.table),
  ];
  return linked.some((name) => restrictable(model, name, seen));
}
