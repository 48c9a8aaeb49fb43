/**
 * The three connector targets of the contract suite, each against a real server: PostgreSQL and MariaDB started by
 * the vitest global setups, and the reference HTTP adapter served on loopback in front of a PGlite database.
 * Test-only module (imports vitest's `inject`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { StoreConnector } from '../connector.js';
import { createHttpStoreHandler } from '../http/adapter.js';
import { createHttpConnector } from '../http/client.js';
import type { Store } from '../../charter/schema.js';
import { storeModel } from '../plan.js';
import type { SqlDriver } from '../sql/driver.js';
import { createSqlConnector } from '../sql/engine.js';
import { createMysqlDriver } from '../sql/mysql.js';
import { createPgliteDriver, createPostgresDriver } from '../sql/postgres.js';
import { defaultStoreTimeouts } from '../timeouts.js';
import { readTable, seedShop, shopHolds, shopStore, shopTables } from './shop.js';

export const testHashKey = Buffer.from('contract-suite-hash-key-0123456789', 'utf8');

export interface ContractTarget {
  name: 'postgres' | 'mariadb' | 'http';
  connector: StoreConnector;
  /** Direct access to the database behind the connector, to check the final state. */
  driver: SqlDriver;
  /** Drops and re-creates the shop with its rows relative to `now`. */
  reset(now: Date): Promise<void>;
  rows(table: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A target whose database behind `connector` is the shop in `driver`: reset re-creates it, rows reads it. */
function shopTarget(
  name: ContractTarget['name'],
  connector: StoreConnector,
  driver: SqlDriver,
  close: () => Promise<void>,
): ContractTarget {
  return {
    name,
    connector,
    driver,
    async reset(now) {
      for (const table of [...shopTables].reverse()) await driver.query(`drop table if exists ${table}`);
      await seedShop(driver, now);
    },
    rows: (table) => readTable(driver, table),
    close,
  };
}

/** A new empty database in the test PostgreSQL server; returns its URL. */
export async function newPostgresDatabase(): Promise<string> {
  const admin = inject('postgresUrl');
  const name = `stores_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}

/** A new empty database in the test MariaDB server; returns its URL. */
export async function newMariaDbDatabase(): Promise<string> {
  const admin = inject('mariadbUrl');
  const name = `stores_${randomBytes(5).toString('hex')}`;
  const connection = await mysql.createConnection({ uri: admin });
  try {
    await connection.query(`create database ${name} character set utf8mb4`);
  } finally {
    await connection.end();
  }
  return `${admin}${name}`;
}

function sqlTarget(name: 'postgres' | 'mariadb', driver: SqlDriver, kind: 'postgres' | 'mysql'): ContractTarget {
  const connector = createSqlConnector({
    id: 'shop',
    kind,
    model: storeModel(shopStore(kind), shopHolds),
    driver,
    context: { hashKey: testHashKey },
  });
  return shopTarget(name, connector, driver, () => connector.close());
}

/** PostgreSQL and MariaDB as `[name, dialect, driver on a new database]`, for a `describe.each` over both. */
export const sqlDriverTargets: [string, 'postgres' | 'mysql', () => Promise<SqlDriver>][] = [
  [
    'PostgreSQL',
    'postgres',
    async () => createPostgresDriver(await newPostgresDatabase(), { poolSize: 2, timeouts: defaultStoreTimeouts }),
  ],
  [
    'MariaDB',
    'mysql',
    async () => createMysqlDriver(await newMariaDbDatabase(), { poolSize: 2, timeouts: defaultStoreTimeouts }),
  ],
];

export async function postgresTarget(): Promise<ContractTarget> {
  return sqlTarget('postgres', createPostgresDriver(await newPostgresDatabase()), 'postgres');
}

export async function mariadbTarget(): Promise<ContractTarget> {
  return sqlTarget('mariadb', createMysqlDriver(await newMariaDbDatabase()), 'mysql');
}

/** The reference adapter (PGlite behind it) served on a loopback port, reached through the HTTP connector. */
export async function httpTarget(): Promise<ContractTarget> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  const driver = createPgliteDriver(pglite);
  const backend = createSqlConnector({
    id: 'shop-backend',
    kind: 'postgres',
    model: storeModel(shopStore('postgres'), shopHolds),
    driver,
    context: { hashKey: testHashKey },
  });
  const secret = randomBytes(24).toString('hex');
  const server: Server = createServer(createHttpStoreHandler({ secret, connector: backend }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const connector = createHttpConnector({ id: 'shop', url: `http://127.0.0.1:${port}/charter`, secret });
  return shopTarget('http', connector, driver, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pglite.close();
  });
}

/** A SQL connector over a filled database; the fields are set once the `beforeAll` it registers has run. */
export interface FilledSqlStore {
  driver: SqlDriver;
  connector: StoreConnector;
}

/**
 * Registers the hooks of a test on one SQL driver target: opens the database, fills it, builds the connector of
 * `store` over it (with the suite's hash key), and closes the database after the tests. Call it inside the describe.
 */
export function filledSqlStore(
  kind: 'postgres' | 'mysql',
  open: () => Promise<SqlDriver>,
  fill: (driver: SqlDriver, kind: 'postgres' | 'mysql') => Promise<void>,
  store: Store,
): FilledSqlStore {
  const target = {} as FilledSqlStore;
  beforeAll(async () => {
    target.driver = await open();
    await fill(target.driver, kind);
    target.connector = createSqlConnector({
      id: store.id,
      kind,
      model: storeModel(store),
      driver: target.driver,
      context: { hashKey: testHashKey },
    });
  });
  afterAll(async () => {
    await target.driver.close();
  });
  return target;
}
