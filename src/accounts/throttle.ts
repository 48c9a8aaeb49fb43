/**
 * Sign-in throttling, shared by every server process through the database: at most 5 failures per account and 20
 * per address in 15 minutes. Password-reset requests are counted per account and per address (atomic counters of
 * platform/throttle.ts). Keys are keyed hashes, so the table holds neither email addresses nor IP addresses.
 * Unknown accounts are throttled exactly like known ones (no enumeration through the throttle).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { allowHits, installationScope, pruneThrottleCounts } from '../platform/throttle.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { keyedHash, memoisedInstallationKey } from './secrets.js';
import { normaliseEmail } from './users.js';

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

/**
 * When a key is over its limit: the seconds until the oldest counted failure leaves the window; else 0 — and then this
 * attempt is counted at once, as a failure until it succeeds (`clearAccountFailures` takes it back). Check and count
 * happen under a lock per key, so parallel attempts cannot all pass the check before any failure is recorded: of 30
 * simultaneous guesses at one account, 5 are tried.
 */
export async function throttledFor<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  keys: ThrottleKeys,
  now: Date,
): Promise<number> {
  const db = accountsView(anyDb);
  if (!db.isTransaction) return db.transaction().execute((trx) => throttledFor(trx, keys, now));
  // A fixed order of the two locks: parallel callers cannot deadlock.
  for (const key of [keys.account, keys.address].sort())
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
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
  if (wait === 0)
    await db
      .insertInto('login_failures')
      .values([
        { key: keys.account, at: now },
        { key: keys.address, at: now },
      ])
      .execute();
  return wait;
}

/** A failed attempt: already counted by `throttledFor`; what left every window is removed. */
export async function recordFailure<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  _keys: ThrottleKeys,
  now: Date,
) {
  const db = accountsView(anyDb);
  await db
    .deleteFrom('login_failures')
    .where('at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000))
    .execute();
}

/**
 * A successful sign-in clears the account's failures, and takes back this attempt from the address (the address keeps
 * its other failures): a busy office behind one address is not throttled by its successful sign-ins.
 */
export async function clearAccountFailures<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  keys: ThrottleKeys,
) {
  const db = accountsView(anyDb);
  await db.deleteFrom('login_failures').where('key', '=', keys.account).execute();
  await sql`delete from login_failures where ctid in (select ctid from login_failures where key = ${keys.address} order by at desc limit 1)`.execute(
    db,
  );
}

/** Password-reset mails: per account (a mailbox is not flooded with links) and per address, per hour. */
export const passwordResetLimits = {
  account: { max: 3, windowMs: 60 * 60 * 1000 },
  address: { max: 20, windowMs: 60 * 60 * 1000 },
} as const;

/**
 * Counts a password-reset request (atomically, shared by every process) and tells whether it may go on to look the
 * account up and mail a link. Counted alike for known and unknown addresses; the caller answers the same either way.
 */
export async function passwordResetAllowed<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  secret: string,
  email: string,
  address: string,
  now: Date,
): Promise<boolean> {
  const db = accountsView(anyDb);
  // Installation-wide counters (no organisation): installation-level work, outside any organisation's scope.
  return acrossOrganisations('password-reset throttle', async () => {
    const allowed = await allowHits(
      db,
      [
        {
          organisationId: installationScope,
          kind: 'password-reset-account',
          keyHash: keyedHash(secret, `reset:${normaliseEmail(email)}`),
          windowMs: passwordResetLimits.account.windowMs,
          limit: passwordResetLimits.account.max,
        },
        {
          organisationId: installationScope,
          kind: 'password-reset-ip',
          keyHash: keyedHash(secret, `reset-ip:${address}`),
          windowMs: passwordResetLimits.address.windowMs,
          limit: passwordResetLimits.address.max,
        },
      ],
      now,
    );
    // Housekeeping: installation-wide counters of windows long gone are useless.
    await pruneThrottleCounts(db, installationScope, new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000));
    return allowed;
  });
}

/**
 * The key of the mailer's recipient hashes (its per-recipient cap): the installation's, so that every server process
 * and CLI command counts a mailbox under the same hash. Loaded once per mailer.
 */
export function mailRecipientKey<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  configured: string | undefined,
): () => Promise<string> {
  return memoisedInstallationKey(anyDb, configured, 'mail');
}
