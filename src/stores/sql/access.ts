/**
 * Access (Art. 15) and portability: the person's rows as records for the export package, with the columns of
 * someone else sharing a row withheld, streamed to the sink in batches.
 */
import type { AccessColumn, AccessRecord, AccessRequest, AccessSink, AccessSummary } from '../connector.js';
import { visibleColumns } from '../ownership.js';
import { traversalPlan } from '../plan.js';
import { leftToCustomer, ProcessorTally } from '../processor-rows.js';
import { identityTypes, type SqlContext } from './context.js';
import { countingSession } from './driver.js';
import { findPersonRows, ownershipOf } from './person-rows.js';
import { keyText, toJson } from './rows.js';
import { chunks } from './traverse.js';

const accessBatch = 1000;

export async function accessRows(ctx: SqlContext, request: AccessRequest, sink: AccessSink): Promise<AccessSummary> {
  const { model, id } = ctx;
  // Read before any transaction opens: the schema comes through the pool.
  const accepts = await ctx.schema.seedFilter();
  const plan = traversalPlan(model, identityTypes(request.identities));
  await ctx.schema.assertKeys(plan);
  const counts = new Map<string, number>();
  const processor = new ProcessorTally();
  // No transaction: PostgreSQL and MySQL read committed give each statement its own snapshot anyway, and a
  // large result opens its own cursor transaction. One connection per statement keeps the pool free. The rows
  // are held until the traversal ends: whether a row is the person's alone is known only once its parents are.
  const session = countingSession(ctx.driver);
  const person = await findPersonRows(
    ctx,
    session,
    plan,
    request.identities,
    accepts,
    (t) => t.columns.map((c) => c.name),
    ctx.concurrency,
  );
  for (const name of plan.reachable) {
    const t = model.tables.get(name);
    const rows = person.found.get(name);
    if (!t || !rows) continue;
    if (leftToCustomer(t, request.processorData)) {
      processor.add(t, rows.length);
      continue;
    }
    const records: AccessRecord[] = [];
    for (const row of rows) {
      const own = ownershipOf(person, t, row);
      if (own.restricted && request.excludeRestricted) continue;
      // Art. 15(4): in a row shared with someone else, their columns are withheld.
      const columns: AccessColumn[] = visibleColumns(t.columns, own)
        .filter((c) => request.includeSecrets || !c.secret)
        .map((c) => ({ name: c.name, category: c.category, value: toJson(row[c.name]) }));
      records.push({
        store: id,
        table: t.name,
        key: keyText(row[t.primaryKey]),
        columns,
        restricted: own.restricted,
        ...(own.exclusive ? {} : { shared: true }),
      });
    }
    counts.set(t.name, (counts.get(t.name) ?? 0) + records.length);
    for (const batch of chunks(records, accessBatch)) await sink(batch);
  }
  return {
    store: id,
    tables: [...counts].map(([name, rows]) => ({ table: name, rows })),
    queries: session.count,
    processorRows: processor.list(),
  };
}
