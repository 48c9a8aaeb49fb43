import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { signedInUser } from '../support/auth.js';
import { buildCharter } from '../support/charter.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { freePort } from '../support/postgres-server.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

let served: ServedApp;
let provider: TestProvider;
let browser: Browser;
let owner: Awaited<ReturnType<typeof signedInUser>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await ensureConsoleBuilt();
  // Charter discovers the provider at the first sign-in, so the provider can start after the app with its port known.
  const providerPort = await freePort();
  served = await serveTestApp({
    charter: buildCharter(),
    env: {
      OIDC_PROVIDERS: 'corp',
      OIDC_CORP_ISSUER: `http://127.0.0.1:${providerPort}`,
      OIDC_CORP_CLIENT_ID: 'charter-test',
      OIDC_CORP_CLIENT_SECRET: 'a-client-secret-for-tests-only',
      OIDC_CORP_NAME: 'Corp ID',
      OIDC_CORP_SCOPES: 'groups',
    },
  });
  provider = await startTestProvider({
    port: providerPort,
    redirectUris: [`${served.url}/api/v1/auth/oidc/corp/callback`],
    postLogoutRedirectUris: [`${served.url}/console/login`],
    accounts: {
      ann: { email: 'Ann@corp.example', emailVerified: true },
      bob: { email: 'bob@partner.example', emailVerified: true, groups: ['staff', 'charter-viewers'] },
      una: { email: 'una@corp.example', emailVerified: false },
      sam: { email: 'sam@elsewhere.example', emailVerified: true },
      eve: { email: 'eve@corp.example', emailVerified: true },
    },
  });
  owner = await signedInUser(served, 'owner', {
    email: 'owner@testco.example',
    password: 'a long and secret passphrase',
  });
  const mappings = await served.app.inject({
    method: 'PUT',
    url: '/api/v1/organisation/sso-mappings',
    headers: owner.headers,
    payload: {
      mappings: [
        { provider: 'corp', kind: 'domain', value: 'corp.example', role: 'privacy-officer' },
        { provider: 'corp', kind: 'claim', claim: 'groups', value: 'charter-viewers', role: 'viewer' },
      ],
    },
  });
  expect(mappings.statusCode).toBe(200);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await served?.close();
});

/** A fresh browser (no session at the provider either), at 390 px. */
async function freshPage(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  contexts.push(context);
  return context.newPage();
}

const heading = async (page: Page) => (await page.locator('h1').first().textContent())?.trim();
/** The account of this address, if sign-in created one. */
const userWith = (email: string) =>
  served.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();

/** From the console's sign-in page through the provider's login and consent pages. */
async function signInAtProvider(page: Page, login: string, buttonName = 'Sign in with Corp ID') {
  await page.goto(`${served.url}/console/login`);
  await page.getByRole('link', { name: buttonName }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('anything');
  await page.locator('button[type=submit]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function refusal(page: Page) {
  await page.waitForSelector('p[data-reason]');
  return {
    reason: await page.locator('p[data-reason]').getAttribute('data-reason'),
    text: await page.locator('p[data-reason]').textContent(),
  };
}

const auditOf = (action: string) =>
  served.database.db
    .selectFrom('audit_entries')
    .select(['actor', 'target', 'data'])
    .where('action', '=', action)
    .execute();

describe('sign-in with an OpenID provider', () => {
  it('shows "Sign in with Corp ID", signs in a person of a mapped domain just in time with its role, and audits it', async () => {
    const page = await freshPage();
    await page.goto(`${served.url}/console/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await signInAtProvider(page, 'ann');
    await expect.poll(() => heading(page)).toBe('Charter overview');
    const ann = await served.database.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', 'ann@corp.example')
      .executeTakeFirstOrThrow();
    expect(ann.password_hash).toBeNull();
    const membership = await served.database.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', ann.id)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe('privacy-officer');
    expect(await auditOf('member.added')).toContainEqual({
      actor: 'sso:corp',
      target: `user:${ann.id}`,
      data: { role: 'privacy-officer', via: 'sso' },
    });
    expect(await auditOf('user.login')).toContainEqual({
      actor: `user:${ann.id}`,
      target: `user:${ann.id}`,
      data: { method: 'oidc', provider: 'corp' },
    });
  });

  it('gives membership from a claim value (groups)', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'bob');
    await expect.poll(() => heading(page)).toBe('Charter overview');
    const bob = await served.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'bob@partner.example')
      .executeTakeFirstOrThrow();
    const membership = await served.database.db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', bob.id)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe('viewer');
  });

  it('signs out here and at the provider (RP-initiated logout), back to the sign-in page', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'eve');
    await expect.poll(() => heading(page)).toBe('Charter overview');
    // At 390 px the sign-out button sits behind the console's menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks to confirm its own sign-out, then sends the browser back.
    await page.getByRole('button', { name: /Yes, sign me out/i }).click();
    await page.waitForURL(`${served.url}/console/login`);
    await expect.poll(() => heading(page)).toBe('Sign in to Charter');
    const me = await page.request.get(`${served.url}/api/v1/auth/me`);
    expect(me.status()).toBe(401);
  });

  it('refuses an unverified email with a clear page (EN and DE), audited, accessible at 390 px', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'una');
    const refused = await refusal(page);
    expect(refused.reason).toBe('unverified-email');
    expect(await heading(page)).toBe('Sign-in refused');
    expect(refused.text).toContain('has not verified your email address');
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await userWith('una@corp.example')).toBeUndefined();
    const german = await freshPage('de-DE');
    await signInAtProvider(german, 'una', 'Anmelden mit Corp ID');
    expect((await refusal(german)).reason).toBe('unverified-email');
    expect(await heading(german)).toBe('Anmeldung abgelehnt');
    expect(await german.locator('html').getAttribute('lang')).toBe('de');
    const audit = await auditOf('user.sso_refused');
    expect(audit).toContainEqual({ actor: 'sso:corp', target: null, data: { reason: 'unverified-email' } });
    expect(JSON.stringify(audit)).not.toContain('una@');
  });

  it('refuses a person no mapping admits', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'sam');
    expect((await refusal(page)).reason).toBe('no-mapping');
    expect(await userWith('sam@elsewhere.example')).toBeUndefined();
  });

  it('refuses a mismatched state, and a replayed callback', async () => {
    const page = await freshPage();
    await page.goto(`${served.url}/console/login`);
    await page.getByRole('link', { name: 'Sign in with Corp ID' }).click();
    // Another sign-in's state in this browser (as after a login CSRF attempt): the callback's state does not match.
    await page
      .context()
      .addCookies([
        { name: 'charter_oidc', value: 'a-state-this-sign-in-never-had.en', url: `${served.url}/api/v1/auth/oidc/` },
      ]);
    await page.locator('input[name=login]').fill('ann');
    await page.locator('input[name=password]').fill('anything');
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect((await refusal(page)).reason).toBe('state');

    const second = await freshPage();
    let genuine = '';
    second.on('request', (request) => {
      if (request.url().includes('/api/v1/auth/oidc/corp/callback?')) genuine = request.url();
    });
    await signInAtProvider(second, 'ann');
    await expect.poll(() => heading(second)).toBe('Charter overview');
    // The same callback once more: its sign-in was used.
    await second.goto(genuine);
    expect((await refusal(second)).reason).toBe('state');
  });

  it('refuses an expired code', async () => {
    provider.knobs.codeTtlSeconds = 1;
    // The code lives one second; the provider's redirect carrying it leaves after two.
    provider.knobs.delayCallbackMs = 2_100;
    try {
      const page = await freshPage();
      await signInAtProvider(page, 'ann');
      expect((await refusal(page)).reason).toBe('code');
    } finally {
      provider.knobs.codeTtlSeconds = 60;
      provider.knobs.delayCallbackMs = 0;
    }
  });

  it('refuses an ID token for another audience', async () => {
    provider.knobs.wrongAudience = true;
    try {
      const page = await freshPage();
      await signInAtProvider(page, 'ann');
      const refused = await refusal(page);
      expect(refused.reason).toBe('token');
      expect(refused.text).toContain('not meant for Charter');
    } finally {
      provider.knobs.wrongAudience = false;
    }
    const reasons = (await auditOf('user.sso_refused')).map((a) => (a.data as { reason: string }).reason);
    expect(new Set(reasons)).toEqual(new Set(['unverified-email', 'no-mapping', 'state', 'code', 'token']));
  });

  it('turns password sign-in off for the organisation: a member with a password is refused after the right password', async () => {
    const member = await signedInUser(served, 'viewer', {
      email: 'pat@testco.example',
      password: 'another long passphrase',
    });
    const off = await served.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sign-in',
      headers: owner.headers,
      payload: { requireTwoFactor: false, passwordSignIn: false },
    });
    expect(off.statusCode).toBe(200);
    const refused = await served.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: 'another long passphrase' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('password_sign_in_off');
    const wrong = await served.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: 'not the passphrase at all' },
    });
    expect(wrong.statusCode).toBe(401);
  });
});
