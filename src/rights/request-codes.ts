/**
 * One-time codes and links of a request: the verification and cancellation codes mailed to the person and the
 * single-use download links, stored as keyed hashes only. A newer code of the same purpose supersedes the older ones.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import type { RightsDb } from './tables.js';

const rightsView = viewOf<RightsDb>();

export interface CodeRow {
  id: string;
  requestId: string;
  purpose: 'verify' | 'cancel' | 'download';
  codeHash: string | null;
  linkHash: string | null;
  packageId: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  attempts: number;
  lockedAt: Date | null;
}

function toCode(row: Selectable<RightsDb['rights_codes']>): CodeRow {
  return {
    id: row.id,
    requestId: row.request_id,
    purpose: row.purpose as CodeRow['purpose'],
    codeHash: row.code_hash,
    linkHash: row.link_hash,
    packageId: row.package_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    attempts: row.attempts,
    lockedAt: row.locked_at,
  };
}

export async function insertCode<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  code: Omit<CodeRow, 'usedAt' | 'attempts' | 'lockedAt'>,
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    await db
      .insertInto('rights_codes')
      .values({
        organisation_id: organisationId,
        id: code.id,
        request_id: code.requestId,
        purpose: code.purpose,
        code_hash: code.codeHash,
        link_hash: code.linkHash,
        package_id: code.packageId,
        created_at: code.createdAt,
        expires_at: code.expiresAt,
        attempts: 0,
      })
      .execute();
  });
}

/**
 * The link to cancel a verified request while it waits out its grace period: no code to type, usable until the
 * request executes.
 */
export async function insertCancelLink<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  link: { requestId: string; linkHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await insertCode(anyDb, scope, { id: randomUUID(), purpose: 'cancel', codeHash: null, packageId: null, ...link });
}

/** The newest code of a request for a purpose (and package), locked. Older codes are superseded by it. */
export async function latestCode<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  purpose: CodeRow['purpose'],
  packageId?: string,
): Promise<CodeRow | undefined> {
  const organisationId = requireScope(scope);
  let query = rightsView(anyTrx)
    .selectFrom('rights_codes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .where('purpose', '=', purpose)
    .where('code_hash', 'is not', null);
  if (packageId) query = query.where('package_id', '=', packageId);
  const row = await query.orderBy('created_at', 'desc').limit(1).forUpdate().executeTakeFirst();
  return row ? toCode(row) : undefined;
}

export async function codeByLink<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  linkHash: string,
): Promise<CodeRow | undefined> {
  const organisationId = requireScope(scope);
  const row = await rightsView(anyTrx)
    .selectFrom('rights_codes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('link_hash', '=', linkHash)
    .forUpdate()
    .executeTakeFirst();
  return row ? toCode(row) : undefined;
}

export async function updateCode<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  id: string,
  patch: { used_at?: Date; attempts?: number; locked_at?: Date },
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    await db
      .updateTable('rights_codes')
      .set(patch)
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}

/** Invalidates every unused code of a request for a purpose (a new code supersedes them). */
export async function retireCodes<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  purpose: CodeRow['purpose'],
  at: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    await db
      .updateTable('rights_codes')
      .set({ locked_at: at })
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('locked_at', 'is', null)
      .execute();
  });
}
