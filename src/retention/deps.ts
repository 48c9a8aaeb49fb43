/**
 * Composing retention's ports from the configuration: store connectors from the environment (connection URLs and
 * the hash key), renewals from the consent ledger, own-data settings. Used by the CLI, the server's jobs and routes.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { retentionView, type RetentionDb } from './tables.js';
import type { Config } from '../platform/config.js';
import type { DatabaseKind } from '../platform/db/database.js';
import { hashKeyFromEnv } from '../stores/open.js';
import { ownDataSettings } from './own-data.js';
import { ledgerRenewals } from './renewals.js';
import { storeAccess, type StoreAccess } from './store-access.js';
import type { SweepDeps } from './sweep.js';

export interface RetentionSettings {
  batchSize: number;
  maxShare: number;
}

export function retentionSettings(
  config: Pick<Config, 'RETENTION_BATCH_SIZE' | 'RETENTION_APPROVAL_SHARE'>,
): RetentionSettings {
  return { batchSize: config.RETENTION_BATCH_SIZE, maxShare: config.RETENTION_APPROVAL_SHARE };
}

export interface ComposeOptions<DB extends RetentionDb = RetentionDb> {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  config: Config;
  env: NodeJS.ProcessEnv;
  clock: () => Date;
  /** Replaces the connectors built from the environment (tests). */
  stores?: StoreAccess | undefined;
}

/**
 * The ports of retention. The `hash` strategy needs CHARTER_HASH_KEY (or CHARTER_SECRET); without it, plans and
 * deletions work, and a step that would write a hashed value is refused by the store check (a hash under a key
 * nobody keeps could not be matched again, and an unkeyed one could be reversed by guessing).
 */
export function composeRetention<DB extends RetentionDb>(options: ComposeOptions<DB>): SweepDeps {
  const hashKey = hashKeyFromEnv(options.env);
  return {
    db: retentionView(options.db),
    dbKind: options.dbKind,
    clock: options.clock,
    stores:
      options.stores ??
      storeAccess(
        { env: options.env, hashKey: hashKey ?? randomBytes(32) },
        { hashKeyAvailable: hashKey !== undefined },
      ),
    renewals: ledgerRenewals(options.db),
    own: ownDataSettings(options.config),
  };
}
