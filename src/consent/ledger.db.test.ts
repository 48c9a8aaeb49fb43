import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentRevision } from '../charter/revision.js';
import { applyCharter } from '../charter/repository.js';
import { tokenFor } from '../../test/support/auth.js';
import { consentApp, consentCharter, consentPost, visitorId } from './ledger-fixtures.js';
import { consentLedgerOf } from './routes.js';

const charter = consentCharter();
const site = 'https://www.testco.example';

let t: Awaited<ReturnType<typeof consentApp>>;
beforeAll(async () => {
  t = await consentApp({ charter });
}, 120_000);
afterAll(async () => t.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/consent',
    headers: { 'content-type': 'application/json', origin: site, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function recordsOf(visitor: string) {
  return t.database.db.selectFrom('consent_records').selectAll().where('visitor_id', '=', visitor).execute();
}

describe('POST /api/v1/consent', () => {
  it('records an accepted choice with the server time, IP hash and browser family, and answers with a receipt', async () => {
    const body = consentPost(charter);
    const response = await post(body, {
      'user-agent':
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    });
    expect(response.statusCode).toBe(201);
    const answer = response.json<{ receipt: string; recordedAt: string }>();
    expect(answer.receipt).toMatch(/^[0-9A-Z]{26}$/);
    const [row] = await recordsOf(body.visitor);
    expect(row).toMatchObject({
      receipt_id: answer.receipt,
      site_id: 'main',
      revision: body.revision,
      method: 'accept-all',
      language: 'en',
      choices: { analytics: true, marketing: true },
      gpc: false,
      page_url: 'https://www.testco.example/products',
      user_agent: 'safari',
      mobile: true,
      organisation_id: t.organisationId,
    });
    expect(new Date(row?.recorded_at ?? 0).toISOString()).toBe(answer.recordedAt);
    expect(row?.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain('127.0.0.1');
    expect(response.headers['access-control-allow-origin']).toBe(site);
  });

  it('honours the Sec-GPC: 1 header alone: records the signal and denies the advertising category', async () => {
    const body = consentPost(charter);
    expect(body.gpc).toBe(false);
    expect((await post(body, { 'sec-gpc': '1' })).statusCode).toBe(201);
    const [row] = await recordsOf(body.visitor);
    expect(row).toMatchObject({ method: 'accept-all', gpc: true, choices: { analytics: true, marketing: false } });
    // Without the header nothing changes.
    const plain = consentPost(charter);
    expect((await post(plain)).statusCode).toBe(201);
    expect((await recordsOf(plain.visitor))[0]).toMatchObject({
      gpc: false,
      choices: { analytics: true, marketing: true },
    });
  });

  it('records denials too', async () => {
    const body = consentPost(charter, { method: 'reject-all', choices: { analytics: false, marketing: false } });
    expect((await post(body)).statusCode).toBe(201);
    const custom = consentPost(charter, {
      method: 'custom',
      choices: { marketing: false, analytics: true },
      visitor: body.visitor,
    });
    expect((await post(custom)).statusCode).toBe(201);
    const rows = await recordsOf(body.visitor);
    expect(rows.map((r) => r.choices).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { analytics: false, marketing: false },
      { analytics: true, marketing: false },
    ]);
  });

  it.each([
    ['an unknown category', { choices: { analytics: true, marketing: true, social: true } }, 'body.choices.social'],
    ['a missing category', { method: 'custom', choices: { analytics: true } }, 'body.choices.marketing'],
    ['an unknown site', { site: 'elsewhere' }, 'body.site'],
    ['a malformed visitor id', { visitor: 'short' }, 'body.visitor'],
    ['an unknown method', { method: 'maybe' }, 'body.method'],
    ['accept-all with a denial', { choices: { analytics: true, marketing: false } }, 'body.method'],
    ['a language the site does not have', { language: 'de' }, 'body.language'],
    ['a page that is not a web URL', { url: 'javascript:alert(1)' }, 'body.url'],
    ['gpc method without the signal', { method: 'gpc', choices: { analytics: false, marketing: false } }, 'body.gpc'],
  ])('refuses %s with 422 and the field path, storing nothing', async (_label, overrides, path) => {
    const body = { ...consentPost(charter), ...overrides };
    const response = await post(body);
    expect(response.statusCode).toBe(422);
    const error = response.json<{ error: { code: string; details: { path: string }[] } }>().error;
    expect(error.code).toBe('invalid_input');
    expect(error.details.map((d) => d.path)).toContain(path);
    expect(await recordsOf(body.visitor)).toHaveLength(0);
  });

  it('refuses a stale consent revision with 409 and names the current one', async () => {
    const body = consentPost(charter, { revision: '0123456789abcdef' });
    const response = await post(body);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { details: { current: string }[] } }>().error.details[0]?.current).toBe(
      consentRevision(charter, 'main'),
    );
    expect(await recordsOf(body.visitor)).toHaveLength(0);
  });

  it('refuses non-JSON (415), malformed JSON (400) and oversized bodies (413), storing nothing', async () => {
    const before = await countAll();
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify(consentPost(charter)),
    });
    expect(text.statusCode).toBe(415);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=b',
    });
    expect(form.statusCode).toBe(415);
    expect((await post('{"site": ')).statusCode).toBe(400);
    const big = await post({ ...consentPost(charter), url: `https://www.testco.example/${'x'.repeat(5000)}` });
    expect(big.statusCode).toBe(413);
    expect(big.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
    expect(await countAll()).toBe(before);
  });

  it('accepts the alias origin and Charter’s own origin, refuses other origins (no CORS header, nothing stored)', async () => {
    expect((await post(consentPost(charter), { origin: 'http://testco.example' })).statusCode).toBe(201);
    expect((await post(consentPost(charter), { origin: 'http://localhost:80', host: 'localhost:80' })).statusCode).toBe(
      201,
    );
    const body = consentPost(charter);
    const evil = await post(body, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(await recordsOf(body.visitor)).toHaveLength(0);
  });

  it('answers CORS preflights only for the sites’ origins', async () => {
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/consent',
      headers: {
        origin: site,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(site);
    expect(allowed.headers['access-control-allow-headers']).toBe('content-type');
    const denied = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/consent',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a record for a site from the origin of another site (422 wrong site)', async () => {
    const body = consentPost(charter);
    const response = await post(body, { origin: 'https://shop.testco.example' });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('body.site');
    expect(await recordsOf(body.visitor)).toHaveLength(0);
    expect(
      (await post(consentPost(charter, { site: 'shop' }), { origin: 'https://shop.testco.example' })).statusCode,
    ).toBe(201);
  });
});

describe('the ledger is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, also on a partition', async () => {
    const body = consentPost(charter);
    await post(body);
    await expect(
      sql`update consent_records set method = 'reject-all' where visitor_id = ${body.visitor}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from consent_records where visitor_id = ${body.visitor}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    const month = new Date().toISOString().slice(0, 7).replace('-', '_');
    await expect(sql.raw(`truncate consent_records_${month}`).execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate consent_records`.execute(t.database.db)).rejects.toThrow(/append-only/);
    expect(await recordsOf(body.visitor)).toHaveLength(1);
  });
});

describe('history and receipts', () => {
  it('returns a visitor’s history newest first and each receipt with the texts the visitor saw', async () => {
    const visitor = visitorId();
    const first = (
      await post(
        consentPost(charter, {
          visitor,
          method: 'reject-all',
          choices: { analytics: false, marketing: false },
          language: 'nl',
        }),
      )
    ).json<{ receipt: string }>();
    const second = (
      await post(
        consentPost(charter, {
          visitor,
          method: 'custom',
          choices: { analytics: true, marketing: false },
          language: 'fr',
        }),
      )
    ).json<{ receipt: string }>();
    const headers = await tokenFor(t, ['consent:read']);
    const history = await t.app.inject({ url: `/api/v1/consent/visitors/${visitor}`, headers });
    expect(history.statusCode).toBe(200);
    const records = history.json<{ records: { receipt: string; choices: Record<string, boolean> }[] }>().records;
    expect(records.map((r) => r.receipt).sort()).toEqual([first.receipt, second.receipt].sort());

    const receipt = await t.app.inject({ url: `/api/v1/consent/receipts/${second.receipt}`, headers });
    expect(receipt.statusCode).toBe(200);
    const body = receipt.json<
      Record<string, unknown> & {
        purposes: {
          category: string;
          name: string;
          granted: boolean;
          thirdParties: { name: string }[];
          cookies: { name: string }[];
        }[];
      }
    >();
    expect(body).toMatchObject({
      receiptId: second.receipt,
      method: 'custom',
      language: 'fr',
      jurisdiction: 'BE',
      controller: { name: 'Testco BV', email: 'privacy@testco.example' },
      principal: { visitorId: visitor, kind: 'pseudonymous' },
      policyVersion: { consentRevision: consentRevision(charter, 'main') },
      pageUrl: 'https://www.testco.example/products',
    });
    expect(body.purposes).toEqual([
      expect.objectContaining({
        category: 'analytics',
        name: 'Statistiques',
        granted: true,
        consentType: 'explicit',
        thirdParties: [expect.objectContaining({ name: 'Stats Inc.', country: 'US' })],
        cookies: [expect.objectContaining({ name: '_stats' })],
      }),
      expect.objectContaining({ category: 'marketing', name: 'Marketing', granted: false }),
    ]);

    const page = await t.app.inject({ url: `/api/v1/consent/receipts/${first.receipt}/html`, headers });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('lang="nl"');
    expect(page.body).toContain('Toestemmingsbewijs');
    expect(page.body).toContain('Statistieken');
    expect(page.body).toContain('Geweigerd');
  });

  it('needs consent:read and hides other organisations’ receipts', async () => {
    const { receipt } = (await post(consentPost(charter))).json<{ receipt: string }>();
    expect((await t.app.inject({ url: `/api/v1/consent/receipts/${receipt}` })).statusCode).toBe(401);
    const wrongScope = await tokenFor(t, ['records:read']);
    expect((await t.app.inject({ url: `/api/v1/consent/receipts/${receipt}`, headers: wrongScope })).statusCode).toBe(
      403,
    );
    const { ensureOrganisation } = await import('../accounts/organisations.js');
    const other = await ensureOrganisation(t.database.db, 'otherco', 'Other BV');
    const otherToken = await tokenFor(t, ['consent:read'], other.id);
    expect((await t.app.inject({ url: `/api/v1/consent/receipts/${receipt}`, headers: otherToken })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ url: '/api/v1/consent/receipts/not-a-receipt', headers: otherToken })).statusCode,
    ).toBe(422);
  });
});

describe('charter changes', () => {
  it('asks again (409) once a new consent revision is active, and records under the new one', async () => {
    const old = consentPost(charter);
    const changed = structuredClone(charter);
    changed.consent.categories[0]!.description = { en: 'Counting visits, now with heatmaps' };
    await applyCharter(
      t.database.db,
      { organisationId: t.organisationId },
      { charter: changed, source: '{}', format: 'json', actor: 'system' },
    );
    await consentLedgerOf(t.app).directory.invalidate();
    expect((await post(old)).statusCode).toBe(409);
    const fresh = consentPost(changed);
    expect(fresh.revision).not.toBe(old.revision);
    const response = await post(fresh);
    expect(response.statusCode).toBe(201);
    const headers = await tokenFor(t, ['consent:read']);
    const receipt = await t.app.inject({
      url: `/api/v1/consent/receipts/${response.json<{ receipt: string }>().receipt}`,
      headers,
    });
    expect(receipt.json<{ purposes: { description: string }[] }>().purposes[0]?.description).toBe(
      'Counting visits, now with heatmaps',
    );
    await applyCharter(
      t.database.db,
      { organisationId: t.organisationId },
      { charter, source: '{}', format: 'json', actor: 'system' },
    );
    await consentLedgerOf(t.app).directory.invalidate();
  });
});

async function countAll(): Promise<number> {
  const row = await t.database.db
    .selectFrom('consent_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
