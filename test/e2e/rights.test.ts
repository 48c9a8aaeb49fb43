/**
 * The privacy center end to end, in real Chromium, against real servers: the person's data lives in a PostgreSQL
 * webshop and a MariaDB CRM; mail goes through a real SMTP server from which the test reads the codes, as a person
 * would read them. An access request in Dutch ends with the person's rows from both databases in the downloaded
 * package; an erasure waits its grace period, then the rows are gone or masked and the invoices kept, with the law
 * that requires it shown. An impostor's browser gains nothing when the mailbox owner clicks the mailed link.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import mysql from 'mysql2/promise';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../src/rights/due.js';
import { rightsContextOf } from '../../src/rights/register.js';
import { rightsCharter, shopStoreIn } from '../../src/rights/testing/fixtures.js';
import { createMysqlDriver } from '../../src/stores/sql/mysql.js';
import { createPostgresDriver } from '../../src/stores/sql/postgres.js';
import { readTable, seedShop } from '../../src/stores/testing/shop.js';
import type { SqlDriver } from '../../src/stores/sql/driver.js';
import { launchBrowser, seriousViolations } from '../support/browser.js';
import { createPostgresDatabase } from '../support/database.js';
import { startMariaDb, type MariaDbServer } from '../support/mariadb-server.js';
import { serveTestApp, type ServedApp } from '../support/server.js';
import { codeIn, linkIn, startSmtp, type TestSmtp } from '../support/smtp.js';

let served: ServedApp;
let browser: Browser;
let smtp: TestSmtp;
let mariadb: MariaDbServer;
let webshop: SqlDriver;
let crm: SqlDriver;
let now = new Date();
const day = 86_400_000;

beforeAll(async () => {
  const seededAt = new Date();
  const [postgresUrl, maria] = await Promise.all([createPostgresDatabase('rights_e2e'), startMariaDb()]);
  mariadb = maria;
  const connection = await mysql.createConnection({ uri: mariadb.url });
  await connection.query('create database crm character set utf8mb4');
  await connection.end();
  webshop = createPostgresDriver(postgresUrl);
  crm = createMysqlDriver(`${mariadb.url}crm`);
  await seedShop(webshop, seededAt);
  await seedShop(crm, seededAt);
  const prefix = `RIGHTS_E2E_${randomBytes(3).toString('hex').toUpperCase()}`;
  process.env[`${prefix}_SHOP_URL`] = postgresUrl;
  process.env[`${prefix}_CRM_URL`] = `${mariadb.url}crm`;
  const charter = rightsCharter([
    { ...shopStoreIn('postgres', 'webshop', `${prefix}_SHOP`), name: 'Webshop' },
    { ...shopStoreIn('mysql', 'crm', `${prefix}_CRM`), name: 'CRM' },
  ]);
  smtp = await startSmtp();
  served = await serveTestApp({ charter, now: () => now, env: { SMTP_URL: smtp.url } });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await smtp?.close();
  await webshop?.close();
  await crm?.close();
  mariadb?.stop();
}, 60_000);

/** Links in mails carry PUBLIC_URL; the test server listens elsewhere. */
const local = (link: string) => {
  const url = new URL(link);
  return `${served.url}${url.pathname}${url.search}`;
};

async function dismissBanner(page: Page) {
  const reject = page.getByRole('button', { name: 'Alles weigeren' });
  if (await reject.isVisible().catch(() => false)) await reject.click();
}

/** Clicks a button that posts a form and waits until the page it leads to has loaded (a reload before that detaches the page). */
async function submitWith(page: Page, name: string) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name }).click()]);
}

async function stateOf(page: Page): Promise<string | null> {
  return page.locator('[data-state]').getAttribute('data-state');
}

/** Reloads the status page until the background work has moved the request to `state`. */
async function waitForState(page: Page, state: string) {
  for (let i = 0; i < 60 && (await stateOf(page)) !== state; i++) {
    await rightsContextOf(served.app).idle();
    await page.reload();
  }
  expect(await stateOf(page)).toBe(state);
}

describe('the privacy center in Chromium', () => {
  it('is in Dutch, axe clean, usable by keyboard and fits a phone', async () => {
    const page = await browser.newPage({ locale: 'nl-BE', viewport: { width: 375, height: 740 } });
    await page.goto(`${served.url}/privacy/main`);
    await dismissBanner(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('h1').textContent()).toBe('Privacycentrum');
    expect(await seriousViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    // The script shows only the fields of the chosen type.
    expect(await page.locator('fieldset[data-for="rectification"]').isHidden()).toBe(true);
    await page.getByLabel('Mijn gegevens verbeteren (rectificatie)').check();
    expect(await page.locator('fieldset[data-for="rectification"]').isVisible()).toBe(true);
    // Keyboard: the skip link comes first and leads to the content (the banner, answered above, stays away).
    await page.reload();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(page.url()).toContain('#main');
    await page.close();
  });

  it('handles an access request in Dutch: code from the mail, verification, package with the rows of PostgreSQL and MariaDB', async () => {
    const page = await browser.newPage({ locale: 'nl-BE' });
    await page.goto(`${served.url}/privacy/main?lang=nl`);
    await dismissBanner(page);
    await page.getByLabel('Mijn gegevens inzien (inzage)').check();
    await page.getByLabel('Ik identificeer me met mijn').selectOption('email');
    await page.getByLabel('Uw e-mailadres, telefoonnummer, klantnummer of accountnummer').fill('alice@example.be');
    await page.getByRole('button', { name: 'Mijn verzoek versturen' }).click();
    await page.waitForURL(/\/requests\//);
    expect(await page.locator('h1').textContent()).toBe('Uw verzoek');
    expect(await seriousViolations(page)).toEqual([]);

    const codeMail = await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.subject.startsWith('Uw code'));
    await page.getByLabel('Eenmalige code (8 cijfers)').fill(codeIn(codeMail));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await waitForState(page, 'completed');
    expect(await page.locator('main').textContent()).toContain('Uw gegevens staan klaar');

    const packageMail = await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.text.includes('/download/'));
    await page.goto(local(linkIn(packageMail, '/download/')));
    expect(await seriousViolations(page)).toEqual([]);
    smtp.clear();
    await page.getByRole('button', { name: 'Stuur me een code' }).click();
    const downloadCode = codeIn(await smtp.waitFor((m) => m.to.includes('alice@example.be')));
    await page.getByLabel('Eenmalige code (8 cijfers)').fill(downloadCode);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Mijn gegevens downloaden' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    const files = unzipSync(new Uint8Array(bytes));
    const data = JSON.parse(strFromU8(files['data.json']!)) as {
      stores: { store: string; table: string; rows: { columns: Record<string, { value: unknown }> }[] }[];
    };
    const fromStore = (store: string) => data.stores.filter((s) => s.store === store);
    for (const store of ['webshop', 'crm']) {
      const customers = fromStore(store).find((s) => s.table === 'customers');
      expect(customers?.rows.map((r) => r.columns.name?.value)).toEqual(['Alice Peeters']);
      expect(fromStore(store).find((s) => s.table === 'orders')?.rows).toHaveLength(3);
    }
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['tables/webshop.customers.csv', 'tables/crm.customers.csv']),
    );
    const report = strFromU8(files['report.html']!);
    expect(report).toContain('<html lang="nl">');
    expect(report).toContain('Uw persoonsgegevens bij Testco BV');
    expect(JSON.stringify(data)).not.toContain('$argon2id$');
    await page.close();
  });

  it('erases after the grace period: rows gone or masked in both databases, invoices kept with the law shown', async () => {
    const page = await browser.newPage({ locale: 'nl-BE' });
    await page.goto(`${served.url}/privacy/main?lang=nl`);
    await dismissBanner(page);
    smtp.clear();
    await page.getByLabel('Mijn gegevens wissen (wissing)').check();
    await page.getByLabel('Ik identificeer me met mijn').selectOption('customer-number');
    await page.getByLabel('Uw e-mailadres, telefoonnummer, klantnummer of accountnummer').fill('C-0001');
    await page.getByRole('button', { name: 'Mijn verzoek versturen' }).click();
    await page.waitForURL(/\/requests\//);
    const codeMail = await smtp.waitFor((m) => m.to.includes('alice@example.be'));
    await page.getByLabel('Eenmalige code (8 cijfers)').fill(codeIn(codeMail));
    await submitWith(page, 'Bevestigen');
    await submitWith(page, 'Ja, ga verder');
    await rightsContextOf(served.app).idle();
    await page.reload();
    expect(await stateOf(page)).toBe('verified');
    expect(await page.locator('main').textContent()).toContain('Uw gegevens worden gewist op');
    expect(await seriousViolations(page)).toEqual([]);

    // The grace period runs; nothing is erased yet.
    await tick(rightsContextOf(served.app));
    expect((await readTable(webshop, 'customers')).find((c) => c.id === 1)?.name).toBe('Alice Peeters');
    now = new Date(now.getTime() + 8 * day);
    await tick(rightsContextOf(served.app));
    await page.reload();
    await waitForState(page, 'completed');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Bewaard, omdat de wet het vereist');
    expect(text).toContain('Belgian VAT Code, art. 60');
    expect(text).toContain('Facturen moeten voor de belastingdienst worden bewaard.');
    expect(await seriousViolations(page)).toEqual([]);

    for (const driver of [webshop, crm]) {
      const alice = (await readTable(driver, 'customers')).find((c) => c.id === 1);
      expect(alice).toMatchObject({ name: '[erased]', phone: null });
      expect(String(alice?.email)).not.toContain('alice');
      expect((await readTable(driver, 'orders')).filter((o) => o.customer_id === 1)).toEqual([]);
      expect((await readTable(driver, 'tickets')).filter((t) => String(t.body) === 'Where is my parcel?')).toEqual([]);
      const invoices = (await readTable(driver, 'invoices')).filter((i) => i.customer_id === 1);
      expect(invoices.find((i) => i.number === 'F-2024-051')).toMatchObject({
        billing_name: 'Alice Peeters',
        billing_email: null,
      });
      // Bob, a bystander, is untouched.
      expect((await readTable(driver, 'customers')).find((c) => c.id === 2)?.name).toBe('Bob Janssens');
    }
    const done = await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.subject.includes('afgehandeld'));
    expect(done.text).toContain('Belgian VAT Code, art. 60');
    await page.close();
  });

  it('an impostor files an erasure in Bob’s name; Bob’s click on the mailed link verifies it for Bob’s browser only', async () => {
    // Two browser contexts, two cookie jars: the impostor's and Bob's.
    const attacker = await browser.newPage({ locale: 'nl-BE' });
    const victim = await browser.newPage({ locale: 'nl-BE' });
    await attacker.goto(`${served.url}/privacy/main?lang=nl`);
    await dismissBanner(attacker);
    smtp.clear();
    await attacker.getByLabel('Mijn gegevens wissen (wissing)').check();
    await attacker.getByLabel('Ik identificeer me met mijn').selectOption('customer-number');
    await attacker.getByLabel('Uw e-mailadres, telefoonnummer, klantnummer of accountnummer').fill('C-0002');
    await attacker.getByRole('button', { name: 'Mijn verzoek versturen' }).click();
    await attacker.waitForURL(/\/requests\//);
    const statusUrl = attacker.url();

    const codeMail = await smtp.waitFor((m) => m.to.includes('bob@example.be'));
    await victim.goto(local(linkIn(codeMail, '/link/')));
    expect(await victim.locator('main').textContent()).toContain('krijgt door deze bevestiging geen toegang');
    await victim.getByRole('button', { name: 'Ja, dat was ik' }).click();
    await victim.waitForURL(/\/requests\//);
    await expect.poll(() => victim.getByRole('button', { name: 'Ja, ga verder' }).count()).toBe(1);
    expect(await seriousViolations(victim)).toEqual([]);

    // The impostor's browser learns only that it happened elsewhere: no confirmation, no state, no consents.
    await attacker.goto(statusUrl);
    const seen = (await attacker.locator('main').textContent()) ?? '';
    expect(seen).toContain('in een andere browser');
    expect(await attacker.getByRole('button', { name: 'Ja, ga verder' }).count()).toBe(0);
    expect(await attacker.getByRole('button', { name: 'Mijn verzoek annuleren' }).count()).toBe(0);
    expect(await attacker.locator('[data-state]').count()).toBe(0);
    expect(await seriousViolations(attacker)).toEqual([]);
    // Posting the confirmation anyway (same-origin, with its cookie) is refused.
    const forced = await attacker.evaluate(
      async (url) =>
        (
          await fetch(`${url}/confirm`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'lang=nl',
          })
        ).status,
      statusUrl.split('?')[0]!,
    );
    expect(forced).toBe(403);
    // Reusing the spent link gives nothing either.
    await attacker.goto(local(linkIn(codeMail, '/link/')));
    expect(await attacker.locator('main').textContent()).toContain('Deze link werd al gebruikt');

    // Bob decides: he withdraws the request the impostor made.
    await submitWith(victim, 'Mijn verzoek annuleren');
    await rightsContextOf(served.app).idle();
    await victim.reload();
    expect(await stateOf(victim)).toBe('withdrawn');
    expect((await readTable(webshop, 'customers')).find((c) => c.id === 2)?.name).toBe('Bob Janssens');
    await attacker.close();
    await victim.close();
  });
});
