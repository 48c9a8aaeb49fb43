/**
 * How people sign in to an organisation, set by its owners: whether every member needs a second factor, and whether
 * password sign-in is allowed at all (off: members sign in through the installation's identity providers only).
 * Read at sign-in across the user's organisations (installation-level); changed in the organisation's scope, audited.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';

type Db = Kysely<AccountsDb>;

export interface SignInPolicy {
  requireTwoFactor: boolean;
  passwordSignIn: boolean;
}

export const defaultSignInPolicy: SignInPolicy = { requireTwoFactor: false, passwordSignIn: true };

export async function signInPolicy<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<SignInPolicy> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  const row = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('organisation_sign_in')
      .select(['require_two_factor', 'password_sign_in'])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst(),
  );
  return row
    ? { requireTwoFactor: row.require_two_factor, passwordSignIn: row.password_sign_in }
    : { ...defaultSignInPolicy };
}

export async function setSignInPolicy<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: SignInPolicy & { actor: string },
  now: Date,
): Promise<SignInPolicy> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const before = await trx
      .selectFrom('organisation_sign_in')
      .select(['require_two_factor', 'password_sign_in'])
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      require_two_factor: input.requireTwoFactor,
      password_sign_in: input.passwordSignIn,
      updated_at: now,
    };
    await trx
      .insertInto('organisation_sign_in')
      .values({ organisation_id: organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .execute();
    const from = before
      ? { requireTwoFactor: before.require_two_factor, passwordSignIn: before.password_sign_in }
      : defaultSignInPolicy;
    const to = { requireTwoFactor: input.requireTwoFactor, passwordSignIn: input.passwordSignIn };
    if (from.requireTwoFactor !== to.requireTwoFactor || from.passwordSignIn !== to.passwordSignIn)
      await recordAudit(
        trx,
        scope,
        { actor: input.actor, action: 'organisation.sign_in_policy_changed', data: { from, to } },
        now,
      );
    return to;
  });
}

/** Installation-level, at sign-in: whether one of the user's organisations has this policy. */
async function anyOrganisationOf(
  db: Db,
  userId: string,
  policy: 'requires-two-factor' | 'refuses-passwords',
): Promise<boolean> {
  const row = await acrossOrganisations('the sign-in policies of a user signing in', () =>
    db
      .selectFrom('memberships as m')
      .innerJoin('organisation_sign_in as p', 'p.organisation_id', 'm.organisation_id')
      .select('p.organisation_id')
      .where('m.user_id', '=', userId)
      .where(
        policy === 'requires-two-factor' ? 'p.require_two_factor' : 'p.password_sign_in',
        '=',
        policy === 'requires-two-factor',
      )
      .executeTakeFirst(),
  );
  return row !== undefined;
}

/**
 * Whether one of the user's organisations turned password sign-in off. One is enough to refuse (fails closed): a
 * password session would otherwise reach that organisation too.
 */
export function passwordSignInRefused<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<boolean> {
  const db = accountsView(anyDb);
  return anyOrganisationOf(db, userId, 'refuses-passwords');
}

/** Whether one of the user's organisations requires a second factor. */
export function twoFactorRequired<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<boolean> {
  const db = accountsView(anyDb);
  return anyOrganisationOf(db, userId, 'requires-two-factor');
}
