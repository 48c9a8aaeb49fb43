/**
 * `consent.threshold`: a subscription watches a site's refusal share per banner category over a rolling window, with
 * a minimum of decisions; the periodic check emits one event per crossing (up and down), once even when two processes
 * check at once, delivered signed to the receiver the webhook tests start, with counts and ids only.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/support/auth.js';
import { consentApp, consentCharter, consentPost } from '../consent/ledger-fixtures.js';
import { createLogger } from '../platform/logger.js';
import { checkConsentThresholds, consentFigures, organisationsWatchingConsent } from './consent-threshold.js';
import { deliverOrganisation } from './deliver.js';
import { webhookEventSchemas } from './events.js';
import { startReceiver, type TestReceiver } from './testing/receiver.js';

const charter = consentCharter();
let now = new Date('2026-06-01T10:00:00Z');
let t: Awaited<ReturnType<typeof consentApp>>;
let receiver: TestReceiver;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await consentApp({ charter, now: () => now, env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

const scope = () => ({ organisationId: t.organisationId });

async function record(count: number, overrides: Parameters<typeof consentPost>[1]) {
  for (let i = 0; i < count; i++) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent',
      headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
      payload: consentPost(charter, overrides),
    });
    expect(response.statusCode).toBe(201);
  }
}

const check = () => checkConsentThresholds(t.database.db, scope(), now);

describe('consent statistics crossing a threshold', { timeout: 60_000 }, () => {
  let secret = '';

  it('is a subscription setting, checked and shown with the subscription', async () => {
    const headers = await tokenFor(t, ['webhooks:manage', 'webhooks:read']);
    const subscribe = (consentThreshold: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers,
        payload: { url: receiver.url, events: ['consent.threshold'], consentThreshold },
      });
    const bad = await subscribe({ metric: 'refusal-share', threshold: 40 });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('consentThreshold.threshold');
    const created = await subscribe({ metric: 'refusal-share', threshold: 0.5, minDecisions: 4, windowDays: 7 });
    expect(created.statusCode).toBe(201);
    secret = created.json<{ secret: string }>().secret;
    expect(created.json()).toMatchObject({
      consentThreshold: { metric: 'refusal-share', threshold: 0.5, minDecisions: 4, windowDays: 7 },
    });
    expect(await organisationsWatchingConsent(t.database.db)).toContain(t.organisationId);
  });

  it('says nothing under the minimum of decisions, nor for a figure first seen below the threshold', async () => {
    await record(3, { method: 'reject-all', choices: { analytics: false, marketing: false } });
    expect(await check()).toBe(0);
    await record(5, { method: 'accept-all' });
    // 3 refusals of 8 decisions per category: 37.5 %, below 50 %.
    expect(await check()).toBe(0);
  });

  it('emits one event when a figure crosses, once even when two processes check at once, and again when it falls back', async () => {
    await record(2, { method: 'custom', choices: { analytics: true, marketing: false } });
    // marketing: 5 refusals of 10 = 50 % (crossed); analytics: 3 of 10 (not).
    const [a, b] = await Promise.all([check(), check()]);
    expect(a + b).toBe(1);
    expect(await check()).toBe(0);

    now = new Date('2026-06-02T10:00:00Z');
    await record(10, { method: 'accept-all' });
    expect(await check()).toBe(1);

    await deliverOrganisation(
      {
        db: t.database.db,
        dbKind: t.database.kind,
        logger: createLogger('silent'),
        clock: () => now,
        allowPrivate: true,
      },
      scope(),
    );
    await receiver.waitFor(2);
    const messages = receiver.received.map((r) => {
      new Webhook(secret).verify(r.body, r.headers);
      return JSON.parse(r.body) as { type: string; data: Record<string, unknown> };
    });
    expect(messages.map((m) => [m.type, m.data.category, m.data.direction, m.data.value, m.data.decisions])).toEqual([
      ['consent.threshold', 'marketing', 'above', 0.5, 10],
      ['consent.threshold', 'marketing', 'below', 0.25, 20],
    ]);
    for (const message of messages)
      expect(webhookEventSchemas['consent.threshold'].strict().parse(message.data)).toMatchObject({
        site: 'main',
        metric: 'refusal-share',
        threshold: 0.5,
        windowDays: 7,
      });
    expect(messages[1]!.data).toMatchObject({ windowFrom: '2026-05-27', windowTo: '2026-06-02' });
    // Counts and ids only: nothing a visitor sent (their id, the page they were on) is in a message.
    expect(JSON.stringify(messages)).not.toMatch(/utm_source|products|visitor/);
  });

  it('judges afresh after the settings change', async () => {
    const headers = await tokenFor(t, ['webhooks:manage', 'webhooks:read']);
    const id = (await t.app.inject({ url: '/api/v1/webhooks', headers })).json<{ subscriptions: { id: string }[] }>()
      .subscriptions[0]!.id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${id}`,
      headers,
      payload: { consentThreshold: { metric: 'refusal-share', threshold: 0.2, minDecisions: 4, windowDays: 7 } },
    });
    expect(patched.statusCode).toBe(200);
    // marketing 5 of 20 = 25 % and analytics 3 of 20 = 15 %: marketing is now above the new 20 %.
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);
  });

  it('leaves out days before the window, and figures the window holds too few decisions for', async () => {
    now = new Date('2026-06-20T10:00:00Z');
    expect(await check()).toBe(0);
    expect(consentFigures([], { metric: 'withdrawal-share', threshold: 0.1, minDecisions: 1, windowDays: 1 })).toEqual(
      [],
    );
  });
});

describe('the figures', () => {
  it('are the refusal share per category, or the withdrawal share per site', () => {
    const day = (site: string, records: number, withdraw: number, decided: number, granted: number) => ({
      site,
      day: '2026-06-01',
      shown: 0,
      records,
      acceptAll: 0,
      rejectAll: 0,
      custom: 0,
      gpc: 0,
      gpcSignal: 0,
      withdraw,
      expiry: 0,
      categories: { marketing: { decided, granted, rate: null } },
    });
    const days = [day('main', 10, 1, 10, 4), day('main', 10, 3, 10, 6), day('shop', 2, 2, 2, 0)];
    expect(consentFigures(days, { metric: 'refusal-share', threshold: 0.5, minDecisions: 5, windowDays: 7 })).toEqual([
      { site: 'main', category: 'marketing', value: 0.5, decisions: 20 },
    ]);
    expect(
      consentFigures(days, { metric: 'withdrawal-share', threshold: 0.5, minDecisions: 2, windowDays: 7 }),
    ).toEqual([
      { site: 'main', category: '*', value: 0.2, decisions: 20 },
      { site: 'shop', category: '*', value: 1, decisions: 2 },
    ]);
  });
});
