/**
 * A rights request as the domain sees it, and how a `rights_requests` row (JSON columns included) becomes one.
 */
import type { Selectable } from 'kysely';
import type { RequestType } from '../charter/schema.js';
import type { RightsRequestTable } from './tables.js';
import type { RefusalReason, RequestChannel, RequestDetails, RequestState, VerificationLevel } from './workflow.js';

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

/** A JSON column as read back: PGlite and pg parse jsonb, older rows may hold text. */
export function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** The domain's view of a `rights_requests` row. */
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
