import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupLink } from '../../src/accounts/links.js';
import { ensureOrganisation } from '../../src/accounts/organisations.js';
import { applyCharter } from '../../src/charter/repository.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { closeAll, headingOf, openBrowserPage, seriousViolations } from '../support/browser.js';
import { signedInUser } from '../support/auth.js';
import { buildCharter } from '../support/charter.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const email = 'owner@testco.example';
const password = 'a long and secret passphrase';

let served: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  await ensureConsoleBuilt();
  // One long unbroken URL in the notice: on a phone it must wrap, not widen the page.
  served = await serveTestApp({
    charter: buildCharter((c) => {
      c.organisation.contact.web = `https://www.testco.example/${'privacy-and-data-protection-information-'.repeat(3)}page`;
    }),
  });
  ({ browser, context, page } = await openBrowserPage({ locale: 'en-GB' }));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 120_000);

afterAll(() => closeAll(browser, served));

const heading = () => headingOf(page);

async function expectAccessible() {
  expect(await seriousViolations(page)).toEqual([]);
}

async function signIn(address: string, secret: string) {
  await page.goto(`${served.url}/console/login`);
  await page.getByLabel('Email address').fill(address);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('console', () => {
  it('serves the app with a strict CSP and no inline script', async () => {
    const response = await page.goto(`${served.url}/console/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response?.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('refuses a wrong setup link and creates the first owner with the printed one', async () => {
    await page.goto(`${served.url}/console/setup?token=not-the-right-token-at-all`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');
    const token = await issueSetupLink(served.database.db, new Date());
    expect(token).toBeDefined();
    await page.goto(`${served.url}/console/setup?token=${token}`);
    expect(await heading()).toBe('Set up Charter');
    await expectAccessible();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password (at least 12 characters)').fill(password);
    await page.getByLabel('Password again').fill(password);
    await page.getByRole('button', { name: 'Create the owner' }).click();
    await expect.poll(heading).toBe('Charter overview');
    await expect.poll(() => page.locator('main').textContent()).toContain('Testco BV');
    expect(await page.locator('main').textContent()).toContain('Contract (Art. 6(1)(b))');
    expect(await page.locator('main').textContent()).toContain('EU-US Data Privacy Framework');
    await expectAccessible();
    // The link worked once.
    expect(await issueSetupLink(served.database.db, new Date())).toBeUndefined();
  });

  it('signs out, refuses a wrong password with a message, and signs in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(heading).toBe('Sign in to Charter');
    await expectAccessible();
    await signIn(email, 'this is not my password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email address or the password is not right.');
    await signIn(email, password);
    await expect.poll(heading).toBe('Charter overview');
  });

  it('shows the login on the audit page, filterable by action', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit trail' }).click();
    await expect.poll(heading).toBe('Audit trail');
    await expect.poll(() => page.locator('table.audit').textContent()).toContain('user.login');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Chain: intact/);
    await page.getByLabel('Action').selectOption('user.login_failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(async () => page.locator('table.audit tbody tr').count()).toBe(1);
    await expectAccessible();
  });

  it('downloads a signed checkpoint of the head and checks the chain against it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download a signed checkpoint of the head' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-checkpoint-testco-\d+\.json$/);
    await page.getByLabel('Check against a checkpoint file').setInputFiles(await download.path());
    await expect
      .poll(() => page.locator('main p[role=status]').textContent())
      .toMatch(/^Chain: intact: \d+ entries verified; matches the checkpoint of \S+ \(entry \d+\)$/);
    await expectAccessible();
  });

  it('creates an API token shown once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect.poll(heading).toBe('API tokens');
    await page.getByLabel('Name').fill('ci');
    await page.getByLabel('charter:apply').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^charter_/);
    const check = await served.app.inject({
      method: 'GET',
      url: '/api/v1/charter/revisions',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(check.statusCode).toBe(403); // charter:apply only
    await expectAccessible();
    await page.getByRole('button', { name: 'Revoke ci' }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('revoked');
  });

  it('lists users and roles', async () => {
    await page.getByRole('link', { name: 'Users and roles' }).click();
    await expect.poll(heading).toBe('Users and roles');
    await expect.poll(() => page.locator('table').textContent()).toContain(email);
    await expectAccessible();
  });

  it('switches organisation; there a viewer sees no way to mutate and the API refuses', async () => {
    const other = await ensureOrganisation(served.database.db, 'otherco', 'Other Co');
    await applyCharter(
      served.database.db,
      { organisationId: other.id },
      {
        charter: buildCharter((c) => {
          c.organisation.id = 'otherco';
          c.organisation.legalName = 'Other Company NV';
          c.sites = [{ id: 'other', name: 'Other', domain: 'www.other.example' }];
        }),
        source: '{}',
        format: 'json',
        actor: 'system',
      },
    );
    await signedInUser(served, 'viewer', { organisationId: other.id, email });
    await page.goto(`${served.url}/console/`);
    await page.getByLabel('Organisation').selectOption('otherco');
    await expect.poll(() => page.locator('main').textContent()).toContain('Other Company NV');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect.poll(heading).toBe('API tokens');
    await expect.poll(() => page.locator('main').textContent()).toContain('No tokens yet.');
    expect(await page.getByRole('button', { name: 'Create token' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Users and roles' }).click();
    await expect.poll(heading).toBe('Users and roles');
    await expect.poll(() => page.locator('table').textContent()).toContain(email);
    expect(await page.getByRole('combobox', { name: /Change role/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    const status = await page.evaluate(async () => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('charter_csrf='))
          ?.split('=')[1] ?? '';
      const response = await fetch('/api/v1/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name: 'x', scopes: ['charter:read'] }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    // Back to the first organisation: the owner can again.
    await page.getByLabel('Organisation').selectOption('testco');
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Create token' }).count()).toBe(1);
  });

  it('shows the first steps on the Overview, each done or not from real data, with the banner tag to copy', async () => {
    await page.goto(`${served.url}/console/`);
    await expect.poll(heading).toBe('Charter overview');
    const steps = page.getByRole('region', { name: 'First steps' });
    await expect.poll(() => steps.textContent()).toContain('The charter has no errors.');
    const text = (await steps.textContent()) ?? '';
    expect(text).toContain('No SMTP server is configured: mail is kept in the Outbox, not sent.');
    expect(text).toContain(`<script src="${served.url}/banner/main.js" async></script>`);
    expect(text).toContain('The banner has not been shown on this site yet.');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    await page
      .getByRole('button', { name: /^Copy: Banner tag for/ })
      .first()
      .click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`<script src="${served.url}/banner/main.js" async></script>`);
    const glance = page.getByRole('region', { name: 'At a glance' });
    expect(await glance.textContent()).toContain('0 open requests.');
    expect(await glance.textContent()).toContain('No 72-hour clock is running.');
    // Durations in words, people by email.
    expect(await page.locator('main').textContent()).not.toMatch(/\bP\d+[YMD]\b/);
    await expectAccessible();
  });

  it('names people by email in the audit trail, not by user id', async () => {
    await page.goto(`${served.url}/console/audit`);
    await expect.poll(() => page.locator('table.audit').textContent()).toContain(email);
    expect(await page.locator('table.audit').textContent()).not.toMatch(/user:[0-9a-f-]{36}/);
  });

  it('speaks Dutch and French, and remembers the choice', async () => {
    await page.goto(`${served.url}/console/audit`);
    await page.getByLabel('Language').selectOption('nl');
    await expect.poll(heading).toBe('Audittrail');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.reload();
    await expect.poll(heading).toBe('Audittrail');
    await expectAccessible();
    await page.getByLabel('Taal').selectOption('fr');
    await expect.poll(heading).toBe('Journal d’audit');
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(heading).toBe('Audit trail');
  });

  it('is keyboard usable: skip link first, then the navigation', async () => {
    await page.goto(`${served.url}/console/`);
    await expect.poll(heading).toBe('Charter overview');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    const navLinks = await page.getByRole('navigation', { name: 'Console' }).getByRole('link').count();
    // Overview, audit trail, users, tokens, plus the pages other domains register (records, breaches…).
    expect(navLinks).toBeGreaterThanOrEqual(4);
    // Opening another page from the keyboard puts focus on its heading.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit trail' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`))
      .toBe('H1 Audit trail');
  });

  it('passes axe on every page in the navigation, in every language, each with its own heading', async () => {
    for (const language of ['en', 'nl', 'fr', 'de'] as const) {
      await page.goto(`${served.url}/console/`);
      await page.locator('#console-language').selectOption(language);
      const links = page.getByRole('navigation').last().getByRole('link');
      const count = await links.count();
      expect(count).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < count; i++) {
        const link = links.nth(i);
        const label = ((await link.textContent()) ?? '').trim();
        await link.click();
        await expect.poll(async () => page.locator('a[aria-current="page"]').textContent()).toBe(label);
        await expect
          .poll(
            async () =>
              (await page.locator('h1').count()) === 1 &&
              !(await page
                .getByRole('status')
                .filter({ hasText: /Loading|Laden|Chargement|Wird geladen/ })
                .count()),
          )
          .toBe(true);
        const violations = await seriousViolations(page);
        expect(violations, `${language} ${label}`).toEqual([]);
      }
    }
    await page.locator('#console-language').selectOption('en');
  });

  it('fits a 390 px phone on every page, in every language, axe-clean, with the menu behind one button', async () => {
    const phone = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    try {
      await small.goto(`${served.url}/console/login`);
      await small.getByLabel('Email address').fill(email);
      await small.getByLabel('Password').fill(password);
      await small.getByRole('button', { name: 'Sign in' }).click();
      const title = async () => (await small.locator('h1').textContent())?.trim();
      await expect.poll(title).toBe('Charter overview');
      const width = () => small.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
      const menu = small.locator('.menu-button');
      // The page starts on the first screen: the navigation is folded away until asked for.
      expect(await small.getByRole('navigation', { name: 'Console' }).isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      for (const language of ['en', 'nl', 'fr', 'de'] as const) {
        await menu.click();
        await small.locator('#console-language').selectOption(language);
        await expect.poll(() => small.locator('html').getAttribute('lang')).toBe(language);
        if ((await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
        const links = small.locator('#console-nav a');
        const count = await links.count();
        expect(count).toBeGreaterThanOrEqual(4);
        for (let i = 0; i < count; i++) {
          if ((await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
          const link = links.nth(i);
          const label = ((await link.textContent()) ?? '').trim();
          await link.click();
          await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
          await expect
            .poll(
              async () =>
                (await small.locator('h1').count()) === 1 &&
                !(await small
                  .getByRole('status')
                  .filter({ hasText: /Loading|Laden|Chargement|Wird geladen/ })
                  .count()),
            )
            .toBe(true);
          expect(await width(), `${language} ${label}`).toBeLessThanOrEqual(390);
          expect(await seriousViolations(small), `${language} ${label} at 390 px`).toEqual([]);
        }
      }
      await small.goto(`${served.url}/privacy/main/notice?lang=en`);
      expect(await width(), 'the public notice').toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
    // Bounds a hang only: the walk grows with every page and language (four languages × every page, axe on each).
  }, 180_000);

  it('shows the password page for an invalid link, accessibly', async () => {
    await page.goto(`${served.url}/console/password?token=not-a-valid-token-at-all`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');
    await expectAccessible();
  });

  it('logged no Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
