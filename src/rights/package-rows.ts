/**
 * Export packages of access and portability requests: the ZIP stored until it expires or is downloaded, its link hash,
 * and what the console shows of it (never the content).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import type { RightsDb } from './tables.js';

const rightsView = viewOf<RightsDb>();

export interface PackageRow {
  id: string;
  requestId: string;
  createdAt: Date;
  expiresAt: Date;
  fileName: string;
  size: number;
  sha256: string;
  hasContent: boolean;
  downloadedAt: Date | null;
  deletedAt: Date | null;
}

export async function insertPackage<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: {
    id: string;
    requestId: string;
    createdAt: Date;
    expiresAt: Date;
    fileName: string;
    content: Uint8Array;
    sha256: string;
    linkHash: string;
  },
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    await db
      .insertInto('rights_packages')
      .values({
        organisation_id: organisationId,
        id: input.id,
        request_id: input.requestId,
        created_at: input.createdAt,
        expires_at: input.expiresAt,
        file_name: input.fileName,
        size: input.content.byteLength,
        sha256: input.sha256,
        content: Buffer.from(input.content),
        link_hash: input.linkHash,
      })
      .execute();
  });
}

const packageColumns = [
  'id',
  'request_id',
  'created_at',
  'expires_at',
  'file_name',
  'size',
  'sha256',
  'downloaded_at',
  'deleted_at',
] as const;

function toPackage(
  row: Pick<Selectable<RightsDb['rights_packages']>, (typeof packageColumns)[number]> & { has_content: boolean },
): PackageRow {
  return {
    id: row.id,
    requestId: row.request_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    hasContent: row.has_content,
    downloadedAt: row.downloaded_at,
    deletedAt: row.deleted_at,
  };
}

export async function packageByLink<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  linkHash: string,
): Promise<PackageRow | undefined> {
  const organisationId = requireScope(scope);
  const row = await rightsView(anyTrx)
    .selectFrom('rights_packages')
    .select([...packageColumns, sql<boolean>`content is not null`.as('has_content')])
    .where('organisation_id', '=', organisationId)
    .where('link_hash', '=', linkHash)
    .forUpdate()
    .executeTakeFirst();
  return row ? toPackage(row) : undefined;
}

export async function packagesOf<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
): Promise<PackageRow[]> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    const rows = await db
      .selectFrom('rights_packages')
      .select([...packageColumns, sql<boolean>`content is not null`.as('has_content')])
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .execute();
    return rows.map(toPackage);
  });
}

export async function packageContent<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  packageId: string,
): Promise<Buffer | undefined> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    const row = await db
      .selectFrom('rights_packages')
      .select('content')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', packageId)
      .executeTakeFirst();
    return row?.content ? Buffer.from(row.content) : undefined;
  });
}

export async function updatePackage<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  id: string,
  patch: { downloaded_at?: Date | null; deleted_at?: Date; content?: null; link_hash?: string; expires_at?: Date },
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    await db
      .updateTable('rights_packages')
      .set(patch)
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}
