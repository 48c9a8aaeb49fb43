/** Tables of the audit trail. */
import type { ColumnType } from 'kysely';
import { viewOf } from '../platform/db/view.js';

export interface AuditEntryTable {
  organisation_id: string;
  seq: number;
  at: ColumnType<Date, Date | string, never>;
  actor: string;
  action: string;
  target: string | null;
  data: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
  /** The audit key of the entry's HMAC; null for an entry written before the trail was keyed (plain SHA-256). */
  key_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface AuditHeadTable {
  organisation_id: string;
  seq: number;
  hash: string;
  /** An unkeyed chain from before the upgrade, waiting for its `audit.rekeyed` entry. */
  seal_pending: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AuditTables {
  audit_entries: AuditEntryTable;
  audit_heads: AuditHeadTable;
}

/** The audit tables' view of any handle that has them (the composition root hands it to the audit routes). */
export const auditView = viewOf<AuditTables>();
