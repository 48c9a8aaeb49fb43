/**
 * Generated stores for the ownership property test (src/stores/ownership.contract.test.ts): a fast-check generator
 * of store schemas and their rows, the charter declaration that describes them (parsed through `storeSchema`), the
 * SQL that creates and fills them on PostgreSQL and MariaDB, and a readable print of one generated case for a
 * failure report. Test-only module.
 *
 * Shapes covered: identity tables (an `email` identity column), chains, diamonds, shared parents, self-references,
 * join tables, nullable and unenforced references (no real foreign key), cycles (a reference to a later table or to
 * the table itself is always nullable, which breaks them), explicit `owner: true/false`, `profile: true` from an
 * identity table, rows two people share with columns marked `of:`, restriction flags, flag holds (some reducing the
 * row to kept columns), a retention anchor, and a second email identity column (`other_email`) on some identity
 * tables, marked `mentions: true` or left unmarked (two identity columns of one type: the safe rule of
 * docs/ownership.md).
 *
 * The raw values are drawn independently of each other and interpreted modulo the sizes they index into, so every
 * draw is a valid case and fast-check shrinks schema and data together.
 */
import fc from 'fast-check';
import type { Store } from '../../charter/schema.js';
import { storeSchema } from '../../charter/schema.js';
import type { EraseStrategy } from '../connector.js';
import type { HoldDefinition } from '../plan.js';
import type { Dialect } from '../sql/driver.js';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export interface GeneratedColumn {
  name: string;
  strategy: EraseStrategy;
  /** The reference column naming the person this column describes (in a row two people share). */
  of?: string | undefined;
}

export interface GeneratedReference {
  column: string;
  /** Index of the referenced table (its `id`). */
  to: number;
  nullable: boolean;
  enforced: boolean;
  /** Written in the declaration when defined; undefined leaves the default rules to decide. */
  owner?: boolean | undefined;
  profile: boolean;
}

export interface GeneratedTable {
  name: string;
  /** Has an `email` identity column. */
  identity: boolean;
  /**
   * On an identity table: a second email identity column `other_email`, marked `mentions: true` (it names another
   * person) or unmarked (the table's two email columns are then not told apart).
   */
  second?: 'mentions' | 'unmarked' | undefined;
  /** `delete`: every declared column erases with `delete` (the row goes); `update`: none does. */
  mode: 'delete' | 'update';
  /** Declared columns (the identity column first when there is one). */
  columns: GeneratedColumn[];
  references: GeneratedReference[];
  /** Has a `restricted` flag declared as `restrictColumn`. */
  restrict: boolean;
  /** A flag hold on a `held` column; `keep` lists the columns the hold keeps (the row is reduced to them). */
  hold?: { keep?: string[] | undefined } | undefined;
  /** Governed by a retention rule anchored on its own `at` column. */
  retention: boolean;
}

export interface GeneratedSchema {
  tables: GeneratedTable[];
}

export interface GeneratedCase {
  schema: GeneratedSchema;
  /** The people's emails (lower case, as stored). */
  people: string[];
  /** Rows per table (same order as `schema.tables`), with every column of the live table. */
  rows: Row[][];
}

export const strangerEmail = 'stranger@example.test';
/** An id no row has: the value of an unenforced reference that points nowhere. */
export const danglingId = 9999;
export const holdId = 'open-claim';
export const generatedHolds: HoldDefinition[] = [{ id: holdId, law: 'Civil Code, art. 2262bis' }];
export const retentionPurpose = 'generated';

/** The generated identity columns (type email): `email`, and `other_email` on tables with a second one. */
export const isIdentityColumn = (name: string) => name === 'email' || name === 'other_email';
const personEmail = (index: number) => `p${index}@example.test`;
const rowId = (table: number, index: number) => (table + 1) * 100 + index;

// ---------------------------------------------------------------------------------------------------------------
// Raw draws

const rawColumn = fc.record({
  strategy: fc.constantFrom<EraseStrategy>('null', 'hash', 'redact', 'keep'),
  of: fc.option(fc.nat(5), { nil: undefined, freq: 2 }),
});

const rawReference = fc.record({
  to: fc.nat(6),
  nullable: fc.boolean(),
  enforced: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  owner: fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  profile: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const rawTable = fc.record({
  identity: fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  mode: fc.constantFrom<'delete' | 'update'>('delete', 'update'),
  emailStrategy: fc.constantFrom<EraseStrategy>('null', 'hash', 'redact', 'keep'),
  columns: fc.array(rawColumn, { minLength: 1, maxLength: 3 }),
  references: fc.array(rawReference, { maxLength: 3 }),
  restrict: fc.boolean(),
  hold: fc.constantFrom<'none' | 'flag' | 'keep'>('none', 'none', 'flag', 'keep'),
  retention: fc.boolean(),
  second: fc.constantFrom<'none' | 'mentions' | 'unmarked'>('none', 'none', 'mentions', 'unmarked'),
});

const rawRow = fc.record({
  /** Whose email an identity row holds: a person, a stranger, or none. */
  who: fc.nat(7),
  /** Whose email the second identity column holds, on a table that has one. */
  who2: fc.nat(7),
  refs: fc.array(fc.nat(20), { minLength: 3, maxLength: 3 }),
  restricted: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  held: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  at: fc.constantFrom<'old' | 'recent' | 'none'>('old', 'old', 'recent', 'none'),
});

type RawTable = typeof rawTable extends fc.Arbitrary<infer T> ? T : never;
type RawRow = typeof rawRow extends fc.Arbitrary<infer T> ? T : never;

/** Turns raw draws into a valid schema: targets modulo the table count, back and self references nullable. */
export function buildSchema(raw: RawTable[]): GeneratedSchema {
  const count = raw.length;
  const tables = raw.map((spec, index): GeneratedTable => {
    const references = spec.references.map((r, j): GeneratedReference => {
      const to = r.to % count;
      // A reference to the table itself or to a later one may close a cycle: it is nullable, which breaks it.
      const nullable = r.nullable || to >= index;
      // `profile` only from an identity table (a person row climbing to its one-to-one account), never together
      // with an explicit owner mark: a profile row that also owned its referrer would be its own owner.
      const profile = r.profile && spec.identity && to !== index;
      return {
        column: `r${j}_t${to}`,
        to,
        nullable,
        enforced: r.enforced,
        owner: profile && r.owner === true ? undefined : r.owner,
        profile,
      };
    });
    const second = spec.identity && spec.second !== 'none' ? spec.second : undefined;
    const emailStrategy: EraseStrategy = spec.mode === 'delete' ? 'delete' : spec.emailStrategy;
    const identityColumn: GeneratedColumn[] = spec.identity
      ? [
          { name: 'email', strategy: emailStrategy },
          ...(second ? [{ name: 'other_email', strategy: emailStrategy }] : []),
        ]
      : [];
    const columns = [
      ...identityColumn,
      ...spec.columns.map((c, j): GeneratedColumn => {
        const of =
          c.of !== undefined && references.length > 0 ? references[c.of % references.length]?.column : undefined;
        return { name: `c${j}`, strategy: spec.mode === 'delete' ? 'delete' : c.strategy, ...(of ? { of } : {}) };
      }),
    ];
    const keep =
      spec.hold === 'keep' && spec.mode === 'update'
        ? columns.filter((_, j) => j % 2 === 0).map((c) => c.name)
        : undefined;
    return {
      name: `t${index}`,
      identity: spec.identity,
      ...(second ? { second } : {}),
      mode: spec.mode,
      columns,
      references,
      restrict: spec.restrict,
      hold: spec.hold === 'none' ? undefined : { keep },
      retention: spec.retention,
    };
  });
  return { tables };
}

/** Fills the tables: ids `(table + 1) * 100 + n`, references drawn among every row of the target (anyone's). */
export function buildRows(schema: GeneratedSchema, peopleCount: number, raw: RawRow[][], now: Date): Row[][] {
  // A required reference can only be filled when its table (always an earlier one) has rows: otherwise the table
  // stays empty. Decided first, so that every reference below points at a row that exists.
  const counts: number[] = [];
  schema.tables.forEach((table, t) => {
    const fillable = table.references.every((r) => r.nullable || !r.enforced || (counts[r.to] ?? 0) > 0);
    counts.push(fillable ? (raw[t] ?? []).length : 0);
  });
  const old = new Date(now.getTime() - 3 * 365 * 86_400_000).toISOString();
  const recent = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return schema.tables.map((table, t) =>
    (raw[t] ?? []).slice(0, counts[t] ?? 0).map((draw, n) => {
      const row: Row = { id: rowId(t, n) };
      const whose = (who: number) => {
        const slot = who % (peopleCount + 2);
        return slot < peopleCount ? personEmail(slot) : slot === peopleCount ? strangerEmail : null;
      };
      if (table.identity) row.email = whose(draw.who);
      if (table.second) row.other_email = whose(draw.who2);
      table.columns.forEach((c) => {
        if (!isIdentityColumn(c.name)) row[c.name] = `${table.name}.${n}.${c.name}`;
      });
      table.references.forEach((reference, j) => {
        const pick = draw.refs[j] ?? 0;
        const targets = counts[reference.to] ?? 0;
        const extras = (reference.nullable ? 1 : 0) + (reference.enforced ? 0 : 1);
        const slot = pick % (targets + extras);
        if (reference.nullable && slot === 0) row[reference.column] = null;
        else if (slot < extras) row[reference.column] = danglingId;
        else row[reference.column] = rowId(reference.to, slot - extras);
      });
      if (table.restrict) row.restricted = draw.restricted;
      if (table.hold) row.held = draw.held;
      if (table.retention) row.at = draw.at === 'old' ? old : draw.at === 'recent' ? recent : null;
      return row;
    }),
  );
}

/** A generated case: 2–7 tables, 3–6 people, up to 6 rows per table. */
export function generatedCase(now: Date): fc.Arbitrary<GeneratedCase> {
  return fc
    .record({
      tables: fc.array(rawTable, { minLength: 2, maxLength: 7 }),
      people: fc.integer({ min: 3, max: 6 }),
      rows: fc.array(fc.array(rawRow, { maxLength: 6 }), { minLength: 7, maxLength: 7 }),
    })
    .map(({ tables, people, rows }) => {
      const schema = buildSchema(tables);
      return {
        schema,
        people: Array.from({ length: people }, (_, i) => personEmail(i)),
        rows: buildRows(schema, people, rows, now),
      };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// The declaration

/** The store declaration a charter would write for the schema, parsed (defaults applied) through `storeSchema`. */
export function declareStore(schema: GeneratedSchema, kind: 'postgres' | 'mysql', id = 'generated'): Store {
  return storeSchema.parse({
    id,
    kind,
    connection: 'GENERATED_DATABASE_URL',
    tables: schema.tables.map((table) => ({
      name: table.name,
      primaryKey: 'id',
      columns: table.columns.map((c) => ({
        name: c.name,
        category: isIdentityColumn(c.name) ? 'contact.email' : 'identity.name',
        erase: c.strategy,
        ...(isIdentityColumn(c.name) ? { identity: 'email' } : {}),
        ...(c.name === 'other_email' && table.second === 'mentions' ? { mentions: true } : {}),
        ...(c.of ? { of: c.of } : {}),
      })),
      references: table.references.map((r) => ({
        column: r.column,
        to: `${schema.tables[r.to]?.name ?? ''}.id`,
        ...(r.owner !== undefined ? { owner: r.owner } : {}),
        ...(r.profile ? { profile: true } : {}),
        ...(r.nullable ? { nullable: true } : {}),
        ...(r.enforced ? {} : { enforced: false }),
      })),
      ...(table.restrict ? { restrictColumn: 'restricted' } : {}),
      ...(table.hold
        ? { holds: [{ hold: holdId, flag: 'held', ...(table.hold.keep ? { keep: table.hold.keep } : {}) }] }
        : {}),
      ...(table.retention ? { purpose: retentionPurpose, anchor: 'at' } : {}),
    })),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// SQL

const quote = (value: Value, dialect: Dialect): string => {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return dialect === 'postgres' ? String(value) : value ? '1' : '0';
  if (/^\d{4}-\d\d-\d\dT/.test(value))
    return `'${dialect === 'postgres' ? value : value.replace('T', ' ').replace('Z', '')}'`;
  return `'${value.replace(/'/g, "''")}'`;
};

/** Every column of a live table, in order. */
export function liveColumns(table: GeneratedTable): string[] {
  return [
    'id',
    ...table.columns.map((c) => c.name),
    ...table.references.map((r) => r.column),
    ...(table.restrict ? ['restricted'] : []),
    ...(table.hold ? ['held'] : []),
    ...(table.retention ? ['at'] : []),
  ];
}

/**
 * CREATE TABLE statements with the foreign keys of enforced references. Tables may reference later ones: PostgreSQL
 * adds those keys once every table exists; MariaDB takes them inline while its foreign-key checks are off (an ALTER
 * per key would rebuild the table each time).
 */
export function createStatements(schema: GeneratedSchema, dialect: Dialect): string[] {
  const bool = dialect === 'postgres' ? 'boolean' : 'tinyint(1)';
  const ts = dialect === 'postgres' ? 'timestamptz' : 'datetime(3)';
  const creates = schema.tables.map((table) => {
    const parts = [
      'id integer primary key',
      ...table.columns.map((c) => `${c.name} varchar(200) null`),
      ...table.references.map((r) => `${r.column} integer ${r.nullable ? 'null' : 'not null'}`),
      ...(table.restrict ? [`restricted ${bool} not null default false`] : []),
      ...(table.hold ? [`held ${bool} not null default false`] : []),
      ...(table.retention ? [`at ${ts} null`] : []),
      ...(dialect === 'mysql'
        ? table.references
            .filter((r) => r.enforced)
            .map((r) => `foreign key (${r.column}) references ${schema.tables[r.to]?.name ?? ''}(id)`)
        : []),
    ];
    return `create table ${table.name} (${parts.join(', ')})${dialect === 'mysql' ? ' engine=InnoDB' : ''}`;
  });
  if (dialect === 'mysql') return creates;
  const keys = schema.tables.flatMap((table) =>
    table.references
      .filter((r) => r.enforced)
      .map(
        (r) =>
          `alter table ${table.name} add foreign key (${r.column}) references ${schema.tables[r.to]?.name ?? ''}(id)`,
      ),
  );
  return [...creates, ...keys];
}

/** One INSERT per non-empty table (foreign-key checks are off while they run: rows may point forward). */
export function insertStatements(schema: GeneratedSchema, rows: Row[][], dialect: Dialect): string[] {
  return schema.tables.flatMap((table, t) => {
    const list = rows[t] ?? [];
    if (list.length === 0) return [];
    const columns = liveColumns(table);
    const values = list.map((row) => `(${columns.map((c) => quote(row[c] ?? null, dialect)).join(', ')})`);
    return [`insert into ${table.name} (${columns.join(', ')}) values ${values.join(', ')}`];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A readable case, for failure reports

export function describeCase(generated: GeneratedCase, ownerColumns?: (table: number) => string[]): string {
  const lines: string[] = [`people: ${generated.people.join(', ')}`];
  generated.schema.tables.forEach((table, t) => {
    const traits = [
      table.identity ? 'identity email' : undefined,
      table.second
        ? `second email identity other_email (${table.second === 'mentions' ? 'mentions: true' : 'unmarked'})`
        : undefined,
      `${table.mode}-mode`,
      table.restrict ? 'restrictColumn restricted' : undefined,
      table.hold ? `flag hold held${table.hold.keep ? ` keep [${table.hold.keep.join(', ')}]` : ''}` : undefined,
      table.retention ? 'retention on at' : undefined,
    ].filter(Boolean);
    lines.push(`table ${table.name} (${traits.join('; ')})`);
    lines.push(
      `  columns: ${table.columns.map((c) => `${c.name}:${c.strategy}${c.of ? ` of ${c.of}` : ''}`).join(', ')}`,
    );
    for (const r of table.references) {
      const marks = [
        r.owner === undefined ? 'owner default' : `owner: ${String(r.owner)}`,
        r.profile ? 'profile' : undefined,
        r.nullable ? 'nullable' : undefined,
        r.enforced ? undefined : 'unenforced',
      ].filter(Boolean);
      lines.push(`  ref ${r.column} -> ${generated.schema.tables[r.to]?.name ?? ''}.id (${marks.join(', ')})`);
    }
    if (ownerColumns) lines.push(`  resolved owner references: [${ownerColumns(t).join(', ')}]`);
    for (const row of generated.rows[t] ?? []) {
      lines.push(
        `  ${liveColumns(table)
          .map((c) => `${c}=${JSON.stringify(row[c] ?? null)}`)
          .join(' ')}`,
      );
    }
  });
  return lines.join('\n');
}
