// The retention page in real Chromium: the plan with its chart and reasons, a first run waiting for approval that a
// privacy officer approves by keyboard, run history, the schedule, in EN/NL/FR, each checked with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/platform/config.js';
import { composeRetention } from '../../src/retention/deps.js';
import { runRetention } from '../../src/retention/sweep.js';
import {
  crmCharter,
  newStoreDatabase,
  seedCrm,
  storeDriver,
  storeServers,
  testHashKey,
  type StoreServers,
} from '../../src/retention/testing/crm.js';
import type { SqlDriver } from '../../src/stores/sql/driver.js';
import { signedInUser } from '../support/auth.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { closeAll, headingOf, openBrowserPage, seriousViolations, signInToConsole } from '../support/browser.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const email = 'retention-officer@testco.example';
const password = 'a long and secret passphrase';

let servers: StoreServers;
let driver: SqlDriver;
let served: ServedApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureConsoleBuilt();
  servers = await storeServers({ mariadb: false });
  const url = await newStoreDatabase(servers, 'postgres');
  driver = storeDriver('postgres', url);
  await seedCrm(driver, 'postgres', new Date());
  process.env.CRM_E2E_URL = url;
  process.env.CHARTER_HASH_KEY = testHashKey;
  served = await serveTestApp({ charter: crmCharter({ connection: 'CRM_E2E_URL' }) });
  // A first run on the store: held for approval.
  const deps = composeRetention({
    db: served.database.db,
    dbKind: served.database.kind,
    config: readConfig({}),
    env: process.env,
    clock: () => new Date(),
  });
  const { run } = await runRetention(
    deps,
    { organisationId: served.organisationId ?? '' },
    { trigger: 'cli', actor: 'cli', batchSize: 100, maxShare: 0.1 },
  );
  expect(run?.status).toBe('awaiting-approval');
  await signedInUser(served, 'privacy-officer', { email, password });
  ({ browser, page } = await openBrowserPage({ locale: 'en-GB' }));
}, 240_000);

afterAll(async () => {
  await closeAll(browser, served, driver);
  servers?.stop();
});

const heading = () => headingOf(page);

describe('the retention page', () => {
  it('shows the plan with an accessible chart and the reason for every table', async () => {
    await signInToConsole(page, served, { email, password });
    await expect.poll(heading).toBe('Charter overview');
    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    await expect.poll(heading).toBe('Retention');
    const chart = page.getByRole('img', { name: 'Rows becoming due per month' });
    // The plan counts blocked rows too (a query per referencing table): give it time on a loaded machine.
    await expect.poll(() => chart.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('#retention-chart-desc').textContent()).toMatch(/^Bar chart of the next 12 months: /);
    const plan = page.getByRole('table', { name: 'Plan' });
    expect(await plan.getByRole('row', { name: /crm\/prospects/ }).textContent()).toContain(
      'prospects: delete 3 years after last-contact (last_contact_at)',
    );
    expect(await plan.getByRole('row', { name: /crm\/invoices/ }).textContent()).toContain('vat-invoices: 1');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a privacy officer approve a held first run from the keyboard', async () => {
    const waiting = page.locator('.approval');
    expect(await waiting.textContent()).toContain('first retention run on store crm');
    await page.getByLabel('Note (optional)').fill('Counts checked with sales');
    await page.getByRole('button', { name: 'Approve and run' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('No run is waiting for approval.').isVisible()).toBe(true);
    const history = page.getByRole('table', { name: 'Runs' });
    await expect.poll(() => history.textContent()).toContain(`approved by ${email}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('changes the daily schedule', async () => {
    await page.getByLabel('Time (UTC)').fill('04:45');
    await page.getByRole('button', { name: 'Save the schedule' }).click();
    await expect.poll(() => page.getByText('Schedule saved.').isVisible()).toBe(true);
    expect(await page.getByText(/Every day at 04:45 UTC/).isVisible()).toBe(true);
    expect(await page.getByLabel('Time (UTC)').inputValue()).toBe('04:45');
  });

  it('speaks Dutch and French, and stays accessible', async () => {
    for (const [language, title, plan] of [
      ['nl', 'Bewaring', 'Planning'],
      ['fr', 'Conservation', 'Planification'],
    ] as const) {
      await page.locator('#console-language').selectOption(language);
      await expect.poll(heading).toBe(title);
      expect(await page.getByRole('heading', { name: plan, exact: true }).isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.locator('#console-language').selectOption('en');
  });
});
