/** Tables of the audit trail. */
import type { ColumnType } from 'kysely';

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
}

export interface AuditHeadTable {
  organisation_id: string;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_entries: AuditEntryTable;
  audit_heads: AuditHeadTable;
}
