/**
 * The consent ledger as a source of contacts (issue 18 item 8): a person known only through a confirmed double opt-in
 * gets a verification code, can see their consents and withdraw; an unconfirmed address gets none; the answer to the
 * form is the same either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { codeIn, linkIn, startSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { purposeConsentsOf } from '../consent/purpose-consent.js';
import { rightsContextOf } from './register.js';
import { findRequest } from './repository.js';
import { fileRequest, formOf as form, withdrawAtCenter } from './testing/center.js';
import { rightsCharter } from './testing/fixtures.js';

let smtp: TestSmtp;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  // No store holds anyone: whoever is known, is known through the ledger.
  t = await buildTestApp({
    charter: rightsCharter([]),
    env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://charter.test' },
  });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
}, 60_000);

const scope = () => ({ organisationId: t.organisationId! });
const settle = () => rightsContextOf(t.app).idle();

async function subscribe(email: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/consent/purposes',
    headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
    payload: { site: 'main', email, purpose: 'newsletter', language: 'en' },
  });
  expect(response.statusCode).toBe(202);
  return linkIn(
    await smtp.waitFor((m) => m.to.includes(email) && m.text.includes('/consent/confirm/')),
    '/consent/confirm/',
  );
}

const submit = (fields: Record<string, string>, ip: string) => fileRequest(t, fields, ip);

describe('a person known only through a confirmed double opt-in', { timeout: 60_000 }, () => {
  it('gets a code, is verified, sees the consent and withdraws it', async () => {
    const email = 'nina@example.org';
    const link = await subscribe(email);
    await t.app.inject({ method: 'POST', url: new URL(link).pathname, ...form({ confirm: '1' }) });
    expect((await purposeConsentsOf(t.database.db, scope(), email))[0]?.status).toBe('granted');
    smtp.clear();

    const { cookie, id } = await submit(
      { type: 'access', identityType: 'email', identity: 'Nina@Example.org' },
      '192.0.2.40',
    );
    const request = await findRequest(t.database.db, scope(), id);
    expect(request).toMatchObject({ state: 'awaiting-verification', identityKnown: true, contacts: [email] });
    const code = codeIn(await smtp.waitFor((m) => m.to.includes(email)));
    const verified = await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${id}/verify`,
      remoteAddress: '192.0.2.40',
      ...form({ code, lang: 'en' }, { cookie }),
    });
    expect(verified.statusCode).toBe(303);
    await settle();
    expect((await findRequest(t.database.db, scope(), id))?.verifiedAt).not.toBeNull();

    const page = await t.app.inject({ url: `/privacy/main/requests/${id}?lang=en`, headers: { cookie } });
    expect(page.body).toContain('name="purpose" value="newsletter"');
    const withdrawn = await withdrawAtCenter(t, id, cookie, 'newsletter');
    expect(withdrawn.headers.location).toContain('withdrawn=1');
    expect((await purposeConsentsOf(t.database.db, scope(), email))[0]?.status).toBe('withdrawn');
  });

  it('sends nothing to an address whose opt-in was never confirmed, and answers the form exactly as for a known one', async () => {
    await subscribe('pending@example.org');
    const confirmedLink = await subscribe('known@example.org');
    await t.app.inject({ method: 'POST', url: new URL(confirmedLink).pathname, ...form({ confirm: '1' }) });
    smtp.clear();

    const unknown = await submit(
      { type: 'access', identityType: 'email', identity: 'pending@example.org' },
      '192.0.2.41',
    );
    const known = await submit({ type: 'access', identityType: 'email', identity: 'known@example.org' }, '192.0.2.42');
    expect(unknown.response.statusCode).toBe(known.response.statusCode);
    const pageOf = (r: typeof unknown) =>
      t.app.inject({ url: `/privacy/main/requests/${r.id}?lang=en`, headers: { cookie: r.cookie } });
    const strip = (body: string) => body.replace(/[0-9a-f-]{36}/g, 'ID').replace(/\b[A-Z0-9]{3,}-[A-Z0-9-]+\b/g, 'REF');
    expect(strip((await pageOf(unknown)).body)).toBe(strip((await pageOf(known)).body));

    await smtp.waitFor((m) => m.to.includes('known@example.org'));
    expect(smtp.messages.filter((m) => m.to.includes('pending@example.org'))).toEqual([]);
    expect(await findRequest(t.database.db, scope(), unknown.id)).toMatchObject({ identityKnown: false, contacts: [] });
  });
});
