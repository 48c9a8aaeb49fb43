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
import type { RightsDb } from './tables.js';
import { z } from 'zod';
import type { Charter, Language } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { allowHits, type ThrottleHit } from '../platform/throttle.js';
import { invalidInput, tooManyRequests, type ErrorDetail } from '../platform/errors.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAuditEntries, type AuditInput } from '../audit/trail.js';
import type { RightsContext } from './context.js';
import { requestDeadline } from './deadline.js';
import { dispatch } from './dispatch.js';
import { mailContext, scheduledMail, withdrawnMail } from './mails.js';
import { advance, startIfReady, work } from './fulfilment.js';
import {
  findRequest,
  insertCancelLink,
  patchRequest,
  insertRequest,
  latestCode,
  recordEvent,
  retireCodes,
  insertSession,
  proveSession,
  transition,
  updateCode,
  type RightsRequest,
} from './repository.js';
import type { CreateRequestInput } from './schemas.js';
import {
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
    // The audit entry is written last: the organisation's chain lock is then held only until the commit.
    const audit: AuditInput[] = [];
    const created = await insertRequest(
      trx,
      scope,
      {
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
      },
      audit,
    );
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
    await recordAuditEntries(trx, scope, audit, now);
    return created;
  });
  context.background(`dispatch ${id}`, () => dispatch(context, scope, id));
  return { request, statusToken };
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
    context.background(`advance ${requestId}`, () => workProven(context, scope, requestId));
  return outcome.result;
}

export function advanceLater(context: RightsContext, scope: OrgScope, requestId: string) {
  return advance(context, scope, requestId);
}

/**
 * The work after `identityProven` answered `verified`: that transaction already started the request when nothing made
 * it wait, so only the claim is left (a start would find nothing to do); a request still in its grace period is
 * started later by the due ticker.
 */
export function workProven(context: RightsContext, scope: OrgScope, requestId: string) {
  return work(context, scope, requestId);
}

/** The code (or link) proved control of the contact on file: verified, or waiting for the explicit confirmation. */
export async function identityProven<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  request: RightsRequest,
  now: Date,
): Promise<'verified' | 'confirm'> {
  if (request.verificationLevel === 'code-and-confirm') {
    await patchRequest(trx, scope, request.id, { code_verified_at: now }, now);
    await recordEvent(trx, scope, request, { actor: 'subject', kind: 'code-verified', at: now });
    return 'confirm';
  }
  // Verified and, when nothing waits, started: both audit entries written last, under one lock of the chain.
  const audit: AuditInput[] = [];
  const verified = await transition(trx, scope, request, 'verified', {
    actor: 'subject',
    at: now,
    patch: { code_verified_at: now, verified_at: now, verified_by: 'subject' },
    data: { by: 'code' },
    defer: audit,
  });
  await startIfReady(trx, scope, verified, now, audit);
  await recordAuditEntries(trx, scope, audit, now);
  return 'verified';
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
    if (executeAfter)
      await insertCancelLink(trx, scope, {
        requestId,
        linkHash: key.linkHash(cancelSecret),
        createdAt: now,
        expiresAt: executeAfter,
      });
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

export async function mailWithdrawn(context: RightsContext, scope: OrgScope, requestId: string) {
  const request = await findRequest(context.db, scope, requestId);
  if (!request || !request.verifiedAt) return;
  const charter = await context.charter(scope);
  const mail = withdrawnMail(mailContext(charter, request));
  for (const email of request.contacts) await context.send(scope, email, mail, request.language as Language);
}
