/**
 * Migrations of the records domain (0650–0699): the breach register. Its three tables are append-only in the database
 * itself: a trigger refuses every UPDATE, DELETE and TRUNCATE (whoever connects), the application role is not even
 * granted those rights, and row-level security keeps each organisation to its own rows.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable, refuseAllChanges } from '../platform/db/ddl.js';
import { applicationRole, enableOrganisationRls } from '../platform/db/rls.js';

const appendOnlyTables = ['breaches', 'breach_versions', 'breach_notifications'] as const;

export const recordsMigrations: Record<string, Migration> = {
  '0650-records-breach-register': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'breaches', { rls: false })`
          id uuid not null,
          number integer not null,
          created_at timestamptz not null,
          created_by text not null,
          primary key (organisation_id, id),
          unique (organisation_id, number)`;
      await createOrganisationTable(db, 'breach_versions', { key: 'plain', rls: false })`
          breach_id uuid not null,
          version integer not null check (version >= 1),
          recorded_at timestamptz not null,
          recorded_by text not null,
          reason text,
          aware_at timestamptz not null,
          status text not null check (status in ('open', 'closed')),
          content jsonb not null,
          primary key (organisation_id, breach_id, version),
          foreign key (organisation_id, breach_id) references breaches (organisation_id, id),
          check ((version = 1) = (reason is null))`;
      await createOrganisationTable(db, 'breach_notifications', { key: 'plain', rls: false })`
          breach_id uuid not null,
          seq integer not null check (seq >= 1),
          recipient text not null check (recipient in ('authority', 'subjects', 'controller')),
          phase text not null check (phase in ('initial', 'follow-up', 'final')),
          controller text,
          sent_at timestamptz not null,
          recorded_at timestamptz not null,
          recorded_by text not null,
          language text,
          channel text,
          reference text,
          content text not null,
          delay_reasons text,
          primary key (organisation_id, breach_id, seq),
          foreign key (organisation_id, breach_id) references breaches (organisation_id, id),
          check ((recipient = 'controller') = (controller is not null))`;
      await sql`create index breach_versions_open on breach_versions (organisation_id, aware_at) where status = 'open'`.execute(
        db,
      );

      await sql`
        create or replace function records_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'the breach register is append-only: % on % is not allowed (amend instead)', tg_op, tg_table_name
            using errcode = 'insufficient_privilege';
        end $$`.execute(db);
      for (const table of appendOnlyTables) {
        await enableOrganisationRls(db, table);
        await sql.raw(`revoke update, delete, truncate on ${table} from ${applicationRole}`).execute(db);
        await refuseAllChanges(db, table, 'records_refuse_change');
      }
    },
  },
};
