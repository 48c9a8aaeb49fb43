/**
 * SQL of a rights request itself: receiving it, reading it, moving it through the workflow and listing the inbox. Every
 * function takes an organisation scope (and fails closed without one) and, when it changes a request, writes the
 * timeline event and the audit entry in the caller's transaction. The request's codes, sessions, packages and events
 * live in modules of their own (re-exported here for the callers of this module).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit, recordAuditEntries, type AuditInput } from '../audit/trail.js';
import type { RequestType } from '../charter/schema.js';
import { conflict } from '../platform/errors.js';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import { addEvent, addEvents, type EventInput } from './request-events.js';
import { toRequest, type RightsRequest } from './request-row.js';
import type { RightsDb, RightsRequestTable } from './tables.js';
import { assertTransition, finalStates, type RequestState } from './workflow.js';

export { toRequest, type RightsRequest } from './request-row.js';
export {
  addEvent,
  recordEvent,
  timeline,
  claimReminder,
  type EventInput,
  type TimelineEntry,
} from './request-events.js';
export { insertSession, findSession, proveSession, pruneSessions, type RequestSession } from './request-sessions.js';
export {
  insertCode,
  insertCancelLink,
  latestCode,
  codeByLink,
  updateCode,
  retireCodes,
  type CodeRow,
} from './request-codes.js';
export {
  insertPackage,
  packageByLink,
  packagesOf,
  packageContent,
  updatePackage,
  type PackageRow,
} from './package-rows.js';

const rightsView = viewOf<RightsDb>();

/** A short, unambiguous reference: `R-` and 8 characters without 0/O/1/I. */
export function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `R-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What a received request is inserted with; the rest starts empty or is set as it moves on. */
export type NewRequest = Pick<
  RightsRequest,
  | 'id'
  | 'siteId'
  | 'type'
  | 'channel'
  | 'language'
  | 'identity'
  | 'identityHash'
  | 'declaredContact'
  | 'details'
  | 'verificationLevel'
  | 'receivedAt'
  | 'dueOn'
  | 'dueAt'
  | 'createdBy'
>;

/**
 * Inserts a received request with its first event and audit entry; with `defer`, the audit entry is collected there
 * for the caller to write last in its transaction (`recordAuditEntries`).
 */
export async function insertRequest<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  input: NewRequest,
  defer?: AuditInput[],
): Promise<RightsRequest> {
  const organisationId = requireScope(scope);
  const db = rightsView(trx);
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    const clash = await db
      .selectFrom('rights_requests')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (clash && attempt < 5) continue;
    const row = await db
      .insertInto('rights_requests')
      .values({
        organisation_id: organisationId,
        id: input.id,
        reference,
        site_id: input.siteId,
        type: input.type,
        state: 'received',
        channel: input.channel,
        language: input.language,
        identity_type: input.identity.type,
        identity_value: input.identity.value,
        identity_hash: input.identityHash,
        declared_contact: input.declaredContact,
        details: JSON.stringify(input.details),
        verification_level: input.verificationLevel,
        identity_known: null,
        contacts: '[]',
        received_at: input.receivedAt,
        due_on: input.dueOn,
        due_at: input.dueAt,
        created_by: input.createdBy,
        updated_at: input.receivedAt,
        attempts: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addEvent(trx, scope, {
      requestId: input.id,
      at: input.receivedAt,
      actor: input.createdBy,
      kind: 'received',
      toState: 'received',
      data: { type: input.type, channel: input.channel, site: input.siteId },
    });
    const audit: AuditInput = {
      actor: input.createdBy,
      action: 'request.received',
      target: `request:${input.id}`,
      data: { type: input.type, channel: input.channel, site: input.siteId, dueOn: input.dueOn },
    };
    if (defer) defer.push(audit);
    else await recordAudit(trx, scope, audit, input.receivedAt);
    return toRequest(row);
  }
}

/** One request, optionally locked for update (inside a transaction). */
export async function findRequest<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RightsRequest | undefined> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    let query = db
      .selectFrom('rights_requests')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id);
    if (options.lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? toRequest(row) : undefined;
  });
}

export type RequestPatch = Omit<Updateable<RightsRequestTable>, 'organisation_id' | 'id' | 'state' | 'updated_at'>;

/**
 * Moves a request to `to` (checked against the workflow), applying `patch`, with the timeline event and audit entry in
 * the same transaction. Fails with a conflict when the request changed state meanwhile (optimistic check on state).
 */
export async function transition<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type' | 'state'>,
  to: RequestState,
  input: TransitionInput,
): Promise<RightsRequest> {
  const moved = await moveState(trx, scope, request, to, input);
  if (!moved) throw conflict('The request changed meanwhile; reload it.');
  await recordTransition(trx, scope, request, to, input);
  return moved;
}

export interface TransitionInput {
  actor: string;
  at: Date;
  patch?: RequestPatch;
  data?: Record<string, unknown>;
  /** Audit entries of the same transaction written just before the transition's own, under one lock of the chain. */
  audit?: readonly AuditInput[];
  /**
   * Collects the audit entries instead of writing them: the caller writes them last in its transaction with
   * `recordAuditEntries` (the organisation's chain lock is then held from there to the commit only).
   */
  defer?: AuditInput[];
  /** Timeline events of the same transaction written with the transition's own, in one statement, before it. */
  events?: readonly EventInput[];
}

/**
 * The state change of `transition` alone: one conditional UPDATE (it takes the row lock, so it doubles as the
 * "lock, then check the state" of a caller), undefined when the request is no longer in `request.state`. The caller
 * must call `recordTransition` in the same transaction.
 */
export async function moveState<DB extends RightsDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'state'>,
  to: RequestState,
  input: Pick<TransitionInput, 'at' | 'patch'>,
): Promise<RightsRequest | undefined> {
  const organisationId = requireScope(scope);
  assertTransition(request.state, to);
  const row = await rightsView(anyTrx)
    .updateTable('rights_requests')
    .set({ ...(input.patch ?? {}), state: to, updated_at: input.at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', request.id)
    .where('state', '=', request.state)
    .returningAll()
    .executeTakeFirst();
  return row ? toRequest(row) : undefined;
}

/** The timeline event, webhook events and audit entry of a state change made by `moveState` in this transaction. */
export async function recordTransition<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type' | 'state'>,
  to: RequestState,
  input: TransitionInput,
): Promise<void> {
  const data = input.data ?? {};
  await addEvents(trx, scope, [
    ...(input.events ?? []),
    {
      requestId: request.id,
      at: input.at,
      actor: input.actor,
      kind: 'state',
      fromState: request.state,
      toState: to,
      data,
    },
  ]);
  // Subscribers hear of it in the same transaction (ids and states only): verified, and every way a request ends.
  if (to === 'verified')
    await emitWebhookEvent(
      trx,
      scope,
      'request.verified',
      { requestId: request.id, requestType: request.type },
      input.at,
    );
  if (finalStates.includes(to))
    await emitWebhookEvent(
      trx,
      scope,
      'request.completed',
      { requestId: request.id, requestType: request.type, state: to },
      input.at,
    );
  const entries: AuditInput[] = [
    ...(input.audit ?? []),
    {
      actor: input.actor,
      action: `request.${to}`,
      target: `request:${request.id}`,
      data: { type: request.type, from: request.state, to, ...data },
    },
  ];
  if (input.defer) input.defer.push(...entries);
  // The audit entries last: every audited change of the organisation queues on the chain's head until this commits.
  else await recordAuditEntries(trx, scope, entries, input.at);
}

/** Updates fields of a request without changing its state (no event: callers record one when it matters). */
export async function patchRequest<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  id: string,
  patch: RequestPatch,
  at: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    await db
      .updateTable('rights_requests')
      .set({ ...patch, updated_at: at })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}

export interface RequestFilter {
  states?: RequestState[] | undefined;
  types?: RequestType[] | undefined;
  site?: string | undefined;
  dueBefore?: Date | undefined;
  overdueAt?: Date | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listRequests<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  filter: RequestFilter,
): Promise<{ total: number; requests: RightsRequest[] }> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    let query = db.selectFrom('rights_requests').where('organisation_id', '=', organisationId);
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.types?.length) query = query.where('type', 'in', filter.types);
    if (filter.site) query = query.where('site_id', '=', filter.site);
    if (filter.dueBefore) query = query.where('due_at', '<=', filter.dueBefore);
    if (filter.overdueAt) {
      query = query
        .where('due_at', '<=', filter.overdueAt)
        .where('state', 'not in', ['completed', 'refused', 'withdrawn']);
    }
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('due_at')
      .orderBy('received_at')
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0)
      .execute();
    return { total: Number(total.n), requests: rows.map(toRequest) };
  });
}
