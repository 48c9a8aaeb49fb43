/**
 * The secrets of a request and how they are kept: one-time codes (8 digits, typed), link secrets (256 bits, in mailed
 * links), and the session token a requester's browser holds (its status cookie, random per browser). Codes, links and
 * session tokens are stored only as an HMAC under the organisation's rights key (codes bound to the request and the
 * purpose, so a code of one request never opens another).
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { viewOf } from '../platform/db/view.js';
import type { RightsDb } from './tables.js';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';

/** How long a one-time code or verification link is valid. Short: it proves control of a mailbox right now. */
export const codeLifetimeMs = 30 * 60_000;
/** Wrong codes allowed per code before it locks (a new request must be made). 8 digits, 5 tries: 1 in 20 million. */
export const maxCodeAttempts = 5;

export type SecretPurpose = 'verify' | 'cancel' | 'download';

/** A fresh 8-digit code, uniformly random. */
export function generateCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** `1234 5678`: easier to read from a mail. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** What a person typed, reduced to digits (spaces and dashes allowed); undefined when it cannot be a code. */
export function normaliseCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : undefined;
}

/** A fresh link secret (URL-safe). */
export function generateLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The organisation's key for rights secrets; see `loadRightsKey`. */
export interface RightsKey {
  codeHash(requestId: string, purpose: SecretPurpose, code: string): string;
  linkHash(secret: string): string;
  identityHash(type: string, value: string): string;
  throttleKey(kind: string, value: string): string;
  /** How a browser's session token on a request (its status cookie) is stored. */
  sessionHash(token: string): string;
}

function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** One constant-time comparison for the whole code base (src/platform/same-secret.ts). */
export { sameSecret } from '../platform/same-secret.js';

export function rightsKey(raw: Buffer, installationSecret?: string): RightsKey {
  // With CHARTER_SECRET set, the database alone is not enough to test a code or forge a status token.
  const key = installationSecret ? createHmac('sha256', installationSecret).update(raw).digest() : raw;
  return {
    codeHash: (requestId, purpose, code) => hmac(key, `code:${requestId}:${purpose}:${code}`),
    linkHash: (secret) => hmac(key, `link:${secret}`),
    identityHash: (type, value) => hmac(key, `identity:${type}:${value}`),
    throttleKey: (kind, value) => `${kind}:${hmac(key, `throttle:${kind}:${value}`).slice(0, 32)}`,
    sessionHash: (token) => hmac(key, `session:${token}`),
  };
}

const rightsView = viewOf<RightsDb>();

const cache = new Map<string, Buffer>();

/** The organisation's random rights key, created on first use and kept in the database (same for every process). */
export async function loadRightsKey<DB extends RightsDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  installationSecret?: string,
): Promise<RightsKey> {
  const db = rightsView(anyDb);
  const organisationId = requireScope(scope);
  let raw = cache.get(organisationId);
  if (!raw) {
    const row = await withinOrganisation(db, scope, async (trx) => {
      await trx
        .insertInto('rights_keys')
        .values({ organisation_id: organisationId, key: randomBytes(32) })
        .onConflict((oc) => oc.column('organisation_id').doNothing())
        .execute();
      return trx
        .selectFrom('rights_keys')
        .select('key')
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow();
    });
    raw = Buffer.from(row.key);
    cache.set(organisationId, raw);
  }
  return rightsKey(raw, installationSecret);
}

/** Normalises an identity the way it is stored and looked up: emails lowercased, numbers without spaces. */
export function normaliseIdentity(type: string, value: string): string {
  const trimmed = value.trim();
  if (type === 'email') return trimmed.toLowerCase();
  if (type === 'phone') return trimmed.replace(/[\s().-]/g, '');
  return trimmed;
}
