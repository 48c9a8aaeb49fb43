/**
 * Erasure (Art. 17) in one transaction per store: find the person's rows, decide per row (erase-decide.ts), then
 * write by primary key in batches — updates and reductions, unlinks, and deletes children-first. Strategies are
 * idempotent, so a re-run after a crash changes nothing twice; a dry run reads the same way and writes nothing.
 */
import type { ErasedTable, ErasureRequest, ErasureResult } from '../connector.js';
import { valueText } from '../ownership.js';
import { deletionOrder, traversalPlan, type ColumnModel, type HoldModel, type TableModel } from '../plan.js';
import { identityTypes, type SqlContext } from './context.js';
import { countingSession, type SqlSession } from './driver.js';
import { decideErasure, type ErasureDecisions } from './erase-decide.js';
import { KeptTally } from './erase-report.js';
import { findPersonRows, type PersonRows } from './person-rows.js';
import { writtenColumns } from './rows.js';
import type { Row } from './traverse.js';
import { deleteKeys, nullColumn, writeStrategies } from './write.js';

/** The columns an erasure reads beside the keys: hashed values, hold anchors and flags, both ends of references. */
function erasureColumns(t: TableModel): string[] {
  const columns = new Set<string>();
  for (const c of t.columns) if (c.erase === 'hash') columns.add(c.name);
  for (const h of t.holds) {
    if (h.anchor) columns.add(h.anchor);
    if (h.flag) columns.add(h.flag);
  }
  for (const r of t.references) columns.add(r.column);
  for (const r of t.referencedBy) columns.add(r.toColumn);
  return [...columns];
}

/** One erasure's state while it writes. */
interface Erasure {
  ctx: SqlContext;
  session: SqlSession;
  request: ErasureRequest;
  batchSize: number;
  person: PersonRows;
  decisions: ErasureDecisions;
}

export async function eraseRows(ctx: SqlContext, request: ErasureRequest): Promise<ErasureResult> {
  // Read before any transaction opens: the schema comes through the pool.
  const accepts = await ctx.schema.seedFilter();
  const batchSize = request.batchSize ?? 500;
  const now = new Date();
  const plan = traversalPlan(ctx.model, identityTypes(request.identities));
  await ctx.schema.assertKeys(plan);
  // One transaction per store: a crash or an error leaves the store as it was.
  return ctx.driver.transaction(async (raw) => {
    const session = countingSession(raw);
    const person = await findPersonRows(ctx, session, plan, request.identities, accepts, erasureColumns);
    const decisions = await decideErasure(ctx, session, plan, person, request, now);
    const erasure: Erasure = { ctx, session, request, batchSize, person, decisions };
    const tally = new KeptTally();
    const erased = await writeUpdates(erasure, tally);
    await unlinkShared(erasure);
    await unlinkFromDeleted(erasure);
    if (!request.dryRun) await unlinkAmongDeleted(erasure);
    await deleteRows(erasure, erased);
    return {
      store: ctx.id,
      jobId: request.jobId,
      dryRun: Boolean(request.dryRun),
      erased: erased.filter((e) => e.deleted > 0 || e.updated > 0),
      kept: tally.list(),
      queries: session.count,
      processorRows: tally.processor.list(),
    };
  });
}

/** 1. Updates, reductions, anonymised and shared rows, per table; every row's decision counted. */
async function writeUpdates(erasure: Erasure, tally: KeptTally): Promise<ErasedTable[]> {
  const { ctx, session, request, batchSize } = erasure;
  const write = async (t: TableModel, rows: Row[], columns: ColumnModel[]) => {
    if (!request.dryRun) await writeStrategies(ctx, session, t, rows, columns, batchSize);
  };
  const erased: ErasedTable[] = [];
  for (const [name, decided] of erasure.decisions.actions) {
    const t = ctx.table(name);
    const rows = erasure.person.found.get(name) ?? [];
    const kindOf = (row: Row) => decided.get(row[t.primaryKey])?.kind;
    const updates = rows.filter((row) => kindOf(row) === 'update');
    const updating = updates.length > 0 && writtenColumns(t, 'update').length > 0;
    await write(t, updates, writtenColumns(t, 'update'));
    if (updating) request.onBatch?.({ store: ctx.id, table: name, action: 'update', rows: updates.length });
    const reductions = new Map<HoldModel, Row[]>();
    // Shared rows: the person's columns only, grouped by which columns those are.
    const sharedGroups = new Map<string, { columns: ColumnModel[]; rows: Row[] }>();
    for (const row of rows) {
      const action = decided.get(row[t.primaryKey]);
      if (!action) continue;
      tally.add(t, action);
      if (action.kind === 'reduce') reductions.set(action.hold, [...(reductions.get(action.hold) ?? []), row]);
      if (action.kind !== 'shared' || action.columns.length === 0) continue;
      const signature = action.columns.map((c) => c.name).join(',');
      const group = sharedGroups.get(signature) ?? { columns: action.columns, rows: [] };
      group.rows.push(row);
      sharedGroups.set(signature, group);
    }
    for (const [hold, reduced] of reductions) await write(t, reduced, writtenColumns(t, 'reduce', hold.keep));
    // Rows kept because someone else's row references them: their personal columns erased all the same.
    await write(
      t,
      rows.filter((row) => kindOf(row) === 'anonymise'),
      writtenColumns(t, 'anonymise'),
    );
    for (const group of sharedGroups.values()) await write(t, group.rows, group.columns);
    erased.push({ table: name, deleted: 0, updated: updating ? updates.length : 0 });
  }
  return erased;
}

/** 2a. Shared rows let go of the person's rows. */
async function unlinkShared({ ctx, session, request, batchSize, decisions }: Erasure): Promise<void> {
  if (request.dryRun) return;
  for (const unlink of decisions.sharedUnlinks) {
    const table = unlink.table.name;
    await nullColumn(ctx, session, table, unlink.column, unlink.table.primaryKey, unlink.keys, batchSize, (rows) =>
      request.onBatch?.({ store: ctx.id, table, action: 'unlink', rows }),
    );
  }
}

/** 2b. Surviving children let go of parents that are deleted. */
async function unlinkFromDeleted({ ctx, session, request, batchSize, person, decisions }: Erasure): Promise<void> {
  for (const unlink of decisions.unlinks) {
    const parent = decisions.actions.get(unlink.toTable);
    const parentRows = person.found.get(unlink.toTable) ?? [];
    const parentTable = ctx.model.tables.get(unlink.toTable);
    if (!parent || !parentTable) continue;
    const deletedValues = new Set(
      parentRows
        .filter((row) => parent.get(row[parentTable.primaryKey])?.kind === 'delete')
        .map((row) => row[unlink.toColumn]),
    );
    const keys = unlink.keys.filter((_, i) => deletedValues.has(unlink.values[i]));
    if (keys.length === 0 || request.dryRun) continue;
    const table = unlink.table.name;
    await nullColumn(ctx, session, table, unlink.column, unlink.table.primaryKey, keys, batchSize, (rows) =>
      request.onBatch?.({ store: ctx.id, table, action: 'unlink', rows }),
    );
  }
}

/**
 * 3. A row deleted here that points at another row deleted here through a nullable reference (which the order does
 * not follow: nullable references break cycles, a row may even point at itself) lets go of it first, so no delete
 * ever meets a foreign key.
 */
async function unlinkAmongDeleted({ ctx, session, batchSize, person, decisions }: Erasure): Promise<void> {
  const deletedValues = (parentTable: string, column: string) => {
    const t = ctx.model.tables.get(parentTable);
    const decided = decisions.actions.get(parentTable);
    if (!t || !decided) return new Set<string>();
    return new Set(
      (person.found.get(parentTable) ?? [])
        .filter((row) => decided.get(row[t.primaryKey])?.kind === 'delete' && row[column] != null)
        .map((row) => valueText(row[column])),
    );
  };
  for (const [name, decided] of decisions.actions) {
    const t = ctx.table(name);
    for (const ref of t.references) {
      if (!ref.nullable || !ref.enforced) continue;
      const parents = deletedValues(ref.toTable, ref.toColumn);
      if (parents.size === 0) continue;
      const keys = (person.found.get(name) ?? [])
        .filter(
          (row) =>
            decided.get(row[t.primaryKey])?.kind === 'delete' &&
            row[ref.column] != null &&
            parents.has(valueText(row[ref.column])),
        )
        .map((row) => row[t.primaryKey]);
      await nullColumn(ctx, session, name, ref.column, t.primaryKey, keys, batchSize);
    }
  }
}

/** 4. Deletes, children first. */
async function deleteRows({ ctx, session, request, batchSize, decisions }: Erasure, erased: ErasedTable[]) {
  for (const name of deletionOrder(ctx.model)) {
    const decided = decisions.actions.get(name);
    if (!decided) continue;
    const t = ctx.table(name);
    const keys = [...decided].filter(([, action]) => action.kind === 'delete').map(([key]) => key);
    const entry = erased.find((e) => e.table === name);
    if (keys.length === 0 || !entry) continue;
    if (request.dryRun) entry.deleted = keys.length;
    else
      entry.deleted = await deleteKeys(ctx, session, t, keys, batchSize, (rows) =>
        request.onBatch?.({ store: ctx.id, table: name, action: 'delete', rows }),
      );
  }
}
