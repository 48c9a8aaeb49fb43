/**
 * The oracle's checks of access, erasure, rectification and restriction (docs/ownership.md, "What each operation
 * does"): each compares what the connector did to the tables with the rows `StoreView` says are the person's, and
 * returns the problems found as sentences naming table, row and column. The readings chosen where the page leaves
 * room are listed in ownership-oracle.ts. Test-only module.
 */
import type { AccessRecord, ErasureResult } from '../connector.js';
import { defaultRedactToken } from '../strategies.js';
import type { Value } from './generated-schema.js';
import type { StoreView } from './ownership-oracle.js';
import { applyStrategy, rowKey, same, show, type Dump, type PersonRows } from './ownership-oracle.js';

// ---------------------------------------------------------------------------------------------------------------
// Checks: each returns the problems found, as sentences naming table, row and column

/** Rows present after that were not there before, and rows outside `allowed` that changed or vanished. */
function untouchedOutside(
  view: StoreView,
  after: Dump,
  allowed: (key: string) => boolean,
  problems: string[],
  label: string,
) {
  view.schema.tables.forEach((table, t) => {
    const afterById = new Map((after[t] ?? []).map((r) => [r.id ?? null, r]));
    for (const row of view.dump[t] ?? []) {
      const key = rowKey(t, row.id ?? null);
      if (allowed(key)) continue;
      const now = afterById.get(row.id ?? null);
      if (!now) problems.push(`${label}: ${table.name}#${String(row.id)} is not the person's row but was deleted`);
      else
        for (const column of Object.keys(row))
          if (!same(row[column], now[column]))
            problems.push(
              `${label}: ${table.name}#${String(row.id)} is not the person's row but ${column} changed ${show(row[column])} → ${show(now[column])}`,
            );
    }
    for (const row of after[t] ?? [])
      if (!view.row(t, row.id ?? null)) problems.push(`${label}: ${table.name}#${String(row.id)} appeared`);
  });
}

/** Access returns exactly the reached rows, each with the columns the person may see and the right marks. */
export function checkAccess(view: StoreView, person: PersonRows, records: AccessRecord[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const marks = view.restrictedMarks(person);
  for (const record of records) {
    const t = view.schema.tables.findIndex((table) => table.name === record.table);
    const key = `${t}:${record.key}`;
    if (seen.has(key)) problems.push(`access: ${record.table}#${record.key} returned twice`);
    seen.add(key);
    if (!person.reached.has(key)) {
      problems.push(`access: ${record.table}#${record.key} returned but it is not the person's row`);
      continue;
    }
    const [, row] = view.parse(key);
    const expected = view.visibleColumns(t, row, person).sort();
    const got = record.columns.map((c) => c.name).sort();
    if (expected.join(',') !== got.join(','))
      problems.push(
        `access: ${record.table}#${record.key} columns [${got.join(', ')}], expected [${expected.join(', ')}]`,
      );
    for (const column of record.columns) {
      if (expected.includes(column.name) && !same(row[column.name], column.value as Value))
        problems.push(
          `access: ${record.table}#${record.key}.${column.name} = ${show(column.value as Value)}, stored ${show(row[column.name])}`,
        );
    }
    const marked = marks.has(key);
    if (marked !== record.restricted)
      problems.push(
        `access: ${record.table}#${record.key} restricted: ${String(record.restricted)}, expected ${String(marked)}`,
      );
    const shared = !person.exclusive.has(key);
    if ((record.shared ?? false) !== shared)
      problems.push(
        `access: ${record.table}#${record.key} shared: ${String(record.shared)}, expected ${String(shared)}`,
      );
  }
  for (const key of person.reached) {
    if (!seen.has(key)) {
      const [t, row] = view.parse(key);
      problems.push(
        `access: ${view.schema.tables[t]?.name}#${String(row.id)} is the person's (${person.exclusive.has(key) ? 'exclusive' : 'shared'}) but was not returned`,
      );
    }
  }
  return problems;
}

/** The erasure touched the person's rows only, each as the strategies say; its report matches the tables. */
export function checkErasure(
  view: StoreView,
  person: PersonRows,
  after: Dump,
  result: ErasureResult,
  hashKey: Buffer,
): string[] {
  const problems: string[] = [];
  untouchedOutside(view, after, (key) => person.reached.has(key), problems, 'erasure');
  const schema = view.schema;
  const afterById = after.map((rows) => new Map(rows.map((r) => [r.id ?? null, r])));
  // A row the erasure would delete stays when a row still present afterwards references it through an enforced
  // reference — except when that row is the person's own and the reference nullable: it is set to NULL instead.
  const referencedAfter = new Set<string>();
  schema.tables.forEach((table, t) => {
    for (const row of after[t] ?? [])
      for (const r of table.references) {
        if (!r.enforced || row[r.column] == null) continue;
        if (r.nullable && person.exclusive.has(rowKey(t, row.id ?? null))) continue;
        referencedAfter.add(rowKey(r.to, row[r.column] ?? null));
      }
  });
  for (const key of person.reached) {
    const [t, row] = view.parse(key);
    const table = schema.tables[t];
    if (!table) continue;
    const name = `${table.name}#${String(row.id)}`;
    const now = afterById[t]?.get(row.id ?? null);
    const exclusive = person.exclusive.has(key);
    const held = table.hold !== undefined && row.held === true;
    if (!now) {
      if (!exclusive) problems.push(`erasure: ${name} is shared with someone else but was deleted`);
      else if (table.mode !== 'delete')
        problems.push(`erasure: ${name} was deleted but no column of ${table.name} erases with delete`);
      else if (held)
        problems.push(`erasure: ${name} is held (${table.hold?.keep ? 'reduced' : 'kept'}) but was deleted`);
      continue;
    }
    const blocked = referencedAfter.has(key);
    if (exclusive && table.mode === 'delete' && !held && !blocked)
      problems.push(
        `erasure: ${name} is the person's alone and no row that stays references it (other than the person's own through a nullable reference), but it was not deleted`,
      );
    for (const column of table.columns) {
      const before = row[column.name] ?? null;
      const value = now[column.name] ?? null;
      const erased = applyStrategy(column.strategy, before, hashKey);
      const kept = held && (table.hold?.keep === undefined || table.hold.keep.includes(column.name));
      const mentioned = person.mentioned.get(key);
      const mine = mentioned
        ? mentioned.includes(column.name)
        : exclusive || (column.of !== undefined && view.pointsAt(t, row, column.of, person));
      let allowed: Value[];
      if (!mine) allowed = [before];
      else if (kept) allowed = exclusive ? [before] : [before, erased];
      else if (exclusive && table.mode === 'delete') allowed = [null];
      else allowed = !exclusive && held ? [before, erased] : [erased];
      // Redacting an empty value: the page does not say whether it stays empty or takes the token.
      if (mine && column.strategy === 'redact' && before === null && allowed.includes(null))
        allowed.push(defaultRedactToken);
      if (!allowed.some((a) => same(a, value)))
        problems.push(
          `erasure: ${name}.${column.name} (${column.strategy}${column.of ? ` of ${column.of}` : ''}, ${exclusive ? 'exclusive' : 'shared'}${held ? ', held' : ''}) = ${show(value)}, expected ${allowed.map(show).join(' or ')} (was ${show(before)})`,
        );
    }
    for (const reference of table.references) {
      const before = row[reference.column] ?? null;
      const value = now[reference.column] ?? null;
      if (same(before, value)) {
        const named = table.columns.some((c) => c.of === reference.column);
        if (!exclusive && !held && named && reference.nullable && view.pointsAt(t, row, reference.column, person))
          problems.push(
            `erasure: ${name}.${reference.column} is shared, points at the person and is nullable, but was not set to NULL`,
          );
        continue;
      }
      const mayUnlink =
        reference.nullable && value === null && (exclusive || view.pointsAt(t, row, reference.column, person));
      if (!mayUnlink) problems.push(`erasure: ${name}.${reference.column} changed ${show(before)} → ${show(value)}`);
    }
    for (const column of ['restricted', 'held', 'at'])
      if (column in row && !same(row[column], now[column])) problems.push(`erasure: ${name}.${column} changed`);
  }
  // The report: rows deleted per table as in the tables; nothing counted outside the person's rows.
  for (const erased of result.erased) {
    const t = schema.tables.findIndex((table) => table.name === erased.table);
    const vanished = (view.dump[t] ?? []).filter((r) => !afterById[t]?.has(r.id ?? null)).length;
    const reached = [...person.reached].filter((k) => k.startsWith(`${t}:`)).length;
    if (!result.dryRun && erased.deleted !== vanished)
      problems.push(`erasure report: ${erased.table} deleted ${erased.deleted}, the table lost ${vanished} rows`);
    if (erased.deleted + erased.updated > reached)
      problems.push(
        `erasure report${result.dryRun ? ' (dry run)' : ''}: ${erased.table} deleted ${erased.deleted} + updated ${erased.updated}, but the person has ${reached} rows there`,
      );
  }
  return problems;
}

/** Rectification of one column: the person's exclusive rows, and shared rows only where the column is theirs. */
export function checkRectification(
  view: StoreView,
  person: PersonRows,
  table: number,
  column: string,
  value: string,
  after: Dump,
  updated: number,
): string[] {
  const expected = new Map<string, Value>();
  const definition = view.schema.tables[table]?.columns.find((c) => c.name === column);
  for (const row of view.dump[table] ?? []) {
    const key = rowKey(table, row.id ?? null);
    if (!person.reached.has(key)) continue;
    if (person.mentioned.has(key)) continue; // someone else's row but for the identity columns naming the person
    if (person.exclusive.has(key) || (definition?.of !== undefined && view.pointsAt(table, row, definition.of, person)))
      expected.set(key, value);
  }
  return [
    ...checkOnlyTables(view, after, new Set([table]), 'rectification'),
    ...checkColumnChanges(view, after, table, column, expected, 'rectification', updated),
  ];
}

/** Restriction (or lifting it): the flag set on every reached row, cleared on exclusive rows only. */
export function checkRestriction(view: StoreView, person: PersonRows, restricted: boolean, after: Dump): string[] {
  const problems: string[] = [];
  view.schema.tables.forEach((table, t) => {
    if (!table.restrict) return;
    const expected = new Map<string, Value>();
    for (const row of view.dump[t] ?? []) {
      const key = rowKey(t, row.id ?? null);
      if (restricted ? person.reached.has(key) : person.exclusive.has(key)) expected.set(key, restricted);
    }
    problems.push(
      ...checkColumnChanges(
        view,
        after,
        t,
        'restricted',
        expected,
        restricted ? 'restriction' : 'lifting the restriction',
      ),
    );
  });
  const flagged = new Set(view.schema.tables.map((_, t) => t).filter((t) => view.schema.tables[t]?.restrict));
  problems.push(...checkOnlyTables(view, after, flagged, restricted ? 'restriction' : 'lifting the restriction'));
  return problems;
}

function checkOnlyTables(view: StoreView, after: Dump, changed: Set<number>, label: string): string[] {
  const problems: string[] = [];
  untouchedOutside(view, after, (key) => changed.has(Number(key.split(':')[0])), problems, label);
  return problems;
}

/** In `table` only `column` of the rows in `expected` may change (to the expected value). */
function checkColumnChanges(
  view: StoreView,
  after: Dump,
  table: number,
  column: string,
  expected: Map<string, Value>,
  label: string,
  reported?: number,
): string[] {
  const problems: string[] = [];
  const name = view.schema.tables[table]?.name ?? '';
  const afterById = new Map((after[table] ?? []).map((r) => [r.id ?? null, r]));
  let changed = 0;
  for (const row of view.dump[table] ?? []) {
    const key = rowKey(table, row.id ?? null);
    const now = afterById.get(row.id ?? null);
    if (!now) {
      problems.push(`${label}: ${name}#${String(row.id)} was deleted`);
      continue;
    }
    for (const c of Object.keys(row)) {
      const want = c === column && expected.has(key) ? expected.get(key) : row[c];
      if (!same(want, now[c]))
        problems.push(
          `${label}: ${name}#${String(row.id)}.${c} = ${show(now[c])}, expected ${show(want)}${expected.has(key) ? '' : " (not the person's to change)"}`,
        );
    }
    if (!same(row[column], now[column])) changed++;
  }
  if (reported !== undefined && reported !== changed)
    problems.push(`${label}: reported ${reported} rows updated in ${name}, ${changed} changed`);
  return problems;
}

/**
 * Access after the person's erasure: a row that was theirs alone and not held comes back, if at all, only in its
 * erased form (each column as its strategy leaves it, `delete` as NULL) — nothing of the person's exclusive data.
 */
export function checkAccessAfterErasure(
  before: StoreView,
  person: PersonRows,
  records: AccessRecord[],
  hashKey: Buffer,
): string[] {
  const problems: string[] = [];
  for (const record of records) {
    const t = before.schema.tables.findIndex((table) => table.name === record.table);
    const key = `${t}:${record.key}`;
    const table = before.schema.tables[t];
    if (!table || !person.exclusive.has(key)) continue;
    const [, row] = before.parse(key);
    if (table.hold !== undefined && row.held === true) continue;
    for (const column of record.columns) {
      const strategy = table.columns.find((c) => c.name === column.name)?.strategy ?? 'null';
      const was = row[column.name] ?? null;
      const allowed = [applyStrategy(strategy, was, hashKey), ...(strategy === 'redact' ? [defaultRedactToken] : [])];
      if (!allowed.some((a) => same(a, column.value as Value)))
        problems.push(
          `access after erasure: ${record.table}#${record.key}.${column.name} = ${show(column.value as Value)}, the person's alone before (${show(was)}); expected ${allowed.map(show).join(' or ')}`,
        );
    }
  }
  return problems;
}
