/**
 * Two-factor authentication of password accounts: enrolment (a TOTP secret, confirmed with a code, then ten recovery
 * codes shown once), the second step of a password sign-in, and the lost-device path (another owner resets a member's
 * second factor). Codes are throttled like passwords (the atomic throttle of throttle.ts, per account and per
 * address) and a TOTP code is accepted once. Every change is audited in each of the user's organisations.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import { enterOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { AppError, conflict, notFound, tooManyRequests } from '../platform/errors.js';
import { openSecret, sealSecret } from '../platform/secret-box.js';
import { secretHash } from './secrets.js';
import { twoFactorRequired } from './sign-in-policy.js';
import { createSession, deleteSession, deleteUserSessions, type NewSession } from './sessions.js';
import { auditForUser } from './user-audit.js';
import { clearAccountFailures, recordFailure, throttledFor, throttleKeys, type ThrottleKeys } from './throttle.js';
import {
  acceptedStep,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  stepIsFresh,
  totpUri,
} from './two-factor-rules.js';
import { findUser } from './users.js';

type Db = Kysely<AccountsDb>;

/** What a TOTP secret is sealed to (secret-box.ts): its user, so a sealed secret copied to another account does not open. */
export function totpSecretContext(userId: string): string {
  return `user_two_factor.secret:${userId}`;
}

export const wrongCode =
  'This code is not right (or was already used). Try the next code of your app, or a recovery code.';

export interface CodeCheckDeps<DB extends AccountsDb = AccountsDb> {
  db: Kysely<DB>;
  /** Key of the throttle's keyed hashes. */
  secret: string;
  /** Runs work after the answer (the audit of a failed code). */
  later: (label: string, work: () => Promise<unknown>) => void;
}

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** Whether one of the user's organisations requires a second factor. */
  required: boolean;
}

/** Codes count against their own account key (by user id), and against the address like passwords do. */
function codeKeys(secret: string, userId: string, address: string): ThrottleKeys {
  return throttleKeys(secret, `second-factor:${userId}`, address);
}

async function throttle(db: Kysely<AccountsDb>, keys: ThrottleKeys, now: Date) {
  const wait = await throttledFor(db, keys, now);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw tooManyRequests(`Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

export async function hasTwoFactor<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<boolean> {
  const db = accountsView(anyDb);
  const row = await db
    .selectFrom('user_two_factor')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function twoFactorStatus<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<TwoFactorStatus> {
  const db = accountsView(anyDb);
  const enabled = await hasTwoFactor(db, userId);
  const left = await recoveryCodesLeft(db, userId);
  return { enabled, recoveryCodesLeft: enabled ? left : 0, required: await twoFactorRequired(db, userId) };
}

/**
 * Starts (or restarts) an enrolment: a new secret, not yet in force. Refused while a confirmed one exists (the member
 * asks an owner to reset it, or the console disables it first).
 */
export async function startEnrolment<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
  now: Date,
): Promise<{ secret: string; uri: string }> {
  const db = accountsView(anyDb);
  const user = await findUser(db, userId);
  if (!user) throw notFound('user');
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('user_two_factor')
      .select('confirmed_at')
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.confirmed_at) throw conflict('Two-factor authentication is already on for this account.');
    const secret = newTotpSecret();
    // Kept sealed under the secrets key: it must be read back to check a code, so it cannot be a hash.
    const sealed = sealSecret(secret, totpSecretContext(userId));
    await trx
      .insertInto('user_two_factor')
      .values({ user_id: userId, secret: sealed, created_at: now, confirmed_at: null, last_step: null })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret: sealed, created_at: now, last_step: null }))
      .execute();
    return { secret, uri: totpUri(secret, user.email) };
  });
}

/** The user's TOTP enrolment, locked until the transaction ends (a code is checked and its step recorded at once). */
async function lockedTotp(trx: Db, userId: string) {
  return trx
    .selectFrom('user_two_factor')
    .select(['secret', 'confirmed_at', 'last_step'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

type TotpRow = NonNullable<Awaited<ReturnType<typeof lockedTotp>>>;

/** How many of the user's recovery codes are still unused. */
async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const left = await db
    .selectFrom('user_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(left.n);
}

/**
 * Accepts a TOTP code once: the step it belongs to must be later than the last accepted one. The update is the check,
 * so two requests with the same code cannot both pass.
 */
async function acceptTotp(trx: Db, userId: string, row: TotpRow, code: string, now: Date): Promise<boolean> {
  const secret = openSecret(row.secret, totpSecretContext(userId));
  const step = acceptedStep(secret, code, now);
  if (step === undefined || !stepIsFresh(step, row.last_step === null ? null : Number(row.last_step))) return false;
  const updated = await trx
    .updateTable('user_two_factor')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', String(step))]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Confirms an enrolment with a code from the app: the second factor is then in force, and ten recovery codes are
 * returned — the only time they are shown. A pending `enrol` session becomes a full one (a new session id).
 */
export async function confirmEnrolment<DB extends AccountsDb>(
  anyDeps: CodeCheckDeps<DB>,
  input: { userId: string; code: string; address: string; sessionId?: string | undefined; pendingSession: boolean },
  now: Date,
): Promise<{ recoveryCodes: string[]; session?: NewSession }> {
  const deps: CodeCheckDeps = { ...anyDeps, db: accountsView(anyDeps.db) };
  const keys = codeKeys(deps.secret, input.userId, input.address);
  await throttle(deps.db, keys, now);
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await lockedTotp(trx, input.userId);
    if (!row) throw conflict('Start the enrolment first.');
    if (row.confirmed_at) throw conflict('Two-factor authentication is already on for this account.');
    if (!(await acceptTotp(trx, input.userId, row, input.code, now))) return undefined;
    await trx.updateTable('user_two_factor').set({ confirmed_at: now }).where('user_id', '=', input.userId).execute();
    const recoveryCodes = newRecoveryCodes();
    await trx.deleteFrom('user_recovery_codes').where('user_id', '=', input.userId).execute();
    await trx
      .insertInto('user_recovery_codes')
      .values(recoveryCodes.map((code) => ({ user_id: input.userId, code_hash: secretHash(code), used_at: null })))
      .execute();
    await clearAccountFailures(trx, keys);
    await auditForUser(trx, input.userId, { actor: `user:${input.userId}`, action: 'user.two_factor_enabled' }, now);
    let session: NewSession | undefined;
    if (input.pendingSession && input.sessionId) {
      // The enrolment the organisation required is done: the half session gives way to a full one.
      await deleteSession(trx, input.sessionId);
      session = await createSession(trx, input.userId, now);
      await auditForUser(
        trx,
        input.userId,
        { actor: `user:${input.userId}`, action: 'user.login', data: { secondFactor: 'enrolled' } },
        now,
      );
    }
    return { recoveryCodes, ...(session ? { session } : {}) };
  });
  if (!result) await failed(deps, keys, input.userId, now);
  return result!;
}

async function failed(deps: CodeCheckDeps, keys: ThrottleKeys, userId: string, now: Date): Promise<never> {
  await deps.db.transaction().execute((trx) => recordFailure(trx, keys, now));
  deps.later('audit failed second factor', () =>
    deps.db
      .transaction()
      .execute((trx) =>
        auditForUser(trx, userId, { actor: `user:${userId}`, action: 'user.second_factor_failed' }, now),
      ),
  );
  // Its own code: the console signs out on any other 401 (a session that ended), not on a mistyped code.
  throw new AppError('wrong_code', 401, wrongCode);
}

/**
 * The second step of a password sign-in: a TOTP code or one recovery code. On success the pending session is replaced
 * by a full one (a new id: the half-signed-in cookie is worth nothing afterwards) and the sign-in is audited.
 */
export async function verifySecondFactor<DB extends AccountsDb>(
  anyDeps: CodeCheckDeps<DB>,
  input: { userId: string; sessionId: string; code: string; address: string },
  now: Date,
): Promise<{ session: NewSession; method: 'totp' | 'recovery-code'; recoveryCodesLeft: number }> {
  const deps: CodeCheckDeps = { ...anyDeps, db: accountsView(anyDeps.db) };
  const keys = codeKeys(deps.secret, input.userId, input.address);
  await throttle(deps.db, keys, now);
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await lockedTotp(trx, input.userId);
    if (!row?.confirmed_at) return undefined;
    let method: 'totp' | 'recovery-code';
    if (looksLikeRecoveryCode(input.code)) {
      const used = await trx
        .updateTable('user_recovery_codes')
        .set({ used_at: now })
        .where('user_id', '=', input.userId)
        .where('code_hash', '=', secretHash(normaliseRecoveryCode(input.code)))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return undefined;
      method = 'recovery-code';
    } else {
      if (!(await acceptTotp(trx, input.userId, row, input.code, now))) return undefined;
      method = 'totp';
    }
    await clearAccountFailures(trx, keys);
    await deleteSession(trx, input.sessionId);
    const session = await createSession(trx, input.userId, now);
    await auditForUser(
      trx,
      input.userId,
      { actor: `user:${input.userId}`, action: 'user.login', data: { secondFactor: method } },
      now,
    );
    return { session, method, recoveryCodesLeft: await recoveryCodesLeft(trx, input.userId) };
  });
  if (!result) return failed(deps, keys, input.userId, now);
  return result;
}

/**
 * The lost-device path: an owner resets another member's second factor. The member's sessions end; at their next
 * sign-in they enrol again when an organisation requires it. Audited in this organisation, by ids only.
 */
export async function resetMemberTwoFactor<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { userId: string; actorUserId: string; actor: string },
  now: Date,
): Promise<{ email: string }> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  if (input.userId === input.actorUserId)
    throw conflict('Another owner resets your own second factor; or use a recovery code.');
  return db.transaction().execute(async (trx) => {
    // The second factor belongs to the user (installation-level) and goes first; then the transaction takes the
    // organisation's scope: a user who is not a member here is not found, and everything rolls back.
    const user = await trx.selectFrom('users').select('email').where('id', '=', input.userId).executeTakeFirst();
    const removed = await trx
      .deleteFrom('user_two_factor')
      .where('user_id', '=', input.userId)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst();
    await trx.deleteFrom('user_recovery_codes').where('user_id', '=', input.userId).execute();
    await deleteUserSessions(trx, input.userId);
    await enterOrganisation(trx, scope);
    const member = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst();
    if (!user || !member) throw notFound('member');
    if (Number(removed.numDeletedRows) === 0) throw conflict('This member has no second factor to reset.');
    await recordAudit(
      trx,
      scope,
      { actor: input.actor, action: 'member.two_factor_reset', target: `user:${input.userId}` },
      now,
    );
    return { email: user.email };
  });
}

/** The members of an organisation who have a second factor in force (for the member list). */
export async function membersWithTwoFactor<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userIds: readonly string[],
): Promise<Set<string>> {
  const db = accountsView(anyDb);
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('user_two_factor')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('confirmed_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
