/** Tables of the sites domain: one row per scan of a site, with its findings. */
import type { AccountsDb } from '../accounts/tables.js';
import type { AuditTables } from '../audit/tables.js';
import type { CharterReadDb } from '../charter/views.js';
import type { JobTables } from '../platform/jobs.js';
import { viewOf } from '../platform/db/view.js';
import type { WebhookTables } from '../webhooks/tables.js';
import type { ColumnType } from 'kysely';

export interface SiteScanTable {
  organisation_id: string;
  id: string;
  site_id: string;
  trigger: 'schedule' | 'api';
  actor: string;
  status: 'running' | 'completed' | 'failed';
  started_at: ColumnType<Date, Date | string, Date | string>;
  finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** The pages visited (URLs of the organisation's own site). */
  pages: ColumnType<string[], string, string>;
  /** The findings (src/sites/schemas.ts), stored as they were computed. */
  findings: ColumnType<unknown[], string, string>;
  new_findings: number;
  violations: number;
  warnings: number;
  error: string | null;
}

export interface SiteTables {
  site_scans: SiteScanTable;
}

/**
 * What the sites domain's code may read and write: its own tables and the shared ones it uses. Exported functions stay
 * generic (`<DB extends SitesDb>(db: Kysely<DB>)`) and narrow with `sitesView`, so any domain's handle can call them.
 */
export type SitesDb = SiteTables &
  AuditTables &
  WebhookTables &
  // Daily scans are durable jobs.
  JobTables &
  // A scan reads the active charter of the organisation.
  CharterReadDb &
  // The privacy officers hear of new findings (members are read through the accounts repository).
  AccountsDb;
export const sitesView = viewOf<SitesDb>();
