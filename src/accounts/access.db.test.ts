import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { sessionFor, signedInUser, tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { mannWhitney, timeInterleaved } from '../../test/support/distributions.js';
import { startSmtp } from '../../test/support/smtp.js';
import { issueLink, issueSetupLink, setupLinkLifetimeMs } from './links.js';
import { ensureOrganisation } from './organisations.js';
import { sessionIdleMs, sessionLifetimeMs } from './sessions.js';
import { accountTasksOf } from './routes.js';
import { createApiToken } from './tokens.js';
import { passwordResetLimits } from './throttle.js';

let t: TestApp;
let now = new Date('2025-06-02T09:00:00Z');
const minutes = (n: number) => n * 60 * 1000;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter(), now: () => now, env: { PUBLIC_URL: 'https://charter.example' } });
}, 120_000);
afterAll(() => t?.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });
/** Waits for the mails and audit entries the accounts domain writes after answering. */
const settle = () => accountTasksOf(t.app).idle();
const mailsTo = (recipient: string) =>
  t.database.db
    .selectFrom('mail_outbox')
    .select(['recipient', 'subject', 'text', 'template'])
    .where('recipient', '=', recipient)
    .orderBy('created_at')
    .execute();

describe('first run', () => {
  it('offers setup only with a valid link, makes the first user owner of every organisation, and works once', async () => {
    const second = await ensureOrganisation(t.database.db, 'second', 'Second BV');
    expect((await t.app.inject('/api/v1/setup')).json()).toEqual({
      needed: true,
      linkValid: false,
      organisationNeeded: false,
    });
    const stale = await issueSetupLink(t.database.db, new Date(now.getTime() - setupLinkLifetimeMs - minutes(1)));
    const token = await issueSetupLink(t.database.db, now);
    expect((await t.app.inject(`/api/v1/setup?token=${token}`)).json().linkValid).toBe(true);
    // A fresh link replaces the older one; an expired one never works.
    expect((await t.app.inject(`/api/v1/setup?token=${stale}`)).json().linkValid).toBe(false);
    // Processes started together each print a link: every one of them works, whichever is used.
    const sibling = await issueSetupLink(t.database.db, new Date(now.getTime() + minutes(1)));
    expect((await t.app.inject(`/api/v1/setup?token=${sibling}`)).json().linkValid).toBe(true);
    expect((await t.app.inject(`/api/v1/setup?token=${token}`)).json().linkValid).toBe(true);
    const body = { token, email: 'first@example.test', password: 'first owner password' };
    expect((await post('/api/v1/setup', { ...body, token: 'x'.repeat(43) })).statusCode).toBe(400);
    expect((await post('/api/v1/setup', { ...body, password: 'short' })).json().error.details[0].path).toBe(
      'body.password',
    );
    const created = await post('/api/v1/setup', body);
    expect(created.statusCode).toBe(201);
    const cookie = created.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me.organisations).toEqual([
      { slug: 'second', name: 'Second BV', role: 'owner' },
      { slug: 'testco', name: 'Testco BV', role: 'owner' },
    ]);
    expect((await post('/api/v1/setup', body)).statusCode).toBe(400);
    // The sibling link cannot make a second first owner.
    expect((await post('/api/v1/setup', { ...body, token: sibling, email: 'second@example.test' })).statusCode).toBe(
      409,
    );
    expect((await t.app.inject('/api/v1/setup')).json().needed).toBe(false);
    expect(await issueSetupLink(t.database.db, now)).toBeUndefined();
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action'])
      .where('organisation_id', '=', second.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['setup.completed', 'user.login']);
  });
});

describe('people and password links', () => {
  it('adds a person with a one-time password link (mailed), who sets a password once and signs in', async () => {
    const owner = await sessionFor(t, 'owner');
    const added = await post('/api/v1/users', { email: 'New.Person@example.test', role: 'privacy-officer' }, owner);
    expect(added.statusCode).toBe(201);
    await settle();
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'text', 'template'])
      .where('template', '=', 'account.password-invite')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.recipient).toBe('New.Person@example.test');
    const link = /https:\/\/charter\.example\/console\/password\?token=\S+/.exec(mail[0]!.text)?.[0] ?? '';
    expect(link).not.toBe('');
    const token = decodeURIComponent(link.split('token=')[1]!);
    expect((await t.app.inject(`/api/v1/auth/password?token=${encodeURIComponent(token)}`)).json()).toEqual({
      valid: true,
    });
    expect((await post('/api/v1/auth/password', { token, password: 'a brand new password' })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/password', { token, password: 'a second new password' })).statusCode).toBe(400);
    const login = await post('/api/v1/auth/login', {
      email: 'new.person@example.test',
      password: 'a brand new password',
    });
    expect(login.statusCode).toBe(200);
    const again = await post('/api/v1/users', { email: 'new.person@example.test', role: 'viewer' }, owner);
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'data'])
      .where('organisation_id', '=', t.organisationId!)
      .where('action', 'in', ['member.added', 'user.password_set'])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member.added', 'user.password_set']));
    expect(JSON.stringify(audit)).not.toMatch(/person@/i);
  });

  it('answers a reset request the same for a known and an unknown address, mailing only the known one', async () => {
    await signedInUser(t, 'viewer', { email: 'known@example.test', password: 'known user password' });
    const known = await post('/api/v1/auth/password-reset', { email: 'known@example.test', language: 'nl' });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'unknown@example.test' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(withoutVaryingHeaders(known.headers)).toEqual(withoutVaryingHeaders(unknown.headers));
    await settle();
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'subject'])
      .where('template', '=', 'account.password-reset')
      .execute();
    expect(mails).toEqual([{ recipient: 'known@example.test', subject: 'Kies een nieuw Charter-wachtwoord' }]);
  });

  it('mails reset links on PUBLIC_URL, whatever Host or X-Forwarded-Host the request names', async () => {
    await signedInUser(t, 'viewer', { email: 'hosted@example.test', password: 'hosted user password' });
    const asked = await post(
      '/api/v1/auth/password-reset',
      { email: 'hosted@example.test' },
      { host: 'evil.test', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' },
    );
    expect(asked.statusCode).toBe(202);
    await settle();
    const [mail] = await mailsTo('hosted@example.test');
    expect(mail!.text).toMatch(/https:\/\/charter\.example\/console\/password\?token=/);
    expect(mail!.text).not.toContain('evil.test');
  });

  it('answers the reset of a known and of an unknown address in indistinguishable times (the mail follows the answer)', async () => {
    // With real SMTP delivery, as in production: the known account's link and mail took ~100 ms before the answer.
    const smtp = await startSmtp();
    const mailing = await buildTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://charter.example' } });
    try {
      await signedInUser(mailing, 'viewer', { email: 'timed@example.test', password: 'timed user password' });
      const reset = (email: string) =>
        mailing.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
      const times = await timeInterleaved(
        { a: () => reset('timed@example.test'), b: (round) => reset(`nobody-${round}@example.test`) },
        { samples: 30, between: () => accountTasksOf(mailing.app).idle() },
      );
      // Fails only when the two distributions clearly differ.
      expect(mannWhitney(times.a, times.b).p).toBeGreaterThanOrEqual(0.001);
      // 33 resets asked: the account's own limit (per hour) lets the first few through, whatever the answers said.
      expect(smtp.to('timed@example.test')).toHaveLength(passwordResetLimits.account.max);
    } finally {
      await mailing.close();
      await smtp.close();
    }
  });

  it('answers a failed sign-in of a known account and of an unknown address alike, in indistinguishable times', async () => {
    await signedInUser(t, 'viewer', { email: 'signin@example.test', password: 'the right password' });
    const known = await post('/api/v1/auth/login', { email: 'signin@example.test', password: 'a wrong password' }, {});
    const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'a wrong password' });
    expect(known.statusCode).toBe(401);
    expect(known.body).toBe(unknown.body);
    expect(withoutVaryingHeaders(known.headers)).toEqual(withoutVaryingHeaders(unknown.headers));
    // Each round from its own address and with a fresh clock hour, so the throttle never answers instead.
    let address = 0;
    const times = await timeInterleaved(
      {
        a: () =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: `198.51.100.${(address++ % 250) + 1}`,
            payload: { email: 'signin@example.test', password: 'a wrong password' },
          }),
        b: (round) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: `198.51.100.${(address++ % 250) + 1}`,
            payload: { email: `nobody-${round}@example.test`, password: 'a wrong password' },
          }),
      },
      {
        samples: 30,
        between: async () => {
          await settle();
          now = new Date(now.getTime() + minutes(61));
        },
      },
    );
    expect(mannWhitney(times.a, times.b).p).toBeGreaterThanOrEqual(0.001);
    // The known account's failures are still audited (after the answer).
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'user.login_failed')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(30);
  });

  it('answers adding a person the same whether or not they already have an account elsewhere', async () => {
    const elsewhere = await ensureOrganisation(t.database.db, 'elsewhere', 'Elsewhere BV');
    await signedInUser(t, 'viewer', {
      organisationId: elsewhere.id,
      email: 'has-account@example.test',
      password: 'an existing password',
    });
    const owner = await sessionFor(t, 'owner');
    const existing = await post('/api/v1/users', { email: 'has-account@example.test', role: 'viewer' }, owner);
    const fresh = await post('/api/v1/users', { email: 'no-account@example.test', role: 'viewer' }, owner);
    expect(existing.statusCode).toBe(201);
    expect(fresh.statusCode).toBe(201);
    const withoutId = (body: string) => body.replace(/"userId":"[0-9a-f-]{36}"/, '"userId":"…"');
    expect(withoutId(existing.body)).toBe(withoutId(fresh.body));
    expect(existing.body).not.toContain('token');
    expect(withoutVaryingHeaders(existing.headers)).toEqual(withoutVaryingHeaders(fresh.headers));
    await settle();
    // The difference is only in the mail: a sign-in link for the existing account, a password link for the new one.
    const [invited] = await mailsTo('has-account@example.test');
    expect(invited).toMatchObject({ template: 'account.member-added' });
    expect(invited!.text).toContain('Testco BV');
    expect(invited!.text).toContain('https://charter.example/console/');
    expect(invited!.text).not.toContain('token=');
    expect((await mailsTo('no-account@example.test'))[0]).toMatchObject({ template: 'account.password-invite' });
  });

  it('expires password links after 24 hours', async () => {
    const user = await signedInUser(t, 'viewer');
    const token = await issueLink(
      t.database.db,
      'password',
      user.userId,
      minutes(24 * 60),
      new Date(now.getTime() - minutes(24 * 60 + 1)),
    );
    expect((await t.app.inject(`/api/v1/auth/password?token=${token}`)).json()).toEqual({ valid: false });
    expect((await post('/api/v1/auth/password', { token, password: 'too late for this one' })).statusCode).toBe(400);
  });

  it('changes roles and removes members, keeping at least one owner', async () => {
    const org = await ensureOrganisation(t.database.db, 'roles', 'Roles BV');
    const owner = await signedInUser(t, 'owner', { organisationId: org.id });
    const viewer = await signedInUser(t, 'viewer', { organisationId: org.id });
    const patch = (userId: string, role: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/users/${userId}`, headers: owner.headers, payload: { role } });
    expect((await patch(owner.userId, 'viewer')).statusCode).toBe(409);
    expect((await patch(viewer.userId, 'privacy-officer')).json()).toEqual({
      userId: viewer.userId,
      role: 'privacy-officer',
      changed: true,
    });
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: viewer.headers })).json().role).toBe(
      'privacy-officer',
    );
    // A privacy officer may not manage people.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${owner.userId}`, headers: viewer.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${owner.userId}`, headers: owner.headers }))
        .statusCode,
    ).toBe(409);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${viewer.userId}`, headers: owner.headers }))
        .statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: viewer.headers })).statusCode).toBe(404);
    const members = (await t.app.inject({ url: '/api/v1/users', headers: owner.headers })).json().members;
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([owner.userId]);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'data'])
      .where('organisation_id', '=', org.id)
      .where('action', 'like', 'member.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'member.added',
      'member.added',
      'member.role_changed',
      'member.removed',
    ]);
    expect(audit[2]!.data).toEqual({ from: 'viewer', to: 'privacy-officer' });
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, record their last use, and stop working when revoked', async () => {
    const owner = await sessionFor(t, 'owner');
    const created = await post('/api/v1/tokens', { name: 'deploy', scopes: ['charter:read', 'audit:read'] }, owner);
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^charter_[A-Za-z0-9_-]{43}$/);
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const list = await t.app.inject({ url: '/api/v1/tokens', headers: owner });
    expect(list.body).not.toContain(token);
    expect(list.json().tokens.find((x: { id: string }) => x.id === id).lastUsedAt).toBeNull();
    expect(
      (await t.app.inject({ url: '/api/v1/audit', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(200);
    const used = (await t.app.inject({ url: '/api/v1/tokens', headers: owner }))
      .json()
      .tokens.find((x: { id: string }) => x.id === id);
    expect(used.lastUsedAt).toBe(now.toISOString());
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: owner })).statusCode).toBe(
      204,
    );
    const refused = await t.app.inject({ url: '/api/v1/audit', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'target'])
      .where('target', '=', `token:${id}`)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['token.created', 'token.revoked']);
  });

  it('refuse unknown scopes, user-only scopes and scopes the creator lacks, with field paths', async () => {
    const owner = await sessionFor(t, 'owner');
    const response = await post(
      '/api/v1/tokens',
      { name: 'bad', scopes: ['charter:read', 'nope:nope', 'users:manage'] },
      owner,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.scopes.1',
      'body.scopes.2',
    ]);
  });

  it('stop working once expired', async () => {
    const { token } = await createApiToken(
      t.database.db,
      { organisationId: t.organisationId! },
      { name: 'short', scopes: ['audit:read'], expiresAt: new Date(now.getTime() + minutes(5)), actor: 'system' },
      now,
    );
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/audit', headers })).statusCode).toBe(200);
    now = new Date(now.getTime() + minutes(6));
    expect((await t.app.inject({ url: '/api/v1/audit', headers })).statusCode).toBe(401);
  });

  it('cannot name another organisation', async () => {
    await ensureOrganisation(t.database.db, 'elsewhere', 'Elsewhere BV');
    const headers = { ...(await tokenFor(t, ['audit:read'])), 'x-charter-organisation': 'elsewhere' };
    expect((await t.app.inject({ url: '/api/v1/audit', headers })).statusCode).toBe(404);
  });
});

describe('sessions', () => {
  async function freshSession() {
    await signedInUser(t, 'viewer', { email: 'clock@example.test', password: 'clock user password' });
    const login = await post(
      '/api/v1/auth/login',
      { email: 'clock@example.test', password: 'clock user password' },
      {},
    );
    expect(login.statusCode).toBe(200);
    return { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  }

  it('end after two idle hours', async () => {
    const headers = await freshSession();
    now = new Date(now.getTime() + sessionIdleMs - minutes(1));
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    now = new Date(now.getTime() + sessionIdleMs + minutes(1));
    const ended = await t.app.inject({ url: '/api/v1/auth/me', headers });
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.message).toBe('Your session has ended; sign in again.');
  });

  it('end after twelve hours however busy', async () => {
    const headers = await freshSession();
    const end = now.getTime() + sessionLifetimeMs;
    while (now.getTime() + minutes(60) < end) {
      now = new Date(now.getTime() + minutes(60));
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    }
    now = new Date(end + minutes(1));
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('uses Secure cookies behind TLS', async () => {
    await signedInUser(t, 'viewer', { email: 'tls@example.test', password: 'tls user password' });
    const direct = await post('/api/v1/auth/login', { email: 'tls@example.test', password: 'tls user password' });
    expect(direct.cookies.find((c) => c.name === 'charter_session')?.secure).toBeFalsy();
    const proxied = await buildTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      await signedInUser(proxied, 'viewer', { email: 'tls@example.test', password: 'tls user password' });
      const login = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'tls@example.test', password: 'tls user password' },
      });
      expect(login.cookies.find((c) => c.name === 'charter_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  }, 120_000);
});

describe('OpenAPI', () => {
  it('declares the security requirement of every protected operation', async () => {
    const document = (await t.app.inject('/openapi.json')).json();
    expect(document.paths['/api/v1/tokens'].post.security).toEqual([{ session: [] }, { bearer: ['tokens:manage'] }]);
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(document.components.securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'charter_session',
    });
  });
});

/** Response headers without those that differ per answer by nature (date, length of an id-bearing body). */
function withoutVaryingHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, 'content-length': _length, ...rest } = headers;
  return rest;
}
