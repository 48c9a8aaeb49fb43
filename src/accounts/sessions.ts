/**
 * Console sessions: a random secret in an HttpOnly, SameSite=Strict cookie (Secure behind TLS); the database keeps
 * only its SHA-256. A session ends after 12 hours, or after 2 hours without use, or at logout. Each carries a CSRF
 * token that cookie-authenticated mutations must echo in a header.
 */
import type { Kysely, Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { randomSecret, secretHash } from './secrets.js';

export const sessionCookie = 'charter_session';
export const csrfCookie = 'charter_csrf';
export const csrfHeader = 'x-csrf-token';
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
export const sessionIdleMs = 2 * 60 * 60 * 1000;
/** last_seen is written at most this often, so reads stay reads. */
const touchEveryMs = 60 * 1000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** What a session still owes before it opens the console: its second factor, or the enrolment its organisation requires. */
export type SessionPending = 'second-factor' | 'enrol';

export interface ActiveSession {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  pending: SessionPending | null;
  method: 'password' | 'oidc';
  /** The identity provider of an OIDC session and its ID token (the hint of RP-initiated sign-out). */
  provider: string | null;
  idToken: string | null;
}

export interface SessionOptions {
  pending?: SessionPending | null;
  method?: 'password' | 'oidc';
  provider?: string;
  idToken?: string;
}

export async function createSession<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  userId: string,
  now: Date,
  options: SessionOptions = {},
): Promise<NewSession> {
  const db = accountsView(anyDb);
  const token = randomSecret();
  const csrfToken = randomSecret();
  // A session waiting for its second factor lives 10 minutes: long enough to open the app, short for a half sign-in.
  const expiresAt = new Date(
    now.getTime() + (options.pending === 'second-factor' ? 10 * 60 * 1000 : sessionLifetimeMs),
  );
  await db
    .insertInto('sessions')
    .values({
      id: secretHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      pending: options.pending ?? null,
      method: options.method ?? 'password',
      provider: options.provider ?? null,
      id_token: options.idToken ?? null,
    })
    .execute();
  // A complete sign-in makes every membership still "invited" an active one (the member list shows it).
  if (!options.pending)
    await acrossOrganisations('the memberships of a user who signed in', () =>
      db
        .updateTable('memberships')
        .set({ first_signed_in_at: now })
        .where('user_id', '=', userId)
        .where('first_signed_in_at', 'is', null)
        .execute(),
    );
  return { token, csrfToken, expiresAt };
}

/** The live session for a cookie value, or undefined (unknown, expired, idle too long, or its user disabled). */
export async function findSession<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  token: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  const db = accountsView(anyDb);
  const id = secretHash(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      's.pending',
      's.method',
      's.provider',
      's.id_token',
      'u.disabled_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return undefined;
  const expiresAt = new Date(row.expires_at);
  const lastSeen = new Date(row.last_seen_at);
  if (expiresAt <= now || now.getTime() - lastSeen.getTime() > sessionIdleMs) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (now.getTime() - lastSeen.getTime() > touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    expiresAt,
    pending: row.pending,
    method: row.method,
    provider: row.provider,
    idToken: row.id_token,
  };
}

export async function deleteSession<DB extends AccountsDb>(anyDb: Kysely<DB> | Transaction<DB>, sessionId: string) {
  const db = accountsView(anyDb);
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (password changed, user removed). */
export async function deleteUserSessions<DB extends AccountsDb>(anyDb: Kysely<DB> | Transaction<DB>, userId: string) {
  const db = accountsView(anyDb);
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes expired sessions (housekeeping). */
export async function purgeSessions<DB extends AccountsDb>(anyDb: Kysely<DB> | Transaction<DB>, now: Date) {
  const db = accountsView(anyDb);
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
