import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser } from '../../test/support/auth.js';
import { createJobRunner, type JobRunner } from '../platform/jobs.js';
import { createLogger } from '../platform/logger.js';
import { registerOfficerNotices } from './officer-notices.js';
import { rightsContextOf } from './register.js';
import { fileRequest } from './testing/center.js';
import { rightsCharter, startHttpShop, type HttpShop } from './testing/fixtures.js';

let t: TestApp;
let shop: HttpShop;
let runner: JobRunner;
const officers: string[] = [];
let viewer: string;

beforeAll(async () => {
  // The person is known to the shop (the code goes to the contact on file); no SMTP: mail lands in the Outbox.
  shop = await startHttpShop('shop');
  t = await buildTestApp({
    charter: rightsCharter([shop.store], (c) => (c.defaultLanguage = 'de')),
    env: { PUBLIC_URL: 'http://charter.test' },
  });
  officers.push((await signedInUser(t, 'owner')).email, (await signedInUser(t, 'privacy-officer')).email);
  viewer = (await signedInUser(t, 'viewer')).email;
  runner = createJobRunner({ db: t.database.db, logger: createLogger('silent') });
  registerOfficerNotices(runner, rightsContextOf(t.app), { tickEveryMs: 0 });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await shop?.close();
});

interface Kept {
  recipient: string;
  subject: string;
  text: string;
  template: string;
}

async function outbox(): Promise<Kept[]> {
  const rows = await sql<Kept>`select recipient, subject, text, template from mail_outbox order by created_at`.execute(
    t.database.db,
  );
  return rows.rows;
}

/** An access request by email through the center's form (from the default loopback address of injected requests). */
const fileAccess = (email: string) =>
  fileRequest(t, { type: 'access', identityType: 'email', identity: email }, '127.0.0.1');

describe('mail to the officers about requests', () => {
  let id: string;
  let cookie: string;

  it('tells the owners and privacy officers once that a request arrived, in the charter language, without the person', async () => {
    const submitted = await fileAccess('alice@example.be');
    expect(submitted.response.statusCode).toBe(303);
    ({ id, cookie } = submitted);

    await runner.runOnce();
    await runner.runOnce();
    const received = (await outbox()).filter((m) => m.template === 'request.officer-received');
    expect(received.map((m) => m.recipient).sort()).toEqual([...officers].sort());
    expect(received.map((m) => m.recipient)).not.toContain(viewer);
    const [mail] = received;
    expect(mail?.subject).toMatch(/^Neue Anfrage R-[\w-]+ \(/);
    expect(mail?.text).toContain(`http://charter.test/console/requests/${id}`);
    expect(mail?.text).not.toContain('alice');
  });

  it('tells them once more when the request is verified', async () => {
    const code = /\b(\d{4} \d{4})\b/
      .exec((await outbox()).find((m) => m.template === 'request.code')?.text ?? '')?.[1]
      ?.replace(' ', '');
    const verified = await t.app.inject({
      method: 'POST',
      url: `/privacy/main/requests/${id}/verify`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `code=${code}`,
    });
    expect(verified.headers.location).not.toContain('error');
    await rightsContextOf(t.app).idle();
    await runner.runOnce();
    await runner.runOnce();
    const mails = await outbox();
    expect(
      mails
        .filter((m) => m.template === 'request.officer-verified')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual([...officers].sort());
    expect(mails.filter((m) => m.template === 'request.officer-received')).toHaveLength(2);
    expect(mails.filter((m) => m.template.startsWith('request.officer-')).every((m) => !m.text.includes('alice'))).toBe(
      true,
    );
  });
});

describe('a mail to one officer that fails', () => {
  it('is retried for that officer alone: the others get it once', async () => {
    const failing = officers[1]!;
    let refusals = 0;
    const context = rightsContextOf(t.app);
    // The same context, with a mail port that refuses the first mail to one officer (an SMTP hiccup for that address).
    const flaky = Object.create(context) as typeof context;
    flaky.send = async (...args: Parameters<typeof context.send>) => {
      if (args[1] === failing && refusals === 0) {
        refusals++;
        return false;
      }
      return context.send(...args);
    };
    // Its clock runs ahead between polls, past the retry's backoff.
    let ahead = 0;
    const flakyRunner = createJobRunner({
      db: t.database.db,
      logger: createLogger('silent'),
      clock: () => new Date(Date.now() + ahead),
    });
    registerOfficerNotices(flakyRunner, flaky, { tickEveryMs: 0 });
    const { response, id } = await fileAccess('bob@example.be');
    expect(response.statusCode).toBe(303);
    for (let i = 0; i < 5; i++) {
      await flakyRunner.runOnce();
      ahead += 10 * 60_000;
    }
    const mails = (await outbox()).filter((m) => m.template === 'request.officer-received' && m.text.includes(id));
    expect(refusals).toBe(1);
    expect(mails.map((m) => m.recipient).sort()).toEqual([...officers].sort());
  });
});
