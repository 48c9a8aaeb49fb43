import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/support/auth.js';
import { consentApp, consentCharter, consentPost } from './ledger-fixtures.js';
import { consentLedgerOf } from './routes.js';

const charter = consentCharter();
let now = new Date('2026-03-09T10:00:00Z');
let t: Awaited<ReturnType<typeof consentApp>>;

beforeAll(async () => {
  t = await consentApp({ charter, now: () => now });
}, 120_000);
afterAll(async () => t.close());

const origin = 'https://www.testco.example';

async function record(overrides: Parameters<typeof consentPost>[1]) {
  const from = overrides?.site === 'shop' ? 'https://shop.testco.example' : origin;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/consent',
    headers: { 'content-type': 'application/json', origin: from },
    payload: consentPost(charter, overrides),
  });
  expect(response.statusCode).toBe(201);
}

async function beacon(body: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/consent/shown',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin, ...headers },
    payload: body,
  });
}

describe('consent statistics', () => {
  it('counts shown, accept all, reject all, customised and the opt-in rate per category and day', async () => {
    const revision = consentPost(charter).revision;
    for (let i = 0; i < 4; i++) expect((await beacon(JSON.stringify({ site: 'main', revision }))).statusCode).toBe(204);
    // A beacon for a stale revision is not counted; an unknown site is refused; a foreign origin too.
    expect((await beacon(JSON.stringify({ site: 'main', revision: 'ffffffffffffffff' }))).statusCode).toBe(204);
    expect((await beacon(JSON.stringify({ site: 'nowhere', revision }))).statusCode).toBe(422);
    expect(
      (await beacon(JSON.stringify({ site: 'main', revision }), { origin: 'https://evil.example' })).statusCode,
    ).toBe(403);
    expect((await beacon('not json')).statusCode).toBe(422);

    await record({ method: 'accept-all' });
    await record({ method: 'reject-all', choices: { analytics: false, marketing: false } });
    await record({ method: 'custom', choices: { analytics: true, marketing: false } });
    await record({ method: 'gpc', gpc: true, choices: { analytics: false, marketing: false } });
    now = new Date('2026-03-10T09:00:00Z');
    await record({ method: 'custom', choices: { analytics: false, marketing: true } });
    await record({ site: 'shop', method: 'accept-all' });
    await consentLedgerOf(t.app).shown.flush();

    const headers = await tokenFor(t, ['consent:read']);
    const response = await t.app.inject({ url: '/api/v1/consent/statistics?from=2026-03-09&to=2026-03-10', headers });
    expect(response.statusCode).toBe(200);
    const days = response.json<{
      days: { site: string; day: string; categories: Record<string, { rate: number | null }> }[];
    }>().days;
    expect(days).toEqual([
      {
        site: 'main',
        day: '2026-03-09',
        shown: 4,
        records: 4,
        acceptAll: 1,
        rejectAll: 1,
        custom: 1,
        gpc: 1,
        gpcSignal: 1,
        withdraw: 0,
        expiry: 0,
        categories: {
          analytics: { decided: 4, granted: 2, rate: 0.5 },
          marketing: { decided: 4, granted: 1, rate: 0.25 },
        },
      },
      expect.objectContaining({
        site: 'main',
        day: '2026-03-10',
        shown: 0,
        records: 1,
        custom: 1,
        categories: { analytics: { decided: 1, granted: 0, rate: 0 }, marketing: { decided: 1, granted: 1, rate: 1 } },
      }),
      expect.objectContaining({ site: 'shop', day: '2026-03-10', records: 1, acceptAll: 1 }),
    ]);

    const shopOnly = await t.app.inject({
      url: '/api/v1/consent/statistics?from=2026-03-01&to=2026-03-31&site=shop',
      headers,
    });
    expect(shopOnly.json<{ days: unknown[] }>().days).toHaveLength(1);
    // Default window: the 30 days up to today.
    const recent = await t.app.inject({ url: '/api/v1/consent/statistics', headers });
    expect(recent.json()).toMatchObject({ from: '2026-02-09', to: '2026-03-10' });
    expect(
      (await t.app.inject({ url: '/api/v1/consent/statistics?from=2026-03-10&to=2026-03-01', headers })).statusCode,
    ).toBe(422);
    // Days that are not in the calendar, or that the database refuses, are 422 with the field (the fuzz found 500s).
    for (const query of ['from=8265-77-60', 'to=2025-02-30', 'from=0000-01-01']) {
      const response = await t.app.inject({ url: `/api/v1/consent/statistics?${query}`, headers });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details[0].path).toBe(`query.${query.split('=')[0]}`);
    }
    expect((await t.app.inject({ url: '/api/v1/consent/statistics' })).statusCode).toBe(401);
  });

  it('keeps the counters in step with the ledger under concurrent batches', async () => {
    now = new Date('2026-03-11T12:00:00Z');
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        record(
          i % 2 ? { method: 'accept-all' } : { method: 'reject-all', choices: { analytics: false, marketing: false } },
        ),
      ),
    );
    const stored = await t.database.db
      .selectFrom('consent_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recorded_at', '>=', new Date('2026-03-11T00:00:00Z'))
      .executeTakeFirstOrThrow();
    const headers = await tokenFor(t, ['consent:read']);
    const day = (
      await t.app.inject({ url: '/api/v1/consent/statistics?from=2026-03-11&to=2026-03-11', headers })
    ).json<{ days: { records: number; acceptAll: number; rejectAll: number }[] }>().days[0];
    expect(Number(stored.n)).toBe(120);
    expect(day).toMatchObject({ records: 120, acceptAll: 60, rejectAll: 60 });
    expect(consentLedgerOf(t.app).writer.stats.failedBatches).toBe(0);
  });
});
