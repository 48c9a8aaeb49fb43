/**
 * Tables of the retention domain: runs (one sweep of one organisation at one cutoff), their steps (one rule on one
 * table, with counts and progress, so a killed run resumes where it stopped), approvals (the privacy officer's
 * decision on a held run) and schedules (when the daily sweep of an organisation is due).
 */
import type { ColumnType } from 'kysely';
import type { AuditTables } from '../audit/tables.js';
import type { ConsentDb } from '../consent/tables.js';
import { viewOf } from '../platform/db/view.js';
import type { JobTables } from '../platform/jobs.js';
import type { RestrictedIdentitiesDb } from '../rights/restricted-identities.js';
import type { WebhookTables } from '../webhooks/tables.js';
import type { ApprovalReason, BlockedOutcome } from './schemas.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type RunStatus =
  | 'counting'
  | 'awaiting-approval'
  | 'approved'
  | 'running'
  | 'completed'
  | 'partial'
  | 'failed'
  | 'rejected'
  | 'superseded';
export type RunTrigger = 'cli' | 'schedule' | 'api';
export type StepStatus = 'pending' | 'counted' | 'refused' | 'running' | 'done' | 'blocked' | 'failed';

export interface RetentionRunTable {
  organisation_id: string;
  id: string;
  trigger: RunTrigger;
  actor: string;
  dry_run: boolean;
  /** The instant the run acts on: rows due at or before it. Fixed at creation, so a resumed run does the same work. */
  cutoff: Timestamp;
  charter_seq: number;
  charter_revision: string;
  status: RunStatus;
  /** Why the run waits for approval (first run on a store, share of a table); empty when it needs none. */
  approval_reasons: Json<ApprovalReason[]>;
  /** The job that created it (the scheduled occurrence), so a job retried after a crash finds its run. */
  job_id: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** Updated after every batch: the console tells a live run from an interrupted one. */
  heartbeat_at: Timestamp | null;
  error: string | null;
}

export interface RetentionRunStepTable {
  organisation_id: string;
  run_id: string;
  position: number;
  /** Store id from the charter, or `charter` for Charter's own data. */
  store_id: string;
  table_name: string;
  purpose_id: string | null;
  action: 'delete' | 'anonymise';
  /** The effective period (the longer of duration and minimum), ISO 8601. */
  period: string;
  /** Anchor as declared (`column` or `table.column`). */
  anchor: string;
  status: StepStatus;
  due: number | null;
  total: number | null;
  held: Json<Record<string, number>>;
  without_anchor: number | null;
  deleted: number;
  anonymised: number;
  reduced: Json<Record<string, number>>;
  batches: number;
  /** Why the step was refused (failed store check), without personal data. */
  problems: Json<string[]>;
  error: string | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  /** The rule's id (`store/table`, `store/table#columns` for a column rule); null on steps of older runs. */
  rule_id: string | null;
  /** A column rule's columns (null: the rule acts on whole rows). */
  columns: ColumnType<string[] | null, string | null, string | null>;
  /** Due rows a delete rule could not delete because rows that stay reference them (null: none). */
  blocked: ColumnType<BlockedOutcome | null, string | null, string | null>;
  /** The batch sent to the store and not yet recorded here (its effect is read back from the store's ledger). */
  pending_batch: string | null;
}

export interface RetentionApprovalTable {
  organisation_id: string;
  run_id: string;
  decision: 'approved' | 'rejected';
  actor: string;
  note: string | null;
  decided_at: Timestamp;
}

export interface RetentionScheduleTable {
  organisation_id: string;
  enabled: boolean;
  /** Daily at this UTC time, `HH:MM`. */
  time_of_day: string;
  next_run_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string;
}

export interface RetentionTables {
  retention_runs: RetentionRunTable;
  retention_run_steps: RetentionRunStepTable;
  retention_approvals: RetentionApprovalTable;
  retention_schedules: RetentionScheduleTable;
}

/**
 * What the retention domain's code may read and write: its own tables and the shared ones it uses (add a table here
 * when the domain starts to read it). Exported functions stay generic (`<DB extends RetentionDb>(db: Kysely<DB>)`)
 * and narrow with `retentionView`, so any domain's handle can call them.
 */
export type RetentionDb = RetentionTables &
  AuditTables &
  WebhookTables &
  JobTables &
  // Renewals and the installation sweep read the consent ledger (and the charter, through ConsentDb).
  ConsentDb &
  // A restricted person's rows are kept.
  RestrictedIdentitiesDb;
export const retentionView = viewOf<RetentionDb>();
