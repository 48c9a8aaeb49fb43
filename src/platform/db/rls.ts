/**
 * PostgreSQL row-level security, the second wall behind scoped queries. Every organisation-owned table gets one policy:
 * a row is visible and writable only when its `organisation_id` equals the transaction's `charter.organisation_id`
 * setting. `inOrganisation` (tenancy.ts) sets that value and switches to the restricted `charter_app` role with
 * `SET LOCAL ROLE`, so the policy applies even when the connection itself is a superuser (PGlite always is).
 *
 * Work outside an organisation (migrations, authentication, resolving a public site to its organisation) runs as the
 * connecting role, which must own the schema and be a superuser or have BYPASSRLS.
 *
 * Call `enableOrganisationRls(db, 'my_table')` in the migration that creates an organisation-owned table.
 */
import { sql, type Kysely } from 'kysely';

/** The restricted role tenant-scoped transactions run as. Cluster-wide, created once, never able to log in. */
export const applicationRole = 'charter_app';

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates the `charter_app` role when missing and grants it data access (not DDL) to every table in the schema,
 * now and later. Idempotent and safe when several databases of one cluster migrate at once.
 */
export async function ensureApplicationRole(db: Kysely<unknown>): Promise<void> {
  // Roles are cluster-wide: another database (or a concurrent test) may be creating it at this very moment.
  await sql
    .raw(
      `do $$ begin
         if not exists (select from pg_roles where rolname = '${applicationRole}') then
           create role ${applicationRole} nologin;
         end if;
       exception when duplicate_object or unique_violation then null;
       end $$`,
    )
    .execute(db);
  // A non-superuser owner must be a member to `SET ROLE`; superusers already may (and the grant is then a no-op).
  await sql
    .raw(
      `do $$ begin
         if not pg_has_role(current_user, '${applicationRole}', 'member') then
           execute format('grant ${applicationRole} to %I', current_user);
         end if;
       exception when insufficient_privilege or duplicate_object then null;
       end $$`,
    )
    .execute(db);
  await sql.raw(`grant usage on schema public to ${applicationRole}`).execute(db);
  await sql
    .raw(`grant select, insert, update, delete on all tables in schema public to ${applicationRole}`)
    .execute(db);
  await sql.raw(`grant usage, select, update on all sequences in schema public to ${applicationRole}`).execute(db);
  await sql
    .raw(
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${applicationRole}`,
    )
    .execute(db);
  await sql
    .raw(`alter default privileges in schema public grant usage, select, update on sequences to ${applicationRole}`)
    .execute(db);
  await protectAppendOnlyTables(db);
}

/**
 * Takes UPDATE, DELETE and TRUNCATE back from `charter_app` on every append-only table (one with a trigger named
 * `<table>_append_only`). The blanket grants above run in every later migration that creates a table, so without this
 * they would hand those privileges back.
 */
export async function protectAppendOnlyTables(db: Kysely<unknown>): Promise<void> {
  // `purpose_consents` keeps DELETE: its trigger lets exactly one path through, the erasure of a person (Art. 17), which
  // runs as charter_app; the trigger still refuses every other delete.
  const erasable = appendOnlyButErasable.map((t) => `'${t}'`).join(', ');
  await sql
    .raw(
      `do $$ declare t record; begin
         for t in select c.relname from pg_trigger g
                    join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = 'public' and g.tgname = c.relname || '_append_only' loop
           if t.relname in (${erasable}) then
             execute format('revoke update, truncate on %I from ${applicationRole}', t.relname);
           else
             execute format('revoke update, delete, truncate on %I from ${applicationRole}', t.relname);
           end if;
         end loop;
       end $$`,
    )
    .execute(db);
}

/** Append-only tables whose trigger allows the erasure of a person, so charter_app keeps DELETE on them. */
const appendOnlyButErasable = ['purpose_consents'];

/**
 * Turns on row-level security for an organisation-owned table (it must have `organisation_id uuid`). Rows of other
 * organisations become invisible and unwritable inside `inOrganisation`; FORCE makes the policy bind the table owner
 * too (superusers and BYPASSRLS roles, i.e. unscoped maintenance, still pass).
 *
 * @example
 *   await sql`create table requests (organisation_id uuid not null references organisations(id), id uuid, …)`.execute(db);
 *   await enableOrganisationRls(db, 'requests');
 */
export async function enableOrganisationRls(db: Kysely<unknown>, table: string): Promise<void> {
  if (!identifier.test(table)) throw new Error(`not a plain table name: ${table}`);
  await ensureApplicationRole(db);
  await sql.raw(`grant select, insert, update, delete on ${table} to ${applicationRole}`).execute(db);
  await protectAppendOnlyTables(db);
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql.raw(`alter table ${table} force row level security`).execute(db);
  await sql.raw(`drop policy if exists organisation_isolation on ${table}`).execute(db);
  // nullif: after a transaction that set it, an unset custom setting reads as '' rather than null.
  await sql
    .raw(
      `create policy organisation_isolation on ${table}
         using (organisation_id = nullif(current_setting('charter.organisation_id', true), '')::uuid)
         with check (organisation_id = nullif(current_setting('charter.organisation_id', true), '')::uuid)`,
    )
    .execute(db);
}
