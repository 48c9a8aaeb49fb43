/**
 * Restriction (Art. 18) and its lifting: the person's rows marked through their table's `restrictColumn`, in one
 * transaction. Restricting protects every row the person is in; lifting clears only their own rows.
 */
import type { RestrictionRequest, RestrictionResult, TableCount } from '../connector.js';
import { restrictable, valueText } from '../ownership.js';
import { traversalPlan } from '../plan.js';
import { leftToCustomer, ProcessorTally } from '../processor-rows.js';
import { identityTypes, type SqlContext } from './context.js';
import { Statement } from './driver.js';
import { findPersonRows } from './person-rows.js';
import { chunks, tableName } from './traverse.js';

export async function restrictRows(ctx: SqlContext, request: RestrictionRequest): Promise<RestrictionResult> {
  const { model, id } = ctx;
  // Read before any transaction opens: the schema comes through the pool.
  const accepts = await ctx.schema.seedFilter();
  const plan = traversalPlan(model, identityTypes(request.identities));
  await ctx.schema.assertKeys(plan);
  return ctx.driver.transaction(async (session) => {
    const person = await findPersonRows(ctx, session, plan, request.identities, accepts, () => []);
    const updated: TableCount[] = [];
    const unsupported: string[] = [];
    const processor = new ProcessorTally();
    for (const [name, rows] of person.found) {
      const t = ctx.table(name);
      if (leftToCustomer(t, request.processorData)) {
        processor.add(t, rows.length);
        continue;
      }
      // Lifting clears only the person's own rows (someone else may have restricted a row they share).
      const found = rows
        .filter((row) => request.restricted || person.ownership.get(name)?.get(valueText(row[t.primaryKey]))?.exclusive)
        .map((row) => row[t.primaryKey]);
      if (found.length === 0) continue;
      if (!t.restrictColumn) {
        // Rows that belong to a restrictable row are protected through it (retention, access marks).
        if (!restrictable(model, name)) unsupported.push(name);
        continue;
      }
      for (const batch of chunks(found, 1000)) {
        const statement = new Statement(session.dialect);
        const text = `update ${tableName(statement, model, name)} set ${statement.id(t.restrictColumn)} = ${statement.param(request.restricted)} where ${statement.inList(statement.id(t.primaryKey), batch)}`;
        await session.query(text, statement.params);
      }
      updated.push({ table: name, rows: found.length });
    }
    return { store: id, jobId: request.jobId, updated, unsupported, processorRows: processor.list() };
  });
}
