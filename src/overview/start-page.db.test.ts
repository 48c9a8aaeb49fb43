/**
 * The console start page from real data: each first step flips to done when the thing happened, the counts count
 * only the caller's organisation, and a count is left out for a caller without that domain's read scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { signedInUser, tokenFor } from '../../test/support/auth.js';
import { crossOrganisationSeeders } from '../../test/support/cross-organisation.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import { consentCharter } from '../consent/ledger-fixtures.js';
import { readConfig } from '../platform/config.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { createJobRunner } from '../platform/jobs.js';
import { createLogger } from '../platform/logger.js';
import { composeRetention } from '../retention/deps.js';
import { registerRetentionJobs } from '../retention/jobs.js';
import { recordBreach } from '../records/breach-repository.js';
import { breachContentSchema } from '../records/breach.js';
import { bannerSnippet, readStartPage, type StartPage } from './start-page.js';

let t: TestApp;
let a: string;
let b: string;

beforeAll(async () => {
  t = await buildTestApp({ charter: consentCharter(), env: { PUBLIC_URL: 'http://charter.test' } });
  a = t.organisationId!;
  b = (await ensureOrganisation(t.database.db, 'bravo', 'Bravo BV')).id;
  await applyCharter(
    t.database.db,
    { organisationId: b },
    {
      charter: consentCharter((c) => {
        c.organisation.id = 'bravo';
        c.sites = [{ id: 'bravo-site', name: 'Bravo', domain: 'www.bravo.example' }];
      }),
      source: '{}',
      format: 'json',
      actor: 'system',
    },
  );
  // Organisation B has a bit of everything: a request, a breach, consent, a dry run, members and tokens.
  for (const seed of crossOrganisationSeeders) await seed(t, b);
}, 120_000);
afterAll(async () => t?.close());

async function startPage(headers: Record<string, string>): Promise<StartPage> {
  const response = await t.app.inject({ url: '/api/v1/overview', headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<StartPage>();
}

describe('GET /api/v1/overview', () => {
  it('refuses a caller who is not signed in', async () => {
    expect((await t.app.inject({ url: '/api/v1/overview' })).statusCode).toBe(401);
  });

  it("shows a new organisation's first steps as not done, untouched by another organisation's activity", async () => {
    const { headers } = await signedInUser(t, 'owner', { organisationId: a });
    const page = await startPage(headers);
    expect(page.steps.charter).toMatchObject({ applied: true, errors: 0 });
    expect(page.steps.sites.map((s) => s.id)).toEqual(consentCharter().sites.map((s) => s.id));
    expect(page.steps.sites[0]).toMatchObject({
      bannerSeen: false,
      snippet: bannerSnippet('http://charter.test', page.steps.sites[0]!.id),
    });
    expect(page.steps.smtp.configured).toBe(false);
    expect(page.steps.colleagues.members).toBe(1);
    expect(page.steps.dryRun).toEqual({ done: false, at: null });
    expect(page.counts.requests).toEqual({ open: 0, overdue: 0, nextDue: null });
    expect(page.counts.consent).toMatchObject({ answers: 0, optInRate: null });
    expect(page.counts.retention).toEqual({ awaitingApproval: 0 });
    expect(page.counts.breaches).toEqual({ clocksRunning: 0, nextDeadline: null });
    expect(JSON.stringify(page)).not.toContain('bravo');
  });

  it('marks the steps done and counts the open work once they happened in the organisation', async () => {
    for (const seed of crossOrganisationSeeders) await seed(t, a);
    const site = consentCharter().sites[0]!.id;
    const today = new Date().toISOString().slice(0, 10);
    // Counters as the ledger's group commit writes them: 4 answers deciding 8 categories, 6 granted.
    await inOrganisation(t.database.db, { organisationId: a }, (trx) =>
      trx
        .insertInto('consent_daily_stats')
        .values([
          { organisation_id: a, site_id: site, day: today, metric: 'records', shard: 7, count: 4 },
          { organisation_id: a, site_id: site, day: today, metric: 'decided:analytics', shard: 7, count: 8 },
          { organisation_id: a, site_id: site, day: today, metric: 'granted:analytics', shard: 7, count: 6 },
        ])
        .execute(),
    );
    const aware = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const breach = await recordBreach(
      t.database.db,
      { organisationId: a },
      {
        content: breachContentSchema.parse({
          title: 'Mail to the wrong customer',
          discoveredAt: aware,
          awareAt: aware,
          nature: ['confidentiality'],
          description: 'An invoice went to another customer.',
          subjectCategories: ['customer'],
          approximateSubjects: 1,
          dataCategories: ['contact.email'],
          approximateRecords: 1,
          consequences: 'Little.',
          measuresTaken: 'Asked the recipient to delete it.',
          authority: { required: true, reason: 'Financial data.' },
          subjects: { required: false, reason: 'No high risk.' },
        }),
        actor: 'system',
        now: new Date(),
      },
    );

    const { headers } = await signedInUser(t, 'owner', { organisationId: a });
    const page = await startPage(headers);
    expect(page.steps.sites.find((s) => s.id === site)?.bannerSeen).toBe(true);
    expect(page.steps.colleagues.members).toBeGreaterThan(1);
    expect(page.counts.requests?.open).toBe(1);
    expect(page.counts.requests?.nextDue?.reference).toMatch(/^R-/);
    // The seeded consent record plus the 4 answers written above; 6 of 8 decided categories granted (and the seeded).
    expect(page.counts.consent?.answers).toBeGreaterThanOrEqual(4);
    expect(page.counts.consent?.optInRate).not.toBeNull();
    // The seeded breach was notified; the new one's 72-hour clock runs.
    expect(page.counts.breaches).toEqual({
      clocksRunning: 1,
      nextDeadline: { id: breach.id, reference: breach.reference, deadline: expect.any(String) as string },
    });
    expect(JSON.stringify(page)).not.toContain('bravo');
  });

  it('marks the first retention dry run done once one has completed', async () => {
    const { headers } = await signedInUser(t, 'owner', { organisationId: a });
    expect((await startPage(headers)).steps.dryRun.done).toBe(false);
    const config = readConfig({ LOG_LEVEL: 'silent', CHARTER_SECRET: 'test-secret-test-secret' });
    const runner = createJobRunner({ db: t.database.db, logger: createLogger('silent') });
    registerRetentionJobs(
      runner,
      composeRetention({
        db: t.database.db,
        dbKind: t.database.kind,
        config,
        env: process.env,
        clock: () => new Date(),
      }),
      config,
      createLogger('silent'),
    );
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/retention/runs',
      headers: await tokenFor(t, ['retention:run'], a),
      payload: { dryRun: true },
    });
    expect(started.statusCode, started.body).toBe(202);
    await runner.runOnce();
    const page = await startPage(headers);
    expect(page.steps.dryRun.done).toBe(true);
    expect(page.steps.dryRun.at).not.toBeNull();
  });

  it('leaves out the counts a caller may not read', async () => {
    const page = await startPage(await tokenFor(t, ['charter:read'], a));
    expect(page.counts).toEqual({ requests: null, consent: null, retention: null, breaches: null });
    expect(page.steps.charter.applied).toBe(true);
  });

  it('says SMTP is configured when it is', async () => {
    const page = await readStartPage(
      t.database.db,
      { organisationId: a },
      {
        now: new Date(),
        smtpConfigured: true,
        publicUrl: 'http://x',
        may: { requests: false, consent: false, retention: false, breaches: false },
      },
    );
    expect(page.steps.smtp.configured).toBe(true);
  });

  it('refuses to read without an organisation scope', async () => {
    await expect(
      readStartPage(
        t.database.db,
        { organisationId: '' },
        {
          now: new Date(),
          smtpConfigured: false,
          publicUrl: 'http://x',
          may: { requests: true, consent: true, retention: true, breaches: true },
        },
      ),
    ).rejects.toThrow(/organisation scope/);
  });
});
