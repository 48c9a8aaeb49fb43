/**
 * The signed tokens of double opt-in confirmation links: they name the organisation and the request, and only the
 * organisation's link key (ledger-keys.ts) can make one.
 */
import type { Kysely } from 'kysely';
import { consentView, type ConsentDb } from './tables.js';
import { requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { consentKeysFor } from './ledger-keys.js';

/** A confirmation token: organisation id and request id (32 bytes), signed with the organisation's link key. */
export async function confirmationToken<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  requestId: string,
): Promise<string> {
  const db = consentView(anyDb);
  const payload = Buffer.concat([uuidBytes(requireScope(scope)), uuidBytes(requestId)]);
  return `${payload.toString('base64url')}.${await consentKeysFor(db).sign(scope, Buffer.concat([Buffer.from('confirm:'), payload]))}`;
}

/** The organisation and request of a confirmation token, if its signature holds. */
export async function openConfirmationToken<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  token: string,
): Promise<{ scope: OrgScope; requestId: string } | undefined> {
  const db = consentView(anyDb);
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature || !/^[A-Za-z0-9_-]+$/.test(encoded + signature)) return undefined;
  const payload = Buffer.from(encoded, 'base64url');
  if (payload.length !== 32) return undefined;
  const scope = { organisationId: uuidString(payload.subarray(0, 16)) };
  const exists = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', scope.organisationId)
    .executeTakeFirst();
  if (!exists) return undefined;
  if (!(await consentKeysFor(db).verify(scope, Buffer.concat([Buffer.from('confirm:'), payload]), signature)))
    return undefined;
  return { scope, requestId: uuidString(payload.subarray(16, 32)) };
}

/** A UUID as its 16 bytes. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** 16 bytes as a UUID. */
export function uuidString(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
