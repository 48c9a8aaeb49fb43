/**
 * One retention sweep batch, in its own transaction: the rows of a table due under a rule, not held, not restricted,
 * not already anonymised and not still referenced are deleted or anonymised (by the database itself on PostgreSQL
 * where it can), held rows with kept columns are reduced to them, and the batch's effect goes to the ledger.
 */
import { addDuration, duration } from '../../charter/duration.js';
import { StoreError, type SweepRequest, type SweepResult } from '../connector.js';
import type { AnchorModel, ColumnModel, TableModel } from '../plan.js';
import type { SqlContext } from './context.js';
import { Statement, type SqlSession } from './driver.js';
import type { SweepLedger } from './ledger.js';
import { restrictedMember, restrictedRows, type RestrictedRows } from './restricted.js';
import {
  anchorOf,
  blockingReferences,
  dueSource,
  exclusions,
  holdPredicates,
  notYetErased,
  stayingChild,
  stayingNullableReferences,
} from './retention-sql.js';
import { writtenColumns } from './rows.js';
import { chunks, tableName, type Row } from './traverse.js';
import { deleteKeys, nullColumn, sqlStrategy, writeStrategies } from './write.js';

/** One batch's state while it runs. */
interface Batch {
  ctx: SqlContext;
  session: SqlSession;
  request: SweepRequest;
  t: TableModel;
  ruleAnchor: AnchorModel;
  mode: 'delete' | 'anonymise';
  /** The columns an anonymisation writes. */
  anonymised: ColumnModel[];
  hashColumns: string[];
  now: Date;
  threshold: Date;
  restrictedSet: RestrictedRows;
  result: SweepResult;
}

export async function sweepBatch(ctx: SqlContext, ledger: SweepLedger, request: SweepRequest): Promise<SweepResult> {
  const t = ctx.table(request.table);
  const ruleAnchor = anchorOf(t, request.anchor);
  if (!ruleAnchor) throw new StoreError(ctx.id, `table "${t.name}" declares no retention anchor`, 'no_anchor');
  const result: SweepResult = { store: ctx.id, table: t.name, deleted: 0, anonymised: 0, reduced: {}, done: true };
  const mode = request.action === 'delete' ? 'delete' : 'anonymise';
  // A column rule erases just its columns; a delete rule's fallback (rows still referenced) erases them all.
  const anonymised = writtenColumns(t, 'anonymise').filter((c) => !request.columns || request.columns.includes(c.name));
  if (mode === 'anonymise' && anonymised.length === 0) return result;
  const recorded = request.batchId && !request.dryRun ? await ledger.ready() : false;
  const remembered = request.restrictedIdentities?.length
    ? { identities: request.restrictedIdentities, accepts: await ctx.schema.seedFilter() }
    : undefined;

  return ctx.driver.transaction(async (session) => {
    // The restricted rows, computed in the batch's own transaction right before its write: a row restricted
    // before the batch starts is in the set and the batch leaves it (one restricted while the batch runs is
    // protected from the next batch on). Bounded: an oversized set fails the sweep, never a silent miss.
    const restrictedSet = await restrictedRows(session, ctx.model, ctx.id, remembered);
    const batch: Batch = {
      ctx,
      session,
      request,
      t,
      ruleAnchor,
      mode,
      anonymised,
      hashColumns: t.columns.filter((c) => c.erase === 'hash').map((c) => c.name),
      now: new Date(request.now),
      threshold: addDuration(new Date(request.cutoff), duration(request.period), -1),
      restrictedSet,
      result,
    };
    const limit = await sweepDue(batch);
    await reduceHeld(batch, limit);
    if (recorded && request.batchId) await ledger.record(session, request.jobId, request.batchId, result);
    return result;
  });
}

/** Rows due, not held, not restricted, not already anonymised, not still referenced by a child row. */
function dueConditions(batch: Batch, statement: Statement, anchor: string): string[] {
  const { ctx, t, now, restrictedSet, request } = batch;
  const { model } = ctx;
  const held = holdPredicates(statement, t, now);
  const conditions = [`${anchor} <= ${statement.instant(batch.threshold)}`];
  if (held.length > 0) conditions.push(`not (${held.map((h) => h.sql).join(' or ')})`);
  // Art. 18: never a row that belongs (upward through owner and profile references) to a restricted row.
  const restricted = restrictedMember(statement, t, 't', restrictedSet);
  if (restricted) conditions.push(`not ${restricted}`);
  const excluded = exclusions(statement, request.exclude);
  if (excluded) conditions.push(excluded);
  const referenced = [
    ...blockingReferences(model, t).map(
      (child) =>
        `exists (select 1 from ${tableName(statement, model, child.table)} c where c.${statement.id(child.column)} = t.${statement.id(child.toColumn)})`,
    ),
    ...stayingNullableReferences(model, t, restrictedSet).map((child, k) => {
      const childTable = ctx.table(child.table);
      return `exists (select 1 from ${tableName(statement, model, child.table)} c${k} where c${k}.${statement.id(child.column)} = t.${statement.id(child.toColumn)} and ${stayingChild(statement, childTable, `c${k}`, now, restrictedSet)})`;
    }),
  ];
  if (batch.mode === 'anonymise') {
    conditions.push(notYetErased(statement, batch.anonymised, ctx.token));
    if (request.referencedOnly) conditions.push(referenced.length > 0 ? `(${referenced.join(' or ')})` : '1 = 0');
    return conditions;
  }
  for (const exists of referenced) conditions.push(`not ${exists}`);
  // A row another row of the same table still points at (a self-reference, which no order can follow) waits
  // until that row is gone: deleting it would break the other row's foreign key. A row pointing at itself
  // through a non-nullable reference cannot go at all.
  for (const self of t.referencedBy.filter((r) => r.table === t.name && r.enforced)) {
    const pk = statement.id(t.primaryKey);
    conditions.push(
      `not exists (select 1 from ${tableName(statement, model, t.name)} c where c.${statement.id(self.column)} = t.${statement.id(self.toColumn)} and c.${pk} <> t.${pk})`,
    );
    if (!self.nullable)
      conditions.push(
        `(t.${statement.id(self.column)} is null or t.${statement.id(self.column)} <> t.${statement.id(self.toColumn)})`,
      );
  }
  return conditions;
}

/** Deletes or anonymises the batch's due rows; returns the LIMIT clause the batch used (the reductions use it too). */
async function sweepDue(batch: Batch): Promise<string> {
  const { ctx, session, request, t, ruleAnchor, mode, result } = batch;
  const statement = new Statement(session.dialect);
  const { from, anchor } = dueSource(statement, ctx.model, t, ruleAnchor);
  const conditions = dueConditions(batch, statement, anchor);
  // A batch walks the anchor's index in order from where the previous one stopped: without the lower bound,
  // each batch would step again over every index entry of the rows already deleted (dead until vacuum) or
  // anonymised (their new versions sit at the same anchor), and a sweep of a large table would slow down
  // quadratically. `>=` because the cursor is cut to milliseconds; the few rows at the boundary are filtered.
  const ownAnchor = !ruleAnchor.via ? ruleAnchor.column : undefined;
  // Rows a self-reference kept waiting become free as the batch deletes their referrers: such a table is swept
  // again from the start until a batch deletes nothing (no cursor, which would step past them).
  const selfReferenced = mode === 'delete' && t.referencedBy.some((r) => r.table === t.name && r.enforced);
  const ordered = !request.dryRun && ownAnchor !== undefined && !selfReferenced;
  const after = request.after === undefined ? undefined : new Date(request.after);
  // The cursor goes back as the Date the driver read, so the driver converts it back the way it read it (a
  // zone-less timestamp column round-trips whatever the process's time zone).
  if (ordered && after && !Number.isNaN(after.getTime())) conditions.push(`${anchor} >= ${statement.param(after)}`);
  const limit = request.dryRun
    ? ''
    : `${ordered ? ` order by ${anchor}` : ''} limit ${Math.max(1, Math.floor(request.batchSize))}`;
  const unlinks = t.referencedBy.filter((r) => r.nullable && r.enforced && r.table !== t.name);
  const inDatabase =
    !request.dryRun && session.dialect === 'postgres' && (mode === 'anonymise' || unlinks.length === 0);
  const due = { from, anchor, conditions, limit, ordered, ownAnchor };
  if (inDatabase) {
    await writeInDatabase(batch, statement, due);
  } else {
    const columns = [
      t.primaryKey,
      ...batch.hashColumns,
      ...t.referencedBy.filter((r) => r.nullable && r.enforced).map((r) => r.toColumn),
      ...(ordered && ownAnchor ? [ownAnchor] : []),
    ];
    const selected = [...new Set(columns)].map((c) => `t.${statement.id(c)}`).join(', ');
    const rows = (
      await session.query(`select ${selected} from ${from} where ${conditions.join(' and ')}${limit}`, statement.params)
    ).rows;
    if (!request.dryRun && rows.length >= request.batchSize) result.done = false;
    const last = ordered && ownAnchor ? rows.at(-1)?.[ownAnchor] : undefined;
    if (last instanceof Date && !Number.isNaN(last.getTime())) result.next = last.toISOString();
    if (mode === 'delete') await deleteSwept(batch, rows);
    else
      result.anonymised = request.dryRun
        ? rows.length
        : await writeStrategies(ctx, session, t, rows, batch.anonymised, request.batchSize);
  }
  if (selfReferenced && !request.dryRun && result.deleted > 0) result.done = false;
  return limit;
}

/**
 * One statement: the database finds the due rows and deletes or anonymises them (computing the keyed hashes
 * itself); only a count and the cursor come back. The anchor is checked again on the row written, in case the
 * application renewed it meanwhile.
 */
async function writeInDatabase(
  { ctx, session, request, t, mode, anonymised, threshold, result }: Batch,
  statement: Statement,
  due: { from: string; anchor: string; conditions: string[]; limit: string; ordered: boolean; ownAnchor?: string },
): Promise<void> {
  const { from, anchor, conditions, limit, ordered, ownAnchor } = due;
  const key = statement.id(t.primaryKey);
  const recheck = ownAnchor ? ` and x.${statement.id(ownAnchor)} <= ${statement.instant(threshold)}` : '';
  // The rows go by primary key (`= any(array(…))`): a join to the batch would let the planner choose a scan
  // of the whole table for a few thousand rows.
  const target = `${tableName(statement, ctx.model, t.name)} x`;
  const inBatch = `x.${key} = any(array(select k from due))${recheck}`;
  const write =
    mode === 'delete'
      ? `delete from ${target} where ${inBatch}`
      : `update ${target} set ${anonymised.map((c) => `${statement.id(c.name)} = ${sqlStrategy(ctx, statement, c, `x.${statement.id(c.name)}`)}`).join(', ')} where ${inBatch}`;
  const text =
    `with due as materialized (select t.${key} as k${ordered ? `, ${anchor} as a` : ''} from ${from} where ${conditions.join(' and ')}${limit}), ` +
    `written as (${write} returning 1) ` +
    `select (select count(*) from written) as n, ${ordered ? '(select max(a) from due)' : 'null'} as last`;
  const row = (await session.query(text, statement.params)).rows[0] ?? {};
  const count = Number(row.n ?? 0);
  if (mode === 'delete') result.deleted = count;
  else result.anonymised = count;
  if (count >= request.batchSize) result.done = false;
  if (row.last instanceof Date && !Number.isNaN(row.last.getTime())) result.next = row.last.toISOString();
}

/** Deletes the selected rows, after their children and themselves let go of them through nullable references. */
async function deleteSwept({ ctx, session, request, t, result }: Batch, rows: Row[]): Promise<void> {
  if (request.dryRun) {
    result.deleted = rows.length;
    return;
  }
  for (const child of t.referencedBy.filter((r) => r.nullable && r.enforced && r.table !== t.name)) {
    const values = [...new Set(rows.map((r) => r[child.toColumn]).filter((v) => v != null))];
    await nullColumn(ctx, session, child.table, child.column, child.column, values, 1000);
  }
  // A row pointing at itself lets go of itself first (InnoDB checks each row as it deletes it).
  for (const self of t.references.filter((r) => r.toTable === t.name && r.enforced && r.nullable)) {
    for (const keys of chunks(
      rows.map((r) => r[t.primaryKey]),
      1000,
    )) {
      const unlink = new Statement(session.dialect);
      await session.query(
        `update ${tableName(unlink, ctx.model, t.name)} set ${unlink.id(self.column)} = null where ${unlink.inList(unlink.id(t.primaryKey), keys)} and ${unlink.id(self.column)} = ${unlink.id(self.toColumn)}`,
        unlink.params,
      );
    }
  }
  result.deleted = await deleteKeys(
    ctx,
    session,
    t,
    rows.map((r) => r[t.primaryKey]),
    request.batchSize,
  );
}

/** Held rows with kept columns are reduced to them (by the table's row rule only, never a restricted row). */
async function reduceHeld(batch: Batch, limit: string): Promise<void> {
  const { ctx, session, request, t, now, threshold, restrictedSet, result } = batch;
  for (const [i, hold] of t.holds.entries()) {
    if (!hold.keep || request.columns || request.referencedOnly) continue;
    const reduce = writtenColumns(t, 'reduce', hold.keep);
    if (reduce.length === 0) continue;
    const s = new Statement(session.dialect);
    const source = dueSource(s, ctx.model, t, batch.ruleAnchor);
    const predicates = holdPredicates(s, t, now);
    const own = predicates[i];
    if (!own) continue;
    const earlier = predicates.slice(0, i).map((p) => `not (${p.sql})`);
    const where = [
      `${source.anchor} <= ${s.instant(threshold)}`,
      own.sql,
      ...earlier,
      notYetErased(s, reduce, ctx.token),
    ];
    const protectedRow = restrictedMember(s, t, 't', restrictedSet);
    if (protectedRow) where.push(`not ${protectedRow}`);
    const select = [...new Set([t.primaryKey, ...batch.hashColumns])].map((c) => `t.${s.id(c)}`).join(', ');
    const { rows: heldRows } = await session.query(
      `select ${select} from ${source.from} where ${where.join(' and ')}${limit}`,
      s.params,
    );
    if (!request.dryRun && heldRows.length >= request.batchSize) result.done = false;
    const count = request.dryRun
      ? heldRows.length
      : await writeStrategies(ctx, session, t, heldRows, reduce, request.batchSize);
    if (count > 0) result.reduced[hold.hold] = (result.reduced[hold.hold] ?? 0) + count;
  }
}
