/**
 * What the mailbox owner proves stays with the mailbox owner. An impostor files a request in someone's name and keeps
 * the request cookie; the mailbox owner clicks the mailed link. Each browser is a cookie jar of its own: the click
 * verifies the request and proves the clicking browser only, never the one that filed it. Also: links work once,
 * expire and say so truthfully (404 only for links that never existed, 410 Gone for the rest); parallel brute force
 * of a code stops at its limits; forms posted from another site change nothing (CSRF).
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { codeIn, linkIn, type TestSmtp } from '../../test/support/smtp.js';
import { purposeConsentsOf, recordPurposeConsent } from '../consent/purpose-consent.js';
import { findRequest } from './repository.js';
import { Browser, centerTestApp, requestIdIn } from './testing/center.js';

let smtp: TestSmtp;
let t: TestApp;

const center = centerTestApp();
beforeAll(() => {
  ({ smtp, t } = center);
});
const { advance, freshIp, nextHour, scope, settle } = center;

/** One browser of its own, from an address of its own. */
class Jar extends Browser {
  constructor(ip = freshIp()) {
    super(() => t.app, ip);
  }
}

async function file(jar: Jar, fields: Record<string, string>) {
  const response = await jar.post('/privacy/main/requests', fields);
  expect(response.statusCode).toBe(303);
  const id = requestIdIn(response.headers.location);
  return { id, base: `/privacy/main/requests/${id}` };
}

const linkPath = (mail: Parameters<typeof linkIn>[0]) => new URL(linkIn(mail, '/link/')).pathname;

async function grantNewsletter(email: string) {
  await recordPurposeConsent(
    {
      db: t.database.db,
      mailer: { send: async () => ({ id: 'x', transport: 'outbox' }) },
      clock: center.now,
      publicUrl: 'http://charter.test',
    },
    scope(),
    { email, purpose: 'newsletter', language: 'en' },
    { actor: 'system', method: 'signed-form' },
  );
}
const newsletterOf = async (email: string) =>
  (await purposeConsentsOf(t.database.db, scope(), email)).find((c) => c.purpose === 'newsletter')?.status;

describe('an impostor files in the victim’s name; the victim clicks the mailed link', { timeout: 120_000 }, () => {
  it('verifies the request for the victim’s browser only: the impostor can neither confirm the erasure nor see or withdraw consents', async () => {
    nextHour();
    smtp.clear();
    await grantNewsletter('bob@example.be');
    const attacker = new Jar();
    const victim = new Jar();
    const { id, base } = await file(attacker, { type: 'erasure', identityType: 'email', identity: 'bob@example.be' });
    await settle();
    const mail = await smtp.waitFor((m) => m.to.includes('bob@example.be') && m.subject.includes('R-'));
    const link = linkPath(mail);

    // The victim opens the link: a button, and the page says the filing browser gains nothing.
    const page = await victim.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The browser in which the request was made gets no access through this confirmation.');
    const used = await victim.post(link);
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toContain(base);
    expect(victim.cookie).toMatch(/^charter_request=/);
    expect(victim.cookie).not.toBe(attacker.cookie);
    await settle();
    expect((await findRequest(t.database.db, scope(), id))?.codeVerifiedAt).not.toBeNull();

    // The impostor's browser: no confirmation, no state, no consents — and the page says why.
    const seen = await attacker.get(base);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('confirmed with the code or the link from our mail, in another browser');
    expect(seen.body).not.toContain('/confirm');
    expect(seen.body).not.toContain('/cancel');
    expect(seen.body).not.toContain('data-state');
    expect(seen.body).not.toContain('newsletter');
    const confirm = await attacker.post(`${base}/confirm`);
    expect(confirm.statusCode).toBe(403);
    expect(confirm.body).toContain('needs the code or the link from our mail, used in this browser');
    expect((await attacker.post(`${base}/consents`, { purpose: 'newsletter' })).statusCode).toBe(403);
    expect((await attacker.post(`${base}/cancel`)).statusCode).toBe(403);
    let request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('awaiting-verification');
    expect(request?.confirmedAt).toBeNull();
    expect(await newsletterOf('bob@example.be')).toBe('granted');

    // The victim's browser confirms; the impostor still gets nothing, not even after verification.
    const victimPage = await victim.get(base);
    expect(victimPage.body).toContain(`action="${base}/confirm"`);
    expect((await victim.post(`${base}/confirm`)).statusCode).toBe(303);
    await settle();
    request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('verified');
    expect(request?.executeAfter).not.toBeNull();
    const after = await attacker.get(base);
    expect(after.body).not.toContain('Your consents');
    expect(after.body).not.toContain('name="purpose"');
    expect((await attacker.post(`${base}/consents`, { purpose: 'newsletter' })).statusCode).toBe(403);
    expect((await attacker.post(`${base}/cancel`)).statusCode).toBe(403);
    expect(await newsletterOf('bob@example.be')).toBe('granted');
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('verified');

    // Only the victim manages their consents, and may withdraw the erasure.
    const withConsents = await victim.get(base);
    expect(withConsents.body).toContain('name="purpose" value="newsletter"');
    expect((await victim.post(`${base}/consents`, { purpose: 'newsletter' })).headers.location).toContain(
      'withdrawn=1',
    );
    expect(await newsletterOf('bob@example.be')).toBe('withdrawn');
    expect((await victim.post(`${base}/cancel`)).statusCode).toBe(303);
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('withdrawn');
  });

  it('an access request verified by the victim’s click shows the impostor neither its progress nor its outcome', async () => {
    nextHour();
    smtp.clear();
    const attacker = new Jar();
    const victim = new Jar();
    const { id, base } = await file(attacker, { type: 'access', identityType: 'email', identity: 'carol@example.be' });
    await settle();
    const link = linkPath(await smtp.waitFor((m) => m.to.includes('carol@example.be')));
    expect((await victim.post(link)).statusCode).toBe(303);
    await settle();
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('completed');
    const seen = await attacker.get(base);
    expect(seen.body).not.toContain('data-state');
    expect(seen.body).toContain('in another browser');
    expect((await victim.get(base)).body).toContain('data-state="completed"');
    // The package link went to the mailbox, never to a browser.
    expect(seen.body).not.toContain('/download/');
  });

  it('a third browser holding the used link gets nothing: the link worked once, and its page says so', async () => {
    nextHour();
    smtp.clear();
    const attacker = new Jar();
    const victim = new Jar();
    const other = new Jar();
    const { base } = await file(attacker, {
      type: 'restriction',
      ground: 'accuracy-contested',
      identityType: 'email',
      identity: 'dave@example.be',
    });
    await settle();
    const link = linkPath(await smtp.waitFor((m) => m.to.includes('dave@example.be')));
    expect((await victim.post(link)).statusCode).toBe(303);
    const again = await other.post(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link has already been used');
    expect(other.cookie).toBe('');
    expect((await other.get(base)).statusCode).toBe(404);
    // Nor does the filing browser become anything by trying the link itself afterwards.
    expect((await attacker.post(link)).statusCode).toBe(410);
    expect((await attacker.get(base)).body).toContain('in another browser');
  });

  it('the code typed in the filing browser proves that browser (the ordinary path stays as it was)', async () => {
    nextHour();
    smtp.clear();
    const person = new Jar();
    const { id, base } = await file(person, { type: 'erasure', identityType: 'email', identity: 'erin@example.be' });
    await settle();
    const mail = await smtp.waitFor((m) => m.to.includes('erin@example.be'));
    const verified = await person.post(`${base}/verify`, { code: codeIn(mail) });
    expect(verified.headers.location).not.toContain('error');
    expect((await person.get(base)).body).toContain(`action="${base}/confirm"`);
    expect((await person.post(`${base}/confirm`)).statusCode).toBe(303);
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('verified');
    // …and the mailed link, already spent by the code, says so.
    expect((await new Jar().get(linkPath(mail))).statusCode).toBe(410);
    expect((await person.post(`${base}/cancel`)).statusCode).toBe(303);
  });

  it('the filing browser may withdraw its own request while nobody proved the mailbox', async () => {
    nextHour();
    const filer = new Jar();
    const { id, base } = await file(filer, {
      type: 'access',
      identityType: 'email',
      identity: `n${randomBytes(4).toString('hex')}@example.org`,
    });
    await settle();
    expect((await filer.get(base)).body).toContain(`action="${base}/cancel"`);
    expect((await filer.post(`${base}/cancel`)).statusCode).toBe(303);
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('withdrawn');
  });
});

describe('links expire and are bound to their request and site', { timeout: 60_000 }, () => {
  it('an expired verification link is 410 Gone with a page that says it expired, and verifies nothing', async () => {
    nextHour();
    smtp.clear();
    const attacker = new Jar();
    const { id } = await file(attacker, { type: 'access', identityType: 'email', identity: 'frank@example.be' });
    await settle();
    const link = linkPath(await smtp.waitFor((m) => m.to.includes('frank@example.be')));
    advance(31 * 60_000);
    const late = await new Jar().post(link);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('This link has expired');
    expect((await findRequest(t.database.db, scope(), id))?.verifiedAt).toBeNull();
  });

  it('a link under another site path, or altered by one character, is unknown (404)', async () => {
    nextHour();
    smtp.clear();
    await file(new Jar(), { type: 'access', identityType: 'email', identity: 'gina@example.be' });
    await settle();
    const link = linkPath(await smtp.waitFor((m) => m.to.includes('gina@example.be')));
    const secret = link.split('/').pop()!;
    const altered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect((await new Jar().post(`/privacy/main/link/${altered}`)).statusCode).toBe(404);
    expect((await new Jar().post(`/privacy/other-site/link/${secret}`)).statusCode).toBe(404);
    expect((await new Jar().post(link)).statusCode).toBe(303);
  });
});

describe('brute force of a code, in parallel', { timeout: 120_000 }, () => {
  it('30 parallel wrong codes from one address: the code locks after 5 and the right one no longer works', async () => {
    nextHour();
    smtp.clear();
    const attacker = new Jar();
    const { id, base } = await file(attacker, { type: 'access', identityType: 'email', identity: 'alice@example.be' });
    await settle();
    const code = codeIn(await smtp.waitFor((m) => m.to.includes('alice@example.be')));
    const wrong = (i: number) => String((Number(code) + 1 + i) % 100_000_000).padStart(8, '0');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attacker.post(`${base}/verify`, { code: wrong(i) })),
    );
    // The address limit (20 an hour) holds exactly under concurrency; every other try is a plain "wrong code".
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(10);
    expect(
      answers.filter((a) => a.statusCode === 303).every((a) => String(a.headers.location).includes('error=code')),
    ).toBe(true);
    const row = await t.database.db
      .selectFrom('rights_codes')
      .select(['attempts', 'locked_at'])
      .where('request_id', '=', id)
      .where('purpose', '=', 'verify')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(5);
    expect(row.locked_at).not.toBeNull();
    nextHour();
    expect((await attacker.post(`${base}/verify`, { code })).headers.location).toContain('error=code');
    expect((await findRequest(t.database.db, scope(), id))?.verifiedAt).toBeNull();
  });
});

describe('forms posted from another site (CSRF)', { timeout: 60_000 }, () => {
  it('are refused with 403 and change nothing, even with the proven browser’s cookie', async () => {
    nextHour();
    smtp.clear();
    const victim = new Jar();
    const { id, base } = await file(victim, { type: 'erasure', identityType: 'email', identity: 'carol@example.be' });
    await settle();
    const mail = await smtp.waitFor((m) => m.to.includes('carol@example.be'));
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
    // The mailed link, pushed by another site into the victim's browser: refused, and still usable by the victim.
    const pushed = await victim.post(linkPath(mail), {}, crossSite);
    expect(pushed.statusCode).toBe(403);
    expect(pushed.body).toContain('sent from another website');
    expect((await findRequest(t.database.db, scope(), id))?.codeVerifiedAt).toBeNull();
    expect((await victim.post(`${base}/verify`, { code: codeIn(mail) }, crossSite)).statusCode).toBe(403);
    expect((await victim.post(`${base}/verify`, { code: codeIn(mail) })).headers.location).not.toContain('error');
    expect((await victim.post(`${base}/confirm`, {}, crossSite)).statusCode).toBe(403);
    expect((await victim.post(`${base}/cancel`, {}, crossSite)).statusCode).toBe(403);
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-verification');
    expect((await victim.post(`${base}/confirm`, {}, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303);
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('verified');
    expect((await victim.post(`${base}/cancel`)).statusCode).toBe(303);
  });
});
