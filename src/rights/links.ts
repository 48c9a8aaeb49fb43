/**
 * Mailed links (verify, cancel): what one is for without using it (mail scanners that follow links change nothing),
 * and using it once, which proves only the browser that presents it.
 */
import type { Transaction } from 'kysely';
import type { RightsDb } from './tables.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { RightsContext } from './context.js';
import {
  findRequest,
  codeByLink,
  type CodeRow,
  insertSession,
  transition,
  updateCode,
  type RightsRequest,
} from './repository.js';
import { generateLinkSecret, type RightsKey } from './secrets.js';
import { workProven, identityProven, mailWithdrawn, sessionLifetimeMs, type VerifyOutcome } from './intake.js';

export interface LinkView {
  requestId: string;
  reference: string;
  purpose: 'verify' | 'cancel';
  language: string;
  siteId: string;
}

/**
 * What became of a mailed link, told truthfully on its page: `usable`; `used` (it or its code worked once already);
 * `expired`; `closed` (the request moved on or closed without it, or its code was blocked); `unknown` (no such link
 * — the only answer that is a 404; the others are 410 Gone).
 */
export type LinkState = 'usable' | 'used' | 'expired' | 'closed' | 'unknown';

type LinkCheck = { state: Exclude<LinkState, 'usable'> } | { state: 'usable'; stored: CodeRow; request: RightsRequest };

async function checkLink<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  key: RightsKey,
  secret: string,
  siteId: string,
  now: Date,
  lock: boolean,
): Promise<LinkCheck> {
  const stored = await codeByLink(trx, scope, key.linkHash(secret));
  if (!stored || stored.purpose === 'download') return { state: 'unknown' };
  const request = await findRequest(trx, scope, stored.requestId, lock ? { lock: true } : undefined);
  if (!request || request.siteId !== siteId) return { state: 'unknown' };
  if (stored.usedAt) return { state: 'used' };
  if (stored.lockedAt) return { state: 'closed' };
  if (stored.expiresAt <= now) return { state: 'expired' };
  if (stored.purpose === 'verify' && (request.state !== 'awaiting-verification' || request.codeVerifiedAt))
    return { state: 'closed' };
  if (stored.purpose === 'cancel' && !['verified', 'awaiting-approval'].includes(request.state))
    return { state: 'closed' };
  return { state: 'usable', stored, request };
}

/** What a mailed link is for, without using it (the page shows a button; mail scanners that follow links change nothing). */
export async function peekLink(
  context: RightsContext,
  scope: OrgScope,
  secret: string,
  siteId: string,
): Promise<{ state: LinkState; view?: LinkView }> {
  const key = await context.key(scope);
  const now = context.now();
  return inOrganisation(context.db, scope, async (trx) => {
    const checked = await checkLink(trx, scope, key, secret, siteId, now, false);
    if (checked.state !== 'usable') return { state: checked.state };
    const { request, stored } = checked;
    return {
      state: 'usable',
      view: {
        requestId: request.id,
        reference: request.reference,
        purpose: stored.purpose as 'verify' | 'cancel',
        language: request.language,
        siteId: request.siteId,
      },
    };
  });
}

export type UsedLink =
  | { state: 'usable'; requestId: string; sessionToken: string; outcome: VerifyOutcome | 'cancelled' }
  | { state: Exclude<LinkState, 'usable'> };

/**
 * Uses a mailed link: proves the identity (verify) or withdraws the request (cancel). Single use. The browser that
 * presents the link gets a new session proven by it (`sessionToken`); no other browser gains anything — in
 * particular not the one that filed the request, which may be an impostor's.
 */
export async function useLink(
  context: RightsContext,
  scope: OrgScope,
  secret: string,
  siteId: string,
): Promise<UsedLink> {
  const key = await context.key(scope);
  const now = context.now();
  const sessionToken = generateLinkSecret();
  const used = await inOrganisation(context.db, scope, async (trx) => {
    const checked = await checkLink(trx, scope, key, secret, siteId, now, true);
    if (checked.state !== 'usable') return { state: checked.state };
    const { stored, request } = checked;
    await updateCode(trx, scope, stored.id, { used_at: now });
    await insertSession(trx, scope, {
      tokenHash: key.sessionHash(sessionToken),
      requestId: request.id,
      createdAt: now,
      provenAt: now,
      expiresAt: new Date(now.getTime() + sessionLifetimeMs),
    });
    if (stored.purpose === 'verify')
      return {
        state: 'usable' as const,
        requestId: request.id,
        outcome: await identityProven(trx, scope, request, now),
      };
    await transition(trx, scope, request, 'withdrawn', {
      actor: 'subject',
      at: now,
      patch: { closed_at: now },
      data: { by: 'link' },
    });
    return { state: 'usable' as const, requestId: request.id, outcome: 'cancelled' as const };
  });
  if (used.state !== 'usable') return used;
  if (used.outcome === 'verified')
    context.background(`advance ${used.requestId}`, () => workProven(context, scope, used.requestId));
  if (used.outcome === 'cancelled')
    context.background(`withdrawn mail ${used.requestId}`, () => mailWithdrawn(context, scope, used.requestId));
  return { ...used, sessionToken };
}
