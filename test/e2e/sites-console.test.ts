// The website scans page of the console in real Chromium: the list of declared sites with their latest scan, one
// site's findings with the fix, the article and the draft declaration, its history, and "Scan now". The scan itself is
// stored through the domain with the browser port answering a fixed observation (the real browser scan is driven in
// site-scan.test.ts). axe on every state, keyboard, 390 px, Dutch texts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { createMailer } from '../../src/platform/mail.js';
import type { SiteScan } from '../../src/sites/schemas.js';
import { runSiteScan } from '../../src/sites/service.js';
import { signedInUser } from '../support/auth.js';
import { closeAll, headingOf, openBrowserPage, seriousViolations, signInToConsole } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const email = 'sites-officer@testco.example';
const password = 'a long and secret passphrase';

let served: ServedApp;
let browser: Browser;
let page: Page;

/** What the browser saw on www.testco.example: Google Analytics' _ga before any choice, undeclared. */
function observed(): Promise<SiteScan> {
  const at = Date.now();
  const url = 'https://www.testco.example/';
  const base = { url, at, storage: [], thirdPartyHosts: [], frameHosts: [], pixelHosts: [], consentMode: {} };
  const consent = { type: 'cookie' as const, name: 'charter_consent', expires: at / 1000 + 86_400 * 100 };
  const stats = { type: 'cookie' as const, name: '_stats', expires: at / 1000 + 86_400 * 300 };
  return Promise.resolve({
    startUrl: url,
    pages: [url],
    observations: [
      {
        ...base,
        condition: 'no-choice' as const,
        bannerShown: true,
        storage: [
          { type: 'cookie' as const, name: '_ga', expires: at / 1000 + 86_400 * 400, setBy: 'www.testco.example' },
        ],
      },
      { ...base, condition: 'reject-all' as const, bannerShown: true, storage: [consent] },
      { ...base, condition: 'accept-all' as const, bannerShown: true, storage: [consent, stats] },
      { ...base, condition: 'gpc' as const, bannerShown: true, storage: [consent, stats] },
    ],
    startedAt: new Date(at).toISOString(),
    finishedAt: new Date(at).toISOString(),
  });
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  served = await serveTestApp({ charter: buildCharter() });
  await signedInUser(served, 'privacy-officer', { email, password });
  const logger = createLogger('silent');
  const mailer = createMailer({
    db: served.database.db,
    logger,
    from: 'Charter <charter@localhost>',
  });
  await runSiteScan(
    { db: served.database.db, mailer, logger, clock: () => new Date(), publicUrl: served.url, scan: observed },
    { organisationId: served.organisationId! },
    'main',
    { trigger: 'api', actor: 'user:test' },
  );
  ({ browser, page } = await openBrowserPage());
}, 180_000);

afterAll(() => closeAll(browser, served));

const heading = () => headingOf(page);

describe('website scans page of the console', () => {
  it('shows drift in the Overview and lists the declared sites with their latest scan', async () => {
    await signInToConsole(page, served, { email, password });
    await expect.poll(heading).toBe('Charter overview');
    // Drift shows in the Overview: what the latest scan found that the one before did not.
    await expect
      .poll(() => page.getByText('The latest scan of www.testco.example found 2 new findings.').count())
      .toBe(1);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Website scans' }).click();
    await expect.poll(heading).toBe('Website scans');
    const row = page.locator('tbody tr').filter({ hasText: 'www.testco.example' });
    await expect.poll(() => row.count()).toBe(1);
    // _ga before consent (violation); _ga undeclared (warning); new: both.
    expect((await row.locator('td').allTextContents()).slice(1)).toEqual(['1', '1', '2']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a site’s findings with the fix, the article and a draft declaration, and queues a scan', async () => {
    await page.getByRole('link', { name: 'Testco' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('"_ga" (analytics) is stored before any choice').count()).toBe(1);
    await page.getByText('Draft declaration to paste under cookies:').click();
    await expect.poll(() => page.locator('pre').textContent()).toContain('duration: P2Y');
    expect(await page.getByText('ePrivacy Directive Art. 5(3); GDPR Art. 6(1)(a), 7(1)').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Scan now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Scan queued' }).count()).toBe(1);
    const jobs = await served.database.db
      .selectFrom('jobs')
      .select(['queue', 'payload'])
      .where('queue', '=', 'sites.scan')
      .execute();
    expect(jobs).toEqual([
      { queue: 'sites.scan', payload: { site: 'main', trigger: 'api', actor: expect.any(String) } },
    ]);
  });

  it('fits 390 px without horizontal scrolling and speaks Dutch', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.evaluate(() => localStorage.setItem('charter.console.language', 'nl'));
    await page.reload();
    await expect.poll(heading).toBe('Websitescans');
    await expect.poll(() => page.getByText('"_ga" (analytics) wordt opgeslagen vóór elke keuze').count()).toBe(1);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
