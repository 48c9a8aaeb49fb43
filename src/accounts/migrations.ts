/** Migrations of organisations, users and access. */
import { sql, type Kysely, type Migration } from 'kysely';

export const accountMigrations: Record<string, Migration> = {
  '0001-organisations': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table organisations (
          id uuid primary key,
          slug text not null unique,
          name text not null,
          created_at timestamptz not null default now(),
          active_revision_seq integer
        )`.execute(db);
    },
  },
};
