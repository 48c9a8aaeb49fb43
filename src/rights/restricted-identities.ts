/**
 * Art. 18 where a store cannot mark it: Charter remembers the identities of a restricted person whose rows sit in a
 * table without a `restrictColumn`, so retention keeps every row those identities match in every store (the stores'
 * restricted rows are computed outward from them like from a marked row — src/stores/sql/restricted.ts). Remembered
 * in the transaction that records the restriction, forgotten in the one that lifts it, each with its audit entry.
 * Stored like the request's own identity: organisation-scoped, under row-level security; never logged.
 */
import type { Kysely, Transaction } from 'kysely';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { Identity, IdentityType } from '../stores/connector.js';
import { viewOf } from '../platform/db/view.js';
import { recordEvent, type RightsRequest } from './repository.js';
import type { RightsDb, RightsTables } from './tables.js';

const rightsView = viewOf<RightsDb>();

/** What reading the restricted identities needs: retention reads them without the rest of `RightsDb`. */
export type RestrictedIdentitiesDb = Pick<RightsTables, 'rights_restricted_identities'>;
const restrictedView = viewOf<RestrictedIdentitiesDb>();

/** A table a restriction could not be marked in (no `restrictColumn`): an officer task names it, never the person's mail. */
export interface UnmarkedTable {
  store: string;
  table: string;
}

/**
 * Remembers the request's identities as restricted (idempotent), with the audit entry naming how many tables could
 * not mark it. Nothing is remembered when every store marked the restriction itself.
 */
export async function rememberRestriction<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type'>,
  identities: readonly Identity[],
  unmarked: readonly UnmarkedTable[],
  at: Date,
): Promise<void> {
  const trx = rightsView(anyTrx);
  const organisationId = requireScope(scope);
  if (unmarked.length === 0 || identities.length === 0) return;
  const inserted = await trx
    .insertInto('rights_restricted_identities')
    .values(
      identities.map((i) => ({
        organisation_id: organisationId,
        request_id: request.id,
        identity_type: i.type,
        identity_value: i.value,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'request_id', 'identity_type', 'identity_value']).doNothing())
    .returning('identity_type')
    .execute();
  // Counts and store/table names only: the identity itself stays out of the audit trail.
  if (inserted.length > 0)
    await recordEvent(trx, scope, request, {
      actor: 'system',
      kind: 'restriction-remembered',
      at,
      data: { identities: inserted.length, unmarkedTables: unmarked.length },
    });
}

/** Forgets the request's restricted identities (the restriction is lifted); audited when there were any. */
export async function forgetRestriction<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type'>,
  actor: string,
  at: Date,
): Promise<number> {
  const trx = rightsView(anyTrx);
  const organisationId = requireScope(scope);
  const deleted = await trx
    .deleteFrom('rights_restricted_identities')
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', request.id)
    .returning('identity_type')
    .execute();
  if (deleted.length > 0)
    await recordEvent(trx, scope, request, {
      actor,
      kind: 'restriction-forgotten',
      at,
      data: { identities: deleted.length },
    });
  return deleted.length;
}

/** The identities of the organisation's restricted people that stores could not mark (distinct). */
export async function restrictedIdentities<DB extends RestrictedIdentitiesDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<Identity[]> {
  const db = restrictedView(anyDb);
  const organisationId = requireScope(scope);
  const rows = await withinOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('rights_restricted_identities')
      .select(['identity_type', 'identity_value'])
      .distinct()
      .where('organisation_id', '=', organisationId)
      .orderBy('identity_type')
      .orderBy('identity_value')
      .execute(),
  );
  return rows.map((r) => ({ type: r.identity_type as IdentityType, value: r.identity_value }));
}
