/**
 * Sessions on a request: which browser holds what (a session token, hashed), and whether the mailed code was typed in
 * it. They expire; `pruneSessions` removes the expired ones.
 */
import type { Kysely, Transaction } from 'kysely';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import type { RightsDb } from './tables.js';

const rightsView = viewOf<RightsDb>();

export interface RequestSession {
  requestId: string;
  provenAt: Date | null;
}

export async function insertSession<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  row: { tokenHash: string; requestId: string; createdAt: Date; provenAt: Date | null; expiresAt: Date },
): Promise<void> {
  const organisationId = requireScope(scope);
  await withinOrganisation(rightsView(anyDb), scope, (trx) =>
    trx
      .insertInto('rights_sessions')
      .values({
        organisation_id: organisationId,
        token_hash: row.tokenHash,
        request_id: row.requestId,
        created_at: row.createdAt,
        proven_at: row.provenAt,
        expires_at: row.expiresAt,
      })
      .execute(),
  );
}

/** The live session with this token hash on this request, or undefined. */
export async function findSession<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  tokenHash: string,
  now: Date,
): Promise<RequestSession | undefined> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (trx) => {
    const row = await trx
      .selectFrom('rights_sessions')
      .select(['request_id', 'proven_at'])
      .where('organisation_id', '=', organisationId)
      .where('token_hash', '=', tokenHash)
      .where('request_id', '=', requestId)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row ? { requestId: row.request_id, provenAt: row.proven_at ? new Date(row.proven_at) : null } : undefined;
  });
}

/** Marks one browser's session as holding the mailed secret (the code was typed in it). */
export async function proveSession<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  tokenHash: string,
  at: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  await withinOrganisation(rightsView(anyDb), scope, async (trx) => {
    await trx
      .updateTable('rights_sessions')
      .set({ proven_at: at })
      .where('organisation_id', '=', organisationId)
      .where('token_hash', '=', tokenHash)
      .where('request_id', '=', requestId)
      .where('expires_at', '>', at)
      .execute();
  });
}

export async function pruneSessions<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  before: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  await withinOrganisation(rightsView(anyDb), scope, async (trx) => {
    await trx
      .deleteFrom('rights_sessions')
      .where('organisation_id', '=', organisationId)
      .where('expires_at', '<', before)
      .execute();
  });
}
