/**
 * Webhook delivery against a receiver the test starts on loopback: signed per Standard Webhooks (verified with the
 * `standardwebhooks` library, with either secret during a rotation), retried after a 500 and after a timeout with the
 * same `webhook-id`, each subscription's events in order, targets checked against SSRF.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/support/database.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import type { Database } from '../database.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { createLogger } from '../platform/logger.js';
import { deliverOrganisation, deliveryRetryDelayMs, type WebhookDeps } from './deliver.js';
import { emitWebhookEvent } from './events.js';
import {
  createSubscription,
  listDeliveries,
  rotateSecret,
  sendTestEvent,
  type SubscriptionDeps,
} from './subscriptions.js';
import { startReceiver, type TestReceiver } from './testing/receiver.js';
import { subscriptionView } from './tables.js';

let database: OpenDatabase<Database>;
let receiver: TestReceiver;
let now = new Date();
let scope: { organisationId: string; actor: string };

beforeAll(async () => {
  database = await testDatabase();
  receiver = await startReceiver();
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});

let organisationCount = 0;
beforeEach(async () => {
  // Each test its own organisation, so the deliveries of one never reach another's receiver log.
  const organisation = await ensureOrganisation(database.db, `hooks-${++organisationCount}`, 'Hooks');
  scope = { organisationId: organisation.id, actor: 'user:test' };
  receiver.received.length = 0;
  receiver.processed.length = 0;
});

const subscriptionDeps = (): SubscriptionDeps => ({
  db: subscriptionView(database.db),
  clock: () => now,
  allowPrivate: true,
});
const senderDeps = (): WebhookDeps<Database> => ({
  db: database.db,
  dbKind: database.kind,
  logger: createLogger('silent'),
  clock: () => now,
  allowPrivate: true,
  timeoutMs: 500,
});
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

describe('webhook delivery', () => {
  it('signs each message so the standardwebhooks library verifies it, with ids and counts only', async () => {
    const subscription = await createSubscription(subscriptionDeps(), scope, {
      url: receiver.url,
      events: ['request.received'],
    });
    expect(subscription.secret).toMatch(/^whsec_/);
    const requestId = '4a4a4a4a-4a4a-4a4a-8a4a-4a4a4a4a4a4a';
    await emitWebhookEvent(
      database.db,
      scope,
      'request.received',
      { requestId, requestType: 'access', dueAt: now.toISOString() },
      now,
    );
    // Not subscribed to: nothing queued.
    expect(await emitWebhookEvent(database.db, scope, 'charter.applied', { seq: 2, revision: 'abc' }, now)).toBe(0);
    expect(await deliverOrganisation(senderDeps(), scope)).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    const verified = new Webhook(subscription.secret).verify(message!.body, message!.headers) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(verified).toMatchObject({ type: 'request.received', data: { requestId, requestType: 'access' } });
    expect(Object.keys(verified.data).sort()).toEqual(['dueAt', 'requestId', 'requestType']);
    // Anyone else's secret does not verify it.
    expect(() =>
      new Webhook(`whsec_${Buffer.from('another secret of 32 bytes......').toString('base64')}`).verify(
        message!.body,
        message!.headers,
      ),
    ).toThrow();
    const [logged] = await listDeliveries(database.db, scope, subscription.id);
    expect(logged).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      messageId: message!.headers['webhook-id'],
    });
  });

  it("retries after a 500 and after a timeout with the same webhook-id, and keeps each subscription's order", async () => {
    const subscription = await createSubscription(subscriptionDeps(), scope, { url: receiver.url, events: ['*'] });
    await emitWebhookEvent(
      database.db,
      scope,
      'request.verified',
      { requestId: '11111111-1111-4111-8111-111111111111', requestType: 'access' },
      now,
    );
    later(1);
    await emitWebhookEvent(
      database.db,
      scope,
      'request.completed',
      { requestId: '11111111-1111-4111-8111-111111111111', requestType: 'access', state: 'completed' },
      now,
    );

    receiver.script(500);
    expect(await deliverOrganisation(senderDeps(), scope)).toBe(0);
    // The second event waits behind the first.
    expect(receiver.received).toHaveLength(1);
    let log = await listDeliveries(database.db, scope, subscription.id);
    expect(log.map((d) => [d.eventType, d.status, d.attempts, d.lastStatus])).toEqual([
      ['request.completed', 'pending', 0, null],
      ['request.verified', 'pending', 1, 500],
    ]);
    // Before the back-off has passed, nothing is sent.
    expect(await deliverOrganisation(senderDeps(), scope)).toBe(0);
    expect(receiver.received).toHaveLength(1);

    later(deliveryRetryDelayMs(1));
    receiver.script('hang');
    expect(await deliverOrganisation(senderDeps(), scope)).toBe(0);
    log = await listDeliveries(database.db, scope, subscription.id);
    expect(log[1]).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastStatus: null,
      lastError: 'no answer within 0.5 s',
    });

    later(deliveryRetryDelayMs(2));
    expect(await deliverOrganisation(senderDeps(), scope)).toBe(2);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    const types = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
    expect(types).toEqual(['request.verified', 'request.verified', 'request.verified', 'request.completed']);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);
    expect(receiver.processed).toEqual([ids[0], ids[3]]);
    log = await listDeliveries(database.db, scope, subscription.id);
    expect(log.map((d) => [d.status, d.attempts, d.lastStatus])).toEqual([
      ['delivered', 1, 200],
      ['delivered', 3, 200],
    ]);
  });

  it('signs with both secrets while a rotation lasts, so a receiver with either one verifies', async () => {
    const subscription = await createSubscription(subscriptionDeps(), scope, {
      url: receiver.url,
      events: ['charter.applied'],
    });
    const rotated = await rotateSecret(subscriptionDeps(), scope, subscription.id);
    expect(rotated.secret).not.toBe(subscription.secret);
    await sendTestEvent(subscriptionDeps(), scope, subscription.id);
    await deliverOrganisation(senderDeps(), scope);
    const [message] = receiver.received;
    expect(message!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(subscription.secret).verify(message!.body, message!.headers)).toMatchObject({
      type: 'webhook.test',
      data: { subscriptionId: subscription.id },
    });
    expect(new Webhook(rotated.secret).verify(message!.body, message!.headers)).toMatchObject({ type: 'webhook.test' });
    // After the overlap, only the new secret signs.
    later(25 * 3_600_000);
    await sendTestEvent(subscriptionDeps(), scope, subscription.id);
    await deliverOrganisation(senderDeps(), scope);
    const second = receiver.received[1]!;
    expect(() => new Webhook(subscription.secret).verify(second.body, second.headers)).toThrow();
    expect(new Webhook(rotated.secret).verify(second.body, second.headers)).toMatchObject({ type: 'webhook.test' });
  });

  it('refuses loopback, private and link-local targets unless the operator allows them, checking every address', async () => {
    const strict: SubscriptionDeps = { ...subscriptionDeps(), allowPrivate: false };
    const refused = async (url: string, addresses: string[]) => {
      const error = await createSubscription(
        {
          ...strict,
          resolve: async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
        },
        scope,
        { url, events: ['*'] },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      return (error as AppError & { details?: unknown }).details;
    };
    expect(await refused(receiver.url, [])).toEqual([expect.objectContaining({ path: 'body.url' })]);
    await refused('http://metadata.test/latest', ['169.254.169.254']);
    await refused('http://intranet.test/', ['10.1.2.3']);
    // One public address beside a private one is not enough: every address is checked.
    await refused('https://mixed.test/', ['93.184.215.14', '192.168.1.10']);
    await refused('http://v6.test/', ['::ffff:127.0.0.1']);
    await refused('ftp://files.test/', ['93.184.215.14']);
    const allowed = await createSubscription(
      { ...strict, resolve: async () => [{ address: '93.184.215.14', family: 4 }] },
      scope,
      { url: 'https://hooks.example.test/charter', events: ['*'] },
    );
    expect(allowed.url).toBe('https://hooks.example.test/charter');
  });
});
