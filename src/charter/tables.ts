/** Tables of charter revisions and the public site registry. */
import type { ColumnType, Generated } from 'kysely';
import type { AccountTables, AccountsDb } from '../accounts/tables.js';
import { viewOf } from '../platform/db/view.js';
import type { WebhookDb } from '../webhooks/tables.js';

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

/**
 * What the charter domain's code may read and write: its own tables and the shared ones it uses. Applying a charter
 * sets the organisation's active revision, audits and emits `charter.applied`; the history names members by email.
 * Exported functions stay generic (`<DB extends CharterDb>(db: Kysely<DB>)`) and narrow with `charterView`.
 */
export type CharterDb = CharterTables & AccountsDb & WebhookDb;

export const charterView = viewOf<CharterDb>();

/**
 * What reading a charter or resolving a site needs: other domains hold these tables without the rest of `CharterDb`,
 * so the widely-called reads (`activeCharter`, `findSite`, …) ask only for them.
 */
export type CharterReadDb = Pick<CharterTables, 'charter_revisions' | 'sites'> & Pick<AccountTables, 'organisations'>;

export const charterReadView = viewOf<CharterReadDb>();
