/**
 * The console's webhooks page in Chromium: an owner adds a webhook for a receiver on loopback (allowed by the
 * operator here), sees the secret once, sends a test event that the job runner delivers, and reads the delivery log
 * with the receiver's status — by keyboard, axe-clean, in Dutch too, and without horizontal scroll at 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrganisation } from '../../src/platform/db/tenancy.js';
import { createLogger } from '../../src/platform/logger.js';
import { deliverOrganisation } from '../../src/webhooks/deliver.js';
import { startReceiver, type TestReceiver } from '../../src/webhooks/testing/receiver.js';
import { signedInUser } from '../support/auth.js';
import { launchBrowser, seriousViolations, signInToConsole } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const password = 'a long and secret passphrase';
let served: ServedApp;
let browser: Browser;
let page: Page;
let receiver: TestReceiver;
let email: string;

beforeAll(async () => {
  await ensureConsoleBuilt();
  receiver = await startReceiver();
  served = await serveTestApp({ charter: buildCharter(), env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  email = (await signedInUser(served, 'owner', { password })).email;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await receiver?.close();
});

async function signIn(locale: string, width = 1280) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  page = await context.newPage();
  await signInToConsole(page, served, { email, password });
}

describe('webhooks page', () => {
  it('adds a webhook by keyboard, shows the secret once, and logs the delivered test event', async () => {
    await signIn('en-GB');
    await page.goto(`${served.url}/console/webhooks`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Webhooks');
    await expect.poll(() => page.locator('main').textContent()).toContain('No webhooks yet.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel('request.received').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Add webhook' }).focus();
    await page.keyboard.press('Enter');
    const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Test event queued.');
    const organisationId = served.organisationId!;
    await deliverOrganisation(
      {
        db: served.database.db,
        dbKind: served.database.kind,
        logger: createLogger('silent'),
        clock: () => new Date(),
        allowPrivate: true,
        timeoutMs: 5_000,
      },
      { organisationId },
    );
    expect(receiver.received).toHaveLength(1);
    expect(new Webhook(secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers)).toMatchObject({
      type: 'webhook.test',
    });

    await page.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('table');
    await expect.poll(() => log.textContent()).toContain('webhook.test');
    expect(await log.textContent()).toContain('delivered');
    expect(await log.textContent()).toContain('200');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('subscribes to consent.threshold with its threshold, in Dutch, by keyboard, at 390 px', async () => {
    await signIn('nl-BE', 390);
    await page.goto(`${served.url}/console/webhooks`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Een webhook toevoegen');
    await page.getByLabel('URL').fill(`${receiver.url}/consent`);
    await page.getByLabel('consent.threshold').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('main').textContent()).toContain('Toestemmingsdrempel');
    await page.getByLabel('Cijfer').selectOption('withdrawal-share');
    await page.getByLabel('Drempel (%)').fill('12.5');
    await page.getByLabel('Minimum aantal keuzes').fill('40');
    await page.getByLabel('Venster (dagen)').fill('14');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Webhook toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('aandeel intrekkingen per site ≥ 12.5 %, over 14 dagen, minstens 40 keuzes');
    const stored = await inOrganisation(served.database.db, { organisationId: served.organisationId! }, (trx) =>
      trx
        .selectFrom('webhook_subscriptions')
        .select('consent_threshold')
        .where('url', 'like', '%/consent')
        .executeTakeFirstOrThrow(),
    );
    expect(stored.consent_threshold).toEqual({
      metric: 'withdrawal-share',
      threshold: 0.125,
      minDecisions: 40,
      windowDays: 14,
    });
    await page.context().close();
  });

  it('speaks Dutch and fits 390 px without horizontal scroll', async () => {
    await signIn('nl-BE', 390);
    await page.goto(`${served.url}/console/webhooks`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Een webhook toevoegen');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
