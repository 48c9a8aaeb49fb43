/**
 * What the privacy team does with a request: approve a plan, refuse with reasons, extend the deadline (once, with a
 * reason, before it passes, told to the requester), override verification (two different people), edit the column
 * changes of a rectification, compute an erasure plan on demand, and reissue or hand over a package. Every action is
 * audited with the acting user or token.
 */
import type { Caller } from '../accounts/caller.js';
import type { Charter, Language } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { conflict, forbidden, invalidInput, notFound } from '../platform/errors.js';
import type { RightsContext } from './context.js';
import { extendedDeadline } from './deadline.js';
import { advance, work } from './fulfilment.js';
import {
  extensionMail,
  mailContext,
  notVerifiableMail,
  refusedMail,
  restrictionLiftedMail,
  scheduledMail,
} from './mails.js';
import {
  findRequest,
  insertCancelLink,
  packageContent,
  packagesOf,
  patchRequest,
  recordEvent,
  retireCodes,
  timeline,
  transition,
  updatePackage,
  type RightsRequest,
} from './repository.js';
import {
  changesPlan,
  rectificationChanges,
  summariseErasure,
  summariseRestriction,
  type PlannedChange,
} from './results.js';
import { forgetRestriction } from './restricted-identities.js';
import { generateLinkSecret } from './secrets.js';
import { packageMail } from './mails.js';
import { formatDate, toLocal } from './deadline.js';
import { executeAfterFor, isFinal, type RefusalReason } from './workflow.js';

async function load(context: RightsContext, scope: OrgScope, id: string): Promise<RightsRequest> {
  const request = await findRequest(context.db, scope, id);
  if (!request) throw notFound('request');
  return request;
}

/** Approves the plan of a request awaiting approval and executes it. */
export async function approve(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
): Promise<RightsRequest> {
  const now = context.now();
  await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, id, { lock: true });
    if (!request) throw notFound('request');
    if (request.state !== 'awaiting-approval') throw conflict('Only a request awaiting approval can be approved.');
    await transition(trx, scope, request, 'in-progress', {
      actor: caller.actor,
      at: now,
      patch: { approved_at: now, approved_by: caller.actor, next_attempt_at: null },
      data: { approved: true },
    });
  });
  await work(context, scope, id);
  return load(context, scope, id);
}

/**
 * Closes a request without fulfilling it (Art. 12(4)/(5)), with the reason and explanation told to the requester along
 * with the right to complain. A pending objection's restriction is lifted (the officer found compelling grounds).
 */
export async function refuse(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
  input: { reason: RefusalReason; explanation: string },
): Promise<RightsRequest> {
  const request = await load(context, scope, id);
  if (isFinal(request.state) || request.state === 'in-progress')
    throw conflict('This request cannot be refused in its current state.');
  const charter = await context.charter(scope);
  if (
    request.type === 'objection' &&
    request.details.objection?.kind === 'legitimate-interest' &&
    request.state === 'awaiting-approval'
  ) {
    await context.withStores(scope, charter, (s) =>
      s.restrict(`${request.id}`, [{ type: request.identity.type as 'email', value: request.identity.value }], false),
    );
  }
  const now = context.now();
  const refused = await inOrganisation(context.db, scope, async (trx) => {
    const current = await findRequest(trx, scope, id, { lock: true });
    if (!current || isFinal(current.state) || current.state === 'in-progress')
      throw conflict('The request changed meanwhile; reload it.');
    await retireCodes(trx, scope, id, 'verify', now);
    await retireCodes(trx, scope, id, 'cancel', now);
    // The restriction pending the objection is lifted above: Charter forgets the identities it kept from retention.
    await forgetRestriction(trx, scope, current, caller.actor, now);
    return transition(trx, scope, current, 'refused', {
      actor: caller.actor,
      at: now,
      patch: { refusal_reason: input.reason, refusal_explanation: input.explanation, closed_at: now },
      data: { reason: input.reason },
    });
  });
  const mail = refusedMail(mailContext(charter, refused), input.reason, input.explanation);
  for (const email of refusedRecipients(refused)) await context.send(scope, email, mail, refused.language as Language);
  return refused;
}

/**
 * Lifts the restriction of a completed restriction request (Art. 18(3)): the person is told first, with the reason;
 * then the stores clear their marks and Charter forgets the identities it kept from retention, audited. Once only.
 */
export async function liftRestriction(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
  reason: string,
): Promise<RightsRequest> {
  const request = await load(context, scope, id);
  if (request.type !== 'restriction' || request.state !== 'completed')
    throw conflict('Only a completed restriction can be lifted.');
  if ((await timeline(context.db, scope, id)).some((e) => e.kind === 'restriction-lifted'))
    throw conflict('This restriction was already lifted.');
  const charter = await context.charter(scope);
  // Art. 18(3): informed before the restriction is lifted.
  const mail = restrictionLiftedMail(mailContext(charter, request), reason);
  let mailed = 0;
  for (const email of request.contacts)
    if (await context.send(scope, email, mail, request.language as Language)) mailed++;
  await context.withStores(scope, charter, (s) =>
    s.restrict(
      `${request.id}:lift`,
      [{ type: request.identity.type as 'email', value: request.identity.value }],
      false,
    ),
  );
  const now = context.now();
  await inOrganisation(context.db, scope, async (trx) => {
    const current = await findRequest(trx, scope, id, { lock: true });
    if (!current) throw notFound('request');
    await forgetRestriction(trx, scope, current, caller.actor, now);
    // The reason is the officer's free text (it may name the person): mailed to them, kept out of the audit trail.
    await recordEvent(trx, scope, current, {
      actor: caller.actor,
      kind: 'restriction-lifted',
      at: now,
      data: { mailed },
    });
  });
  return load(context, scope, id);
}

/** Whom a closing letter goes to: the verified channel; for an unverified email identity, that address itself. */
function refusedRecipients(request: RightsRequest): string[] {
  if (request.verifiedAt) return request.contacts;
  return request.identity.type === 'email' ? [request.identity.value] : [];
}

/**
 * Art. 12(3): extends the deadline by two further months — once, with a reason, before the first deadline passes —
 * and tells the requester.
 */
export async function extend(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
  reason: string,
): Promise<{ request: RightsRequest; mailed: number }> {
  const charter = await context.charter(scope);
  const now = context.now();
  const extended = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, id, { lock: true });
    if (!request) throw notFound('request');
    if (isFinal(request.state)) throw conflict('A closed request cannot be extended.');
    if (request.extendedAt)
      throw conflict('The deadline was already extended; Art. 12(3) allows one extension of two months.');
    if (request.dueAt <= now)
      throw conflict('The deadline has passed; an extension must be decided and told before it passes (Art. 12(3)).');
    const deadline = extendedDeadline(request.receivedAt);
    await patchRequest(
      trx,
      scope,
      id,
      { due_on: deadline.dueOn, due_at: deadline.dueAt, extended_at: now, extension_reason: reason },
      now,
    );
    await recordEvent(trx, scope, request, {
      actor: caller.actor,
      kind: 'extended',
      at: now,
      data: { from: request.dueOn, to: deadline.dueOn },
    });
    return { ...request, dueOn: deadline.dueOn, dueAt: deadline.dueAt, extendedAt: now, extensionReason: reason };
  });
  const mail = extensionMail(mailContext(charter, extended), reason, extended.dueOn);
  let mailed = 0;
  for (const email of refusedRecipients(extended))
    if (await context.send(scope, email, mail, extended.language as Language)) mailed++;
  await inOrganisation(context.db, scope, (trx) =>
    recordEvent(trx, scope, extended, {
      actor: 'system',
      kind: 'extension-mailed',
      at: context.now(),
      data: { mailed },
    }),
  );
  return { request: await load(context, scope, id), mailed };
}

function requireUser(caller: Caller): void {
  // The four-eyes rule binds people: an API token cannot be one of the two.
  if (caller.kind !== 'user')
    throw forbidden('Verification overrides are made and approved by signed-in people, not by API tokens.');
}

/** Proposes to treat the identity as verified by other means (counter, ID document); a second person must approve. */
export async function proposeOverride(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
  reason: string,
): Promise<RightsRequest> {
  requireUser(caller);
  const now = context.now();
  await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, id, { lock: true });
    if (!request) throw notFound('request');
    if (!['received', 'awaiting-verification'].includes(request.state))
      throw conflict('Only an unverified request can be verified by override.');
    await patchRequest(
      trx,
      scope,
      id,
      { override_requested_by: caller.actor, override_requested_at: now, override_reason: reason },
      now,
    );
    await recordEvent(trx, scope, request, { actor: caller.actor, kind: 'override-proposed', at: now });
  });
  return load(context, scope, id);
}

/**
 * The second person approves an override: the request is verified. An erasure still waits its grace period, and the
 * person is mailed when it happens and the link to cancel until then, as after their own confirmation.
 */
export async function approveOverride(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
): Promise<RightsRequest> {
  requireUser(caller);
  const charter = await context.charter(scope);
  const key = await context.key(scope);
  const cancelSecret = generateLinkSecret();
  const now = context.now();
  const verified = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, id, { lock: true });
    if (!request) throw notFound('request');
    if (!['received', 'awaiting-verification'].includes(request.state) || !request.overrideRequestedBy)
      throw conflict('No override is waiting for approval.');
    if (request.overrideRequestedBy === caller.actor) throw forbidden('A second person must approve the override.');
    const executeAfter = executeAfterFor(charter, request.type, now);
    await retireCodes(trx, scope, id, 'verify', now);
    if (executeAfter)
      await insertCancelLink(trx, scope, {
        requestId: id,
        linkHash: key.linkHash(cancelSecret),
        createdAt: now,
        expiresAt: executeAfter,
      });
    return transition(trx, scope, request, 'verified', {
      actor: caller.actor,
      at: now,
      patch: {
        verified_at: now,
        verified_by: `override:${request.overrideRequestedBy}+${caller.actor}`,
        confirmed_at: now,
        execute_after: executeAfter,
        dispatched_at: request.dispatchedAt ?? now,
      },
      data: { by: 'override', proposedBy: request.overrideRequestedBy, approvedBy: caller.actor },
    });
  });
  if (verified.executeAfter) {
    const mail = scheduledMail(
      mailContext(charter, verified),
      verified.executeAfter,
      context.link(`/privacy/${verified.siteId}/link/${cancelSecret}?lang=${verified.language}`),
    );
    context.background(`scheduled mail ${id}`, async () => {
      for (const email of verified.contacts) await context.send(scope, email, mail, verified.language as Language);
    });
  }
  context.background(`advance ${id}`, () => advance(context, scope, id));
  return load(context, scope, id);
}

/** Replaces the proposed column changes of a rectification awaiting approval (values stay on the request, never audited). */
export async function setChanges(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
  changes: PlannedChange[],
): Promise<RightsRequest> {
  const charter = await context.charter(scope);
  const problems = changes.flatMap((change, i) => {
    const column = charter.stores
      .find((s) => s.id === change.store)
      ?.tables.find((t) => t.name === change.table)
      ?.columns.find((c) => c.name === change.column);
    return column && !column.secret
      ? []
      : [{ path: `body.changes.${i}`, message: 'not a declared, non-secret column of a store' }];
  });
  if (problems.length) throw invalidInput(problems);
  const now = context.now();
  await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, id, { lock: true });
    if (!request) throw notFound('request');
    if (request.type !== 'rectification' || request.state !== 'awaiting-approval')
      throw conflict('Changes can be set on a rectification awaiting approval.');
    await patchRequest(
      trx,
      scope,
      id,
      {
        changes: JSON.stringify(changes),
        plan: JSON.stringify({ changes: changes.map(({ store, table, column }) => ({ store, table, column })) }),
      },
      now,
    );
    await recordEvent(trx, scope, request, {
      actor: caller.actor,
      kind: 'changes-set',
      at: now,
      data: { columns: changes.length },
    });
  });
  return load(context, scope, id);
}

/** Computes (and keeps) the dry-run plan of an erasure or rectification now, e.g. during the grace period. */
export async function computePlan(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
): Promise<unknown> {
  const request = await load(context, scope, id);
  const charter = await context.charter(scope);
  if (isFinal(request.state)) throw conflict('The request is closed.');
  const identities = [{ type: request.identity.type as 'email', value: request.identity.value }];
  let plan: unknown;
  if (request.type === 'erasure')
    plan = {
      erasure: summariseErasure(
        charter,
        await context.withStores(scope, charter, (s) => s.erase(request.id, identities, true)),
      ),
    };
  else if (request.type === 'rectification') {
    plan = changesPlan(rectificationChanges(charter, request));
  } else if (request.type === 'restriction') plan = { restriction: summariseRestriction([]) };
  else throw conflict('Plans are computed for erasure and rectification.');
  const now = context.now();
  await inOrganisation(context.db, scope, async (trx) => {
    await patchRequest(trx, scope, id, { plan: JSON.stringify(plan) }, now);
    await recordEvent(trx, scope, request, { actor: caller.actor, kind: 'plan-computed', at: now });
  });
  return plan;
}

/** Mails a fresh single-use link to the package (the old link stops working); the expiry stays. */
export async function reissuePackage(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
): Promise<{ mailed: number }> {
  const request = await load(context, scope, id);
  const charter = await context.charter(scope);
  const now = context.now();
  const current = (await packagesOf(context.db, scope, id)).filter((p) => p.hasContent && p.expiresAt > now).at(-1);
  if (!current) throw conflict('No package of this request is still available.');
  const key = await context.key(scope);
  const secret = generateLinkSecret();
  await inOrganisation(context.db, scope, async (trx) => {
    await updatePackage(trx, scope, current.id, { link_hash: key.linkHash(secret), downloaded_at: null });
    await recordEvent(trx, scope, request, {
      actor: caller.actor,
      kind: 'package-reissued',
      at: now,
      data: { package: current.id },
    });
  });
  const mail = packageMail(
    mailContext(charter, request),
    context.link(`/privacy/${request.siteId}/download/${secret}?lang=${request.language}`),
    formatDate(toLocal(current.expiresAt)),
  );
  let mailed = 0;
  for (const email of request.contacts)
    if (await context.send(scope, email, mail, request.language as Language)) mailed++;
  return { mailed };
}

/** The package bytes for staff handing it over in person (a request verified by override without an email on file). */
export async function staffPackage(
  context: RightsContext,
  scope: OrgScope,
  id: string,
  caller: Caller,
): Promise<{ fileName: string; content: Buffer }> {
  const request = await load(context, scope, id);
  const now = context.now();
  const current = (await packagesOf(context.db, scope, id)).filter((p) => p.hasContent && p.expiresAt > now).at(-1);
  if (!current) throw notFound('package');
  const content = await packageContent(context.db, scope, current.id);
  if (!content) throw notFound('package');
  await inOrganisation(context.db, scope, (trx) =>
    recordEvent(trx, scope, request, {
      actor: caller.actor,
      kind: 'package-downloaded-by-staff',
      at: now,
      data: { package: current.id },
    }),
  );
  return { fileName: current.fileName, content };
}

/** Closes an unverifiable request at its deadline with the Art. 11(2)/12(2) explanation. */
export async function closeUnverifiable(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  id: string,
): Promise<boolean> {
  const now = context.now();
  const closed = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, id, { lock: true });
    if (!request || !['received', 'awaiting-verification'].includes(request.state) || request.dueAt > now)
      return undefined;
    await retireCodes(trx, scope, id, 'verify', now);
    return transition(trx, scope, request, 'refused', {
      actor: 'system',
      at: now,
      patch: { refusal_reason: 'not-verifiable', closed_at: now },
      data: { reason: 'not-verifiable' },
    });
  });
  if (!closed) return false;
  // The letter goes to the email the requester identified with (whether or not it is on file: the same for everyone).
  if (closed.identity.type === 'email')
    await context.send(
      scope,
      closed.identity.value,
      notVerifiableMail(mailContext(charter, closed)),
      closed.language as Language,
    );
  return true;
}
