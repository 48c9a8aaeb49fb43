/** Tables of the webhooks domain (migrations.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../audit/tables.js';
import { viewOf } from '../platform/db/view.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface WebhookSubscriptionTable {
  organisation_id: string;
  id: string;
  url: string;
  description: string | null;
  events: string[];
  /** `whsec_…` (Standard Webhooks): kept to sign, shown only when created or rotated. */
  secret: string;
  /** The secret before the last rotation: signed with too until `previous_until`, so receivers can switch over. */
  previous_secret: string | null;
  previous_until: Timestamp | null;
  active: boolean;
  created_at: Timestamp;
  created_by: string;
  /** What `consent.threshold` watches (consent-threshold.ts); null when the subscription does not listen to it. */
  consent_threshold: ColumnType<ConsentThresholdSettings | null, string | null | undefined, string | null>;
}

export interface ConsentThresholdSettings {
  metric: 'refusal-share' | 'withdrawal-share';
  threshold: number;
  minDecisions: number;
  windowDays: number;
}

export interface WebhookConsentCrossingTable {
  organisation_id: string;
  subscription_id: string;
  site_id: string;
  /** The banner category watched, or `*` for a site-wide figure (the withdrawal share). */
  category: string;
  above: boolean;
  changed_at: Timestamp;
}

export interface WebhookDeliveryTable {
  organisation_id: string;
  id: string;
  subscription_id: string;
  /** Order of the events of one subscription: delivered strictly in this order. */
  seq: Generated<number>;
  /** The `webhook-id` header: the same for every attempt, so a receiver dedupes by it. */
  message_id: string;
  event_type: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_consent_crossings: WebhookConsentCrossingTable;
}

/**
 * What the webhooks domain's code may read and write: its own tables (add a shared table here when the domain starts
 * to read it). Exported functions stay generic (`<DB extends WebhookDb>(db: Kysely<DB>)`) and narrow with
 * `viewOf<WebhookDb>()`, so any domain's handle can call them.
 */
export type WebhookDb = WebhookTables;

/** What managing subscriptions needs besides the webhook tables: each change is audited in its transaction. */
export type SubscriptionDb = WebhookDb & AuditTables;

export const subscriptionView = viewOf<SubscriptionDb>();
