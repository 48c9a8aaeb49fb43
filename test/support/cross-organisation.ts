/**
 * Fixtures of the cross-organisation test (src/accounts/cross-organisation.db.test.ts), which walks every declared
 * route with organisation A's credentials against organisation B's resources and expects 404.
 *
 * A domain adds a seeder that creates some of its resources in an organisation — through the public and API routes
 * where a caller would, through its repository otherwise — so the walker finds their ids in the database and tries
 * them on every route with path parameters. When the walker cannot build a valid body for a route from its zod
 * schema, add a sample under `bodySamples` ("METHOD /url").
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createApiToken } from '../../src/accounts/tokens.js';
import { recordAudit } from '../../src/audit/trail.js';
import { activeCharter, applyCharter } from '../../src/charter/repository.js';
import type { Charter } from '../../src/charter/schema.js';
import { consentPost } from '../../src/consent/ledger-fixtures.js';
import { consentLedgerOf } from '../../src/consent/routes.js';
import { inOrganisation } from '../../src/platform/db/tenancy.js';
import { recordBreach, recordNotification } from '../../src/records/breach-repository.js';
import { breachContentSchema } from '../../src/records/breach.js';
import { ownDataRules } from '../../src/retention/own-data.js';
import { approveInline, createRun } from '../../src/retention/runs.js';
import { claimReminder, insertPackage } from '../../src/rights/repository.js';
import { rightsContextOf } from '../../src/rights/register.js';
import { createSubscription, sendTestEvent } from '../../src/webhooks/subscriptions.js';
import type { TestApp } from './app.js';
import { signedInUser, tokenFor } from './auth.js';
import { defaultText } from '../../src/charter/localized.js';

export type CrossOrganisationSeeder = (testApp: TestApp, organisationId: string) => Promise<void>;

async function charterOf(
  testApp: TestApp,
  organisationId: string,
): Promise<{ charter: Charter; seq: number; revision: string }> {
  const stored = await activeCharter(testApp.database.db, { organisationId });
  if (!stored) throw new Error('the cross-organisation seeders need a charter in each organisation');
  return stored;
}

function form(fields: Record<string, string>) {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  };
}

function expectStatus(what: string, response: { statusCode: number; body: string }, ...accepted: number[]): void {
  if (!accepted.includes(response.statusCode))
    throw new Error(`seeding ${what} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
}

export const crossOrganisationSeeders: CrossOrganisationSeeder[] = [
  // accounts: a member, a token, and a longer audit trail than the other organisation's
  async (testApp, organisationId) => {
    await signedInUser(testApp, 'privacy-officer', { organisationId });
    await createApiToken(
      testApp.database.db,
      { organisationId },
      { name: 'seeded', scopes: ['charter:read'], actor: 'system' },
      new Date(),
    );
    for (let i = 0; i < 30; i++) {
      await inOrganisation(testApp.database.db, { organisationId }, (trx) =>
        recordAudit(trx, { organisationId }, { actor: 'system', action: 'test.seeded', data: { i } }),
      );
    }
  },

  // rights: a request through the public form (events, code, key, throttle, the code mail in the outbox), then a
  // package and a reminder of it
  async (testApp, organisationId) => {
    const { charter } = await charterOf(testApp, organisationId);
    const site = charter.sites[0]!.id;
    const submitted = await testApp.app.inject({
      method: 'POST',
      url: `/privacy/${site}/requests`,
      remoteAddress: '192.0.2.77',
      ...form({
        type: 'access',
        identityType: 'email',
        identity: `subject-${randomBytes(3).toString('hex')}@example.test`,
        lang: 'en',
      }),
    });
    expectStatus('a request', submitted, 303);
    await rightsContextOf(testApp.app).idle();
    const id = /requests\/([0-9a-f-]{36})/.exec(String(submitted.headers.location))?.[1];
    if (!id) throw new Error('seeding a request: no id in the redirect');
    const content = randomBytes(64);
    await insertPackage(
      testApp.database.db,
      { organisationId },
      {
        id: randomUUID(),
        requestId: id,
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
        fileName: 'access-package.zip',
        content,
        sha256: createHash('sha256').update(content).digest('hex'),
        linkHash: randomBytes(32).toString('hex'),
      },
    );
    await claimReminder(testApp.database.db, { organisationId }, id, '7d', new Date());
  },

  // records: a breach with a notification to the authority
  async (testApp, organisationId) => {
    const now = new Date();
    const aware = new Date(now.getTime() - 3_600_000).toISOString();
    const content = breachContentSchema.parse({
      title: 'Stolen laptop',
      discoveredAt: aware,
      awareAt: aware,
      nature: ['confidentiality'],
      description: 'A laptop with an export of the CRM was stolen.',
      subjectCategories: ['customer'],
      approximateSubjects: 10,
      dataCategories: ['contact.email'],
      approximateRecords: 10,
      consequences: 'Phishing.',
      measuresTaken: 'Passwords reset.',
      authority: { required: true, reason: 'Contact data is exposed.' },
      subjects: { required: false, reason: 'No high risk.' },
    });
    const breach = await recordBreach(testApp.database.db, { organisationId }, { content, actor: 'system', now });
    await recordNotification(testApp.database.db, { organisationId }, breach.id, {
      notification: {
        recipient: 'authority',
        phase: 'initial',
        sentAt: now.toISOString(),
        content: 'Initial notification',
      },
      actor: 'system',
      now,
    });
  },

  // retention: a run with a step (Charter's own mail copies) and its approval, and a schedule
  async (testApp, organisationId) => {
    const { seq, revision } = await charterOf(testApp, organisationId);
    const now = new Date();
    const rules = ownDataRules({ mailOutbox: 'P90D' });
    const run = await createRun(
      testApp.database.db,
      { organisationId },
      { trigger: 'api', actor: 'system', dryRun: true, cutoff: now, charterSeq: seq, charterRevision: revision, rules },
      now,
    );
    await approveInline(testApp.database.db, { organisationId }, run, 'system', [], now);
    const { headers } = await signedInUser(testApp, 'owner', { organisationId });
    expectStatus(
      'a retention schedule',
      await testApp.app.inject({
        method: 'PUT',
        url: '/api/v1/retention/schedule',
        headers,
        payload: { enabled: true, timeOfDay: '03:00' },
      }),
      200,
    );
  },

  // consent: a banner choice (record, receipt, counters), purpose consents (granted and asked by mail), a suppression
  async (testApp, organisationId) => {
    const { charter } = await charterOf(testApp, organisationId);
    const site = charter.sites[0]!;
    // The site directory refreshes every second; the other organisation was created after the app started.
    await consentLedgerOf(testApp.app).directory.invalidate();
    const recorded = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/consent',
      headers: { 'content-type': 'application/json', origin: `https://${site.domain}` },
      payload: JSON.stringify(consentPost(charter, { site: site.id, url: `https://${site.domain}/` })),
    });
    expectStatus('a consent record', recorded, 201);
    const headers = await tokenFor(testApp, ['consent:write'], organisationId);
    for (const purpose of ['photos', 'newsletter']) {
      const granted = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/consent/purposes/records',
        headers,
        payload: {
          email: `consent-${randomBytes(3).toString('hex')}@example.test`,
          purpose,
          language: 'en',
          method: 'signed-form',
        },
      });
      expectStatus(`a purpose consent (${purpose})`, granted, 201);
    }
    const suppressed = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/suppression',
      headers,
      payload: { email: `objector-${randomBytes(3).toString('hex')}@example.test`, reason: 'manual' },
    });
    expectStatus('a suppression', suppressed, 200, 201);
  },

  // notices: the versions, a subscriber confirmed through the mail in the outbox, and a significant change
  // announced to them (deliveries)
  async (testApp, organisationId) => {
    const { charter } = await charterOf(testApp, organisationId);
    const site = charter.sites[0]!.id;
    const email = `reader-${randomBytes(3).toString('hex')}@example.test`;
    const subscribed = await testApp.app.inject({
      method: 'POST',
      url: `/privacy/${site}/notice/subscribe`,
      remoteAddress: '192.0.2.78',
      ...form({ email, lang: 'en' }),
    });
    expectStatus('a notice subscription', subscribed, 200, 303);
    const mail = await inOrganisation(testApp.database.db, { organisationId }, (trx) =>
      trx
        .selectFrom('mail_outbox')
        .select('text')
        .where('organisation_id', '=', organisationId)
        .where('recipient', '=', email)
        .executeTakeFirstOrThrow(),
    );
    const token = /notice\/subscription\?token=([^&\s]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error('seeding a notice subscriber: no confirmation link in the mail');
    expectStatus(
      'a confirmed subscriber',
      await testApp.app.inject({
        method: 'POST',
        url: `/privacy/${site}/notice/subscription`,
        ...form({ token: decodeURIComponent(token), lang: 'en' }),
      }),
      200,
    );
    const headers = await tokenFor(testApp, ['notices:read', 'notices:write'], organisationId);
    expectStatus(
      'the notice versions',
      await testApp.app.inject({ url: `/api/v1/notices/${site}/versions`, headers }),
      200,
    );
    const marked = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/notices/${site}/versions/1/significant`,
      headers,
      payload: { kind: 'privacy-notice', note: 'Seeded change' },
    });
    expectStatus('a significant change', marked, 200, 201);
  },
  // webhooks: a subscription (loopback allowed: it is never sent to here) with a test event in its delivery log
  async (testApp, organisationId) => {
    const deps = { db: testApp.database.db, clock: () => new Date(), allowPrivate: true };
    const scope = { organisationId, actor: 'system' };
    const subscription = await createSubscription(deps, scope, {
      url: 'http://127.0.0.1:9/hooks',
      events: ['request.received'],
    });
    await sendTestEvent(deps, scope, subscription.id);
  },
  // charter: a second revision, so each organisation has a history of its own (last: the consent seeder posts for
  // the revision the server's site directory holds)
  async (testApp, organisationId) => {
    const { charter } = await charterOf(testApp, organisationId);
    const next = structuredClone(charter);
    next.organisation.legalName = `${defaultText(charter.organisation.legalName, charter)} (revised)`;
    await applyCharter(
      testApp.database.db,
      { organisationId },
      { charter: next, source: JSON.stringify(next), format: 'json', actor: 'system' },
    );
  },
];

/** Request bodies the walker cannot derive from a route's schema, by "METHOD /url". */
export const bodySamples: Record<string, unknown> = {};

/**
 * Routes whose path parameter is a lookup key rather than the id of one organisation's resource (the same key may
 * exist in several organisations), with the reason. For these the walker accepts 200 with nothing of B in the answer.
 */
export const lookupRoutes: Record<string, string> = {
  'GET /api/v1/consent/visitors/:visitor':
    "a visitor id is chosen by the browser; the answer is this organisation's records for it (possibly none)",
  'GET /api/v1/consent/purposes/:purpose/granted':
    "a purpose id is a slug of this organisation's charter; an unknown one has no grants",
};

/**
 * Installation routes: they act on the installation's organisations by design and need the installation operator's
 * scope (organisations:manage), which no organisation role carries. The walker expects 403 from an organisation's
 * owner and token on each; an operator's reach across organisations is tested in src/accounts/organisations.db.test.ts.
 */
export const installationRoutes: Record<string, string> = {
  'GET /api/v1/organisations': 'lists every organisation for operators',
  'POST /api/v1/organisations': 'creates an organisation',
  'POST /api/v1/organisations/:slug/archive': 'archives any organisation, by slug',
  'POST /api/v1/organisations/:slug/unarchive': 'unarchives any organisation, by slug',
};
