/**
 * Abuse tests: what an impostor or an enumerator can try against the privacy center, and what they get.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { mannWhitney, timeInterleaved } from '../../test/support/distributions.js';
import { codeIn, linkIn, type TestSmtp } from '../../test/support/smtp.js';
import { findRequest } from './repository.js';
import { centerTestApp, fileRequest, statusPage, verifyRequest } from './testing/center.js';

let smtp: TestSmtp;
let t: TestApp;

const center = centerTestApp();
beforeAll(() => {
  ({ smtp, t } = center);
});
const { advance, freshIp, nextHour, scope, settle } = center;

const submit = (fields: Record<string, string>, ip = freshIp()) => fileRequest(t, fields, ip, { settle: false });
const verify = (id: string, cookie: string, code: string, ip = freshIp()) => verifyRequest(t, id, cookie, code, ip);
const status = (id: string, cookie: string) => statusPage(t, id, cookie);

/** Removes what differs by construction (ids, tokens, references) so that two answers can be compared exactly. */
function normalise(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/charter_request=[A-Za-z0-9_-]+/g, 'charter_request=<token>')
    .replace(/R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g, '<reference>');
}

describe('known and unknown identities get the same answer', { timeout: 120_000 }, () => {
  it('same status, headers and page, whether the stores hold the identity or not', async () => {
    nextHour();
    const known = await submit({ type: 'access', identityType: 'email', identity: 'alice@example.be' });
    const unknown = await submit({
      type: 'access',
      identityType: 'email',
      identity: `nobody-${randomBytes(4).toString('hex')}@example.org`,
    });
    expect(known.response.statusCode).toBe(303);
    expect(unknown.response.statusCode).toBe(known.response.statusCode);
    expect(unknown.response.body).toBe(known.response.body);
    const headers = (r: typeof known.response) =>
      normalise(
        JSON.stringify(
          Object.entries(r.headers)
            .filter(([name]) => !['date', 'content-length'].includes(name))
            .sort(),
        ),
      );
    expect(headers(unknown.response)).toBe(headers(known.response));

    // Before and after the background lookup, the status pages are the same.
    const before = [await status(known.id, known.cookie), await status(unknown.id, unknown.cookie)];
    expect(normalise(before[1]!.body)).toBe(normalise(before[0]!.body));
    await settle();
    const after = [await status(known.id, known.cookie), await status(unknown.id, unknown.cookie)];
    expect(after[0]!.statusCode).toBe(200);
    expect(normalise(after[1]!.body)).toBe(normalise(after[0]!.body));
    expect(normalise(after[0]!.body)).toBe(normalise(before[0]!.body));
    // …while only the known person got a code.
    expect(smtp.to('alice@example.be').length).toBeGreaterThan(0);
    expect((await findRequest(t.database.db, scope(), known.id))?.identityKnown).toBe(true);
    expect((await findRequest(t.database.db, scope(), unknown.id))?.identityKnown).toBe(false);
  });

  it('answers in the same time: the timings of known and unknown identities are not distinguishable', async () => {
    // The answer does the same work either way (validate, throttle, store the request); the stores lookup and the
    // mail happen afterwards. Measured per request with the background drained in between, interleaved at random.
    const knownIdentities = [
      'alice@example.be',
      'bob@example.be',
      'carol@example.be',
      'dave@example.be',
      'erin@example.be',
      'frank@example.be',
      'gina@example.be',
    ];
    const timed = async (identity: string) => {
      const { response } = await submit({ type: 'access', identityType: 'email', identity });
      expect(response.statusCode).toBe(303);
    };
    const times = await timeInterleaved(
      {
        a: (round) => timed(knownIdentities[round % knownIdentities.length]!),
        b: () => timed(`x${randomBytes(5).toString('hex')}@example.org`),
      },
      {
        samples: 30,
        warmup: 6,
        between: async () => {
          await settle();
          nextHour();
        },
      },
    );
    // A comparison of distributions, not a speed bound: fails only when they clearly differ (p < 0.001).
    expect(mannWhitney(times.a, times.b).p).toBeGreaterThanOrEqual(0.001);
  });

  it('throttles per identity the same way for known and unknown identities', async () => {
    nextHour();
    const stranger = `z${randomBytes(4).toString('hex')}@example.org`;
    const statuses: Record<string, number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 4; i++) {
      statuses.known!.push(
        (await submit({ type: 'access', identityType: 'email', identity: 'dave@example.be' })).response.statusCode,
      );
      statuses.unknown!.push(
        (await submit({ type: 'access', identityType: 'email', identity: stranger })).response.statusCode,
      );
    }
    await settle();
    expect(statuses.known).toEqual([303, 303, 303, 429]);
    expect(statuses.unknown).toEqual(statuses.known);
  });

  it('throttles per address', async () => {
    nextHour();
    const ip = '203.0.113.9';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (
          await submit(
            { type: 'access', identityType: 'email', identity: `p${i}-${randomBytes(3).toString('hex')}@example.org` },
            ip,
          )
        ).response.statusCode,
      );
    await settle();
    expect(codes.slice(0, 10).every((c) => c === 303)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('a code goes only to the contact on file', { timeout: 60_000 }, () => {
  it('never to an address the requester typed, whatever the identity', async () => {
    nextHour();
    smtp.clear();
    const attacker = 'attacker@evil.example';
    const byNumber = await submit({
      type: 'access',
      identityType: 'customer-number',
      identity: 'C-0003',
      contact: attacker,
    });
    expect(byNumber.response.statusCode).toBe(303);
    const byEmail = await submit({
      type: 'erasure',
      identityType: 'email',
      identity: 'bob@example.be',
      contact: attacker,
    });
    expect(byEmail.response.statusCode).toBe(303);
    await settle();
    await smtp.waitFor((m) => m.to.includes('carol@example.be'));
    await smtp.waitFor((m) => m.to.includes('bob@example.be'));
    expect(smtp.to(attacker)).toEqual([]);
    expect(smtp.messages.every((m) => m.to.every((to) => to.endsWith('@example.be')))).toBe(true);
    // The typed address is recorded for questions, nothing more.
    expect((await findRequest(t.database.db, scope(), byNumber.id))?.declaredContact).toBe(attacker);
    expect((await findRequest(t.database.db, scope(), byNumber.id))?.contacts).toEqual(['carol@example.be']);
  });

  it('an unknown customer number sends nothing to anyone', async () => {
    nextHour();
    smtp.clear();
    await submit({
      type: 'access',
      identityType: 'customer-number',
      identity: 'C-9999',
      contact: 'attacker@evil.example',
    });
    await settle();
    expect(smtp.messages).toEqual([]);
  });
});

describe('codes and links', { timeout: 60_000 }, () => {
  it('locks a code after five wrong tries: the right code no longer works, and the error says nothing more', async () => {
    nextHour();
    smtp.clear();
    const { id, cookie } = await submit({ type: 'access', identityType: 'email', identity: 'erin@example.be' });
    await settle();
    const code = codeIn(await smtp.waitFor((m) => m.to.includes('erin@example.be')));
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const pages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await verify(id, cookie, wrong);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toContain('error=code');
      pages.push(normalise((await t.app.inject({ url: String(response.headers.location), headers: { cookie } })).body));
    }
    const right = await verify(id, cookie, code);
    expect(right.headers.location).toContain('error=code');
    pages.push(normalise((await t.app.inject({ url: String(right.headers.location), headers: { cookie } })).body));
    // A wrong code, a locked code: the same page.
    expect(new Set(pages).size).toBe(1);
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-verification');
    const events = await t.database.db
      .selectFrom('rights_events')
      .select('kind')
      .where('request_id', '=', id)
      .execute();
    expect(events.map((e) => e.kind)).toContain('code-locked');
  });

  it('limits code tries per address across requests', async () => {
    nextHour();
    const { id, cookie } = await submit({
      type: 'access',
      identityType: 'email',
      identity: `y${randomBytes(4).toString('hex')}@example.org`,
    });
    await settle();
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await verify(id, cookie, '12345678', ip)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses an expired code', async () => {
    nextHour();
    smtp.clear();
    const { id, cookie } = await submit({ type: 'access', identityType: 'email', identity: 'frank@example.be' });
    await settle();
    const code = codeIn(await smtp.waitFor((m) => m.to.includes('frank@example.be')));
    advance(31 * 60_000);
    const response = await verify(id, cookie, code);
    expect(response.headers.location).toContain('error=code');
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-verification');
  });

  it('a mailed link works once, and not after it expires', async () => {
    nextHour();
    smtp.clear();
    const first = await submit({
      type: 'restriction',
      ground: 'accuracy-contested',
      identityType: 'email',
      identity: 'gina@example.be',
    });
    await settle();
    const link = new URL(linkIn(await smtp.waitFor((m) => m.to.includes('gina@example.be')), '/link/')).pathname;
    const page = await t.app.inject({ url: link });
    expect(page.statusCode).toBe(200);
    // Opening the link (a mail scanner would) changes nothing.
    expect((await findRequest(t.database.db, scope(), first.id))?.state).toBe('awaiting-verification');
    const used = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=en',
    });
    expect(used.statusCode).toBe(303);
    expect(String(used.headers['set-cookie'])).toContain(`Path=/privacy/main/requests/${first.id}`);
    await settle();
    expect((await findRequest(t.database.db, scope(), first.id))?.verifiedAt).not.toBeNull();
    const again = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=en',
    });
    // Used: 410 Gone, and the page says so (not "no such link").
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link has already been used');
    const reopened = await t.app.inject({ url: link });
    expect(reopened.statusCode).toBe(410);
    expect(reopened.body).toContain('This link has already been used');

    nextHour();
    smtp.clear();
    await submit({ type: 'access', identityType: 'email', identity: 'gina@example.be' });
    await settle();
    const late = new URL(linkIn(await smtp.waitFor((m) => m.to.includes('gina@example.be')), '/link/')).pathname;
    advance(31 * 60_000);
    const expired = await t.app.inject({ url: late });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: late,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'lang=en',
        })
      ).statusCode,
    ).toBe(410);
    // A link that never existed stays a plain 404.
    const unknown = await t.app.inject({ url: `/privacy/main/link/${randomBytes(32).toString('base64url')}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This link is not valid any more');
  });
});

describe('a requester sees only their own request', { timeout: 60_000 }, () => {
  it("another request's status, with my cookie or none, looks exactly like a request that does not exist", async () => {
    nextHour();
    const mine = await submit({
      type: 'access',
      identityType: 'email',
      identity: `m${randomBytes(4).toString('hex')}@example.org`,
    });
    const theirs = await submit({
      type: 'access',
      identityType: 'email',
      identity: `o${randomBytes(4).toString('hex')}@example.org`,
    });
    await settle();
    expect((await status(mine.id, mine.cookie)).statusCode).toBe(200);
    const other = await status(theirs.id, mine.cookie);
    const none = await t.app.inject({ url: `/privacy/main/requests/${theirs.id}?lang=en` });
    const missing = await status('00000000-0000-4000-8000-000000000000', mine.cookie);
    expect(other.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect(none.body).toBe(missing.body);
    // Nor can they act on it.
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${theirs.id}/cancel`,
      headers: { cookie: mine.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lang=en',
    });
    expect(cancel.statusCode).toBe(404);
    expect((await findRequest(t.database.db, scope(), theirs.id))?.state).toBe('awaiting-verification');
  });
});
