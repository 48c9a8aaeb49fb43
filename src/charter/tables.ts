/** Tables of charter revisions and the public site registry. */
import type { ColumnType, Generated } from 'kysely';

export interface CharterRevisionTable {
  organisation_id: string;
  seq: number;
  revision: string;
  source: string;
  format: 'yaml' | 'json';
  charter: ColumnType<unknown, string, never>;
  created_at: Generated<Date>;
  created_by: string;
  /** The earlier revision (seq) this one restores, for a rollback; null for an ordinary apply. */
  restored_from: ColumnType<number | null, number | null | undefined, never>;
}

/** Maps a public site id (banner, privacy center) to its organisation. Ids are unique per installation. */
export interface SiteTable {
  site_id: string;
  organisation_id: string;
  domain: string;
}

/** A charter file `serve --charter` applied (or found already applied): its SHA-256 and the revision it became. */
export interface CharterFileApplicationTable {
  organisation_id: string;
  file_hash: string;
  seq: number;
  applied_at: Generated<Date>;
}

export interface CharterTables {
  charter_file_applications: CharterFileApplicationTable;
  charter_revisions: CharterRevisionTable;
  sites: SiteTable;
}
