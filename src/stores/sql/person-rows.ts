/**
 * The person's rows in a store and whose they are (docs/ownership.md): the traversal from the seed rows found by
 * identity, the rows that point at the person's profile rows, and the rows outside the person's that still
 * reference them through an enforced foreign key.
 */
import type { Identity } from '../connector.js';
import {
  classifyRows,
  mentionedColumns,
  ownershipColumns,
  valueText,
  type ProfileReferrers,
  type RowOwnership,
} from '../ownership.js';
import type { TableModel, TraversalPlan } from '../plan.js';
import type { SqlContext } from './context.js';
import { findOwnerlessRows } from './ownerless.js';
import { rowHold } from './rows.js';
import { Statement, type SqlSession } from './driver.js';
import type { SeedFilter } from './schema-cache.js';
import { chunks, tableName, traverse, type Row } from './traverse.js';

export interface PersonRows {
  /** The rows reached, per table. */
  found: Map<string, Row[]>;
  /** Per table, per primary key (as text): whose the row is. */
  ownership: Map<string, Map<string, RowOwnership>>;
}

/** A row's ownership, or "not the person's alone" for a row the classification did not see. */
export function ownershipOf(person: PersonRows, t: TableModel, row: Row): RowOwnership {
  return (
    person.ownership.get(t.name)?.get(valueText(row[t.primaryKey])) ?? {
      exclusive: false,
      mine: new Set<string>(),
      restricted: false,
    }
  );
}

/**
 * The person's rows: the traversal's rows with the columns asked for plus those ownership needs, then, for each
 * profile reference, every row of the store that points at a profile row found (someone else's profile makes it
 * shared), then the classification.
 */
export async function findPersonRows(
  ctx: Pick<SqlContext, 'model' | 'token'>,
  session: SqlSession,
  plan: TraversalPlan,
  identities: readonly Identity[],
  accepts: SeedFilter,
  columns: (t: TableModel) => string[],
  concurrency?: number,
): Promise<PersonRows> {
  const { model } = ctx;
  const found = new Map<string, Row[]>();
  const seedTables = new Set(plan.seeds.map((s) => s.table));
  // Seed rows that name someone else in another identity column: their data is that person's (docs/ownership.md).
  const mentions = new Map<Row, string[]>();
  await traverse(session, model, plan, identities, {
    acceptsValue: accepts,
    ...(concurrency === undefined ? {} : { concurrency }),
    columns: (t) => [
      ...new Set([
        ...columns(t),
        ...ownershipColumns(model, t),
        ...t.columns.filter((c) => c.identity).map((c) => c.name),
      ]),
    ],
    leadsNowhere: (t, row) => {
      if (!seedTables.has(t.name)) return false;
      const mentioned = mentionedColumns(t, row, identities);
      if (mentioned) mentions.set(row, mentioned);
      return mentioned !== undefined;
    },
    onRows: async (t, rows) => {
      const list = found.get(t.name);
      if (list) for (const row of rows) list.push(row);
      else found.set(t.name, [...rows]);
    },
  });
  const referrers = await profileReferrers(ctx, session, found);
  // Rows the found ones point at that belong to nobody (an earlier erasure's husks) count as NULL: idempotence.
  const nobody = await findOwnerlessRows(session, model, found, referrers, {
    redactToken: ctx.token,
    heldColumns: (t, row) => {
      const held = rowHold(t.holds, row, new Date());
      return held ? (held.hold.keep ?? 'all') : undefined;
    },
  });
  return { found, ownership: classifyRows(model, found, referrers, mentions, nobody) };
}

/** For each profile reference: the rows of its table pointing at a profile row found, by the value they point with. */
async function profileReferrers(
  { model }: Pick<SqlContext, 'model'>,
  session: SqlSession,
  found: ReadonlyMap<string, Row[]>,
): Promise<ProfileReferrers> {
  const referrers: ProfileReferrers = new Map();
  for (const t of model.tables.values()) {
    for (const ref of t.references) {
      const targets = ref.profile ? found.get(ref.toTable) : undefined;
      if (!targets || !model.tables.has(ref.toTable)) continue;
      const values = [...new Set(targets.map((row) => row[ref.toColumn]).filter((v) => v !== null && v !== undefined))];
      const byValue = new Map<string, Set<string>>();
      for (const batch of chunks(values, 1000)) {
        const statement = new Statement(session.dialect);
        const text = `select ${statement.id(t.primaryKey)} as k, ${statement.id(ref.column)} as v from ${tableName(statement, model, t.name)} where ${statement.inList(statement.id(ref.column), batch)}`;
        for (const row of (await session.query(text, statement.params)).rows) {
          const value = valueText(row.v);
          const keys = byValue.get(value) ?? new Set<string>();
          keys.add(valueText(row.k));
          byValue.set(value, keys);
        }
      }
      referrers.set(ref, byValue);
    }
  }
  return referrers;
}

/**
 * Values of `t`'s rows that rows outside `found` still reference through an enforced foreign key: deleting those
 * rows would fail, or (if the database cascaded) reach into someone else's data; they are kept.
 */
export async function referencedFromOutside(
  { model }: Pick<SqlContext, 'model'>,
  session: SqlSession,
  plan: TraversalPlan,
  t: TableModel,
  rows: readonly Row[],
  found: ReadonlyMap<string, Row[]>,
): Promise<Map<string, Set<string>>> {
  const outside = new Map<string, Set<string>>();
  for (const ref of t.referencedBy) {
    const child = model.tables.get(ref.table);
    if (!ref.enforced || !child) continue;
    // A reference the traversal walked down from these rows already brought back every row pointing at them: all
    // are in `found`, none is outside, and the query would only repeat the traversal's.
    if (plan.edges.some((edge) => edge.direction === 'back' && edge.reference === ref)) continue;
    const values = [...new Set(rows.map((row) => row[ref.toColumn]).filter((v) => v !== null && v !== undefined))];
    if (values.length === 0) continue;
    const mine = new Set((found.get(child.name) ?? []).map((row) => valueText(row[child.primaryKey])));
    const kept = outside.get(ref.toColumn) ?? new Set<string>();
    for (const batch of chunks(values, 1000)) {
      const statement = new Statement(session.dialect);
      const text = `select ${statement.id(child.primaryKey)} as k, ${statement.id(ref.column)} as v from ${tableName(statement, model, child.name)} where ${statement.inList(statement.id(ref.column), batch)}`;
      for (const row of (await session.query(text, statement.params)).rows)
        if (!mine.has(valueText(row.k))) kept.add(valueText(row.v));
    }
    outside.set(ref.toColumn, kept);
  }
  return outside;
}
