/**
 * Tenancy fails closed, at both walls: row-level security on every organisation table (a new table without it fails
 * here), and the tenancy guard that refuses an organisation table outside a scoped transaction.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase, testDbKind } from '../../../test/support/database.js';
import { ensureOrganisation } from '../../accounts/organisations.js';
import type { Database } from '../../database.js';
import { InvariantError } from '../errors.js';
import { countEveryMail, readEveryRequest, writeAuditHead } from '../testing/forgetful-repository.js';
import type { OpenDatabase } from './database.js';
import { inOrganisation } from './tenancy.js';
import { acrossOrganisations, tenancyGuardOf } from './tenancy-guard.js';

/**
 * Tables with an `organisation_id` that are deliberately not under row-level security, with the reason. Anything else
 * with that column must have it, forced, with a policy.
 */
const installationTables: Record<string, string> = {
  sites: 'the public site registry: a visitor request names a site before any organisation is known',
  jobs: "the installation's job queue: claimed across organisations by design; a job carries ids, and its handler runs scoped",
};

let database: OpenDatabase<Database>;
let a: string;

beforeAll(async () => {
  database = await testDatabase();
  a = (await ensureOrganisation(database.db, 'alpha', 'Alpha')).id;
}, 120_000);
afterAll(() => database?.close());

describe('row-level security', () => {
  it('is enabled and forced, with a policy, on every table with an organisation_id but the installation tables', async () => {
    const { rows } = await sql<{ relname: string; secured: boolean; forced: boolean; policies: number }>`
      select c.relname, c.relrowsecurity as secured, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
       where c.relkind in ('r', 'p') and not c.relispartition
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped)
       order by c.relname`.execute(database.db);
    expect(rows.length).toBeGreaterThan(30);
    const unprotected = rows.filter((r) => !(r.secured && r.forced && r.policies > 0)).map((r) => r.relname);
    expect(unprotected).toEqual(Object.keys(installationTables).sort());
    expect(rows.map((r) => r.relname)).toContain('mail_outbox');
  });

  it("hides the outbox's mails of other organisations and installation mails from a scope", async () => {
    const b = (await ensureOrganisation(database.db, 'bravo-mail', 'Bravo')).id;
    const mail = (organisationId: string | null) => ({
      id: crypto.randomUUID(),
      organisation_id: organisationId,
      recipient: 'x@example.test',
      subject: 's',
      text: 't',
      template: 'test',
      transport: 'outbox' as const,
      html: null,
      headers: '{}',
      created_at: new Date(),
    });
    await inOrganisation(database.db, { organisationId: a }, (trx) =>
      trx.insertInto('mail_outbox').values(mail(a)).execute(),
    );
    await inOrganisation(database.db, { organisationId: b }, (trx) =>
      trx.insertInto('mail_outbox').values(mail(b)).execute(),
    );
    await acrossOrganisations('an installation mail', () =>
      database.db.insertInto('mail_outbox').values(mail(null)).execute(),
    );
    const seen = await inOrganisation(database.db, { organisationId: a }, (trx) =>
      trx.selectFrom('mail_outbox').select('organisation_id').execute(),
    );
    expect(seen.map((r) => r.organisation_id)).toEqual([a]);
    // Writing another organisation's mail from A's scope is refused by the policy's check.
    await expect(
      inOrganisation(database.db, { organisationId: a }, (trx) =>
        trx.insertInto('mail_outbox').values(mail(b)).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('the tenancy guard', () => {
  it('guards every table under row-level security', () => {
    const tables = tenancyGuardOf(database.db as never)?.tables ?? [];
    expect(tables).toEqual(
      expect.arrayContaining([
        'rights_requests',
        'mail_outbox',
        'audit_entries',
        'consent_records',
        'memberships',
        'breaches',
        'retention_runs',
      ]),
    );
  });

  it('refuses a repository that reads or writes an organisation table outside a scoped transaction', async () => {
    await expect(readEveryRequest(database.db)).rejects.toBeInstanceOf(InvariantError);
    await expect(countEveryMail(database.db)).rejects.toThrow(/mail_outbox used outside a scoped transaction/);
    await expect(writeAuditHead(database.db, a)).rejects.toThrow(/audit_heads used outside a scoped transaction/);
    // Nor inside an unscoped transaction.
    await expect(database.db.transaction().execute((trx) => readEveryRequest(trx))).rejects.toBeInstanceOf(
      InvariantError,
    );
  });

  it('lets the same code run inside a scope, and no longer once that transaction ended', async () => {
    expect(await inOrganisation(database.db, { organisationId: a }, (trx) => readEveryRequest(trx))).toEqual([]);
    await expect(
      inOrganisation(database.db, { organisationId: a }, async () => Promise.reject(new Error('rolled back'))),
    ).rejects.toThrow('rolled back');
    // The connection that was scoped went back to the pool (or is PGlite's only one): unscoped again.
    await expect(readEveryRequest(database.db)).rejects.toBeInstanceOf(InvariantError);
  });

  it('is not fooled by taking the role outside a transaction, where `set local` changes nothing', async () => {
    await database.db.connection().execute(async (connection) => {
      await sql`select set_config('role', 'charter_app', true)`.execute(connection);
      await expect(readEveryRequest(connection)).rejects.toBeInstanceOf(InvariantError);
    });
  });

  it('lets declared installation-level work cross organisations', async () => {
    await expect(
      acrossOrganisations('a test of installation work', () => readEveryRequest(database.db)),
    ).resolves.toEqual([]);
    await expect(readEveryRequest(database.db)).rejects.toBeInstanceOf(InvariantError);
  });

  it('leaves installation tables and the catalogue alone', async () => {
    await expect(database.db.selectFrom('organisations').select('id').execute()).resolves.not.toHaveLength(0);
  });
});

describe('a scoped transaction opened in one round trip', () => {
  /** The statements the `pg` clients send while `work` runs (PostgreSQL; PGlite has no client). */
  async function sent(work: () => Promise<unknown>): Promise<string[]> {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      await work();
      return spy.mock.calls.map(([first]) =>
        typeof first === 'string' ? first : String((first as { text?: string }).text),
      );
    } finally {
      spy.mockRestore();
    }
  }

  it('sends begin with its scope, is scoped to the organisation and the application role, and commits', async () => {
    const statements = await sent(async () => {
      const seen = await inOrganisation(database.db, { organisationId: a }, async (trx) => {
        const { rows } = await sql<{ organisation: string; role: string }>`
          select current_setting('charter.organisation_id') as organisation, current_user as role`.execute(trx);
        return rows[0];
      });
      expect(seen).toEqual({ organisation: a, role: 'charter_app' });
    });
    if (testDbKind() === 'postgres') {
      expect(statements).toHaveLength(3);
      expect(statements[0]).toMatch(
        new RegExp(`^begin; select set_config\\('charter.organisation_id', '${a}', true\\)`),
      );
      expect(statements[2]).toBe('commit');
    }
    // Outside the transaction, the setting is gone again.
    const { rows } = await sql<{ organisation: string | null }>`
      select current_setting('charter.organisation_id', true) as organisation`.execute(database.db);
    expect(rows[0]?.organisation ?? '').toBe('');
  });

  it('rolls back what a failed scoped transaction wrote', async () => {
    const id = crypto.randomUUID();
    await expect(
      inOrganisation(database.db, { organisationId: a }, async (trx) => {
        await trx
          .insertInto('mail_outbox')
          .values({
            id,
            created_at: new Date(),
            organisation_id: a,
            recipient: 'x@example.test',
            subject: 's',
            text: 't',
            template: 'test',
            transport: 'outbox',
            html: null,
          })
          .execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const left = await inOrganisation(database.db, { organisationId: a }, (trx) =>
      trx.selectFrom('mail_outbox').select('id').where('id', '=', id).execute(),
    );
    expect(left).toEqual([]);
  });

  it('sends nothing for a transaction that sends nothing, and begins an unscoped or isolated one as before', async () => {
    const statements = await sent(async () => {
      await database.db.transaction().execute(async () => undefined);
      const unscoped = await database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ one: number }>`select 1 as one`.execute(trx);
        return rows[0]?.one;
      });
      expect(unscoped).toBe(1);
      const isolated = await database.db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async (trx) => {
          const { rows } = await sql<{
            level: string;
          }>`select current_setting('transaction_isolation') as level`.execute(trx);
          return rows[0]?.level;
        });
      expect(isolated).toBe('serializable');
    });
    if (testDbKind() === 'postgres')
      expect(statements.map((s) => s.split(' ')[0]!.toLowerCase())).toEqual([
        'begin',
        'select',
        'commit',
        'start',
        'select',
        'commit',
      ]);
  });
});
