/**
 * Art. 18 in retention (docs/ownership.md): the rows retention must leave alone because of a restriction, computed
 * outward from the restricted rows themselves. The restricted set is the least set that holds every row whose
 * `restrictColumn` is true and is closed under: the rows that belong to a restricted row through an owner or profile
 * reference (its children), and the row a restricted row declares its profile (its profile parent).
 *
 * Restricted people are few, so the walk starts at them: one statement per table with a `restrictColumn` for the
 * roots, then breadth-first, one statement per reference and level (chunked), each (table, key) visited once — cycles
 * end, and the cost is bounded by the size of the restricted set times the number of references, whatever the shape
 * of the schema (the nested `exists` it replaces grew with the number of paths, exponentially on profile cycles).
 *
 * The result is used as a list of primary keys in the count and sweep statements. A set larger than the bound is an
 * error (`restricted_rows_bound`), never a silent miss: the sweep stops rather than delete a row it did not check.
 */
import { StoreError, type Identity } from '../connector.js';
import { valueText } from '../ownership.js';
import { traversalPlan, type ReferenceModel, type StoreModel, type TableModel } from '../plan.js';
import { Statement, type SqlSession } from './driver.js';
import { chunks, tableName, traverse, type Row } from './traverse.js';

/** Identities of restricted people Charter remembers (a store could not mark them), and which values a column takes. */
export interface RememberedRestrictions {
  identities: readonly Identity[];
  accepts?: ((table: string, column: string, value: string) => boolean) | undefined;
}

/** Primary keys of the restricted rows, per table (tables without any are absent). */
export type RestrictedRows = ReadonlyMap<string, readonly unknown[]>;

/**
 * The most restricted rows a store may hold for retention to run: a statement carries them as one array parameter on
 * PostgreSQL, as placeholders on MySQL/MariaDB (at most 65,535 per statement; a count names a table's list at most a
 * few times).
 */
export const restrictedRowsBound: Record<'postgres' | 'mysql', number> = { postgres: 1_000_000, mysql: 15_000 };

/** How the walk leaves a restricted row of a table: to the rows of `target` whose `targetColumn` equals its `sourceColumn`. */
interface Step {
  sourceColumn: string;
  target: TableModel;
  targetColumn: string;
}

function steps(model: StoreModel, t: TableModel): Step[] {
  const out: Step[] = [];
  // Down: rows that belong to this one (owner reference) or declare it their profile.
  for (const ref of t.referencedBy) {
    const child = model.tables.get(ref.table);
    if (child && (ref.owner || ref.profile))
      out.push({ sourceColumn: ref.toColumn, target: child, targetColumn: ref.column });
  }
  // Up: the profile row this row declares its person's own.
  for (const ref of t.references.filter((r: ReferenceModel) => r.profile)) {
    const parent = model.tables.get(ref.toTable);
    if (parent) out.push({ sourceColumn: ref.column, target: parent, targetColumn: ref.toColumn });
  }
  return out;
}

/** Whether any table of the store declares a `restrictColumn` (otherwise nothing is ever restricted, at no cost). */
export function restrictionDeclared(model: StoreModel): boolean {
  return [...model.tables.values()].some((t) => t.restrictColumn !== undefined);
}

/**
 * The restricted rows of the store as `session` sees them now. Run it in the transaction of the statement that uses
 * the result (a sweep batch computes it right before its delete), so a row restricted before that transaction starts
 * is in it.
 */
export async function restrictedRows(
  session: SqlSession,
  model: StoreModel,
  storeId: string,
  remembered?: RememberedRestrictions,
): Promise<RestrictedRows> {
  const result = new Map<string, Map<string, unknown>>();
  const identities = remembered?.identities ?? [];
  if (!restrictionDeclared(model) && identities.length === 0) return new Map();
  const bound = restrictedRowsBound[session.dialect];
  let total = 0;
  const columnsOf = new Map<string, string[]>();
  const columns = (t: TableModel) => {
    let list = columnsOf.get(t.name);
    if (!list) {
      list = [...new Set([t.primaryKey, ...steps(model, t).map((s) => s.sourceColumn)])];
      columnsOf.set(t.name, list);
    }
    return list;
  };
  const select = (statement: Statement, t: TableModel) =>
    columns(t)
      .map((c, i) => `${statement.id(c)} as c${i}`)
      .join(', ');
  const read = (t: TableModel, row: Row): Row => Object.fromEntries(columns(t).map((c, i) => [c, row[`c${i}`]]));
  // Adds the rows not yet in the set; returns those (the next frontier of their table).
  const add = (t: TableModel, rows: readonly Row[]): Row[] => {
    const keys = result.get(t.name) ?? new Map<string, unknown>();
    result.set(t.name, keys);
    const added: Row[] = [];
    for (const raw of rows) {
      const row = read(t, raw);
      const key = row[t.primaryKey];
      if (key === null || key === undefined) continue;
      const text = valueText(key);
      if (keys.has(text)) continue;
      keys.set(text, key);
      added.push(row);
    }
    total += added.length;
    if (total > bound) {
      throw new StoreError(
        storeId,
        `more than ${bound.toLocaleString('en-US')} rows are restricted (Art. 18) or belong to restricted rows: retention stops rather than delete a row it could not check`,
        'restricted_rows_bound',
      );
    }
    return added;
  };

  let frontier = new Map<TableModel, Row[]>();
  for (const t of model.tables.values()) {
    if (!t.restrictColumn) continue;
    const statement = new Statement(session.dialect);
    // `= true`, not `is true`: the planner then uses an index on the column (or a partial index `where restricted`),
    // which turns this statement, run by every sweep batch, from a scan of the table into a lookup of the few rows.
    const { rows } = await session.query(
      `select ${select(statement, t)} from ${tableName(statement, model, t.name)} where ${statement.id(t.restrictColumn)} = true`,
      statement.params,
    );
    const added = add(t, rows);
    if (added.length > 0) frontier.set(t, [...(frontier.get(t) ?? []), ...added]);
  }
  // Roots Charter remembers (Art. 18 where a table cannot mark it): every row an identity column matches for a
  // restricted identity, compared again after the database matched it, like a request's seed rows. A row that only
  // mentions the person is kept too — keeping more is the safe side of a restriction.
  if (identities.length > 0) {
    const plan = traversalPlan(model, [...new Set(identities.map((i) => i.type))]);
    await traverse(session, model, { ...plan, edges: [] }, identities, {
      columns: (t) => columns(t),
      ...(remembered?.accepts ? { acceptsValue: remembered.accepts } : {}),
      onRows: async (t, rows) => {
        const added = add(
          t,
          rows.map((row) => Object.fromEntries(columns(t).map((c, i) => [`c${i}`, row[c]]))),
        );
        if (added.length > 0) frontier.set(t, [...(frontier.get(t) ?? []), ...added]);
      },
    });
  }
  while (frontier.size > 0) {
    const next = new Map<TableModel, Row[]>();
    for (const [t, rows] of frontier) {
      for (const step of steps(model, t)) {
        const values = [
          ...new Map(
            rows
              .map((row) => row[step.sourceColumn])
              .filter((v) => v !== null && v !== undefined)
              .map((v) => [valueText(v), v]),
          ).values(),
        ];
        for (const batch of chunks(values, 1000)) {
          const statement = new Statement(session.dialect);
          const text = `select ${select(statement, step.target)} from ${tableName(statement, model, step.target.name)} where ${statement.inList(statement.id(step.targetColumn), batch)}`;
          const added = add(step.target, (await session.query(text, statement.params)).rows);
          if (added.length > 0) next.set(step.target, [...(next.get(step.target) ?? []), ...added]);
        }
      }
    }
    frontier = next;
  }
  const keys = new Map<string, unknown[]>();
  for (const [name, byText] of result) if (byText.size > 0) keys.set(name, [...byText.values()]);
  return keys;
}

/**
 * True for a row of `t` (aliased `alias`) in the restricted set; undefined when the table has no restricted row (the
 * statement then stays as it would be without restrictions, at no cost).
 */
export function restrictedMember(
  statement: Statement,
  t: TableModel,
  alias: string,
  restricted: RestrictedRows,
): string | undefined {
  const keys = restricted.get(t.name);
  if (!keys || keys.length === 0) return undefined;
  return `(${statement.inList(`${alias}.${statement.id(t.primaryKey)}`, keys)})`;
}
