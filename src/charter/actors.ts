/** Who applied a revision, for people: a `user:<id>` actor shown by the member's email instead of an id. */
import type { Kysely, Transaction } from 'kysely';
import { listMembers } from '../accounts/users.js';
import { type CharterDb, charterView } from './views.js';
import type { OrgScope } from '../platform/db/tenancy.js';

/** The emails of the organisation's members by user id (only members: nobody outside it is looked up). */
export async function memberEmails<DB extends CharterDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<Map<string, string>> {
  const db = charterView(anyDb);
  return new Map((await listMembers(db, scope)).map((m) => [m.userId, m.email]));
}

/** `{ createdByEmail }` for a `user:` actor who is a member; nothing otherwise (tokens, system, former members). */
export function emailOf(emails: Map<string, string>, actor: string): { createdByEmail?: string } {
  const email = actor.startsWith('user:') ? emails.get(actor.slice('user:'.length)) : undefined;
  return email ? { createdByEmail: email } : {};
}
