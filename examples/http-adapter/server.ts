/**
 * Reference adapter for the HTTP store protocol (docs/http-store-protocol.md): serves `/access`, `/contacts`,
 * `/erase`, `/rectify`, `/restrict` and `/due` with signature and replay checks, in front of a database described
 * like any SQL store. Here the database is an embedded PGlite holding the demo shop; an in-house application would
 * pass its own database and the declaration of its tables.
 *
 *   ADAPTER_SECRET=$(openssl rand -hex 32) PORT=4400 npx tsx examples/http-adapter/server.ts
 */
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { createHttpStoreHandler } from '../../src/stores/http/adapter.js';
import { storeModel } from '../../src/stores/plan.js';
import { createSqlConnector } from '../../src/stores/sql/engine.js';
import { createPgliteDriver } from '../../src/stores/sql/postgres.js';
import { seedShop, shopHolds, shopStore } from '../../src/stores/testing/shop.js';

const secret = process.env.ADAPTER_SECRET;
const hashKey = process.env.ADAPTER_HASH_KEY ?? secret;
if (!secret || secret.length < 32 || !hashKey) {
  console.error('Set ADAPTER_SECRET to at least 32 random characters (e.g. openssl rand -hex 32).');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 4400);
const host = process.env.HOST ?? '127.0.0.1';

const pglite = await PGlite.create(process.env.ADAPTER_DATA_DIR ?? 'memory://');
const driver = createPgliteDriver(pglite);
const tables = await driver.query(`select count(*)::int as n from information_schema.tables where table_name = 'customers'`);
if (Number(tables.rows[0]?.n ?? 0) === 0) await seedShop(driver, new Date());

const connector = createSqlConnector({
  id: 'shop',
  kind: 'postgres',
  model: storeModel(shopStore('postgres'), shopHolds),
  driver,
  context: { hashKey: Buffer.from(hashKey) },
});

const server = createServer(createHttpStoreHandler({ secret, connector }));
server.listen(port, host, () => {
  console.log(`HTTP store adapter on http://${host}:${port}/charter (operations: access, contacts, erase, rectify, restrict, due)`);
});
const stop = () => {
  server.close(() => {
    void pglite.close().then(() => process.exit(0));
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
