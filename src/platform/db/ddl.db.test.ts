/**
 * The migrations' shared DDL (ddl.ts) on a real database: an organisation-owned table leads with its organisation and
 * is under row-level security unless told otherwise; the append-only triggers refuse what they promise to.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/support/database.js';
import { ensureOrganisation } from '../../accounts/organisations.js';
import type { Database } from '../../database.js';
import type { OpenDatabase } from './database.js';
import { createOrganisationTable, refuseAllChanges, refuseRowChanges } from './ddl.js';
import { acrossOrganisations } from './tenancy-guard.js';

let database: OpenDatabase<Database>;
let db: Kysely<unknown>;
let organisationId: string;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db as unknown as Kysely<unknown>;
  organisationId = (await ensureOrganisation(database.db, 'ddl', 'DDL')).id;
  await sql`
    create function ddl_test_refuse() returns trigger language plpgsql as $$
    begin
      raise exception 'refused (% on %)', tg_op, tg_table_name using errcode = '55000';
    end $$`.execute(db);
}, 120_000);
afterAll(() => database?.close());

/** Runs DDL the way migrate() does: as installation work, outside any organisation's scope. */
const asMigration = (work: () => Promise<void>) => acrossOrganisations('ddl test: what a migration runs', work);

/** The table's columns in order, with their nullability. */
async function columnsOf(table: string) {
  const { rows } = await sql<{ name: string; nullable: string }>`
    select column_name as name, is_nullable as nullable from information_schema.columns
     where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.map((r) => `${r.name}${r.nullable === 'NO' ? ' not null' : ''}`);
}

async function rowSecurityOf(table: string) {
  const { rows } = await sql<{ secured: boolean; forced: boolean }>`
    select relrowsecurity as secured, relforcerowsecurity as forced from pg_class where relname = ${table}`.execute(db);
  return rows[0];
}

describe('createOrganisationTable', () => {
  it('puts organisation_id first, referencing the organisation, and turns on forced row-level security', async () => {
    await asMigration(
      () => createOrganisationTable(db, 'ddl_owned')`
      id uuid not null,
      note text,
      primary key (organisation_id, id)`,
    );
    expect(await columnsOf('ddl_owned')).toEqual(['organisation_id not null', 'id not null', 'note']);
    expect(await rowSecurityOf('ddl_owned')).toEqual({ secured: true, forced: true });
    await expect(
      sql`insert into ddl_owned (organisation_id, id) values (gen_random_uuid(), gen_random_uuid())`.execute(db),
    ).rejects.toThrow(/foreign key/);
  });

  it('makes the organisation the primary key of a one-per-organisation table, and leaves security off when asked', async () => {
    await asMigration(
      () => createOrganisationTable(db, 'ddl_single', { key: 'one-per-organisation', rls: false })`
      value text not null`,
    );
    await sql`insert into ddl_single (organisation_id, value) values (${organisationId}, 'a')`.execute(db);
    await expect(
      sql`insert into ddl_single (organisation_id, value) values (${organisationId}, 'b')`.execute(db),
    ).rejects.toThrow(/duplicate key/);
    expect(await rowSecurityOf('ddl_single')).toEqual({ secured: false, forced: false });
  });
});

describe('append-only triggers', () => {
  it('refuseAllChanges refuses UPDATE, DELETE and TRUNCATE; refuseRowChanges leaves TRUNCATE alone', async () => {
    await asMigration(
      () => createOrganisationTable(db, 'ddl_sealed', { key: 'plain', rls: false })`
      value text not null`,
    );
    await asMigration(
      () => createOrganisationTable(db, 'ddl_rows_only', { key: 'plain', rls: false })`
      value text not null`,
    );
    await asMigration(() => refuseAllChanges(db, 'ddl_sealed', 'ddl_test_refuse'));
    await asMigration(() => refuseRowChanges(db, 'ddl_rows_only', 'ddl_test_refuse'));
    for (const table of ['ddl_sealed', 'ddl_rows_only']) {
      await sql`insert into ${sql.table(table)} (organisation_id, value) values (${organisationId}, 'kept')`.execute(
        db,
      );
      await expect(sql`update ${sql.table(table)} set value = 'changed'`.execute(db)).rejects.toThrow(/refused/);
      await expect(sql`delete from ${sql.table(table)}`.execute(db)).rejects.toThrow(/refused/);
    }
    await expect(sql`truncate ddl_sealed`.execute(db)).rejects.toThrow(/refused \(TRUNCATE/);
    await sql`truncate ddl_rows_only`.execute(db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ddl_sealed`.execute(db);
    expect(rows[0]?.n).toBe(1);
  });
});
