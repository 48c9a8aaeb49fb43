/**
 * Dispatch: after `submit` answered the requester, the identity is looked up in the stores (and the consent ledger),
 * the one-time code goes to the contacts on file, and the request awaits verification. A store that fails is
 * retried by the tick with a back-off; the requester's answer never depended on any of it.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { StoreError } from '../stores/connector.js';
import { safeMessage, type RightsContext } from './context.js';
import type { ContactLookup } from './subject-stores.js';
import { codeMail, mailContext } from './mails.js';
import { findRequest, insertCode, patchRequest, recordEvent, transition, type RightsRequest } from './repository.js';
import { codeLifetimeMs, formatCode, generateCode, generateLinkSecret } from './secrets.js';

/**
 * Looks the identity up in the stores, sends the code to the contacts on file (if any), and moves the request to
 * awaiting verification. An objection to direct marketing is honoured here at once (Art. 21(3)), known or not.
 * Safe to run twice: the second run finds the request already dispatched.
 */
export async function dispatch(context: RightsContext, scope: OrgScope, requestId: string): Promise<void> {
  const first = await findRequest(context.db, scope, requestId);
  if (!first || first.state !== 'received' || first.dispatchedAt) return;
  const charter = await context.charter(scope);
  const identity = { type: first.identity.type as 'email', value: first.identity.value };
  let lookup: ContactLookup;
  try {
    lookup = await context.withStores(scope, charter, (stores) => stores.contacts([identity]));
    lookup = await withLedgerContact(context, scope, identity, lookup);
  } catch (error) {
    // A store that timed out or cannot be reached: the officer sees why on the timeline, and the tick tries again
    // after a back-off (no code can go out before the contacts on file are known).
    await recordDispatchFailure(context, scope, first, error);
    return;
  }

  if (first.type === 'objection' && first.details.objection?.kind === 'direct-marketing') {
    const addresses = new Set(lookup.emails);
    if (identity.type === 'email') addresses.add(identity.value);
    for (const email of addresses) await context.deps.consent.suppress(scope, email);
  }

  const key = await context.key(scope);
  const now = context.now();
  const code = generateCode();
  const linkSecret = generateLinkSecret();
  // Staff verify `account`-level requests; no code is sent for them.
  const sendsCode = first.verificationLevel !== 'account';
  const dispatched = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, requestId, { lock: true });
    if (!request || request.state !== 'received' || request.dispatchedAt) return undefined;
    if (sendsCode) {
      await insertCode(trx, scope, {
        id: randomUUID(),
        requestId,
        purpose: 'verify',
        codeHash: key.codeHash(requestId, 'verify', code),
        linkHash: key.linkHash(linkSecret),
        packageId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + codeLifetimeMs),
      });
    }
    return transition(trx, scope, request, 'awaiting-verification', {
      actor: 'system',
      at: now,
      patch: {
        identity_known: lookup.known,
        contacts: JSON.stringify(lookup.emails),
        dispatched_at: now,
        attempts: 0,
        last_error: null,
        next_attempt_at: null,
      },
      // Refused values on file (lists, control characters, display names) are shown to the officer, never used.
      data: {
        codeSentTo: sendsCode ? lookup.emails.length : 0,
        ...(lookup.refused.count > 0 ? { contactsRefused: lookup.refused } : {}),
      },
    });
  });
  if (!dispatched) return;
  if (lookup.refused.count > 0)
    context.deps.logger.warn(
      { request: requestId, refused: lookup.refused.count, reasons: Object.keys(lookup.refused.reasons) },
      'contact values on file refused',
    );
  // The mail is rendered either way, so the work done does not depend on whether anyone is on file.
  const mail = codeMail(
    mailContext(charter, dispatched),
    formatCode(code),
    context.link(`/privacy/${dispatched.siteId}/link/${linkSecret}?lang=${dispatched.language}`),
  );
  if (!sendsCode) return;
  for (const email of lookup.emails) await context.send(scope, email, mail, dispatched.language as Language);
}

/**
 * The consent ledger as a source of contacts (issue 18 item 8): an email identity that the ledger holds as confirmed
 * by double opt-in is on file, so the code goes to it, as to an address found in a store. Asked for every email
 * identity, found or not, so the work (and the answer, which is the same page either way) does not tell who is known.
 */
async function withLedgerContact(
  context: RightsContext,
  scope: OrgScope,
  identity: { type: string; value: string },
  lookup: ContactLookup,
): Promise<ContactLookup> {
  if (identity.type !== 'email') return lookup;
  const confirmed = await context.deps.consent.confirmedContact(scope, identity.value);
  if (!confirmed || lookup.emails.includes(identity.value)) return confirmed ? { ...lookup, known: true } : lookup;
  return { ...lookup, known: true, emails: [...lookup.emails, identity.value] };
}

/** Back-off of the next dispatch after `attempts` failed ones: 30 s, 1 min, 2 min … at most an hour. */
export function dispatchRetryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** Records a failed store lookup on the request (timeline, audit) and when the tick may try again. */
async function recordDispatchFailure(
  context: RightsContext,
  scope: OrgScope,
  request: RightsRequest,
  error: unknown,
): Promise<void> {
  const now = context.now();
  const message = safeMessage(error);
  const attempts = request.attempts + 1;
  const store = error instanceof StoreError ? { store: error.store, code: error.code } : {};
  await inOrganisation(context.db, scope, async (trx) => {
    await patchRequest(
      trx,
      scope,
      request.id,
      { attempts, last_error: message, next_attempt_at: new Date(now.getTime() + dispatchRetryDelayMs(attempts)) },
      now,
    );
    await recordEvent(trx, scope, request, {
      actor: 'system',
      kind: 'dispatch-failed',
      at: now,
      data: { attempts, ...store, error: message },
    });
  });
  context.deps.logger.warn({ request: request.id, attempts, ...store }, 'request dispatch failed');
}
