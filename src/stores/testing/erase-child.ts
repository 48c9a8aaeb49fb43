/**
 * Child process of the crash test: runs one erasure job over two stores (PostgreSQL `shop`, MariaDB `legacy`) and,
 * when KILL_AT=store:n is set, announces the n-th written batch of that store and then blocks, so the parent can
 * kill it with SIGKILL in the middle of that store's transaction.
 *
 * Env: CHARTER_DB_URL, ORGANISATION_ID, SHOP_URL, LEGACY_URL, JOB_ID, HASH_KEY, KILL_AT.
 */
import { migrations, type Database } from '../../database.js';
import { openDatabase } from '../../platform/db/database.js';
import { eraseSubject } from '../jobs.js';
import { shopPairConnectors } from './shop-pair.js';

void migrations;
const env = process.env;
const required = (name: string) => {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = await openDatabase<Database>({ url: required('CHARTER_DB_URL'), poolSize: 2 });
const hashKey = Buffer.from(required('HASH_KEY'));
const connectors = shopPairConnectors({ shop: required('SHOP_URL'), legacy: required('LEGACY_URL') }, hashKey);
const [killStore, killBatch] = (env.KILL_AT ?? '').split(':');
const seen = new Map<string, number>();
const report = await eraseSubject(database.db, { organisationId: required('ORGANISATION_ID') }, connectors, {
  jobId: required('JOB_ID'),
  identities: [{ type: 'email', value: 'alice@example.be' }],
  actor: 'cli',
  batchSize: 25,
  onBatch(progress) {
    const count = (seen.get(progress.store) ?? 0) + 1;
    seen.set(progress.store, count);
    if (progress.store === killStore && count === Number(killBatch)) {
      process.stdout.write(`killing-point ${progress.store} ${count}\n`);
      // Block inside the store's open transaction until the parent's SIGKILL arrives.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    }
  },
});
process.stdout.write(`${JSON.stringify({ status: report.status })}\n`);
for (const connector of connectors) await connector.close();
await database.close();
