/**
 * Charter's own data under retention: the audit trail pruned as a prefix that stays verifiable (never the head), the
 * consent ledger dropped a whole month at a time once past the proof period, installation mails, and the schedule
 * that turns each day into exactly one job.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import { recordAudit } from '../audit/trail.js';
import { verifyChain } from '../audit/verify.js';
import { addDuration, duration } from '../charter/duration.js';
import { applyCharter } from '../charter/repository.js';
import { ensureMonth } from '../consent/ledger-partitions.js';
import type { Database } from '../database.js';
import { readConfig } from '../platform/config.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { buildCharter } from '../../test/support/charter.js';
import { testDatabase } from '../../test/support/database.js';
import { composeRetention } from './deps.js';
import { consentCutoff, sweepInstallation } from './installation.js';
import { ownDataTarget } from './own-data.js';
import { scheduleTicker } from './schedule.js';
import { runRetention } from './sweep.js';

let database: OpenDatabase<Database>;
beforeAll(async () => {
  database = await testDatabase();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

async function organisation(): Promise<OrgScope> {
  const slug = `own-${randomUUID().slice(0, 8)}`;
  const created = await ensureOrganisation(database.db, slug, slug);
  const scope = { organisationId: created.id };
  const charter = buildCharter((c) => {
    c.organisation.id = slug;
    c.sites = c.sites.map((s) => ({ ...s, id: `${slug}-${s.id}` }));
  });
  await applyCharter(database.db, scope, { charter, source: '', format: 'json', actor: 'system' });
  return scope;
}

async function auditRows(scope: OrgScope) {
  return inOrganisation(database.db, scope, (trx) =>
    trx
      .selectFrom('audit_entries')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .orderBy('seq')
      .execute(),
  );
}

/**
 * A fresh organisation whose trail holds four `test.old` entries recorded now (after `charter.applied`), and a clock
 * two years on, when a one-year audit period makes all five due.
 */
async function organisationWithOldAudit(): Promise<{ scope: OrgScope; clock: Date }> {
  const scope = await organisation();
  const now = new Date();
  await inOrganisation(database.db, scope, async (trx) => {
    for (let i = 0; i < 4; i++)
      await recordAudit(trx, scope, { actor: 'system', action: 'test.old', data: { i } }, now);
  });
  return { scope, clock: addDuration(now, duration('P2Y')) };
}

/** What a retention run of Charter's own data needs, as of `at`, with the settings `env` gives. */
const ownDataDeps = (at: Date, env: Record<string, string> = {}) =>
  composeRetention({ db: database.db, dbKind: database.kind, config: readConfig(env), env: {}, clock: () => at });

/** A run started from the command line, in batches of `batchSize`. */
const runOwnData = (deps: ReturnType<typeof ownDataDeps>, scope: OrgScope, batchSize = 100) =>
  runRetention(deps, scope, { trigger: 'cli', actor: 'cli', batchSize, maxShare: 0.1 });

describe('the audit trail under a retention period', () => {
  it('is kept whole by default', async () => {
    const scope = await organisation();
    const later = addDuration(new Date(), duration('P20Y'));
    const deps = ownDataDeps(later);
    const { run } = await runOwnData(deps, scope);
    expect(run?.steps.map((s) => s.table)).toEqual(['mail_outbox', 'rights_requests']);
    expect((await auditRows(scope)).map((e) => e.action)).toEqual(['charter.applied', 'retention.run.completed']);
  });

  it('prunes the oldest entries as a prefix, never the head, and anchors the rest of the chain', async () => {
    const { scope, clock } = await organisationWithOldAudit();
    await inOrganisation(database.db, scope, (trx) =>
      recordAudit(trx, scope, { actor: 'system', action: 'test.recent' }, addDuration(clock, duration('P1D'), -1)),
    );
    const before = await auditRows(scope);
    expect(before.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const lastOld = before[4];

    const deps = ownDataDeps(clock, { RETENTION_AUDIT: 'P1Y' });
    const { run } = await runOwnData(deps, scope, 2);
    expect(run?.steps.find((s) => s.table === 'audit_entries')).toMatchObject({ status: 'done', due: 5, deleted: 5 });

    const after = await auditRows(scope);
    expect(after.map((e) => [e.seq, e.action])).toEqual([
      [6, 'test.recent'],
      [7, 'audit.pruned'],
      [8, 'retention.run.completed'],
    ]);
    expect(after[1]?.data).toMatchObject({ throughSeq: 5, throughHash: lastOld?.hash });
    expect(after[0]?.prev_hash).toBe(lastOld?.hash);
    // The product's own verifier accepts the pruned chain from its anchor.
    expect(await verifyChain(database.db, scope)).toMatchObject({
      ok: true,
      firstBreak: null,
      firstSeq: 6,
      entries: 3,
      headSeq: 8,
    });
  });

  it('stays verifiable in the middle of a pruning (one batch deleted) and refuses a prefix deleted without an anchor', async () => {
    const { scope, clock } = await organisationWithOldAudit();
    const target = ownDataTarget(database.db, scope);
    const batch = {
      table: 'audit_entries',
      action: 'delete',
      cutoff: clock.toISOString(),
      period: 'P1Y',
      batchSize: 2,
      jobId: randomUUID(),
      now: clock.toISOString(),
    } as const;
    expect((await target.sweep(batch)).deleted).toBe(2);
    expect(await verifyChain(database.db, scope)).toMatchObject({ ok: true, firstSeq: 3 });
    // A database writer deleting the next entries (triggers off) leaves a prefix no anchor accounts for.
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from audit_entries where organisation_id = ${scope.organisationId} and action = 'audit.pruned'`.execute(
        trx,
      );
    });
    expect((await verifyChain(database.db, scope)).firstBreak).toMatchObject({
      kind: 'deleted',
      seq: 1,
      message: 'entries 1–2 are missing and no audit.pruned entry accounts for them: the oldest entries were deleted',
    });
  });

  it('keeps the head even when every entry is past the period', async () => {
    const scope = await organisation();
    const clock = addDuration(new Date(), duration('P5Y'));
    const deps = ownDataDeps(clock, { RETENTION_AUDIT: 'P1Y' });
    await runOwnData(deps, scope);
    const after = await auditRows(scope);
    // The charter.applied entry was the head: kept, anchored by nothing before it.
    expect(after.map((e) => e.action)).toEqual(['charter.applied', 'retention.run.completed']);
  });
});

describe('closed data-subject requests', () => {
  it('keeps the record of how a request was handled and erases who made it, five years after it closed', async () => {
    const scope = await organisation();
    const now = new Date('2026-06-15T00:00:00Z');
    const request = (reference: string, closedAt: string | null) =>
      sql`
      insert into rights_requests (organisation_id, id, reference, site_id, type, state, channel, language, identity_type, identity_value,
                                   identity_hash, declared_contact, details, verification_level, contacts, received_at, due_on, due_at,
                                   closed_at, created_by, updated_at)
      values (${scope.organisationId}, ${randomUUID()}, ${reference}, 'main', 'access', ${closedAt ? 'completed' : 'in-progress'}, 'web', 'en', 'email',
              ${`${reference.toLowerCase()}@example.be`}, 'hash', '+32 470 00 00 00', '{"message":"my data please"}', 'code', '["x@example.be"]',
              ${closedAt ?? '2026-06-01T00:00:00Z'}::timestamptz, '2021-01-01', ${closedAt ?? '2026-07-01T00:00:00Z'}::timestamptz,
              ${closedAt}::timestamptz, 'subject', ${now.toISOString()}::timestamptz)`.execute(database.db);
    await request('R-OLD', '2021-01-10T00:00:00Z');
    await request('R-RECENT', '2024-01-10T00:00:00Z');
    await request('R-OPEN', null);
    const deps = ownDataDeps(now);
    const { run } = await runOwnData(deps, scope);
    expect(run?.steps.find((s) => s.table === 'rights_requests')).toMatchObject({
      status: 'done',
      due: 1,
      anonymised: 1,
      deleted: 0,
    });
    const rows = await inOrganisation(database.db, scope, (trx) =>
      trx
        .selectFrom('rights_requests')
        .select(['reference', 'state', 'identity_value', 'declared_contact', 'details', 'contacts', 'closed_at'])
        .where('organisation_id', '=', scope.organisationId)
        .orderBy('reference')
        .execute(),
    );
    expect(rows.map((r) => [r.reference, r.identity_value, r.declared_contact])).toEqual([
      ['R-OLD', '[erased]', null],
      ['R-OPEN', 'r-open@example.be', '+32 470 00 00 00'],
      ['R-RECENT', 'r-recent@example.be', '+32 470 00 00 00'],
    ]);
    expect(rows[0]).toMatchObject({ state: 'completed', details: {}, contacts: [] });
    // Anonymised once: a second run finds nothing left.
    const again = await runOwnData(deps, scope);
    expect(again.run?.steps.find((s) => s.table === 'rights_requests')).toMatchObject({ due: 0, anonymised: 0 });
  });
});

describe('installation-wide own data', () => {
  it('drops a consent month once its proof period is over, keeps younger months, and deletes old installation mails', async () => {
    const scope = await organisation();
    const now = new Date('2026-06-15T00:00:00Z');
    // Proof kept 13 months (the longest a choice lives) + 5 years: months ending before 2020-05-15 may go.
    expect(consentCutoff(now, 'P5Y').toISOString()).toBe('2020-05-15T00:00:00.000Z');
    for (const [month, at] of [
      ['2019-02-01', '2019-02-10T10:00:00Z'],
      ['2021-03-01', '2021-03-10T10:00:00Z'],
    ] as const) {
      await ensureMonth(database.db, month);
      await sql`insert into consent_records (organisation_id, recorded_at, receipt_id, site_id, visitor_id, revision, method, language, choices, gpc, page_url, ip_hash, user_agent, mobile)
                values (${scope.organisationId}, ${at}::timestamptz, ${randomUUID()}, 'main', 'v1', 'r1', 'accept-all', 'en', '{}', false, 'https://x.example/', 'h', 'other', false)`.execute(
        database.db,
      );
    }
    await sql`insert into mail_outbox (id, organisation_id, created_at, recipient, subject, text, template, transport)
              values (${randomUUID()}, null, '2026-01-01T00:00:00Z', 'owner@example.be', 'Set up', 'link', 'setup', 'outbox'),
                     (${randomUUID()}, null, '2026-06-01T00:00:00Z', 'owner@example.be', 'Set up', 'link', 'setup', 'outbox')`.execute(
      database.db,
    );

    const result = await sweepInstallation(database.db, { consentRecords: 'P5Y', mailOutbox: 'P90D' }, now, 100);
    expect(result.consentMonths.filter((m) => m.dropped).map((m) => [m.month, m.records])).toEqual([['2019-02', 1]]);
    expect(result.installationMails).toBe(1);
    const months = await sql<{
      name: string;
    }>`select to_regclass('consent_records_2019_02')::text as name union all select to_regclass('consent_records_2021_03')::text`.execute(
      database.db,
    );
    expect(months.rows.map((r) => r.name)).toEqual([null, 'consent_records_2021_03']);
    const audit = await auditRows(scope);
    expect(audit.find((e) => e.action === 'consent.month-dropped')?.data).toMatchObject({
      month: '2019-02',
      records: 1,
    });
  });
});

describe('the daily schedule', () => {
  it('turns each scheduled occurrence into one job, however many processes tick', async () => {
    const scope = await organisation();
    const config = readConfig({ RETENTION_SCHEDULE: '03:00' });
    const tick = scheduleTicker(database.db, config);
    await tick(new Date('2026-06-15T01:00:00Z'));
    const schedule = await inOrganisation(database.db, scope, (trx) =>
      trx
        .selectFrom('retention_schedules')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .executeTakeFirstOrThrow(),
    );
    expect(new Date(schedule.next_run_at).toISOString()).toBe('2026-06-15T03:00:00.000Z');
    // Two processes tick at once after 03:00.
    await Promise.all([tick(new Date('2026-06-15T03:00:05Z')), tick(new Date('2026-06-15T03:00:06Z'))]);
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['queue', 'dedupe_key'])
      .where('organisation_id', '=', scope.organisationId)
      .execute();
    expect(jobs).toEqual([
      { queue: 'retention.sweep', dedupe_key: `${scope.organisationId}:2026-06-15T03:00:00.000Z` },
    ]);
    const next = await inOrganisation(database.db, scope, (trx) =>
      trx
        .selectFrom('retention_schedules')
        .select('next_run_at')
        .where('organisation_id', '=', scope.organisationId)
        .executeTakeFirstOrThrow(),
    );
    expect(new Date(next.next_run_at).toISOString()).toBe('2026-06-16T03:00:00.000Z');
  });
});
