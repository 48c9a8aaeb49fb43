/** Tables of the notices domain: published versions of each site's notice and cookie policy, and change notifications. */
import type { ColumnType } from 'kysely';
import { viewOf } from '../platform/db/view.js';
import type { AccountTables } from '../accounts/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { CharterTables } from '../charter/tables.js';
import type { DocumentKind } from './document.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One published version of a site's notice (or cookie policy): created by the charter revision that changed it. */
export interface NoticeVersionTable {
  organisation_id: string;
  site_id: string;
  kind: DocumentKind;
  version: number;
  revision_seq: number;
  published_at: Timestamp;
}

/** The document of a version in one language, and its hash (what decides whether a later revision changed it). */
export interface NoticeVersionDocumentTable {
  organisation_id: string;
  site_id: string;
  kind: DocumentKind;
  version: number;
  language: string;
  hash: string;
  document: ColumnType<unknown, string, string>;
}

/** How far the versions of an organisation are synchronised with its charter revisions. */
export interface NoticeSyncTable {
  organisation_id: string;
  revision_seq: number;
}

/** A version the privacy team marked as a significant change (and announced to subscribers). */
export interface NoticeSignificantChangeTable {
  organisation_id: string;
  site_id: string;
  kind: DocumentKind;
  version: number;
  marked_at: Timestamp;
  marked_by: string;
  note: string | null;
}

/** Someone who asked to be told of significant changes; pending until they confirm through the emailed link. */
export interface NoticeSubscriptionTable {
  organisation_id: string;
  id: string;
  site_id: string;
  email: string;
  language: string;
  token_hash: string;
  status: 'pending' | 'confirmed';
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
}

/** One announcement email to one subscriber: queued in the transaction that marks the change, sent after it. */
export interface NoticeDeliveryTable {
  organisation_id: string;
  id: string;
  site_id: string;
  kind: DocumentKind;
  version: number;
  subscription_id: string;
  language: string;
  /** `sending`: claimed by a process (until `claimed_at` + a lease), so no other one sends it meanwhile. */
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  claimed_at: Timestamp | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  mail_id: string | null;
  last_error: string | null;
  /** SHA-256 of the unsubscribe token in this mail (each mail carries its own link; all stay valid). */
  unsubscribe_hash: string;
}

export interface NoticeTables {
  notice_versions: NoticeVersionTable;
  notice_version_documents: NoticeVersionDocumentTable;
  notice_sync: NoticeSyncTable;
  notice_significant_changes: NoticeSignificantChangeTable;
  notice_subscriptions: NoticeSubscriptionTable;
  notice_deliveries: NoticeDeliveryTable;
}

/**
 * What the notices domain's code may read and write: its own tables, the audit trail, the charter revisions the
 * versions are published from, the sites (a public site id names its organisation), and the organisations (an archived one sends no announcement). Exported functions stay
 * generic (`<DB extends NoticesDb>(db: Kysely<DB>)`) and narrow with `noticesView`, so any domain's handle can call
 * them.
 */
export type NoticesDb = NoticeTables &
  AuditTables &
  Pick<CharterTables, 'charter_revisions' | 'sites'> &
  Pick<AccountTables, 'organisations'>;

/** Narrows any handle that has the notices' tables to exactly them. */
export const noticesView = viewOf<NoticesDb>();
