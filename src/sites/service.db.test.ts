/**
 * Site scans kept per organisation: the scheduled job scans only the declared domain, stores the findings with an
 * audit entry, and mails the officers only what is new. The browser is the scan port here (the real one is driven in
 * test/e2e/site-scan.test.ts); it answers what a site showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharter } from '../../test/support/charter.js';
import { testDatabase } from '../../test/support/database.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import type { Database } from '../database.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { createJobRunner, type JobRunner } from '../platform/jobs.js';
import { createLogger } from '../platform/logger.js';
import { createMailer } from '../platform/mail.js';
import { enqueueDailyScans, registerSiteJobs } from './jobs.js';
import type { ScanOptions } from './scanner.js';
import type { PageObservation, SiteScan } from './schemas.js';
import { getSiteScan, listSiteScans, runSiteScan, siteStartUrl, type SiteScanDeps } from './service.js';
import { Webhook } from 'standardwebhooks';
import { deliverOrganisation } from '../webhooks/deliver.js';
import { createSubscription } from '../webhooks/subscriptions.js';
import { startReceiver } from '../webhooks/testing/receiver.js';

let database: OpenDatabase<Database>;
let runner: JobRunner;
let scope: { organisationId: string };
let other: { organisationId: string };
const clock = new Date('2026-11-20T09:00:00Z');
const asked: string[][] = [];
/** What the "site" sets before any choice, changed between scans. */
let beforeChoice: string[] = [];

function fakeScan(options: ScanOptions): Promise<SiteScan> {
  asked.push(options.urls);
  const url = options.urls[0]!;
  const observe = (condition: PageObservation['condition'], names: string[]): PageObservation => ({
    url,
    condition,
    at: clock.getTime(),
    bannerShown: condition === 'no-choice',
    storage: names.map((name) => ({
      type: 'cookie' as const,
      name,
      expires: clock.getTime() / 1000 + 86_400 * (name === 'charter_consent' ? 150 : 300),
    })),
    thirdPartyHosts: [],
    frameHosts: [],
    pixelHosts: [],
    consentMode: {},
  });
  return Promise.resolve({
    startUrl: url,
    pages: [url],
    observations: [
      observe('no-choice', beforeChoice),
      observe('reject-all', ['charter_consent']),
      observe('accept-all', ['charter_consent', '_stats']),
      observe('gpc', ['charter_consent', '_stats']),
    ],
    startedAt: clock.toISOString(),
    finishedAt: clock.toISOString(),
  });
}

let deps: SiteScanDeps<Database>;

beforeAll(async () => {
  database = await testDatabase();
  scope = { organisationId: (await ensureOrganisation(database.db, 'testco', 'Testco BV')).id };
  other = { organisationId: (await ensureOrganisation(database.db, 'otherco', 'Otherco BV')).id };
  await applyCharter(database.db, scope, { charter: buildCharter(), source: '{}', format: 'json', actor: 'system' });
  const logger = createLogger('silent');
  const mailer = createMailer({
    db: database.db,
    logger,
    from: 'Charter <charter@localhost>',
  });
  // Each reading of the clock a second later, so scans of one test have an order.
  let tick = 0;
  deps = {
    db: database.db,
    mailer,
    logger,
    clock: () => new Date(clock.getTime() + 1000 * tick++),
    publicUrl: 'http://charter.test',
    scan: fakeScan,
  };
  runner = createJobRunner({ db: database.db, logger, clock: () => clock });
  registerSiteJobs(runner, deps, { tickEveryMs: 0 });
}, 120_000);
afterAll(async () => {
  await runner?.stop();
  await database?.close();
});

const drifts = () =>
  database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text'])
    .where('template', '=', 'site.scan.drift')
    .orderBy('created_at')
    .execute();

describe('site scans', () => {
  it('scans the declared domain on the daily schedule, stores the result and audits it', async () => {
    expect(await enqueueDailyScans(database.db, clock)).toBe(1);
    expect(await enqueueDailyScans(database.db, clock)).toBe(0);
    await runner.runOnce();
    expect(asked).toEqual([['https://www.testco.example/']]);
    const [scan] = await listSiteScans(database.db, scope, 'main');
    expect(scan).toMatchObject({
      site: 'main',
      trigger: 'schedule',
      status: 'completed',
      violations: 0,
      warnings: 0,
      newFindings: 0,
    });
    const audit = await database.db
      .selectFrom('audit_entries')
      .select(['action', 'target'])
      .where('organisation_id', '=', scope.organisationId)
      .where('action', 'like', 'site.scan.%')
      .execute();
    expect(audit).toEqual([{ action: 'site.scan.completed', target: 'site:main' }]);
    expect(await drifts()).toEqual([]);
  });

  it('mails the officers what is new, once', async () => {
    beforeChoice = ['_stats'];
    const first = await runSiteScan(deps, scope, 'main', { trigger: 'api', actor: 'user:1' });
    expect(first).toMatchObject({ violations: 1, newFindings: 1 });
    expect(first.findings?.map((f) => f.rule)).toEqual(['storage-before-consent']);
    const again = await runSiteScan(deps, scope, 'main', { trigger: 'api', actor: 'user:1' });
    expect(again).toMatchObject({ violations: 1, newFindings: 0 });
    const mails = await drifts();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Site main: 1 new finding in the cookie scan');
    expect(mails[0]!.text).toContain('"_stats" (analytics) is stored before any choice');
    expect(mails[0]!.text).toContain('http://charter.test/console/sites/main');
    expect((await getSiteScan(database.db, scope, 'main'))?.id).toBe(again.id);
  });

  it('records a scan that could not run as failed, with the first line of the reason, and audits it', async () => {
    const failing = {
      ...deps,
      scan: () => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED\n  at the browser')),
    };
    const failed = await runSiteScan(failing, scope, 'main', { trigger: 'api', actor: 'user:2' });
    expect(failed).toMatchObject({ status: 'failed', error: 'net::ERR_NAME_NOT_RESOLVED', violations: 0 });
    expect(failed.finishedAt).toEqual(expect.any(String));
    const audit = await database.db
      .selectFrom('audit_entries')
      .select(['actor', 'action', 'target', 'data'])
      .where('organisation_id', '=', scope.organisationId)
      .where('action', '=', 'site.scan.failed')
      .execute();
    expect(audit).toEqual([
      { actor: 'user:2', action: 'site.scan.failed', target: 'site:main', data: { scan: failed.id } },
    ]);
  });

  it('refuses a site the charter does not declare, and keeps organisations apart', async () => {
    await expect(runSiteScan(deps, scope, 'elsewhere', { trigger: 'api', actor: 'user:1' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(runSiteScan(deps, other, 'main', { trigger: 'api', actor: 'user:1' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await listSiteScans(database.db, other, 'main')).toEqual([]);
  });

  it('tells webhook subscribers of each stored scan: ids and counts by severity, new ones against the previous scan', async () => {
    const hooks = {
      organisationId: (await ensureOrganisation(database.db, 'hookco', 'Hookco BV')).id,
      actor: 'user:1',
    };
    const hookCharter = buildCharter((c) => {
      c.sites[0]!.id = 'shop';
      c.sites[0]!.domain = 'www.hookco.example';
    });
    await applyCharter(database.db, hooks, { charter: hookCharter, source: '{}', format: 'json', actor: 'system' });
    const receiver = await startReceiver();
    try {
      const subscription = await createSubscription(
        { db: database.db, clock: () => clock, allowPrivate: true },
        hooks,
        { url: receiver.url, events: ['site.scan.completed'] },
      );
      beforeChoice = [];
      const first = await runSiteScan(deps, hooks, 'shop', { trigger: 'api', actor: 'user:1' });
      beforeChoice = ['_stats'];
      const second = await runSiteScan(deps, hooks, 'shop', { trigger: 'api', actor: 'user:1' });
      const sender = {
        db: database.db,
        dbKind: database.kind,
        logger: createLogger('silent'),
        clock: () => new Date(clock.getTime() + 3_600_000),
        allowPrivate: true,
        timeoutMs: 5_000,
      };
      expect(await deliverOrganisation(sender, hooks)).toBe(2);
      const messages = receiver.received.map((r) => new Webhook(subscription.secret).verify(r.body, r.headers));
      expect(messages).toEqual([
        {
          type: 'site.scan.completed',
          timestamp: expect.any(String),
          data: {
            scanId: first.id,
            site: 'shop',
            pages: 1,
            findings: { violation: 0, warning: 0, info: 0 },
            newFindings: { violation: 0, warning: 0, info: 0 },
          },
        },
        {
          type: 'site.scan.completed',
          timestamp: expect.any(String),
          data: {
            scanId: second.id,
            site: 'shop',
            pages: 1,
            findings: { violation: 1, warning: 0, info: 0 },
            newFindings: { violation: 1, warning: 0, info: 0 },
          },
        },
      ]);
      // Nothing about a page or a person: no URL, no cookie name.
      expect(receiver.received.map((r) => r.body).join('')).not.toMatch(/_stats|https?:|hookco\.example/);
      // Another organisation's scans reach no subscriber of this one.
      await runSiteScan(deps, scope, 'main', { trigger: 'api', actor: 'user:1' });
      expect(await deliverOrganisation(sender, hooks)).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('starts from https, or http on loopback', () => {
    expect([siteStartUrl('www.example.be'), siteStartUrl('127.0.0.1:8080'), siteStartUrl('localhost:3000')]).toEqual([
      'https://www.example.be/',
      'http://127.0.0.1:8080/',
      'http://localhost:3000/',
    ]);
  });
});
