import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { startSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { noticeDocumentSchema } from './document.js';
import { article13ItemsOfTheLaw, withMailchimp } from './testing/fixtures.js';

let t: TestApp;
let smtp: TestSmtp;

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

async function apply(charter: Charter) {
  return applyCharter(
    t.database.db,
    { organisationId: t.organisationId! },
    { charter, source: JSON.stringify(charter), format: 'json', actor: 'system' },
  );
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ charter: buildCharter(), env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the notice pages', () => {
  it('serve the notice in the language asked for: ?lang= first, then Accept-Language, then the default', async () => {
    const nl = await t.app.inject({
      url: '/privacy/main/notice',
      headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' },
    });
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(nl.headers['content-language']).toBe('nl');
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('Privacyverklaring van Testco BV');
    const fr = await t.app.inject({ url: '/privacy/main/notice?lang=fr', headers: { 'accept-language': 'nl' } });
    expect(fr.body).toContain('<html lang="fr">');
    const fallback = await t.app.inject({ url: '/privacy/main/notice', headers: { 'accept-language': 'es' } });
    expect(fallback.body).toContain('<html lang="en">');
  });

  it('tag every Art. 13 section, show the version and link the stylesheets of the site theme', async () => {
    const page = (await t.app.inject({ url: '/privacy/main/notice?lang=en' })).body;
    for (const item of article13ItemsOfTheLaw) {
      expect(page).toMatch(new RegExp(`data-gdpr="[^"]*${item.replace(/[()]/g, '\\$&')}`));
    }
    expect(page).toContain('data-notice-version="1"');
    expect(page).toContain('href="/assets/notice.css"');
    expect(page).toContain('href="/privacy/main/notice/theme.css"');
    expect(page).toContain('action="/privacy/main/notice/subscribe"');
    const css = await t.app.inject({ url: '/privacy/main/notice/theme.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('--cn-accent');
    expect((await t.app.inject({ url: '/assets/notice.css' })).body).toContain('.charter-notice');
  });

  it('serve Markdown, PDF and an embeddable fragment', async () => {
    const markdown = await t.app.inject({ url: '/privacy/main/notice?lang=en&format=md' });
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).toMatch(/^# Privacy notice of Testco BV/);
    expect(markdown.body).toContain('(<http://localhost:4300/privacy/main?lang=en>)');
    const pdf = await t.app.inject({ url: '/privacy/main/notice?lang=nl&format=pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('inline; filename="main-notice-v1-nl.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const fragment = await t.app.inject({ url: '/privacy/main/notice?lang=fr&format=fragment' });
    expect(fragment.headers['access-control-allow-origin']).toBe('*');
    expect(fragment.body).toMatch(/^<div class="charter-notice charter-notice--fragment" lang="fr"/);
    expect(fragment.body).not.toContain('<html');
  });

  it('serve the cookie policy with a button the consent banner opens', async () => {
    const page = await t.app.inject({ url: '/privacy/main/cookies?lang=en' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-charter-open');
    // The one-request tag (configuration inside), not the older /banner.js that fetches its configuration.
    expect(page.body).toContain('<script src="/banner/main.js?lang=en" async></script>');
    expect(page.body).not.toContain('/banner.js');
    expect(page.body).toContain('_stats');
    expect(page.body).toContain('13&nbsp;months'.replace('&nbsp;', '\u00a0'));
  });

  it('answer 404 for an unknown site or version and 422 for a bad format, with the field path', async () => {
    expect((await t.app.inject({ url: '/privacy/nope/notice' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/privacy/main/notice?version=99' })).statusCode).toBe(404);
    const bad = await t.app.inject({ url: '/privacy/main/notice?format=docx&version=0' });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<{ error: { details: { path: string }[] } }>()
        .error.details.map((d) => d.path)
        .sort(),
    ).toEqual(['query.format', 'query.version']);
  });
});

describe('versions', () => {
  it('makes a new version only when a revision changes what the notice says, and keeps the old one readable', async () => {
    await apply(buildCharter(withMailchimp));
    // A change the notice does not show (the store wiring) makes no new version.
    await apply(
      buildCharter((c) => {
        withMailchimp(c);
        c.stores = [{ id: 'shop', kind: 'postgres', connection: 'SHOP_URL', tables: [] }];
      }),
    );
    const versions = await t.app.inject({ url: '/api/v1/notices/main/versions' });
    expect(
      versions
        .json<{ versions: { version: number; revisionSeq: number }[] }>()
        .versions.map((v) => [v.version, v.revisionSeq]),
    ).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const cookieVersions = await t.app.inject({ url: '/api/v1/notices/main/versions?kind=cookie-policy' });
    expect(cookieVersions.json<{ versions: unknown[] }>().versions).toHaveLength(1);

    expect((await t.app.inject({ url: '/privacy/main/notice?lang=en' })).body).toContain('Mailchimp');
    const first = await t.app.inject({ url: '/privacy/main/notice?lang=en&version=1' });
    expect(first.body).not.toContain('Mailchimp');
    expect(first.body).toContain('data-notice-version="1"');
  });

  it('explains what changed, computed from the charters, in the language asked for', async () => {
    const changes = await t.app.inject({ url: '/api/v1/notices/main/changes?version=2&lang=nl' });
    expect(changes.json()).toEqual({
      version: 2,
      previous: 1,
      language: 'nl',
      changes: [
        {
          kind: 'recipient.added',
          subject: 'mailchimp',
          text: 'nieuwe ontvanger: Mailchimp (Verenigde Staten, EU-VS-kader voor gegevensbescherming (Data Privacy Framework))',
        },
      ],
    });
    const history = await t.app.inject({ url: '/privacy/main/notice/versions?lang=en' });
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('added recipient: Mailchimp (United States, EU-US Data Privacy Framework)');
    expect(history.body).toContain('First published version.');
  });

  it('returns the structured document through the API', async () => {
    const response = await t.app.inject({ url: '/api/v1/notices/main?lang=fr' });
    const body = response.json<{ version: number; language: string; document: unknown }>();
    expect(body.version).toBe(2);
    expect(body.language).toBe('fr');
    const document = noticeDocumentSchema.parse(body.document);
    expect(document.sections.find((s) => s.gdpr.includes('13(2)(d)'))?.heading).toBe(
      'Réclamation auprès de l’autorité de contrôle',
    );
    expect(
      (await t.app.inject({ url: '/api/v1/notices/main/cookies' })).json<{ document: { kind: string } }>().document
        .kind,
    ).toBe('cookie-policy');
  });
});

describe('telling people of significant changes', () => {
  it("confirms an address by double opt-in, announces a change in the subscriber's language, and unsubscribes", async () => {
    const requested = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/notice/subscribe',
      ...form({ email: 'Alice@Example.be', lang: 'nl' }),
    });
    expect(requested.statusCode).toBe(200);
    expect(requested.body).toContain('Bedankt');
    const confirmation = await smtp.waitFor((m) => m.to.includes('alice@example.be'));
    expect(confirmation.subject).toContain('Graag bevestigen');
    const link = /(http\S+\/privacy\/main\/notice\/subscription\?token=\S+)/.exec(confirmation.text)?.[1];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname + new URL(link!).search;
    const token = new URL(link!).searchParams.get('token')!;

    // Opening the link only asks; a link scanner does not confirm anyone.
    const ask = await t.app.inject({ url: path });
    expect(ask.body).toContain('Ja, bevestigen');
    expect(
      (
        await t.app.inject({ url: '/api/v1/notices/main/subscribers', headers: await tokenFor(t, ['notices:read']) })
      ).json(),
    ).toEqual({ subscribers: [{ status: 'pending', language: 'nl', count: 1 }] });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/notice/subscription',
      ...form({ token, lang: 'nl' }),
    });
    expect(confirmed.body).toContain('Bevestigd');

    // A confirmed address gets no second confirmation mail, and the answer is the same.
    smtp.clear();
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notices/main/subscriptions',
      payload: { email: 'alice@example.be', lang: 'nl' },
    });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ status: 'confirmation-sent-if-valid' });

    const writer = await tokenFor(t, ['notices:write']);
    const marked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notices/main/versions/2/significant',
      headers: writer,
      payload: { note: 'New newsletter provider' },
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual({ queued: 1, sent: 1, failed: 0 });
    const announcement = await smtp.waitFor((m) => m.to.includes('alice@example.be'));
    expect(smtp.to('alice@example.be')).toHaveLength(1);
    expect(announcement.subject).toBe('De privacyverklaring van Testco BV is gewijzigd');
    expect(announcement.text).toContain('- nieuwe ontvanger: Mailchimp (Verenigde Staten');
    expect(announcement.text).toContain('/privacy/main/notice?lang=nl&version=2');
    expect(announcement.headers['list-unsubscribe']).toMatch(/^<http.+\/privacy\/main\/notice\/unsubscribe\?token=/);
    const versions = await t.app.inject({ url: '/api/v1/notices/main/versions' });
    expect(
      versions.json<{ versions: { version: number; significant: boolean }[] }>().versions.find((v) => v.version === 2)
        ?.significant,
    ).toBe(true);

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/notices/main/versions/2/significant',
          headers: writer,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);

    const unsubscribeToken = new URL(
      /(http\S+\/notice\/unsubscribe\?token=\S+)/.exec(announcement.text)![1]!,
    ).searchParams.get('token')!;
    const askUnsubscribe = await t.app.inject({
      url: `/privacy/main/notice/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}&lang=nl`,
    });
    expect(askUnsubscribe.body).toContain('Uitschrijven');
    const gone = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/notice/unsubscribe',
      ...form({ token: unsubscribeToken, lang: 'nl' }),
    });
    expect(gone.statusCode).toBe(200);
    expect(await t.database.db.selectFrom('notice_subscriptions').selectAll().execute()).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/privacy/main/notice/unsubscribe',
          ...form({ token: unsubscribeToken, lang: 'nl' }),
        })
      ).statusCode,
    ).toBe(404);

    // The audit trail has every step, by id, never the address.
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'data'])
      .where('action', 'like', 'notice.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'notice.version-published',
        'notice.subscription-requested',
        'notice.subscription-confirmed',
        'notice.marked-significant',
        'notice.subscription-removed',
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain('alice');
  });

  it('refuses a bad address with the field path, an invalid token, and anyone without the right', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notices/main/subscriptions',
      payload: { email: 'not-an-address' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: { details: { path: string }[] } }>().error.details[0]!.path).toBe('body.email');
    expect(
      (await t.app.inject({ url: '/privacy/main/notice/subscription?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/notices/main/versions/1/significant', payload: {} }))
        .statusCode,
    ).toBe(401);
    const reader = await tokenFor(t, ['notices:read']);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/notices/main/versions/1/significant',
          headers: reader,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });

  it('limits requests to be told to ten an hour from one address', async () => {
    const ask = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/notices/main/subscriptions',
        remoteAddress: '203.0.113.9',
        payload: { email: `flood${i}@example.be` },
      });
    for (let i = 0; i < 10; i++) expect((await ask(i)).statusCode).toBe(202);
    const refused = await ask(10);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    const page = await t.app.inject({
      method: 'POST',
      url: '/privacy/main/notice/subscribe',
      remoteAddress: '203.0.113.9',
      ...form({ email: 'flood@example.be', lang: 'en' }),
    });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Too many requests');
    // Another address is not affected.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/notices/main/subscriptions',
          remoteAddress: '198.51.100.7',
          payload: { email: 'other@example.be' },
        })
      ).statusCode,
    ).toBe(202);
  });

  it('answers 404 for a site of another organisation', async () => {
    const other = await ensureOrganisation(t.database.db, 'otherco', 'Other Co');
    await applyCharter(
      t.database.db,
      { organisationId: other.id },
      {
        charter: buildCharter((c) => {
          c.organisation.id = 'otherco';
          c.sites = [{ id: 'other-site', name: 'Other', domain: 'www.other.example' }];
        }),
        source: '{}',
        format: 'json',
        actor: 'system',
      },
    );
    const writer = await tokenFor(t, ['notices:write', 'notices:read']);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/notices/other-site/versions/1/significant',
          headers: writer,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/notices/other-site/subscribers', headers: writer })).statusCode).toBe(
      404,
    );
    // Its public notice is public, and its own.
    expect((await t.app.inject({ url: '/privacy/other-site/notice?lang=en' })).body).toContain('www.other.example');
  });
});
