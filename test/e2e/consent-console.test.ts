// The consent page of the console in real Chromium: banner statistics (chart and table) from records posted through
// the public API, a visitor's receipts and one receipt page, a person's purpose consents withdrawn from the page and an
// objection added to the suppression list. axe on every state; Dutch texts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentCharter, consentPost, visitorId } from '../../src/consent/ledger-fixtures.js';
import { signedInUser, tokenFor } from '../support/auth.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { closeAll, headingOf, openBrowserPage, seriousViolations, signInToConsole } from '../support/browser.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const email = 'consent-officer@testco.example';
const password = 'a long and secret passphrase';
const charter = consentCharter();
const visitor = visitorId();

let served: ServedApp;
let browser: Browser;
let page: Page;

async function record(overrides: Parameters<typeof consentPost>[1]) {
  const response = await fetch(`${served.url}/api/v1/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
    body: JSON.stringify(consentPost(charter, overrides)),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  served = await serveTestApp({ charter });
  await signedInUser(served, 'privacy-officer', { email, password });
  await record({ visitor, method: 'reject-all', choices: { analytics: false, marketing: false } });
  await record({ visitor, method: 'custom', choices: { analytics: true, marketing: false }, language: 'nl' });
  await record({ method: 'accept-all' });
  const headers = { ...(await tokenFor(served, ['consent:write'])), 'content-type': 'application/json' };
  const photo = await fetch(`${served.url}/api/v1/consent/purposes/records`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'guest@example.be', purpose: 'photos', language: 'en', method: 'signed-form' }),
  });
  expect(photo.status).toBe(201);
  ({ browser, page } = await openBrowserPage());
}, 180_000);

afterAll(() => closeAll(browser, served));

const heading = () => headingOf(page);

describe('consent page of the console', () => {
  it('shows the day’s answers as a chart and a table', async () => {
    await signInToConsole(page, served, { email, password });
    await expect.poll(heading).toBe('Charter overview');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Consent' }).click();
    await expect.poll(heading).toBe('Consent');
    await expect.poll(() => page.getByRole('img', { name: 'Answers per day' }).count()).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const row = page.locator('table.consent-days tbody tr').filter({ hasText: today });
    // Three answers: one accept all, one customised, one reject all; analytics granted twice out of three.
    expect((await row.locator('td').allTextContents()).slice(1, 5)).toEqual(['3', '1', '1', '1']);
    expect(await row.locator('td').nth(5).textContent()).toBe('66.7%');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds a visitor’s receipts and opens one', async () => {
    await page.getByLabel('Visitor id or receipt id').fill(visitor);
    await page.getByLabel('Visitor id or receipt id').press('Enter');
    const links = page.getByRole('link', { name: /Open the receipt/ });
    await expect.poll(() => links.count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await links.first().click();
    await expect.poll(heading).toBe('Consent receipt');
    // The texts the visitor saw (in their language), under the viewer's labels.
    expect(
      await page
        .locator('h3')
        .filter({ hasText: /^(Statistieken|Statistics): (Granted|Denied)$/ })
        .count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goBack();
    await expect.poll(heading).toBe('Consent');
  });

  it('withdraws a purpose consent and records an objection, by keyboard', async () => {
    await page.getByLabel('Email address').fill('guest@example.be');
    await page.getByLabel('Email address').press('Enter');
    const withdraw = page.getByRole('button', { name: 'Withdraw: photos' });
    await expect.poll(() => withdraw.count()).toBe(1);
    expect(await page.getByText('Not on the suppression list.').count()).toBe(1);
    await withdraw.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Withdrawn.' }).count()).toBe(1);
    expect(await page.locator('td', { hasText: 'withdrawn' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Record an objection to direct marketing' }).click();
    await expect.poll(() => page.getByText('On the suppression list').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks Dutch', async () => {
    await page.locator('#console-language').selectOption('nl');
    await expect.poll(heading).toBe('Toestemming');
    expect(await page.getByRole('heading', { name: 'Bannerstatistieken' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#console-language').selectOption('en');
  });
});
