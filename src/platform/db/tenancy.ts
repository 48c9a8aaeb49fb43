/**
 * Tenancy that fails closed. Every repository function takes an `OrgScope`; calling one without a scope is a
 * programming error and throws. `inOrganisation` opens a transaction in which the organisation is also set for
 * PostgreSQL row-level security (`charter.organisation_id`) and the restricted `charter_app` role is taken, so the
 * policies of rls.ts apply: the second wall behind the scoped queries.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { InvariantError } from '../errors.js';
import { applicationRole } from './rls.js';

export interface OrgScope {
  readonly organisationId: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the organisation id of a scope, or throws if the scope is missing or malformed. */
export function requireScope(scope: OrgScope | null | undefined): string {
  const id = scope?.organisationId;
  if (typeof id !== 'string' || !uuidPattern.test(id)) {
    throw new InvariantError('repository call without an organisation scope');
  }
  return id;
}

/**
 * Runs `work` in a transaction scoped to one organisation: RLS setting included, as the `charter_app` role, so rows of
 * any other organisation are invisible and unwritable even to a query that forgot its `where organisation_id`.
 */
export async function inOrganisation<DB, T>(
  db: Kysely<DB>,
  scope: OrgScope,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  requireScope(scope);
  return db.transaction().execute(async (trx) => {
    await enterOrganisation(trx, scope);
    return work(trx);
  });
}

/**
 * Scopes the rest of an open transaction to one organisation (RLS setting and role), for a transaction that first
 * had to touch installation-level rows (e.g. create a user, then their membership). There is no way back within it.
 */
export async function enterOrganisation<DB>(trx: Transaction<DB>, scope: OrgScope): Promise<void> {
  const organisationId = requireScope(scope);
  // One round trip: `set_config('role', …, true)` is `SET LOCAL ROLE`, with the same membership check.
  await sql`select set_config('charter.organisation_id', ${organisationId}, true), set_config('role', ${sql.lit(applicationRole)}, true)`.execute(
    trx,
  );
}

/**
 * Runs `work` scoped to the organisation: in the caller's transaction when `db` is one (it must be scoped already —
 * the tenancy guard refuses organisation tables otherwise), else in a new `inOrganisation` transaction. For repository
 * functions that are called both on their own and inside a larger scoped transaction.
 */
export function withinOrganisation<DB, T>(
  db: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  requireScope(scope);
  return db.isTransaction ? work(db) : inOrganisation(db, scope, work);
}
