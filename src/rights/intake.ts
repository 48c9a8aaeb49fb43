/**
 * Intake and verification: a request arrives (privacy center, API, staff), a one-time code goes to the contact ON
 * FILE in the stores for the identity given — never to an address the requester typed — and the requester proves
 * control of it with the code or the mailed link.
 *
 * The answer to the requester never depends on whether the identity is known: `submit` does the same work either way
 * (validate, throttle, store the request) and the stores lookup, the code and the mail happen afterwards in
 * `dispatch`, in the background. Codes are single-use, short-lived, stored as HMACs, limited in tries per code and
 * per address, and every failure looks the same.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Charter, Language } from '../charter/schema.js';
import type { Database } from '../database.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { allowHits, type ThrottleHit } from '../platform/throttle.js';
import { invalidInput, tooManyRequests, type ErrorDetail } from '../platform/errors.js';
import { StoreError } from '../stores/connector.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { safeMessage, type RightsContext } from './context.js';
import { requestDeadline } from './deadline.js';
import type { ContactLookup } from './subject-stores.js';
import { codeMail, mailContext, scheduledMail, withdrawnMail } from './mails.js';
import { advance, startIfReady } from './fulfilment.js';
import {
  findRequest,
  insertCode,
  patchRequest,
  insertRequest,
  latestCode,
  codeByLink,
  recordEvent,
  retireCodes,
  type CodeRow,
  findSession,
  insertSession,
  proveSession,
  transition,
  updateCode,
  type RightsRequest,
} from './repository.js';
import type { CreateRequestInput } from './schemas.js';
import {
  codeLifetimeMs,
  formatCode,
  generateCode,
  generateLinkSecret,
  maxCodeAttempts,
  normaliseCode,
  normaliseIdentity,
  sameSecret,
  type RightsKey,
} from './secrets.js';
import { executeAfterFor, filerMayCancel, verificationLevel, type RequestDetails } from './workflow.js';

/**
 * Limits per fixed window, counted atomically in the database (platform/throttle.ts), so they hold for parallel
 * requests and across server processes. Per identity they stop mail bombing a person; per address they stop
 * enumeration.
 */
export const limits = {
  perIdentityHour: 3,
  perIdentityDay: 10,
  perAddressHour: 10,
  codeTriesPerAddressHour: 20,
};

const hourMs = 3_600_000;

/** How long a browser keeps its hold on a request (the status cookie's lifetime). */
export const sessionLifetimeMs = 120 * 86_400_000;

/** One throttle counter of an organisation: the counted value only as a keyed hash. */
export function throttleHit(
  scope: OrgScope,
  key: RightsKey,
  kind: string,
  value: string,
  windowMs: number,
  limit: number,
): ThrottleHit {
  return { organisationId: scope.organisationId, kind, keyHash: key.throttleKey(kind, value), windowMs, limit };
}

export interface SubmitInput extends CreateRequestInput {
  /** `subject` for the privacy center, `user:<id>` / `token:<id>` for staff and API. */
  actor: string;
  /** Caller's IP address, for throttling (hashed, never stored in clear). */
  ip?: string | undefined;
}

export interface Submitted {
  request: RightsRequest;
  /**
   * Lets the submitting browser see this request's status and type its code (cookie). It never becomes more than
   * that unless the code is typed with it: a click on the mailed link elsewhere proves that other browser only.
   */
  statusToken: string;
}

const emailSchema = z.email();

/** Checks the request against the charter: identity type allowed, site exists, details fit the type. */
export function validateAgainstCharter(charter: Charter, input: CreateRequestInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!charter.sites.some((s) => s.id === input.site))
    problems.push({ path: 'site', message: 'no such site in the charter' });
  if (!charter.rights.identities.includes(input.identity.type)) {
    problems.push({
      path: 'identity.type',
      message: `this organisation accepts: ${charter.rights.identities.join(', ')}`,
    });
  }
  const value = input.identity.value.trim();
  if (input.identity.type === 'email' && !emailSchema.safeParse(value).success)
    problems.push({ path: 'identity.value', message: 'email' });
  if (input.identity.type === 'phone' && !/^\+?[0-9 ().-]{6,24}$/.test(value))
    problems.push({ path: 'identity.value', message: 'a phone number such as +32 470 12 34 56' });
  if (
    (input.identity.type === 'customer-number' || input.identity.type === 'account-id') &&
    !/^[A-Za-z0-9._/-]{1,64}$/.test(value)
  ) {
    problems.push({ path: 'identity.value', message: 'letters, digits, dots, dashes and slashes only' });
  }
  const d = input.details;
  switch (input.type) {
    case 'rectification':
      if (!d.rectification) problems.push({ path: 'details.rectification.desired', message: 'required' });
      break;
    case 'restriction':
      if (!d.restriction) problems.push({ path: 'details.restriction.ground', message: 'choose' });
      break;
    case 'objection':
      if (!d.objection) problems.push({ path: 'details.objection.kind', message: 'choose' });
      else if (d.objection.kind === 'legitimate-interest') {
        const purpose = charter.purposes.find((p) => p.id === d.objection?.purpose);
        if (!purpose || purpose.legalBasis !== 'legitimate-interests')
          problems.push({ path: 'details.objection.purpose', message: 'choose' });
      }
      break;
    case 'withdrawal': {
      const purpose = charter.purposes.find((p) => p.id === d.withdrawal?.purpose);
      if (!purpose || purpose.legalBasis !== 'consent')
        problems.push({ path: 'details.withdrawal.purpose', message: 'choose' });
      break;
    }
    default:
      break;
  }
  return problems;
}

/** The details relevant to the type only (a form posts every field). */
function detailsFor(input: CreateRequestInput): RequestDetails {
  const d = input.details;
  const keep: RequestDetails = { message: d.message };
  if (input.type === 'rectification') keep.rectification = d.rectification;
  if (input.type === 'restriction') keep.restriction = d.restriction;
  if (input.type === 'objection') keep.objection = d.objection;
  if (input.type === 'withdrawal') keep.withdrawal = d.withdrawal;
  return JSON.parse(JSON.stringify(keep)) as RequestDetails;
}

export function siteLanguages(charter: Charter, siteId: string): Language[] {
  return charter.sites.find((s) => s.id === siteId)?.languages ?? charter.languages;
}

/**
 * Receives a request. Same work and same answer whether or not the identity is known; the lookup, the code and the
 * mail follow in the background (`dispatch`).
 */
export async function submit(context: RightsContext, scope: OrgScope, input: SubmitInput): Promise<Submitted> {
  const charter = await context.charter(scope);
  const problems = validateAgainstCharter(charter, input);
  if (problems.length) throw invalidInput(problems.map((p) => ({ ...p, path: `body.${p.path}` })));
  const now = context.now();
  const key = await context.key(scope);
  const value = normaliseIdentity(input.identity.type, input.identity.value);
  const identityHash = key.identityHash(input.identity.type, value);
  const identity = `${input.identity.type}:${value}`;
  const hits = [
    throttleHit(scope, key, 'request-identity-hour', identity, hourMs, limits.perIdentityHour),
    throttleHit(scope, key, 'request-identity-day', identity, 24 * hourMs, limits.perIdentityDay),
    ...(input.ip ? [throttleHit(scope, key, 'request-ip', input.ip, hourMs, limits.perAddressHour)] : []),
  ];
  const statusToken = generateLinkSecret();
  const languages = siteLanguages(charter, input.site);
  const language =
    input.language && languages.includes(input.language)
      ? input.language
      : (charter.defaultLanguage ?? languages[0] ?? 'en');
  const deadline = requestDeadline(now);
  const id = randomUUID();

  const request = await inOrganisation(context.db, scope, async (trx) => {
    // Counted atomically first: of parallel requests for one identity, exactly the limit pass. Staff entering requests
    // from post or the counter count too but are not refused; the public channel is.
    const allowed = await allowHits(trx, hits, now);
    if (input.channel === 'web' && !allowed) throw tooManyRequests();
    const created = await insertRequest(trx, scope, {
      id,
      siteId: input.site,
      type: input.type,
      channel: input.channel,
      language,
      identity: { type: input.identity.type, value },
      identityHash,
      declaredContact: input.contact ? input.contact.trim().toLowerCase() : null,
      details: detailsFor(input),
      verificationLevel: verificationLevel(charter, input.type),
      receivedAt: now,
      dueOn: deadline.dueOn,
      dueAt: deadline.dueAt,
      createdBy: input.actor,
    });
    await insertSession(trx, scope, {
      tokenHash: key.sessionHash(statusToken),
      requestId: id,
      createdAt: now,
      provenAt: null,
      expiresAt: new Date(now.getTime() + sessionLifetimeMs),
    });
    await emitWebhookEvent(
      trx,
      scope,
      'request.received',
      { requestId: id, requestType: input.type, dueAt: deadline.dueAt.toISOString() },
      now,
    );
    return created;
  });
  context.background(`dispatch ${id}`, () => dispatch(context, scope, id));
  return { request, statusToken };
}

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

export type VerifyOutcome = 'verified' | 'confirm' | 'invalid';

/**
 * Checks a typed code for a request. Every failure answers `invalid` and counts; a code locks after 5 wrong tries.
 * The right code proves the browser that typed it (`session`, its status cookie), and only that one.
 */
export async function verifyCode(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  typed: string,
  ip?: string,
  session?: string,
): Promise<VerifyOutcome> {
  const key = await context.key(scope);
  const now = context.now();
  const code = normaliseCode(typed);
  const outcome = await inOrganisation(context.db, scope, async (trx) => {
    if (
      ip &&
      !(await allowHits(trx, [throttleHit(scope, key, 'code-ip', ip, hourMs, limits.codeTriesPerAddressHour)], now))
    )
      throw tooManyRequests();
    const request = await findRequest(trx, scope, requestId, { lock: true });
    if (!request || request.state !== 'awaiting-verification' || request.codeVerifiedAt)
      return { result: 'invalid' as const };
    const stored = await latestCode(trx, scope, requestId, 'verify');
    if (!stored || stored.usedAt || stored.lockedAt || stored.expiresAt <= now || stored.attempts >= maxCodeAttempts)
      return { result: 'invalid' as const };
    const right =
      code !== undefined &&
      stored.codeHash !== null &&
      sameSecret(stored.codeHash, key.codeHash(requestId, 'verify', code));
    if (!right) {
      const attempts = stored.attempts + 1;
      await updateCode(trx, scope, stored.id, { attempts, ...(attempts >= maxCodeAttempts ? { locked_at: now } : {}) });
      await recordEvent(trx, scope, request, {
        actor: 'subject',
        kind: attempts >= maxCodeAttempts ? 'code-locked' : 'code-failed',
        at: now,
        data: { attempts },
      });
      return { result: 'invalid' as const };
    }
    await updateCode(trx, scope, stored.id, { used_at: now });
    if (session) await proveSession(trx, scope, requestId, key.sessionHash(session), now);
    return { result: await identityProven(trx, scope, request, now) };
  });
  if (outcome.result === 'verified')
    context.background(`advance ${requestId}`, () => advanceLater(context, scope, requestId));
  return outcome.result;
}

function advanceLater(context: RightsContext, scope: OrgScope, requestId: string) {
  return advance(context, scope, requestId);
}

/** The code (or link) proved control of the contact on file: verified, or waiting for the explicit confirmation. */
async function identityProven(
  trx: Transaction<Database>,
  scope: OrgScope,
  request: RightsRequest,
  now: Date,
): Promise<'verified' | 'confirm'> {
  if (request.verificationLevel === 'code-and-confirm') {
    await patchRequest(trx, scope, request.id, { code_verified_at: now }, now);
    await recordEvent(trx, scope, request, { actor: 'subject', kind: 'code-verified', at: now });
    return 'confirm';
  }
  const verified = await transition(trx, scope, request, 'verified', {
    actor: 'subject',
    at: now,
    patch: { code_verified_at: now, verified_at: now, verified_by: 'subject' },
    data: { by: 'code' },
  });
  await startIfReady(trx, scope, verified, now);
  return 'verified';
}

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

async function checkLink(
  trx: Transaction<Database>,
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
    context.background(`advance ${used.requestId}`, () => advanceLater(context, scope, used.requestId));
  if (used.outcome === 'cancelled')
    context.background(`withdrawn mail ${used.requestId}`, () => mailWithdrawn(context, scope, used.requestId));
  return { ...used, sessionToken };
}

/**
 * The explicit confirmation of a `code-and-confirm` request, after the code. An erasure then waits its grace period
 * (`rights.erasureGracePeriod`), cancellable from the page and from a mailed link.
 */
export async function confirm(context: RightsContext, scope: OrgScope, requestId: string): Promise<boolean> {
  const charter = await context.charter(scope);
  const key = await context.key(scope);
  const now = context.now();
  const cancelSecret = generateLinkSecret();
  const confirmed = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, requestId, { lock: true });
    if (
      !request ||
      request.state !== 'awaiting-verification' ||
      !request.codeVerifiedAt ||
      request.verificationLevel !== 'code-and-confirm'
    )
      return undefined;
    const executeAfter = executeAfterFor(charter, request.type, now);
    if (executeAfter) {
      await insertCode(trx, scope, {
        id: randomUUID(),
        requestId,
        purpose: 'cancel',
        codeHash: null,
        linkHash: key.linkHash(cancelSecret),
        packageId: null,
        createdAt: now,
        expiresAt: executeAfter,
      });
    }
    const verified = await transition(trx, scope, request, 'verified', {
      actor: 'subject',
      at: now,
      patch: { verified_at: now, verified_by: 'subject', confirmed_at: now, execute_after: executeAfter },
      data: { by: 'code-and-confirm', ...(executeAfter ? { executeAfter: executeAfter.toISOString() } : {}) },
    });
    await startIfReady(trx, scope, verified, now);
    return verified;
  });
  if (!confirmed) return false;
  if (confirmed.executeAfter) {
    const mail = scheduledMail(
      mailContext(charter, confirmed),
      confirmed.executeAfter,
      context.link(`/privacy/${confirmed.siteId}/link/${cancelSecret}?lang=${confirmed.language}`),
    );
    const contacts = confirmed.contacts;
    context.background(`scheduled mail ${requestId}`, async () => {
      for (const email of contacts) await context.send(scope, email, mail, confirmed.language as Language);
    });
  } else {
    context.background(`advance ${requestId}`, () => advanceLater(context, scope, requestId));
  }
  return true;
}

/**
 * Withdraws a request before it is executed (by the requester, or staff on their behalf). `asFiler`: asked by a
 * browser that did not prove the mailbox, so only while nobody has (checked again under the row lock, so a click on
 * the mailed link at the same moment wins).
 */
export async function cancel(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  actor: string,
  options: { asFiler?: boolean } = {},
): Promise<boolean> {
  const now = context.now();
  const done = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, requestId, { lock: true });
    if (!request || !['received', 'awaiting-verification', 'verified', 'awaiting-approval'].includes(request.state))
      return false;
    if (options.asFiler && !filerMayCancel(request)) return false;
    await retireCodes(trx, scope, requestId, 'verify', now);
    await retireCodes(trx, scope, requestId, 'cancel', now);
    await transition(trx, scope, request, 'withdrawn', { actor, at: now, patch: { closed_at: now } });
    return true;
  });
  if (done) context.background(`withdrawn mail ${requestId}`, () => mailWithdrawn(context, scope, requestId));
  return done;
}

async function mailWithdrawn(context: RightsContext, scope: OrgScope, requestId: string) {
  const request = await findRequest(context.db, scope, requestId);
  if (!request || !request.verifiedAt) return;
  const charter = await context.charter(scope);
  const mail = withdrawnMail(mailContext(charter, request));
  for (const email of request.contacts) await context.send(scope, email, mail, request.language as Language);
}

/** What a browser may see and do on a request: the request, and whether this browser presented the mailed secret. */
export interface StatusView {
  request: RightsRequest;
  /** This browser typed the code or used the link from the mail. */
  proven: boolean;
  /** When it did (a package is downloadable from the status page for a day after). */
  provenAt: Date | null;
}

/**
 * The request behind a browser's status cookie, or undefined — the same for a missing request and a wrong or expired
 * token.
 */
export async function requestForStatus(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  token: string | undefined,
): Promise<StatusView | undefined> {
  if (!token) return undefined;
  const key = await context.key(scope);
  const now = context.now();
  return inOrganisation(context.db, scope, async (trx) => {
    const session = await findSession(trx, scope, requestId, key.sessionHash(token), now);
    if (!session) return undefined;
    const request = await findRequest(trx, scope, requestId);
    return request ? { request, proven: session.provenAt !== null, provenAt: session.provenAt } : undefined;
  });
}

/** How long after verification the status page lets the person manage their purpose consents. */
export const consentWindowMs = 24 * 3_600_000;

function withinConsentWindow(request: RightsRequest, now: Date): boolean {
  return (
    request.verifiedAt !== null &&
    now.getTime() - request.verifiedAt.getTime() < consentWindowMs &&
    !['refused', 'withdrawn'].includes(request.state)
  );
}

/** The addresses a verified person's purpose consents are filed under: the email identity and the contacts on file. */
function verifiedEmails(request: RightsRequest): string[] {
  const emails = new Set(request.contacts);
  if (request.identity.type === 'email') emails.add(request.identity.value);
  return [...emails];
}

/** A verified person's purpose consents (for "manage my consent"), or undefined outside the window after verification. */
export async function verifiedConsents(
  context: RightsContext,
  scope: OrgScope,
  request: RightsRequest,
): Promise<{ purpose: string; granted: boolean; at: string }[] | undefined> {
  if (!withinConsentWindow(request, context.now())) return undefined;
  const current = new Map<string, { purpose: string; granted: boolean; at: string }>();
  for (const email of verifiedEmails(request)) {
    for (const entry of (await context.deps.consent.history(scope, email)).current) {
      const known = current.get(entry.purpose);
      if (!known || (entry.granted && !known.granted)) current.set(entry.purpose, entry);
    }
  }
  return [...current.values()].sort((a, b) => a.purpose.localeCompare(b.purpose));
}

/** Withdraws one purpose consent for a verified person from the status page (Art. 7(3)), through the ledger. */
export async function withdrawVerifiedConsent(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  purpose: string,
): Promise<boolean> {
  const request = await findRequest(context.db, scope, requestId);
  if (!request || !withinConsentWindow(request, context.now())) return false;
  const charter = await context.charter(scope);
  if (!charter.purposes.some((p) => p.id === purpose && p.legalBasis === 'consent')) return false;
  let withdrawn = false;
  for (const email of verifiedEmails(request))
    if (await context.deps.consent.withdraw(scope, { email, purpose, reference: request.reference })) withdrawn = true;
  if (withdrawn)
    await inOrganisation(context.db, scope, (trx) =>
      recordEvent(trx, scope, request, {
        actor: 'subject',
        kind: 'consent-withdrawn',
        at: context.now(),
        data: { purpose },
      }),
    );
  return withdrawn;
}
