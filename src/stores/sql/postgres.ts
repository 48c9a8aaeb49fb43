/**
 * PostgreSQL drivers for the SQL engine: a `pg` pool for an organisation's server, and PGlite (the same dialect in
 * process) for the reference HTTP adapter and tests. Large results stream through a server-side cursor.
 */
import type pg from 'pg';
import { loadPg } from '../../platform/db/pg.js';
import { StoreError, type ColumnFamily, type LiveSchema, type LiveTable } from '../connector.js';
import { classifyDriverError, defaultStoreTimeouts, type StoreTimeouts } from '../timeouts.js';
import { renderPlaceholders, type QueryResult, type SqlDriver, type SqlSession } from './driver.js';

type Run = (text: string, params: readonly unknown[]) => Promise<QueryResult>;

let cursorCounter = 0;

/**
 * Streams a select: first as a plain statement limited to one batch more than asked (one round trip — the common
 * case of a subject with few rows); only when that overflows, again through a server-side cursor in `inCursor`,
 * fetched batch by batch. The rows of the first attempt come again from the cursor: callers skip rows they have
 * seen (the traversal keys every row by its primary key), so memory stays bounded either way.
 */
async function streamSelect(
  run: Run,
  inCursor: (work: (run: Run) => Promise<void>) => Promise<void>,
  text: string,
  params: readonly unknown[],
  batchSize: number,
  onRows: (rows: Record<string, unknown>[]) => Promise<void>,
): Promise<void> {
  const size = Math.max(1, Math.floor(batchSize));
  const first = await run(`select * from (${text}) as charter_page limit ${size + 1}`, params);
  if (first.rows.length <= size) {
    if (first.rows.length > 0) await onRows(first.rows);
    return;
  }
  await inCursor(async (cursorRun) => {
    const cursor = `charter_cursor_${++cursorCounter}`;
    await cursorRun(`declare ${cursor} no scroll cursor for ${text}`, params);
    try {
      for (;;) {
        const { rows } = await cursorRun(`fetch forward ${size} from ${cursor}`, []);
        if (rows.length > 0) await onRows(rows);
        if (rows.length < size) break;
      }
    } finally {
      await cursorRun(`close ${cursor}`, []);
    }
  });
}

/** A session over one connection already inside a transaction. */
function transactionSession(raw: Run): SqlSession {
  const run: Run = (text, params) => {
    const rendered = renderPlaceholders('postgres', text, params);
    return raw(rendered.text, rendered.params);
  };
  return {
    dialect: 'postgres',
    query: (text, params = []) => run(text, params),
    stream: (text, params, batchSize, onRows) =>
      streamSelect(run, (work) => work(run), text, params, batchSize, onRows),
  };
}

const familyOf: Record<string, ColumnFamily> = {
  text: 'text',
  varchar: 'text',
  bpchar: 'text',
  citext: 'text',
  name: 'text',
  char: 'text',
  int2: 'integer',
  int4: 'integer',
  int8: 'integer',
  numeric: 'decimal',
  float4: 'decimal',
  float8: 'decimal',
  money: 'decimal',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  json: 'json',
  jsonb: 'json',
  bytea: 'binary',
  uuid: 'uuid',
};

/** Reads tables, columns, keys and foreign keys of one schema from the catalog. */
export async function introspectPostgres(query: Run, schema: string): Promise<LiveSchema> {
  const columns = await query(
    `select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as raw_type,
            t.typname as type_name, not a.attnotnull as nullable, c.reltuples::float8 as estimate
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       join pg_type t on t.oid = a.atttypid
      where n.nspname = $1 and c.relkind in ('r', 'p')
      order by c.relname, a.attnum`,
    [schema],
  );
  const constraints = await query(
    `select cl.relname as table_name, con.contype as kind, ref.relname as referenced_table,
            array_to_string(array(select a.attname from unnest(con.conkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o), ',') as columns,
            array_to_string(array(select a.attname from unnest(con.confkey) with ordinality k(n, o)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o), ',') as referenced_columns
       from pg_constraint con
       join pg_class cl on cl.oid = con.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       left join pg_class ref on ref.oid = con.confrelid
      where n.nspname = $1 and con.contype in ('p', 'f', 'u')`,
    [schema],
  );
  // Whole-table indexes by their first key column (primary keys and unique constraints have one too).
  const indexes = await query(
    `select c.relname as table_name, a.attname as column_name, i.indisunique and i.indnkeyatts = 1 as single_unique
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where n.nspname = $1 and i.indpred is null`,
    [schema],
  );
  const tables = new Map<string, LiveTable>();
  for (const row of columns.rows) {
    const name = String(row.table_name);
    let table = tables.get(name);
    if (!table) {
      const estimate = Number(row.estimate);
      table = {
        name,
        columns: [],
        primaryKey: [],
        foreignKeys: [],
        estimatedRows: estimate >= 0 ? Math.round(estimate) : undefined,
      };
      tables.set(name, table);
    }
    const raw = String(row.raw_type);
    const length = /\((\d+)\)$/.exec(raw);
    const family = familyOf[String(row.type_name)] ?? 'other';
    table.columns.push({
      name: String(row.column_name),
      rawType: raw,
      family,
      nullable: Boolean(row.nullable),
      maxLength: family === 'text' && length ? Number(length[1]) : undefined,
      unique: false,
      indexed: false,
    });
  }
  const markUnique = (tableName: string, column: string) => {
    const col = tables.get(tableName)?.columns.find((c) => c.name === column);
    if (col) col.unique = true;
  };
  for (const row of constraints.rows) {
    const table = tables.get(String(row.table_name));
    if (!table) continue;
    const cols = String(row.columns).split(',').filter(Boolean);
    if (row.kind === 'p') {
      table.primaryKey = cols;
      if (cols.length === 1 && cols[0]) markUnique(table.name, cols[0]);
    } else if (row.kind === 'u') {
      if (cols.length === 1 && cols[0]) markUnique(table.name, cols[0]);
    } else {
      table.foreignKeys.push({
        columns: cols,
        referencedTable: String(row.referenced_table),
        referencedColumns: String(row.referenced_columns).split(',').filter(Boolean),
      });
    }
  }
  for (const row of indexes.rows) {
    const column = tables.get(String(row.table_name))?.columns.find((c) => c.name === String(row.column_name));
    if (column) column.indexed = true;
    if (row.single_unique) markUnique(String(row.table_name), String(row.column_name));
  }
  const version = await query(`select current_setting('server_version_num')::int as version`, []);
  return { tables: [...tables.values()], postgresVersion: Number(version.rows[0]?.version) || undefined };
}

/** Options of a PostgreSQL store driver. */
export interface PostgresDriverOptions {
  poolSize?: number | undefined;
  /** The store's id, named in the errors. */
  store?: string | undefined;
  /** Connect, statement and lock bounds (defaults: `defaultStoreTimeouts`). */
  timeouts?: StoreTimeouts | undefined;
}

/** A driver over a `pg` pool for a PostgreSQL URL. */
export function createPostgresDriver(url: string, options: PostgresDriverOptions = {}): SqlDriver {
  const timeouts = options.timeouts ?? defaultStoreTimeouts;
  const store = options.store ?? 'store';
  const classify = (error: unknown) => classifyDriverError(store, error, timeouts);
  // The pool (and `pg` itself) comes with the first statement.
  let opened: Promise<pg.Pool> | undefined;
  const pooled = () =>
    (opened ??= loadPg().then((library) => {
      const pool = new library.Pool({
        connectionString: url,
        max: options.poolSize ?? 4,
        // The server cancels a statement past its bound and gives up a lock wait (SQLSTATE 57014 / 55P03); the
        // client-side bound is the backstop for a server that stopped answering altogether.
        connectionTimeoutMillis: timeouts.connectMs,
        statement_timeout: timeouts.statementMs,
        lock_timeout: timeouts.lockMs,
        query_timeout: timeouts.statementMs + timeouts.connectMs,
      });
      // A dropped idle connection must not crash the process; the pool replaces it.
      pool.on('error', () => {});
      return pool;
    }));
  const poolRun: Run = async (text, params) => {
    const rendered = renderPlaceholders('postgres', text, params);
    try {
      const result = await (await pooled()).query(rendered.text, rendered.params);
      return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
    } catch (error) {
      throw classify(error);
    }
  };
  const inTransaction = async <T>(work: (session: SqlSession) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await (await pooled()).connect();
    } catch (error) {
      throw classify(error);
    }
    const run: Run = async (text, params) => {
      try {
        const result = await client.query(text, params as unknown[]);
        return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
      } catch (error) {
        throw classify(error);
      }
    };
    let failure: unknown;
    try {
      await run('begin', []);
      const value = await work(transactionSession(run));
      await run('commit', []);
      return value;
    } catch (error) {
      failure = error;
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      // A connection whose statement timed out on the client side may still be busy: it is not handed out again.
      const timedOut = failure instanceof StoreError && failure.code !== 'lock_timeout';
      client.release(timedOut ? true : undefined);
    }
  };
  let closed: Promise<void> | undefined;
  return postgresDriver(
    poolRun,
    inTransaction,
    () => (closed ??= opened ? opened.then((pool) => pool.end()) : Promise.resolve()),
  );
}

/** A PostgreSQL driver from its way of running one statement and one transaction (a pool, or PGlite). */
function postgresDriver(run: Run, inTransaction: SqlDriver['transaction'], close: () => Promise<void>): SqlDriver {
  return {
    dialect: 'postgres',
    query: (text, params = []) => run(text, params),
    stream: (text, params, batchSize, onRows) =>
      streamSelect(
        run,
        (work) => inTransaction((session) => work((t, p) => session.query(t, p))),
        text,
        params,
        batchSize,
        onRows,
      ),
    transaction: inTransaction,
    introspect: (schema = 'public') => introspectPostgres(run, schema),
    close,
  };
}

/** The subset of PGlite the driver uses (so this module does not load PGlite itself). */
export interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  transaction<T>(
    work: (tx: {
      query<R>(text: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
    }) => Promise<T>,
  ): Promise<T>;
}

/** A driver over an open PGlite database (the caller closes PGlite). */
export function createPgliteDriver(pglite: PgliteLike): SqlDriver {
  const run: Run = async (text, params) => {
    const rendered = renderPlaceholders('postgres', text, params);
    const result = await pglite.query<Record<string, unknown>>(rendered.text, rendered.params);
    return { rows: result.rows, affected: result.affectedRows ?? 0 };
  };
  const inTransaction = <T>(work: (session: SqlSession) => Promise<T>): Promise<T> =>
    pglite.transaction((tx) =>
      work(
        transactionSession(async (text, params) => {
          const result = await tx.query<Record<string, unknown>>(text, [...params]);
          return { rows: result.rows, affected: result.affectedRows ?? 0 };
        }),
      ),
    );
  return postgresDriver(run, inTransaction, async () => {});
}
