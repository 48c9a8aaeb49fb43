/**
 * The two stores of the erasure crash test (test-only module): the shop on PostgreSQL and its legacy copy on MariaDB,
 * as connectors; used by the test that checks the final state and by the child process it kills mid-erasure.
 */
import { storeModel } from '../plan.js';
import { createSqlConnector } from '../sql/engine.js';
import { createMysqlDriver } from '../sql/mysql.js';
import { createPostgresDriver } from '../sql/postgres.js';
import { shopHolds, shopStore } from './shop.js';

export function shopPairConnectors(urls: { shop: string; legacy: string }, hashKey: Buffer) {
  return [
    createSqlConnector({
      id: 'shop',
      kind: 'postgres',
      model: storeModel(shopStore('postgres', 'shop'), shopHolds),
      driver: createPostgresDriver(urls.shop),
      context: { hashKey },
    }),
    createSqlConnector({
      id: 'legacy',
      kind: 'mysql',
      model: storeModel(shopStore('mysql', 'legacy'), shopHolds),
      driver: createMysqlDriver(urls.legacy),
      context: { hashKey },
    }),
  ];
}
