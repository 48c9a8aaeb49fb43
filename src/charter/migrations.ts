/** Migrations of charter revisions. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';

export const charterMigrations: Record<string, Migration> = {
  '0003-charter-revisions': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'charter_revisions', { rls: false })`
          seq integer not null,
          revision text not null,
          source text not null,
          format text not null check (format in ('yaml', 'json')),
          charter jsonb not null,
          created_at timestamptz not null default now(),
          created_by text not null,
          primary key (organisation_id, seq)`;
      await sql`
        create table sites (
          site_id text primary key,
          organisation_id uuid not null references organisations(id),
          domain text not null
        )`.execute(db);
      await sql`create index sites_organisation on sites (organisation_id)`.execute(db);
    },
  },
  // A rollback from the console is a new revision carrying an earlier one's content; the history names which one.
  '0007-charter-restored-from': {
    async up(db: Kysely<unknown>) {
      await sql`alter table charter_revisions add column restored_from integer`.execute(db);
    },
  },
  // What `serve --charter FILE` last applied from a file, by the file's hash: a restart with an unchanged file leaves a
  // newer revision applied through the API or console active instead of publishing the file again.
  '0011-charter-file-applications': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'charter_file_applications')`
          file_hash text not null,
          seq integer not null,
          applied_at timestamptz not null default now(),
          primary key (organisation_id, applied_at, file_hash)`;
    },
  },
};
