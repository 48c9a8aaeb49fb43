/**
 * Art. 19 and the grace period end to end, through the privacy center, the API and real mail: a recipient reached
 * through its HTTP store or its privacy contact is recorded as told, the others become the privacy officer's tasks
 * and the person reads "we will inform" for them; `erasureGracePeriod: P0D` erases at once with no cancel link, P7D
 * waits with the date, time and cancel link.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import { linkIn, type TestSmtp } from '../../test/support/smtp.js';
import { applyCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { tick } from './due.js';
import { rightsContextOf } from './register.js';
import { findRequest } from './repository.js';
import type { HttpShop } from './testing/fixtures.js';
import { verifiedRequest } from './testing/center.js';
import { rightsTestApp } from './testing/setup.js';
import { counterRequest, overrideStep, signedInAt } from './testing/staff.js';

let shop: HttpShop;
let smtp: TestSmtp;
let t: TestApp;
let charter: Charter;
let now = new Date();
const day = 86_400_000;

const rig = rightsTestApp({
  now: () => now,
  customise: (c) => {
    c.rights.erasureGracePeriod = 'P0D';
    const base = c.recipients[0]!;
    c.recipients = [
      { ...base, id: 'mailer', name: 'Mailer SA', privacyContact: 'privacy@mailer.example' },
      { ...base, id: 'hosting', name: 'Hosting Platform NV', store: 'shop' },
      { ...base, id: 'crm', name: 'CRM Vendor BV' },
      { ...c.recipients[1]!, id: 'stats', name: 'Stats Inc.' },
    ];
    for (const purpose of c.purposes)
      purpose.recipients = purpose.id === 'orders' ? ['mailer', 'crm'] : purpose.id === 'analytics' ? ['stats'] : [];
  },
});
beforeAll(() => {
  ({ shop, smtp, t, charter } = rig);
});
beforeEach(() => {
  now = new Date();
});

const scope = () => ({ organisationId: t.organisationId! });
const settle = () => rightsContextOf(t.app).idle();
let ip = 40;

function form(fields: Record<string, string>, cookie?: string) {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams({ lang: 'en', ...fields }).toString(),
  };
}

/** A request through the privacy center, verified with the mailed code; returns its id and status cookie. */
const verified = (fields: Record<string, string>, email: string) =>
  verifiedRequest(t, smtp, fields, email, `192.0.2.${++ip}`);

async function confirm(id: string, cookie: string) {
  await t.app.inject({ method: 'POST', url: `/privacy/main/requests/${id}/confirm`, ...form({}, cookie) });
  await settle();
}

const statusPage = (id: string, cookie: string) =>
  t.app.inject({ url: `/privacy/main/requests/${id}?lang=en`, headers: { cookie } });

describe('erasure with erasureGracePeriod: P0D', { timeout: 60_000 }, () => {
  it('says it erases as soon as confirmed, erases at once with no cancel link, and tells the recipients for real', async () => {
    const { id, cookie } = await verified(
      { type: 'erasure', identityType: 'customer-number', identity: 'C-0001' },
      'alice@example.be',
    );
    const before = await statusPage(id, cookie);
    expect(before.body).toContain('as soon as you confirm');
    expect(before.body).not.toMatch(/0 days|you can still cancel/);

    smtp.clear();
    await confirm(id, cookie);
    // At once: no lease to wait for, no clock moved, no tick.
    const request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('completed');
    expect(request?.executeAfter).toBeNull();
    expect((await shop.rows('customers')).find((c) => c.id === 1)?.name).toBe('[erased]');
    const cancelCodes = await t.database.db
      .selectFrom('rights_codes')
      .select('id')
      .where('request_id', '=', id)
      .where('purpose', '=', 'cancel')
      .execute();
    expect(cancelCodes).toEqual([]);
    expect(smtp.messages.some((m) => /erased on/.test(m.subject) || m.text.includes('/link/'))).toBe(false);

    // The recipient with a privacy contact got a notice: the reference and what to do, none of the person's data.
    const notice = await smtp.waitFor((m) => m.to.includes('privacy@mailer.example'));
    expect(notice.subject).toContain(request!.reference);
    expect(notice.text).toContain('erase the personal data of this person you received from us');
    expect(notice.text).not.toMatch(/alice|Peeters|C-0001/i);

    // The person reads who was told (the HTTP store called, the mail sent) and who will be (the officer's task).
    const done = await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.subject.includes('completed'));
    expect(done.text).toContain('Recipients we have informed (Art. 19):\n- Hosting Platform NV\n- Mailer SA');
    expect(done.text).toContain('Recipients we will inform (Art. 19):\n- CRM Vendor BV');
    expect(done.text).not.toMatch(/\bshop\b|customers|invoices|orders \//);

    // The records, and the officer's task through the API.
    const headers = await tokenFor(t, ['requests:read', 'requests:write']);
    const detail = (await t.app.inject({ url: `/api/v1/requests/${id}`, headers })).json();
    expect(
      detail.notifications.map(
        (n: { recipient: string; channel: string; state: string }) => `${n.recipient} ${n.channel} ${n.state}`,
      ),
    ).toEqual(['crm officer pending', 'hosting store done', 'mailer mail done']);
    const rows = await t.database.db
      .selectFrom('rights_notifications')
      .select(['recipient', 'detail', 'done_by'])
      .where('request_id', '=', id)
      .orderBy('recipient')
      .execute();
    expect(rows.find((r) => r.recipient === 'hosting')).toMatchObject({
      done_by: 'store:shop',
      detail: { store: 'shop' },
    });
    expect(rows.find((r) => r.recipient === 'mailer')).toMatchObject({
      done_by: 'mail',
      detail: { to: 'privacy@mailer.example' },
    });

    let page = await statusPage(id, cookie);
    expect(page.body).toMatch(/Recipients we will inform \(Art\. 19\)<\/h2><ul><li>CRM Vendor BV<\/li><\/ul>/);

    const marked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/notifications/crm`,
      headers,
      payload: { done: true },
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().notifications.find((n: { recipient: string }) => n.recipient === 'crm')).toMatchObject({
      state: 'done',
      channel: 'officer',
    });
    expect(marked.json().timeline.map((e: { kind: string }) => e.kind)).toContain('recipient-informed');
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'data'])
      .where('target', '=', `request:${id}`)
      .where('action', '=', 'request.recipient-informed')
      .execute();
    expect(
      audit
        .map((a) => `${(a.data as { recipient: string }).recipient} ${(a.data as { channel: string }).channel}`)
        .sort(),
    ).toEqual(['crm officer', 'hosting store', 'mailer mail']);
    page = await statusPage(id, cookie);
    expect(page.body).not.toContain('Recipients we will inform');
    expect(page.body).toContain('<li>CRM Vendor BV</li>');

    // A store call is not a task to tick; bad input is a 4xx with the field path.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/requests/${id}/notifications/hosting`,
          headers,
          payload: { done: false },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/requests/${id}/notifications/nobody`,
          headers,
          payload: { done: true },
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/notifications/crm`,
      headers,
      payload: { done: 'yes' },
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('done');
  });
});

describe('restriction', { timeout: 60_000 }, () => {
  it('tells the recipient whose HTTP store was called, and leaves the others to the officer', async () => {
    const { id } = await verified(
      { type: 'restriction', identityType: 'email', identity: 'carol@example.be', ground: 'accuracy-contested' },
      'carol@example.be',
    );
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('completed');
    const done = await smtp.waitFor((m) => m.to.includes('carol@example.be') && m.subject.includes('completed'));
    expect(done.text).toContain('Recipients we have informed (Art. 19):\n- Hosting Platform NV');
    expect(done.text).toContain('- Mailer SA');
    const notice = await smtp.waitFor((m) => m.to.includes('privacy@mailer.example'));
    expect(notice.text).toContain('restrict the processing');
  });
});

describe('a notice that did not go out', { timeout: 60_000 }, () => {
  it('is sent again by the clock, and recorded as told only then', async () => {
    // As if the process died right after completing the request, before mailing the recipient.
    const record = await t.database.db
      .selectFrom('rights_notifications')
      .select(['id', 'request_id'])
      .where('recipient', '=', 'mailer')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('rights_notifications')
      .set({
        state: 'pending',
        done_at: null,
        done_by: null,
        detail: '{}',
        created_at: new Date(now.getTime() - 10 * 60_000),
      })
      .where('id', '=', record.id)
      .execute();
    smtp.clear();
    const report = await tick(rightsContextOf(t.app));
    expect(report.recipientNotices).toBe(1);
    const reference = (await findRequest(t.database.db, scope(), record.request_id))!.reference;
    expect((await smtp.waitFor((m) => m.to.includes('privacy@mailer.example'))).subject).toContain(reference);
    const after = await t.database.db
      .selectFrom('rights_notifications')
      .select(['state', 'done_by'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ state: 'done', done_by: 'mail' });
    expect((await tick(rightsContextOf(t.app))).recipientNotices).toBe(0);
  });
});

describe('erasure with erasureGracePeriod: P7D', { timeout: 60_000 }, () => {
  it('waits seven days, with the date and time and the cancel link in page and mail, then erases', async () => {
    await applyCharter(t.database.db, scope(), {
      charter: { ...charter, rights: { ...charter.rights, erasureGracePeriod: 'P7D' } },
      source: 'test',
      format: 'json',
      actor: 'system',
    });
    const { id, cookie } = await verified(
      { type: 'erasure', identityType: 'customer-number', identity: 'C-0002' },
      'bob@example.be',
    );
    expect((await statusPage(id, cookie)).body).toContain('7 days after you confirm: on ');
    await confirm(id, cookie);
    const request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('verified');
    expect(request!.executeAfter!.getTime() - now.getTime()).toBeGreaterThanOrEqual(7 * day - 3_600_000);
    const scheduled = await smtp.waitFor((m) => m.subject.includes('erased on'));
    expect(scheduled.subject).toMatch(/ at \d{2}:\d{2}$/);
    expect(linkIn(scheduled, '/link/')).toBeTruthy();
    const page = await statusPage(id, cookie);
    expect(page.body).toMatch(/will be erased on .+ at \d{2}:\d{2}/);
    expect(page.body).toContain('/cancel');

    await tick(rightsContextOf(t.app));
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('verified');
    now = new Date(now.getTime() + 8 * day);
    await tick(rightsContextOf(t.app));
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('completed');
    expect((await shop.rows('customers')).find((c) => c.id === 2)?.name).toBe('[erased]');
  });
});

describe('erasure verified by an override, with erasureGracePeriod: P7D', { timeout: 60_000 }, () => {
  it('waits too, and mails the person the date and time and the cancel link', async () => {
    await applyCharter(t.database.db, scope(), {
      charter: { ...charter, rights: { ...charter.rights, erasureGracePeriod: 'P7D' } },
      source: 'test',
      format: 'json',
      actor: 'system',
    });
    const officer = async (role: 'privacy-officer' | 'owner') => (await signedInAt(t, role, now)).headers;
    const created = await counterRequest(t, 'erasure', { type: 'email', value: 'dave@example.be' });
    await settle();
    smtp.clear();
    expect((await overrideStep(t, created.id, 'propose', await officer('privacy-officer'))).statusCode).toBe(200);
    expect((await overrideStep(t, created.id, 'approve', await officer('owner'))).statusCode).toBe(200);
    await settle();
    expect((await findRequest(t.database.db, scope(), created.id))?.state).toBe('verified');
    const scheduled = await smtp.waitFor((m) => m.to.includes('dave@example.be') && m.subject.includes('erased on'));
    expect(scheduled.subject).toMatch(/ at \d{2}:\d{2}$/);
    const cancel = new URL(linkIn(scheduled, '/link/'));
    expect((await t.app.inject({ url: cancel.pathname + cancel.search })).body).toContain('Cancel the request');
  });
});
