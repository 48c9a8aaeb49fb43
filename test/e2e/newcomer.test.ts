/**
 * The newcomer's path on the default install, in real Chromium: PGlite and no SMTP server, so every mail is kept in
 * the Outbox. A person files an access request in the privacy center; the privacy officer, signed in to the console,
 * sees the banner saying mail is kept, not sent, and reads the mail in the Outbox page; the person opens its link in
 * another browser, confirms and downloads the package there. The person's actions and mails are counted: at most
 * five actions and two mails from request to package (issue 17, item 6).
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsCharter, startHttpShop, type HttpShop } from '../../src/rights/testing/fixtures.js';
import { signedInUser } from '../support/auth.js';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const email = 'newcomer-officer@testco.example';
const password = 'a long and secret passphrase';

let shop: HttpShop;
let served: ServedApp;
let browser: Browser;

beforeAll(async () => {
  await ensureConsoleBuilt();
  shop = await startHttpShop('shop');
  // No SMTP_URL: the default install.
  served = await serveTestApp({ charter: rightsCharter([shop.store]) });
  await signedInUser(served, 'owner', { email, password });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await shop?.close();
}, 60_000);

/** The person's actions: each click, typed field or opened mail link, counted as it happens. */
let actions = 0;
const act = async <T>(work: () => Promise<T>): Promise<T> => {
  actions++;
  return work();
};

async function mailsTo(recipient: string): Promise<string[]> {
  const rows = await served.database.db.selectFrom('mail_outbox').select(['recipient', 'template']).execute();
  return rows.filter((r) => r.recipient === recipient).map((r) => r.template);
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('the newcomer path without SMTP', () => {
  let statusUrl = '';
  let mailedLink = '';

  it('files an access request in the privacy center in two actions', async () => {
    const person = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })
    ).newPage();
    await person.goto(`${served.url}/privacy/main?lang=en`);
    // The form starts on access; the identity type starts on email.
    expect(await person.getByLabel('Show me my data (access)').isChecked()).toBe(true);
    await act(() =>
      person.getByLabel('Your email address, phone number, customer number or account id').fill('alice@example.be'),
    );
    await act(() => person.getByRole('button', { name: 'Send my request' }).click());
    await person.waitForURL(/\/requests\//);
    statusUrl = person.url();
    await person.context().close();
  });

  it('shows the officer that mail is kept, and the code mail in the Outbox with its link clickable', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${served.url}/console/login`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByText('SMTP is not configured: mail is kept in the Outbox, not sent.').isVisible())
      .toBe(true);
    await page.getByRole('link', { name: 'Open the Outbox' }).click();
    await expect.poll(async () => (await page.locator('h1').textContent())?.trim()).toBe('Outbox');
    const codeMail = page.getByRole('link', { name: /^Your code/ });
    await expect.poll(() => codeMail.count()).toBe(1);
    expect(await page.locator('.outbox-list').textContent()).toContain('alice@example.be');
    expect(await page.locator('.outbox-list').textContent()).toContain('kept in the Outbox, not sent');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    // Keyboard: the mail opens from its link.
    await codeMail.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.locator('h1').textContent())?.trim()).toMatch(/^Your code/);
    const text = (await page.locator('.outbox-text').textContent()) ?? '';
    expect(text).toMatch(/\b\d{4} \d{4}\b/);
    const link = page.locator('.outbox-text a[href*="/link/"]');
    expect(await link.count()).toBe(1);
    mailedLink = (await link.getAttribute('href')) ?? '';
    expect(mailedLink.startsWith(`${served.url}/privacy/main/link/`)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.context().close();
  });

  it('lets the person confirm in any browser and download the package there: at most five actions and two mails', async () => {
    // Another browser than the one that filed the request: the mailed link is what proves the person.
    const person = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 }, acceptDownloads: true })
    ).newPage();
    await act(() => person.goto(mailedLink));
    expect(await seriousViolations(person)).toEqual([]);
    await act(() => person.getByRole('button', { name: 'Yes, it was me' }).click());
    await person.waitForURL(/\/requests\//);
    expect(person.url().split('?')[0]).toBe(statusUrl.split('?')[0]);
    // The status page looks again by itself while the request is handled.
    await expect
      .poll(() => person.locator('[data-state]').getAttribute('data-state'), { timeout: 60_000, interval: 500 })
      .toBe('completed');
    expect(await seriousViolations(person)).toEqual([]);
    expect(await noHorizontalScroll(person)).toBe(true);
    const [download] = await act(() =>
      Promise.all([person.waitForEvent('download'), person.getByRole('button', { name: 'Download my data' }).click()]),
    );
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const all = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(all).toContain('alice@example.be');

    expect(actions).toBeLessThanOrEqual(5);
    const mails = await mailsTo('alice@example.be');
    expect(mails.length).toBeLessThanOrEqual(2);
    expect(mails).toContain('request.code');
  });
});
