/**
 * Tables of the rights domain: requests, their timeline, one-time codes and links, export packages, reminders sent to
 * the privacy officer, the browsers' sessions on a request and the organisation's keys for keyed hashes.
 */
import type { ColumnType, Generated } from 'kysely';
import type { AccountTables } from '../accounts/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { CharterTables } from '../charter/tables.js';
import type { JobTables } from '../platform/jobs.js';
import type { ThrottleTables } from '../platform/throttle.js';
import type { StoreTables } from '../stores/tables.js';
import type { WebhookTables } from '../webhooks/tables.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface RightsRequestTable {
  organisation_id: string;
  id: string;
  /** Short reference shown to the requester and staff (`R-7K3Q-9XPM`). */
  reference: string;
  site_id: string;
  type: string;
  state: string;
  channel: string;
  language: string;
  identity_type: string;
  /** The identity as given, normalised (lowercased email, trimmed number). Personal data: never logged. */
  identity_value: string;
  /** Keyed hash of type + value, for throttling without reading the value. */
  identity_hash: string;
  /** A contact the requester typed besides the identity: recorded, never used to send codes or data. */
  declared_contact: string | null;
  details: Json;
  verification_level: string;
  /** Whether the stores hold the identity (known only after the lookup; never shown to the requester). */
  identity_known: boolean | null;
  /** The email contacts on file the code went to: the verified channel for every later mail. */
  contacts: Json<string[]>;
  received_at: Timestamp;
  due_on: string;
  due_at: Timestamp;
  extended_at: Timestamp | null;
  extension_reason: string | null;
  dispatched_at: Timestamp | null;
  code_verified_at: Timestamp | null;
  verified_at: Timestamp | null;
  verified_by: string | null;
  confirmed_at: Timestamp | null;
  execute_after: Timestamp | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  closed_at: Timestamp | null;
  refusal_reason: string | null;
  refusal_explanation: string | null;
  override_requested_by: string | null;
  override_requested_at: Timestamp | null;
  override_reason: string | null;
  plan: Json | null;
  result: Json | null;
  /** Staff-set column changes for a rectification (store, table, column, value). */
  changes: Json | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  created_by: string;
  updated_at: Timestamp;
}

export interface RightsEventTable {
  organisation_id: string;
  id: Generated<number>;
  request_id: string;
  at: Timestamp;
  actor: string;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  /** Ids, counts and codes only — never personal data. */
  data: Json<Record<string, unknown>>;
}

export interface RightsCodeTable {
  organisation_id: string;
  id: string;
  request_id: string;
  /** `verify` (identity), `cancel` (erasure in its grace period), `download` (a package). */
  purpose: string;
  /** HMAC of the typed code; null for a link-only secret. */
  code_hash: string | null;
  /** HMAC of the secret in the mailed link; null for a code-only secret. */
  link_hash: string | null;
  package_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  attempts: number;
  locked_at: Timestamp | null;
}

export interface RightsPackageTable {
  organisation_id: string;
  id: string;
  request_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  file_name: string;
  size: number;
  sha256: string;
  /** The ZIP; set to null once downloaded-and-expired or expired. */
  content: Buffer | null;
  link_hash: string;
  downloaded_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface RightsReminderTable {
  organisation_id: string;
  request_id: string;
  kind: string;
  sent_at: Timestamp;
}

/** A browser's hold on one request (a keyed hash of its cookie); `proven_at` once it presented the mailed secret. */
export interface RightsSessionTable {
  organisation_id: string;
  token_hash: string;
  request_id: string;
  created_at: Timestamp;
  proven_at: Timestamp | null;
  expires_at: Timestamp;
}

export interface RightsKeyTable {
  organisation_id: string;
  key: Buffer;
  created_at: Generated<Date>;
}

/** Art. 19: one row per recipient told (or to tell) of a request's rectification, erasure or restriction. */
export interface RightsNotificationTable {
  organisation_id: string;
  id: string;
  request_id: string;
  /** Recipient id from the charter. */
  recipient: string;
  channel: 'store' | 'mail' | 'officer';
  /** `done` only when the telling really happened (the store answered, the mail went out, the officer says so). */
  state: 'done' | 'pending';
  /** What the telling returned: the called store and its counts, the mail's address; never the person's data. */
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
  done_at: Timestamp | null;
  done_by: string | null;
}

/** Art. 18: an identity of a restricted person whose rows a store cannot mark; retention keeps every row it matches. */
export interface RightsRestrictedIdentityTable {
  organisation_id: string;
  request_id: string;
  identity_type: string;
  identity_value: string;
  created_at: Timestamp;
}

export interface RightsTables {
  rights_requests: RightsRequestTable;
  rights_events: RightsEventTable;
  rights_codes: RightsCodeTable;
  rights_packages: RightsPackageTable;
  rights_reminders: RightsReminderTable;
  rights_sessions: RightsSessionTable;
  rights_keys: RightsKeyTable;
  rights_notifications: RightsNotificationTable;
  rights_restricted_identities: RightsRestrictedIdentityTable;
}

/**
 * What the rights domain's code may read and write: its own tables and the shared ones it uses (add a table here when
 * the domain starts to read it). Exported functions stay generic (`<DB extends RightsDb>(db: Kysely<DB>)`) and narrow
 * with `viewOf<RightsDb>()`, so any domain's handle can call them.
 */
export type RightsDb = RightsTables &
  // Every change of consequence is audited in its own transaction.
  AuditTables &
  // The officer-notice ticker lists the active organisations.
  Pick<AccountTables, 'organisations'> &
  // Officer notices are durable jobs.
  JobTables &
  // Requests, codes and downloads are throttled; the tick prunes the counters.
  ThrottleTables &
  // Subscribers hear of verified, completed and overdue requests in the same transaction.
  WebhookTables &
  // Requests are checked against the active charter of the organisation that owns the site.
  Pick<CharterTables, 'charter_revisions' | 'sites'> &
  // Erasures, rectifications and restrictions are journalled as store jobs.
  StoreTables;
