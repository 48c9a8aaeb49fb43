/**
 * MySQL/MariaDB driver for the SQL engine over `mysql2`. Times travel in UTC; large results stream row by row from
 * the server and are handed over in batches.
 */
import type { Connection as CoreConnection } from 'mysql2';
import type mysql from 'mysql2/promise';
import type { ColumnFamily, LiveSchema, LiveTable } from '../connector.js';
import { classifyDriverError, defaultStoreTimeouts, type StoreTimeouts } from '../timeouts.js';
import { renderPlaceholders, type QueryResult, type SqlDriver, type SqlSession } from './driver.js';

/** Runs one statement with its parameters (a connection with the statement bound applied). */
type Queryable = { query(sql: string, values: unknown[]): Promise<[unknown, unknown]> };

/** The connection's statements, each cancelled on the client side after `timeoutMs`. */
function boundedOn(connection: mysql.PoolConnection, timeoutMs: number): Queryable {
  return { query: (sql, values) => connection.query({ sql, timeout: timeoutMs }, values) };
}

async function run(target: Queryable, text: string, params: readonly unknown[]): Promise<QueryResult> {
  const rendered = renderPlaceholders('mysql', text, params);
  const [result] = await target.query(rendered.text, rendered.params);
  if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affected: 0 };
  return { rows: [], affected: (result as mysql.ResultSetHeader).affectedRows ?? 0 };
}

async function streamRows(
  connection: mysql.PoolConnection,
  text: string,
  params: readonly unknown[],
  batchSize: number,
  onRows: (rows: Record<string, unknown>[]) => Promise<void>,
  timeoutMs?: number,
): Promise<void> {
  // The callback connection under the promise wrapper streams rows as they arrive (backpressure via the stream).
  const core = (connection as unknown as { connection: CoreConnection }).connection;
  const rendered = renderPlaceholders('mysql', text, params);
  const stream = core
    .query({ sql: rendered.text, ...(timeoutMs ? { timeout: timeoutMs } : {}) }, rendered.params)
    .stream({ highWaterMark: batchSize });
  let batch: Record<string, unknown>[] = [];
  for await (const row of stream as AsyncIterable<Record<string, unknown>>) {
    batch.push(row);
    if (batch.length >= batchSize) {
      const full = batch;
      batch = [];
      await onRows(full);
    }
  }
  if (batch.length > 0) await onRows(batch);
}

function connectionSession(connection: mysql.PoolConnection, timeoutMs: number): SqlSession {
  const bounded = boundedOn(connection, timeoutMs);
  return {
    dialect: 'mysql',
    query: (text, params = []) => run(bounded, text, params),
    stream: (text, params, batchSize, onRows) => streamRows(connection, text, params, batchSize, onRows, timeoutMs),
  };
}

function familyOf(dataType: string, columnType: string): ColumnFamily {
  const type = dataType.toLowerCase();
  if (type === 'tinyint' && /^tinyint\(1\)/i.test(columnType)) return 'boolean';
  if (['varchar', 'char', 'text', 'tinytext', 'mediumtext', 'longtext', 'enum', 'set'].includes(type)) return 'text';
  if (['int', 'integer', 'bigint', 'smallint', 'mediumint', 'tinyint'].includes(type)) return 'integer';
  if (['decimal', 'float', 'double', 'numeric'].includes(type)) return 'decimal';
  if (type === 'bit') return 'boolean';
  if (type === 'date') return 'date';
  if (['datetime', 'timestamp'].includes(type)) return 'timestamp';
  if (type === 'json') return 'json';
  if (['blob', 'tinyblob', 'mediumblob', 'longblob', 'binary', 'varbinary'].includes(type)) return 'binary';
  if (type === 'uuid') return 'uuid';
  return 'other';
}

async function introspectMysql(pool: Queryable): Promise<LiveSchema> {
  const { rows: columns } = await run(
    pool,
    `select c.table_name as table_name, c.column_name as column_name, c.column_type as column_type,
            c.data_type as data_type, c.is_nullable as is_nullable, c.character_maximum_length as max_length,
            t.table_rows as estimate
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = database() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
    [],
  );
  const { rows: indexes } = await run(
    pool,
    `select table_name as table_name, index_name as index_name, max(non_unique) as non_unique,
            group_concat(column_name order by seq_in_index) as columns
       from information_schema.statistics where table_schema = database()
      group by table_name, index_name`,
    [],
  );
  const { rows: foreignKeys } = await run(
    pool,
    `select table_name as table_name, constraint_name as constraint_name, referenced_table_name as referenced_table,
            group_concat(column_name order by ordinal_position) as columns,
            group_concat(referenced_column_name order by ordinal_position) as referenced_columns
       from information_schema.key_column_usage
      where table_schema = database() and referenced_table_name is not null
      group by table_name, constraint_name, referenced_table_name`,
    [],
  );
  const tables = new Map<string, LiveTable>();
  for (const row of columns) {
    const name = String(row.table_name);
    let table = tables.get(name);
    if (!table) {
      table = {
        name,
        columns: [],
        primaryKey: [],
        foreignKeys: [],
        estimatedRows: row.estimate == null ? undefined : Number(row.estimate),
      };
      tables.set(name, table);
    }
    const family = familyOf(String(row.data_type), String(row.column_type));
    table.columns.push({
      name: String(row.column_name),
      rawType: String(row.column_type),
      family,
      nullable: String(row.is_nullable) === 'YES',
      maxLength:
        family === 'text' && row.max_length != null && Number(row.max_length) < 65_535
          ? Number(row.max_length)
          : undefined,
      unique: false,
      indexed: false,
    });
  }
  for (const row of indexes) {
    const table = tables.get(String(row.table_name));
    if (!table) continue;
    const cols = String(row.columns).split(',');
    if (String(row.index_name) === 'PRIMARY') table.primaryKey = cols;
    const first = table.columns.find((c) => c.name === cols[0]);
    if (first) first.indexed = true;
    if (Number(row.non_unique) === 0 && cols.length === 1) {
      const col = table.columns.find((c) => c.name === cols[0]);
      if (col) col.unique = true;
    }
  }
  for (const row of foreignKeys) {
    tables.get(String(row.table_name))?.foreignKeys.push({
      columns: String(row.columns).split(','),
      referencedTable: String(row.referenced_table),
      referencedColumns: String(row.referenced_columns).split(','),
    });
  }
  return { tables: [...tables.values()] };
}

/** Options of a MySQL/MariaDB store driver. */
export interface MysqlDriverOptions {
  poolSize?: number | undefined;
  /** The store's id, named in the errors. */
  store?: string | undefined;
  /** Connect, statement and lock bounds (defaults: `defaultStoreTimeouts`). */
  timeouts?: StoreTimeouts | undefined;
}

/** A driver over a `mysql2` pool for a mysql:// or mariadb:// URL. */
export function createMysqlDriver(url: string, options: MysqlDriverOptions = {}): SqlDriver {
  const timeouts = options.timeouts ?? defaultStoreTimeouts;
  const store = options.store ?? 'store';
  const classify = (error: unknown) => classifyDriverError(store, error, timeouts);
  const lockSeconds = Math.max(1, Math.round(timeouts.lockMs / 1000));
  // The pool (and `mysql2` itself) comes with the first statement.
  let opened: Promise<mysql.Pool> | undefined;
  const pooled = () =>
    (opened ??= import('mysql2/promise').then(({ default: library }) => {
      const pool = library.createPool({
        uri: url.replace(/^mariadb:/, 'mysql:'),
        connectionLimit: options.poolSize ?? 4,
        connectTimeout: timeouts.connectMs,
        timezone: 'Z',
        supportBigNumbers: true,
        bigNumberStrings: false,
        decimalNumbers: true,
      });
      // Each new connection bounds its lock waits before it is handed out (statements queue behind these on the
      // connection): table locks (metadata, LOCK TABLES) and row locks both. MariaDB also cancels a statement past
      // its bound on the server; MySQL refuses that variable, and the client-side bound below covers it.
      pool.on('connection', (connection: unknown) => {
        const core = connection as CoreConnection;
        core.query(
          `set session lock_wait_timeout = ${lockSeconds}, innodb_lock_wait_timeout = ${lockSeconds}`,
          () => {},
        );
        core.query(`set session max_statement_time = ${timeouts.statementMs / 1000}`, () => {});
      });
      return pool;
    }));
  const acquire = async (): Promise<mysql.PoolConnection> => {
    try {
      return await (await pooled()).getConnection();
    } catch (error) {
      throw classify(error);
    }
  };
  const inConnection = async <T>(work: (connection: mysql.PoolConnection) => Promise<T>): Promise<T> => {
    const connection = await acquire();
    let healthy = true;
    try {
      return await work(connection);
    } catch (error) {
      healthy = false;
      throw classify(error);
    } finally {
      // A connection left mid-stream, mid-transaction or mid-statement (timed out on the client side) by an error is
      // not handed to the next caller.
      if (healthy) connection.release();
      else connection.destroy();
    }
  };
  const bounded = (connection: mysql.PoolConnection) =>
    boundedOn(connection, timeouts.statementMs + timeouts.connectMs);
  let closed: Promise<void> | undefined;
  return {
    dialect: 'mysql',
    query: (text, params = []) => inConnection((c) => run(bounded(c), text, params)),
    stream: (text, params, batchSize, onRows) =>
      inConnection((c) => streamRows(c, text, params, batchSize, onRows, timeouts.statementMs + timeouts.connectMs)),
    transaction: (work) =>
      inConnection(async (connection) => {
        await connection.beginTransaction();
        try {
          const value = await work(connectionSession(connection, timeouts.statementMs + timeouts.connectMs));
          await connection.commit();
          return value;
        } catch (error) {
          await connection.rollback().catch(() => {});
          throw error;
        }
      }),
    introspect: () => inConnection((c) => introspectMysql(bounded(c))),
    close: () => (closed ??= opened ? opened.then((pool) => pool.end()) : Promise.resolve()),
  };
}
