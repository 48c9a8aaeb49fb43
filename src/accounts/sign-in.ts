/**
 * Signing in and out, first-run setup and password links. Sign-in answers the same way (and takes as long) whether
 * or not the account exists; failures are throttled per account and per address. Sign-in, failed sign-in of a known
 * account, sign-out and password changes are audited in each of the user's organisations, by user id only.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { recordAudit } from '../audit/trail.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { AppError, badRequest, conflict, tooManyRequests, unauthorized } from '../platform/errors.js';
import { consumeLink, issueLink, passwordLinkLifetimeMs } from './links.js';
import { addOperator } from './operators.js';
import { ensureOrganisation } from './organisations.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession, deleteSession, deleteUserSessions, type NewSession, type SessionPending } from './sessions.js';
import { passwordSignInRefused, twoFactorRequired } from './sign-in-policy.js';
import { hasTwoFactor } from './two-factor.js';
import { clearAccountFailures, recordFailure, throttledFor, throttleKeys } from './throttle.js';
import { countUsers, ensureUser, findUserByEmail, setPasswordHash } from './users.js';
import { auditForUser } from './user-audit.js';

export const wrongCredentials = 'The email address or the password is not right.';
export const passwordSignInOff = 'Your organisation signs in through its identity provider: use the button for it.';

export interface SignInDeps {
  db: Kysely<AccountsDb>;
  /** Key for the throttle's keyed hashes. */
  secret: string;
  /** Runs work after the answer (the audit of a known account's failed sign-in, which an unknown one has not). */
  later: (label: string, work: () => Promise<unknown>) => void;
}

export async function signIn(
  deps: SignInDeps,
  input: { email: string; password: string; address: string },
  now: Date,
): Promise<{ userId: string; session: NewSession; pending: SessionPending | null }> {
  const keys = throttleKeys(deps.secret, input.email, input.address);
  const wait = await throttledFor(deps.db, keys, now);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw tooManyRequests(
      `Too many failed sign-ins for this account or from this address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
  const user = await findUserByEmail(deps.db, input.email);
  // Always one argon2 verification, known account or not.
  const valid = await verifyPassword(user?.password_hash, input.password);
  if (!user || !valid || user.disabled_at !== null) {
    // The same work before the answer on both paths: one failure counted. The audit entries of a known account (one
    // per organisation) would make its answer measurably slower, so they are written after it.
    await deps.db.transaction().execute((trx) => recordFailure(trx, keys, now));
    if (user) {
      const userId = user.id;
      deps.later('audit failed sign-in', () =>
        deps.db
          .transaction()
          .execute((trx) => auditForUser(trx, userId, { actor: 'anonymous', action: 'user.login_failed' }, now)),
      );
    }
    throw unauthorized(wrongCredentials);
  }
  if (await passwordSignInRefused(deps.db, user.id)) {
    // Said only after the right password: it reveals nothing to someone who does not know it.
    await deps.db.transaction().execute((trx) => clearAccountFailures(trx, keys));
    throw new AppError('password_sign_in_off', 403, passwordSignInOff);
  }
  // A confirmed second factor is asked for next; an organisation that requires one sends the member to enrol first.
  const pending = (await hasTwoFactor(deps.db, user.id))
    ? 'second-factor'
    : (await twoFactorRequired(deps.db, user.id))
      ? 'enrol'
      : null;
  const session = await deps.db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, keys);
    const created = await createSession(trx, user.id, now, { pending });
    // The sign-in is audited when it is complete (two-factor.ts), not when only the password was right.
    if (pending === null) await auditForUser(trx, user.id, { actor: `user:${user.id}`, action: 'user.login' }, now);
    return created;
  });
  return { userId: user.id, session, pending };
}

export async function signOut<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { sessionId: string; userId: string },
  now: Date,
) {
  const db = accountsView(anyDb);
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, input.sessionId);
    await auditForUser(trx, input.userId, { actor: `user:${input.userId}`, action: 'user.logout' }, now);
  });
}

/**
 * First run: with a valid setup link and no user yet, creates the first owner — of every organisation there is,
 * or of a new one when none exists — and signs them in.
 */
export async function completeSetup<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { token: string; email: string; password: string; organisation?: { slug: string; name: string } | undefined },
  now: Date,
): Promise<{ userId: string; session: NewSession }> {
  const db = accountsView(anyDb);
  const passwordHash = await hashPassword(input.password);
  // First run makes the first owner of every organisation there is: installation-level by nature.
  return acrossOrganisations('first-run setup', () => completeSetupIn(db, input, passwordHash, now));
}

async function completeSetupIn(
  db: Kysely<AccountsDb>,
  input: { token: string; email: string; password: string; organisation?: { slug: string; name: string } | undefined },
  passwordHash: string,
  now: Date,
): Promise<{ userId: string; session: NewSession }> {
  return db.transaction().execute(async (trx) => {
    // Several setup links may be valid at once (one per process started together): setups queue here, so the
    // second one finds the first owner and stops.
    await sql`select pg_advisory_xact_lock(hashtext('charter.setup'))`.execute(trx);
    const link = await consumeLink(trx, 'setup', input.token, now);
    if (!link) throw badRequest('This setup link is not valid (any more). Restart the server for a new one.');
    if ((await countUsers(trx)) > 0) throw conflict('Setup is already done; sign in instead.');
    let organisations = await trx.selectFrom('organisations').select(['id']).execute();
    if (organisations.length === 0) {
      if (!input.organisation)
        throw badRequest('Name the organisation to create.', [
          { path: 'body.organisation', message: 'required when no organisation exists yet' },
        ]);
      organisations = [await ensureOrganisation(trx, input.organisation.slug, input.organisation.name)];
    }
    const user = await ensureUser(trx, input.email);
    await setPasswordHash(trx, user.id, passwordHash, now);
    for (const organisation of organisations) {
      await trx
        .insertInto('memberships')
        .values({ organisation_id: organisation.id, user_id: user.id, role: 'owner' })
        .execute();
      await recordAudit(
        trx,
        { organisationId: organisation.id },
        { actor: `user:${user.id}`, action: 'setup.completed', target: `user:${user.id}`, data: { role: 'owner' } },
        now,
      );
    }
    // The person who sets the installation up is its first operator (may create and archive organisations).
    await addOperator(trx, user.id, `user:${user.id}`, now);
    const session = await createSession(trx, user.id, now);
    await auditForUser(trx, user.id, { actor: `user:${user.id}`, action: 'user.login' }, now);
    return { userId: user.id, session };
  });
}

/** Sets a password through a one-time link; ends the user's other sessions. */
export async function setPasswordWithLink<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { token: string; password: string },
  now: Date,
): Promise<{ userId: string }> {
  const db = accountsView(anyDb);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const link = await consumeLink(trx, 'password', input.token, now);
    if (!link?.userId) throw badRequest('This link is not valid (any more). Ask for a new one.');
    await setPasswordHash(trx, link.userId, passwordHash, now);
    await deleteUserSessions(trx, link.userId);
    await auditForUser(trx, link.userId, { actor: `user:${link.userId}`, action: 'user.password_set' }, now);
    return { userId: link.userId };
  });
}

/** A password link for an existing user (reset, or first password of an invited user). */
export async function issuePasswordLink<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
  now: Date,
): Promise<string> {
  const db = accountsView(anyDb);
  return issueLink(db, 'password', userId, passwordLinkLifetimeMs, now);
}

/** For a reset request: a link when the account exists, undefined otherwise (the caller answers the same). */
export async function passwordResetLink<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  email: string,
  now: Date,
): Promise<{ userId: string; token: string } | undefined> {
  const db = accountsView(anyDb);
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at !== null) return undefined;
  return { userId: user.id, token: await issuePasswordLink(db, user.id, now) };
}
