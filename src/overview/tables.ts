/**
 * What the overview (the console's start page) reads: it owns no table. It counts what other domains hold — members,
 * the consent statistics, retention runs and their steps, open requests — and lists the breach register.
 */
import type { AccountTables } from '../accounts/tables.js';
import type { ConsentTables } from '../consent/tables.js';
import { viewOf } from '../platform/db/view.js';
import type { RecordsDb } from '../records/tables.js';
import type { RetentionTables } from '../retention/tables.js';
import type { RightsTables } from '../rights/tables.js';

/** Exactly the tables the start page reads. */
export type OverviewDb = Pick<AccountTables, 'memberships'> &
  Pick<ConsentTables, 'consent_daily_stats'> &
  Pick<RetentionTables, 'retention_runs' | 'retention_run_steps'> &
  Pick<RightsTables, 'rights_requests'> &
  RecordsDb;

/** Narrows any handle that has the overview's tables to exactly them. */
export const overviewView = viewOf<OverviewDb>();
