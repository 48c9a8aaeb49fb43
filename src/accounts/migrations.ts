/** Migrations of organisations, users and access, and the row-level security of the core tables. */
import { sql, type Kysely, type Migration } from 'kysely';
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
      await sql`
        create table memberships (
          organisation_id uuid not null references organisations(id),
          user_id uuid not null references users(id) on delete cascade,
          role text not null check (role in ('owner', 'privacy-officer', 'viewer')),
          created_at timestamptz not null default now(),
          primary key (organisation_id, user_id)
        )`.execute(db);
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
      await sql`
        create table api_tokens (
          organisation_id uuid not null references organisations(id),
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
          primary key (organisation_id, id)
        )`.execute(db);
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
      await sql`create table account_keys (name text primary key, value text not null, created_at timestamptz not null default now())`.execute(db);
    },
  },
};
