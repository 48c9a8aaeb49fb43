/**
 * The SQL a retention count and sweep are built from, pure over the declaration: the rule's anchor and the FROM clause
 * it needs, the predicates of holds, of exclusions and of columns not yet erased, and the references that keep a due
 * row from being deleted.
 */
import { addDuration, duration } from '../../charter/duration.js';
import type { DueQuery, RowRule } from '../connector.js';
import { restrictable } from '../ownership.js';
import type { AnchorModel, ColumnModel, ReferenceModel, StoreModel, TableModel } from '../plan.js';
import { hashPrefix } from '../strategies.js';
import type { Statement } from './driver.js';
import { restrictedMember, type RestrictedRows } from './restricted.js';
import { effectiveStrategy } from './rows.js';
import { tableName } from './traverse.js';

/** A rule's anchor: the declared `column` or `table.column` (through the table's reference to it), else the table's. */
export function anchorOf(t: TableModel, declared: string | undefined): AnchorModel | undefined {
  if (!declared) return t.anchor;
  const [first = '', second] = declared.split('.');
  if (second === undefined || first === t.name) return { column: second ?? first };
  return { column: second, via: t.references.find((r) => r.toTable === first) };
}

/** The FROM clause (aliased `t`, joined to the anchor's table when the anchor lives there) and the anchor expression. */
export function dueSource(
  statement: Statement,
  model: StoreModel,
  t: TableModel,
  anchor: AnchorModel | undefined = t.anchor,
): { from: string; anchor: string } {
  if (!anchor) throw new Error('no anchor');
  const own = `${tableName(statement, model, t.name)} t`;
  if (!anchor.via) return { from: own, anchor: `t.${statement.id(anchor.column)}` };
  const via = anchor.via;
  return {
    from: `${own} join ${tableName(statement, model, via.toTable)} a on a.${statement.id(via.toColumn)} = t.${statement.id(via.column)}`,
    anchor: `a.${statement.id(anchor.column)}`,
  };
}

/** One SQL predicate per table hold: true when the hold keeps the row (aliased `alias`) at `now`. */
export function holdPredicates(
  statement: Statement,
  t: TableModel,
  now: Date,
  alias = 't',
): { hold: string; sql: string }[] {
  return t.holds.map((hold) => {
    const parts: string[] = [];
    if (hold.flag) parts.push(`${alias}.${statement.id(hold.flag)} is true`);
    if (hold.anchor && hold.duration)
      parts.push(
        `${alias}.${statement.id(hold.anchor)} > ${statement.instant(addDuration(now, duration(hold.duration), -1))}`,
      );
    else if (hold.anchor) parts.push('1 = 0');
    return { hold: hold.hold, sql: parts.length > 0 ? `(${parts.join(' or ')})` : '(1 = 1)' };
  });
}

/** Rows whose column holds one of the excluded values are left out (NULL is never excluded). */
export function exclusions(statement: Statement, exclude: DueQuery['exclude']): string {
  return (exclude ?? [])
    .filter((e) => e.values.length > 0)
    .map(
      (e) => `(t.${statement.id(e.column)} is null or ${statement.notInList(`t.${statement.id(e.column)}`, e.values)})`,
    )
    .join(' and ');
}

/** True for rows where at least one of the columns is not yet in its erased state (so a sweep never loops on them). */
export function notYetErased(statement: Statement, columns: ColumnModel[], token: string): string {
  const parts = columns.map((column) => {
    const c = `t.${statement.id(column.name)}`;
    const strategy = effectiveStrategy(column);
    if (strategy === 'null') return `${c} is not null`;
    if (strategy === 'redact') return `(${c} is not null and ${c} <> ${statement.param(token)})`;
    return `(${c} is not null and ${c} not like ${statement.param(`${hashPrefix}%`)})`;
  });
  return `(${parts.join(' or ')})`;
}

/**
 * Nullable references from rows retention must never write (held or restricted): a due row such a row points at
 * cannot be unlinked from it, so it blocks like a non-nullable reference — but only while such a row points at it.
 */
export function stayingNullableReferences(
  model: StoreModel,
  t: TableModel,
  restrictedSet: RestrictedRows,
): ReferenceModel[] {
  return t.referencedBy.filter((r) => {
    const child = model.tables.get(r.table);
    // A table no restrictColumn protects may still hold restricted rows: those of a person Charter remembers.
    return (
      r.nullable &&
      r.enforced &&
      r.table !== t.name &&
      child !== undefined &&
      (child.holds.length > 0 || restrictable(model, child.name) || restrictedSet.has(child.name))
    );
  });
}

/** True for a row of `child` (aliased `alias`) that retention must leave as it is: held now, or restricted. */
export function stayingChild(
  statement: Statement,
  child: TableModel,
  alias: string,
  now: Date,
  restrictedSet: RestrictedRows,
): string {
  const parts = holdPredicates(statement, child, now, alias).map((h) => h.sql);
  const restricted = restrictedMember(statement, child, alias, restrictedSet);
  if (restricted) parts.push(restricted);
  return parts.length > 0 ? `(${parts.join(' or ')})` : '(1 = 0)';
}

/** References that keep a row from being deleted while a row points at it: enforced, not nullable, not to itself. */
export function blockingReferences(model: StoreModel, t: TableModel): ReferenceModel[] {
  return t.referencedBy.filter((r) => !r.nullable && r.enforced && r.table !== t.name && model.tables.has(r.table));
}

/**
 * True for a row of `child` (aliased `alias`) that goes in a run at `cutoff`: its table has a deleting rule, the row
 * is due under it, no hold keeps it and it is not restricted. (Rows still referenced themselves are not followed
 * further: the sweep reports what stays.)
 */
export function childGoes(
  statement: Statement,
  model: StoreModel,
  child: TableModel,
  alias: string,
  cutoff: Date,
  now: Date,
  rules: readonly RowRule[],
  restrictedSet: RestrictedRows,
): string {
  const rule = rules.find((r) => r.table === child.name);
  if (!rule?.period || !child.anchor) return '(1 = 0)';
  const anchor = anchorExpression(statement, model, child, alias);
  const parts = [`${anchor} <= ${statement.instant(addDuration(cutoff, duration(rule.period), -1))}`];
  for (const hold of holdPredicates(statement, child, now, alias)) parts.push(`not ${hold.sql}`);
  const restricted = restrictedMember(statement, child, alias, restrictedSet);
  if (restricted) parts.push(`not ${restricted}`);
  return `coalesce((${parts.join(' and ')}), false)`;
}

/** A table's anchor for a row aliased `alias`: its own column, or a scalar subquery through the reference to it. */
export function anchorExpression(statement: Statement, model: StoreModel, t: TableModel, alias: string): string {
  const anchor = t.anchor;
  if (!anchor) return 'null';
  return anchor.via
    ? `(select ba.${statement.id(anchor.column)} from ${tableName(statement, model, anchor.via.toTable)} ba where ba.${statement.id(anchor.via.toColumn)} = ${alias}.${statement.id(anchor.via.column)})`
    : `${alias}.${statement.id(anchor.column)}`;
}
