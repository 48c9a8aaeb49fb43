/**
 * Sign-in throttling, shared by every server process through the database: at most 5 failures per account and 20
 * per address in 15 minutes. Keys are keyed hashes, so the table holds neither email addresses nor IP addresses.
 * Unknown accounts are throttled exactly like known ones (no enumeration through the throttle).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.js';
import { keyedHash } from './secrets.js';
import { normaliseEmail } from './users.js';

type Db = Kysely<Database> | Transaction<Database>;

export const throttleLimits = {
  account: { failures: 5, windowMs: 15 * 60 * 1000 },
  address: { failures: 20, windowMs: 15 * 60 * 1000 },
} as const;

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(secret: string, email: string, address: string): ThrottleKeys {
  return { account: `a:${keyedHash(secret, normaliseEmail(email))}`, address: `i:${keyedHash(secret, address)}` };
}

/** When a key is over its limit: the seconds until the oldest counted failure leaves the window; else 0. */
export async function throttledFor(db: Db, keys: ThrottleKeys, now: Date): Promise<number> {
  let wait = 0;
  for (const kind of ['account', 'address'] as const) {
    const limit = throttleLimits[kind];
    const since = new Date(now.getTime() - limit.windowMs);
    const rows = await db
      .selectFrom('login_failures')
      .select('at')
      .where('key', '=', keys[kind])
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit.failures)
      .execute();
    if (rows.length >= limit.failures) {
      const oldest = new Date(rows[rows.length - 1]!.at);
      wait = Math.max(wait, Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(db: Db, keys: ThrottleKeys, now: Date) {
  await db.insertInto('login_failures').values([{ key: keys.account, at: now }, { key: keys.address, at: now }]).execute();
  // Housekeeping: what left every window is useless.
  await db.deleteFrom('login_failures').where('at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000)).execute();
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, keys: ThrottleKeys) {
  await db.deleteFrom('login_failures').where('key', '=', keys.account).execute();
}
