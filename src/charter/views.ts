/**
 * The charter domain's views of the database (src/platform/db/view.ts), apart from its table types so that the
 * accounts domain, which reads the charter's `sites`, and the charter, which reads the accounts' tables, import each
 * other's tables without a cycle.
 */
import type { AccountTables, AccountsDb } from '../accounts/tables.js';
import { viewOf } from '../platform/db/view.js';
import type { WebhookDb } from '../webhooks/tables.js';
import type { CharterTables } from './tables.js';

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
