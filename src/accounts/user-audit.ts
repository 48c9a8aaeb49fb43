/**
 * The audit of a user's own events (sign-in, second factor, operator role): a user is installation-level and may belong
 * to several organisations, so each gets the entry. Apart from sign-in.ts so that the modules sign-in uses (two-factor,
 * operators, OIDC) can audit without importing it back.
 */
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { membershipsOf } from './users.js';

/** Writes one audit entry in every organisation the user belongs to (sign-in concerns all of them). */
export async function auditForUser<DB extends AccountsDb>(
  anyTrx: Transaction<DB>,
  userId: string,
  input: { actor: string; action: string; data?: Record<string, unknown> },
  now: Date,
) {
  const trx = accountsView(anyTrx);
  // A user is installation-level and may belong to several organisations: each gets the entry, in the transaction of
  // the change (a session, a password), which no single organisation's scope could hold.
  await acrossOrganisations('a user event audited in each of their organisations', async () => {
    for (const membership of await membershipsOf(trx, userId)) {
      await recordAudit(
        trx,
        { organisationId: membership.organisationId },
        { ...input, target: `user:${userId}` },
        now,
      );
    }
  });
}
