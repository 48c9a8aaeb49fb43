/** Tables of the stores domain: progress of jobs acting on the organisation's stores. */
import type { ColumnType } from 'kysely';
import type { AuditTables } from '../audit/tables.js';

export interface StoreJobTable {
  organisation_id: string;
  id: string;
  kind: 'erasure' | 'rectification' | 'restriction';
  identity_digest: string;
  dry_run: boolean;
  status: 'running' | 'completed' | 'failed';
  actor: string;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface StoreJobStepTable {
  organisation_id: string;
  job_id: string;
  store_id: string;
  status: 'pending' | 'done' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

export interface StoreTables {
  store_jobs: StoreJobTable;
  store_job_steps: StoreJobStepTable;
}

/**
 * What the stores domain's code may read and write: its own tables and the shared ones it uses (the audit trail).
 * Exported functions stay generic (`<DB extends StoresDb>(db: Kysely<DB>)`) and narrow with `viewOf<StoresDb>()`, so
 * any domain's handle can call them.
 */
export type StoresDb = StoreTables & AuditTables;
