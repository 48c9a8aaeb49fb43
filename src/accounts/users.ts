/**
 * Users and their roles per organisation. A user belongs to the installation; a membership (organisation, user,
 * role) gives access to one organisation. Member management is scoped and audited; looking a user up by email or
 * listing their memberships happens before any organisation is known (sign-in), so it is installation-level.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import { enterOrganisation, inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { conflict, notFound } from '../platform/errors.js';
import type { Role } from './caller.js';

type Db = Kysely<AccountsDb>;

export interface User {
  id: string;
  email: string;
  hasPassword: boolean;
  disabled: boolean;
}

export interface Membership {
  organisationId: string;
  slug: string;
  name: string;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  role: Role;
  /** Signed in since being added here (else only invited). Not whether the address has an account elsewhere. */
  active: boolean;
  since: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: {
  id: string;
  email: string;
  password_hash: string | null;
  disabled_at: Date | string | null;
}): User {
  return { id: row.id, email: row.email, hasPassword: row.password_hash !== null, disabled: row.disabled_at !== null };
}

/** Installation-level: the user with this email (sign-in, password reset, CLI). */
export async function findUserByEmail<DB extends AccountsDb>(anyDb: Kysely<DB> | Transaction<DB>, email: string) {
  const db = accountsView(anyDb);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'disabled_at'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export async function findUser<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<User | undefined> {
  const db = accountsView(anyDb);
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function countUsers<DB extends AccountsDb>(anyDb: Kysely<DB> | Transaction<DB>): Promise<number> {
  const db = accountsView(anyDb);
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Installation-level: every organisation a user may act in, by slug. */
export async function membershipsOf<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
): Promise<Membership[]> {
  const db = accountsView(anyDb);
  const rows = await acrossOrganisations('the organisations a signed-in user belongs to', () =>
    db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.slug', 'o.name', 'm.role'])
      .where('m.user_id', '=', userId)
      .orderBy('o.slug')
      .execute(),
  );
  return rows.map((r) => ({ organisationId: r.id, slug: r.slug, name: r.name, role: r.role }));
}

/** Creates a user without a password (they set it through a one-time link), or returns the existing one. */
export async function ensureUser<DB extends AccountsDb>(
  anyTrx: Kysely<DB> | Transaction<DB>,
  email: string,
): Promise<{ id: string; created: boolean; hasPassword: boolean }> {
  const trx = accountsView(anyTrx);
  const existing = await findUserByEmail(trx, email);
  if (existing) return { id: existing.id, created: false, hasPassword: existing.password_hash !== null };
  const id = randomUUID();
  await trx
    .insertInto('users')
    .values({ id, email: normaliseEmail(email), password_hash: null })
    .execute();
  return { id, created: true, hasPassword: false };
}

export async function setPasswordHash<DB extends AccountsDb>(
  anyTrx: Kysely<DB> | Transaction<DB>,
  userId: string,
  passwordHash: string,
  now: Date,
) {
  const trx = accountsView(anyTrx);
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now })
    .where('id', '=', userId)
    .execute();
}

/** The members of an organisation with their roles. */
export async function listMembers<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<Member[]> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email', 'm.role', 'm.created_at', 'm.first_signed_in_at'])
      .where('m.organisation_id', '=', organisationId)
      .orderBy('u.email')
      .execute();
    return rows.map((r) => ({
      userId: r.id,
      email: r.email,
      role: r.role,
      active: r.first_signed_in_at !== null,
      since: r.created_at,
    }));
  });
}

/**
 * Gives a person (by email) a role in an organisation, creating their user when new. Audited as `member.added`
 * (ids only). Returns whether the user was created (then they need a password link).
 */
export async function addMember<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { email: string; role: Role; actor: string },
  now: Date,
): Promise<{ userId: string; created: boolean; hasPassword: boolean }> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  // The user row is installation-level; it is created before the scoped transaction takes the restricted role.
  return db.transaction().execute(async (outer) => {
    const user = await ensureUser(outer, input.email);
    await enterOrganisation(outer, scope);
    if (await roleOf(outer, organisationId, user.id))
      throw conflict('This person is already a member of the organisation.', [
        { path: 'body.email', message: 'already a member' },
      ]);
    await addMembership(outer, scope, user.id, input.role, input.actor, now);
    return { userId: user.id, created: user.created, hasPassword: user.hasPassword };
  });
}

/** Adds a membership and its audit entry within the caller's transaction. */
export async function addMembership<DB extends AccountsDb>(
  anyTrx: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  userId: string,
  role: Role,
  actor: string,
  now: Date,
) {
  const trx = accountsView(anyTrx);
  const organisationId = requireScope(scope);
  await trx.insertInto('memberships').values({ organisation_id: organisationId, user_id: userId, role }).execute();
  await recordAudit(trx, scope, { actor, action: 'member.added', target: `user:${userId}`, data: { role } }, now);
}

/** The member's role in the organisation; undefined when they are not a member. */
async function roleOf(trx: Db, organisationId: string, userId: string): Promise<Role | undefined> {
  const member = await trx
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return member?.role;
}

/**
 * The role of a member about to be changed or removed, and whether they are the organisation's only owner. The owners'
 * rows are locked first, so two changes at once cannot both leave the organisation without one.
 */
async function memberToChange(trx: Db, organisationId: string, userId: string) {
  const owners = await trx
    .selectFrom('memberships')
    .select(['user_id'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .forUpdate()
    .execute();
  const role = await roleOf(trx, organisationId, userId);
  if (!role) throw notFound('member');
  return { role, onlyOwner: role === 'owner' && owners.length <= 1 };
}

const lastOwner = () => conflict('An organisation needs at least one owner.');

/** Changes a member's role; an organisation always keeps at least one owner. */
export async function changeRole<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { userId: string; role: Role; actor: string },
  now: Date,
) {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const member = await memberToChange(trx, organisationId, input.userId);
    if (member.role === input.role) return { changed: false };
    if (member.onlyOwner) throw lastOwner();
    await trx
      .updateTable('memberships')
      .set({ role: input.role })
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', input.userId)
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'member.role_changed',
        target: `user:${input.userId}`,
        data: { from: member.role, to: input.role },
      },
      now,
    );
    return { changed: true };
  });
}

/** Removes a member from an organisation (their user and other memberships stay). */
export async function removeMember<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: { userId: string; actor: string },
  now: Date,
) {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const member = await memberToChange(trx, organisationId, input.userId);
    if (member.onlyOwner) throw lastOwner();
    await trx
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', input.userId)
      .execute();
    await recordAudit(
      trx,
      scope,
      { actor: input.actor, action: 'member.removed', target: `user:${input.userId}`, data: { role: member.role } },
      now,
    );
  });
}
