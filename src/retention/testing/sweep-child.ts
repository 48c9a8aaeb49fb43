/**
 * A retention sweep in a child process, for the crash test: runs `charter retention run --approve` for one
 * organisation, and after the batch that brings the step of `PAUSE_TABLE` to `PAUSE_AFTER` rows, prints "paused"
 * and waits forever, so the test can kill -9 it in the middle of the run (with PAUSE_AT=store-commit: after the store
 * committed that batch, before the run recorded it). Test-only.
 *
 * Environment: CHARTER_TEST_DATABASE_URL (PostgreSQL) or CHARTER_TEST_DATA_DIR (PGlite), ORGANISATION_ID, NOW, the
 * store's connection variable, CHARTER_HASH_KEY, PAUSE_TABLE, PAUSE_AFTER, PAUSE_AT.
 */
import type { Database } from '../../database.js';
import { readConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/database.js';
import { composeRetention } from '../deps.js';
import { runRetention } from '../sweep.js';

const env = process.env;
const database = await openDatabase<Database>(
  env.CHARTER_TEST_DATABASE_URL
    ? { url: env.CHARTER_TEST_DATABASE_URL, poolSize: 4 }
    : { dataDir: env.CHARTER_TEST_DATA_DIR },
);
const now = new Date(env.NOW ?? '');
const composed = composeRetention({
  db: database.db,
  dbKind: database.kind,
  config: readConfig({}),
  env,
  clock: () => now,
});
let swept = 0;
const pause = async () => {
  process.stdout.write('paused\n');
  await new Promise<never>(() => setInterval(() => {}, 1000));
};
// PAUSE_AT=store-commit: stop after the store committed a batch and before the run records it (the worst moment
// for the run's totals), by wrapping the store's sweep.
const deps: typeof composed =
  env.PAUSE_AT === 'store-commit'
    ? {
        ...composed,
        stores: {
          async open(store, charter) {
            const opened = await composed.stores.open(store, charter);
            const sweep = opened.target.sweep.bind(opened.target);
            opened.target.sweep = async (request) => {
              const result = await sweep(request);
              if (request.table === env.PAUSE_TABLE && !request.dryRun) {
                swept += result.deleted + result.anonymised;
                if (swept >= Number(env.PAUSE_AFTER)) await pause();
              }
              return result;
            };
            return opened;
          },
        },
      }
    : composed;
await runRetention(
  deps,
  { organisationId: env.ORGANISATION_ID ?? '' },
  {
    trigger: 'cli',
    actor: 'cli',
    approve: true,
    batchSize: 2,
    maxShare: 0.1,
    onProgress: async (progress) => {
      // Wait here (the batch is committed in the store and recorded in the run) until killed.
      if (
        env.PAUSE_AT !== 'store-commit' &&
        progress.table === env.PAUSE_TABLE &&
        progress.done >= Number(env.PAUSE_AFTER)
      )
        await pause();
    },
  },
);
process.stdout.write('finished\n');
await database.close();
