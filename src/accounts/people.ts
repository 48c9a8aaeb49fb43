/**
 * People behind the actors of the audit trail, timelines and runs (`user:<id>`, `token:<id>`): resolved within the
 * caller's organisation only, so an id never reveals who someone is in another organisation. A user is known by email
 * (Charter keeps no other name); a token by the name it was given. Actors that are not people (`system`, `cli`,
 * `subject`) are described by the console itself.
 */
import type { Kysely, Transaction } from 'kysely';
import { type AccountsDb, accountsView } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';

export interface Person {
  /** The actor as the audit trail writes it: `user:<id>` or `token:<id>`. */
  actor: string;
  kind: 'user' | 'token';
  /** The email for a user, the token's name for a token. */
  name: string;
  email: string | null;
  /** Whether the user is still a member, or the token still valid (not revoked). */
  current: boolean;
}

/** Members of the organisation and its API tokens (revoked ones too: their past actions stay in the trail). */
export async function peopleOf<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<Person[]> {
  const db = accountsView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const members = await trx
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email'])
      .where('m.organisation_id', '=', organisationId)
      .orderBy('u.email')
      .execute();
    const tokens = await trx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'revoked_at'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute();
    return [
      ...members.map((m) => ({
        actor: `user:${m.id}`,
        kind: 'user' as const,
        name: m.email,
        email: m.email,
        current: true,
      })),
      ...tokens.map((t) => ({
        actor: `token:${t.id}`,
        kind: 'token' as const,
        name: t.name,
        email: null,
        current: t.revoked_at === null,
      })),
    ];
  });
}
