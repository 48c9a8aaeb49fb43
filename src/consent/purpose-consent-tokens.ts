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

/**
 * Opens the two parts of a signed token (`<payload>.<signature>`, base64url) whose payload is `length` bytes and starts
 * with the organisation id: the organisation and the payload, or undefined when a part is malformed, the organisation
 * does not exist or the organisation's link signature over `signed(payload)` does not match.
 */
export async function openSignedToken<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  parts: { encoded: string | undefined; signature: string | undefined },
  length: number,
  signed: (payload: Buffer) => Buffer,
): Promise<{ scope: OrgScope; payload: Buffer } | undefined> {
  const db = consentView(anyDb);
  const { encoded, signature } = parts;
  if (!encoded || !signature || !/^[A-Za-z0-9_-]+$/.test(encoded + signature)) return undefined;
  const payload = Buffer.from(encoded, 'base64url');
  if (payload.length !== length) return undefined;
  const scope = { organisationId: uuidString(payload.subarray(0, 16)) };
  const exists = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', scope.organisationId)
    .executeTakeFirst();
  if (!exists) return undefined;
  if (!(await consentKeysFor(db).verify(scope, signed(payload), signature))) return undefined;
  return { scope, payload };
}

/** The organisation and request of a confirmation token, if its signature holds. */
export async function openConfirmationToken<DB extends ConsentDb>(
  db: Kysely<DB>,
  token: string,
): Promise<{ scope: OrgScope; requestId: string } | undefined> {
  const [encoded, signature] = token.split('.');
  const opened = await openSignedToken(db, { encoded, signature }, 32, (payload) =>
    Buffer.concat([Buffer.from('confirm:'), payload]),
  );
  return opened && { scope: opened.scope, requestId: uuidString(opened.payload.subarray(16, 32)) };
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
