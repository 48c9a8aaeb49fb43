/**
 * The oracle of the ownership property test: which rows of a generated store are a person's, and what access,
 * erasure, rectification, restriction and retention may do with them — computed in memory from docs/ownership.md
 * alone (never from the engine), and compared with what the connector really did to the tables. Test-only module.
 *
 * Readings chosen where the page leaves room (each the safe one; listed in the lead's report):
 * - (b) of "exclusive" applies to seed rows too: a seed row that someone else's profile reference points at is shared.
 * - "Rows that belong to nobody" is computed over the whole store (every row, not only around the person): a
 *   generated identity value counts as live unless it is NULL, a hash or the redaction token; a flag hold in force
 *   (held = true) keeps its `keep` columns, or every column when it lists none.
 * - Which rows an erasure keeps because a surviving row references them is read from the tables afterwards (a row
 *   that stays and points at it through an enforced reference, other than the person's own through a nullable one);
 *   such a kept row must have its columns erased (`delete` as `null`), and a row nothing keeps must be gone.
 * - A nullable reference of the person's exclusive row may be set to NULL (unlinking before a delete); in a shared
 *   row only a reference that points at the person's exclusive rows may be, and one named by an `of` column must be.
 * - A held row (flag true) keeps its declared columns, or only its `keep` columns when the hold lists them; in a
 *   shared held row the person's columns may be kept or erased.
 * - A row that only mentions the person is reached, never walked from and never exclusive; access shows, and erasure
 *   changes, only its identity columns holding the person's email (not its `of` columns, even one pointing at the
 *   person); rectification never changes it; its references may be unlinked like a shared row's.
 * - Erasure, rectification and restriction ignore the restriction flag (the page does not make one depend on it).
 * - `redact` on a NULL value may leave it NULL or write the token.
 * - Retention (action delete) never writes a held row or a row a restricted row protects, not even to set its
 *   reference to NULL so that a due parent can go (issue 15: such a parent is anonymised or reported blocked). Other
 *   rows may be unlinked from a row that went; the report counts rows gone (deleted) and rows changed (anonymised or
 *   reduced), unlinks apart; a due row that nothing protects, holds or references afterwards must be gone.
 */
import type { EraseStrategy } from '../connector.js';
import { defaultRedactToken, hashValue, isHashed } from '../strategies.js';
import {
  isIdentityColumn,
  type GeneratedReference,
  type GeneratedSchema,
  type Row,
  type Value,
} from './generated-schema.js';

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
  /** Rows that only mention the person → the identity columns holding their email (the person's data in the row). */
  mentioned: Map<string, string[]>;
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

  /**
   * For a row of an identity table holding the person's email: the matched identity columns when the row only
   * mentions the person ("Rows that only mention the person"): every matched column is marked `mentions: true`, or
   * the table's two email columns are unmarked and the other one holds someone else's non-null address.
   */
  mentions(t: number, row: Row, email: string): string[] | undefined {
    const table = this.schema.tables[t];
    if (!table?.identity) return undefined;
    const columns = table.second ? ['email', 'other_email'] : ['email'];
    const matched = columns.filter((c) => row[c] === email);
    if (matched.length === 0) return undefined;
    if (table.second === 'mentions' && matched.every((c) => c === 'other_email')) return matched;
    const other = columns.some((c) => row[c] !== null && row[c] !== undefined && row[c] !== email);
    return table.second === 'unmarked' && other ? matched : undefined;
  }

  /** Seeds, reached rows and exclusive rows of the person with this email (lower case). */
  person(email: string): PersonRows {
    const mentioned = new Map<string, string[]>();
    const reached = new Set<string>();
    const queue: [number, Row][] = [];
    const add = (t: number, row: Row) => {
      const key = rowKey(t, row.id ?? null);
      if (reached.has(key)) return;
      reached.add(key);
      queue.push([t, row]);
    };
    this.schema.tables.forEach((table, t) => {
      if (!table.identity) return;
      for (const row of this.dump[t] ?? []) {
        if (row.email !== email && !(table.second && row.other_email === email)) continue;
        const columns = this.mentions(t, row, email);
        if (columns) mentioned.set(rowKey(t, row.id ?? null), columns);
        add(t, row);
      }
    });
    while (queue.length > 0) {
      const [t, row] = queue.shift() as [number, Row];
      // A row that only mentions the person is reached but never walked from.
      if (mentioned.has(rowKey(t, row.id ?? null))) continue;
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
    const someone = this.belongingToSomeone();
    const exclusive = new Set<string>();
    for (let changed = true; changed;) {
      changed = false;
      for (const key of reached) {
        if (exclusive.has(key) || mentioned.has(key)) continue;
        const [t, row] = this.parse(key);
        // A reference to a row that belongs to nobody (or to no row) counts as NULL; so does a profile referrer
        // that belongs to nobody.
        const ownersOk = (this.owners[t] ?? []).every((reference) => {
          const value = row[reference.column] ?? null;
          if (value === null || !someone.has(rowKey(reference.to, value))) return true;
          return exclusive.has(rowKey(reference.to, value));
        });
        const profilesOk = this.profileReferencesTo(t).every(([u, reference]) =>
          this.referrers(u, reference.column, row.id ?? null).every(
            (s) => exclusive.has(rowKey(u, s.id ?? null)) || !someone.has(rowKey(u, s.id ?? null)),
          ),
        );
        if (ownersOk && profilesOk) {
          exclusive.add(key);
          changed = true;
        }
      }
    }
    return { reached, exclusive, mentioned };
  }

  /** Whether a declared column of the row still names or describes a person ("Rows that belong to nobody"). */
  private holdsData(t: number, row: Row): boolean {
    const table = this.schema.tables[t];
    const held = table?.hold !== undefined && row.held === true;
    return (table?.columns ?? []).some((column) => {
      const value = row[column.name] ?? null;
      if (value === null || value === '' || value === defaultRedactToken || isHashed(value)) return false;
      if (isIdentityColumn(column.name)) return true;
      if (column.strategy === 'keep') return false;
      return !(held && (table?.hold?.keep === undefined || table.hold.keep.includes(column.name)));
    });
  }

  private someoneCache: Set<string> | undefined;

  /**
   * Every row of the store that belongs to someone: the least set holding the rows with personal data, the rows whose
   * owner reference points at one of the set, and the rows one of the set points at through a profile reference.
   */
  belongingToSomeone(): Set<string> {
    if (this.someoneCache) return this.someoneCache;
    const result = new Set<string>();
    this.dump.forEach((rows, t) => {
      for (const row of rows) if (this.holdsData(t, row)) result.add(rowKey(t, row.id ?? null));
    });
    this.closeOverStore(result, (t) => this.owners[t] ?? []);
    this.someoneCache = result;
    return result;
  }

  /**
   * Grows `result` (row keys) over the whole store to the least set closed under: a row whose `upward` reference
   * points at a row of the set, and a row a row of the set points at through a profile reference.
   */
  private closeOverStore(result: Set<string>, upward: (table: number) => GeneratedReference[]): void {
    for (let changed = true; changed;) {
      changed = false;
      this.dump.forEach((rows, t) => {
        for (const row of rows) {
          const key = rowKey(t, row.id ?? null);
          if (result.has(key)) continue;
          const up = upward(t).some((r) => {
            const value = row[r.column] ?? null;
            return value !== null && result.has(rowKey(r.to, value));
          });
          const below = this.profileReferencesTo(t).some(([u, r]) =>
            this.referrers(u, r.column, row.id ?? null).some((other) => result.has(rowKey(u, other.id ?? null))),
          );
          if (up || below) {
            result.add(key);
            changed = true;
          }
        }
      });
    }
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

  /**
   * Declared columns of a row the person sees: in an exclusive row all but those whose reference is set to a row that
   * is not the person's; in a shared row only those of no reference or of a reference to the person (Art. 15(4)).
   */
  visibleColumns(t: number, row: Row, person: PersonRows): string[] {
    const mentioned = person.mentioned.get(rowKey(t, row.id ?? null));
    if (mentioned) return [...mentioned];
    const exclusive = person.exclusive.has(rowKey(t, row.id ?? null));
    return (this.schema.tables[t]?.columns ?? [])
      .filter((c) => !c.of || (exclusive && (row[c.of] ?? null) === null) || this.pointsAt(t, row, c.of, person))
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
    this.closeOverStore(result, (t) => [
      ...(this.owners[t] ?? []),
      ...(this.schema.tables[t]?.references ?? []).filter((r) => r.profile),
    ]);
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

/** Two stored values are the same (undefined as NULL). */
export const same = (a: Value | undefined, b: Value | undefined) => (a ?? null) === (b ?? null);
/** A value as a problem sentence shows it. */
export const show = (v: Value | undefined) => JSON.stringify(v ?? null);
