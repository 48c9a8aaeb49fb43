/**
 * Fulfilment: a verified request becomes work on the organisation's stores and consent ledger. `advance` starts it
 * once the grace period (erasure) is over; `work` either prepares the plan for a privacy officer's approval
 * (approval-plan.ts) or executes (execution.ts), then records the result and tells the requester. Every step is
 * resumable: work is claimed with a lease (a crashed worker's request is taken again), and the stores engine is
 * idempotent per job id.
 */
import type { ExpressionBuilder, Transaction, UpdateObject } from 'kysely';
import type { AuditInput } from '../audit/trail.js';
import { activeCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import { notFound } from '../platform/errors.js';
import { prepareForApproval } from './approval-plan.js';
import { safeMessage, type RightsContext } from './context.js';
import { execute } from './execution.js';
import { mailOfficers } from './officer-mail.js';
import { claimReminder, patchRequest, recordEvent, recordTransition, transition } from './repository.js';
import { toRequest, type RightsRequest } from './request-row.js';
import type { RightsDb } from './tables.js';
import { assertTransition, needsApproval, type RequestState } from './workflow.js';

export { mailOfficers } from './officer-mail.js';

const rightsView = viewOf<RightsDb>();
type RequestUpdate = UpdateObject<RightsDb, 'rights_requests'>;

/** How long a worker holds a request it executes before another may take it over. */
const leaseMs = 10 * 60_000;
/** After this many failed executions the privacy officer is told (Charter keeps retrying with backoff). */
const failuresBeforeAlert = 3;

/**
 * Moves a verified request to in-progress inside the caller's transaction when nothing makes it wait (no grace period
 * left), so that verification and the start of the work commit together. Returns the started request, if any.
 */
export async function startIfReady<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  request: RightsRequest,
  now: Date,
  defer?: AuditInput[],
): Promise<RightsRequest | undefined> {
  if (!readyToStart(request, now)) return undefined;
  return transition(trx, scope, request, 'in-progress', {
    actor: 'system',
    at: now,
    patch: { next_attempt_at: null, attempts: 0, last_error: null },
    ...(defer ? { defer } : {}),
  });
}

function readyToStart(request: RightsRequest, now: Date): boolean {
  return request.state === 'verified' && !(request.executeAfter && request.executeAfter > now);
}

/**
 * One conditional UPDATE of a request in `state` whose `due` time has come (or is unset): it takes the row lock and
 * checks state and time together, so two workers cannot both win. The row as written, or undefined when it did not
 * match.
 */
async function updateIfDue<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  when: { state: RequestState; due: 'execute_after' | 'next_attempt_at'; now: Date },
  set: RequestUpdate | ((eb: ExpressionBuilder<RightsDb, 'rights_requests'>) => RequestUpdate),
) {
  return rightsView(trx)
    .updateTable('rights_requests')
    .set(set)
    .where('organisation_id', '=', requireScope(scope))
    .where('id', '=', requestId)
    .where('state', '=', when.state)
    .where((eb) => eb.or([eb(when.due, 'is', null), eb(when.due, '<=', when.now)]))
    .returningAll()
    .executeTakeFirst();
}

/** A request this worker holds (lease taken), with the charter it is worked under. */
interface Claimed {
  request: RightsRequest;
  charter: Charter | undefined;
}

/**
 * Starts a verified request once its grace period (if any) is over, and works on an in-progress one. Starting, taking
 * the lease and reading the charter share one transaction (eight fewer round trips per request than apart).
 */
export async function advance(context: RightsContext, scope: OrgScope, requestId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return;
  const now = context.now();
  const claimed = await inOrganisation(context.db, scope, async (trx): Promise<Claimed | undefined> => {
    const readCharter = () => activeCharter(trx, scope);
    return (
      (await startIn(trx, scope, requestId, now, readCharter)) ??
      (await claimIn(trx, scope, requestId, now, readCharter))
    );
  });
  if (claimed) await proceed(context, scope, claimed);
}

/**
 * Verified → in-progress when no grace period is left, with the lease already taken (the row a start followed by a
 * claim would leave, written once): one conditional UPDATE, which takes the row lock and checks state and grace
 * period together. Undefined, with nothing written, when the request is not verified or must still wait.
 */
async function startIn<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  now: Date,
  readCharter: () => Promise<{ charter: Charter } | undefined>,
): Promise<Claimed | undefined> {
  assertTransition('verified', 'in-progress');
  const row = await updateIfDue(
    trx,
    scope,
    requestId,
    { state: 'verified', due: 'execute_after', now },
    {
      state: 'in-progress',
      updated_at: now,
      next_attempt_at: new Date(now.getTime() + leaseMs),
      attempts: 1,
      last_error: null,
    },
  );
  if (!row) return undefined;
  const request = toRequest(row);
  // Read before the audit entry, which holds the organisation's chain head until this transaction commits.
  const charter = (await readCharter())?.charter;
  await recordTransition(trx, scope, { ...request, state: 'verified' }, 'in-progress', { actor: 'system', at: now });
  return { request, charter };
}

/** Plans or executes an in-progress request. Failures are recorded (without personal data) and retried later. */
export async function work(context: RightsContext, scope: OrgScope, requestId: string): Promise<void> {
  const now = context.now();
  const claimed = await inOrganisation(context.db, scope, (trx) =>
    claimIn(trx, scope, requestId, now, () => activeCharter(trx, scope)),
  );
  if (claimed) await proceed(context, scope, claimed);
}

/**
 * Takes an in-progress request for this worker (lease) in the caller's transaction, and reads the charter there too;
 * undefined when another worker holds it or it moved on.
 */
async function claimIn<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  now: Date,
  readCharter: () => Promise<{ charter: Charter } | undefined>,
): Promise<Claimed | undefined> {
  const row = await updateIfDue(
    anyTrx,
    scope,
    requestId,
    { state: 'in-progress', due: 'next_attempt_at', now },
    (eb) => ({
      next_attempt_at: new Date(now.getTime() + leaseMs),
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }),
  );
  return row ? { request: toRequest(row), charter: (await readCharter())?.charter } : undefined;
}

async function proceed(context: RightsContext, scope: OrgScope, { request, charter }: Claimed): Promise<void> {
  if (!charter) throw notFound('charter');
  try {
    const approvalStep =
      !request.approvedAt &&
      (needsApproval(charter, request.type, request.details) || request.type === 'rectification');
    if (approvalStep) await prepareForApproval(context, scope, charter, request);
    else await execute(context, scope, charter, request);
  } catch (error) {
    await recordFailure(context, scope, charter, request, error);
  }
}

async function recordFailure(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
  error: unknown,
) {
  const now = context.now();
  const message = safeMessage(error);
  const delay = Math.min(3_600_000, 60_000 * 2 ** Math.max(0, request.attempts - 1));
  await inOrganisation(context.db, scope, async (trx) => {
    await patchRequest(
      trx,
      scope,
      request.id,
      { last_error: message, next_attempt_at: new Date(now.getTime() + delay) },
      now,
    );
    await recordEvent(trx, scope, request, {
      actor: 'system',
      kind: 'execution-failed',
      at: now,
      data: { attempts: request.attempts, error: message },
    });
  });
  context.deps.logger.warn(
    { request: request.id, attempts: request.attempts, error: message },
    'request execution failed',
  );
  if (request.attempts >= failuresBeforeAlert && (await claimReminder(context.db, scope, request.id, 'failure', now))) {
    await mailOfficers(context, scope, charter, request, 'failure', { attempts: request.attempts, error: message });
  }
}

/** Requests a worker should pick up again: in progress and due for (re)execution, including ones whose lease ran out. */
export async function resumableRequests(context: RightsContext, scope: OrgScope, now: Date): Promise<string[]> {
  const organisationId = requireScope(scope);
  const rows = await inOrganisation(context.db, scope, (trx) =>
    trx
      .selectFrom('rights_requests')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('state', '=', 'in-progress')
      .where((eb) =>
        eb.or([
          eb('next_attempt_at', '<=', now),
          eb.and([eb('next_attempt_at', 'is', null), eb('updated_at', '<=', new Date(now.getTime() - leaseMs))]),
        ]),
      )
      .limit(100)
      .execute(),
  );
  return rows.map((r) => r.id);
}
