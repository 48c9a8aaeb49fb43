/**
 * Tables of the consent domain: the banner ledger (append-only, partitioned by month), the texts each consent revision
 * showed, keys for keyed hashes, daily statistics, purpose consents tied to a person, and the marketing suppression list.
 */
import type { ColumnType, Generated } from 'kysely';
import type { AccountTables } from '../accounts/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { CharterTables } from '../charter/tables.js';
import { viewOf } from '../platform/db/view.js';

type Json = ColumnType<unknown, string, never>;

/** One visitor's choice, as recorded. Never updated or deleted (a trigger refuses); whole months are dropped. */
export interface ConsentRecordTable {
  organisation_id: string;
  /** Server timestamp; the partition key (one partition per UTC month). */
  recorded_at: ColumnType<Date, Date | string, never>;
  receipt_id: string;
  site_id: string;
  visitor_id: string;
  /** The consent revision (16 hex) of the texts the visitor saw. */
  revision: string;
  method: string;
  language: string;
  /** `{"<category id>": true|false}` for every category of the revision: denials are recorded too. */
  choices: Json;
  gpc: boolean;
  /** Page URL without query string or fragment. */
  page_url: string;
  /** HMAC of the IP address with the key of the day (rotated daily, old keys deleted): no IP is stored. */
  ip_hash: string;
  /** Coarse browser family: chrome, firefox, safari, edge, other. */
  user_agent: string;
  mobile: boolean;
}

/** What a visitor saw for one site and consent revision: categories, cookies, vendors, the controller. */
export interface ConsentTextTable {
  organisation_id: string;
  site_id: string;
  revision: string;
  charter_seq: number;
  texts: Json;
  created_at: Generated<Date>;
}

/** Random daily keys for hashing IP addresses; keys older than two days are deleted, so old hashes cannot be linked. */
export interface ConsentIpKeyTable {
  day: string;
  key: Buffer;
  created_at: Generated<Date>;
}

/** Stable per-organisation keys (email hashes, signed links). Kept in the database so they never change with config. */
export interface ConsentKeyTable {
  organisation_id: string;
  name: string;
  key: Buffer;
  created_at: Generated<Date>;
}

/** Daily counters per site: `shown`, `records`, `method:<method>`, `gpc-signal`, `decided:<category>`, `granted:<category>`. */
export interface ConsentDailyStatTable {
  organisation_id: string;
  site_id: string;
  day: ColumnType<string, string, string>;
  metric: string;
  /** Counter shard: concurrent batches add to different rows, so they never wait on each other. Sum over shards. */
  shard: number;
  count: number;
}

/** A person known by email who gave or was asked for a purpose consent. Deleted by erasure (the events go with it). */
export interface PurposeConsentSubjectTable {
  organisation_id: string;
  /** Keyed hash of the normalised email (see ledger-keys.ts). */
  subject_hash: string;
  email: string;
  created_at: Generated<Date>;
}

/** The exact text of a purpose consent, once per version. */
export interface PurposeConsentTextTable {
  organisation_id: string;
  purpose_id: string;
  version: string;
  texts: Json;
  created_at: Generated<Date>;
}

/** Append-only events of purpose consents: requested (double opt-in pending), granted, withdrawn. */
export interface PurposeConsentTable {
  organisation_id: string;
  id: string;
  /** Order of events (timestamps can tie). */
  seq: Generated<number>;
  subject_hash: string;
  purpose_id: string;
  action: 'requested' | 'granted' | 'withdrawn';
  text_version: string;
  language: string;
  method: string;
  site_id: string | null;
  /** For parental consent: country, the Art. 8 age applied, the child's birth year, joint consent. */
  parental: ColumnType<unknown, string | null, never>;
  /** For a grant that confirms a double opt-in: the `requested` event it confirms. */
  confirms: string | null;
  actor: string;
  recorded_at: ColumnType<Date, Date | string, never>;
}

/** Emails that must receive no direct marketing (Art. 21(3)), by keyed hash only: survives erasure of the person. */
export interface MarketingSuppressionTable {
  organisation_id: string;
  email_hash: string;
  reason: 'objection' | 'unsubscribe' | 'complaint' | 'erasure' | 'manual';
  source: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ConsentTables {
  consent_records: ConsentRecordTable;
  consent_texts: ConsentTextTable;
  consent_ip_keys: ConsentIpKeyTable;
  consent_keys: ConsentKeyTable;
  consent_daily_stats: ConsentDailyStatTable;
  purpose_consent_subjects: PurposeConsentSubjectTable;
  purpose_consent_texts: PurposeConsentTextTable;
  purpose_consents: PurposeConsentTable;
  marketing_suppressions: MarketingSuppressionTable;
}

/**
 * What the consent domain's code may read and write: its own tables and the shared ones it uses (add a table here
 * when the domain starts to read it). Exported functions stay generic (`<DB extends ConsentDb>(db: Kysely<DB>)`) and
 * narrow with `consentView`, so any domain's handle can call them.
 */
export type ConsentDb = ConsentTables &
  AuditTables &
  // Banners, receipts and purposes read the active charter of the organisation that owns a site.
  Pick<CharterTables, 'charter_revisions' | 'sites'> &
  Pick<AccountTables, 'organisations'>;
export const consentView = viewOf<ConsentDb>();
