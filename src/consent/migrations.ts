/**
 * Migrations of the consent domain (0200–0299). The ledger is append-only by construction: a trigger refuses every
 * UPDATE, DELETE and TRUNCATE, so the only way a record leaves is the drop of a whole month partition once every record
 * in it is past retention (ledger-partitions.ts). Purpose consents are append-only too, except for the erasure of a
 * person, which must say so explicitly in its transaction (`charter.consent_erasure = on`).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable, refuseRowChanges, refuseTruncate } from '../platform/db/ddl.js';
import { enableOrganisationRls } from '../platform/db/rls.js';

/**
 * The function that creates a month's partition of the ledger on demand, as 0200 made it and as 0202 replaced it
 * (`racing`: the creation is wrapped so that a partition another process created first counts as done). Both versions
 * from one text; what it returns is the function's stored body, so it must never change.
 */
function ensureMonthFunction(options: { racing: boolean }): string {
  const creation = [
    'execute format(',
    "  'create table %I partition of consent_records for values from (%L) to (%L)',",
    '  partition_name,',
    "  to_char(month_start, 'YYYY-MM-01') || ' 00:00:00+00',",
    "  to_char(month_start + interval '1 month', 'YYYY-MM-01') || ' 00:00:00+00');",
    'execute format(',
    "  'create trigger consent_records_no_truncate before truncate on %I for each statement execute function consent_refuse_change()',",
    '  partition_name);',
  ];
  const guarded = options.racing
    ? [
        'begin',
        ...creation.map((line) => `  ${line}`),
        'exception when duplicate_table or duplicate_object then',
        '  -- Another process created it first: the partition exists, which is all this function promises.',
        '  null;',
        'end;',
      ]
    : creation;
  return `
        ${options.racing ? 'create or replace' : 'create'} function consent_records_ensure_month(month_start date) returns text language plpgsql as $$
        declare
          partition_name text := 'consent_records_' || to_char(month_start, 'YYYY_MM');
        begin
          if to_regclass(partition_name) is not null then
            return partition_name;
          end if;
          perform pg_advisory_xact_lock(hashtext('consent_records_partitions'));
          if to_regclass(partition_name) is null then
${guarded.map((line) => `            ${line}`).join('\n')}
          end if;
          return partition_name;
        end $$`;
}

export const consentMigrations: Record<string, Migration> = {
  '0200-consent-ledger': {
    async up(db: Kysely<unknown>) {
      await sql`
        create function consent_refuse_change() returns trigger language plpgsql as $$
        begin
          raise exception 'the consent ledger is append-only (% on %)', tg_op, tg_table_name using errcode = '55000';
        end $$`.execute(db);
      await createOrganisationTable(db, 'consent_records', { rls: false, suffix: 'partition by range (recorded_at)' })`
          recorded_at timestamptz not null,
          receipt_id text not null,
          site_id text not null,
          visitor_id text not null,
          revision text not null,
          method text not null,
          language text not null,
          choices jsonb not null,
          gpc boolean not null,
          page_url text not null,
          ip_hash text not null,
          user_agent text not null,
          mobile boolean not null,
          primary key (organisation_id, receipt_id, recorded_at)`;
      await sql`create index consent_records_visitor on consent_records (organisation_id, visitor_id, recorded_at)`.execute(
        db,
      );
      // Row triggers on the partitioned table are cloned onto every partition; TRUNCATE triggers are not, so the
      // partition function below adds one to each partition it creates.
      await refuseRowChanges(db, 'consent_records', 'consent_refuse_change');
      await refuseTruncate(db, 'consent_records', 'consent_refuse_change');
      // One partition per UTC month, created on demand by the writer (and at start for this month and the next).
      // Serialised by an advisory lock so several server processes can race to create the same month.
      await sql.raw(ensureMonthFunction({ racing: false })).execute(db);

      await createOrganisationTable(db, 'consent_texts', { rls: false })`
          site_id text not null,
          revision text not null,
          charter_seq integer not null,
          texts jsonb not null,
          created_at timestamptz not null default now(),
          primary key (organisation_id, site_id, revision)`;
      await refuseRowChanges(db, 'consent_texts', 'consent_refuse_change');

      await sql`
        create table consent_ip_keys (
          day date primary key,
          key bytea not null,
          created_at timestamptz not null default now()
        )`.execute(db);
      await createOrganisationTable(db, 'consent_keys', { rls: false })`
          name text not null,
          key bytea not null,
          created_at timestamptz not null default now(),
          primary key (organisation_id, name)`;

      await createOrganisationTable(db, 'consent_daily_stats', { rls: false })`
          site_id text not null,
          day date not null,
          metric text not null,
          shard smallint not null,
          count bigint not null,
          primary key (organisation_id, site_id, day, metric, shard)`;
      // Row-level security: reads run inside inOrganisation; the group-commit writer runs as the connecting role.
      for (const table of ['consent_records', 'consent_texts', 'consent_keys', 'consent_daily_stats']) {
        await enableOrganisationRls(db, table);
      }
    },
  },
  '0201-purpose-consents': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'purpose_consent_subjects', { rls: false })`
          subject_hash text not null,
          email text not null,
          created_at timestamptz not null default now(),
          primary key (organisation_id, subject_hash)`;
      await createOrganisationTable(db, 'purpose_consent_texts', { rls: false })`
          purpose_id text not null,
          version text not null,
          texts jsonb not null,
          created_at timestamptz not null default now(),
          primary key (organisation_id, purpose_id, version)`;
      await createOrganisationTable(db, 'purpose_consents', { rls: false })`
          id uuid not null,
          seq bigint generated always as identity,
          subject_hash text not null,
          purpose_id text not null,
          action text not null check (action in ('requested', 'granted', 'withdrawn')),
          text_version text not null,
          language text not null,
          method text not null,
          site_id text,
          parental jsonb,
          confirms uuid,
          actor text not null,
          recorded_at timestamptz not null,
          primary key (organisation_id, id)`;
      await sql`create index purpose_consents_subject on purpose_consents (organisation_id, subject_hash, purpose_id, recorded_at)`.execute(
        db,
      );
      await sql`create index purpose_consents_purpose on purpose_consents (organisation_id, purpose_id, recorded_at)`.execute(
        db,
      );
      // Append-only, except the erasure of a person (Art. 17), which sets charter.consent_erasure in its transaction.
      await sql`
        create function purpose_consents_guard() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' and coalesce(current_setting('charter.consent_erasure', true), '') = 'on' then
            return old;
          end if;
          raise exception 'purpose consents are append-only (% on %)', tg_op, tg_table_name using errcode = '55000';
        end $$`.execute(db);
      await refuseRowChanges(db, 'purpose_consents', 'purpose_consents_guard');
      await refuseTruncate(db, 'purpose_consents', 'consent_refuse_change');

      await createOrganisationTable(db, 'marketing_suppressions', { rls: false })`
          email_hash text not null,
          reason text not null check (reason in ('objection', 'unsubscribe', 'complaint', 'erasure', 'manual')),
          source text not null,
          created_at timestamptz not null default now(),
          primary key (organisation_id, email_hash)`;
      // An objection to direct marketing is absolute and must survive erasure: suppressions are never deleted.
      await refuseRowChanges(db, 'marketing_suppressions', 'consent_refuse_change');
      for (const table of [
        'purpose_consent_subjects',
        'purpose_consent_texts',
        'purpose_consents',
        'marketing_suppressions',
      ]) {
        await enableOrganisationRls(db, table);
      }
    },
  },
  '0202-consent-partitions-race': {
    async up(db: Kysely<unknown>) {
      // Two processes starting at once on one PostgreSQL could both pass the second check (the catalog lookup in the
      // function may not see the table the other committed just before the lock was granted) and the second
      // `create table` failed with "already exists". The creation now treats that as done.
      await sql.raw(ensureMonthFunction({ racing: true })).execute(db);
    },
  },
};
