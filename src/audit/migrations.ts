/** Migrations of the audit trail. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable, refuseAllChanges } from '../platform/db/ddl.js';
import { applicationRole, ensureApplicationRole, protectAppendOnlyTables } from '../platform/db/rls.js';

export const auditMigrations: Record<string, Migration> = {
  '0002-audit-trail': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'audit_entries', { rls: false })`
          seq integer not null,
          at timestamptz not null,
          actor text not null,
          action text not null,
          target text,
          data jsonb not null default '{}',
          prev_hash text not null,
          hash text not null,
          primary key (organisation_id, seq)`;
      await sql`create index audit_entries_action on audit_entries (organisation_id, action, at)`.execute(db);
      await createOrganisationTable(db, 'audit_heads', { key: 'one-per-organisation', rls: false })`
          seq integer not null,
          hash text not null`;
    },
  },
  /**
   * The keyed, append-only trail. `key_id` names the audit key an entry's HMAC was made with (null: an entry written
   * before this migration, plain SHA-256). Chains that exist now are marked `seal_pending`: the next start (or the next
   * entry) appends a keyed `audit.rekeyed` entry right after them, which fixes the unkeyed part for good.
   *
   * No UPDATE at all, by anyone without disabling triggers; DELETE only of a prefix that an `audit.pruned` entry later in
   * the same chain accounts for, and never the head. `charter_app` has neither privilege: retention prunes through
   * `audit_prune_prefix`, a SECURITY DEFINER function bound to the transaction's organisation.
   */
  '0660-audit-keyed-append-only': {
    async up(db: Kysely<unknown>) {
      await ensureApplicationRole(db);
      await sql`alter table audit_entries add column key_id text`.execute(db);
      await sql`alter table audit_heads add column seal_pending boolean not null default false`.execute(db);
      await sql`update audit_heads set seal_pending = true where seq > 0`.execute(db);
      await sql`
        create or replace function audit_refuse_change() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE'
             and old.seq < (select h.seq from audit_heads h where h.organisation_id = old.organisation_id)
             and exists (select 1 from audit_entries a
                          where a.organisation_id = old.organisation_id and a.action = 'audit.pruned'
                            and a.seq > old.seq and (a.data ->> 'throughSeq')::int >= old.seq) then
            return old;
          end if;
          raise exception 'the audit trail is append-only: % on audit_entries is not allowed (only a prefix recorded by audit.pruned may be deleted)', tg_op
            using errcode = 'insufficient_privilege';
        end $$`.execute(db);
      await refuseAllChanges(db, 'audit_entries', 'audit_refuse_change');
      await sql`
        create or replace function audit_prune_prefix(org uuid, through_seq integer, batch integer) returns integer
        language plpgsql security definer set search_path = public as $$
        declare
          n integer;
        begin
          -- Only the organisation the calling transaction is scoped to (tenancy.ts sets it).
          if org is distinct from nullif(current_setting('charter.organisation_id', true), '')::uuid then
            raise exception 'audit_prune_prefix outside the organisation''s scope' using errcode = 'insufficient_privilege';
          end if;
          delete from audit_entries where organisation_id = org and seq in (
            select seq from audit_entries where organisation_id = org and seq <= through_seq order by seq limit batch);
          get diagnostics n = row_count;
          return n;
        end $$`.execute(db);
      await sql`revoke all on function audit_prune_prefix(uuid, integer, integer) from public`.execute(db);
      await sql
        .raw(`grant execute on function audit_prune_prefix(uuid, integer, integer) to ${applicationRole}`)
        .execute(db);
      await protectAppendOnlyTables(db);
    },
  },
};
