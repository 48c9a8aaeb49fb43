/**
 * Rectification (Art. 16): the declared columns of the person's rows set to the values asked for, in one transaction;
 * a row shared with someone else changes only in the person's own columns.
 */
import { StoreError, type RectificationRequest, type RectificationResult, type TableCount } from '../connector.js';
import { personColumns, valueText } from '../ownership.js';
import { traversalPlan } from '../plan.js';
import { leftToCustomer, ProcessorTally } from '../processor-rows.js';
import { identityTypes, type SqlContext } from './context.js';
import { Statement } from './driver.js';
import { findPersonRows } from './person-rows.js';
import { chunks, tableName } from './traverse.js';

type Changes = RectificationRequest['changes'];

/** Refuses a change of a column that is not declared, or of a primary key. */
function assertRectifiable(ctx: SqlContext, changes: Changes): void {
  for (const change of changes) {
    const t = ctx.table(change.table);
    const column = t.columns.find((c) => c.name === change.column);
    if (!column)
      throw new StoreError(
        ctx.id,
        `column "${change.table}.${change.column}" is not declared: only declared columns can be rectified`,
        'unknown_column',
      );
    if (column.name === t.primaryKey)
      throw new StoreError(ctx.id, 'a primary key cannot be rectified', 'unknown_column');
  }
}

export async function rectifyRows(ctx: SqlContext, request: RectificationRequest): Promise<RectificationResult> {
  const { model, id } = ctx;
  // Read before any transaction opens: the schema comes through the pool.
  const accepts = await ctx.schema.seedFilter();
  assertRectifiable(ctx, request.changes);
  const plan = traversalPlan(model, identityTypes(request.identities));
  await ctx.schema.assertKeys(plan);
  return ctx.driver.transaction(async (session) => {
    const { found, ownership } = await findPersonRows(ctx, session, plan, request.identities, accepts, () => []);
    const updated: TableCount[] = [];
    const processor = new ProcessorTally();
    const byTable = new Map<string, Changes>();
    for (const change of request.changes) byTable.set(change.table, [...(byTable.get(change.table) ?? []), change]);
    for (const [name, changes] of byTable) {
      const t = ctx.table(name);
      if (leftToCustomer(t, request.processorData)) {
        processor.add(t, found.get(name)?.length ?? 0);
        continue;
      }
      // The person's own rows take every change; a row shared with someone else only changes in the person's
      // columns (`of` a reference that points at them). Rows grouped by the changes they take.
      const groups = new Map<string, { changes: Changes; keys: unknown[] }>();
      for (const row of found.get(name) ?? []) {
        const own = ownership.get(name)?.get(valueText(row[t.primaryKey]));
        if (!own) continue;
        const mine = own.exclusive
          ? changes
          : changes.filter((c) => personColumns(t.columns, own).some((column) => column.name === c.column));
        if (mine.length === 0) continue;
        const signature = mine.map((c) => c.column).join(',');
        const group = groups.get(signature) ?? { changes: mine, keys: [] };
        group.keys.push(row[t.primaryKey]);
        groups.set(signature, group);
      }
      let rows = 0;
      for (const group of groups.values()) {
        for (const batch of chunks(group.keys, 1000)) {
          const statement = new Statement(session.dialect);
          const sets = group.changes.map(
            (c) =>
              `${statement.id(c.column)} = ${statement.param(c.value === null || typeof c.value !== 'object' ? c.value : JSON.stringify(c.value))}`,
          );
          const text = `update ${tableName(statement, model, name)} set ${sets.join(', ')} where ${statement.inList(statement.id(t.primaryKey), batch)}`;
          await session.query(text, statement.params);
          rows += batch.length;
        }
      }
      updated.push({ table: name, rows });
    }
    return { store: id, jobId: request.jobId, updated, processorRows: processor.list() };
  });
}
