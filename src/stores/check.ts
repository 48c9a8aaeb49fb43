/**
 * `charter stores check`: compares a store's declaration with its live schema. Pure over the declaration and a
 * `LiveSchema` (the connector describes it). Catches what would make a request or a retention sweep fail or
 * silently miss data: missing tables and columns (with the likely new name of a renamed one), primary keys that
 * differ, erase strategies the column type cannot take (a hash into an integer, `null` into a NOT NULL column, the
 * same redact token into a unique column), anchors that are not dates, flags that are not booleans, nullable
 * references that are not nullable, and foreign keys between declared tables the charter does not declare; warns of
 * the columns Charter looks rows up by (identities, references, anchors, restriction flags) that no index starts with
 * (with the `CREATE INDEX` to run for a restriction flag); refuses retention
 * on a PostgreSQL older than 12.
 */
import { closest } from '../charter/references.js';
import type { Store } from '../charter/schema.js';
import type { LiveColumn, LiveSchema, LiveTable } from './connector.js';
import { ambiguityMessage, ambiguousIdentities } from './ownership.js';
import { storeModel, type HoldDefinition, type TableModel } from './plan.js';
import { quoteIdentifier } from './sql/driver.js';
import { strategyProblems } from './strategies.js';

export interface CheckFinding {
  severity: 'error' | 'warning';
  code: string;
  table: string;
  column?: string | undefined;
  message: string;
}

/** The likely new name of a renamed table or column: close in spelling, or one name containing the other. */
export function renameHint(name: string, candidates: readonly string[]): string | undefined {
  const near = closest(name, candidates);
  if (near) return near;
  const lower = name.toLowerCase();
  return candidates.find((c) => c.toLowerCase().includes(lower) || (c.length >= 3 && lower.includes(c.toLowerCase())));
}

/** A retention batch selects its rows in a materialized CTE (PostgreSQL 12) and hashes with `sha256()` (11). */
const minimumPostgresForRetention = 120000;

/** 150018 → "15.18"; 90624 → "9.6.24" (the numbering before PostgreSQL 10). */
export function postgresRelease(versionNum: number): string {
  const major = Math.floor(versionNum / 10000);
  return major >= 10
    ? `${major}.${versionNum % 10000}`
    : `${major}.${Math.floor(versionNum / 100) % 100}.${versionNum % 100}`;
}

type Add = (
  severity: CheckFinding['severity'],
  code: string,
  table: string,
  column: string | undefined,
  message: string,
) => void;

/** One declared table against its live table, with the finding collector. */
interface TableCheck {
  store: Store;
  table: TableModel;
  liveTable: LiveTable;
  liveColumns: Map<string, LiveColumn>;
  liveTables: Map<string, LiveTable>;
  live: LiveSchema;
  add: Add;
  /** The live column, or an error finding that it is missing (with the likely new name of a renamed one). */
  need: (column: string, role: string) => LiveColumn | undefined;
}

export function checkStore(
  store: Store,
  live: LiveSchema,
  holds: readonly HoldDefinition[] = [],
  options: { redactToken?: string } = {},
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const add: Add = (severity, code, table, column, message) =>
    findings.push({ severity, code, table, column, message });
  const liveTables = new Map(live.tables.map((t) => [t.name, t]));
  const model = storeModel(store, holds);

  for (const table of model.tables.values()) {
    // Which identity column is the row's own is a question of the declaration, asked once per table (docs/ownership.md).
    const ambiguous = ambiguousIdentities(table.columns);
    if (ambiguous.length > 0)
      add('warning', 'ambiguous_identity', table.name, undefined, ambiguityMessage(table.name, ambiguous));
    const liveTable = liveTables.get(table.name);
    if (!liveTable) {
      const hint = renameHint(
        table.name,
        [...liveTables.keys()].filter((n) => !model.tables.has(n)),
      );
      add(
        'error',
        'missing_table',
        table.name,
        undefined,
        `table "${table.name}" does not exist${hint ? ` (renamed to "${hint}"?)` : ''}`,
      );
      continue;
    }
    const check = tableCheck(store, table, liveTable, liveTables, live, add);
    checkPrimaryKey(check);
    checkStrategies(check, options.redactToken);
    checkTypes(check);
    checkReferences(check);
    checkIndexes(check);
    undeclaredForeignKeys(liveTable, table.name, model.tables, add);
  }
  return findings;
}

function tableCheck(
  store: Store,
  table: TableModel,
  liveTable: LiveTable,
  liveTables: Map<string, LiveTable>,
  live: LiveSchema,
  add: Add,
): TableCheck {
  const liveColumns = new Map(liveTable.columns.map((c) => [c.name, c]));
  const declaredColumns = new Set([
    table.primaryKey,
    ...table.columns.map((c) => c.name),
    ...table.references.map((r) => r.column),
  ]);
  const need = (column: string, role: string): LiveColumn | undefined => {
    const found = liveColumns.get(column);
    if (!found) {
      const hint = renameHint(
        column,
        [...liveColumns.keys()].filter((n) => !declaredColumns.has(n)),
      );
      add(
        'error',
        'missing_column',
        table.name,
        column,
        `column "${table.name}.${column}" (${role}) does not exist${hint ? ` (renamed to "${hint}"?)` : ''}`,
      );
    }
    return found;
  };
  return { store, table, liveTable, liveColumns, liveTables, live, add, need };
}

function checkPrimaryKey({ table, liveTable, add, need }: TableCheck): void {
  const pk = need(table.primaryKey, 'primary key');
  if (
    pk &&
    liveTable.primaryKey.length > 0 &&
    (liveTable.primaryKey.length !== 1 || liveTable.primaryKey[0] !== table.primaryKey)
  ) {
    add(
      'error',
      'primary_key',
      table.name,
      table.primaryKey,
      `the primary key of "${table.name}" is (${liveTable.primaryKey.join(', ')}), not ${table.primaryKey}`,
    );
  } else if (pk && liveTable.primaryKey.length === 0 && !pk.unique) {
    add(
      'warning',
      'primary_key',
      table.name,
      table.primaryKey,
      `"${table.name}.${table.primaryKey}" is neither a primary key nor unique: rows could be confused`,
    );
  }
}

/** Erase strategies the column type cannot take, and hold reductions that would set a NOT NULL column to NULL. */
function checkStrategies({ table, liveColumns, add, need }: TableCheck, redactToken: string | undefined): void {
  for (const column of table.columns) {
    const liveColumn = need(column.name, `erase: ${column.erase}`);
    if (!liveColumn) continue;
    for (const problem of strategyProblems(column.erase, liveColumn, {
      isPrimaryKey: column.name === table.primaryKey,
      redactToken,
    })) {
      add('error', problem.code, table.name, column.name, problem.message);
    }
  }
  // Under a hold with kept columns, the other columns are erased even where they say `delete` (they become NULL).
  for (const hold of table.holds) {
    if (!hold.keep) continue;
    for (const name of hold.keep) need(name, `kept under ${hold.hold}`);
    for (const column of table.columns) {
      const liveColumn = liveColumns.get(column.name);
      if (column.erase === 'delete' && liveColumn && !hold.keep.includes(column.name) && !liveColumn.nullable) {
        add(
          'error',
          'not_null',
          table.name,
          column.name,
          `"${column.name}" is NOT NULL but rows held by ${hold.hold} are reduced by setting it to NULL; keep it under the hold or make it nullable`,
        );
      }
    }
  }
}

/** Anchors that are not dates, flags that are not booleans, and a PostgreSQL too old for retention. */
function checkTypes({ table, liveTables, live, add, need }: TableCheck): void {
  const dateColumn = (name: string, role: string) => {
    const found = need(name, role);
    if (found && found.family !== 'date' && found.family !== 'timestamp') {
      add(
        'error',
        'anchor_type',
        table.name,
        name,
        `"${table.name}.${name}" (${role}) is ${found.rawType}, not a date or timestamp`,
      );
    }
  };
  const flagColumn = (name: string, role: string) => {
    const found = need(name, role);
    if (found && found.family !== 'boolean')
      add(
        'error',
        'flag_type',
        table.name,
        name,
        `"${table.name}.${name}" (${role}) is ${found.rawType}, not a boolean`,
      );
  };
  if (table.anchor && live.postgresVersion !== undefined && live.postgresVersion < minimumPostgresForRetention) {
    add(
      'error',
      'server_version',
      table.name,
      undefined,
      `PostgreSQL ${postgresRelease(live.postgresVersion)} cannot run the retention batches of "${table.name}": they need PostgreSQL 12 or later`,
    );
  }
  if (table.anchor && !table.anchor.via) dateColumn(table.anchor.column, 'retention anchor');
  if (table.anchor?.via) {
    const parent = liveTables.get(table.anchor.via.toTable);
    const found = parent?.columns.find((c) => c.name === table.anchor?.column);
    if (parent && !found)
      add(
        'error',
        'missing_column',
        table.name,
        table.anchor.column,
        `the anchor "${table.anchor.via.toTable}.${table.anchor.column}" does not exist`,
      );
    else if (found && found.family !== 'date' && found.family !== 'timestamp')
      add(
        'error',
        'anchor_type',
        table.name,
        table.anchor.column,
        `the anchor "${table.anchor.via.toTable}.${table.anchor.column}" is ${found.rawType}, not a date`,
      );
  }
  if (table.restrictColumn) flagColumn(table.restrictColumn, 'restriction flag');
  for (const hold of table.holds) {
    if (hold.anchor) dateColumn(hold.anchor, `anchor of hold ${hold.hold}`);
    if (hold.flag) flagColumn(hold.flag, `flag of hold ${hold.hold}`);
  }
}

/** Referenced columns that do not exist, and references declared nullable that the database does not allow NULL in. */
function checkReferences({ table, liveTables, add, need }: TableCheck): void {
  for (const ref of table.references) {
    const column = need(ref.column, `reference to ${ref.toTable}.${ref.toColumn}`);
    const target = liveTables.get(ref.toTable);
    if (target && !target.columns.some((c) => c.name === ref.toColumn)) {
      add(
        'error',
        'missing_column',
        ref.toTable,
        ref.toColumn,
        `the referenced column "${ref.toTable}.${ref.toColumn}" does not exist`,
      );
    }
    if (column && ref.nullable && !column.nullable) {
      add(
        'error',
        'not_null',
        table.name,
        ref.column,
        `"${table.name}.${ref.column}" is declared nullable (set to NULL before its parent is deleted) but is NOT NULL`,
      );
    }
  }
}

/**
 * The lookups Charter makes by a column: a request finds a person's rows by an identity column and follows each
 * reference by the child's column; a retention sweep walks its anchor in order, and starts each batch from the rows
 * whose restriction flag is set (issue 15: without an index on the flag, every batch scans the table). Without an
 * index, each reads the whole table. Unknown (a connector that cannot tell) is not reported.
 */
function checkIndexes({ store, table, liveTable, liveColumns, add }: TableCheck): void {
  const warned = new Set<string>();
  const size = liveTable.estimatedRows ? ` (about ${liveTable.estimatedRows.toLocaleString('en')} rows)` : '';
  const needsIndex = (column: string, lookup: string) => {
    if (liveColumns.get(column)?.indexed !== false || warned.has(column)) return;
    warned.add(column);
    add(
      'warning',
      'not_indexed',
      table.name,
      column,
      `no index starts with "${table.name}.${column}", so ${lookup} reads the whole table${size}: create index on ${table.name} (${column})`,
    );
  };
  for (const column of table.columns)
    if (column.identity) needsIndex(column.name, `finding a person's rows by ${column.identity}`);
  for (const ref of table.references) needsIndex(ref.column, `following ${table.name}.${ref.column} to ${ref.toTable}`);
  if (table.anchor && !table.anchor.via) needsIndex(table.anchor.column, 'every retention batch');
  const flag = table.restrictColumn;
  if (flag && liveColumns.get(flag)?.indexed === false) {
    add(
      'warning',
      'restriction_not_indexed',
      table.name,
      flag,
      `no index starts with the restriction flag "${table.name}.${flag}", so every retention batch reads the whole table${size} to find the restricted rows: ${createIndexStatement(store, table.name, flag)}`,
    );
  }
}

/** A `CREATE INDEX` statement both PostgreSQL and MySQL/MariaDB accept (named: MySQL requires a name). */
export function createIndexStatement(store: Pick<Store, 'kind' | 'schema'>, table: string, column: string): string {
  const dialect = store.kind === 'mysql' ? 'mysql' : 'postgres';
  const name = (identifier: string) =>
    /^[a-z_][a-z0-9_]*$/.test(identifier) ? identifier : quoteIdentifier(dialect, identifier);
  const index = `${table}_${column}_idx`.slice(0, dialect === 'mysql' ? 64 : 63);
  const target = dialect === 'postgres' && store.schema ? `${name(store.schema)}.${name(table)}` : name(table);
  return `create index ${name(index)} on ${target} (${name(column)});`;
}

function undeclaredForeignKeys(
  liveTable: LiveTable,
  name: string,
  declared: ReturnType<typeof storeModel>['tables'],
  add: Add,
) {
  const table = declared.get(name);
  if (!table) return;
  for (const fk of liveTable.foreignKeys) {
    if (!declared.has(fk.referencedTable) || fk.columns.length !== 1) continue;
    const column = fk.columns[0] ?? '';
    if (table.references.some((r) => r.column === column && r.toTable === fk.referencedTable)) continue;
    add(
      'warning',
      'undeclared_reference',
      name,
      column,
      `the foreign key ${name}.${column} → ${fk.referencedTable}.${fk.referencedColumns.join(',')} is not declared: requests will not follow it and deleting a ${fk.referencedTable} row may fail`,
    );
  }
}
