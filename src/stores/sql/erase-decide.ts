/**
 * Erasure decisions, per row of the person's: delete, update by strategy, reduce to a hold's kept columns, keep,
 * anonymise (someone else's row still references it), erase only the person's columns of a shared row, or leave a
 * row processed for a customer alone; and which references are set to NULL first. Reads only the rows outside the
 * person's that still reference theirs; writes nothing.
 */
import type { ErasureRequest } from '../connector.js';
import { personColumns, valueText, type RowOwnership } from '../ownership.js';
import {
  deletionOrder,
  type ColumnModel,
  type HoldModel,
  type ReferenceModel,
  type TableModel,
  type TraversalPlan,
} from '../plan.js';
import { leftToCustomer, protectCustomerParents } from '../processor-rows.js';
import type { SqlContext } from './context.js';
import type { SqlSession } from './driver.js';
import { ownershipOf, referencedFromOutside, type PersonRows } from './person-rows.js';
import { rowHold } from './rows.js';
import type { Row } from './traverse.js';

export type RowAction =
  | { kind: 'delete' }
  | { kind: 'update' }
  | { kind: 'reduce'; hold: HoldModel; until?: Date | undefined }
  | { kind: 'keep'; hold: HoldModel | 'referenced'; until?: Date | undefined }
  /** A row someone else's row still references: kept, its personal columns erased by their strategies. */
  | { kind: 'anonymise' }
  /** A row shared with someone else: only the person's columns are erased and their nullable references unlinked. */
  | { kind: 'shared'; columns: ColumnModel[]; unlink: ReferenceModel[] }
  /** A row processed for a customer (Art. 28): never written, counted; it still protects the rows it references. */
  | { kind: 'customer' };

/** Rows of the person's that let go of a parent through a nullable reference (written only if the parent goes). */
export interface Unlink {
  table: TableModel;
  column: string;
  toTable: string;
  toColumn: string;
  keys: unknown[];
  values: unknown[];
}

/** Shared rows whose reference to the person's row is set to NULL. */
export interface SharedUnlink {
  table: TableModel;
  column: string;
  keys: unknown[];
}

export interface ErasureDecisions {
  /** Per table, per primary key: what happens to the row. */
  actions: Map<string, Map<unknown, RowAction>>;
  unlinks: Unlink[];
  sharedUnlinks: SharedUnlink[];
}

/** Parent table → column → values kept by children that survive. */
type ProtectedValues = Map<string, Map<string, Set<unknown>>>;

function protectedCount(protectedValues: ProtectedValues): number {
  return [...protectedValues.values()].reduce(
    (n, byColumn) => n + [...byColumn.values()].reduce((m, values) => m + values.size, 0),
    0,
  );
}

/**
 * Decides per row, children first so a parent knows which children survive. The order cannot follow nullable
 * references (they break cycles), so a child met after its parent may still keep it: the decisions are made again
 * until the rows kept no longer change (protection only grows, so this ends).
 */
export async function decideErasure(
  ctx: Pick<SqlContext, 'model'>,
  session: SqlSession,
  plan: TraversalPlan,
  person: PersonRows,
  request: ErasureRequest,
  now: Date,
): Promise<ErasureDecisions> {
  const { model } = ctx;
  const order = deletionOrder(model);
  const protectedValues: ProtectedValues = new Map();
  protectCustomerParents(model, person.found, request.processorData, protectedValues);
  // Rows of other people (never reached, never written) that point at rows found here keep them; read once.
  const outsideOf = new Map<string, Map<string, Set<string>>>();
  const outside = async (t: TableModel, rows: Row[]) => {
    let values = outsideOf.get(t.name);
    if (!values) {
      values = t.deletesRows
        ? await referencedFromOutside(
            ctx,
            session,
            plan,
            t,
            rows.filter((row) => ownershipOf(person, t, row).exclusive),
            person.found,
          )
        : new Map<string, Set<string>>();
      outsideOf.set(t.name, values);
    }
    return values;
  };
  let decisions: ErasureDecisions = { actions: new Map(), unlinks: [], sharedUnlinks: [] };
  for (let before = -1; before !== protectedCount(protectedValues);) {
    before = protectedCount(protectedValues);
    decisions = { actions: new Map(), unlinks: [], sharedUnlinks: [] };
    for (const name of order) {
      const t = model.tables.get(name);
      const rows = person.found.get(name);
      if (!t || !rows) continue;
      const decided = decideRows(t, rows, person, request, now, protectedValues.get(name), await outside(t, rows));
      keepSelfReferenced(t, rows, decided, decisions.unlinks);
      decisions.actions.set(name, decided);
      protectParents(t, rows, decided, protectedValues, decisions.unlinks);
      collectSharedUnlinks(t, rows, decided, decisions.sharedUnlinks);
    }
  }
  return decisions;
}

/** The first decision for each row of `t`, before references within the table are followed. */
function decideRows(
  t: TableModel,
  rows: readonly Row[],
  person: PersonRows,
  request: ErasureRequest,
  now: Date,
  kept: Map<string, Set<unknown>> | undefined,
  outside: Map<string, Set<string>>,
): Map<unknown, RowAction> {
  const decided = new Map<unknown, RowAction>();
  for (const row of rows) {
    const key = row[t.primaryKey];
    if (leftToCustomer(t, request.processorData)) {
      decided.set(key, { kind: 'customer' });
      continue;
    }
    decided.set(key, decideRow(t, row, ownershipOf(person, t, row), now, kept, outside));
  }
  return decided;
}

function decideRow(
  t: TableModel,
  row: Row,
  own: RowOwnership,
  now: Date,
  kept: Map<string, Set<unknown>> | undefined,
  outside: Map<string, Set<string>>,
): RowAction {
  if (!own.exclusive) {
    // Someone else's too: only the person's columns, and the person's nullable references unlinked.
    const unlink = t.references.filter(
      (r) => r.nullable && own.mine.has(r.column) && (r.owner || t.columns.some((c) => c.of === r.column)),
    );
    return { kind: 'shared', columns: personColumns(t.columns, own).filter((c) => c.erase !== 'keep'), unlink };
  }
  const held = rowHold(t.holds, row, now);
  if (held) {
    return held.hold.keep
      ? { kind: 'reduce', hold: held.hold, until: held.until }
      : { kind: 'keep', hold: held.hold, until: held.until };
  }
  const referenced =
    (kept && [...kept].some(([column, values]) => values.has(row[column]))) ||
    [...outside].some(([column, values]) => row[column] != null && values.has(valueText(row[column])));
  if (t.deletesRows && !referenced) return { kind: 'delete' };
  if (t.deletesRows) return { kind: 'anonymise' };
  return { kind: 'update' };
}

/**
 * Within the table (self-references, which the order cannot follow): a surviving row keeps the row it points at,
 * unless it is the person's own and its reference is nullable — then it lets go of it. To a fixed point, since a
 * kept row survives in turn.
 */
function keepSelfReferenced(t: TableModel, rows: readonly Row[], decided: Map<unknown, RowAction>, unlinks: Unlink[]) {
  for (let changed = true; changed;) {
    changed = false;
    for (const ref of t.references) {
      if (ref.toTable !== t.name || !ref.enforced) continue;
      const deleted = new Map<string, Row[]>();
      for (const row of rows) {
        if (decided.get(row[t.primaryKey])?.kind !== 'delete' || row[ref.toColumn] == null) continue;
        const value = valueText(row[ref.toColumn]);
        deleted.set(value, [...(deleted.get(value) ?? []), row]);
      }
      for (const row of rows) {
        const action = decided.get(row[t.primaryKey]);
        const value = row[ref.column];
        if (!action || action.kind === 'delete' || value == null || !deleted.has(valueText(value))) continue;
        if (action.kind === 'shared' && action.unlink.includes(ref)) continue;
        if (action.kind !== 'shared' && ref.nullable) {
          if (!unlinks.some((u) => u.table === t && u.column === ref.column && u.keys.includes(row[t.primaryKey]))) {
            unlinks.push({
              table: t,
              column: ref.column,
              toTable: t.name,
              toColumn: ref.toColumn,
              keys: [row[t.primaryKey]],
              values: [value],
            });
          }
          continue;
        }
        for (const parent of deleted.get(valueText(value)) ?? [])
          decided.set(parent[t.primaryKey], { kind: 'anonymise' });
        changed = true;
      }
    }
  }
}

/** Surviving rows protect the parents they point to (or are unlinked from them when nullable). */
function protectParents(
  t: TableModel,
  rows: readonly Row[],
  decided: Map<unknown, RowAction>,
  protectedValues: ProtectedValues,
  unlinks: Unlink[],
) {
  for (const ref of t.references) {
    if (ref.toTable === t.name || !ref.enforced) continue;
    const survivors = rows.filter((row) => {
      const action = decided.get(row[t.primaryKey]);
      if (action?.kind === 'delete' || row[ref.column] == null) return false;
      return !(action?.kind === 'shared' && action.unlink.includes(ref));
    });
    if (survivors.length === 0) continue;
    // A shared row is never unlinked from a parent that is not the person's (that would write someone
    // else's link): it keeps the parent instead.
    const mineToUnlink = ref.nullable
      ? survivors.filter((row) => !['shared', 'customer'].includes(decided.get(row[t.primaryKey])?.kind ?? ''))
      : [];
    if (mineToUnlink.length > 0) {
      unlinks.push({
        table: t,
        column: ref.column,
        toTable: ref.toTable,
        toColumn: ref.toColumn,
        keys: mineToUnlink.map((r) => r[t.primaryKey]),
        values: mineToUnlink.map((r) => r[ref.column]),
      });
    }
    const protecting = survivors.filter((row) => !mineToUnlink.includes(row));
    if (protecting.length === 0) continue;
    const byColumn = protectedValues.get(ref.toTable) ?? new Map<string, Set<unknown>>();
    const values = byColumn.get(ref.toColumn) ?? new Set<unknown>();
    for (const row of protecting) values.add(row[ref.column]);
    byColumn.set(ref.toColumn, values);
    protectedValues.set(ref.toTable, byColumn);
  }
}

function collectSharedUnlinks(
  t: TableModel,
  rows: readonly Row[],
  decided: Map<unknown, RowAction>,
  sharedUnlinks: SharedUnlink[],
) {
  for (const row of rows) {
    const action = decided.get(row[t.primaryKey]);
    if (action?.kind !== 'shared') continue;
    for (const ref of action.unlink) {
      const entry = sharedUnlinks.find((u) => u.table === t && u.column === ref.column);
      if (entry) entry.keys.push(row[t.primaryKey]);
      else sharedUnlinks.push({ table: t, column: ref.column, keys: [row[t.primaryKey]] });
    }
  }
}
