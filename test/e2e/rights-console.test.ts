// The Requests area of the console in real Chromium: the inbox with its deadlines and filters, one request with its
// timeline and plan, approval of the plan by a privacy officer, the Art. 19 task of telling a recipient, and a request
// entered from a letter — axe-checked.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, verifyCode } from '../../src/rights/intake.js';
import { rightsContextOf } from '../../src/rights/register.js';
import { findRequest } from '../../src/rights/repository.js';
import { rightsCharter, startHttpShop, type HttpShop } from '../../src/rights/testing/fixtures.js';
import { signedInUser } from '../support/auth.js';
import { ensureConsoleBuilt } from '../support/console-build.js';
import { launchBrowser, seriousViolations, signInToConsole } from '../support/browser.js';
import { serveTestApp, type ServedApp } from '../support/server.js';
import { codeIn, startSmtp, type TestSmtp } from '../support/smtp.js';

const email = 'requests-officer@testco.example';
const password = 'a long and secret passphrase';

let shop: HttpShop;
let smtp: TestSmtp;
let served: ServedApp;
let browser: Browser;
let page: Page;
let waitingId: string;

beforeAll(async () => {
  await ensureConsoleBuilt();
  shop = await startHttpShop('shop');
  smtp = await startSmtp();
  served = await serveTestApp({
    charter: rightsCharter([shop.store], (c) => (c.rights.approval = ['erasure'])),
    env: { SMTP_URL: smtp.url },
  });
  const context = rightsContextOf(served.app);
  const scope = { organisationId: served.organisationId! };
  // An erasure by customer number, verified and confirmed, past its grace period: waiting for approval.
  const { request } = await submit(context, scope, {
    site: 'main',
    type: 'erasure',
    channel: 'web',
    identity: { type: 'customer-number', value: 'C-0001' },
    details: {},
    actor: 'subject',
  });
  await context.idle();
  const code = codeIn(await smtp.waitFor((m) => m.to.includes('alice@example.be')));
  expect(await verifyCode(context, scope, request.id, code)).toBe('confirm');
  const { confirm } = await import('../../src/rights/intake.js');
  await confirm(context, scope, request.id);
  await served.database.db
    .updateTable('rights_requests')
    .set({ execute_after: new Date(Date.now() - 1000) })
    .where('id', '=', request.id)
    .execute();
  const { advance } = await import('../../src/rights/fulfilment.js');
  await advance(context, scope, request.id);
  expect((await findRequest(served.database.db, scope, request.id))?.state).toBe('awaiting-approval');
  waitingId = request.id;
  await signedInUser(served, 'privacy-officer', { email, password });
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await smtp?.close();
  await shop?.close();
}, 60_000);

const heading = async () => (await page.locator('h1').textContent())?.trim();

describe('the Requests area of the console', () => {
  it('lists requests with their deadlines and filters them', async () => {
    await signInToConsole(page, served, { email, password });
    await expect.poll(heading).toBe('Charter overview');
    await page.getByRole('link', { name: 'Requests', exact: true }).click();
    await expect.poll(heading).toBe('Requests');
    const row = page.getByRole('row', { name: /erasure/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('awaiting approval');
    expect(await row.textContent()).toMatch(/\d+ days? left/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Status').selectOption('completed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByText('No request matches.').isVisible()).toBe(true);
  });

  it('shows the plan and timeline of a request, and executes it once approved', async () => {
    await page.goto(`${served.url}/console/requests/${waitingId}`);
    await expect.poll(heading).toMatch(/^Request R-/);
    const plan = page.locator('section', { has: page.getByRole('heading', { name: 'Plan' }) });
    expect(await plan.textContent()).toContain('Belgian VAT Code, art. 60');
    expect(await plan.textContent()).toContain('customers');
    // Before anything runs: each table reached, its rows and how (here an HTTP store: its adapter chooses the rows).
    expect(await plan.textContent()).toContain('Rows the request reaches');
    expect(await plan.textContent()).toMatch(/shop \/ orders3\s*0\s*chosen by the connected system/);
    expect(
      await page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) }).textContent(),
    ).toContain('awaiting verification → verified');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Approve and execute' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-state]').getAttribute('data-state')).toBe('completed');
    expect(
      await page.locator('section', { has: page.getByRole('heading', { name: 'Result' }) }).textContent(),
    ).toContain('Erased');
    expect((await shop.rows('customers')).find((c) => c.id === 1)?.name).toBe('[erased]');
    // Art. 19: the recipient without a privacy contact or connected system is the officer's task, ticked here.
    const recipients = page.locator('section', { has: page.getByRole('heading', { name: 'Recipients (Art. 19)' }) });
    expect(await recipients.textContent()).toContain('Mailer SA — to be told by you: Not yet informed');
    expect(await seriousViolations(page)).toEqual([]);
    await recipients.getByRole('button', { name: 'Mark as informed' }).click();
    await expect.poll(() => recipients.locator('[data-recipient="mailer"]').getAttribute('data-told')).toBe('done');
    expect(await recipients.getByRole('button', { name: 'Mark as not informed' }).isVisible()).toBe(true);
  });

  it('shows the Art. 18 task of restricting by hand a table that cannot mark it, apart from the recipients', async () => {
    const context = rightsContextOf(served.app);
    const scope = { organisationId: served.organisationId! };
    // Dave is only in the newsletter, which has no restrictColumn.
    const { request } = await submit(context, scope, {
      site: 'main',
      type: 'restriction',
      channel: 'web',
      identity: { type: 'email', value: 'dave@example.be' },
      details: { restriction: { ground: 'accuracy-contested' } },
      actor: 'subject',
    });
    await context.idle();
    const code = codeIn(await smtp.waitFor((m) => m.to.includes('dave@example.be')));
    const { confirm } = await import('../../src/rights/intake.js');
    if ((await verifyCode(context, scope, request.id, code)) === 'confirm') await confirm(context, scope, request.id);
    const { advance } = await import('../../src/rights/fulfilment.js');
    await advance(context, scope, request.id);
    await context.idle();
    expect((await findRequest(served.database.db, scope, request.id))?.state).toBe('completed');

    await page.goto(`${served.url}/console/requests/${request.id}`);
    await expect.poll(heading).toMatch(/^Request R-/);
    const tasks = page.locator('section', { has: page.getByRole('heading', { name: 'Restrict by hand (Art. 18)' }) });
    await expect.poll(() => tasks.textContent()).toContain('Restrict by hand: store shop, table newsletter');
    expect(await tasks.textContent()).toContain('Not yet done');
    expect(await page.getByRole('heading', { name: 'Recipients (Art. 19)' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await tasks.getByRole('button', { name: 'Mark as done' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => tasks.locator('[data-task="restrict:shop/newsletter"]').getAttribute('data-done'))
      .toBe('done');
  });

  it('records a request received by post', async () => {
    await page.goto(`${served.url}/console/requests`);
    await expect.poll(heading).toBe('Requests');
    smtp.clear();
    await page.getByLabel('Site', { exact: true }).last().selectOption('main');
    await page.getByLabel('Channel').selectOption('post');
    await page.getByLabel('Identity type').selectOption('customer-number');
    await page.getByLabel('Identity (email, customer number…)').fill('C-0003');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await expect.poll(() => page.getByText(/a one-time code went to the contact on file/).isVisible()).toBe(true);
    await rightsContextOf(served.app).idle();
    await smtp.waitFor((m) => m.to.includes('carol@example.be'));
    expect(await seriousViolations(page)).toEqual([]);
  });
});
