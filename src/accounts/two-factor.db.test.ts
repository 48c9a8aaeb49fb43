import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { accountTasksOf } from './routes.js';
import { totpCode } from './two-factor-rules.js';

let t: TestApp;
// A clock the tests move: TOTP codes depend on it, and a code is accepted once per 30-second step.
let clock = new Date('2026-03-02T10:00:00Z');
const password = 'correct horse battery staple';
beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter(), now: () => clock });
}, 120_000);
afterAll(() => t?.close());

function later(seconds: number) {
  clock = new Date(clock.getTime() + seconds * 1000);
}

function cookieHeaders(response: { cookies: { name: string; value: string }[] }) {
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  return {
    cookie: `charter_session=${cookies.charter_session}; charter_csrf=${cookies.charter_csrf}`,
    'x-csrf-token': cookies.charter_csrf!,
  };
}

async function login(email: string, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
}

/** A member with a confirmed second factor; returns their secret, recovery codes and a full session. */
async function enrolled(email: string, role: 'owner' | 'viewer' = 'viewer') {
  const user = await signedInUser(t, role, { password, email });
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/two-factor/enrolment', headers: user.headers });
  expect(start.statusCode).toBe(201);
  const { secret, qrCode, uri } = start.json<{ secret: string; qrCode: string; uri: string }>();
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(Buffer.from(qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');
  expect(uri).toContain(`secret=${secret}`);
  const confirm = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/two-factor/enrolment/confirm',
    headers: user.headers,
    payload: { code: totpCode(secret, clock) },
  });
  expect(confirm.statusCode).toBe(200);
  const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
  later(30);
  return { ...user, secret, recoveryCodes };
}

describe('two-factor enrolment', () => {
  it('confirms with a code, answers ten recovery codes once, stores only their hashes, and audits it', async () => {
    const user = await enrolled('erin@example.test');
    expect(user.recoveryCodes).toHaveLength(10);
    const stored = await t.database.db
      .selectFrom('user_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', user.userId)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(user.recoveryCodes[0]);
    const status = await t.app.inject({ url: '/api/v1/auth/two-factor', headers: user.headers });
    expect(status.json()).toEqual({ enabled: true, recoveryCodesLeft: 10, required: false });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment',
      headers: user.headers,
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'target'])
      .where('action', '=', 'user.two_factor_enabled')
      .execute();
    expect(audit).toContainEqual({ actor: `user:${user.userId}`, target: `user:${user.userId}` });
  });

  it('refuses a wrong confirmation code with 401 and keeps the second factor off', async () => {
    const user = await signedInUser(t, 'viewer', { password, email: 'fred@example.test' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/two-factor/enrolment', headers: user.headers });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment/confirm',
      headers: user.headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const status = await t.app.inject({ url: '/api/v1/auth/two-factor', headers: user.headers });
    expect(status.json()).toMatchObject({ enabled: false });
  });

  it('answers 422 with the field path for a missing code', async () => {
    const user = await signedInUser(t, 'viewer', { password });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment/confirm',
      headers: user.headers,
      payload: {},
    });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json())).toContain('body.code');
  });
});

describe('sign-in with a second factor', () => {
  it('opens nothing but the second step after the password, then signs in with a code of the app', async () => {
    const user = await enrolled('gina@example.test');
    const first = await login(user.email);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ pending: 'second-factor' });
    const half = { ...cookieHeaders(first), 'x-charter-organisation': 'testco' };
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: half });
    expect(me.json()).toMatchObject({ pending: 'second-factor' });
    const data = await t.app.inject({ url: '/api/v1/users', headers: half });
    expect(data.statusCode).toBe(403);
    expect(data.json().error.code).toBe('second_factor_required');
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      headers: half,
      payload: { code: totpCode(user.secret, clock) },
    });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ method: 'totp', recoveryCodesLeft: 10 });
    // The half session is gone; the new cookie opens the console.
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: half })).statusCode).toBe(401);
    const full = { ...cookieHeaders(verify), 'x-charter-organisation': 'testco' };
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: full })).json()).toMatchObject({
      pending: null,
      email: user.email,
    });
    const logins = await t.database.db
      .selectFrom('audit_entries')
      .select('data')
      .where('action', '=', 'user.login')
      .where('target', '=', `user:${user.userId}`)
      .execute();
    expect(logins.map((l) => l.data)).toContainEqual({ secondFactor: 'totp' });
  });

  it('refuses the same code a second time within its window (replay)', async () => {
    const user = await enrolled('hank@example.test');
    const code = totpCode(user.secret, clock);
    const a = await login(user.email);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/two-factor/verify',
          headers: cookieHeaders(a),
          payload: { code },
        })
      ).statusCode,
    ).toBe(200);
    const b = await login(user.email);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      headers: cookieHeaders(b),
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
    later(30);
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      headers: cookieHeaders(b),
      payload: { code: totpCode(user.secret, clock) },
    });
    expect(next.statusCode).toBe(200);
  });

  it('takes a recovery code once', async () => {
    const user = await enrolled('iris@example.test');
    const code = user.recoveryCodes[3]!.toUpperCase().replace('-', '');
    const a = await login(user.email);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      headers: cookieHeaders(a),
      payload: { code },
    });
    expect(ok.json()).toMatchObject({ method: 'recovery-code', recoveryCodesLeft: 9 });
    const b = await login(user.email);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      headers: cookieHeaders(b),
      payload: { code },
    });
    expect(again.statusCode).toBe(401);
  });

  it('throttles wrong codes like passwords: after 5, even the right code waits', async () => {
    const user = await enrolled('jack@example.test');
    const a = await login(user.email, '10.0.0.9');
    const headers = cookieHeaders(a);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/two-factor/verify',
          headers,
          payload: { code: '123456' },
          remoteAddress: '10.0.0.9',
        }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(3);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/verify',
      headers,
      payload: { code: totpCode(user.secret, clock) },
      remoteAddress: '10.0.0.9',
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/Too many wrong codes/);
    await accountTasksOf(t.app).idle();
    const failed = await t.database.db
      .selectFrom('audit_entries')
      .select('target')
      .where('action', '=', 'user.second_factor_failed')
      .where('target', '=', `user:${user.userId}`)
      .execute();
    expect(failed).toHaveLength(5);
  });
});

describe('enforcement and the lost-device path', () => {
  it('sends a member without a second factor to enrol at the next sign-in when the organisation requires it', async () => {
    const owner = await signedInUser(t, 'owner', { password });
    const policy = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      headers: owner.headers,
      payload: { requireTwoFactor: true, passwordSignIn: true },
    });
    expect(policy.statusCode).toBe(200);
    await signedInUser(t, 'viewer', { password, email: 'kim@example.test' });
    const first = await login('kim@example.test');
    expect(first.json()).toMatchObject({ pending: 'enrol' });
    const half = cookieHeaders(first);
    expect((await t.app.inject({ url: '/api/v1/users', headers: half })).statusCode).toBe(403);
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/two-factor/enrolment', headers: half });
    const { secret } = start.json<{ secret: string }>();
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enrolment/confirm',
      headers: half,
      payload: { code: totpCode(secret, clock) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().csrfToken).toEqual(expect.any(String));
    const full = cookieHeaders(confirm);
    expect((await t.app.inject({ url: '/api/v1/users', headers: full })).statusCode).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select('data')
      .where('action', '=', 'organisation.sign_in_policy_changed')
      .execute();
    expect(audit).toContainEqual({
      data: {
        from: { requireTwoFactor: false, passwordSignIn: true },
        to: { requireTwoFactor: true, passwordSignIn: true },
      },
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      headers: owner.headers,
      payload: { requireTwoFactor: false, passwordSignIn: true },
    });
  });

  it('refuses to turn password sign-in off with no identity provider configured', async () => {
    const owner = await signedInUser(t, 'owner', { password });
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      headers: owner.headers,
      payload: { requireTwoFactor: false, passwordSignIn: false },
    });
    expect(response.statusCode).toBe(409);
    expect(JSON.stringify(response.json())).toContain('body.passwordSignIn');
  });

  it("lets another owner reset a member's second factor: audited, mailed, signed out; not one's own, not a viewer", async () => {
    const owner = await signedInUser(t, 'owner', { password });
    const member = await enrolled('lou@example.test');
    const viewer = await signedInUser(t, 'viewer', { password });
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/users/${member.userId}/two-factor`,
          headers: viewer.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/users/${owner.userId}/two-factor`,
          headers: owner.headers,
        })
      ).statusCode,
    ).toBe(409);
    const reset = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${member.userId}/two-factor?language=de`,
      headers: owner.headers,
    });
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: member.headers })).statusCode).toBe(401);
    expect((await login(member.email)).json()).toMatchObject({ pending: null });
    await accountTasksOf(t.app).idle();
    const mails = await t.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'template'])
      .where('recipient', '=', member.email)
      .execute();
    expect(mails).toEqual([
      {
        subject: 'Ihre Zwei-Faktor-Authentifizierung in Charter wurde zurückgesetzt',
        template: 'account.two-factor-reset',
      },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['actor', 'target'])
      .where('action', '=', 'member.two_factor_reset')
      .execute();
    expect(audit).toEqual([{ actor: `user:${owner.userId}`, target: `user:${member.userId}` }]);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${member.userId}/two-factor`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(409);
  });
});
