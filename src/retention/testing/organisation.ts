/**
 * Test fixture of the retention tests (test-only module): a fresh organisation whose charter declares one store on a
 * new database of a real PostgreSQL or MariaDB server, seeded, and retention's ports composed for it at the tests'
 * fixed "now", with the store's URL in the environment variable the charter names.
 */
import { randomUUID } from 'node:crypto';
import { ensureOrganisation } from '../../accounts/organisations.js';
import { applyCharter } from '../../charter/repository.js';
import type { Charter } from '../../charter/schema.js';
import type { Database } from '../../database.js';
import { readConfig } from '../../platform/config.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import type { OrgScope } from '../../platform/db/tenancy.js';
import type { SqlDriver } from '../../stores/sql/driver.js';
import { composeRetention } from '../deps.js';
import { newStoreDatabase, storeDriver, testHashKey, testNow, type StoreKind, type StoreServers } from './crm.js';

export interface StoreFixture {
  scope: OrgScope;
  driver: SqlDriver;
  deps: ReturnType<typeof composeRetention>;
}

export interface StoreFixtureSpec {
  /** Prefix of the organisation's slug (`shop` → `shop-1a2b…`). */
  prefix: string;
  /** Prefix of the environment variable naming the store's URL (`CRM` → `CRM_SHOP_1A2B…`). */
  connectionPrefix: string;
  seed(driver: SqlDriver): Promise<void>;
  charter(organisation: string, connection: string): Charter;
}

export async function organisationWithStore(
  database: OpenDatabase<Database>,
  servers: StoreServers,
  kind: StoreKind,
  spec: StoreFixtureSpec,
): Promise<StoreFixture> {
  const slug = `${spec.prefix}-${randomUUID().slice(0, 8)}`;
  const url = await newStoreDatabase(servers, kind);
  const driver = storeDriver(kind, url);
  await spec.seed(driver);
  const connection = `${spec.connectionPrefix}_${slug.replace(/-/g, '_').toUpperCase()}`;
  const organisation = await ensureOrganisation(database.db, slug, slug);
  const scope = { organisationId: organisation.id };
  await applyCharter(database.db, scope, {
    charter: spec.charter(slug, connection),
    source: '',
    format: 'json',
    actor: 'system',
  });
  const deps = composeRetention({
    db: database.db,
    dbKind: database.kind,
    config: readConfig({}),
    env: { [connection]: url, CHARTER_HASH_KEY: testHashKey },
    clock: () => testNow,
  });
  return { scope, driver, deps };
}
