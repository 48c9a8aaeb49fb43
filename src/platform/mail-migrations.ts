/** Migrations of the mail outbox. */
import { sql, type Kysely, type Migration } from 'kysely';
import { enableOrganisationRls } from './db/rls.js';

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
  '0005-mail-outbox-row-level-security': {
    // An organisation's mails (codes, confirmations, reminders) are its data: visible only inside its scope.
    // Installation mails (no organisation: sign-in links, password resets) match no organisation's policy and are
    // reached only by installation-level work (sending, the installation retention step).
    async up(db: Kysely<unknown>) {
      await enableOrganisationRls(db, 'mail_outbox');
    },
  },
  '0005-mail-outbox-status': {
    async up(db: Kysely<unknown>) {
      // A mail over the per-recipient cap is recorded, not sent: the outbox says which.
      await sql`alter table mail_outbox add column status text not null default 'sent' check (status in ('sent', 'suppressed'))`.execute(
        db,
      );
    },
  },
  '0006-mail-outbox-masked-text': {
    async up(db: Kysely<unknown>) {
      // The text with its one-time codes and link secrets masked, whatever the transport: what the Outbox shows to a
      // reader who may see that a mail went out but not use it (a viewer). Null for mail recorded before it existed.
      await sql`alter table mail_outbox add column masked_text text`.execute(db);
    },
  },
};
