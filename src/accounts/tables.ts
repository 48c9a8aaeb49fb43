/** Tables of organisations (the tenants). Users, roles, sessions and tokens join them here. */
import type { ColumnType, Generated } from 'kysely';

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  created_at: Generated<Date>;
  active_revision_seq: number | null;
}

export interface AccountTables {
  organisations: OrganisationTable;
}

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
