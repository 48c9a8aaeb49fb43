/**
 * Real databases for the ownership property test: one PostgreSQL and one MariaDB database per test file, in which
 * each generated case drops the previous tables and creates its own in one multi-statement batch, and a full dump
 * of every table read back in one round trip (values normalised: ids numbers, flags booleans, dates ISO strings).
 * Foreign-key checks are off while a batch creates and fills the tables (rows may point forward, cycles exist);
 * they are on for everything the connector does. Test-only module.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { SqlDriver } from '../sql/driver.js';
import { createMysqlDriver } from '../sql/mysql.js';
import { createPostgresDriver } from '../sql/postgres.js';
import {
  createStatements,
  insertStatements,
  type GeneratedCase,
  type GeneratedSchema,
  type Row,
  type Value,
} from './generated-schema.js';
import type { Dump } from './ownership-oracle.js';
import { newMariaDbDatabase, newPostgresDatabase } from './targets.js';
import { defaultStoreTimeouts } from '../timeouts.js';

export interface GeneratedDatabase {
  kind: 'postgres' | 'mysql';
  /** The driver the connector under test uses. */
  driver: SqlDriver;
  /** Drops whatever the previous case created, creates the case's tables and fills them. */
  create(generated: GeneratedCase): Promise<void>;
  /** Puts the case's rows back as they were generated. */
  reset(generated: GeneratedCase): Promise<void>;
  dump(schema: GeneratedSchema): Promise<Dump>;
  close(): Promise<void>;
}

const flagColumns = new Set(['restricted', 'held']);

function normalise(row: Record<string, unknown>): Row {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]): [string, Value] => {
      if (value === null || value === undefined) return [key, null];
      if (value instanceof Date) return [key, value.toISOString()];
      if (flagColumns.has(key)) return [key, value === true || value === 1 || value === '1'];
      if (typeof value === 'bigint') return [key, Number(value)];
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return [key, value];
      return [key, JSON.stringify(value)];
    }),
  );
}

export async function postgresGeneratedDatabase(): Promise<GeneratedDatabase> {
  const url = await newPostgresDatabase();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Every table name a case ever created here: a failed batch may have left some of them behind.
  const created = new Set<string>();
  const batch = async (statements: string[]) => {
    // A superuser session in replica mode fires no foreign-key triggers: rows may be inserted in any order.
    await admin.query(
      ['set session_replication_role = replica', ...statements, 'set session_replication_role = origin'].join(';\n'),
    );
  };
  const driver = createPostgresDriver(url, { poolSize: 4, timeouts: defaultStoreTimeouts });
  return {
    kind: 'postgres',
    driver,
    async create(generated) {
      const drop = [...created];
      for (const table of generated.schema.tables) created.add(table.name);
      await batch([
        ...(drop.length ? [`drop table if exists ${drop.join(', ')} cascade`] : []),
        ...createStatements(generated.schema, 'postgres'),
        ...insertStatements(generated.schema, generated.rows, 'postgres'),
      ]);
    },
    async reset(generated) {
      await batch([
        ...generated.schema.tables.map((t) => `delete from ${t.name}`),
        ...insertStatements(generated.schema, generated.rows, 'postgres'),
      ]);
    },
    async dump(schema) {
      const results = (await admin.query(
        schema.tables.map((t) => `select * from ${t.name} order by id`).join(';\n'),
      )) as unknown as pg.QueryResult | pg.QueryResult[];
      const list = Array.isArray(results) ? results : [results];
      return list.map((result) => result.rows.map((row: Record<string, unknown>) => normalise(row)));
    },
    async close() {
      await admin.end();
      await driver.close();
    },
  };
}

export async function mariadbGeneratedDatabase(): Promise<GeneratedDatabase> {
  const url = await newMariaDbDatabase();
  // The admin session is opened again if the server dropped it (seen once under load): a lost session must not
  // turn every later case, and the shrinking, into failures that are not the engine's.
  let open: mysql.Connection | undefined;
  const session = async () => {
    if (!open) {
      const connection = await mysql.createConnection({ uri: url, multipleStatements: true, timezone: 'Z' });
      const forget = () => {
        if (open === connection) open = undefined;
      };
      connection.on('error', forget);
      connection.on('end', forget);
      open = connection;
    }
    return open;
  };
  const query = async (text: string) => {
    try {
      return await (await session()).query(text);
    } catch (error) {
      if (!/closed state/.test((error as Error).message)) throw error;
      open = undefined;
      return (await session()).query(text);
    }
  };
  // Every table name a case ever created here: a failed batch may have left some of them behind.
  const created = new Set<string>();
  const batch = async (statements: string[]) => {
    await query(['set foreign_key_checks = 0', ...statements, 'set foreign_key_checks = 1'].join(';\n'));
  };
  const driver = createMysqlDriver(url, { poolSize: 4, timeouts: defaultStoreTimeouts });
  return {
    kind: 'mysql',
    driver,
    async create(generated) {
      const drop = [...created];
      for (const table of generated.schema.tables) created.add(table.name);
      await batch([
        ...(drop.length ? [`drop table if exists ${drop.join(', ')}`] : []),
        ...createStatements(generated.schema, 'mysql'),
        ...insertStatements(generated.schema, generated.rows, 'mysql'),
      ]);
    },
    async reset(generated) {
      await batch([
        ...generated.schema.tables.map((t) => `delete from ${t.name}`),
        ...insertStatements(generated.schema, generated.rows, 'mysql'),
      ]);
    },
    async dump(schema) {
      const [results] = await query(schema.tables.map((t) => `select * from ${t.name} order by id`).join(';\n'));
      // One statement answers its rows; several answer one list of rows per statement.
      const list = (schema.tables.length === 1 ? [results] : results) as Record<string, unknown>[][];
      return list.map((rows) => rows.map((row) => normalise(row)));
    },
    async close() {
      await open?.end();
      await driver.close();
    },
  };
}
