// The Notices page of the console in real Chromium: the versions of a site's notice with what changed, a reader who
// subscribed through the notice page (double opt-in over a real SMTP server), and the privacy officer marking a change
// as significant by keyboard, which emails that reader. axe on every state; French console texts for one check.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCharter } from '../../src/charter/repository.js';
import { signedInUser } from '../support/auth.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { closeAll, headingOf, openBrowserPage, seriousViolations, signInToConsole } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { serveTestApp, type ServedApp } from '../support/server.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { withMailchimp } from '../../src/notices/testing/fixtures.js';

const email = 'notices-officer@testco.example';
const password = 'a long and secret passphrase';

let served: ServedApp;
let smtp: TestSmtp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureConsoleBuilt();
  smtp = await startSmtp();
  served = await serveTestApp({ charter: buildCharter(), env: { SMTP_URL: smtp.url } });
  const revised = buildCharter(withMailchimp);
  await applyCharter(
    served.database.db,
    { organisationId: served.organisationId! },
    { charter: revised, source: JSON.stringify(revised), format: 'json', actor: 'system' },
  );
  await signedInUser(served, 'privacy-officer', { email, password });
  ({ browser, page } = await openBrowserPage());
}, 180_000);

afterAll(() => closeAll(browser, served, smtp));

const heading = () => headingOf(page);

describe('notices page of the console', () => {
  it('lets a reader ask to be told of changes from the notice, and confirm by email', async () => {
    await page.goto(`${served.url}/privacy/main/notice?lang=nl`);
    await page.getByLabel('E-mailadres').fill('reader@example.be');
    await page.getByRole('button', { name: 'Houd me op de hoogte' }).click();
    const mail = await smtp.waitFor((m) => m.to.includes('reader@example.be'));
    const link = /(http\S+\/notice\/subscription\?token=\S+)/.exec(mail.text)![1]!;
    await page.goto(link);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, bevestigen' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Bevestigd');
  });

  it('shows the versions with what changed', async () => {
    await signInToConsole(page, served, { email, password });
    await expect.poll(heading).toBe('Charter overview');
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Notices' }).click();
    await expect.poll(heading).toBe('Notices');
    const rows = page.locator('table[aria-labelledby="versions"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect
      .poll(() => rows.first().textContent())
      .toContain('added recipient: Mailchimp (United States, EU-US Data Privacy Framework)');
    expect(await rows.last().textContent()).toContain('First published version.');
    await expect.poll(() => page.getByText('NL: 1 confirmed').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks a change as significant by keyboard, which emails the reader in their language', async () => {
    smtp.clear();
    const mark = page.getByRole('button', { name: 'Mark as significant…' }).first();
    await mark.focus();
    await page.keyboard.press('Enter');
    const notify = page.getByLabel('Email the 1 confirmed subscriber of this site');
    expect(await notify.isChecked()).toBe(true);
    await page.getByLabel('Note for the record (optional)').fill('New newsletter provider');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mark as significant', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Marked as significant.' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Marked as significant.' }).textContent()).toBe(
      'Marked as significant. 1 of 1 emails sent.',
    );
    const announcement = await smtp.waitFor((m) => m.to.includes('reader@example.be'));
    expect(announcement.subject).toBe('De privacyverklaring van Testco BV is gewijzigd');
    expect(announcement.text).toContain('nieuwe ontvanger: Mailchimp');
    await expect
      .poll(() =>
        page.locator('table[aria-labelledby="versions"] tbody tr').first().getByText('Significant change').count(),
      )
      .toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks French when the console does', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(heading).toBe('Déclarations');
    await expect
      .poll(() => page.locator('table[aria-labelledby="versions"] tbody tr').first().textContent())
      .toContain('nouveau destinataire');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
