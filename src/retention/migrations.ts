/** Migrations of the retention domain (0500–0599). Every table is organisation-owned: `organisation_id` leads. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';
import { enableOrganisationRls } from '../platform/db/rls.js';

export const retentionMigrations: Record<string, Migration> = {
  '0500-retention-runs': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'retention_runs', { rls: false })`
          id uuid not null,
          trigger text not null check (trigger in ('cli', 'schedule', 'api')),
          actor text not null,
          dry_run boolean not null,
          cutoff timestamptz not null,
          charter_seq integer not null,
          charter_revision text not null,
          status text not null check (status in ('counting', 'awaiting-approval', 'approved', 'running', 'completed', 'failed', 'rejected')),
          approval_reasons jsonb not null default '[]',
          job_id uuid,
          created_at timestamptz not null,
          started_at timestamptz,
          finished_at timestamptz,
          heartbeat_at timestamptz,
          error text,
          primary key (organisation_id, id)`;
      await sql`create index retention_runs_history on retention_runs (organisation_id, created_at desc)`.execute(db);
      await sql`create index retention_runs_open on retention_runs (organisation_id, status) where status not in ('completed', 'failed', 'rejected')`.execute(
        db,
      );
      await sql`create unique index retention_runs_job on retention_runs (organisation_id, job_id) where job_id is not null`.execute(
        db,
      );
      await createOrganisationTable(db, 'retention_run_steps', { key: 'plain', rls: false })`
          run_id uuid not null,
          position integer not null,
          store_id text not null,
          table_name text not null,
          purpose_id text,
          action text not null check (action in ('delete', 'anonymise')),
          period text not null,
          anchor text not null,
          status text not null check (status in ('pending', 'counted', 'refused', 'running', 'done', 'failed')),
          due bigint,
          total bigint,
          held jsonb not null default '{}',
          without_anchor bigint,
          deleted bigint not null default 0,
          anonymised bigint not null default 0,
          reduced jsonb not null default '{}',
          batches integer not null default 0,
          problems jsonb not null default '[]',
          error text,
          started_at timestamptz,
          finished_at timestamptz,
          duration_ms integer,
          primary key (organisation_id, run_id, position),
          foreign key (organisation_id, run_id) references retention_runs (organisation_id, id) on delete cascade`;
      await createOrganisationTable(db, 'retention_approvals', { key: 'plain', rls: false })`
          run_id uuid not null,
          decision text not null check (decision in ('approved', 'rejected')),
          actor text not null,
          note text,
          decided_at timestamptz not null,
          primary key (organisation_id, run_id),
          foreign key (organisation_id, run_id) references retention_runs (organisation_id, id) on delete cascade`;
      await createOrganisationTable(db, 'retention_schedules', { key: 'one-per-organisation', rls: false })`
          enabled boolean not null,
          time_of_day text not null check (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
          next_run_at timestamptz not null,
          updated_at timestamptz not null,
          updated_by text not null`;
      await sql`create index retention_schedules_due on retention_schedules (next_run_at) where enabled`.execute(db);
      for (const table of ['retention_runs', 'retention_run_steps', 'retention_approvals', 'retention_schedules']) {
        await enableOrganisationRls(db, table);
      }
    },
  },
  '0501-retention-honest-runs': {
    // Several rules per table (a step names its rule), due rows that stayed (blocked by rows that reference them),
    // runs that ended partly done or were superseded, and the batch in flight (recounted from the store's ledger
    // after a crash between the store's commit and Charter's record).
    async up(db: Kysely<unknown>) {
      await sql`alter table retention_runs drop constraint if exists retention_runs_status_check`.execute(db);
      await sql`alter table retention_runs add constraint retention_runs_status_check check (status in ('counting', 'awaiting-approval', 'approved', 'running', 'completed', 'partial', 'failed', 'rejected', 'superseded'))`.execute(
        db,
      );
      await sql`drop index if exists retention_runs_open`.execute(db);
      await sql`create index retention_runs_open on retention_runs (organisation_id, status) where status not in ('completed', 'partial', 'failed', 'rejected', 'superseded')`.execute(
        db,
      );
      await sql`alter table retention_run_steps drop constraint if exists retention_run_steps_status_check`.execute(db);
      await sql`alter table retention_run_steps add constraint retention_run_steps_status_check check (status in ('pending', 'counted', 'refused', 'running', 'done', 'blocked', 'failed'))`.execute(
        db,
      );
      await sql`alter table retention_run_steps add column rule_id text`.execute(db);
      await sql`alter table retention_run_steps add column columns jsonb`.execute(db);
      await sql`alter table retention_run_steps add column blocked jsonb`.execute(db);
      await sql`alter table retention_run_steps add column pending_batch text`.execute(db);
    },
  },
};
