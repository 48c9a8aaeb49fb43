import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/support/auth.js';
import { linkIn } from '../../test/support/smtp.js';
import { consentCharter } from './ledger-fixtures.js';
import { consentMailApp } from './testing/setup.js';
import { erasePurposeConsents, purposeConsentsOf, withdrawPurposeConsent } from './purpose-consent.js';
import { isSuppressed, suppress } from './suppression.js';

const charter = consentCharter();
let now = new Date('2026-05-04T09:00:00Z');
const rig = consentMailApp(charter, () => now);

function subscribe(email: string, extra: Record<string, unknown> = {}) {
  return rig.t.app.inject({
    method: 'POST',
    url: '/api/v1/consent/purposes',
    headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
    payload: { site: 'main', email, purpose: 'newsletter', language: 'nl', ...extra },
  });
}

function confirmPath(link: string) {
  return new URL(link).pathname;
}

/** Presses the confirm button of the page at `path` (the form posts confirm=1). */
function pressConfirm(path: string) {
  return rig.t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'confirm=1',
  });
}

async function statusOf(email: string, purpose: string) {
  return (
    (await purposeConsentsOf(rig.t.database.db, rig.scope(), email)).find((p) => p.purpose === purpose)?.status ??
    'none'
  );
}

describe('newsletter with double opt-in', () => {
  it('mails a confirmation link; the link shows the exact text, and only the button records the consent', async () => {
    const email = 'Ann.Peeters@Example.be';
    const response = await subscribe(email);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'confirmation-sent' });
    expect(response.headers['access-control-allow-origin']).toBe('https://www.testco.example');

    const mail = await rig.smtp.waitFor((m) => m.to.includes('ann.peeters@example.be'));
    expect(mail.subject).toBe('Graag bevestigen: Doel newsletter');
    expect(mail.text).toContain('Send me the newsletter. (nl)');
    const link = linkIn(mail, '/consent/confirm/');
    expect(link.startsWith('http://charter.test/consent/confirm/')).toBe(true);
    expect(await statusOf(email, 'newsletter')).toBe('pending');

    const page = await rig.t.app.inject({ url: confirmPath(link) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="nl"');
    expect(page.body).toContain('Send me the newsletter. (nl)');
    expect(page.body).toContain('<form method="post"');
    expect(await statusOf(email, 'newsletter')).toBe('pending');

    const confirmed = await pressConfirm(confirmPath(link));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Dank u');
    expect(await statusOf(email, 'newsletter')).toBe('granted');

    const again = await pressConfirm(confirmPath(link));
    expect(again.body).toContain('al bevestigd');
    const events = (await purposeConsentsOf(rig.t.database.db, rig.scope(), email.toLowerCase()))[0]?.events ?? [];
    expect(events.map((e) => [e.action, e.method])).toEqual([
      ['requested', 'online-form'],
      ['granted', 'double-opt-in'],
    ]);
    expect(new Set(events.map((e) => e.textVersion)).size).toBe(1);

    const headers = await tokenFor(rig.t, ['consent:read']);
    const list = await rig.t.app.inject({ url: '/api/v1/consent/purposes/newsletter/granted', headers });
    expect(list.json<{ emails: string[] }>().emails).toContain('Ann.Peeters@Example.be');
    const audit = await rig.t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'data'])
      .where('organisation_id', '=', rig.t.organisationId)
      .where('action', '=', 'consent.purpose-granted')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('example.be');
  });

  it('refuses a changed token and an expired link, recording nothing', async () => {
    const email = 'late@example.be';
    await subscribe(email);
    const link = linkIn(await rig.smtp.waitFor((m) => m.to.includes(email)), '/consent/confirm/');
    const path = confirmPath(link);
    const tampered = path.replace(/\.(.)/, (_all, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    expect((await pressConfirm(tampered)).statusCode).toBe(404);
    now = new Date(now.getTime() + 8 * 86_400_000);
    try {
      const expired = await pressConfirm(path);
      expect(expired.statusCode).toBe(410);
      expect(await statusOf(email, 'newsletter')).toBe('pending');
    } finally {
      now = new Date(now.getTime() - 8 * 86_400_000);
    }
  });

  it('sends at most one confirmation mail per address and purpose in ten minutes, answering the same', async () => {
    const email = 'twice@example.be';
    expect((await subscribe(email)).statusCode).toBe(202);
    await rig.smtp.waitFor((m) => m.to.includes(email));
    const again = await subscribe(email);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ status: 'confirmation-sent' });
    now = new Date(now.getTime() + 11 * 60_000);
    expect((await subscribe(email)).statusCode).toBe(202);
    // The mail port resolves once the SMTP server accepted the message: what was sent is already here.
    expect(rig.smtp.to(email)).toHaveLength(2);
    const events = (await purposeConsentsOf(rig.t.database.db, rig.scope(), email))[0]?.events ?? [];
    expect(events.map((e) => e.action)).toEqual(['requested', 'requested']);
  });

  it('validates the form: unknown purpose, purpose without consent, bad email, unknown site', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ purpose: 'unknown' }, 'body.purpose'],
      [{ purpose: 'orders' }, 'body.purpose'],
      [{ email: 'not-an-email' }, 'body.email'],
      [{ site: 'nowhere' }, 'body.site'],
      [{ language: 'de' }, 'body.language'],
    ];
    for (const [extra, path] of cases) {
      const response = await subscribe('form@example.be', extra);
      expect(response.statusCode, path).toBe(422);
      expect(response.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toContain(
        path,
      );
    }
    expect(rig.smtp.to('form@example.be')).toHaveLength(0);
  });
});

describe('consents the organisation records itself', () => {
  it('records a photo consent at once, and sends a newsletter consent through double opt-in', async () => {
    const headers = { ...(await tokenFor(rig.t, ['consent:write'])), 'content-type': 'application/json' };
    const photo = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/purposes/records',
      headers,
      payload: { email: 'speaker@example.be', purpose: 'photos', language: 'en', method: 'signed-form' },
    });
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ status: 'granted' });
    expect(await statusOf('speaker@example.be', 'photos')).toBe('granted');
    const newsletter = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/purposes/records',
      headers,
      payload: { email: 'speaker@example.be', purpose: 'newsletter', language: 'en', method: 'event-registration' },
    });
    expect(newsletter.json()).toEqual({ status: 'confirmation-sent' });
    expect(await statusOf('speaker@example.be', 'newsletter')).toBe('pending');
    const readOnly = await tokenFor(rig.t, ['consent:read']);
    expect(
      (
        await rig.t.app.inject({
          method: 'POST',
          url: '/api/v1/consent/purposes/records',
          headers: { ...readOnly, 'content-type': 'application/json' },
          payload: { email: 'x@example.be', purpose: 'photos', language: 'en', method: 'api' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('records a parental consent for a child under the country’s age, with joint consent in France', async () => {
    const headers = { ...(await tokenFor(rig.t, ['consent:write'])), 'content-type': 'application/json' };
    const record = (child: Record<string, unknown> | undefined, purpose = 'child-photos') =>
      rig.t.app.inject({
        method: 'POST',
        url: '/api/v1/consent/purposes/records',
        headers,
        payload: {
          email: 'parent@example.be',
          purpose,
          language: 'en',
          method: 'signed-form',
          ...(child ? { child } : {}),
        },
      });
    expect((await record({ country: 'BE', birthDate: '2016-02-01' })).statusCode).toBe(201);
    const consents = await purposeConsentsOf(rig.t.database.db, rig.scope(), 'parent@example.be');
    expect(consents[0]?.events[0]?.parental).toEqual({
      country: 'BE',
      minimumAge: 13,
      childAge: 10,
      childBirthYear: 2016,
      joint: false,
    });
    // BE: 13, so a 14-year-old consents personally.
    const tooOld = await record({ country: 'BE', birthDate: '2012-01-01' });
    expect(tooOld.statusCode).toBe(422);
    expect(tooOld.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe(
      'body.child.birthDate',
    );
    // NL: 16, so a 14-year-old still needs the parent.
    expect((await record({ country: 'NL', birthDate: '2012-01-01' })).statusCode).toBe(201);
    const france = await record({ country: 'FR', birthDate: '2014-06-01' });
    expect(france.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('body.child.agrees');
    expect((await record({ country: 'FR', birthDate: '2014-06-01', agrees: true })).statusCode).toBe(201);
    expect((await record(undefined)).statusCode).toBe(422);
    expect((await record({ country: 'BE', birthDate: '2016-02-01' }, 'photos')).statusCode).toBe(422);
  });
});

describe('withdrawal and erasure', () => {
  it('withdraws by API and by the domain function, as easily as it was given', async () => {
    const writer = { ...(await tokenFor(rig.t, ['consent:write'])), 'content-type': 'application/json' };
    await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/purposes/records',
      headers: writer,
      payload: { email: 'webinar@example.be', purpose: 'webinar-sharing', language: 'fr', method: 'online-form' },
    });
    const withdrawn = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/purposes/withdraw',
      headers: writer,
      payload: { email: 'WEBINAR@example.be ', purpose: 'webinar-sharing' },
    });
    expect(withdrawn.json()).toEqual({ withdrawn: true });
    expect(await statusOf('webinar@example.be', 'webinar-sharing')).toBe('withdrawn');
    expect(
      await withdrawPurposeConsent(rig.t.database.db, rig.scope(), {
        email: 'webinar@example.be',
        purpose: 'webinar-sharing',
      }),
    ).toEqual({ withdrawn: false });
    const reader = await tokenFor(rig.t, ['consent:read']);
    const history = await rig.t.app.inject({
      url: '/api/v1/consent/purposes?email=webinar@example.be',
      headers: reader,
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(
      history.json<{ purposes: { purpose: string; status: string; events: { action: string }[] }[] }>().purposes,
    ).toEqual([
      expect.objectContaining({
        purpose: 'webinar-sharing',
        status: 'withdrawn',
        events: [expect.objectContaining({ action: 'granted' }), expect.objectContaining({ action: 'withdrawn' })],
      }),
    ]);
  });

  it('erases a person’s purpose consents and address, while their suppression entry survives', async () => {
    const email = 'erase-me@example.be';
    const writer = { ...(await tokenFor(rig.t, ['consent:write'])), 'content-type': 'application/json' };
    await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/consent/purposes/records',
      headers: writer,
      payload: { email, purpose: 'photos', language: 'en', method: 'signed-form' },
    });
    await suppress(rig.t.database.db, rig.scope(), email, 'objection', { actor: 'user:test', now });
    await expect(sql`delete from purpose_consents`.execute(rig.t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`update marketing_suppressions set reason = 'manual'`.execute(rig.t.database.db)).rejects.toThrow(
      /append-only/,
    );

    const erased = await erasePurposeConsents(rig.t.database.db, rig.scope(), email, { actor: 'user:test', now });
    expect(erased.events).toBeGreaterThan(0);
    expect(await purposeConsentsOf(rig.t.database.db, rig.scope(), email)).toEqual([]);
    const addresses = await rig.t.database.db.selectFrom('purpose_consent_subjects').select('email').execute();
    expect(addresses.map((a) => a.email)).not.toContain(email);
    expect(await isSuppressed(rig.t.database.db, rig.scope(), email)).toBe(true);
    expect(await isSuppressed(rig.t.database.db, rig.scope(), ' Erase-Me@Example.BE')).toBe(true);
    const stored = await rig.t.database.db.selectFrom('marketing_suppressions').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('erase-me');
  });
});
