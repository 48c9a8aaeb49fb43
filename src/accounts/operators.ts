/**
 * The installation operator role: who may create, list and archive organisations on a running installation. It is
 * not an organisation role (an operator need not be a member of the organisations they create), so it lives in its
 * own table. The first-run owner holds it; `charter operator grant --email` gives it to another user. A signed-in
 * operator carries the `organisations:manage` scope (guard.ts); an API token carries it only while the user who
 * created it is still an operator, so revoking the role also disarms their tokens.
 */
import type { Kysely, Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { notFound } from '../platform/errors.js';
import { auditForUser } from './user-audit.js';
import { findUserByEmail } from './users.js';

/** The scope an operator holds in every organisation they act in. */
export const operatorScope = 'organisations:manage';

export async function isOperator<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<boolean> {
  const db = accountsView(anyDb);
  const row = await db
    .selectFrom('installation_operators')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether an actor (`user:<id>`, as tokens record their creator) is an operator now. */
export async function actorIsOperator<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  actor: string,
): Promise<boolean> {
  const db = accountsView(anyDb);
  const match = /^user:([0-9a-f-]{36})$/.exec(actor);
  return match?.[1] !== undefined && (await isOperator(db, match[1]));
}

/** Installation-level event (ids only), in the caller's transaction. */
export async function recordInstallationEvent<DB extends AccountsDb>(
  anyTrx: Kysely<DB> | Transaction<DB>,
  input: { actor: string; action: string; target?: string },
  now: Date,
) {
  const trx = accountsView(anyTrx);
  await trx
    .insertInto('installation_events')
    .values({ at: now, actor: input.actor, action: input.action, target: input.target ?? null })
    .execute();
}

/** Makes a user an operator inside the caller's transaction (first-run setup). */
export async function addOperator<DB extends AccountsDb>(
  anyTrx: Transaction<DB>,
  userId: string,
  actor: string,
  now: Date,
) {
  const trx = accountsView(anyTrx);
  await trx
    .insertInto('installation_operators')
    .values({ user_id: userId, granted_at: now, granted_by: actor })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  await recordInstallationEvent(trx, { actor, action: 'operator.granted', target: `user:${userId}` }, now);
}

/**
 * Gives the operator role to the user with this address. Audited as `operator.granted` in the installation's events
 * and in the trail of each organisation the user belongs to. Returns false when they held it already.
 */
export async function grantOperator<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { email: string; actor: string },
  now: Date,
): Promise<{ userId: string; granted: boolean }> {
  const db = accountsView(anyDb);
  const user = await findUserByEmail(db, input.email);
  if (!user) throw notFound('user');
  return db.transaction().execute(async (trx) => {
    if (await isOperator(trx, user.id)) return { userId: user.id, granted: false };
    await addOperator(trx, user.id, input.actor, now);
    await auditForUser(trx, user.id, { actor: input.actor, action: 'operator.granted' }, now);
    return { userId: user.id, granted: true };
  });
}

/** Takes the operator role back. Audited like the grant. Returns false when they did not hold it. */
export async function revokeOperator<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { email: string; actor: string },
  now: Date,
): Promise<{ userId: string; revoked: boolean }> {
  const db = accountsView(anyDb);
  const user = await findUserByEmail(db, input.email);
  if (!user) throw notFound('user');
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('installation_operators').where('user_id', '=', user.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return { userId: user.id, revoked: false };
    await recordInstallationEvent(
      trx,
      { actor: input.actor, action: 'operator.revoked', target: `user:${user.id}` },
      now,
    );
    await auditForUser(trx, user.id, { actor: input.actor, action: 'operator.revoked' }, now);
    return { userId: user.id, revoked: true };
  });
}

/** The operators' addresses, for `charter operator list`. */
export async function listOperators<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
): Promise<{ userId: string; email: string; grantedAt: Date }[]> {
  const db = accountsView(anyDb);
  const rows = await db
    .selectFrom('installation_operators as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['u.id', 'u.email', 'o.granted_at'])
    .orderBy('u.email')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, grantedAt: new Date(r.granted_at) }));
}
