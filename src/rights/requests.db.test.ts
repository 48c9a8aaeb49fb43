import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { codeIn, linkIn, type TestSmtp } from '../../test/support/smtp.js';
import { isSuppressed } from '../consent/suppression.js';
import { recordPurposeConsent } from '../consent/purpose-consent.js';
import { rightsContextOf } from './register.js';
import { findRequest } from './repository.js';
import { tick } from './due.js';
import type { HttpShop } from './testing/fixtures.js';
import { fileRequest, formOf as form, statusPage, verifyRequest, withdrawAtCenter } from './testing/center.js';
import { rightsTestApp } from './testing/setup.js';

let shop: HttpShop;
let smtp: TestSmtp;
let t: TestApp;
let now = new Date();
const clock = () => now;
const day = 86_400_000;

const rig = rightsTestApp({ now: clock });
beforeAll(() => {
  ({ shop, smtp, t } = rig);
});
beforeEach(() => {
  now = new Date();
});

const scope = () => ({ organisationId: t.organisationId! });
const settle = () => rightsContextOf(t.app).idle();
const path = (link: string) => new URL(link).pathname + new URL(link).search;

const submit = (fields: Record<string, string>, ip = '192.0.2.10') => fileRequest(t, fields, ip);
const verify = (id: string, cookie: string, code: string, ip = '192.0.2.10') => verifyRequest(t, id, cookie, code, ip);
const status = (id: string, cookie: string) => statusPage(t, id, cookie);

async function auditOf(requestId: string) {
  return t.database.db
    .selectFrom('audit_entries')
    .select(['action', 'data', 'actor'])
    .where('target', '=', `request:${requestId}`)
    .orderBy('seq')
    .execute();
}

describe('the privacy center page', () => {
  it('renders the center in the negotiated language with the request form, themed, without inline scripts', async () => {
    const nl = await t.app.inject({ url: '/privacy/main', headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' } });
    expect(nl.statusCode).toBe(200);
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('Privacycentrum');
    expect(nl.body).toContain('href="/privacy/main/notice?lang=nl"');
    expect(nl.body).toContain('data-charter-open');
    expect(nl.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)/);
    expect(nl.body).not.toMatch(/\sstyle=/);
    const fr = await t.app.inject({ url: '/privacy/main?lang=fr', headers: { 'accept-language': 'nl' } });
    expect(fr.body).toContain('Centre de confidentialité');
    const theme = await t.app.inject({ url: '/privacy/main/theme.css' });
    expect(theme.body).toContain('--accent: #0f5132');
    const script = await t.app.inject({ url: '/assets/privacy/privacy.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body.length).toBeLessThan(2000);
  });

  it('answers an unknown site with 404 and a bad form with 422 naming the fields, never a 500', async () => {
    expect((await t.app.inject({ url: '/privacy/nope' })).statusCode).toBe(404);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/requests',
      ...form({ type: 'access', identityType: 'email', identity: 'not-an-email', lang: 'en' }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="identity-error"');
    expect(bad.body).toContain('aria-invalid="true"');
    const missing = await t.app.inject({ method: 'POST', url: '/privacy/main/requests', ...form({ lang: 'en' }) });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('id="type-error"');
    const withdrawal = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/requests',
      ...form({
        type: 'withdrawal',
        identityType: 'email',
        identity: 'a@example.be',
        withdrawalPurpose: 'orders',
        lang: 'en',
      }),
    });
    expect(withdrawal.statusCode).toBe(422);
    expect(withdrawal.body).toContain('id="withdrawalPurpose-error"');
  });
});

describe('an access request from intake to download', { timeout: 60_000 }, () => {
  it('sends the code to the address on file, verifies, builds the package and delivers it once with a fresh code', async () => {
    smtp.clear();
    const { response, cookie, id } = await submit({
      type: 'access',
      identityType: 'email',
      identity: 'Alice@Example.be',
    });
    expect(response.statusCode).toBe(303);
    expect(cookie).toMatch(/^charter_request=/);
    const page = await status(id, cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-state="awaiting-verification"');

    const codeMail = await smtp.waitFor((m) => m.to.includes('alice@example.be'));
    expect(codeMail.subject).toContain('R-');
    // The outbox keeps a copy of what went out by SMTP, without the code and the link secret.
    const copy = await t.database.db
      .selectFrom('mail_outbox')
      .select('text')
      .where('template', '=', 'request.code')
      .where('recipient', '=', 'alice@example.be')
      .executeTakeFirstOrThrow();
    expect(copy.text).toContain('[secret]');
    const sentCode = codeIn(codeMail);
    expect(copy.text).not.toContain(`${sentCode.slice(0, 4)} ${sentCode.slice(4)}`);
    expect(copy.text).not.toContain(sentCode);
    expect(copy.text).not.toContain(new URL(linkIn(codeMail, '/link/')).pathname);
    expect(await verify(id, cookie, codeIn(codeMail))).toHaveProperty('statusCode', 303);

    const request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('completed');
    const packageMail = await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.text.includes('/download/'));
    const link = path(linkIn(packageMail, '/download/'));
    const downloadPage = await t.app.inject({ url: link });
    expect(downloadPage.statusCode).toBe(200);
    const secretPath = link.split('?')[0]!;

    smtp.clear();
    const sent = await t.app.inject({ method: 'POST', url: `${secretPath}/code`, ...form({ lang: 'en' }) });
    expect(sent.statusCode).toBe(303);
    const downloadCode = codeIn(await smtp.waitFor((m) => m.subject.includes('download')));
    const file = await t.app.inject({ method: 'POST', url: secretPath, ...form({ code: downloadCode, lang: 'en' }) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/zip');

    const files = unzipSync(file.rawPayload);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'report.html',
        'data.json',
        'consents.json',
        'tables/shop.customers.csv',
        'tables/shop.invoices.csv',
      ]),
    );
    const data = strFromU8(files['data.json']!);
    expect(data).toContain('Alice Peeters');
    expect(data).toContain('Kerkstraat 1, 9000 Gent');
    expect(data).not.toContain('bob@example.be');
    // Secrets never leave: the password hash column is declared secret.
    expect(data).not.toContain('$argon2id$');
    expect(strFromU8(files['tables/shop.customers.csv']!)).not.toContain('password_hash');
    const report = strFromU8(files['report.html']!);
    expect(report).toContain('<html lang="en">');
    expect(report).toContain('a contract with you');
    expect(report).toContain('Mailer SA');
    expect(report).toContain('Data Protection Authority');

    // The link works once.
    expect((await t.app.inject({ url: link })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: secretPath, ...form({ code: downloadCode }) })).statusCode).toBe(
      404,
    );

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'request.received',
        'request.awaiting-verification',
        'request.verified',
        'request.in-progress',
        'request.package-created',
        'request.completed',
        'request.package-downloaded',
      ]),
    );
    expect(JSON.stringify(audit)).not.toMatch(/alice|Alice|Peeters/);
  });

  it('includes the person’s purpose consents and their ledger history', async () => {
    await recordPurposeConsent(
      {
        db: t.database.db,
        mailer: { send: async () => ({ id: 'x', transport: 'outbox' }) },
        clock,
        publicUrl: 'http://charter.test',
      },
      scope(),
      { email: 'carol@example.be', purpose: 'newsletter', language: 'en' },
      { actor: 'system', method: 'signed-form' },
    );
    smtp.clear();
    const { cookie, id } = await submit(
      { type: 'portability', identityType: 'email', identity: 'carol@example.be' },
      '192.0.2.11',
    );
    await verify(id, cookie, codeIn(await smtp.waitFor((m) => m.to.includes('carol@example.be'))), '192.0.2.11');
    const request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('completed');
    const content = await t.database.db
      .selectFrom('rights_packages')
      .select('content')
      .where('request_id', '=', id)
      .executeTakeFirstOrThrow();
    const files = unzipSync(new Uint8Array(content.content!));
    const consents = JSON.parse(strFromU8(files['consents.json']!));
    expect(consents.current).toEqual([expect.objectContaining({ purpose: 'newsletter', granted: true })]);
    expect(strFromU8(files['report.html']!)).toContain('Newsletter');

    // Manage my consent: once verified, the status page lists the person's purpose consents, each withdrawable.
    const page = await status(id, cookie);
    expect(page.body).toContain('Your consents');
    expect(page.body).toContain('name="purpose" value="newsletter"');
    const withdrawn = await withdrawAtCenter(t, id, cookie, 'newsletter');
    expect(withdrawn.headers.location).toContain('withdrawn=1');
    const { purposeConsentsOf } = await import('../consent/purpose-consent.js');
    expect(
      (await purposeConsentsOf(t.database.db, scope(), 'carol@example.be')).find((c) => c.purpose === 'newsletter')
        ?.status,
    ).toBe('withdrawn');
    const after = await t.app.inject({ url: String(withdrawn.headers.location), headers: { cookie } });
    expect(after.body).toContain('Your consent has been withdrawn.');
    expect(after.body).not.toContain('name="purpose" value="newsletter"');
    // A day later the status page no longer offers it: verification is fresh or it is nothing.
    now = new Date(now.getTime() + 25 * 3_600_000);
    expect((await status(id, cookie)).body).not.toContain('Your consents');
    const late = await withdrawAtCenter(t, id, cookie, 'newsletter');
    expect(late.headers.location).not.toContain('withdrawn=1');
  });
});

describe('erasure with a grace period', { timeout: 60_000 }, () => {
  it('waits the grace period, then erases, keeps invoices under the VAT hold and tells what was kept and why', async () => {
    smtp.clear();
    const { cookie, id } = await submit(
      { type: 'erasure', identityType: 'customer-number', identity: 'C-0001' },
      '192.0.2.12',
    );
    await verify(id, cookie, codeIn(await smtp.waitFor((m) => m.to.includes('alice@example.be'))), '192.0.2.12');
    let page = await status(id, cookie);
    expect(page.body).toContain('/confirm');
    await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${id}/confirm`,
      ...form({ lang: 'en' }, { cookie }),
    });
    await settle();
    let request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('verified');
    expect(request!.executeAfter!.getTime() - now.getTime()).toBeGreaterThanOrEqual(7 * day - 3_600_000);
    const scheduled = await smtp.waitFor((m) => m.subject.includes('erased on'));
    expect(linkIn(scheduled, '/link/')).toBeTruthy();

    // Nothing happens before the grace period ends.
    await tick(rightsContextOf(t.app));
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('verified');
    expect((await shop.rows('customers')).find((c) => c.id === 1)?.name).toBe('Alice Peeters');

    now = new Date(now.getTime() + 8 * day);
    await tick(rightsContextOf(t.app));
    request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('completed');
    const customer = (await shop.rows('customers')).find((c) => c.id === 1);
    expect(customer?.name).toBe('[erased]');
    expect(customer?.phone).toBeNull();
    expect((await shop.rows('orders')).filter((o) => o.customer_id === 1)).toEqual([]);
    const invoices = (await shop.rows('invoices')).filter((i) => i.customer_id === 1);
    const invoice = (number: string) => invoices.find((i) => i.number === number);
    // Past the 10-year VAT period: masked. Under the VAT hold: reduced to the kept columns. Under a legal claim: whole.
    expect(invoice('F-2013-001')).toMatchObject({ billing_name: null, billing_email: null });
    expect(invoice('F-2024-051')).toMatchObject({ billing_name: 'Alice Peeters', billing_email: null });
    expect(invoice('F-2023-052')).toMatchObject({
      billing_name: 'Alice Peeters',
      billing_email: 'billing@alice.example',
    });
    // The erasure ran as a resumable store job: one step per store, done, each with its audit entry (counts only).
    const job = await t.database.db
      .selectFrom('store_jobs')
      .select(['status', 'kind', 'dry_run'])
      .where('id', '=', `${id}:erasure`)
      .executeTakeFirst();
    expect(job).toEqual({ status: 'completed', kind: 'erasure', dry_run: false });
    const steps = await t.database.db
      .selectFrom('store_job_steps')
      .select(['store_id', 'status'])
      .where('job_id', '=', `${id}:erasure`)
      .execute();
    expect(steps).toEqual([{ store_id: 'shop', status: 'done' }]);
    const stepAudit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'data'])
      .where('target', '=', `store-job:${id}:erasure`)
      .execute();
    expect(stepAudit.map((a) => a.action)).toEqual(['store.erasure']);
    expect(JSON.stringify(stepAudit)).not.toMatch(/alice|Alice|Peeters/);

    page = await status(id, cookie);
    expect(page.body).toContain('Belgian VAT Code, art. 60');
    expect(page.body).toContain('data-hold="vat-invoices"');
    const done = await smtp.waitFor((m) => m.subject.includes('completed'));
    expect(done.text).toContain('Belgian VAT Code, art. 60');
    expect(done.text).toContain('Mailer SA');
  });

  it('can be cancelled from the mailed link during the grace period; the link then works no more', async () => {
    smtp.clear();
    const { cookie, id } = await submit(
      { type: 'erasure', identityType: 'email', identity: 'bob@example.be' },
      '192.0.2.13',
    );
    await verify(id, cookie, codeIn(await smtp.waitFor((m) => m.to.includes('bob@example.be'))), '192.0.2.13');
    await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${id}/confirm`,
      ...form({ lang: 'en' }, { cookie }),
    });
    await settle();
    const cancelLink = path(linkIn(await smtp.waitFor((m) => m.subject.includes('erased on')), '/link/'));
    expect((await t.app.inject({ url: cancelLink })).body).toContain('Cancel the request');
    const used = await t.app.inject({ method: 'POST', url: cancelLink.split('?')[0]!, ...form({ lang: 'en' }) });
    expect(used.statusCode).toBe(303);
    await settle();
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('withdrawn');
    expect(
      (await t.app.inject({ method: 'POST', url: cancelLink.split('?')[0]!, ...form({ lang: 'en' }) })).statusCode,
    ).toBe(410);
    now = new Date(now.getTime() + 9 * day);
    await tick(rightsContextOf(t.app));
    expect((await shop.rows('customers')).find((c) => c.id === 2)?.name).toBe('Bob Janssens');
  });
});

describe('objection to direct marketing', { timeout: 60_000 }, () => {
  it('suppresses the address at once, even when nobody holds it', async () => {
    const { response } = await submit(
      { type: 'objection', objectionKind: 'direct-marketing', identityType: 'email', identity: 'stranger@example.org' },
      '192.0.2.14',
    );
    expect(response.statusCode).toBe(303);
    expect(await isSuppressed(t.database.db, scope(), 'stranger@example.org')).toBe(true);
  });
});

describe('deadlines', { timeout: 60_000 }, () => {
  it('closes a request that could not be verified at its deadline, with the Art. 12 explanation', async () => {
    smtp.clear();
    const { cookie, id } = await submit(
      { type: 'access', identityType: 'email', identity: 'nobody@example.org' },
      '192.0.2.15',
    );
    now = new Date(now.getTime() + 33 * day);
    await tick(rightsContextOf(t.app));
    const request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('refused');
    expect(request?.refusalReason).toBe('not-verifiable');
    const page = await status(id, cookie);
    expect(page.body).toContain('Art. 11(2)');
    const letter = await smtp.waitFor((m) => m.to.includes('nobody@example.org'));
    expect(letter.text).toContain('12(2)');
  });
});
