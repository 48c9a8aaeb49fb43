/**
 * The webhooks API as a tool's owner uses it: subscribe (the secret shown once), a data-subject request queues its
 * `request.received` delivery, the delivery log shows it, a test event and a secret rotation; SSRF refusals answer 422
 * with the field; a privacy officer reads but cannot manage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { sessionFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { rightsContextOf } from '../rights/register.js';

let t: TestApp;
let strict: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter(), env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  strict = await buildTestApp({ charter: buildCharter() });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await strict?.close();
});

/** POST /api/v1/webhooks: a subscription to `payload`'s events at its url, asked for with `headers`. */
const subscribe = (app: TestApp, headers: Record<string, string>, payload: Record<string, unknown>) =>
  app.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload });

describe('webhooks API', () => {
  it('subscribes, queues a request.received delivery without personal data, logs it, sends a test event and rotates the secret', async () => {
    const owner = await sessionFor(t, 'owner');
    const created = await subscribe(t, owner, { url: 'http://127.0.0.1:9/hooks', events: ['request.received'] });
    expect(created.statusCode).toBe(201);
    const subscription = created.json();
    expect(subscription.secret).toMatch(/^whsec_/);
    const listed = (await t.app.inject({ url: '/api/v1/webhooks', headers: owner })).json();
    expect(listed.subscriptions).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(subscription.secret);
    expect(listed.events).toContain('retention.run.completed');
    expect(listed.events).toContain('site.scan.completed');
    // The site scan's event is documented with the others: its payload schema is in the OpenAPI document.
    const openapi = JSON.stringify((await t.app.inject({ url: '/openapi.json' })).json());
    expect(openapi).toContain('"const":"site.scan.completed"');
    expect(openapi).toContain('"newFindings"');

    const site = (await t.database.db.selectFrom('sites').select('site_id').executeTakeFirstOrThrow()).site_id;
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/privacy/${site}/requests`,
      remoteAddress: '192.0.2.40',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        lang: 'en',
        type: 'access',
        identityType: 'email',
        identity: 'someone@example.test',
      }).toString(),
    });
    expect(submitted.statusCode).toBe(303);
    await rightsContextOf(t.app).idle();
    const log = (await t.app.inject({ url: `/api/v1/webhooks/${subscription.id}/deliveries`, headers: owner })).json();
    expect(log.deliveries.map((d: { eventType: string; status: string }) => [d.eventType, d.status])).toEqual([
      ['request.received', 'pending'],
    ]);
    const payloads = await t.database.db.selectFrom('webhook_deliveries').select('payload').execute();
    expect(JSON.stringify(payloads)).not.toContain('someone@example.test');

    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/webhooks/${subscription.id}/test`, headers: owner }))
        .statusCode,
    ).toBe(202);
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${subscription.id}/rotate-secret`,
      headers: owner,
    });
    expect(rotated.json().secret).not.toBe(subscription.secret);
    expect(rotated.json().previousSecretUntil).not.toBeNull();

    const officer = await sessionFor(t, 'privacy-officer');
    expect((await t.app.inject({ url: '/api/v1/webhooks', headers: officer })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${subscription.id}`, headers: officer }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${subscription.id}`, headers: owner })).statusCode,
    ).toBe(204);
  });

  it('refuses a loopback target with 422 on the url field when the operator has not allowed private targets', async () => {
    const owner = await sessionFor(strict, 'owner');
    const refused = await subscribe(strict, owner, { url: 'http://127.0.0.1:8080/hooks', events: ['*'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].path).toBe('body.url');
    const bad = await subscribe(strict, owner, { url: 'https://hooks.example/', events: ['no.such.event'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toMatch(/^body\.events/);
  });
});

describe('the OpenAPI document of webhooks', () => {
  it('lists the subscription routes and the message of every event type with its payload schema', async () => {
    const document = (await t.app.inject('/openapi.json')).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    }>();
    for (const [path, methods] of [
      ['/api/v1/webhooks', ['get', 'post']],
      ['/api/v1/webhooks/{id}', ['get', 'patch', 'delete']],
      ['/api/v1/webhooks/{id}/rotate-secret', ['post']],
      ['/api/v1/webhooks/{id}/test', ['post']],
      ['/api/v1/webhooks/{id}/deliveries', ['get']],
    ] as const) {
      for (const method of methods) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const sent = JSON.stringify(
      document.paths['/{subscription-url}']?.post?.requestBody?.content['application/json']?.schema,
    );
    const { webhookEventTypes } = await import('./events.js');
    for (const type of webhookEventTypes) expect(sent).toContain(`"${type}"`);
    // The consent.threshold payload with its declared meaning, and the subscription's threshold setting.
    for (const field of ['direction', 'windowFrom', 'decisions', 'withdrawal-share']) expect(sent).toContain(field);
    expect(JSON.stringify(document.paths['/api/v1/webhooks']?.post)).toContain('minDecisions');
  });
});
