/**
 * Retention counts: how many rows of a table a rule makes due at each cutoff, how many a hold or a restriction keeps,
 * and which due rows a delete rule cannot delete yet because other rows still reference them (and why those stay).
 * A count is advisory: the sweep checks again in each batch's transaction.
 */
import { addDuration, duration } from '../../charter/duration.js';
import { StoreError, type DueCount, type DueQuery, type RowRule } from '../connector.js';
import type { AnchorModel, ReferenceModel, TableModel } from '../plan.js';
import type { SqlContext } from './context.js';
import { Statement } from './driver.js';
import { restrictedMember, restrictedRows, type RestrictedRows } from './restricted.js';
import {
  anchorExpression,
  anchorOf,
  blockingReferences,
  childGoes,
  dueSource,
  exclusions,
  holdPredicates,
  notYetErased,
  stayingChild,
  stayingNullableReferences,
} from './retention-sql.js';
import { writtenColumns } from './rows.js';
import { tableName } from './traverse.js';

/** A nullable reference blocks only through the rows that stay (held, restricted): the others are unlinked. */
const onlyStaying = (ref: ReferenceModel) => ref.nullable;

/** The FROM clause and anchor of a count, and the predicate true for rows still referenced at a cutoff. */
interface CountSource {
  from: string;
  anchor: string;
  blockedAt: (cutoff: Date) => string | undefined;
}

/**
 * A delete rule cannot delete a row another row still references: such rows are blocked, not due. Per row and
 * referencing table, one subquery gives until when its referencing rows stay (the latest anchor among them, or "for
 * ever" for one a hold or a restriction keeps, or that no rule deletes); each cutoff then compares with it.
 */
function blockingSource(
  ctx: SqlContext,
  statement: Statement,
  source: Omit<CountSource, 'blockedAt'>,
  blocking: readonly ReferenceModel[],
  rules: readonly RowRule[],
  now: Date,
  restrictedSet: RestrictedRows,
): CountSource {
  if (blocking.length === 0) return { ...source, blockedAt: () => undefined };
  const { model } = ctx;
  const until = blocking.map((ref, k) => {
    const child = ctx.table(ref.table);
    const rule = rules.find((r) => r.table === child.name);
    const link = `from ${tableName(statement, model, child.name)} bc where bc.${statement.id(ref.column)} = t.${statement.id(ref.toColumn)}${onlyStaying(ref) ? ` and ${stayingChild(statement, child, 'bc', now, restrictedSet)}` : ''}`;
    if (!rule?.period || !child.anchor || onlyStaying(ref)) return `(select 1 ${link} limit 1) as charter_block_${k}`;
    const childAnchor = anchorExpression(statement, model, child, 'bc');
    const stays = [`${childAnchor} is null`, ...holdPredicates(statement, child, now, 'bc').map((h) => h.sql)];
    const protectedChild = restrictedMember(statement, child, 'bc', restrictedSet);
    if (protectedChild) stays.push(protectedChild);
    const forever = statement.instant(new Date('9999-12-31T00:00:00.000Z'));
    const cast = statement.dialect === 'mysql' ? `cast(${forever} as datetime(3))` : forever;
    return `(select max(case when coalesce((${stays.join(' or ')}), false) then ${cast} else ${childAnchor} end) ${link}) as charter_block_${k}`;
  });
  return {
    from: `(select ${source.anchor} as charter_anchor, ${until.join(', ')}, t.* from ${source.from}) t`,
    anchor: 't.charter_anchor',
    blockedAt: (cutoff) =>
      `(${blocking
        .map((ref, k) => {
          const rule = rules.find((r) => r.table === ref.table);
          if (!rule?.period || !ctx.table(ref.table).anchor || onlyStaying(ref))
            return `t.charter_block_${k} is not null`;
          return `coalesce(t.charter_block_${k} > ${statement.instant(addDuration(cutoff, duration(rule.period), -1))}, false)`;
        })
        .join(' or ')})`,
  };
}

export async function countDueRows(ctx: SqlContext, query: DueQuery): Promise<DueCount> {
  const { model, driver, id } = ctx;
  const t = ctx.table(query.table);
  const ruleAnchor = anchorOf(t, query.anchor);
  if (!ruleAnchor) throw new StoreError(id, `table "${t.name}" declares no retention anchor`, 'no_anchor');
  // A count is advisory (the sweep checks again in each batch's transaction): the restricted rows as of now.
  const restrictedSet = await restrictedRows(
    driver,
    model,
    id,
    query.restrictedIdentities?.length
      ? { identities: query.restrictedIdentities, accepts: await ctx.schema.seedFilter() }
      : undefined,
  );
  const statement = new Statement(driver.dialect);
  let { from, anchor } = dueSource(statement, model, t, ruleAnchor);
  const now = new Date(query.now);
  const held = holdPredicates(statement, t, now);
  const anyHold = held.length > 0 ? `(${held.map((h) => h.sql).join(' or ')})` : '1 = 0';
  let restricted = '1 = 0';
  const restrictedHere = restrictedMember(statement, t, 't', restrictedSet);
  if (restrictedHere) {
    // Decided once per row in a derived column: the key list is then in the text once, not once per cutoff
    // (MySQL's placeholders are limited per statement).
    from = `(select ${anchor} as charter_anchor_r, case when ${restrictedHere} then 1 else 0 end as charter_restricted, t.* from ${from}) t`;
    anchor = 't.charter_anchor_r';
    restricted = 't.charter_restricted = 1';
  }
  const cutoffs = query.cutoffs.map((c) => new Date(c));
  const thresholds = cutoffs.map((c) => addDuration(c, duration(query.period), -1));
  const rules = query.rules ?? [];
  const blocking =
    query.action === 'delete'
      ? [...blockingReferences(model, t), ...stayingNullableReferences(model, t, restrictedSet)]
      : [];
  const source = blockingSource(ctx, statement, { from, anchor }, blocking, rules, now, restrictedSet);
  ({ from, anchor } = source);
  const kept = `not ${anyHold} and not (${restricted})`;
  const dueColumns = thresholds.map((threshold, i) => {
    const blocked = source.blockedAt(cutoffs[i] ?? now);
    return `sum(case when ${anchor} <= ${statement.instant(threshold)} and ${kept}${blocked ? ` and not ${blocked}` : ''} then 1 else 0 end) as due_${i}`;
  });
  const first = thresholds[0] ?? now;
  // Each held row counts once, under the first hold that keeps it.
  const heldColumns = held.map((h, i) => {
    const earlier = held
      .slice(0, i)
      .map((e) => ` and not ${e.sql}`)
      .join('');
    return `sum(case when ${anchor} <= ${statement.instant(first)} and ${h.sql}${earlier} then 1 else 0 end) as held_${i}`;
  });
  const restrictedColumn = `sum(case when ${anchor} <= ${statement.instant(first)} and not ${anyHold} and ${restricted} then 1 else 0 end) as held_restricted`;
  const blockedColumns: string[] = [];
  const blockedNow = source.blockedAt(cutoffs[0] ?? now);
  const writable = writtenColumns(t, 'anonymise');
  if (blockedNow) {
    // (Built only here: a parameter registered and left out of the text would shift the others.)
    const notErased = writable.length > 0 ? notYetErased(statement, writable, ctx.token) : '1 = 1';
    const base = `${anchor} <= ${statement.instant(first)} and ${kept} and ${blockedNow}`;
    blockedColumns.push(`sum(case when ${base} and ${notErased} then 1 else 0 end) as blocked_open`);
    blockedColumns.push(`sum(case when ${base} and not ${notErased} then 1 else 0 end) as blocked_anonymised`);
  }
  const where = exclusions(statement, query.exclude);
  const text = `select sum(case when ${anchor} is null then 1 else 0 end) as without_anchor, ${[...dueColumns, ...heldColumns, restrictedColumn, ...blockedColumns].join(', ')} from ${from}${where ? ` where ${where}` : ''}`;
  const { rows } = await driver.query(text, statement.params);
  const row = rows[0] ?? {};
  const heldCounts: Record<string, number> = {};
  held.forEach((h, i) => {
    heldCounts[h.hold] = (heldCounts[h.hold] ?? 0) + Number(row[`held_${i}`] ?? 0);
  });
  const restrictedCount = Number(row.held_restricted ?? 0);
  if (restrictedCount > 0 || t.restrictColumn) heldCounts.restricted = restrictedCount;
  // Anonymised in an earlier run because still referenced: nothing personal is left to act on.
  const anonymisedBlocked = Number(row.blocked_anonymised ?? 0);
  if (anonymisedBlocked > 0) heldCounts.referenced = anonymisedBlocked;
  const result: DueCount = {
    store: id,
    table: t.name,
    due: thresholds.map((_, i) => Number(row[`due_${i}`] ?? 0)),
    held: heldCounts,
    withoutAnchor: Number(row.without_anchor ?? 0),
  };
  if (blockedNow) {
    result.blocked = [];
    result.blockedRows = Number(row.blocked_open ?? 0);
    if (result.blockedRows > 0) {
      const reasons = { t, ruleAnchor, rules, first, cutoff: cutoffs[0] ?? now, now, restrictedSet };
      for (const reference of blocking) result.blocked.push(...(await blockedBy(ctx, query, reasons, reference)));
    }
  }
  return result;
}

interface BlockedContext {
  t: TableModel;
  ruleAnchor: AnchorModel;
  rules: readonly RowRule[];
  /** The first cutoff's threshold. */
  first: Date;
  cutoff: Date;
  now: Date;
  restrictedSet: RestrictedRows;
}

/** The due rows one referencing table blocks, per reason its rows stay (a hold, a restriction, not due, ungoverned). */
async function blockedBy(
  ctx: SqlContext,
  query: DueQuery,
  { t, ruleAnchor, rules, first, cutoff, now, restrictedSet }: BlockedContext,
  reference: ReferenceModel,
): Promise<NonNullable<DueCount['blocked']>> {
  const { model } = ctx;
  const s = new Statement(ctx.driver.dialect);
  const source = dueSource(s, model, t, ruleAnchor);
  const child = ctx.table(reference.table);
  const childHolds = holdPredicates(s, child, now, 'bc');
  const childRestricted = restrictedMember(s, child, 'bc', restrictedSet);
  const ruled = rules.some((r) => r.table === child.name);
  const whens = `${childHolds.map((h) => `when ${h.sql} then ${s.param(h.hold)} `).join('')}${childRestricted ? `when ${childRestricted} then ${s.param('restricted')} ` : ''}`;
  const otherwise = s.param(ruled ? 'not-due' : 'ungoverned');
  const reason = whens ? `case ${whens}else ${otherwise} end` : otherwise;
  const parentHolds = holdPredicates(s, t, now);
  const parentRestricted = restrictedMember(s, t, 't', restrictedSet) ?? '1 = 0';
  const writable = writtenColumns(t, 'anonymise');
  const conditions = [
    `${source.anchor} <= ${s.instant(first)}`,
    ...parentHolds.map((h) => `not ${h.sql}`),
    `not (${parentRestricted})`,
    writable.length > 0 ? notYetErased(s, writable, ctx.token) : '1 = 1',
    `not ${childGoes(s, model, child, 'bc', cutoff, now, rules, restrictedSet)}`,
  ];
  if (onlyStaying(reference)) conditions.push(stayingChild(s, child, 'bc', now, restrictedSet));
  const excluded = exclusions(s, query.exclude);
  if (excluded) conditions.push(excluded);
  const sqlText =
    `select ${reason} as reason, count(distinct t.${s.id(t.primaryKey)}) as n, count(*) as m from ${source.from} ` +
    `join ${tableName(s, model, child.name)} bc on bc.${s.id(reference.column)} = t.${s.id(reference.toColumn)} where ${conditions.join(' and ')} group by 1`;
  return (await ctx.driver.query(sqlText, s.params)).rows.map((r) => ({
    table: child.name,
    reason: String(r.reason),
    rows: Number(r.n ?? 0),
    by: Number(r.m ?? 0),
  }));
}
