/**
 * A request's timeline: the events shown with it (state changes, mails sent, wrong codes, extensions) and, for the ones
 * that are not a state change, their audit entry in the caller's transaction; and the reminders already sent about a
 * request (each kind exactly once).
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type AuditInput } from '../audit/trail.js';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import { json, type RightsRequest } from './request-row.js';
import type { RightsDb } from './tables.js';
import type { RequestState } from './workflow.js';

const rightsView = viewOf<RightsDb>();

export interface EventInput {
  requestId: string;
  at: Date;
  actor: string;
  kind: string;
  fromState?: RequestState | null;
  toState?: RequestState | null;
  data?: Record<string, unknown>;
}

/** Appends one event to a request's timeline (no audit entry: the caller writes the one that fits). */
export async function addEvent<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: EventInput,
): Promise<void> {
  await addEvents(anyDb, scope, [input]);
}

/** Appends events to timelines in one statement, in the order given. */
export async function addEvents<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  inputs: readonly EventInput[],
): Promise<void> {
  const organisationId = requireScope(scope);
  if (inputs.length === 0) return;
  await rightsView(anyDb)
    .insertInto('rights_events')
    .values(
      inputs.map((input) => ({
        organisation_id: organisationId,
        request_id: input.requestId,
        at: input.at,
        actor: input.actor,
        kind: input.kind,
        from_state: input.fromState ?? null,
        to_state: input.toState ?? null,
        data: JSON.stringify(input.data ?? {}),
      })),
    )
    .execute();
}

/** Records an event that is not a state change (a mail sent, a wrong code, an extension) in the timeline and the audit trail. */
export async function recordEvent<DB extends RightsDb>(
  trx: Transaction<DB>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type'>,
  input: EventRecord,
): Promise<void> {
  await addEvent(trx, scope, {
    requestId: request.id,
    at: input.at,
    actor: input.actor,
    kind: input.kind,
    data: input.data ?? {},
  });
  await recordAudit(trx, scope, eventAudit(request, input), input.at);
}

export interface EventRecord {
  actor: string;
  kind: string;
  at: Date;
  data?: Record<string, unknown>;
}

/** The audit entry of an event that is not a state change, for a caller that writes it with others (recordTransition). */
export function eventAudit(request: Pick<RightsRequest, 'id' | 'type'>, input: EventRecord): AuditInput {
  return {
    actor: input.actor,
    action: `request.${input.kind}`,
    target: `request:${request.id}`,
    data: { type: request.type, ...(input.data ?? {}) },
  };
}

export interface TimelineEntry {
  at: Date;
  actor: string;
  kind: string;
  from: string | null;
  to: string | null;
  data: Record<string, unknown>;
}

/** A request's events, oldest first. */
export async function timeline<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
): Promise<TimelineEntry[]> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    const rows = await db
      .selectFrom('rights_events')
      .select(['at', 'actor', 'kind', 'from_state', 'to_state', 'data'])
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      at: r.at,
      actor: r.actor,
      kind: r.kind,
      from: r.from_state,
      to: r.to_state,
      data: json<Record<string, unknown>>(r.data, {}),
    }));
  });
}

/** Marks a reminder as sent; false when it was already (exactly once, even with several processes). */
export async function claimReminder<DB extends RightsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  requestId: string,
  kind: string,
  at: Date,
): Promise<boolean> {
  const organisationId = requireScope(scope);
  return withinOrganisation(rightsView(anyDb), scope, async (db) => {
    const result = await db
      .insertInto('rights_reminders')
      .values({ organisation_id: organisationId, request_id: requestId, kind, sent_at: at })
      .onConflict((oc) => oc.columns(['organisation_id', 'request_id', 'kind']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  });
}
