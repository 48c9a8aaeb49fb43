import { describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/support/auth.js';
import { linkIn } from '../../test/support/smtp.js';
import { consentCharter } from './ledger-fixtures.js';
import { consentMailApp } from './testing/setup.js';
import { purposeConsentsOf } from './purpose-consent.js';
import { erasePurposeConsents } from './purpose-consent.js';
import { isSuppressed, listUnsubscribeHeaders } from './suppression.js';

const charter = consentCharter();
let now = new Date('2026-06-01T08:00:00Z');
const rig = consentMailApp(charter, () => now);
const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** The one-click unsubscribe link (RFC 8058) the marketing mails to `to.email` (for `to.purpose`, if given) carry in their List-Unsubscribe header. */
async function unsubscribeLink(to: { email: string; purpose?: string }) {
  const headers = await listUnsubscribeHeaders(rig.t.database.db, rig.scope(), {
    ...to,
    baseUrl: 'http://charter.test',
  });
  return new URL(headers['List-Unsubscribe'].slice(1, -1));
}

/** Subscribes `email` to the newsletter through the real double opt-in (form, mail, button). */
async function subscribeConfirmed(email: string) {
  rig.smtp.clear();
  await rig.t.app.inject({
    method: 'POST',
    url: '/api/v1/consent/purposes',
    headers: { 'content-type': 'application/json' },
    payload: { site: 'main', email, purpose: 'newsletter', language: 'en' },
  });
  const link = linkIn(await rig.smtp.waitFor((m) => m.to.includes(email.toLowerCase())), '/consent/confirm/');
  const confirmed = await rig.t.app.inject({
    method: 'POST',
    url: new URL(link).pathname,
    headers: form,
    payload: 'confirm=1',
  });
  expect(confirmed.statusCode).toBe(200);
}

async function newsletterStatus(email: string) {
  return (await purposeConsentsOf(rig.t.database.db, rig.scope(), email)).find((p) => p.purpose === 'newsletter')
    ?.status;
}

describe('suppression check for mail tools', () => {
  it('answers per address and for a whole list, needing consent:read', async () => {
    const reader = await tokenFor(rig.t, ['consent:read']);
    const writer = { ...(await tokenFor(rig.t, ['consent:write'])), 'content-type': 'application/json' };
    const check = (email: string) =>
      rig.t.app.inject({ url: `/api/v1/suppression/check?email=${encodeURIComponent(email)}`, headers: reader });
    expect((await check('objector@example.be')).json()).toEqual({ suppressed: false });
    expect((await rig.t.app.inject({ url: '/api/v1/suppression/check?email=objector@example.be' })).statusCode).toBe(
      401,
    );

    const added = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/suppression',
      headers: writer,
      payload: { email: 'Objector@Example.be', reason: 'objection' },
    });
    expect(added.json()).toEqual({ added: true });
    expect(
      (
        await rig.t.app.inject({
          method: 'POST',
          url: '/api/v1/suppression',
          headers: writer,
          payload: { email: 'objector@example.be', reason: 'objection' },
        })
      ).json(),
    ).toEqual({ added: false });
    expect((await check('objector@example.be')).json()).toEqual({ suppressed: true });
    expect((await check(' OBJECTOR@example.BE')).json()).toEqual({ suppressed: true });

    const list = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/suppression/check',
      headers: { ...reader, 'content-type': 'application/json' },
      payload: { emails: ['someone@example.be', 'objector@example.be'] },
    });
    expect(list.json()).toEqual({ suppressed: ['objector@example.be'] });
    const rows = await rig.t.database.db.selectFrom('marketing_suppressions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toMatch(/objector/i);
  });
});

describe('RFC 8058 one-click unsubscribe', () => {
  it('gives per-recipient headers; the one-click POST suppresses and withdraws the newsletter consent', async () => {
    const email = 'reader@example.be';
    await subscribeConfirmed(email);
    expect(await newsletterStatus(email)).toBe('granted');
    const writer = { ...(await tokenFor(rig.t, ['consent:write'])), 'content-type': 'application/json' };
    const response = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/suppression/unsubscribe-headers',
      headers: writer,
      payload: { email, purpose: 'newsletter' },
    });
    const headers = response.json<{ 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string }>();
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(http:\/\/charter\.test\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\?purpose=newsletter)>$/.exec(
      headers['List-Unsubscribe'],
    )?.[1];
    expect(url).toBeDefined();
    expect(headers['List-Unsubscribe']).not.toContain('reader');
    const link = new URL(url ?? '');
    const path = link.pathname + link.search;

    // Opening the link (a person, or a mail scanner) changes nothing.
    const page = await rig.t.app.inject({ url: path, headers: { 'accept-language': 'fr-BE,fr;q=0.9' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Me désabonner');
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(false);

    // A POST without the one-click body is not an unsubscribe.
    expect((await rig.t.app.inject({ method: 'POST', url: path, headers: form, payload: 'foo=bar' })).statusCode).toBe(
      400,
    );
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(false);

    const oneClick = await rig.t.app.inject({
      method: 'POST',
      url: path,
      headers: form,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json()).toEqual({ unsubscribed: true });
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(true);
    expect(await newsletterStatus(email)).toBe('withdrawn');
    // Idempotent.
    expect(
      (await rig.t.app.inject({ method: 'POST', url: path, headers: form, payload: 'List-Unsubscribe=One-Click' }))
        .statusCode,
    ).toBe(200);
  });

  it('accepts the multipart form a mail client may send, and the button of the page', async () => {
    const multipartEmail = 'multipart@example.be';
    const path = (await unsubscribeLink({ email: multipartEmail })).pathname;
    const boundary = '----charter';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const response = await rig.t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(await isSuppressed(rig.t.database.db, rig.scope(), multipartEmail)).toBe(true);

    const pageEmail = 'button@example.be';
    const pagePath = (await unsubscribeLink({ email: pageEmail })).pathname;
    const page = await rig.t.app.inject({ url: pagePath });
    const fields = [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)">/g)]
      .map((m) => `${m[1]}=${m[2]}`)
      .join('&');
    const done = await rig.t.app.inject({
      method: 'POST',
      url: pagePath,
      headers: { ...form, accept: 'text/html' },
      payload: fields,
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You are unsubscribed');
    expect(await isSuppressed(rig.t.database.db, rig.scope(), pageEmail)).toBe(true);
  });

  it('refuses a token changed to point at someone else', async () => {
    const mine = (await unsubscribeLink({ email: 'mine@example.be' })).pathname;
    const theirs = (await unsubscribeLink({ email: 'victim@example.be' })).pathname;
    // My signature on their payload.
    const forged = `${theirs.split('.')[0]}.${mine.split('.')[1]}`;
    const response = await rig.t.app.inject({
      method: 'POST',
      url: forged,
      headers: form,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(404);
    expect(await isSuppressed(rig.t.database.db, rig.scope(), 'victim@example.be')).toBe(false);
    expect((await rig.t.app.inject({ url: forged })).statusCode).toBe(404);
    // A link for the newsletter cannot be turned into one for another purpose.
    const newsletter = await unsubscribeLink({ email: 'victim@example.be', purpose: 'newsletter' });
    const otherPurpose = `${newsletter.pathname}?purpose=photos`;
    expect(
      (
        await rig.t.app.inject({
          method: 'POST',
          url: otherPurpose,
          headers: form,
          payload: 'List-Unsubscribe=One-Click',
        })
      ).statusCode,
    ).toBe(404);
    expect(await isSuppressed(rig.t.database.db, rig.scope(), 'victim@example.be')).toBe(false);
  });
});

describe('what lifts and what survives a suppression', () => {
  it('a newer confirmed subscription lifts an unsubscribe; erasure does not lift it', async () => {
    const email = 'comeback@example.be';
    await subscribeConfirmed(email);
    const link = await unsubscribeLink({ email, purpose: 'newsletter' });
    const path = link.pathname + link.search;
    await rig.t.app.inject({ method: 'POST', url: path, headers: form, payload: 'List-Unsubscribe=One-Click' });
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(true);

    now = new Date(now.getTime() + 86_400_000);
    await subscribeConfirmed(email);
    expect(await newsletterStatus(email)).toBe('granted');
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(false);

    // Unsubscribing again suppresses again (the new consent is withdrawn).
    now = new Date(now.getTime() + 86_400_000);
    await rig.t.app.inject({ method: 'POST', url: path, headers: form, payload: 'List-Unsubscribe=One-Click' });
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(true);

    // Erasure removes the consents and the address; the suppression stays.
    await erasePurposeConsents(rig.t.database.db, rig.scope(), email, { actor: 'user:test', now });
    expect(await purposeConsentsOf(rig.t.database.db, rig.scope(), email)).toEqual([]);
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(true);
  });
});
