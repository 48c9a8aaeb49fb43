/** Migration of the mail outbox. */
import { sql, type Kysely, type Migration } from 'kysely';

export const mailMigrations: Record<string, Migration> = {
  '0004-mail-outbox': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table mail_outbox (
          id uuid primary key,
          organisation_id uuid references organisations(id),
          created_at timestamptz not null default now(),
          recipient text not null,
          subject text not null,
          text text not null,
          html text,
          template text not null,
          headers jsonb not null default '{}',
          transport text not null
        )`.execute(db);
      await sql`create index mail_outbox_organisation on mail_outbox (organisation_id, created_at)`.execute(db);
    },
  },
};
