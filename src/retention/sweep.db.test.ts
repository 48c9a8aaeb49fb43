/**
 * Retention runs against real stores: the CRM fixture on PostgreSQL and on MariaDB, Charter's own database on PGlite
 * or PostgreSQL (the project decides). Every rule kind, holds, restriction, the minimum, dry runs, the approval gate
 * and the lock between concurrent runs.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCharter } from '../charter/repository.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { isHashed } from '../stores/strategies.js';
import { computePlan } from './plan.js';
import { decideRun, getRun } from './runs.js';
import { runRetention, type RunOptions } from './sweep.js';
import {
  crmCharter,
  ids,
  insertRows,
  newsletterConsents,
  readAll,
  readRows,
  seedCrm,
  testNow,
  type StoreKind,
} from './testing/crm.js';
import { organisationWithStore, type StoreFixture } from './testing/organisation.js';
import { retentionWorld } from './testing/setup.js';

// The servers and the database are read from `world` inside hooks and tests, once its `beforeAll` has run.
const world = retentionWorld();

const options: RunOptions = { trigger: 'cli', actor: 'cli', batchSize: 2, maxShare: 0.1 };

type Fixture = StoreFixture;

/** A fresh organisation with the CRM charter, its own seeded store, consents in the ledger and two outbox mails. */
async function fixture(kind: StoreKind): Promise<Fixture> {
  const created = await organisationWithStore(world.database, world.servers, kind, {
    prefix: 'org',
    connectionPrefix: 'CRM',
    seed: (driver) => seedCrm(driver, kind),
    charter: (organisation, connection) => crmCharter({ organisation, connection, kind }),
  });
  const { scope } = created;
  const organisation = { id: scope.organisationId };
  await inOrganisation(world.database.db, scope, async (trx) => {
    for (const consent of newsletterConsents()) {
      const hash = `h-${consent.email}`;
      await sql`insert into purpose_consent_subjects (organisation_id, subject_hash, email) values (${organisation.id}, ${hash}, ${consent.email}) on conflict do nothing`.execute(
        trx,
      );
      await sql`insert into purpose_consents (organisation_id, id, subject_hash, purpose_id, action, text_version, language, method, actor, recorded_at)
                values (${organisation.id}, ${randomUUID()}, ${hash}, 'newsletter', ${consent.action}, 'v1', 'en', 'form', 'test', ${consent.at.toISOString()}::timestamptz)`.execute(
        trx,
      );
    }
  });
  for (const [id, days] of [
    [randomUUID(), 100],
    [randomUUID(), 10],
  ] as const) {
    await sql`insert into mail_outbox (id, organisation_id, created_at, recipient, subject, text, template, transport)
              values (${id}, ${organisation.id}, ${new Date(testNow.getTime() - days * 86_400_000).toISOString()}::timestamptz, 'x@example.be', 'Code', 'Your code', 'request.code', 'outbox')`.execute(
      world.database.db,
    );
  }
  return created;
}

describe.each(['postgres', 'mysql'] as const)('retention on a %s store', (kind) => {
  describe('a full run', () => {
    let f: Fixture;
    let run: Awaited<ReturnType<typeof runRetention>>['run'];
    let after: Awaited<ReturnType<typeof readAll>>;

    beforeAll(async () => {
      f = await fixture(kind);
      ({ run } = await runRetention(f.deps, f.scope, { ...options, approve: true }));
      after = await readAll(f.driver);
    }, 120_000);
    afterAll(async () => {
      await f?.driver.close();
    });

    const step = (table: string) => run?.steps.find((s) => s.table === table);

    it('completes, after the operator approved the first run on the store', () => {
      expect(run?.steps.filter((s) => s.error).map((s) => s.table)).toEqual([]);
      // Customer 6 is due, but invoices under a hold still point at it (a nullable reference retention never unlinks
      // from a held row): kept, its personal columns erased, and said so — nothing stayed with its data.
      expect(run?.steps.filter((s) => s.blocked).map((s) => s.table)).toEqual(['customers']);
      expect(step('customers')?.blocked).toMatchObject({ stayed: 0, anonymised: 1 });
      expect(
        step('customers')
          ?.blocked?.rows.map((r) => r.reason)
          .sort(),
      ).toEqual(['legal-claim', 'vat-invoices']);
      expect(run?.status).toBe('completed');
      expect(run?.approval).toMatchObject({ decision: 'approved', actor: 'cli' });
      expect(run?.approvalReasons.map((r) => r.kind)).toContain('first-run');
    });

    it('deletes rows whose own anchor column is past the period, and leaves rows without an anchor', () => {
      expect(ids(after.prospects)).toEqual([81, 82]);
      expect(step('prospects')).toMatchObject({ status: 'done', due: 1, deleted: 1, withoutAnchor: 1 });
    });

    it('follows a reference to an anchor in a related table, deleting children before their parents', () => {
      expect(ids(after.orders)).toEqual([51, 53]);
      expect(step('orders')).toMatchObject({ due: 2, deleted: 2, withoutAnchor: 1 });
      expect(ids(after.customers)).toEqual([2, 3, 4, 6, 7]);
      expect(step('customers')).toMatchObject({ due: 2, deleted: 2, anonymised: 1 });
      expect(after.customers?.find((c) => c.id === 6)).toMatchObject({ name: '[erased]', phone: null });
      // The held invoices still name their customer: retention wrote nothing to them but what their hold allows.
      expect(
        (after.invoices ?? []).filter((i) => [71, 73].includes(Number(i.id))).map((i) => Number(i.customer_id)),
      ).toEqual([6, 6]);
      const order = run?.steps.map((s) => s.table) ?? [];
      expect(order.indexOf('orders')).toBeLessThan(order.indexOf('customers'));
    });

    it('renews the period for a person whose purpose consent is fresh, not for a stale or withdrawn one', () => {
      expect(ids(after.newsletter)).toEqual([90, 93]);
      expect(step('newsletter')).toMatchObject({ due: 2, deleted: 2 });
    });

    it("anonymises in place with each column's erase strategy, keeping the row", () => {
      const [old, recent] = after.visits ?? [];
      expect(old).toMatchObject({ id: 110, ip: null, page: '/home' });
      expect(isHashed(old?.visitor)).toBe(true);
      expect(recent).toMatchObject({ id: 111, ip: '192.0.2.11', visitor: 'v-111' });
      expect(step('visits')).toMatchObject({ due: 1, anonymised: 1, deleted: 0 });
    });

    it('keeps rows under a legal hold: a duration hold reduced to its kept columns, a flag hold whole', () => {
      const invoices = Object.fromEntries((after.invoices ?? []).map((r) => [Number(r.id), r]));
      expect(Object.keys(invoices).map(Number)).toEqual([71, 72, 73]);
      expect(invoices[71]).toMatchObject({ number: 'F-71', billing_name: 'Six', billing_email: null, iban: null });
      expect(invoices[73]).toMatchObject({
        number: 'F-73',
        billing_email: 'six@example.be',
        iban: 'BE73',
        legal_claim: true,
      });
      expect(invoices[72]).toMatchObject({ billing_email: 'three@example.be', iban: 'BE72' });
      expect(step('invoices')).toMatchObject({
        due: 1,
        deleted: 1,
        held: { 'vat-invoices': 1, 'legal-claim': 1 },
        reduced: { 'vat-invoices': 1 },
      });
    });

    it('keeps a restricted row (Art. 18) and reports it', () => {
      expect(after.customers?.find((c) => c.id === 2)).toMatchObject({ name: 'Two', processing_restricted: true });
      expect(step('customers')?.held).toMatchObject({ restricted: 1 });
    });

    it('deletes at the duration, never at the minimum', () => {
      expect(ids(after.applications)).toEqual([100, 102]);
      expect(step('applications')).toMatchObject({ due: 1, deleted: 1 });
    });

    it("applies Charter's own rules by the same mechanism: outbox mail older than 90 days goes", async () => {
      expect(step('mail_outbox')).toMatchObject({ store: 'charter', due: 1, deleted: 1 });
      const left = await sql<{
        n: number;
      }>`select count(*)::int as n from mail_outbox where organisation_id = ${f.scope.organisationId}`.execute(
        world.database.db,
      );
      expect(left.rows[0]?.n).toBe(1);
    });

    it("writes the run's audit entry with counts and no personal data", async () => {
      const entries = await inOrganisation(world.database.db, f.scope, (trx) =>
        trx
          .selectFrom('audit_entries')
          .select(['action', 'target', 'data'])
          .where('organisation_id', '=', f.scope.organisationId)
          .where('action', 'like', 'retention.%')
          .orderBy('seq')
          .execute(),
      );
      expect(entries.map((e) => e.action)).toEqual(['retention.run.approved', 'retention.run.completed']);
      const completed = entries[1];
      expect(completed?.target).toBe(`retention-run:${run?.id}`);
      const text = JSON.stringify(completed?.data);
      expect(text).toContain('"table":"customers"');
      expect(text).not.toMatch(/@example\.be|One|192\.0\.2/);
    });

    it('finds nothing left to do on a second run, and needs no approval for it', async () => {
      const again = await runRetention(f.deps, f.scope, options);
      expect(again.run?.status).toBe('completed');
      expect(again.run?.approval).toBeNull();
      expect(again.run?.totals).toMatchObject({ deleted: 0, anonymised: 0 });
      expect(await readAll(f.driver)).toEqual(after);
    });
  });

  it('changes nothing on a dry run, and reports what a run would do', async () => {
    const f = await fixture(kind);
    try {
      const before = await readAll(f.driver);
      const { run } = await runRetention(f.deps, f.scope, { ...options, dryRun: true });
      expect(await readAll(f.driver)).toEqual(before);
      expect(run).toMatchObject({ status: 'completed', dryRun: true, approval: null });
      expect(Object.fromEntries(run?.steps.map((s) => [s.table, s.due]) ?? [])).toEqual({
        orders: 2,
        invoices: 1,
        // Customer 6 is blocked by its held invoices, not due.
        customers: 2,
        prospects: 1,
        newsletter: 2,
        applications: 1,
        visits: 1,
        mail_outbox: 1,
        rights_requests: 0,
      });
      expect(run?.totals).toMatchObject({ deleted: 0, anonymised: 0 });
      // The dry run and the plan agree on what is due now.
      const stored = await activeCharter(world.database.db, f.scope);
      const plan = await computePlan(f.deps, f.scope, stored!.charter, testNow);
      expect(Object.fromEntries(plan.rules.map((r) => [r.table, r.dueNow]))).toEqual(
        Object.fromEntries(run?.steps.map((s) => [s.table, s.due]) ?? []),
      );
    } finally {
      await f.driver.close();
    }
  });

  it('holds a first run for approval without touching anything, then executes it once approved', async () => {
    const f = await fixture(kind);
    try {
      const before = await readAll(f.driver);
      const held = (await runRetention(f.deps, f.scope, options)).run;
      expect(held?.status).toBe('awaiting-approval');
      expect(held?.approvalReasons).toContainEqual({
        kind: 'first-run',
        store: 'crm',
        message: 'first retention run on store crm',
      });
      expect(await readAll(f.driver)).toEqual(before);

      await decideRun(
        world.database.db,
        f.scope,
        held?.id ?? '',
        { decision: 'approved', actor: 'user:officer' },
        testNow,
      );
      const { resumed, run } = await runRetention(f.deps, f.scope, { ...options, actor: 'system', resumeOnly: true });
      expect(run).toBeUndefined();
      expect(resumed.map((r) => [r.id, r.status])).toEqual([[held?.id, 'completed']]);
      expect(ids((await readAll(f.driver)).prospects)).toEqual([81, 82]);
      expect((await getRun(world.database.db, f.scope, held?.id ?? '')).approval).toMatchObject({
        decision: 'approved',
        actor: 'user:officer',
      });
    } finally {
      await f.driver.close();
    }
  });

  it('holds a later run that would delete more than the share of a table, and a rejection deletes nothing', async () => {
    const f = await fixture(kind);
    try {
      await runRetention(f.deps, f.scope, { ...options, approve: true });
      // 20 more prospects past their period: 21 of 22 rows would go.
      const old = new Date(testNow.getTime() - 5 * 365 * 86_400_000);
      await insertRows(
        f.driver,
        'prospects',
        Array.from({ length: 20 }, (_, i) => ({
          id: 200 + i,
          email: `bulk${i}@example.be`,
          name: 'Bulk',
          last_contact_at: old,
        })),
      );
      const held = (await runRetention(f.deps, f.scope, options)).run;
      expect(held?.status).toBe('awaiting-approval');
      expect(held?.approvalReasons).toEqual([
        expect.objectContaining({ kind: 'share', store: 'crm', table: 'prospects', due: 20, total: 22 }),
      ]);
      await decideRun(
        world.database.db,
        f.scope,
        held?.id ?? '',
        { decision: 'rejected', actor: 'user:officer', note: 'bad import' },
        testNow,
      );
      expect((await getRun(world.database.db, f.scope, held?.id ?? '')).status).toBe('rejected');
      expect(await readRows(f.driver, 'prospects')).toHaveLength(22);
      await expect(
        decideRun(world.database.db, f.scope, held?.id ?? '', { decision: 'approved', actor: 'user:officer' }, testNow),
      ).rejects.toMatchObject({ status: 409 });
    } finally {
      await f.driver.close();
    }
  });

  it('refuses a table whose store check fails, and sweeps the others', async () => {
    const f = await fixture(kind);
    try {
      // The live column no longer takes the NULL the anonymisation would write.
      await f.driver.query(
        kind === 'postgres'
          ? 'alter table visits alter column ip set not null'
          : 'alter table visits modify ip varchar(64) not null',
      );
      const before = await readRows(f.driver, 'visits');
      const { run } = await runRetention(f.deps, f.scope, { ...options, approve: true });
      const visits = run?.steps.find((s) => s.table === 'visits');
      expect(visits?.status).toBe('refused');
      expect(visits?.problems.join('\n')).toMatch(/"ip" is NOT NULL/);
      expect(await readRows(f.driver, 'visits')).toEqual(before);
      // The refused table's due rows stayed: the run says so instead of "completed".
      expect(run?.status).toBe('partial');
      expect(ids(await readRows(f.driver, 'prospects'))).toEqual([81, 82]);
    } finally {
      await f.driver.close();
    }
  });

  it('never runs two sweeps of one organisation at once', async () => {
    const f = await fixture(kind);
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const inside = new Promise<void>((resolve) => (started = resolve));
      const first = runRetention(f.deps, f.scope, {
        ...options,
        approve: true,
        heartbeat: async () => {
          started();
          await released;
        },
      });
      await inside;
      await expect(runRetention(f.deps, f.scope, options)).rejects.toMatchObject({ status: 409 });
      release();
      expect((await first).run?.status).toBe('completed');
    } finally {
      await f.driver.close();
    }
  });
});

describe('a driver error that quotes a stored value', () => {
  it('reaches neither the plan nor the stored run: only the error class is kept', async () => {
    const f = await fixture('postgres');
    try {
      // The newsletter's email column becomes an integer: the renewal exclusion then compares it with the emails of
      // the consent ledger, and PostgreSQL refuses with `invalid input syntax for type integer: "renewed@example.be"`.
      await f.driver.query('delete from newsletter');
      await f.driver.query('alter table newsletter alter column email type integer using 0');
      const stored = await activeCharter(world.database.db, f.scope);
      const plan = await computePlan(f.deps, f.scope, stored!.charter, testNow);
      const newsletter = plan.rules.find((r) => r.table === 'newsletter');
      expect(newsletter).toMatchObject({ status: 'error' });
      expect(newsletter?.error).toBeTruthy();
      const { run } = await runRetention(f.deps, f.scope, { ...options, approve: true });
      const step = run?.steps.find((s) => s.table === 'newsletter');
      expect(step?.error).toBeTruthy();
      const reports = JSON.stringify([plan, run, await getRun(world.database.db, f.scope, run?.id ?? '')]);
      expect(reports).not.toContain('@example.be');
      expect(reports).not.toContain('invalid input syntax');
    } finally {
      await f.driver.close();
    }
  });
});
