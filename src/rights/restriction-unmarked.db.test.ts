/**
 * Art. 18 where a store cannot mark it (red team: the shop's newsletter has no `restrictColumn`). Alice's restriction
 * is remembered by Charter (audited), the officer gets a task naming the store and table, Alice reads that her data
 * is kept from deletion and the privacy team restricts it by hand (never "we no longer use your data", never a store
 * or table name), and a retention run keeps her newsletter row while deleting other people's due rows (the plan and
 * the run count it as held `restricted`). A restriction pending an objection is remembered the same way and forgotten
 * when the objection is refused, after which retention acts on that person's row again. Through the HTTP store
 * protocol (the shop behind the reference adapter).
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import type { TestSmtp } from '../../test/support/smtp.js';
import type { Charter } from '../charter/schema.js';
import { readConfig } from '../platform/config.js';
import { composeRetention } from '../retention/deps.js';
import { computePlan } from '../retention/plan.js';
import { runRetention } from '../retention/sweep.js';
import { findRequest } from './repository.js';
import { restrictedIdentities } from './restricted-identities.js';
import type { HttpShop } from './testing/fixtures.js';
import { verifiedRequest } from './testing/center.js';
import { rightsTestApp } from './testing/setup.js';
import { signedInAt } from './testing/staff.js';

let shop: HttpShop;
let smtp: TestSmtp;
let t: TestApp;
let charter: Charter;
const now = new Date();

const rig = rightsTestApp({ now: () => now, shopNow: now });
beforeAll(() => {
  ({ shop, smtp, t, charter } = rig);
});

const scope = () => ({ organisationId: t.organisationId! });
let ip = 60;

const verified = (fields: Record<string, string>, email: string) =>
  verifiedRequest(t, smtp, fields, email, `192.0.2.${++ip}`);

function retention() {
  return composeRetention({
    db: t.database.db,
    dbKind: t.database.kind,
    config: readConfig({}),
    env: process.env,
    clock: () => now,
  });
}

let aliceRequest = '';
const newsletterIds = async () => (await shop.rows('newsletter')).map((r) => Number(r.id)).sort((a, b) => a - b);

describe('a restriction the newsletter table cannot mark', { timeout: 90_000 }, () => {
  it('is remembered while an objection is weighed, and forgotten when the objection is refused', async () => {
    const { id } = await verified(
      {
        type: 'objection',
        objectionKind: 'legitimate-interest',
        objectionPurpose: 'support',
        explanation: 'Stop.',
        identityType: 'email',
        identity: 'frank@example.be',
      },
      'frank@example.be',
    );
    expect((await findRequest(t.database.db, scope(), id))?.state).toBe('awaiting-approval');
    expect(await restrictedIdentities(t.database.db, scope())).toEqual([{ type: 'email', value: 'frank@example.be' }]);

    const { headers } = await signedInAt(t, 'privacy-officer', now);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/refuse`,
      headers,
      payload: { reason: 'compelling-grounds', explanation: 'We weighed it.' },
    });
    expect(refused.json()).toMatchObject({ state: 'refused' });
    expect(await restrictedIdentities(t.database.db, scope())).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_entries')
      .select(['action'])
      .where('target', '=', `request:${id}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['request.restriction-remembered', 'request.restriction-forgotten']),
    );
  });

  it('tells Alice what is protected and how, gives the officer a task, and keeps her rows through a retention run', async () => {
    const { id, cookie } = await verified(
      { type: 'restriction', ground: 'accuracy-contested', identityType: 'email', identity: 'alice@example.be' },
      'alice@example.be',
    );
    const request = await findRequest(t.database.db, scope(), id);
    expect(request?.state).toBe('completed');
    expect(request?.result).toMatchObject({
      restriction: { unsupported: expect.arrayContaining([{ store: 'shop', table: 'newsletter' }]) },
    });

    // The person's mail and page: what is marked, and that the rest is kept from deletion and restricted by hand.
    const mail = await smtp.waitFor((m) => m.to.includes('alice@example.be') && m.subject.includes('completed'));
    expect(mail.text).toContain(
      'Part of your data is in a system that cannot record the restriction itself. We keep that data from deletion, and our privacy team has been given the task of stopping its use there by hand.',
    );
    expect(mail.text).toContain('The restriction is recorded in those of our systems that can record it');
    expect(mail.text).not.toContain('We no longer use your data');
    expect(mail.text).not.toMatch(/restrict:|\bshop\b|newsletter|customers/);
    const page = await t.app.inject({ url: `/privacy/main/requests/${id}?lang=en`, headers: { cookie } });
    expect(page.body).toContain('We keep that data from deletion');
    expect(page.body).not.toMatch(/restrict:|Restrict by hand|We no longer use your data/);

    // The officer's task, in the console's API only, naming the store and table.
    const api = await tokenFor(t, ['requests:read', 'requests:write']);
    const detail = (await t.app.inject({ url: `/api/v1/requests/${id}`, headers: api })).json();
    const task = detail.notifications.find((n: { recipient: string }) => n.recipient === 'restrict:shop/newsletter');
    expect(task).toMatchObject({ channel: 'officer', state: 'pending' });
    expect(task.name).toContain('Restrict by hand: store shop, table newsletter');
    expect(await restrictedIdentities(t.database.db, scope())).toEqual([{ type: 'email', value: 'alice@example.be' }]);

    // The plan counts her newsletter row as restricted; the run keeps it and deletes the others' due rows — Frank's
    // too, whose restriction was lifted above.
    const deps = retention();
    const plan = await computePlan(deps, scope(), charter, now);
    const newsletterRule = plan.rules.find((r) => r.store === 'shop' && r.table === 'newsletter');
    expect(newsletterRule?.held.restricted).toBe(1);
    expect(await newsletterIds()).toEqual([70, 71, 72, 73, 74, 75]);
    const { run } = await runRetention(deps, scope(), {
      trigger: 'cli',
      actor: 'cli',
      batchSize: 2,
      maxShare: 1,
      approve: true,
    });
    expect(run?.status).not.toBe('failed');
    const step = run?.steps.find((s) => s.store === 'shop' && s.table === 'newsletter');
    expect(step?.held.restricted).toBe(1);
    const left = await newsletterIds();
    expect(left).toContain(70);
    expect(left).not.toContain(72);
    expect(left).not.toContain(74);
    aliceRequest = id;

    // Her access package marks every row of hers restricted, the newsletter's too.
    smtp.clear();
    const access = await verified(
      { type: 'access', identityType: 'email', identity: 'alice@example.be' },
      'alice@example.be',
    );
    expect((await findRequest(t.database.db, scope(), access.id))?.state).toBe('completed');
    const content = await t.database.db
      .selectFrom('rights_packages')
      .select('content')
      .where('request_id', '=', access.id)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(content.content!))['data.json']!)) as {
      stores: { table: string; rows: { restricted: boolean }[] }[];
    };
    const newsletter = data.stores.find((g) => g.table === 'newsletter');
    expect(newsletter?.rows).toEqual([expect.objectContaining({ restricted: true })]);
    expect(data.stores.flatMap((g) => g.rows).every((r) => r.restricted)).toBe(true);
  });

  it('lifts Alice’s restriction after telling her (Art. 18(3)), and retention acts on her row again', async () => {
    const { headers } = await signedInAt(t, 'privacy-officer', now);
    smtp.clear();
    const lifted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${aliceRequest}/lift-restriction`,
      headers,
      payload: { reason: 'the accuracy of your address has been verified' },
    });
    expect(lifted.statusCode).toBe(200);
    const letter = await smtp.waitFor((m) => m.to.includes('alice@example.be'));
    expect(letter.text).toContain('We are lifting the restriction of your data');
    expect(letter.text).toContain('the accuracy of your address has been verified');
    expect(await restrictedIdentities(t.database.db, scope())).toEqual([]);
    expect((await shop.rows('customers')).find((c) => c.id === 1)?.processing_restricted).toBe(false);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${aliceRequest}/lift-restriction`,
      headers,
      payload: { reason: 'the accuracy of your address has been verified' },
    });
    expect(again.statusCode).toBe(409);

    await runRetention(retention(), scope(), {
      trigger: 'cli',
      actor: 'cli',
      batchSize: 2,
      maxShare: 1,
      approve: true,
    });
    expect(await newsletterIds()).not.toContain(70);
  });
});
