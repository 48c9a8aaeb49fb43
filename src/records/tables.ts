/** Tables of the breach register (Art. 33(5)): append-only, so every amendment is a new version. */
import type { ColumnType } from 'kysely';
import type { AccountTables } from '../accounts/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { CharterTables } from '../charter/tables.js';
import type { WebhookTables } from '../webhooks/tables.js';
import { viewOf } from '../platform/db/view.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type Json<T> = ColumnType<T, string, never>;

/** One row per breach: its number in the register, who opened it and when. Never updated. */
export interface BreachTable {
  organisation_id: string;
  id: string;
  number: number;
  created_at: Timestamp;
  created_by: string;
}

/** Every state the record has had: version 1 as recorded, then one row per amendment. Never updated. */
export interface BreachVersionTable {
  organisation_id: string;
  breach_id: string;
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
  /** Why it was amended; null for the first version. */
  reason: string | null;
  aware_at: Timestamp;
  status: 'open' | 'closed';
  content: Json<unknown>;
}

/** Every notification sent (authority, people concerned, controller), as sent. Never updated. */
export interface BreachNotificationTable {
  organisation_id: string;
  breach_id: string;
  seq: number;
  recipient: 'authority' | 'subjects' | 'controller';
  phase: 'initial' | 'follow-up' | 'final';
  controller: string | null;
  sent_at: Timestamp;
  recorded_at: Timestamp;
  recorded_by: string;
  language: string | null;
  channel: string | null;
  reference: string | null;
  content: string;
  delay_reasons: string | null;
}

export interface RecordsTables {
  breaches: BreachTable;
  breach_versions: BreachVersionTable;
  breach_notifications: BreachNotificationTable;
}

/**
 * What the records domain's code may read and write: the breach register and the audit trail. Exported functions stay
 * generic (`<DB extends RecordsDb>(db: Kysely<DB>)`) and narrow with `recordsView`, so any domain's handle can call
 * them.
 */
export type RecordsDb = RecordsTables &
  AuditTables &
  // A recorded breach is a webhook event, written in the recording transaction.
  WebhookTables &
  // The records are derived from the active charter.
  Pick<CharterTables, 'charter_revisions' | 'sites'> &
  Pick<AccountTables, 'organisations'>;

/** Narrows any handle that has the records' tables to exactly them. */
export const recordsView = viewOf<RecordsDb>();
