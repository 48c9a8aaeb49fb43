import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentApp, consentCharter, consentPost } from './ledger-fixtures.js';
import { droppableConsentMonths, dropConsentMonth, listConsentMonths } from './ledger-partitions.js';

const charter = consentCharter();
let now = new Date('2024-01-15T12:00:00Z');
let t: Awaited<ReturnType<typeof consentApp>>;

beforeAll(async () => {
  t = await consentApp({ charter, now: () => now, env: { CONSENT_RATE_LIMIT: '5' } });
}, 120_000);
afterAll(async () => t.close());

let address = 0;
/** Each call comes from its own IP address unless one is given. */
async function post(remoteAddress = `192.0.2.${++address}`) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/consent',
    remoteAddress,
    headers: { 'content-type': 'application/json' },
    payload: consentPost(charter),
  });
}

async function count() {
  const row = await t.database.db
    .selectFrom('consent_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('month partitions', () => {
  it('creates the month partition on demand and drops a whole month only once it is past retention', async () => {
    for (let i = 0; i < 3; i++) expect((await post()).statusCode).toBe(201);
    now = new Date('2024-03-02T08:00:00Z');
    for (let i = 0; i < 2; i++) expect((await post()).statusCode).toBe(201);
    const months = (await listConsentMonths(t.database.db)).map((m) => m.month);
    expect(months).toEqual(expect.arrayContaining(['2024-01', '2024-02', '2024-03']));

    await expect(
      dropConsentMonth(t.database.db, {
        month: '2024-01',
        notAfter: new Date('2024-01-31T00:00:00Z'),
        now,
        actor: 'system',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      dropConsentMonth(t.database.db, { month: '2024-13', notAfter: now, now, actor: 'system' }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await droppableConsentMonths(t.database.db, new Date('2024-02-01T00:00:00Z'))).map((m) => m.month)).toEqual(
      ['2024-01'],
    );

    const dropped = await dropConsentMonth(t.database.db, {
      month: '2024-01',
      notAfter: new Date('2024-02-01T00:00:00Z'),
      now,
      actor: 'system',
    });
    expect(dropped).toEqual({ month: '2024-01', dropped: true, records: 3, organisations: 1 });
    expect(await count()).toBe(2);
    expect((await listConsentMonths(t.database.db)).map((m) => m.month)).not.toContain('2024-01');
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action', 'target', 'data'])
      .where('action', '=', 'consent.month-dropped')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ target: 'consent-month:2024-01', data: { month: '2024-01', records: 3 } }),
    ]);
    expect(
      await dropConsentMonth(t.database.db, { month: '2024-01', notAfter: now, now, actor: 'system' }),
    ).toMatchObject({ dropped: false });
    // The current month cannot go, whatever cutoff is passed.
    await expect(
      dropConsentMonth(t.database.db, {
        month: '2024-03',
        notAfter: new Date('2030-01-01T00:00:00Z'),
        now,
        actor: 'system',
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('rate limit per IP hash', () => {
  it('answers 429 with Retry-After past the limit, storing nothing, while other addresses go on', async () => {
    const before = await count();
    for (let i = 0; i < 5; i++) expect((await post('198.51.100.7')).statusCode).toBe(201);
    const limited = await post('198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    expect((await post('198.51.100.8')).statusCode).toBe(201);
    expect(await count()).toBe(before + 6);
  });
});
