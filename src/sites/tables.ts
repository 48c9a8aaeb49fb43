/** Tables of the sites domain: one row per scan of a site, with its findings. */
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
