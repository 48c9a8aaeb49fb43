import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import { startSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { insertRows } from '../stores/testing/shop.js';
import { rightsContextOf } from './register.js';
import { rightsCharter, startHttpShop, type HttpShop } from './testing/fixtures.js';

let shop: HttpShop;
let smtp: TestSmtp;
let t: TestApp;

const injected = 'dave@shop.test\r\nBcc: mallory@evil.test';
const listed = 'erin@shop.test, mallory@evil.test';

beforeAll(async () => {
  shop = await startHttpShop('shop');
  const created = new Date('2020-01-01T00:00:00Z');
  await insertRows(shop.driver, 'customers', [
    {
      id: 66,
      email: injected,
      customer_number: 'C-0066',
      name: 'Dave',
      phone: null,
      password_hash: null,
      processing_restricted: false,
      contract_ended_at: null,
      created_at: created,
    },
    {
      id: 67,
      email: listed,
      customer_number: 'C-0067',
      name: 'Erin',
      phone: null,
      password_hash: null,
      processing_restricted: false,
      contract_ended_at: null,
      created_at: created,
    },
  ]);
  smtp = await startSmtp();
  t = await buildTestApp({
    charter: rightsCharter([shop.store]),
    env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://charter.test' },
  });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await shop?.close();
}, 60_000);

async function submitFor(customerNumber: string, ip: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/privacy/main/requests',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      lang: 'en',
      type: 'access',
      identityType: 'customer-number',
      identity: customerNumber,
    }).toString(),
  });
  expect(response.statusCode).toBe(303);
  await rightsContextOf(t.app).idle();
  return /requests\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1] ?? '';
}

describe('contact values read from a store', () => {
  it.each([
    ['a header injected after CR LF', 'C-0066', injected, 'control-characters', '192.0.2.60'],
    ['a list of two addresses', 'C-0067', listed, 'list', '192.0.2.61'],
  ])(
    'are never mailed when they hold %s; the officer sees a masked count and the reason',
    async (_what, customerNumber, raw, reason, ip) => {
      const id = await submitFor(customerNumber, ip);
      expect(
        smtp.messages.filter((m) => m.to.some((to) => /mallory|evil\.test/i.test(to)) || /mallory/i.test(m.raw)),
      ).toEqual([]);
      // Not even the first address of a bad value: the value as a whole is not one address.
      expect(smtp.messages.filter((m) => m.to.some((to) => /dave@|erin@/i.test(to)))).toEqual([]);

      const headers = await tokenFor(t, ['requests:read']);
      const detail = (await t.app.inject({ url: `/api/v1/requests/${id}`, headers })).json();
      expect(detail.contacts).toEqual([]);
      const dispatched = detail.timeline.find((e: { to: string | null }) => e.to === 'awaiting-verification');
      expect(dispatched.data).toMatchObject({
        codeSentTo: 0,
        contactsRefused: { count: 1, reasons: { [reason]: 1 }, masked: [`${raw.slice(0, 2)}***`] },
      });
      // Neither the page, nor the timeline, nor the audit trail holds the raw value or the injected address.
      const audit = await t.database.db
        .selectFrom('audit_entries')
        .select('data')
        .where('target', '=', `request:${id}`)
        .execute();
      expect(JSON.stringify([detail, audit])).not.toMatch(/mallory|evil\.test|shop\.test/);
    },
  );
});
