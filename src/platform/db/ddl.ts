/**
 * Schema statements every domain's migrations share: the organisation-owned table (its leading `organisation_id`
 * column, row-level security) and the triggers that make a table append-only. Each helper issues the statement the
 * migrations used to write out by hand, so a database migrated through them is the same one (checked by comparing
 * `pg_dump --schema-only` before and after they were introduced). Migrations are applied schema: a helper's output
 * must never change once a migration uses it; a new shape is a new option or a new helper.
 */
import { sql, type Kysely } from 'kysely';
import { enableOrganisationRls } from './rls.js';

/**
 * How the leading `organisation_id` column is declared:
 * - `references` (the default): owned rows, `organisation_id uuid not null references organisations(id)`;
 * - `plain`: a child table whose own foreign key names its parent (which references the organisation);
 * - `one-per-organisation`: one row per organisation, the column is the primary key.
 */
export type OrganisationKey = 'references' | 'plain' | 'one-per-organisation';

const leadingColumn: Record<OrganisationKey, string> = {
  references: 'organisation_id uuid not null references organisations(id)',
  plain: 'organisation_id uuid not null',
  'one-per-organisation': 'organisation_id uuid primary key references organisations(id)',
};

export interface OrganisationTableOptions {
  key?: OrganisationKey;
  /**
   * Turn on row-level security right after the table is made (default). False where the migration turns it on later
   * (several tables at once, as it always did) or not at all.
   */
  rls?: boolean;
  /** What follows the column list, e.g. `partition by range (recorded_at)`. */
  suffix?: string;
}

/**
 * Creates an organisation-owned table: `organisation_id` leads (DESIGN.md §6: the key a distributed PostgreSQL shards
 * by), then the columns and constraints given as the template's SQL, and row-level security is turned on. A tag, so a
 * migration still reads as the table it makes; it takes no `${}` values (a table's shape is fixed text).
 *
 * @example
 *   await createOrganisationTable(db, 'site_scans')`
 *     id uuid not null,
 *     started_at timestamptz not null,
 *     primary key (organisation_id, id)`;
 */
export function createOrganisationTable(
  db: Kysely<unknown>,
  table: string,
  options: OrganisationTableOptions = {},
): (columns: TemplateStringsArray) => Promise<void> {
  return async (columns) => {
    const suffix = options.suffix ? ` ${options.suffix}` : '';
    const lead = leadingColumn[options.key ?? 'references'];
    await sql.raw(`create table ${table} (\n  ${lead},${columns.join('')}\n)${suffix}`).execute(db);
    if (options.rls ?? true) await enableOrganisationRls(db, table);
  };
}

/**
 * A row trigger `<table>_append_only` that sends every UPDATE and DELETE on `table` through `guard` (a trigger function
 * that raises, or lets one named path through). rls.ts's protectAppendOnlyTables finds append-only tables by that name.
 */
export async function refuseRowChanges(db: Kysely<unknown>, table: string, guard: string): Promise<void> {
  await sql
    .raw(
      `create trigger ${table}_append_only before update or delete on ${table} for each row execute function ${guard}()`,
    )
    .execute(db);
}

/** A statement trigger `<table>_no_truncate` that sends TRUNCATE through `guard`: row triggers never see a TRUNCATE. */
export async function refuseTruncate(db: Kysely<unknown>, table: string, guard: string): Promise<void> {
  await sql
    .raw(
      `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function ${guard}()`,
    )
    .execute(db);
}

/** Makes `table` append-only: UPDATE, DELETE and TRUNCATE all go through `guard`. */
export async function refuseAllChanges(db: Kysely<unknown>, table: string, guard: string): Promise<void> {
  await refuseRowChanges(db, table, guard);
  await refuseTruncate(db, table, guard);
}
