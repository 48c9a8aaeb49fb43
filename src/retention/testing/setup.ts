/**
 * The shared setup of the retention domain's store tests (test-only module): the real store servers (PostgreSQL and
 * MariaDB) and Charter's own test database, started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { testDatabase } from '../../../test/support/database.js';
import type { Database } from '../../database.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { storeServers, type StoreServers } from './crm.js';

/** What a retention store test works against; the fields are set once the file's `beforeAll` has run. */
export interface RetentionWorld {
  servers: StoreServers;
  database: OpenDatabase<Database>;
}

/**
 * Registers the hooks that start and stop the store servers and the database. Call it at the top level of a test
 * file; read the fields in a `beforeAll` registered after this call, or inside the tests.
 */
export function retentionWorld(): RetentionWorld {
  const world = {} as RetentionWorld;
  beforeAll(async () => {
    world.servers = await storeServers();
    world.database = await testDatabase();
  }, 180_000);
  afterAll(async () => {
    await world.database?.close();
    world.servers?.stop();
  });
  return world;
}
