import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { freePort } from '../../test/support/postgres-server.js';

let t: TestApp;
beforeAll(async () => {
  // A provider whose issuer answers nothing: a closed loopback port.
  const closed = await freePort();
  t = await buildTestApp({
    charter: buildCharter(),
    env: {
      OIDC_PROVIDERS: 'corp',
      OIDC_CORP_ISSUER: `http://127.0.0.1:${closed}`,
      OIDC_CORP_CLIENT_ID: 'charter',
      OIDC_CORP_CLIENT_SECRET: 'secret',
      OIDC_CORP_NAME: 'Corp ID',
    },
  });
}, 120_000);
afterAll(() => t?.close());

describe('identity providers over HTTP', () => {
  it('lists the providers for the sign-in page', async () => {
    const response = await t.app.inject({ url: '/api/v1/auth/providers' });
    expect(response.json()).toEqual({
      providers: [{ id: 'corp', name: 'Corp ID', startUrl: '/api/v1/auth/oidc/corp/start' }],
    });
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await t.app.inject({ url: '/api/v1/auth/oidc/nope/start' })).statusCode).toBe(404);
  });

  it('shows a page, not a 500, when the provider cannot be reached', async () => {
    const response = await t.app.inject({ url: '/api/v1/auth/oidc/corp/start?language=fr' });
    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('data-reason="provider-unreachable"');
    expect(response.body).toContain('Connexion refusée');
  });

  it('refuses a callback this browser did not start (no state cookie)', async () => {
    const response = await t.app.inject({
      url: '/api/v1/auth/oidc/corp/callback?code=abc&state=xyz',
      headers: { 'accept-language': 'nl-BE,nl;q=0.9' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('data-reason="state"');
    expect(response.body).toContain('Aanmelding geweigerd');
    expect(response.cookies.find((c) => c.name === 'charter_session')).toBeUndefined();
  });
});

describe('mappings of an organisation', () => {
  it('are set by owners only, checked field by field, and audited', async () => {
    const owner = await signedInUser(t, 'owner');
    const viewer = await signedInUser(t, 'viewer');
    const mappings = [{ provider: 'corp', kind: 'domain', value: 'Corp.Example', role: 'viewer' }];
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/organisation/sso-mappings',
          headers: viewer.headers,
          payload: { mappings },
        })
      ).statusCode,
    ).toBe(403);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sso-mappings',
      headers: owner.headers,
      payload: { mappings: [{ ...mappings[0], provider: 'other' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('body.mappings.0.provider');
    const badDomain = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sso-mappings',
      headers: owner.headers,
      payload: { mappings: [{ ...mappings[0], value: 'not a domain' }] },
    });
    expect(badDomain.statusCode).toBe(422);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sso-mappings',
      headers: owner.headers,
      payload: { mappings },
    });
    expect(saved.statusCode).toBe(200);
    const listed = await t.app.inject({ url: '/api/v1/organisation/sso-mappings', headers: viewer.headers });
    expect(listed.json().mappings).toMatchObject([
      { provider: 'corp', kind: 'domain', claim: null, value: 'corp.example', role: 'viewer' },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'data'])
      .where('action', '=', 'organisation.sso_mappings_changed')
      .execute();
    expect(audit).toEqual([
      {
        actor: `user:${owner.userId}`,
        data: {
          before: [],
          after: [{ provider: 'corp', kind: 'domain', claim: null, value: 'corp.example', role: 'viewer' }],
        },
      },
    ]);
  });

  it('lets an owner turn password sign-in off once a provider is configured', async () => {
    const owner = await signedInUser(t, 'owner');
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      headers: owner.headers,
      payload: { requireTwoFactor: false, passwordSignIn: false },
    });
    expect(off.statusCode).toBe(200);
    const policy = await t.app.inject({ url: '/api/v1/organisation/sign-in', headers: owner.headers });
    expect(policy.json()).toEqual({
      requireTwoFactor: false,
      passwordSignIn: false,
      providers: [{ id: 'corp', name: 'Corp ID' }],
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      headers: owner.headers,
      payload: { requireTwoFactor: false, passwordSignIn: true },
    });
  });

  it('audits refusals in the organisations using the provider, at most 30 an hour from one address', async () => {
    const count = async () =>
      (
        await t.database.db
          .selectFrom('audit_entries')
          .select('data')
          .where('action', '=', 'user.sso_refused')
          .execute()
      ).length;
    const before = await count();
    for (let i = 0; i < 32; i++) {
      const response = await t.app.inject({
        url: `/api/v1/auth/oidc/corp/callback?code=c${i}&state=s${i}`,
        remoteAddress: '10.9.9.9',
      });
      expect(response.statusCode).toBe(403);
    }
    expect((await count()) - before).toBe(30);
    const entry = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'target', 'data'])
      .where('action', '=', 'user.sso_refused')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor: 'sso:corp', target: null, data: { reason: 'state' } });
  });
});
