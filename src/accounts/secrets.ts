/**
 * Secrets handed to people (session cookies, API tokens, one-time links) and how they are kept: only a SHA-256 of
 * each is stored (they carry 256 bits of randomness, so a fast hash is enough and allows lookup by hash).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';

/** A fresh random secret, URL-safe, with an optional readable prefix (`charter_…` for API tokens). */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** How a secret is stored. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A keyed hash for values that must be compared but never stored in clear (account names, addresses). */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

/**
 * The key for keyed hashes: CHARTER_SECRET when configured, else a random key generated once per installation and
 * kept in the database (so every server process of the installation uses the same one).
 */
export async function installationKey<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  configured: string | undefined,
  name = 'throttle',
): Promise<string> {
  const db = accountsView(anyDb);
  if (configured) return configured;
  await db
    .insertInto('account_keys')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('account_keys').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

/** The installation key, loaded once and shared by the routes of one app (a failed load is tried again next time). */
export function memoisedInstallationKey<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  configured: string | undefined,
  name = 'throttle',
): () => Promise<string> {
  const db = accountsView(anyDb);
  let key: Promise<string> | undefined;
  return () =>
    (key ??= installationKey(db, configured, name).catch((error: unknown) => {
      key = undefined;
      throw error;
    }));
}
