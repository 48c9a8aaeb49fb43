/**
 * The staff API of requests (`requests:read`, `requests:write`): intake by post, phone, counter or email with the
 * channel recorded; the inbox with filters and deadlines; one request with its timeline, plan and result; approve,
 * refuse, extend, cancel, verification override (two people), rectification changes, plans, packages. Identities and
 * contacts are shown masked; the console and the API never need them in clear to do their work.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import type { Charter, Language, RequestType } from '../charter/schema.js';
import { maskContact } from '../platform/contact.js';
import { notFound } from '../platform/errors.js';
import { defineRoute } from '../platform/http/routes.js';
import type { RightsContext } from './context.js';
import { daysLeft, parseDate, startOfDay, addDays } from './deadline.js';
import { cancel, submit } from './intake.js';
import { findRequest, listRequests, packagesOf, timeline, type RightsRequest } from './repository.js';
import { markNotification, notificationsOf } from './notifications.js';
import { isRestrictionTask, recipientName } from './recipients.js';
import { fill, rightsTexts } from './texts/index.js';
import {
  changesSchema,
  notificationMarkSchema,
  createRequestSchema,
  extendSchema,
  overrideSchema,
  refuseSchema,
  requestDetailSchema,
  requestFilterSchema,
  requestInboxSchema,
  type requestSummarySchema,
} from './schemas.js';
import {
  approve,
  approveOverride,
  computePlan,
  extend,
  liftRestriction,
  proposeOverride,
  refuse,
  reissuePackage,
  setChanges,
  staffPackage,
} from './staff.js';
import { isFinal, type RequestState } from './workflow.js';

/** `an***@example.be`, `C-0***`: enough to recognise, not enough to copy (shared with the Outbox). */
export const mask = maskContact;

function summary(request: RightsRequest, now: Date): z.input<typeof requestSummarySchema> {
  return {
    id: request.id,
    reference: request.reference,
    site: request.siteId,
    type: request.type,
    state: request.state,
    channel: request.channel,
    language: request.language,
    identityType: request.identity.type,
    identity: mask(request.identity.value),
    identityKnown: request.identityKnown,
    contacts: request.contacts.map(mask),
    verificationLevel: request.verificationLevel,
    receivedAt: request.receivedAt.toISOString(),
    dueOn: request.dueOn,
    overdue: !isFinal(request.state) && request.dueAt <= now,
    daysLeft: daysLeft(now, request.dueOn),
    extended: request.extendedAt !== null,
    verifiedAt: request.verifiedAt?.toISOString() ?? null,
    executeAfter: request.executeAfter?.toISOString() ?? null,
    closedAt: request.closedAt?.toISOString() ?? null,
    refusalReason: request.refusalReason,
  };
}

async function detail(
  context: RightsContext,
  scope: { organisationId: string },
  request: RightsRequest,
): Promise<z.input<typeof requestDetailSchema>> {
  const now = context.now();
  const [events, packages, notifications] = await Promise.all([
    timeline(context.db, scope, request.id),
    packagesOf(context.db, scope, request.id),
    notificationsOf(context.db, scope, request.id),
  ]);
  const charter = notifications.length ? await context.charter(scope) : undefined;
  return {
    ...summary(request, now),
    details: request.details as Record<string, unknown>,
    declaredContact: request.declaredContact ? mask(request.declaredContact) : null,
    extensionReason: request.extensionReason,
    refusalExplanation: request.refusalExplanation,
    overrideRequestedBy: request.overrideRequestedBy,
    overrideReason: request.overrideReason,
    approvedBy: request.approvedBy,
    plan: request.plan,
    result: request.result,
    changes: request.changes,
    lastError: request.lastError,
    attempts: request.attempts,
    packages: packages.map((p) => ({
      id: p.id,
      createdAt: p.createdAt.toISOString(),
      expiresAt: p.expiresAt.toISOString(),
      size: p.size,
      downloadedAt: p.downloadedAt?.toISOString() ?? null,
      deletedAt: p.deletedAt?.toISOString() ?? null,
    })),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor,
      kind: e.kind,
      from: e.from,
      to: e.to,
      data: e.data,
    })),
    notifications: notifications.map((n) => ({
      recipient: n.recipient,
      name: charter ? notificationName(charter, n) : n.recipient,
      channel: n.channel,
      state: n.state,
      createdAt: n.createdAt.toISOString(),
      doneAt: n.doneAt?.toISOString() ?? null,
      doneBy: n.doneBy,
    })),
  };
}

const idParams = z.object({ id: z.string().uuid() });

const read = { scopes: ['requests:read'] };
const write = { scopes: ['requests:write'] };

async function loadRequest(context: RightsContext, scope: { organisationId: string }, id: string) {
  const found = await findRequest(context.db, scope, id);
  if (!found) throw notFound('request');
  return found;
}

export function registerRequestApi(app: FastifyInstance, context: RightsContext) {
  registerIntakeAndInbox(app, context);
  registerRequestActions(app, context);
  registerRequestHandover(app, context);
}

/** Intake by staff or an integration, the inbox, and one request. */
function registerIntakeAndInbox(app: FastifyInstance, context: RightsContext) {
  const load = (scope: { organisationId: string }, id: string) => loadRequest(context, scope, id);

  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/requests',
      summary:
        'Enter a request received by post, phone, at the counter, by email or through an integration; a code goes to the contact on file',
      tags: ['requests'],
      auth: write,
      body: createRequestSchema,
      response: requestDetailSchema,
      status: 201,
      errors: [401, 403, 404, 422],
    },
    async ({ body, request }) => {
      const caller = callerOf(request);
      const { request: created } = await submit(context, caller, { ...body, actor: caller.actor });
      return detail(context, caller, created);
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/requests',
      summary: 'The requests inbox: filter by state, type, site and due date; overdue ones; sorted by deadline',
      tags: ['requests'],
      auth: read,
      query: requestFilterSchema,
      response: requestInboxSchema,
      errors: [401, 403],
    },
    async ({ query, request }) => {
      const caller = callerOf(request);
      const now = context.now();
      const list = <T extends string>(value: T | T[] | undefined) =>
        value === undefined ? undefined : Array.isArray(value) ? value : [value];
      const dueBefore = query.dueBefore ? startOfDay(addDays(parseDate(query.dueBefore), 1)) : undefined;
      const found = await listRequests(context.db, caller, {
        states: list<RequestState>(query.state),
        types: list<RequestType>(query.type),
        site: query.site,
        dueBefore,
        overdueAt: query.overdue === 'true' ? now : undefined,
        limit: query.limit,
        offset: query.offset,
      });
      const open = [
        'received',
        'awaiting-verification',
        'verified',
        'in-progress',
        'awaiting-approval',
      ] as RequestState[];
      const [overdue, soon] = await Promise.all([
        listRequests(context.db, caller, { states: open, overdueAt: now, limit: 1 }),
        listRequests(context.db, caller, {
          states: open,
          dueBefore: new Date(now.getTime() + 7 * 86_400_000),
          limit: 1,
        }),
      ]);
      return {
        total: found.total,
        overdue: overdue.total,
        dueWithin7Days: soon.total,
        requests: found.requests.map((r) => summary(r, now)),
      };
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/requests/:id',
      summary: 'One request: details, timeline, plan and result',
      tags: ['requests'],
      auth: read,
      params: idParams,
      response: requestDetailSchema,
      errors: [401, 403, 404],
    },
    async ({ params, request }) => {
      const caller = callerOf(request);
      return detail(context, caller, await load(caller, params.id));
    },
  );
}

/** The staff's actions on a request: each answers with the request as it is afterwards. */
function registerRequestActions(app: FastifyInstance, context: RightsContext) {
  const load = (scope: { organisationId: string }, id: string) => loadRequest(context, scope, id);
  const action = (
    url: string,
    summaryText: string,
    run: (caller: ReturnType<typeof callerOf>, id: string, body: unknown) => Promise<unknown>,
    body?: z.ZodType,
  ) =>
    defineRoute(
      app,
      {
        method: 'POST',
        url,
        summary: summaryText,
        tags: ['requests'],
        auth: write,
        params: idParams,
        ...(body ? { body } : {}),
        response: requestDetailSchema,
        errors: [401, 403, 404, 409, 422],
      },
      async ({ params, body: input, request }) => {
        const caller = callerOf(request);
        await load(caller, params.id);
        await run(caller, params.id, input);
        // Work this action started in the background (an approved override starts the request) is awaited here.
        await context.settled(`advance ${params.id}`);
        return detail(context, caller, await load(caller, params.id));
      },
    );

  action(
    '/api/v1/requests/:id/approve',
    'Approve the plan of a request awaiting approval; it is executed at once',
    (caller, id) => approve(context, caller, id, caller),
  );
  action(
    '/api/v1/requests/:id/refuse',
    'Refuse a request with the reason and explanation told to the requester (Art. 12(4))',
    (caller, id, body) => refuse(context, caller, id, caller, body as z.infer<typeof refuseSchema>),
    refuseSchema,
  );
  action(
    '/api/v1/requests/:id/extend',
    'Extend the deadline by two months, once, with a reason mailed to the requester (Art. 12(3))',
    (caller, id, body) => extend(context, caller, id, caller, (body as z.infer<typeof extendSchema>).reason),
    extendSchema,
  );
  action(
    '/api/v1/requests/:id/lift-restriction',
    'Lift a completed restriction (Art. 18(3)): the requester is told first, with the reason',
    (caller, id, body) => liftRestriction(context, caller, id, caller, (body as z.infer<typeof extendSchema>).reason),
    extendSchema,
  );
  action('/api/v1/requests/:id/cancel', 'Withdraw a request on behalf of the requester', (caller, id) =>
    cancel(context, caller, id, caller.actor),
  );
  action(
    '/api/v1/requests/:id/override',
    'Propose to verify the identity by other means (a second person approves)',
    (caller, id, body) => proposeOverride(context, caller, id, caller, (body as z.infer<typeof overrideSchema>).reason),
    overrideSchema,
  );
  action(
    '/api/v1/requests/:id/override/approve',
    'Approve a verification override (must be another person than the proposer)',
    (caller, id) => approveOverride(context, caller, id, caller),
  );
  action(
    '/api/v1/requests/:id/changes',
    'Set the column changes of a rectification awaiting approval',
    (caller, id, body) => setChanges(context, caller, id, caller, (body as z.infer<typeof changesSchema>).changes),
    changesSchema,
  );
  action(
    '/api/v1/requests/:id/plan',
    'Compute the plan (stores, tables, rows, fields) of an erasure or rectification now',
    (caller, id) => computePlan(context, caller, id, caller),
  );
  action('/api/v1/requests/:id/package/reissue', 'Mail a fresh single-use link to the package', (caller, id) =>
    reissuePackage(context, caller, id, caller),
  );
}

/** Marking the recipients told (Art. 19) and handing the package over in person. */
function registerRequestHandover(app: FastifyInstance, context: RightsContext) {
  defineRoute(
    app,
    {
      method: 'POST',
      url: '/api/v1/requests/:id/notifications/:recipient',
      summary:
        'Mark a recipient as told (or not yet) of the rectification, erasure or restriction (Art. 19): the officer task of a request',
      tags: ['requests'],
      auth: write,
      params: idParams.extend({ recipient: z.string().min(1).max(100) }),
      body: notificationMarkSchema,
      response: requestDetailSchema,
      errors: [401, 403, 404, 409, 422],
    },
    async ({ params, body, request }) => {
      const caller = callerOf(request);
      await markNotification(context, caller, params.id, params.recipient, body.done, caller.actor);
      return detail(context, caller, await loadRequest(context, caller, params.id));
    },
  );

  defineRoute(
    app,
    {
      method: 'GET',
      url: '/api/v1/requests/:id/package',
      summary: 'The package of an access request, for staff handing it over in person (audited)',
      tags: ['requests'],
      auth: write,
      params: idParams,
      produces: 'application/zip',
      errors: [401, 403, 404],
    },
    async ({ params, request, reply }) => {
      const caller = callerOf(request);
      const file = await staffPackage(context, caller, params.id, caller);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .type('application/zip')
        .send(file.content);
    },
  );
}

/** A recipient's name, or the officer's restriction task in words (the charter's default language; console only). */
function notificationName(charter: Charter, n: { recipient: string; detail: Record<string, unknown> }): string {
  if (!isRestrictionTask(n.recipient)) return recipientName(charter, n.recipient);
  const language: Language = charter.defaultLanguage ?? charter.languages[0] ?? 'en';
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return fill(rightsTexts[language].restrictionTask, { store: text(n.detail.store), table: text(n.detail.table) });
}
