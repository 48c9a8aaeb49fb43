/**
 * Throttles hold under concurrency and across server processes: two apps built in-process on one database (on
 * PostgreSQL each with its own connection pool, as two servers would be) count in the same atomic counters. Parallel
 * requests for one identity, parallel password resets for one account and parallel mails to one recipient stop
 * exactly at their limits, and a mail over its cap is recorded as suppressed, never dropped silently.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, testDatabase, testDbKind } from '../../test/support/database.js';
import { startSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { hashPassword } from '../accounts/passwords.js';
import { accountTasksOf } from '../accounts/routes.js';
import { passwordResetLimits, throttleLimits } from '../accounts/throttle.js';
import { ensureUser, setPasswordHash } from '../accounts/users.js';
import { buildApp } from '../app.js';
import { applyCharter } from '../charter/repository.js';
import { migrations, type Database } from '../database.js';
import { readConfig } from '../platform/config.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { createMailer, defaultRecipientHourlyCap, staffRecipientHourlyCap } from '../platform/mail.js';
import { limits } from './intake.js';
import { rightsContextOf } from './register.js';
import { rightsCharter, startHttpShop, type HttpShop } from './testing/fixtures.js';
import { defaultText } from '../charter/localized.js';

let shop: HttpShop;
let smtp: TestSmtp;
/** Two databases handles on one database: two pools on PostgreSQL, the one in-process database on PGlite. */
let databases: OpenDatabase<Database>[] = [];
const apps: FastifyInstance[] = [];
let now = new Date();
const hour = 3_600_000;
const nextHour = () => {
  now = new Date(now.getTime() + 2 * hour);
};

async function sharedDatabase(): Promise<OpenDatabase<Database>[]> {
  if (testDbKind() !== 'postgres') {
    const only = await testDatabase();
    return [only, { ...only, close: async () => {} }];
  }
  const url = await createPostgresDatabase('throttle');
  const first = await openDatabase<Database>({ url, poolSize: 5 });
  await migrate(first.db, migrations);
  return [first, await openDatabase<Database>({ url, poolSize: 5 })];
}

beforeAll(async () => {
  shop = await startHttpShop('shop');
  smtp = await startSmtp();
  databases = await sharedDatabase();
  const charter = rightsCharter([shop.store]);
  const db = databases[0]!.db;
  const organisation = await ensureOrganisation(
    db,
    charter.organisation.id,
    defaultText(charter.organisation.legalName, charter),
  );
  await applyCharter(
    db,
    { organisationId: organisation.id },
    { charter, source: JSON.stringify(charter), format: 'json', actor: 'system' },
  );
  const env = {
    LOG_LEVEL: 'silent',
    CHARTER_SECRET: 'test-secret-test-secret',
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://charter.test',
  };
  // One after the other: two processes starting at the same instant race to create the consent ledger's month
  // partitions ("relation … already exists"), which is not what this file tests.
  for (const database of databases) {
    const app = await buildApp({
      db: database.db,
      dbKind: database.kind,
      config: readConfig(env),
      logger: createLogger('silent'),
      clock: () => now,
    });
    await app.ready();
    apps.push(app);
  }
}, 180_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const database of [...databases].reverse()) await database.close();
  await smtp?.close();
  await shop?.close();
}, 60_000);

const settle = () => Promise.all(apps.map((app) => rightsContextOf(app).idle()));

function file(app: FastifyInstance, identity: string, ip: string) {
  return app.inject({
    method: 'POST',
    url: '/privacy/main/requests',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ lang: 'en', type: 'access', identityType: 'email', identity }).toString(),
  });
}

async function codeMailsTo(email: string) {
  const rows = await databases[0]!.db
    .selectFrom('mail_outbox')
    .select(['status'])
    .where('template', '=', 'request.code')
    .where('recipient', '=', email)
    .execute();
  return rows;
}

describe('requests for one identity', { timeout: 120_000 }, () => {
  it('12 parallel requests (limit 3 an hour): exactly 3 accepted and 3 code mails', async () => {
    nextHour();
    smtp.clear();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => file(apps[0]!, 'dave@example.be', `203.0.113.${i + 1}`)),
    );
    await settle();
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(limits.perIdentityHour);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(12 - limits.perIdentityHour);
    expect(smtp.to('dave@example.be')).toHaveLength(3);
    expect(await codeMailsTo('dave@example.be')).toHaveLength(3);
  });

  it('the same across two server processes sharing one database', async () => {
    nextHour();
    smtp.clear();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => file(apps[i % 2]!, 'erin@example.be', `203.0.113.${i + 21}`)),
    );
    await settle();
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(3);
    expect(smtp.to('erin@example.be')).toHaveLength(3);
    // Known or not, the identity is refused alike.
    const stranger = `s${randomBytes(4).toString('hex')}@example.org`;
    const strangers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => file(apps[i % 2]!, stranger, `203.0.113.${i + 41}`)),
    );
    await settle();
    expect(strangers.map((a) => a.statusCode).sort()).toEqual(answers.map((a) => a.statusCode).sort());
  });

  it('per address: 15 parallel requests for different identities from one address, over two processes, stop at 10', async () => {
    nextHour();
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        file(apps[i % 2]!, `p${i}-${randomBytes(3).toString('hex')}@example.org`, '192.0.2.99'),
      ),
    );
    await settle();
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(limits.perAddressHour);
  });
});

describe('password resets for one account', { timeout: 120_000 }, () => {
  const reset = (app: FastifyInstance, email: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: ip, payload: { email } });
  const resetMails = (email: string) =>
    databases[0]!.db
      .selectFrom('mail_outbox')
      .select('status')
      .where('template', '=', 'account.password-reset')
      .where('recipient', '=', email)
      .execute();

  it('15 parallel resets over two processes send at most the limit of mails, with the same answer every time', async () => {
    nextHour();
    const email = `owner-${randomBytes(3).toString('hex')}@example.test`;
    await ensureUser(databases[0]!.db, email);
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => reset(apps[i % 2]!, email, `198.18.0.${i + 1}`)),
    );
    expect(answers.every((a) => a.statusCode === 202)).toBe(true);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // The lookup and the mail follow the answer (equal time for known and unknown addresses): wait for them.
    await Promise.all(apps.map((app) => accountTasksOf(app).idle()));
    expect(await resetMails(email)).toHaveLength(passwordResetLimits.account.max);
    // An unknown address gets the very same answers, and nothing is mailed.
    const unknown = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        reset(apps[i % 2]!, `nobody-${randomBytes(3).toString('hex')}@example.test`, `198.18.1.${i + 1}`),
      ),
    );
    expect(unknown.map((a) => [a.statusCode, a.body])).toEqual(answers.map((a) => [a.statusCode, a.body]));
    // The next hour, the account may ask again.
    nextHour();
    expect((await reset(apps[0]!, email, '198.18.2.1')).statusCode).toBe(202);
    await accountTasksOf(apps[0]!).idle();
    expect(await resetMails(email)).toHaveLength(passwordResetLimits.account.max + 1);
  });
});

describe('sign-in guesses for one account', { timeout: 180_000 }, () => {
  const login = (app: FastifyInstance, email: string, password: string, ip: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password } });

  it('30 parallel wrong passwords over two processes: exactly 5 are tried, the rest refused, and then the right one too', async () => {
    const email = `guessed-${randomBytes(3).toString('hex')}@example.test`;
    const password = 'correct horse battery staple';
    const user = await ensureUser(databases[0]!.db, email);
    await setPasswordHash(databases[0]!.db, user.id, await hashPassword(password), now);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(apps[i % 2]!, email, `wrong password ${i}`, `198.19.0.${i + 1}`)),
    );
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(throttleLimits.account.failures);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(30 - throttleLimits.account.failures);
    expect((await login(apps[0]!, email, password, '198.19.1.1')).statusCode).toBe(429);
  });

  it('successful sign-ins from one address do not use up its allowance', async () => {
    const email = `busy-${randomBytes(3).toString('hex')}@example.test`;
    const password = 'correct horse battery staple';
    const user = await ensureUser(databases[0]!.db, email);
    await setPasswordHash(databases[0]!.db, user.id, await hashPassword(password), now);
    for (let i = 0; i < throttleLimits.address.failures + 2; i++)
      expect((await login(apps[i % 2]!, email, password, '198.19.2.2')).statusCode).toBe(200);
  });
});

describe('mail per recipient', { timeout: 120_000 }, () => {
  it('caps every mail to one recipient per hour across two mailers; the rest is recorded as suppressed, secrets masked', async () => {
    nextHour();
    const key = () => Promise.resolve('installation-key');
    const mailers = databases.map((database) =>
      createMailer({
        db: database.db,
        logger: createLogger('silent'),
        from: 'Charter <charter@localhost>',
        recipientKey: key,
        clock: () => now,
      }),
    );
    const to = `flood-${randomBytes(3).toString('hex')}@example.test`;
    const sent = await Promise.all(
      Array.from({ length: defaultRecipientHourlyCap + 5 }, (_, i) =>
        mailers[i % 2]!.send({
          organisationId: null,
          to: i % 3 === 0 ? to.toUpperCase() : to,
          subject: 'Your code',
          text: `Code 1234${String(i).padStart(4, '0')}`,
          template: 'test.flood',
          secrets: [`1234${String(i).padStart(4, '0')}`],
        }),
      ),
    );
    expect(sent.filter((s) => !s.suppressed)).toHaveLength(defaultRecipientHourlyCap);
    const rows = await databases[0]!.db
      .selectFrom('mail_outbox')
      .select(['status', 'text'])
      .where('template', '=', 'test.flood')
      .execute();
    expect(rows).toHaveLength(defaultRecipientHourlyCap + 5);
    const suppressed = rows.filter((r) => r.status === 'suppressed');
    expect(suppressed).toHaveLength(5);
    expect(suppressed.every((r) => r.text === 'Code [secret]')).toBe(true);
    // The counters hold no address, only keyed hashes.
    const counters = await databases[0]!.db
      .selectFrom('throttle_counts')
      .select(['key_hash', 'count'])
      .where('kind', '=', 'mail-recipient')
      .execute();
    expect(JSON.stringify(counters)).not.toContain('flood-');
    expect(counters.map((c) => c.count)).toContain(defaultRecipientHourlyCap + 5);
    // Another recipient is not affected.
    expect(
      (
        await mailers[0]!.send({
          organisationId: null,
          to: 'someone-else@example.test',
          subject: 's',
          text: 't',
          template: 'test.flood',
        })
      ).suppressed,
    ).toBeUndefined();
    // Mail to staff (deadline reminders) has the higher cap, counted on the same counter.
    expect(
      (
        await mailers[1]!.send({
          organisationId: null,
          to,
          subject: 'Reminder',
          text: 'r',
          template: 'test.staff',
          hourlyCap: staffRecipientHourlyCap,
        })
      ).suppressed,
    ).toBeUndefined();
  });
});
