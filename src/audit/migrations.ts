/** Migrations of the audit trail. */
import { sql, type Kysely, type Migration } from 'kysely';

export const auditMigrations: Record<string, Migration> = {
  '0002-audit-trail': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table audit_entries (
          organisation_id uuid not null references organisations(id),
          seq integer not null,
          at timestamptz not null,
          actor text not null,
          action text not null,
          target text,
          data jsonb not null default '{}',
          prev_hash text not null,
          hash text not null,
          primary key (organisation_id, seq)
        )`.execute(db);
      await sql`create index audit_entries_action on audit_entries (organisation_id, action, at)`.execute(db);
      await sql`
        create table audit_heads (
          organisation_id uuid primary key references organisations(id),
          seq integer not null,
          hash text not null
        )`.execute(db);
    },
  },
};
