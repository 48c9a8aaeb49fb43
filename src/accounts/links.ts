/**
 * One-time links: the first-run setup link (valid one hour, only while no user exists) and password links (set a
 * first password, or reset one). Only the SHA-256 of the secret is stored; a link works once.
 */
import type { Kysely, Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { randomSecret, secretHash } from './secrets.js';
import { countUsers } from './users.js';

export const setupLinkLifetimeMs = 60 * 60 * 1000;
export const passwordLinkLifetimeMs = 24 * 60 * 60 * 1000;

export type LinkPurpose = 'setup' | 'password';

export async function issueLink<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  purpose: LinkPurpose,
  userId: string | null,
  lifetimeMs: number,
  now: Date,
): Promise<string> {
  const db = accountsView(anyDb);
  const secret = randomSecret();
  await db
    .insertInto('one_time_links')
    .values({
      id: secretHash(secret),
      purpose,
      user_id: userId,
      created_at: now,
      expires_at: new Date(now.getTime() + lifetimeMs),
    })
    .execute();
  return secret;
}

/** Whether a link is still usable (for a page to say so before the form is filled). */
export async function linkIsValid<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  purpose: LinkPurpose,
  secret: string,
  now: Date,
): Promise<boolean> {
  const db = accountsView(anyDb);
  const row = await db
    .selectFrom('one_time_links')
    .select(['expires_at', 'used_at'])
    .where('id', '=', secretHash(secret))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return Boolean(row && row.used_at === null && new Date(row.expires_at) > now);
}

/** Uses a link inside the caller's transaction: returns its user (null for setup), or undefined when not usable. */
export async function consumeLink<DB extends AccountsDb>(
  anyTrx: Kysely<DB> | Transaction<DB>,
  purpose: LinkPurpose,
  secret: string,
  now: Date,
): Promise<{ userId: string | null } | undefined> {
  const trx = accountsView(anyTrx);
  const id = secretHash(secret);
  const row = await trx
    .selectFrom('one_time_links')
    .select(['user_id', 'expires_at', 'used_at'])
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.used_at !== null || new Date(row.expires_at) <= now) return undefined;
  await trx.updateTable('one_time_links').set({ used_at: now }).where('id', '=', id).execute();
  return { userId: row.user_id };
}

/**
 * Setup links issued this close together belong to processes started together (N servers on one database, each
 * printing its link): each of them works, whichever process printed it. Older ones stop working.
 */
export const setupLinkSiblingMs = 2 * 60 * 1000;

/**
 * At start: when no user exists yet, a fresh setup link (links from an earlier start stop working; those of processes
 * started at the same time keep working); otherwise undefined.
 */
export async function issueSetupLink<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  now: Date,
): Promise<string | undefined> {
  const db = accountsView(anyDb);
  return db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return undefined;
    await trx
      .updateTable('one_time_links')
      .set({ used_at: now })
      .where('purpose', '=', 'setup')
      .where('used_at', 'is', null)
      .where('created_at', '<', new Date(now.getTime() - setupLinkSiblingMs))
      .execute();
    return issueLink(trx, 'setup', null, setupLinkLifetimeMs, now);
  });
}
