/**
 * Finds every row reachable from a set of identities in one SQL store: seed rows by identity columns, then each
 * declared reference followed with batched `IN`/`= ANY` queries until nothing new is found (semi-naive: each value
 * goes through each edge once). The number of statements depends on the schema and on how many distinct values
 * flow through each edge divided by the batch size — never one statement per row. Rows stream: only primary keys
 * and the values the next edges need stay in memory, and the caller receives each batch of new rows.
 */
import type { Identity } from '../connector.js';
import type { StoreModel, TableModel, TraversalPlan } from '../plan.js';
import { Statement, type SqlSession } from './driver.js';

export type Row = Record<string, unknown>;

export interface TraverseOptions {
  /** Columns to fetch per table beyond the primary key and the columns the edges need. */
  columns: (table: TableModel) => string[];
  /** Whether a row found by an identity leads nowhere: its references are not followed (a row that only mentions the person). */
  leadsNowhere?: (table: TableModel, row: Row) => boolean;
  /** New rows of a table, in batches (each row seen once). */
  onRows?: (table: TableModel, rows: Row[]) => Promise<void>;
  /** Values per IN-list (default 5000 on PostgreSQL, 1000 on MySQL). */
  valuesPerQuery?: number;
  /** Rows per fetched batch (default 2000). */
  rowsPerBatch?: number;
  /** Statements in flight at once (default 1; more only over a pool, never inside a transaction). */
  concurrency?: number;
  /**
   * Whether an identity value can be compared with a seed column at all (a number column takes digits only): keeps
   * "12abc" from matching customer 12 on MySQL, and from failing the statement on PostgreSQL.
   */
  acceptsValue?: (table: string, column: string, value: string) => boolean;
}

/** Whether a value fits a column family for comparison (text and unknown families take anything). */
export function valueFitsFamily(family: string | undefined, value: string): boolean {
  if (family === 'integer') return /^-?\d{1,18}$/.test(value);
  if (family === 'decimal') return /^-?\d+(\.\d+)?$/.test(value);
  if (family === 'uuid') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
  if (family === 'date' || family === 'timestamp' || family === 'boolean' || family === 'binary' || family === 'json')
    return false;
  return true;
}

export interface Traversal {
  /** Primary keys found per table. */
  keys: Map<string, Set<unknown>>;
}

/** Qualified, quoted table name. */
export function tableName(statement: Statement, model: StoreModel, table: string): string {
  return model.schema && statement.dialect === 'postgres'
    ? `${statement.id(model.schema)}.${statement.id(table)}`
    : statement.id(table);
}

/**
 * An identity value as compared in JavaScript after the database matched it: trimmed, emails in lower case, phone
 * numbers without spaces, dots, brackets and dashes — the variants `identityVariants` sends, and nothing a
 * collation adds (MariaDB's default utf8mb4 collation finds `alice@gmail.test` for `alice@gmäil.test`).
 */
export function identityKey(type: string, value: string): string {
  const trimmed = value.trim();
  if (type === 'email') return trimmed.toLowerCase();
  if (type === 'phone') return trimmed.replace(/[\s.()-]/g, '');
  return trimmed;
}

/** Identity values as they may be stored: as given, trimmed, and emails also in lower case. */
export function identityVariants(identity: Identity): string[] {
  const value = identity.value.trim();
  const variants = new Set([identity.value, value]);
  if (identity.type === 'email') variants.add(value.toLowerCase());
  if (identity.type === 'phone') variants.add(value.replace(/[\s.()-]/g, ''));
  return [...variants].filter((v) => v.length > 0);
}

export async function traverse(
  session: SqlSession,
  model: StoreModel,
  plan: TraversalPlan,
  identities: readonly Identity[],
  options: TraverseOptions,
): Promise<Traversal> {
  const perQuery = options.valuesPerQuery ?? (session.dialect === 'postgres' ? 5000 : 1000);
  const perBatch = options.rowsPerBatch ?? 2000;
  const keys = new Map<string, Set<unknown>>();
  // Values already sent through each edge, and values waiting to be sent.
  const sent = plan.edges.map(() => new Set<unknown>());
  const pending = plan.edges.map(() => [] as unknown[]);

  const selectList = (table: TableModel, statement: Statement, extra: readonly string[] = []) => {
    const columns = new Set([table.primaryKey, ...options.columns(table), ...extra]);
    plan.edges.forEach((edge) => {
      if (edge.source === table.name) columns.add(edge.sourceColumn);
    });
    return [...columns].map((c) => statement.id(c)).join(', ');
  };

  const take = async (table: TableModel, rows: Row[]) => {
    let found = keys.get(table.name);
    if (!found) keys.set(table.name, (found = new Set()));
    const fresh: Row[] = [];
    for (const row of rows) {
      const key = row[table.primaryKey];
      if (found.has(key)) continue;
      found.add(key);
      fresh.push(row);
    }
    if (fresh.length === 0) return;
    const leading = options.leadsNowhere ? fresh.filter((row) => !options.leadsNowhere?.(table, row)) : fresh;
    plan.edges.forEach((edge, index) => {
      if (edge.source !== table.name) return;
      const queue = pending[index] as unknown[];
      const done = sent[index] as Set<unknown>;
      for (const row of leading) {
        const value = row[edge.sourceColumn];
        if (value !== null && value !== undefined && !done.has(value)) {
          done.add(value);
          queue.push(value);
        }
      }
    });
    if (options.onRows) await options.onRows(table, fresh);
  };

  const concurrency = Math.max(1, options.concurrency ?? 1);
  const inBatches = async <T>(items: readonly T[], work: (item: T) => Promise<void>) => {
    for (let i = 0; i < items.length; i += concurrency) await Promise.all(items.slice(i, i + concurrency).map(work));
  };

  // Seeds: one statement per seed table, identity columns OR-ed together.
  const seedTables = [...new Set(plan.seeds.map((s) => s.table))];
  await inBatches(seedTables, async (name) => {
    const table = model.tables.get(name);
    if (!table) return;
    const statement = new Statement(session.dialect);
    const conditions = plan.seeds
      .filter((s) => s.table === name)
      .map((seed) => {
        const values = identities
          .filter((i) => i.type === seed.type)
          .flatMap(identityVariants)
          .filter((value) => options.acceptsValue?.(name, seed.column, value) ?? true);
        return values.length > 0 ? statement.inList(statement.id(seed.column), [...new Set(values)]) : undefined;
      })
      .filter((c): c is string => c !== undefined);
    if (conditions.length === 0) return;
    // The seed columns are read back and compared again below: a database collation (accent- or case-insensitive,
    // trailing spaces ignored) may match a value that is not the person's.
    const seeds = plan.seeds.filter((s) => s.table === name);
    const wanted = new Map(
      seeds.map((seed) => [
        seed.column,
        new Set(identities.filter((i) => i.type === seed.type).map((i) => identityKey(seed.type, i.value))),
      ]),
    );
    const text = `select ${selectList(
      table,
      statement,
      seeds.map((seed) => seed.column),
    )} from ${tableName(statement, model, name)} where ${conditions.join(' or ')}`;
    const matches = (row: Row) =>
      seeds.some((seed) => {
        const value = row[seed.column];
        const text =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
            ? String(value)
            : undefined;
        return text !== undefined && (wanted.get(seed.column)?.has(identityKey(seed.type, text)) ?? false);
      });
    await session.stream(text, statement.params, perBatch, (rows) => take(table, rows.filter(matches)));
  });

  // Follow edges until no edge has values waiting, in rounds: each round sends what was waiting when it began (so
  // the statements issued do not depend on which query of a round answers first), up to `concurrency` at once.
  const follow = async ({ index, values }: { index: number; values: unknown[] }) => {
    const edge = plan.edges[index];
    const table = edge ? model.tables.get(edge.target) : undefined;
    if (!edge || !table) return;
    const statement = new Statement(session.dialect);
    const text = `select ${selectList(table, statement)} from ${tableName(statement, model, table.name)} where ${statement.inList(statement.id(edge.targetColumn), values)}`;
    await session.stream(text, statement.params, perBatch, (rows) => take(table, rows));
  };
  for (;;) {
    const work: { index: number; values: unknown[] }[] = [];
    pending.forEach((queue, index) => {
      const edge = plan.edges[index];
      if (!edge || queue.length === 0) return;
      // A value pointing at a primary key already found leads nowhere new: no query for known parents.
      const target = model.tables.get(edge.target);
      const known = target && target.primaryKey === edge.targetColumn ? keys.get(edge.target) : undefined;
      const values = queue.splice(0).filter((value) => !known?.has(value));
      for (const chunk of chunks(values, perQuery)) work.push({ index, values: chunk });
    });
    if (work.length === 0) break;
    await inBatches(work, follow);
  }
  return { keys };
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
