import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/accounts/two-factor-rules.js';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { signedInUser } from '../support/auth.js';
import { buildCharter } from '../support/charter.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const password = 'a long and secret passphrase';
const email = 'erin@testco.example';

let served: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let key = '';
let recoveryCodes: string[] = [];

beforeAll(async () => {
  await ensureConsoleBuilt();
  served = await serveTestApp({ charter: buildCharter() });
  await signedInUser(served, 'owner', { email, password });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const heading = async () => (await page.locator('h1').textContent())?.trim();
const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function signInWithPassword() {
  await page.goto(`${served.url}/console/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut() {
  // At 390 px the console's sign-out button sits behind its menu button (the second-factor step shows its own).
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(heading).toBe('Sign in to Charter');
}

describe('two-factor authentication in the console', () => {
  it('enrols with the QR code and key, confirms with a computed code, and shows ten recovery codes once', async () => {
    await signInWithPassword();
    await expect.poll(heading).toBe('Charter overview');
    await page.goto(`${served.url}/console/security`);
    await expect.poll(heading).toBe('Sign-in and security');
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await expect.poll(() => qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    key = ((await page.getByTestId('totp-key').textContent()) ?? '').trim();
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noHorizontalScroll()).toBe(true);
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This code is not right');
    await page.getByLabel('Code').fill(totpCode(key, new Date()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noHorizontalScroll()).toBe(true);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Recovery codes left: 10');
    await signOut();
  });

  it('asks for the code after the password and signs in with the next code of the app, by keyboard', async () => {
    await signInWithPassword();
    await expect.poll(heading).toBe('Two-factor authentication');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await noHorizontalScroll()).toBe(true);
    // The code of the enrolment's step was used: the next step's code (within the drift window) is fresh.
    await page.getByLabel('Code').focus();
    await page.keyboard.type(totpCode(key, new Date(Date.now() + 30_000)));
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Charter overview');
    await signOut();
  });

  it('signs in with a recovery code, which then works no more', async () => {
    await signInWithPassword();
    await expect.poll(heading).toBe('Two-factor authentication');
    await page.getByLabel('Code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(heading).toBe('Charter overview');
    await signOut();
    await signInWithPassword();
    await expect.poll(heading).toBe('Two-factor authentication');
    await page.getByLabel('Code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This code is not right');
    await page.getByLabel('Code').fill(recoveryCodes[1]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(heading).toBe('Charter overview');
    await page.goto(`${served.url}/console/security`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Recovery codes left: 8');
  });
});
