/**
 * The oracle of the ownership property test: which rows of a generated store are a person's, and what access,
 * erasure, rectification, restriction and retention may do with them — computed in memory from docs/ownership.md
 * alone (never from the engine), and compared with what the connector really did to the tables. Test-only module.
 *
 * Readings chosen where the page leaves room (each the safe one; listed in the lead's report):
 * - (b) of "exclusive" applies to seed rows too: a seed row that someone else's profile reference points at is shared.
 * - Which rows an erasure keeps because a surviving row references them is read from the tables afterwards (a row
 *   that stays and points at it through an enforced reference, other than the person's own through a nullable one);
 *   such a kept row must have its columns erased (`delete` as `null`), and a row nothing keeps must be gone.
 * - A nullable reference of the person's exclusive row may be set to NULL (unlinking before a delete); in a shared
 *   row only a reference that points at the person's exclusive rows may be, and one named by an `of` column must be.
 * - A held row (flag true) keeps its declared columns, or only its `keep` columns when the hold lists them; in a
 *   shared held row the person's columns may be kept or erased.
 * - Erasure, rectification and restriction ignore the restriction flag (the page does not make one depend on it).
 * - `redact` on a NULL value may leave it NULL or write the token.
 * - Retention (action delete) never writes a held row or a row a restricted row protects, not even to set its
 *   reference to NULL so that a due parent can go (issue 15: such a parent is anonymised or reported blocked). Other
 *   rows may be unlinked from a row that went; the report counts rows gone (deleted) and rows changed (anonymised or
 *   reduced), unlinks apart; a due row that nothing protects, holds or references afterwards must be gone.
 */
import type { AccessRecord, EraseStrategy, ErasureResult, SweepResult } from '../connector.js';
import { defaultRedactToken, hashValue } from '../strategies.js';
import type { GeneratedReference, GeneratedSchema, Row, Value } from './generated-schema.js';

/** Rows per table (same order as the schema's tables), as read back from the database. */
export type Dump = Row[][];

export const rowKey = (table: number, id: Value) => `${table}:${String(id)}`;

// ---------------------------------------------------------------------------------------------------------------
// Owner references (docs/ownership.md, "Default owner references")

/** The owner references of each table: explicit marks when any is written, else the three default rules. */
export function ownerReferences(schema: GeneratedSchema): GeneratedReference[][] {
  const tables = schema.tables;
  const explicit = tables.map((t) => t.references.some((r) => r.owner !== undefined));
  const owners: GeneratedReference[][] = tables.map((t, i) => {
    if (explicit[i]) return t.references.filter((r) => r.owner === true);
    // Rule 1: references to tables with identity columns (a self-reference is never an owner by default).
    return t.references.filter((r) => r.to !== i && tables[r.to]?.identity === true);
  });
  // Rule 3, to a fixpoint: references to tables that belong to someone, for tables rules 1 and 2 left without.
  const belongs = tables.map((t, i) => t.identity || (owners[i] ?? []).length > 0);
  for (let changed = true; changed;) {
    changed = false;
    tables.forEach((t, i) => {
      if (explicit[i]) {
        const now = t.identity || (owners[i] ?? []).some((r) => belongs[r.to]);
        if (now && !belongs[i]) [belongs[i], changed] = [true, true];
        return;
      }
      if (t.identity || (owners[i] ?? []).length > 0) return;
      const found = t.references.filter((r) => r.to !== i && belongs[r.to]);
      if (found.length > 0) {
        owners[i] = found;
        belongs[i] = true;
        changed = true;
      }
    });
  }
  return owners;
}

// ---------------------------------------------------------------------------------------------------------------
// Whose rows

export interface PersonRows {
  reached: Set<string>;
  exclusive: Set<string>;
}

export class StoreView {
  readonly owners: GeneratedReference[][];
  readonly byId: Map<Value, Row>[];

  constructor(
    readonly schema: GeneratedSchema,
    readonly dump: Dump,
  ) {
    this.owners = ownerReferences(schema);
    this.byId = dump.map((rows) => new Map(rows.map((r) => [r.id ?? null, r])));
  }

  row(table: number, id: Value): Row | undefined {
    return id === null ? undefined : this.byId[table]?.get(id);
  }

  /** Rows of `table` whose `column` equals `id`. */
  referrers(table: number, column: string, id: Value): Row[] {
    return (this.dump[table] ?? []).filter((r) => r[column] !== null && r[column] === id);
  }

  /** The profile references pointing at `table`: [referencing table, reference]. */
  profileReferencesTo(table: number): [number, GeneratedReference][] {
    return this.schema.tables.flatMap((t, u) =>
      t.references.filter((r) => r.profile && r.to === table).map((r): [number, GeneratedReference] => [u, r]),
    );
  }

  /** The owner references pointing at `table`: [referencing table, reference]. */
  ownerReferencesTo(table: number): [number, GeneratedReference][] {
    return this.owners.flatMap((list, u) =>
      list.filter((r) => r.to === table).map((r): [number, GeneratedReference] => [u, r]),
    );
  }

  /** Seeds, reached rows and exclusive rows of the person with this email (lower case). */
  person(email: string): PersonRows {
    const reached = new Set<string>();
    const queue: [number, Row][] = [];
    const add = (t: number, row: Row) => {
      const key = rowKey(t, row.id ?? null);
      if (reached.has(key)) return;
      reached.add(key);
      queue.push([t, row]);
    };
    this.schema.tables.forEach((table, t) => {
      if (table.identity) for (const row of this.dump[t] ?? []) if (row.email === email) add(t, row);
    });
    while (queue.length > 0) {
      const [t, row] = queue.shift() as [number, Row];
      // Down: rows whose owner reference points at a reached row.
      for (const [u, reference] of this.ownerReferencesTo(t))
        for (const child of this.referrers(u, reference.column, row.id ?? null)) add(u, child);
      // Up: the row a reached row's profile reference points at.
      for (const reference of this.schema.tables[t]?.references ?? []) {
        if (!reference.profile) continue;
        const parent = this.row(reference.to, row[reference.column] ?? null);
        if (parent) add(reference.to, parent);
      }
    }
    // Exclusive: the least set closed under (a) and (b).
    const exclusive = new Set<string>();
    for (let changed = true; changed;) {
      changed = false;
      for (const key of reached) {
        if (exclusive.has(key)) continue;
        const [t, row] = this.parse(key);
        const ownersOk = (this.owners[t] ?? []).every((reference) => {
          const value = row[reference.column] ?? null;
          if (value === null) return true;
          const parent = this.row(reference.to, value);
          return parent !== undefined && exclusive.has(rowKey(reference.to, value));
        });
        const profilesOk = this.profileReferencesTo(t).every(([u, reference]) =>
          this.referrers(u, reference.column, row.id ?? null).every((s) => exclusive.has(rowKey(u, s.id ?? null))),
        );
        if (ownersOk && profilesOk) {
          exclusive.add(key);
          changed = true;
        }
      }
    }
    return { reached, exclusive };
  }

  parse(key: string): [number, Row] {
    const [t, id] = key.split(':');
    const table = Number(t);
    const row = (this.dump[table] ?? []).find((r) => String(r.id) === id);
    if (!row) throw new Error(`no row ${key}`);
    return [table, row];
  }

  /** Whether the reference column of a row points at one of the person's exclusive rows. */
  pointsAt(t: number, row: Row, column: string, person: PersonRows): boolean {
    const reference = this.schema.tables[t]?.references.find((r) => r.column === column);
    const value = row[column] ?? null;
    return reference !== undefined && value !== null && person.exclusive.has(rowKey(reference.to, value));
  }

  /** Declared columns of a row the person sees: all in an exclusive row; in a shared row not the others' (Art. 15(4)). */
  visibleColumns(t: number, row: Row, person: PersonRows): string[] {
    const exclusive = person.exclusive.has(rowKey(t, row.id ?? null));
    return (this.schema.tables[t]?.columns ?? [])
      .filter((c) => exclusive || !c.of || this.pointsAt(t, row, c.of, person))
      .map((c) => c.name);
  }

  private flagged(key: string): boolean {
    const [t, row] = this.parse(key);
    return this.schema.tables[t]?.restrict === true && row.restricted === true;
  }

  /**
   * Access marks, among the person's reached rows: a row whose flag is set, and transitively a row whose owner
   * reference points at a marked reached row, or that is linked to a marked reached row by a profile reference in
   * either direction (the least set closed under these).
   */
  restrictedMarks(person: PersonRows): Set<string> {
    const marked = new Set([...person.reached].filter((k) => this.flagged(k)));
    for (let changed = true; changed;) {
      changed = false;
      for (const key of person.reached) {
        if (marked.has(key)) continue;
        const [t, row] = this.parse(key);
        const upward = [
          ...(this.owners[t] ?? []),
          ...(this.schema.tables[t]?.references ?? []).filter((r) => r.profile),
        ].some((r) => {
          const value = row[r.column] ?? null;
          return value !== null && marked.has(rowKey(r.to, value)) && this.row(r.to, value) !== undefined;
        });
        const below = this.profileReferencesTo(t).some(([u, r]) =>
          this.referrers(u, r.column, row.id ?? null).some((s) => marked.has(rowKey(u, s.id ?? null))),
        );
        if (upward || below) {
          marked.add(key);
          changed = true;
        }
      }
    }
    return marked;
  }

  private protectedCache: Set<string> | undefined;

  /**
   * Retention: rows that belong upward (owner and profile references, any depth) to a restricted row, and rows with
   * such a row below them through profile references — the least set closed under both.
   */
  retentionProtected(): Set<string> {
    if (this.protectedCache) return this.protectedCache;
    const result = new Set<string>();
    this.dump.forEach((rows, t) => {
      for (const row of rows) if (this.flagged(rowKey(t, row.id ?? null))) result.add(rowKey(t, row.id ?? null));
    });
    for (let changed = true; changed;) {
      changed = false;
      this.dump.forEach((rows, t) => {
        for (const row of rows) {
          const key = rowKey(t, row.id ?? null);
          if (result.has(key)) continue;
          const references = [
            ...(this.owners[t] ?? []),
            ...(this.schema.tables[t]?.references ?? []).filter((r) => r.profile),
          ];
          const up = references.some((r) => {
            const value = row[r.column] ?? null;
            return value !== null && this.row(r.to, value) !== undefined && result.has(rowKey(r.to, value));
          });
          const below = this.profileReferencesTo(t).some(([u, r]) =>
            this.referrers(u, r.column, row.id ?? null).some((s) => result.has(rowKey(u, s.id ?? null))),
          );
          if (up || below) {
            result.add(key);
            changed = true;
          }
        }
      });
    }
    this.protectedCache = result;
    return result;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Strategies

export function applyStrategy(strategy: EraseStrategy, value: Value, hashKey: Buffer): Value {
  if (strategy === 'keep') return value;
  if (value === null || strategy === 'null' || strategy === 'delete') return null;
  if (strategy === 'hash') return hashValue(value, hashKey);
  return defaultRedactToken;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks: each returns the problems found, as sentences naming table, row and column

const same = (a: Value | undefined, b: Value | undefined) => (a ?? null) === (b ?? null);
const show = (v: Value | undefined) => JSON.stringify(v ?? null);

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
      const mine = exclusive || (column.of !== undefined && view.pointsAt(t, row, column.of, person));
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
 * One table's retention sweep (action delete): restricted people's rows and held rows untouched, the reported counts
 * equal to the rows that changed, and no due row left that nothing protects or references.
 */
export function checkSweep(view: StoreView, table: number, after: Dump, results: SweepResult[], now: Date): string[] {
  const problems: string[] = [];
  const schema = view.schema;
  const definition = schema.tables[table];
  if (!definition) return problems;
  const protectedRows = view.retentionProtected();
  const afterById = after.map((rows) => new Map(rows.map((r) => [r.id ?? null, r])));
  const vanished = new Set<string>();
  const vanishedLater = (u: number, id: Value) =>
    id !== null && view.row(u, id) !== undefined && !afterById[u]?.has(id);
  let deleted = 0;
  let modified = 0;
  const isDue = (row: Row) => typeof row.at === 'string' && Date.parse(row.at) <= now.getTime() - 365 * 86_400_000;
  schema.tables.forEach((t, u) => {
    for (const row of view.dump[u] ?? []) {
      const key = rowKey(u, row.id ?? null);
      const name = `${t.name}#${String(row.id)}`;
      const current = afterById[u]?.get(row.id ?? null);
      const changedColumns = current ? Object.keys(row).filter((c) => !same(row[c], current[c])) : [];
      if (current && changedColumns.length === 0) continue;
      const held = t.hold !== undefined && row.held === true;
      if (protectedRows.has(key))
        problems.push(
          `retention of ${definition.name}: ${name} belongs to a restricted person but was ${current ? `changed (${changedColumns.join(', ')})` : 'deleted'}`,
        );
      if (!current) {
        vanished.add(key);
        if (held) problems.push(`retention of ${definition.name}: ${name} is held but was deleted`);
        if (u !== table) problems.push(`retention of ${definition.name}: ${name} of another table was deleted`);
        else if (!isDue(row)) problems.push(`retention of ${definition.name}: ${name} is not due but was deleted`);
        else deleted++;
        continue;
      }
      // Setting a nullable reference to a row that went to NULL is an unlink (allowed on rows nothing protects or holds).
      const unlinks = changedColumns.filter((c) => {
        const reference = t.references.find((r) => r.column === c);
        return (
          reference !== undefined &&
          reference.to === table &&
          reference.nullable &&
          current[c] === null &&
          vanishedLater(reference.to, row[c] ?? null)
        );
      });
      const others = changedColumns.filter((c) => !unlinks.includes(c));
      if (
        held &&
        (!t.hold?.keep ||
          unlinks.length > 0 ||
          others.some((c) => t.hold?.keep?.includes(c) || !t.columns.some((d) => d.name === c)))
      )
        problems.push(`retention of ${definition.name}: ${name} is held but ${changedColumns.join(', ')} changed`);
      if (others.length === 0) continue;
      if (u !== table)
        problems.push(`retention of ${definition.name}: ${name} of another table changed (${others.join(', ')})`);
      else if (!isDue(row))
        problems.push(`retention of ${definition.name}: ${name} is not due but ${others.join(', ')} changed`);
      else modified++;
    }
  });
  const reportedDeleted = results.reduce((n, r) => n + r.deleted, 0);
  const reportedChanged = results.reduce(
    (n, r) => n + r.anonymised + Object.values(r.reduced).reduce((a, b) => a + b, 0),
    0,
  );
  if (reportedDeleted !== deleted)
    problems.push(`retention of ${definition.name}: reported ${reportedDeleted} deleted, ${deleted} rows really went`);
  if (reportedChanged !== modified)
    problems.push(
      `retention of ${definition.name}: reported ${reportedChanged} anonymised or reduced, ${modified} rows really changed`,
    );
  // Completeness: a due row nothing protects, holds or references (after the sweep) must be gone.
  const referencedAfter = new Set<string>();
  schema.tables.forEach((t, u) => {
    for (const row of after[u] ?? [])
      for (const r of t.references)
        if (r.enforced && row[r.column] != null) referencedAfter.add(rowKey(r.to, row[r.column] ?? null));
  });
  for (const row of view.dump[table] ?? []) {
    const key = rowKey(table, row.id ?? null);
    const due = isDue(row);
    const held = definition.hold !== undefined && row.held === true;
    if (due && !held && !protectedRows.has(key) && !referencedAfter.has(key) && !vanished.has(key))
      problems.push(
        `retention of ${definition.name}: ${definition.name}#${String(row.id)} is due, unprotected and unreferenced, but was kept`,
      );
  }
  return problems;
}
