// The breach flow in real Chromium: sign in, record a breach, watch the 72-hour countdown, read the drafts for the
// authority (in the authority's language) and for the people concerned, record the notification; plus the records and
// processors pages. Every page is checked with axe and used by keyboard where it matters.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../support/auth.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { closeAll, headingOf, openBrowserPage, seriousViolations, signInToConsole } from '../support/browser.js';
import { buildCharter } from '../support/charter.js';
import { serveTestApp, type ServedApp } from '../support/server.js';

const email = 'officer@testco.example';
const password = 'a long and secret passphrase';

let served: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await ensureConsoleBuilt();
  served = await serveTestApp({
    charter: buildCharter((c) => {
      delete c.recipients[0]!.dpaDate;
    }),
  });
  await signedInUser(served, 'privacy-officer', { email, password });
  ({ browser, context, page } = await openBrowserPage());
}, 180_000);

afterAll(() => closeAll(browser, served));

const heading = () => headingOf(page);

async function expectAccessible() {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('breach register in the console', () => {
  let breachUrl: string;

  it('signs in and reaches the empty register from the navigation', async () => {
    await signInToConsole(page, served, { email, password });
    await expect.poll(heading).toBe('Charter overview');
    await page.getByRole('link', { name: 'Breaches' }).click();
    await expect.poll(heading).toBe('Breach register');
    expect(await page.getByText('No breaches recorded.').isVisible()).toBe(true);
    await expectAccessible();
  });

  it('records a breach through the form, by keyboard where it counts', async () => {
    await page.getByRole('link', { name: 'Record a breach' }).click();
    await expect.poll(heading).toBe('Record a breach');
    await expectAccessible();
    await page.getByLabel('Short name').fill('Laptop stolen from a car');
    // Two hours ago, as the browser's datetime-local field writes it in the browser's time zone (Brussels).
    const local = await page.evaluate(() => {
      const aware = new Date(Date.now() - 2 * 3_600_000);
      return new Date(aware.getTime() - aware.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByLabel('Discovered at').fill(local);
    await page.getByLabel('Became aware at (the 72 hours run from here)').fill(local);
    // A checkbox is toggled with the space bar.
    await page.getByLabel('Confidentiality (disclosure, access)').focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Confidentiality (disclosure, access)').isChecked()).toBe(true);
    await page.getByLabel('What happened').fill('A laptop with an unencrypted CRM export was stolen.');
    await page.getByLabel('Categories of people (comma-separated)').fill('Customers');
    await page.getByLabel('Approximate number of people').fill('1200');
    await page.getByLabel('Categories of data (comma-separated)').fill('identity.name, contact.email');
    await page.getByLabel('Approximate number of records').fill('1500');
    await page.getByLabel('Likely consequences').fill('Phishing aimed at our customers.');
    await page.getByLabel('Measures taken').fill('Passwords reset; theft reported to the police.');
    await page.locator('#b-authority-reason').fill('Contact data of many customers is exposed.');
    await page.locator('#b-subjects-reason').fill('No financial or sensitive data: no high risk.');
    await page.getByRole('button', { name: 'Record the breach' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe(`B-${new Date().getUTCFullYear()}-001 — Laptop stolen from a car`);
    breachUrl = page.url();
  });

  it('shows the 72-hour countdown, live', async () => {
    const timer = page.getByRole('timer');
    const first = await timer.textContent();
    // About 70 hours are left: "2 d 21 h 59 min 58 s left".
    expect(first).toMatch(/^2 d (21|22) h \d{2} min \d{2} s left$/);
    await expect.poll(() => timer.textContent(), { timeout: 5000 }).not.toBe(first);
    expect(await page.getByTestId('countdown').textContent()).toContain('running');
    expect(await page.locator('.clock-panel').textContent()).toContain('Deadline');
    await expectAccessible();
  });

  it('lists a breach whose 72-hour clock runs under "Needs attention", never above it that nothing is due', async () => {
    const detail = page.url();
    await page.getByRole('link', { name: 'All breaches' }).click();
    const attention = page.locator('section', { has: page.getByRole('heading', { name: 'Needs attention' }) });
    await expect.poll(() => attention.locator('li').count()).toBe(1);
    expect(await attention.textContent()).toContain('Laptop stolen from a car');
    expect(await attention.textContent()).not.toContain('No reminder is due');
    await page.goto(detail);
    await expect.poll(() => page.getByRole('timer').count()).toBe(1);
  });

  it('shows the draft for the authority in its language, with the catalog address, and the message for the people', async () => {
    const draft = page.getByTestId('authority-draft-text');
    await expect.poll(() => draft.textContent()).toContain('Gegevensbeschermingsautoriteit');
    const dutch = (await draft.textContent()) ?? '';
    expect(dutch).toContain('Drukpersstraat 35');
    expect(dutch).toContain('SOORT MELDING\nEerste melding');
    expect(dutch).toContain('ongeveer 1.200 personen');
    await page.getByLabel('Language of the draft: Notification to the supervisory authority').selectOption('fr');
    await expect.poll(() => draft.textContent()).toContain('Autorité de protection des données');
    expect(await draft.textContent()).toContain('environ 1\u202f500 enregistrements');
    const message = page.getByTestId('subjects-draft-text');
    await expect
      .poll(() => message.textContent())
      .toContain('Important: a security incident involving your personal data at Testco BV');
    await expectAccessible();
  });

  it('records the notification to the authority from the draft, which stops the clock', async () => {
    await page.getByLabel('Sent to').selectOption('authority');
    await page.getByRole('button', { name: 'Copy the matching draft' }).click();
    await expect.poll(() => page.getByLabel('What was sent').inputValue()).toContain('Gegevensbeschermingsautoriteit');
    await page.getByLabel("Authority's reference").fill('DOS-2026-0042');
    await page.getByRole('button', { name: 'Record the notification' }).click();
    await expect.poll(() => page.getByTestId('countdown').textContent()).toContain('authority notified');
    expect(await page.getByRole('table', { name: 'Notifications sent' }).textContent()).toContain('DOS-2026-0042');
    await expectAccessible();
  });

  it('amends the record as a new version and keeps the history', async () => {
    await page.getByLabel('Approximate number of people').fill('1350');
    await page.getByLabel('Reason for the amendment').fill('Count confirmed by the CRM vendor');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    expect(await history.textContent()).toContain('Count confirmed by the CRM vendor');
    expect(await page.locator('.facts').textContent()).toContain('1350 people');
  });

  it('lists the breach in the register in Dutch and French', async () => {
    await page.goto(`${served.url}/console/breaches`);
    await expect.poll(heading).toBe('Breach register');
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await expect.poll(heading).toBe('Register van datalekken');
    expect(await page.getByRole('table').textContent()).toContain('Laptop stolen from a car');
    await expectAccessible();
    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
    await expect.poll(heading).toBe('Registre des violations');
    await expectAccessible();
    await page.getByLabel('Langue', { exact: true }).selectOption('en');
    await page.goto(breachUrl);
    await expect.poll(heading).toContain('Laptop stolen from a car');
  });
});

describe('records and processors in the console', () => {
  it('shows the Art. 30 record with working downloads', async () => {
    await page.goto(`${served.url}/console/records`);
    await expect.poll(heading).toBe('Records of processing');
    expect(await page.getByRole('table', { name: 'Controller record (Art. 30(1))' }).textContent()).toContain(
      'Performance of a contract (GDPR Art. 6(1)(b))',
    );
    await expectAccessible();
    const href = await page
      .getByRole('link', { name: 'Excel workbook (XLSX), a sheet per record' })
      .getAttribute('href');
    const response = await context.request.get(`${served.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await page.getByLabel('Language of the record').selectOption('de');
    await expect
      .poll(() => page.getByRole('table', { name: 'Controller record (Art. 30(1))' }).textContent())
      .toContain('Vertragserfüllung');
  });

  it('shows the processors with their warnings', async () => {
    await page.goto(`${served.url}/console/processors`);
    await expect.poll(heading).toBe('Processors and transfers');
    expect(await page.locator('.warning-list').textContent()).toContain(
      'Mailer SA is a processor, but no date of a data processing agreement is recorded',
    );
    expect(await page.getByRole('table').textContent()).toContain('EU-US Data Privacy Framework');
    await expectAccessible();
  });
});
