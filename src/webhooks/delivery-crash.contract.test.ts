/**
 * A sender killed with SIGKILL in the middle of a delivery (the receiver had the message, its answer never came
 * back) sends it again afterwards with the same `webhook-id`, so a receiver that dedupes by id processes it once.
 * Real processes on a real PostgreSQL: the child sends, the parent kills it, then sends in-process.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import { migrations, type Database } from '../database.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { projectFile } from '../platform/project.js';
import { newPostgresDatabase } from '../stores/testing/targets.js';
import { deliverOrganisation } from './deliver.js';
import { emitWebhookEvent } from './events.js';
import { createSubscription, listDeliveries } from './subscriptions.js';
import { startReceiver, type TestReceiver } from './testing/receiver.js';

let database: OpenDatabase<Database>;
let url: string;
let receiver: TestReceiver;

beforeAll(async () => {
  url = await newPostgresDatabase();
  database = await openDatabase<Database>({ url, poolSize: 3 });
  await migrate(database.db, migrations);
  receiver = await startReceiver();
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});

describe('a webhook sender killed mid-delivery', () => {
  it('sends the message again with the same webhook-id, and the receiver processes it once', async () => {
    const organisation = await ensureOrganisation(database.db, 'crash-hooks', 'Crash hooks');
    const scope = { organisationId: organisation.id, actor: 'user:test' };
    const deps = { db: database.db, clock: () => new Date(), allowPrivate: true };
    const subscription = await createSubscription(deps, scope, { url: receiver.url, events: ['charter.applied'] });
    await emitWebhookEvent(database.db, scope, 'charter.applied', { seq: 2, revision: 'r2' }, new Date());

    receiver.script('hang');
    const child = spawn(process.execPath, ['--import', 'tsx', projectFile('src/webhooks/testing/deliver-child.ts')], {
      env: { ...process.env, CHARTER_DB_URL: url, ORGANISATION_ID: organisation.id },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await Promise.race([
      receiver.waitFor(1),
      exited.then(() => Promise.reject(new Error(`the child ended before sending: ${errors}`))),
    ]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The receiver got it, but nothing says so in Charter: still pending, no attempt recorded.
    expect((await listDeliveries(database.db, scope, subscription.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
    });

    const delivered = await deliverOrganisation(
      {
        db: database.db,
        dbKind: database.kind,
        logger: createLogger('silent'),
        clock: () => new Date(),
        allowPrivate: true,
        timeoutMs: 5_000,
      },
      scope,
    );
    expect(delivered).toBe(1);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(receiver.processed).toEqual([ids[0]]);
    expect((await listDeliveries(database.db, scope, subscription.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
    });
  }, 90_000);
});
