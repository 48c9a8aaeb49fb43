/** Migrations of organisations, users and access, and the row-level security of the core tables. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';
import { enableOrganisationRls, ensureApplicationRole } from '../platform/db/rls.js';

export const accountMigrations: Record<string, Migration> = {
  '0001-organisations': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table organisations (
          id uuid primary key,
          slug text not null unique,
          name text not null,
          created_at timestamptz not null default now(),
          active_revision_seq integer
        )`.execute(db);
    },
  },
  '0004-organisation-archive': {
    async up(db: Kysely<unknown>) {
      // An archived organisation keeps every row (records must outlive the contract); only its public face and jobs stop.
      await sql`alter table organisations add column archived_at timestamptz`.execute(db);
    },
  },
  '0100-users-and-access': {
    async up(db: Kysely<unknown>) {
      // Users belong to the installation (one person may work for several organisations); their roles do not.
      await sql`
        create table users (
          id uuid primary key,
          email text not null unique,
          password_hash text,
          created_at timestamptz not null default now(),
          password_changed_at timestamptz,
          disabled_at timestamptz
        )`.execute(db);
      await createOrganisationTable(db, 'memberships', { rls: false })`
          user_id uuid not null references users(id) on delete cascade,
          role text not null check (role in ('owner', 'privacy-officer', 'viewer')),
          created_at timestamptz not null default now(),
          primary key (organisation_id, user_id)`;
      await sql`create index memberships_user on memberships (user_id)`.execute(db);
      // A session is keyed by the SHA-256 of its cookie value: a database leak reveals no usable session.
      await sql`
        create table sessions (
          id text primary key,
          user_id uuid not null references users(id) on delete cascade,
          csrf_token text not null,
          created_at timestamptz not null,
          last_seen_at timestamptz not null,
          expires_at timestamptz not null
        )`.execute(db);
      await sql`create index sessions_user on sessions (user_id)`.execute(db);
      await createOrganisationTable(db, 'api_tokens', { rls: false })`
          id uuid not null,
          name text not null,
          prefix text not null,
          token_hash text not null unique,
          scopes jsonb not null,
          created_by text not null,
          created_at timestamptz not null,
          expires_at timestamptz,
          last_used_at timestamptz,
          revoked_at timestamptz,
          primary key (organisation_id, id)`;
      // One-time links: first-run setup and password set/reset. Keyed by the SHA-256 of the secret in the link.
      await sql`
        create table one_time_links (
          id text primary key,
          purpose text not null check (purpose in ('setup', 'password')),
          user_id uuid references users(id) on delete cascade,
          created_at timestamptz not null,
          expires_at timestamptz not null,
          used_at timestamptz
        )`.execute(db);
      // Failed sign-ins for throttling, keyed by a keyed hash of the account name or the address (no personal data).
      await sql`
        create table login_failures (
          key text not null,
          at timestamptz not null
        )`.execute(db);
      await sql`create index login_failures_key on login_failures (key, at)`.execute(db);
    },
  },
  '0101-row-level-security': {
    async up(db: Kysely<unknown>) {
      await ensureApplicationRole(db);
      // `sites` and `organisations` stay readable without a scope: public routes resolve a site to its organisation.
      for (const table of ['audit_entries', 'audit_heads', 'charter_revisions', 'memberships', 'api_tokens']) {
        await enableOrganisationRls(db, table);
      }
    },
  },
  '0102-account-keys': {
    async up(db: Kysely<unknown>) {
      // Installation-level key material generated on first use when CHARTER_SECRET is not set (the throttle's keyed hashes).
      await sql`create table account_keys (name text primary key, value text not null, created_at timestamptz not null default now())`.execute(
        db,
      );
    },
  },
  '0110-two-factor-and-single-sign-on': {
    async up(db: Kysely<unknown>) {
      // TOTP (RFC 6238) per user. The secret must be readable to verify a code, so it is kept as is; `last_step` is the
      // time step of the last accepted code, so the same code (or an older one) cannot be used twice.
      await sql`
        create table user_two_factor (
          user_id uuid primary key references users(id) on delete cascade,
          secret text not null,
          created_at timestamptz not null,
          confirmed_at timestamptz,
          last_step bigint
        )`.execute(db);
      // Recovery codes: only their SHA-256 (they carry 50 random bits and are single-use, so a fast hash suffices).
      await sql`
        create table user_recovery_codes (
          user_id uuid not null references users(id) on delete cascade,
          code_hash text not null,
          used_at timestamptz,
          primary key (user_id, code_hash)
        )`.execute(db);
      // A session signed in with a password but still owing its second factor (`second-factor`) or an enrolment the
      // organisation requires (`enrol`) opens only the routes that settle it. `method` says how it signed in.
      await sql`alter table sessions add column pending text check (pending in ('second-factor', 'enrol'))`.execute(db);
      await sql`alter table sessions add column method text not null default 'password' check (method in ('password', 'oidc'))`.execute(
        db,
      );
      await sql`alter table sessions add column provider text`.execute(db);
      await sql`alter table sessions add column id_token text`.execute(db);
      // How people sign in to an organisation, set by its owners.
      await createOrganisationTable(db, 'organisation_sign_in', { key: 'one-per-organisation', rls: false })`
          require_two_factor boolean not null default false,
          password_sign_in boolean not null default true,
          updated_at timestamptz not null`;
      // Just-in-time membership through an identity provider: an email domain or a claim value gives a role.
      await createOrganisationTable(db, 'sso_mappings', { rls: false })`
          id uuid not null,
          provider text not null,
          kind text not null check (kind in ('domain', 'claim')),
          claim text,
          value text not null,
          role text not null check (role in ('owner', 'privacy-officer', 'viewer')),
          created_at timestamptz not null,
          primary key (organisation_id, id)`;
      await sql`create index sso_mappings_provider on sso_mappings (provider, kind, value)`.execute(db);
      for (const table of ['organisation_sign_in', 'sso_mappings']) await enableOrganisationRls(db, table);
      // A membership's own state, shown in the member list: invited until the person first signs in after being added.
      // (The user's password said whether the address had an account anywhere: an owner could learn that of others.)
      await sql`alter table memberships add column first_signed_in_at timestamptz`.execute(db);
      await sql`update memberships m set first_signed_in_at = m.created_at from users u where u.id = m.user_id and u.password_hash is not null`.execute(
        db,
      );
      // A sign-in through a provider in progress: keyed by the SHA-256 of its state; the browser holds the state in a
      // cookie, so a callback from another browser (or a replayed one) finds nothing. Shared by every server process.
      await sql`
        create table oidc_logins (
          id text primary key,
          provider text not null,
          nonce text not null,
          code_verifier text not null,
          created_at timestamptz not null,
          expires_at timestamptz not null
        )`.execute(db);
    },
  },
  '0120-installation-operators': {
    async up(db: Kysely<unknown>) {
      // The operator role is installation-level (it creates organisations), so it cannot be a membership row.
      await sql`
        create table installation_operators (
          user_id uuid primary key references users(id) on delete cascade,
          granted_at timestamptz not null,
          granted_by text not null
        )`.execute(db);
      await sql`
        create table installation_events (
          id bigserial primary key,
          at timestamptz not null,
          actor text not null,
          action text not null,
          target text
        )`.execute(db);
      // Whoever completed the first-run setup is the installation's first operator.
      await sql`
        insert into installation_operators (user_id, granted_at, granted_by)
        select u.id, now(), 'migration'
          from users u
         where exists (select 1 from memberships m where m.user_id = u.id and m.role = 'owner')
         order by u.created_at
         limit 1`.execute(db);
      await ensureApplicationRole(db);
    },
  },
};
