/**
 * The privacy team's side: intake by other channels, the inbox, approval of plans, refusal, extension, overrides by
 * two people, and what the clock brings (reminders, package expiry) — through the API, as the console uses it.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import type { Role } from '../accounts/caller.js';
import { codeIn, type TestSmtp } from '../../test/support/smtp.js';
import { applyCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { purposeConsentsOf, recordPurposeConsent } from '../consent/purpose-consent.js';
import { tick } from './due.js';
import { rightsContextOf } from './register.js';
import { findRequest } from './repository.js';
import type { HttpShop } from './testing/fixtures.js';
import { verifiedRequest as verifiedAtCenter } from './testing/center.js';
import { rightsTestApp } from './testing/setup.js';
import { counterRequest, overrideStep, signedInAt } from './testing/staff.js';

let shop: HttpShop;
let smtp: TestSmtp;
let t: TestApp;
let charter: Charter;
let now = new Date();
const day = 86_400_000;

const rig = rightsTestApp({ now: () => now });
beforeAll(() => {
  ({ shop, smtp, t, charter } = rig);
});

beforeEach(() => {
  now = new Date();
});

const scope = () => ({ organisationId: t.organisationId! });

/** A signed-in user whose session is valid at the test clock's time. */
const signedInUser = (testApp: TestApp, role: Role) => signedInAt(testApp, role, now);
const settle = () => rightsContextOf(t.app).idle();
let ip = 0;

/** A request through the privacy center (in Dutch), verified with the code from the mail; returns its id. */
async function verifiedRequest(fields: Record<string, string>, email: string): Promise<string> {
  return (await verifiedAtCenter(t, smtp, { lang: 'nl', ...fields }, email, `192.0.2.${++ip}`)).id;
}

describe('intake by staff and the inbox', { timeout: 60_000 }, () => {
  it('records a request received by post, sends the code to the contact on file, and lists it masked', async () => {
    smtp.clear();
    const headers = await tokenFor(t, ['requests:write', 'requests:read']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers,
      payload: {
        site: 'main',
        type: 'access',
        channel: 'post',
        language: 'fr',
        identity: { type: 'customer-number', value: 'C-0002' },
        details: { message: 'Lettre du 3 mars' },
      },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ channel: 'post', type: 'access', identity: 'C-0***', language: 'fr' });
    await settle();
    const mail = await smtp.waitFor((m) => m.to.includes('bob@example.be'));
    expect(mail.subject).toContain('Votre code');
    const detail = (await t.app.inject({ url: `/api/v1/requests/${body.id}`, headers })).json();
    expect(detail.contacts).toEqual(['bo***@example.be']);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'state']);
    expect(JSON.stringify(detail)).not.toContain('bob@example.be');

    const inbox = (
      await t.app.inject({ url: '/api/v1/requests?state=awaiting-verification&type=access&site=main', headers })
    ).json();
    expect(inbox.requests.map((r: { id: string }) => r.id)).toContain(body.id);
    const none = (await t.app.inject({ url: '/api/v1/requests?type=erasure&state=completed', headers })).json();
    expect(none.requests.map((r: { id: string }) => r.id)).not.toContain(body.id);
    expect((await t.app.inject({ url: '/api/v1/requests?state=nonsense', headers })).statusCode).toBe(422);
  });

  it('refuses writes to a read-only token and to nobody', async () => {
    const reader = await tokenFor(t, ['requests:read']);
    const payload = {
      site: 'main',
      type: 'access',
      channel: 'phone',
      identity: { type: 'email', value: 'alice@example.be' },
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: reader, payload })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/requests', payload })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/requests' })).statusCode).toBe(401);
  });
});

describe('deadlines and extension', { timeout: 60_000 }, () => {
  it('extends once, with a reason mailed to the requester, and only before the deadline passes', async () => {
    await applyCharter(t.database.db, scope(), {
      charter: { ...charter, rights: { ...charter.rights, approval: ['access'] } },
      source: 'test',
      format: 'json',
      actor: 'system',
    });
    const id = await verifiedRequest(
      { type: 'access', identityType: 'email', identity: 'carol@example.be' },
      'carol@example.be',
    );
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-approval');
    const officer = await signedInUser(t, 'privacy-officer');
    smtp.clear();
    const before = await findRequest(t.database.db, scope(), id);
    const extended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/extend`,
      headers: officer.headers,
      payload: { reason: 'Your data is spread over many years of orders.' },
    });
    expect(extended.statusCode).toBe(200);
    expect(extended.json().extended).toBe(true);
    const after = await findRequest(t.database.db, scope(), id);
    expect(after!.dueAt.getTime()).toBeGreaterThan(before!.dueAt.getTime() + 55 * day);
    const letter = await smtp.waitFor((m) => m.to.includes('carol@example.be'));
    expect(letter.text).toContain('Your data is spread over many years of orders.');
    expect(letter.text).toContain('12, lid 3');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/extend`,
      headers: officer.headers,
      payload: { reason: 'Once more, please, we are busy.' },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/requests/${id}/extend`,
          headers: officer.headers,
          payload: { reason: 'short' },
        })
      ).statusCode,
    ).toBe(422);

    const late = await verifiedRequest(
      { type: 'access', identityType: 'email', identity: 'dave@example.be' },
      'dave@example.be',
    );
    now = new Date(now.getTime() + 32 * day);
    const lateOfficer = await signedInUser(t, 'privacy-officer');
    const tooLate = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${late}/extend`,
      headers: lateOfficer.headers,
      payload: { reason: 'We forgot about it for a month.' },
    });
    expect(tooLate.statusCode).toBe(409);
    const overdue = (await t.app.inject({ url: '/api/v1/requests?overdue=true', headers: lateOfficer.headers })).json();
    expect(overdue.requests.map((r: { id: string }) => r.id)).toContain(late);
    expect(overdue.overdue).toBeGreaterThan(0);
    await applyCharter(t.database.db, scope(), { charter, source: 'test', format: 'json', actor: 'system' });
  });

  it('reminds the privacy officers at 7 and 2 days and when overdue, each once', async () => {
    await applyCharter(t.database.db, scope(), {
      charter: { ...charter, rights: { ...charter.rights, approval: ['access'] } },
      source: 'test',
      format: 'json',
      actor: 'system',
    });
    const officer = await signedInUser(t, 'privacy-officer');
    const id = await verifiedRequest(
      { type: 'access', identityType: 'email', identity: 'erin@example.be' },
      'erin@example.be',
    );
    const request = (await findRequest(t.database.db, scope(), id))!;
    smtp.clear();
    const context = rightsContextOf(t.app);
    now = new Date(request.dueAt.getTime() - 6.5 * day);
    await tick(context);
    await tick(context);
    expect(smtp.to(officer.email).filter((m) => m.subject.includes(request.reference))).toHaveLength(1);
    now = new Date(request.dueAt.getTime() - 1.5 * day);
    await tick(context);
    now = new Date(request.dueAt.getTime() + 1000);
    await tick(context);
    await tick(context);
    const subjects = smtp
      .to(officer.email)
      .filter((m) => m.subject.includes(request.reference))
      .map((m) => m.subject);
    expect(subjects).toEqual([
      `Request ${request.reference} is due in 7 days`,
      `Request ${request.reference} is due in 2 days`,
      `Request ${request.reference} is overdue`,
    ]);
    await applyCharter(t.database.db, scope(), { charter, source: 'test', format: 'json', actor: 'system' });
  });
});

describe('plans, approval and the other request types', { timeout: 60_000 }, () => {
  it('shows an erasure plan for approval, then executes it when approved', async () => {
    await applyCharter(t.database.db, scope(), {
      charter: { ...charter, rights: { ...charter.rights, approval: ['erasure'] } },
      source: 'test',
      format: 'json',
      actor: 'system',
    });
    const officer = await signedInUser(t, 'privacy-officer');
    smtp.clear();
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/requests',
      remoteAddress: '192.0.2.200',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'type=erasure&identityType=email&identity=frank%40example.be&lang=en',
    });
    const id = /requests\/([0-9a-f-]{36})/.exec(String(submitted.headers.location))![1]!;
    const cookie = String(submitted.headers['set-cookie']).split(';')[0]!;
    await settle();
    const code = codeIn(await smtp.waitFor((m) => m.to.includes('frank@example.be')));
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${id}/verify`,
      headers: form,
      payload: `code=${code}`,
    });
    await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${id}/confirm`,
      headers: form,
      payload: 'lang=en',
    });
    await settle();
    // During the grace period the officer can look at the plan already.
    const planned = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/plan`,
      headers: officer.headers,
    });
    expect(planned.json().plan.erasure.erased).toEqual([
      expect.objectContaining({
        table: 'newsletter',
        rows: 1,
        deleted: 1,
        fields: ['email: delete', 'first_name: delete'],
      }),
    ]);
    now = new Date(now.getTime() + 8 * day);
    await tick(rightsContextOf(t.app));
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-approval');
    expect(smtp.to(officer.email).some((m) => m.subject.includes('waits for your approval'))).toBe(true);
    expect((await shop.rows('newsletter')).some((r) => r.email === 'frank@example.be')).toBe(true);
    const later = await signedInUser(t, 'privacy-officer');
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/approve`,
      headers: later.headers,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'completed', approvedBy: `user:${later.userId}` });
    expect((await shop.rows('newsletter')).some((r) => r.email === 'frank@example.be')).toBe(false);
    await applyCharter(t.database.db, scope(), { charter, source: 'test', format: 'json', actor: 'system' });
  });

  it('rectifies after an officer reviews the proposed column changes', async () => {
    const officer = await signedInUser(t, 'privacy-officer');
    const id = await verifiedRequest(
      {
        type: 'rectification',
        category: 'identity.name',
        desired: 'Bob J. Janssens',
        identityType: 'email',
        identity: 'bob@example.be',
      },
      'bob@example.be',
    );
    const waiting = (await t.app.inject({ url: `/api/v1/requests/${id}`, headers: officer.headers })).json();
    expect(waiting.state).toBe('awaiting-approval');
    expect(waiting.plan.changes).toEqual(
      expect.arrayContaining([{ store: 'shop', table: 'customers', column: 'name' }]),
    );
    const edited = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/changes`,
      headers: officer.headers,
      payload: { changes: [{ store: 'shop', table: 'customers', column: 'name', value: 'Bob J. Janssens' }] },
    });
    expect(edited.statusCode).toBe(200);
    const secret = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/changes`,
      headers: officer.headers,
      payload: { changes: [{ store: 'shop', table: 'customers', column: 'password_hash', value: 'x' }] },
    });
    expect(secret.statusCode).toBe(422);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/approve`,
      headers: officer.headers,
    });
    expect(done.json().state).toBe('completed');
    expect((await shop.rows('customers')).find((c) => c.id === 2)?.name).toBe('Bob J. Janssens');
  });

  it('restricts processing through the engine', async () => {
    await verifiedRequest(
      { type: 'restriction', ground: 'accuracy-contested', identityType: 'customer-number', identity: 'C-0003' },
      'carol@example.be',
    );
    expect((await shop.rows('customers')).find((c) => c.id === 3)?.processing_restricted).toBe(true);
  });

  it('withdraws a purpose consent through the ledger', async () => {
    const mailer = { send: async () => ({ id: 'm', transport: 'outbox' as const }) };
    await recordPurposeConsent(
      { db: t.database.db, mailer, clock: () => now, publicUrl: 'http://charter.test' },
      scope(),
      { email: 'gina@example.be', purpose: 'newsletter', language: 'en' },
      { actor: 'system', method: 'signed-form' },
    );
    const id = await verifiedRequest(
      { type: 'withdrawal', withdrawalPurpose: 'newsletter', identityType: 'email', identity: 'gina@example.be' },
      'gina@example.be',
    );
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('completed');
    const consents = await purposeConsentsOf(t.database.db, scope(), 'gina@example.be');
    expect(consents.find((c) => c.purpose === 'newsletter')?.status).toBe('withdrawn');
  });

  it('restricts while an objection to a legitimate interest is weighed, and lifts it when refused with reasons', async () => {
    const officer = await signedInUser(t, 'privacy-officer');
    const id = await verifiedRequest(
      {
        type: 'objection',
        objectionKind: 'legitimate-interest',
        objectionPurpose: 'support',
        explanation: 'I no longer want contact.',
        identityType: 'email',
        identity: 'alice@example.be',
      },
      'alice@example.be',
    );
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-approval');
    expect((await shop.rows('customers')).find((c) => c.id === 1)?.processing_restricted).toBe(true);
    smtp.clear();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/refuse`,
      headers: officer.headers,
      payload: {
        reason: 'compelling-grounds',
        explanation: 'We must keep your open support case for the warranty claim.',
      },
    });
    expect(refused.json()).toMatchObject({ state: 'refused', refusalReason: 'compelling-grounds' });
    expect((await shop.rows('customers')).find((c) => c.id === 1)?.processing_restricted).toBe(false);
    const letter = await smtp.waitFor((m) => m.to.includes('alice@example.be'));
    expect(letter.text).toContain('warranty claim');
    expect(letter.text).toContain('Gegevensbeschermingsautoriteit');
  });
});

describe('verification override', { timeout: 60_000 }, () => {
  it('needs two different people, never a token, and is audited', async () => {
    const { writer, ...created } = await counterRequest(t, 'access', { type: 'customer-number', value: 'C-0001' });
    await settle();
    const first = await signedInUser(t, 'privacy-officer');
    const second = await signedInUser(t, 'owner');
    expect((await overrideStep(t, created.id, 'propose', writer)).statusCode).toBe(403);
    expect((await overrideStep(t, created.id, 'propose', first.headers)).statusCode).toBe(200);
    expect((await overrideStep(t, created.id, 'approve', first.headers)).statusCode).toBe(403);
    expect((await overrideStep(t, created.id, 'approve', writer)).statusCode).toBe(403);
    expect((await overrideStep(t, created.id, 'approve', second.headers)).statusCode).toBe(200);
    await settle();
    const request = await findRequest(t.database.db, scope(), created.id);
    expect(request?.verifiedBy).toBe(`override:user:${first.userId}+user:${second.userId}`);
    expect(request?.state).toBe('completed');
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'actor', 'data'])
      .where('target', '=', `request:${created.id}`)
      .orderBy('seq')
      .execute();
    expect(audit.find((a) => a.action === 'request.override-proposed')?.actor).toBe(`user:${first.userId}`);
    expect(audit.find((a) => a.action === 'request.verified')?.actor).toBe(`user:${second.userId}`);
    // The package of a counter request can be handed over by staff; that is audited too.
    const file = await t.app.inject({ url: `/api/v1/requests/${created.id}/package`, headers: writer });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/zip');
  });
});

describe('packages expire', { timeout: 60_000 }, () => {
  it('deletes the package after its expiry; the link then fails', async () => {
    const id = await verifiedRequest(
      { type: 'access', identityType: 'email', identity: 'bob@example.be' },
      'bob@example.be',
    );
    const link = new URL(
      (await smtp.waitFor((m) => m.text.includes('/download/'))).text.match(/https?:\/\/\S+\/download\/\S+/)![0],
    ).pathname;
    expect((await t.app.inject({ url: link })).statusCode).toBe(200);
    now = new Date(now.getTime() + 8 * day);
    await tick(rightsContextOf(t.app));
    const row = await t.database.db
      .selectFrom('rights_packages')
      .select(['content', 'deleted_at'])
      .where('request_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.content).toBeNull();
    expect(row.deleted_at).not.toBeNull();
    expect((await t.app.inject({ url: link })).statusCode).toBe(404);
  });
});
