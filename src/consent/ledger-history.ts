/**
 * Reading the consent ledger: a visitor's full history, and one receipt with the texts the visitor saw. Scoped to one
 * organisation (and its row-level security); a receipt id leads straight to its month partition.
 */
import type { Kysely } from 'kysely';
import { consentView, type ConsentDb } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { ConsentTexts } from './ledger-directory.js';
import { buildReceipt, type ConsentReceipt, type StoredRecord } from './ledger-receipt.js';
import { receiptTime } from './ledger-rules.js';

/** Most records returned for one visitor (a visitor answers a few times a year). */
export const historyLimit = 1000;

const recordColumns = [
  'receipt_id', 'recorded_at', 'site_id', 'visitor_id', 'revision', 'method', 'language', 'choices', 'gpc', 'page_url',
  'ip_hash', 'user_agent', 'mobile',
] as const; // prettier-ignore

type RecordRow = {
  receipt_id: string;
  recorded_at: Date;
  site_id: string;
  visitor_id: string;
  revision: string;
  method: string;
  language: string;
  choices: unknown;
  gpc: boolean;
  page_url: string;
  ip_hash: string;
  user_agent: string;
  mobile: boolean;
};

function toRecord(row: RecordRow): StoredRecord {
  return {
    receiptId: row.receipt_id,
    recordedAt: new Date(row.recorded_at),
    siteId: row.site_id,
    visitorId: row.visitor_id,
    revision: row.revision,
    method: row.method,
    language: row.language,
    choices: (typeof row.choices === 'string' ? JSON.parse(row.choices) : row.choices) as Record<string, boolean>,
    gpc: row.gpc,
    pageUrl: row.page_url,
    ipHash: row.ip_hash,
    userAgent: row.user_agent,
    mobile: row.mobile,
  };
}

/** Every record of a visitor, newest first (at most `historyLimit`). */
export async function visitorHistory<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  visitorId: string,
): Promise<StoredRecord[]> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const rows = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('consent_records')
      .select(recordColumns)
      .where('organisation_id', '=', organisationId)
      .where('visitor_id', '=', visitorId)
      .orderBy('recorded_at', 'desc')
      .limit(historyLimit)
      .execute(),
  );
  return rows.map(toRecord);
}

/** One record by receipt id, or undefined (also for another organisation's receipt). */
export async function findRecord<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  receiptId: string,
): Promise<StoredRecord | undefined> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const at = receiptTime(receiptId);
  if (!at) return undefined;
  const row = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('consent_records')
      .select(recordColumns)
      .where('organisation_id', '=', organisationId)
      .where('receipt_id', '=', receiptId)
      // The id's time prefix is the record's timestamp: only its month partition is read.
      .where('recorded_at', '>=', new Date(at.getTime() - 1))
      .where('recorded_at', '<=', new Date(at.getTime() + 1))
      .executeTakeFirst(),
  );
  return row ? toRecord(row) : undefined;
}

/** The texts a site's visitors saw under one consent revision. */
export async function consentTextsOf<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  revision: string,
): Promise<ConsentTexts | undefined> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const row = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('consent_texts')
      .select('texts')
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', siteId)
      .where('revision', '=', revision)
      .executeTakeFirst(),
  );
  if (!row) return undefined;
  return (typeof row.texts === 'string' ? JSON.parse(row.texts) : row.texts) as ConsentTexts;
}

/** The receipt of one record with the texts the visitor saw, or undefined. */
export async function findReceipt<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  receiptId: string,
): Promise<ConsentReceipt | undefined> {
  const db = consentView(anyDb);
  const record = await findRecord(db, scope, receiptId);
  if (!record) return undefined;
  const texts = await consentTextsOf(db, scope, record.siteId, record.revision);
  // Texts are stored before the first record of a revision is accepted; missing texts mean a damaged database.
  if (!texts) throw new Error(`consent texts missing for revision ${record.revision}`);
  return buildReceipt(record, texts);
}
