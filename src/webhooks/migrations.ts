/**
 * Migrations of the webhooks domain (0900–0949): subscriptions of an organisation's other tools to Charter's events,
 * and one delivery row per event and subscription — the outbox the sender works through in order.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';
import { enableOrganisationRls } from '../platform/db/rls.js';

export const webhookMigrations: Record<string, Migration> = {
  '0900-webhooks': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'webhook_subscriptions', { rls: false })`
          id uuid not null,
          url text not null,
          description text,
          events text[] not null,
          secret text not null,
          previous_secret text,
          previous_until timestamptz,
          active boolean not null default true,
          created_at timestamptz not null,
          created_by text not null,
          primary key (organisation_id, id)`;
      await createOrganisationTable(db, 'webhook_deliveries', { key: 'plain', rls: false })`
          id uuid not null,
          subscription_id uuid not null,
          seq bigserial not null,
          message_id text not null,
          event_type text not null,
          payload jsonb not null,
          created_at timestamptz not null,
          status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
          attempts integer not null default 0,
          next_attempt_at timestamptz not null,
          last_status integer,
          last_error text,
          delivered_at timestamptz,
          primary key (organisation_id, id),
          unique (message_id, subscription_id),
          foreign key (organisation_id, subscription_id) references webhook_subscriptions (organisation_id, id) on delete cascade`;
      // The sender's query: the oldest pending delivery of each subscription.
      await sql`create index webhook_deliveries_pending on webhook_deliveries (subscription_id, seq) where status = 'pending'`.execute(
        db,
      );
      await enableOrganisationRls(db, 'webhook_subscriptions');
      await enableOrganisationRls(db, 'webhook_deliveries');
    },
  },
  '0901-webhook-consent-threshold': {
    async up(db: Kysely<unknown>) {
      // What `consent.threshold` watches for this subscription (metric, threshold, minimum decisions, window).
      await sql`alter table webhook_subscriptions add column consent_threshold jsonb`.execute(db);
      // Which side of its threshold each watched figure was on at the last check: an event goes out only when a
      // figure changes side (a crossing), once, whichever process sees it first (the update is the check).
      await createOrganisationTable(db, 'webhook_consent_crossings', { key: 'plain' })`
          subscription_id uuid not null,
          site_id text not null,
          category text not null,
          above boolean not null,
          changed_at timestamptz not null,
          primary key (organisation_id, subscription_id, site_id, category),
          foreign key (organisation_id, subscription_id) references webhook_subscriptions (organisation_id, id) on delete cascade`;
    },
  },
};
