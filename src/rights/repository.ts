/**
 * SQL of the rights domain. Every function takes an organisation scope (and fails closed without one) and, when it
 * changes a request, writes the timeline event and the audit entry in the caller's transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit } from '../audit/trail.js';
import type { RequestType } from '../charter/schema.js';
import type { Database } from '../database.js';
import { conflict } from '../platform/errors.js';
import { requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { RightsRequestTable } from './tables.js';
import {
  assertTransition,
  finalStates,
  type RefusalReason,
  type RequestChannel,
  type RequestDetails,
  type RequestState,
  type VerificationLevel,
} from './workflow.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** A request as the domain sees it. Identity and contacts are personal data: never logged, never audited. */
export interface RightsRequest {
  id: string;
  reference: string;
  siteId: string;
  type: RequestType;
  state: RequestState;
  channel: RequestChannel;
  language: string;
  identity: { type: string; value: string };
  identityHash: string;
  declaredContact: string | null;
  details: RequestDetails;
  verificationLevel: VerificationLevel;
  identityKnown: boolean | null;
  contacts: string[];
  receivedAt: Date;
  dueOn: string;
  dueAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  dispatchedAt: Date | null;
  codeVerifiedAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  confirmedAt: Date | null;
  executeAfter: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  closedAt: Date | null;
  refusalReason: RefusalReason | null;
  refusalExplanation: string | null;
  overrideRequestedBy: string | null;
  overrideRequestedAt: Date | null;
  overrideReason: string | null;
  plan: unknown;
  result: unknown;
  changes: unknown;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdBy: string;
  updatedAt: Date;
}

function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toRequest(row: Selectable<RightsRequestTable>): RightsRequest {
  return {
    id: row.id,
    reference: row.reference,
    siteId: row.site_id,
    type: row.type as RequestType,
    state: row.state as RequestState,
    channel: row.channel as RequestChannel,
    language: row.language,
    identity: { type: row.identity_type, value: row.identity_value },
    identityHash: row.identity_hash,
    declaredContact: row.declared_contact,
    details: json<RequestDetails>(row.details, {}),
    verificationLevel: row.verification_level as VerificationLevel,
    identityKnown: row.identity_known,
    contacts: json<string[]>(row.contacts, []),
    receivedAt: row.received_at,
    dueOn: row.due_on,
    dueAt: row.due_at,
    extendedAt: row.extended_at,
    extensionReason: row.extension_reason,
    dispatchedAt: row.dispatched_at,
    codeVerifiedAt: row.code_verified_at,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
    confirmedAt: row.confirmed_at,
    executeAfter: row.execute_after,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    closedAt: row.closed_at,
    refusalReason: row.refusal_reason as RefusalReason | null,
    refusalExplanation: row.refusal_explanation,
    overrideRequestedBy: row.override_requested_by,
    overrideRequestedAt: row.override_requested_at,
    overrideReason: row.override_reason,
    plan: json<unknown>(row.plan, null),
    result: json<unknown>(row.result, null),
    changes: json<unknown>(row.changes, null),
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** A short, unambiguous reference: `R-` and 8 characters without 0/O/1/I. */
export function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `R-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface NewRequest {
  id: string;
  siteId: string;
  type: RequestType;
  channel: RequestChannel;
  language: string;
  identity: { type: string; value: string };
  identityHash: string;
  declaredContact: string | null;
  details: RequestDetails;
  verificationLevel: VerificationLevel;
  receivedAt: Date;
  dueOn: string;
  dueAt: Date;
  createdBy: string;
}

/** Inserts a received request with its first event and audit entry. */
export async function insertRequest(
  trx: Transaction<Database>,
  scope: OrgScope,
  input: NewRequest,
): Promise<RightsRequest> {
  const organisationId = requireScope(scope);
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    const clash = await trx
      .selectFrom('rights_requests')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (clash && attempt < 5) continue;
    const row = await trx
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
    await recordAudit(
      trx,
      scope,
      {
        actor: input.createdBy,
        action: 'request.received',
        target: `request:${input.id}`,
        data: { type: input.type, channel: input.channel, site: input.siteId, dueOn: input.dueOn },
      },
      input.receivedAt,
    );
    return toRequest(row);
  }
}

/** One request, optionally locked for update (inside a transaction). */
export async function findRequest(
  db: Db,
  scope: OrgScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RightsRequest | undefined> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
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

export interface EventInput {
  requestId: string;
  at: Date;
  actor: string;
  kind: string;
  fromState?: RequestState | null;
  toState?: RequestState | null;
  data?: Record<string, unknown>;
}

export async function addEvent(db: Db, scope: OrgScope, input: EventInput): Promise<void> {
  const organisationId = requireScope(scope);
  await db
    .insertInto('rights_events')
    .values({
      organisation_id: organisationId,
      request_id: input.requestId,
      at: input.at,
      actor: input.actor,
      kind: input.kind,
      from_state: input.fromState ?? null,
      to_state: input.toState ?? null,
      data: JSON.stringify(input.data ?? {}),
    })
    .execute();
}

/** Records an event that is not a state change (a mail sent, a wrong code, an extension) in the timeline and the audit trail. */
export async function recordEvent(
  trx: Transaction<Database>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type'>,
  input: { actor: string; kind: string; at: Date; data?: Record<string, unknown> },
): Promise<void> {
  await addEvent(trx, scope, {
    requestId: request.id,
    at: input.at,
    actor: input.actor,
    kind: input.kind,
    data: input.data ?? {},
  });
  await recordAudit(
    trx,
    scope,
    {
      actor: input.actor,
      action: `request.${input.kind}`,
      target: `request:${request.id}`,
      data: { type: request.type, ...(input.data ?? {}) },
    },
    input.at,
  );
}

export type RequestPatch = Omit<Updateable<RightsRequestTable>, 'organisation_id' | 'id' | 'state' | 'updated_at'>;

/**
 * Moves a request to `to` (checked against the workflow), applying `patch`, with the timeline event and audit entry in
 * the same transaction. Fails with a conflict when the request changed state meanwhile (optimistic check on state).
 */
export async function transition(
  trx: Transaction<Database>,
  scope: OrgScope,
  request: Pick<RightsRequest, 'id' | 'type' | 'state'>,
  to: RequestState,
  input: { actor: string; at: Date; patch?: RequestPatch; data?: Record<string, unknown> },
): Promise<RightsRequest> {
  const organisationId = requireScope(scope);
  assertTransition(request.state, to);
  const row = await trx
    .updateTable('rights_requests')
    .set({ ...(input.patch ?? {}), state: to, updated_at: input.at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', request.id)
    .where('state', '=', request.state)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw conflict('The request changed meanwhile; reload it.');
  const data = input.data ?? {};
  await addEvent(trx, scope, {
    requestId: request.id,
    at: input.at,
    actor: input.actor,
    kind: 'state',
    fromState: request.state,
    toState: to,
    data,
  });
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
  // The audit entry last: every audited change of the organisation queues on the chain's head until this commits.
  await recordAudit(
    trx,
    scope,
    {
      actor: input.actor,
      action: `request.${to}`,
      target: `request:${request.id}`,
      data: { type: request.type, from: request.state, to, ...data },
    },
    input.at,
  );
  return toRequest(row);
}

/** Updates fields of a request without changing its state (no event: callers record one when it matters). */
export async function patchRequest(db: Db, scope: OrgScope, id: string, patch: RequestPatch, at: Date): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    await db
      .updateTable('rights_requests')
      .set({ ...patch, updated_at: at })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}

export interface TimelineEntry {
  at: Date;
  actor: string;
  kind: string;
  from: string | null;
  to: string | null;
  data: Record<string, unknown>;
}

export async function timeline(db: Db, scope: OrgScope, requestId: string): Promise<TimelineEntry[]> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
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

export interface RequestFilter {
  states?: RequestState[] | undefined;
  types?: RequestType[] | undefined;
  site?: string | undefined;
  dueBefore?: Date | undefined;
  overdueAt?: Date | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listRequests(
  db: Db,
  scope: OrgScope,
  filter: RequestFilter,
): Promise<{ total: number; requests: RightsRequest[] }> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
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

// ---------------------------------------------------------------------------------------------------------------
// Sessions: which browser holds what on a request

export interface RequestSession {
  requestId: string;
  provenAt: Date | null;
}

export async function insertSession(
  db: Db,
  scope: OrgScope,
  row: { tokenHash: string; requestId: string; createdAt: Date; provenAt: Date | null; expiresAt: Date },
): Promise<void> {
  const organisationId = requireScope(scope);
  await withinOrganisation(db, scope, (trx) =>
    trx
      .insertInto('rights_sessions')
      .values({
        organisation_id: organisationId,
        token_hash: row.tokenHash,
        request_id: row.requestId,
        created_at: row.createdAt,
        proven_at: row.provenAt,
        expires_at: row.expiresAt,
      })
      .execute(),
  );
}

/** The live session with this token hash on this request, or undefined. */
export async function findSession(
  db: Db,
  scope: OrgScope,
  requestId: string,
  tokenHash: string,
  now: Date,
): Promise<RequestSession | undefined> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('rights_sessions')
      .select(['request_id', 'proven_at'])
      .where('organisation_id', '=', organisationId)
      .where('token_hash', '=', tokenHash)
      .where('request_id', '=', requestId)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row ? { requestId: row.request_id, provenAt: row.proven_at ? new Date(row.proven_at) : null } : undefined;
  });
}

/** Marks one browser's session as holding the mailed secret (the code was typed in it). */
export async function proveSession(
  db: Db,
  scope: OrgScope,
  requestId: string,
  tokenHash: string,
  at: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  await withinOrganisation(db, scope, async (trx) => {
    await trx
      .updateTable('rights_sessions')
      .set({ proven_at: at })
      .where('organisation_id', '=', organisationId)
      .where('token_hash', '=', tokenHash)
      .where('request_id', '=', requestId)
      .where('expires_at', '>', at)
      .execute();
  });
}

export async function pruneSessions(db: Db, scope: OrgScope, before: Date): Promise<void> {
  const organisationId = requireScope(scope);
  await withinOrganisation(db, scope, async (trx) => {
    await trx
      .deleteFrom('rights_sessions')
      .where('organisation_id', '=', organisationId)
      .where('expires_at', '<', before)
      .execute();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Codes and links

export interface CodeRow {
  id: string;
  requestId: string;
  purpose: 'verify' | 'cancel' | 'download';
  codeHash: string | null;
  linkHash: string | null;
  packageId: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  attempts: number;
  lockedAt: Date | null;
}

function toCode(row: Selectable<Database['rights_codes']>): CodeRow {
  return {
    id: row.id,
    requestId: row.request_id,
    purpose: row.purpose as CodeRow['purpose'],
    codeHash: row.code_hash,
    linkHash: row.link_hash,
    packageId: row.package_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    attempts: row.attempts,
    lockedAt: row.locked_at,
  };
}

export async function insertCode(
  db: Db,
  scope: OrgScope,
  code: Omit<CodeRow, 'usedAt' | 'attempts' | 'lockedAt'>,
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    await db
      .insertInto('rights_codes')
      .values({
        organisation_id: organisationId,
        id: code.id,
        request_id: code.requestId,
        purpose: code.purpose,
        code_hash: code.codeHash,
        link_hash: code.linkHash,
        package_id: code.packageId,
        created_at: code.createdAt,
        expires_at: code.expiresAt,
        attempts: 0,
      })
      .execute();
  });
}

/** The newest code of a request for a purpose (and package), locked. Older codes are superseded by it. */
export async function latestCode(
  trx: Transaction<Database>,
  scope: OrgScope,
  requestId: string,
  purpose: CodeRow['purpose'],
  packageId?: string,
): Promise<CodeRow | undefined> {
  const organisationId = requireScope(scope);
  let query = trx
    .selectFrom('rights_codes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('request_id', '=', requestId)
    .where('purpose', '=', purpose)
    .where('code_hash', 'is not', null);
  if (packageId) query = query.where('package_id', '=', packageId);
  const row = await query.orderBy('created_at', 'desc').limit(1).forUpdate().executeTakeFirst();
  return row ? toCode(row) : undefined;
}

export async function codeByLink(
  trx: Transaction<Database>,
  scope: OrgScope,
  linkHash: string,
): Promise<CodeRow | undefined> {
  const organisationId = requireScope(scope);
  const row = await trx
    .selectFrom('rights_codes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('link_hash', '=', linkHash)
    .forUpdate()
    .executeTakeFirst();
  return row ? toCode(row) : undefined;
}

export async function updateCode(
  db: Db,
  scope: OrgScope,
  id: string,
  patch: { used_at?: Date; attempts?: number; locked_at?: Date },
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    await db
      .updateTable('rights_codes')
      .set(patch)
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}

/** Invalidates every unused code of a request for a purpose (a new code supersedes them). */
export async function retireCodes(
  db: Db,
  scope: OrgScope,
  requestId: string,
  purpose: CodeRow['purpose'],
  at: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    await db
      .updateTable('rights_codes')
      .set({ locked_at: at })
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('locked_at', 'is', null)
      .execute();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Packages

export interface PackageRow {
  id: string;
  requestId: string;
  createdAt: Date;
  expiresAt: Date;
  fileName: string;
  size: number;
  sha256: string;
  hasContent: boolean;
  downloadedAt: Date | null;
  deletedAt: Date | null;
}

export async function insertPackage(
  db: Db,
  scope: OrgScope,
  input: {
    id: string;
    requestId: string;
    createdAt: Date;
    expiresAt: Date;
    fileName: string;
    content: Uint8Array;
    sha256: string;
    linkHash: string;
  },
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    await db
      .insertInto('rights_packages')
      .values({
        organisation_id: organisationId,
        id: input.id,
        request_id: input.requestId,
        created_at: input.createdAt,
        expires_at: input.expiresAt,
        file_name: input.fileName,
        size: input.content.byteLength,
        sha256: input.sha256,
        content: Buffer.from(input.content),
        link_hash: input.linkHash,
      })
      .execute();
  });
}

const packageColumns = [
  'id',
  'request_id',
  'created_at',
  'expires_at',
  'file_name',
  'size',
  'sha256',
  'downloaded_at',
  'deleted_at',
] as const;

function toPackage(
  row: Pick<Selectable<Database['rights_packages']>, (typeof packageColumns)[number]> & { has_content: boolean },
): PackageRow {
  return {
    id: row.id,
    requestId: row.request_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    fileName: row.file_name,
    size: row.size,
    sha256: row.sha256,
    hasContent: row.has_content,
    downloadedAt: row.downloaded_at,
    deletedAt: row.deleted_at,
  };
}

export async function packageByLink(
  trx: Transaction<Database>,
  scope: OrgScope,
  linkHash: string,
): Promise<PackageRow | undefined> {
  const organisationId = requireScope(scope);
  const row = await trx
    .selectFrom('rights_packages')
    .select([...packageColumns, sql<boolean>`content is not null`.as('has_content')])
    .where('organisation_id', '=', organisationId)
    .where('link_hash', '=', linkHash)
    .forUpdate()
    .executeTakeFirst();
  return row ? toPackage(row) : undefined;
}

export async function packagesOf(db: Db, scope: OrgScope, requestId: string): Promise<PackageRow[]> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    const rows = await db
      .selectFrom('rights_packages')
      .select([...packageColumns, sql<boolean>`content is not null`.as('has_content')])
      .where('organisation_id', '=', organisationId)
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .execute();
    return rows.map(toPackage);
  });
}

export async function packageContent(db: Db, scope: OrgScope, packageId: string): Promise<Buffer | undefined> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    const row = await db
      .selectFrom('rights_packages')
      .select('content')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', packageId)
      .executeTakeFirst();
    return row?.content ? Buffer.from(row.content) : undefined;
  });
}

export async function updatePackage(
  db: Db,
  scope: OrgScope,
  id: string,
  patch: { downloaded_at?: Date | null; deleted_at?: Date; content?: null; link_hash?: string; expires_at?: Date },
): Promise<void> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    await db
      .updateTable('rights_packages')
      .set(patch)
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .execute();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reminders

/** Marks a reminder as sent; false when it was already (exactly once, even with several processes). */
export async function claimReminder(
  db: Db,
  scope: OrgScope,
  requestId: string,
  kind: string,
  at: Date,
): Promise<boolean> {
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    const result = await db
      .insertInto('rights_reminders')
      .values({ organisation_id: organisationId, request_id: requestId, kind, sent_at: at })
      .onConflict((oc) => oc.columns(['organisation_id', 'request_id', 'kind']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  });
}
