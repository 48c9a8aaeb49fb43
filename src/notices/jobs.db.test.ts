import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { buildCharter } from '../../test/support/charter.js';
import { applyCharter } from '../charter/repository.js';
import { createJobRunner } from '../platform/jobs.js';
import { freePort } from '../../test/support/postgres-server.js';
import { startSmtp, type TestSmtp } from '../../test/support/smtp.js';
import { createLogger } from '../platform/logger.js';
import { createMailer, type Mailer } from '../platform/mail.js';
import { registerNoticeJobs, runNoticeWork } from './jobs.js';
import { markSignificant, requestSubscription } from './subscriptions.js';

let t: TestApp;
let smtp: TestSmtp;
const logger = createLogger('silent');
/** The mail port over a real SMTP server, and over a port where none listens (a mail server that is down). */
let mailer: Mailer;
let down: Mailer;

beforeAll(async () => {
  t = await buildTestApp({ charter: buildCharter() });
  smtp = await startSmtp();
  const db = t.database.db;
  mailer = createMailer({ db, logger, smtpUrl: smtp.url, from: 'Charter <privacy@testco.example>' });
  down = createMailer({
    db,
    logger,
    smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
    from: 'Charter <privacy@testco.example>',
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const scope = () => ({ organisationId: t.organisationId! });

describe('the notices background work', () => {
  it('creates the versions of a newly applied revision without anyone opening the notice', async () => {
    const runner = createJobRunner({ db: t.database.db, logger });
    registerNoticeJobs(runner, { db: t.database.db, mailer, logger, baseUrl: 'https://charter.example' });
    await runner.runOnce();
    const first = await t.database.db
      .selectFrom('notice_versions')
      .select(['kind', 'version'])
      .orderBy('kind')
      .execute();
    expect(first).toEqual([
      { kind: 'cookie-policy', version: 1 },
      { kind: 'privacy-notice', version: 1 },
    ]);

    await applyCharter(t.database.db, scope(), {
      charter: buildCharter((c) => (c.purposes[0]!.retention.duration = 'P7Y')),
      source: '{}',
      format: 'json',
      actor: 'system',
    });
    expect(
      await runNoticeWork({ db: t.database.db, mailer, logger, baseUrl: 'https://charter.example' }, new Date()),
    ).toEqual({ synced: 1, sent: 0, purged: 0 });
    const published = await t.database.db
      .selectFrom('notice_versions')
      .select(['kind', 'version', 'revision_seq'])
      .where('kind', '=', 'privacy-notice')
      .orderBy('version')
      .execute();
    expect(published.map((v) => [v.version, v.revision_seq])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('retries an announcement the mail server refused, after a back-off, until it goes out', async () => {
    const start = new Date('2026-11-23T09:00:00Z');
    await requestSubscription(
      t.database.db,
      scope(),
      down,
      {
        siteId: 'main',
        email: 'bob@example.be',
        language: 'fr',
        organisationName: 'Testco',
        siteName: 'Testco',
        baseUrl: 'https://charter.example',
      },
      start,
    ).catch(() => undefined);
    // Confirmed directly: the confirmation mail is not what this test is about.
    await t.database.db.updateTable('notice_subscriptions').set({ status: 'confirmed', confirmed_at: start }).execute();
    const deps = { db: t.database.db, mailer: down, logger, baseUrl: 'https://charter.example' };
    expect(
      await markSignificant(
        t.database.db,
        scope(),
        { siteId: 'main', kind: 'privacy-notice', version: 2, actor: 'user:test', notify: true },
        start,
      ),
    ).toEqual({ queued: 1 });

    expect((await runNoticeWork(deps, start)).sent).toBe(0);
    const afterFailure = await t.database.db
      .selectFrom('notice_deliveries')
      .select(['status', 'attempts', 'last_error'])
      .executeTakeFirstOrThrow();
    expect(afterFailure).toEqual({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining('ECONNREFUSED'),
    });

    const up = { ...deps, mailer };
    expect((await runNoticeWork(up, new Date(start.getTime() + 60_000))).sent).toBe(0); // still backing off
    expect((await runNoticeWork(up, new Date(start.getTime() + 6 * 60_000))).sent).toBe(1);
    const mail = await smtp.waitFor((m) => m.to.includes('bob@example.be'));
    expect(mail.subject).toBe('La déclaration de confidentialité de Testco BV a changé');
    expect(mail.text.replace(/\u00a0/g, ' ')).toContain(
      '- durée de conservation de Commandes modifiée : 10 ans devient 7 ans après la fin de notre contrat avec vous',
    );
    expect((await runNoticeWork(up, new Date(start.getTime() + 20 * 60_000))).sent).toBe(0);
    expect(smtp.to('bob@example.be')).toHaveLength(1);
  });

  it('deletes addresses that were never confirmed within a week', async () => {
    const then = new Date('2026-11-01T09:00:00Z');
    await requestSubscription(
      t.database.db,
      scope(),
      mailer,
      {
        siteId: 'main',
        email: 'carol@example.be',
        language: 'en',
        organisationName: 'Testco',
        siteName: 'Testco',
        baseUrl: 'https://charter.example',
      },
      then,
    );
    const deps = { db: t.database.db, mailer, logger, baseUrl: 'https://charter.example' };
    expect((await runNoticeWork(deps, new Date('2026-11-05T09:00:00Z'))).purged).toBe(0);
    expect((await runNoticeWork(deps, new Date('2026-11-09T09:00:01Z'))).purged).toBe(1);
    const left = await t.database.db.selectFrom('notice_subscriptions').select('email').execute();
    expect(left).toEqual([{ email: 'bob@example.be' }]);
  });
});
