/**
 * Migrations of the notices domain (0600–0649): notice versions and their documents per language, the sync mark,
 * significant changes, subscriptions to change notifications and their deliveries. Every table is organisation-owned
 * and under row-level security.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';
import { enableOrganisationRls } from '../platform/db/rls.js';

export const noticeMigrations: Record<string, Migration> = {
  '0600-notices': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'notice_versions', { rls: false })`
          site_id text not null,
          kind text not null check (kind in ('privacy-notice', 'cookie-policy')),
          version integer not null check (version >= 1),
          revision_seq integer not null,
          published_at timestamptz not null,
          primary key (organisation_id, site_id, kind, version)`;
      await createOrganisationTable(db, 'notice_version_documents', { key: 'plain', rls: false })`
          site_id text not null,
          kind text not null,
          version integer not null,
          language text not null,
          hash text not null,
          document jsonb not null,
          primary key (organisation_id, site_id, kind, version, language),
          foreign key (organisation_id, site_id, kind, version) references notice_versions (organisation_id, site_id, kind, version)`;
      await createOrganisationTable(db, 'notice_sync', { key: 'one-per-organisation', rls: false })`
          revision_seq integer not null`;
      await createOrganisationTable(db, 'notice_significant_changes', { key: 'plain', rls: false })`
          site_id text not null,
          kind text not null,
          version integer not null,
          marked_at timestamptz not null,
          marked_by text not null,
          note text,
          primary key (organisation_id, site_id, kind, version),
          foreign key (organisation_id, site_id, kind, version) references notice_versions (organisation_id, site_id, kind, version)`;
      await createOrganisationTable(db, 'notice_subscriptions', { rls: false })`
          id uuid not null,
          site_id text not null,
          email text not null,
          language text not null,
          token_hash text not null unique,
          status text not null check (status in ('pending', 'confirmed')),
          created_at timestamptz not null,
          confirmed_at timestamptz,
          primary key (organisation_id, id),
          unique (organisation_id, site_id, email)`;
      await createOrganisationTable(db, 'notice_deliveries', { rls: false })`
          id uuid not null,
          site_id text not null,
          kind text not null,
          version integer not null,
          subscription_id uuid not null,
          language text not null,
          status text not null check (status in ('pending', 'sending', 'sent', 'failed')),
          attempts integer not null default 0,
          claimed_at timestamptz,
          created_at timestamptz not null,
          sent_at timestamptz,
          mail_id uuid,
          last_error text,
          unsubscribe_hash text not null unique,
          primary key (organisation_id, id),
          unique (organisation_id, site_id, kind, version, subscription_id)`;
      await sql`create index notice_deliveries_pending on notice_deliveries (organisation_id) where status in ('pending', 'sending')`.execute(
        db,
      );
      for (const table of [
        'notice_versions',
        'notice_version_documents',
        'notice_sync',
        'notice_significant_changes',
        'notice_subscriptions',
        'notice_deliveries',
      ]) {
        await enableOrganisationRls(db, table);
      }
    },
  },
};
