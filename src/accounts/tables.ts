/** Tables of organisations (the tenants), users, their roles, sessions, API tokens and one-time links. */
import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../audit/tables.js';
import type { CharterTables } from '../charter/tables.js';
import { viewOf } from '../platform/db/view.js';
import type { ThrottleTables } from '../platform/throttle.js';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  created_at: Generated<Date>;
  active_revision_seq: number | null;
  /** Set while the organisation is archived: its data is kept, its public pages answer 410 and its jobs stop. */
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Who holds the installation operator role (creates and archives organisations); not an organisation role. */
export interface InstallationOperatorTable {
  user_id: string;
  granted_at: Timestamp;
  granted_by: string;
}

/**
 * Installation-level events (operator granted or revoked): the audit trail is chained per organisation, and these
 * belong to none. Append-only like the trail; ids only.
 */
export interface InstallationEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  target: string | null;
}

export interface UserTable {
  id: string;
  email: string;
  password_hash: string | null;
  created_at: Generated<Date>;
  password_changed_at: Timestamp | null;
  disabled_at: Timestamp | null;
}

export interface MembershipTable {
  organisation_id: string;
  user_id: string;
  role: 'owner' | 'privacy-officer' | 'viewer';
  created_at: Generated<Date>;
  /** When the person first signed in after this membership was given; null while only invited. */
  first_signed_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  pending: 'second-factor' | 'enrol' | null;
  method: ColumnType<'password' | 'oidc', 'password' | 'oidc' | undefined, 'password' | 'oidc'>;
  provider: string | null;
  id_token: string | null;
}

export interface ApiTokenTable {
  organisation_id: string;
  id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: ColumnType<string[], string, string>;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OneTimeLinkTable {
  id: string;
  purpose: 'setup' | 'password';
  user_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface LoginFailureTable {
  key: string;
  at: Timestamp;
}

export interface AccountKeyTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

export interface UserTwoFactorTable {
  user_id: string;
  secret: string;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  last_step: ColumnType<string | null, number | string | null, number | string | null>;
}

export interface UserRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface OrganisationSignInTable {
  organisation_id: string;
  require_two_factor: boolean;
  password_sign_in: boolean;
  updated_at: Timestamp;
}

export interface SsoMappingTable {
  organisation_id: string;
  id: string;
  provider: string;
  kind: 'domain' | 'claim';
  claim: string | null;
  value: string;
  role: 'owner' | 'privacy-officer' | 'viewer';
  created_at: Timestamp;
}

export interface OidcLoginTable {
  id: string;
  provider: string;
  nonce: string;
  code_verifier: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AccountTables {
  user_two_factor: UserTwoFactorTable;
  user_recovery_codes: UserRecoveryCodeTable;
  organisation_sign_in: OrganisationSignInTable;
  sso_mappings: SsoMappingTable;
  oidc_logins: OidcLoginTable;
  account_keys: AccountKeyTable;
  organisations: OrganisationTable;
  installation_operators: InstallationOperatorTable;
  installation_events: InstallationEventTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  one_time_links: OneTimeLinkTable;
  login_failures: LoginFailureTable;
}

/**
 * What the accounts domain's code may read and write: its own tables and the shared ones it uses (add a table here
 * when the domain starts to read it). Exported functions stay generic (`<DB extends AccountsDb>(db: Kysely<DB>)`) and
 * narrow with `accountsView`, so any domain's handle can call them.
 */
export type AccountsDb = AccountTables &
  // Every change of consequence is audited in its own transaction.
  AuditTables &
  // The organisation list shows each organisation's sites.
  Pick<CharterTables, 'sites'> &
  // Password resets are counted per account and per address.
  ThrottleTables;

export const accountsView = viewOf<AccountsDb>();
