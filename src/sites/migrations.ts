/** Migrations of the sites domain (0800–0899). Every table is organisation-owned: `organisation_id` leads. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';

export const siteMigrations: Record<string, Migration> = {
  '0800-site-scans': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'site_scans')`
          id uuid not null,
          site_id text not null,
          trigger text not null check (trigger in ('schedule', 'api')),
          actor text not null,
          status text not null check (status in ('running', 'completed', 'failed')),
          started_at timestamptz not null,
          finished_at timestamptz,
          pages jsonb not null default '[]',
          findings jsonb not null default '[]',
          new_findings integer not null default 0,
          violations integer not null default 0,
          warnings integer not null default 0,
          error text,
          primary key (organisation_id, id)`;
      await sql`create index site_scans_history on site_scans (organisation_id, site_id, started_at desc)`.execute(db);
    },
  },
};
