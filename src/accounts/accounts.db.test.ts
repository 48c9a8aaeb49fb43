import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sessionFor, signedInUser, tokenFor } from '../../test/support/auth.js';
import { testAppForFile } from '../../test/support/file-app.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { ensureOrganisation } from './organisations.js';
import { accountTasksOf } from './routes.js';
import { installationKey } from './secrets.js';
import { throttleLimits } from './throttle.js';

const t = testAppForFile();
const password = 'correct horse battery staple';

function cookiesOf(response: { cookies: { name: string; value: string }[] }) {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

async function login(email: string, pass: string, ip = '10.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: pass },
    remoteAddress: ip,
  });
}

describe('sign-in', () => {
  it('signs in with the right password: HttpOnly SameSite=Strict session cookie, CSRF token, audited login', async () => {
    const user = await signedInUser(t, 'viewer', { password, email: 'ann@example.test' });
    const response = await login('Ann@Example.test', password);
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name === 'charter_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    expect(session?.secure).toBeFalsy();
    expect(session?.expires).toBeInstanceOf(Date);
    const cookies = cookiesOf(response);
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `charter_session=${cookies.charter_session}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'user',
      userId: user.userId,
      email: 'ann@example.test',
      role: 'viewer',
      organisation: { slug: 'testco' },
    });
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'action', 'target', 'data'])
      .where('action', '=', 'user.login')
      .execute();
    expect(audit).toContainEqual({
      actor: `user:${user.userId}`,
      action: 'user.login',
      target: `user:${user.userId}`,
      data: {},
    });
    expect(JSON.stringify(audit)).not.toContain('ann@example.test');
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    await signedInUser(t, 'viewer', { password, email: 'bob@example.test' });
    const wrong = await login('bob@example.test', 'not the password at all');
    const unknown = await login('nobody@example.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    // The audit of a known account's failure is written after the answer (so both answers take as long).
    await accountTasksOf(t.app).idle();
    const failed = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'data'])
      .where('action', '=', 'user.login_failed')
      .execute();
    expect(failed.length).toBe(1);
    expect(JSON.stringify(failed)).not.toContain('bob@');
  });

  it('throttles an account after 5 failures, from any address, with a clear message, even with the right password', async () => {
    await signedInUser(t, 'viewer', { password, email: 'carl@example.test' });
    for (let i = 0; i < throttleLimits.account.failures; i++) {
      expect((await login('carl@example.test', 'wrong password!!', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const blocked = await login('carl@example.test', password, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Too many failed sign-ins.*Try again in 15 minutes/);
    // An unknown account is throttled the same way (no enumeration through the throttle).
    for (let i = 0; i < throttleLimits.account.failures; i++)
      await login('ghost@example.test', 'wrong password!!', `10.2.0.${i}`);
    expect((await login('ghost@example.test', 'wrong password!!', '10.2.1.1')).json()).toEqual(blocked.json());
  });

  it('throttles an address after 20 failures across accounts', async () => {
    for (let i = 0; i < throttleLimits.address.failures; i++)
      await login(`probe${i}@example.test`, 'wrong password!!', '10.3.3.3');
    expect((await login('probe-next@example.test', 'wrong password!!', '10.3.3.3')).statusCode).toBe(429);
    expect((await login('probe-next@example.test', 'wrong password!!', '10.3.3.4')).statusCode).toBe(401);
    const keys = await t.database.db.selectFrom('login_failures').select('key').execute();
    expect(keys.every((k) => /^[ai]:[0-9a-f]{64}$/.test(k.key))).toBe(true);
  });

  it('signs out: the session no longer works and the logout is audited', async () => {
    const user = await signedInUser(t, 'viewer');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: user.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: user.headers })).statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select('action')
      .where('actor', '=', `user:${user.userId}`)
      .execute();
    expect(audit.map((a) => a.action)).toContain('user.logout');
  });
});

describe('installation key', () => {
  it('uses CHARTER_SECRET when set, else one random key kept in the database', async () => {
    expect(await installationKey(t.database.db, 'configured-secret-value')).toBe('configured-secret-value');
    const generated = await installationKey(t.database.db, undefined);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await installationKey(t.database.db, undefined)).toBe(generated);
  });
});

describe('route guard', () => {
  it('answers 401 without credentials and for a bad token', async () => {
    expect((await t.app.inject('/api/v1/users')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/v1/users', headers: { authorization: 'Bearer charter_nope' } })).statusCode,
    ).toBe(401);
  });

  it('checks scopes: a token without users:read gets 403', async () => {
    const headers = await tokenFor(t, ['consent:read']);
    const response = await t.app.inject({ url: '/api/v1/users', headers });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('users:read');
    expect((await t.app.inject({ url: '/api/v1/users', headers: await tokenFor(t, ['users:read']) })).statusCode).toBe(
      200,
    );
  });

  it('requires the CSRF header for cookie-authenticated mutations', async () => {
    const owner = await sessionFor(t, 'owner');
    const payload = { name: 'ci', scopes: ['charter:read'] };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: owner.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { ...owner, origin: 'https://evil.example' },
      payload,
    });
    expect(crossSite.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: owner, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('lets a viewer read but not mutate', async () => {
    const viewer = await sessionFor(t, 'viewer');
    expect((await t.app.inject({ url: '/api/v1/tokens', headers: viewer })).statusCode).toBe(200);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: viewer,
      payload: { name: 'x', scopes: ['charter:read'] },
    });
    expect(response.statusCode).toBe(403);
  });

  it('switches organisation for a member of several, and answers 404 for one they are not a member of', async () => {
    const other = await ensureOrganisation(t.database.db, 'otherco', 'Other Co');
    const user = await signedInUser(t, 'owner');
    await signedInUser(t, 'viewer', { organisationId: other.id, email: user.email });
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { ...user.headers, 'x-charter-organisation': 'otherco' },
    });
    expect(me.json()).toMatchObject({ organisation: { slug: 'otherco' }, role: 'viewer' });
    expect(me.json().organisations.map((o: { slug: string }) => o.slug)).toEqual(['otherco', 'testco']);
    const { 'x-charter-organisation': _, ...noOrg } = user.headers;
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/organisation',
      headers: noOrg,
      payload: { slug: 'otherco' },
    });
    expect(switched.statusCode).toBe(200);
    const remembered = cookiesOf(switched).charter_org;
    const after = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { ...noOrg, cookie: `${noOrg.cookie}; charter_org=${remembered}` },
    });
    expect(after.json().organisation.slug).toBe('otherco');
    const stranger = await sessionFor(t, 'owner');
    expect(
      (await t.app.inject({ url: '/api/v1/auth/me', headers: { ...stranger, 'x-charter-organisation': 'otherco' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/organisation',
          headers: stranger,
          payload: { slug: 'otherco' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('row-level security', () => {
  it('hides and refuses other organisations rows inside inOrganisation, even for a query without a where clause', async () => {
    const other = await ensureOrganisation(t.database.db, 'rlsco', 'RLS Co');
    await tokenFor(t, ['charter:read'], other.id);
    const seen = await inOrganisation(t.database.db, { organisationId: t.organisationId! }, (trx) =>
      trx.selectFrom('api_tokens').select('organisation_id').execute(),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((row) => row.organisation_id === t.organisationId)).toBe(true);
    await expect(
      inOrganisation(t.database.db, { organisationId: t.organisationId! }, (trx) =>
        sql`insert into audit_heads (organisation_id, seq, hash) values (${other.id}, 0, 'x') on conflict (organisation_id) do update set seq = 0`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
