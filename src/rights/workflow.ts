/**
 * The life of a data-subject request, as pure rules: its states, which transitions are allowed, which verification
 * level and approval a request type needs under a charter, and the reasons a request may close without being
 * fulfilled. The repository applies these rules; nothing here touches a database.
 */
import { approximateDays, duration } from '../charter/duration.js';
import type { Charter, RequestType } from '../charter/schema.js';
import { InvariantError } from '../platform/errors.js';
import { addDurationInZone } from './deadline.js';

export const requestStates = [
  'received',
  'awaiting-verification',
  'verified',
  'in-progress',
  'awaiting-approval',
  'completed',
  'refused',
  'withdrawn',
] as const;
export type RequestState = (typeof requestStates)[number];

export const finalStates: readonly RequestState[] = ['completed', 'refused', 'withdrawn'];
export const openStates: readonly RequestState[] = requestStates.filter((s) => !finalStates.includes(s));

/**
 * Allowed transitions. `in-progress → awaiting-approval → in-progress`: the plan is computed first (a dry run), a
 * privacy officer approves it, then it is executed.
 */
const transitions: Record<RequestState, readonly RequestState[]> = {
  received: ['awaiting-verification', 'verified', 'refused', 'withdrawn'],
  'awaiting-verification': ['verified', 'refused', 'withdrawn'],
  verified: ['in-progress', 'refused', 'withdrawn'],
  'in-progress': ['awaiting-approval', 'completed', 'refused'],
  'awaiting-approval': ['in-progress', 'refused', 'withdrawn'],
  completed: [],
  refused: [],
  withdrawn: [],
};

export function canTransition(from: RequestState, to: RequestState): boolean {
  return transitions[from].includes(to);
}

/** Throws a programming error for a transition the workflow does not allow (callers check with `canTransition`). */
export function assertTransition(from: RequestState, to: RequestState): void {
  if (!canTransition(from, to)) throw new InvariantError(`request cannot go from ${from} to ${to}`);
}

export function isFinal(state: RequestState): boolean {
  return finalStates.includes(state);
}

/** Why a request closed without being fulfilled (Art. 12(4) asks for the reasons and the right to complain). */
export const refusalReasons = ['unfounded', 'excessive', 'not-verifiable', 'compelling-grounds', 'other'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/** Channels a request can arrive by; the privacy center is `web`, the others are entered by staff or the API. */
export const requestChannels = ['web', 'email', 'post', 'phone', 'counter', 'api'] as const;
export type RequestChannel = (typeof requestChannels)[number];

export type VerificationLevel = 'code' | 'code-and-confirm' | 'account';

const levelRank: Record<VerificationLevel, number> = { code: 1, 'code-and-confirm': 2, account: 3 };

/** Defaults when the charter says nothing: a one-time code, plus an explicit confirmation for erasure. */
const defaultLevels: Record<RequestType, VerificationLevel> = {
  access: 'code',
  portability: 'code',
  rectification: 'code',
  erasure: 'code-and-confirm',
  restriction: 'code',
  objection: 'code',
  withdrawal: 'code',
};

/**
 * The verification level a request type needs. It comes from the charter only — nothing a requester or the API sends
 * can change it — and it never falls below the default for that type: a charter may make erasure stricter (`account`)
 * but not weaker than code plus confirmation.
 */
export function verificationLevel(charter: Charter, type: RequestType): VerificationLevel {
  const declared = charter.rights.verification[type];
  const floor = defaultLevels[type];
  if (!declared) return floor;
  return levelRank[declared] >= levelRank[floor] ? declared : floor;
}

/** Whether a privacy officer approves this type before it is executed (`rights.approval`). */
export function needsApproval(charter: Charter, type: RequestType, details: RequestDetails): boolean {
  // An objection to a legitimate interest is always weighed by a person (Art. 21(1): "compelling legitimate grounds").
  if (type === 'objection' && details.objection?.kind === 'legitimate-interest') return true;
  return charter.rights.approval.includes(type);
}

/** Art. 18(1) grounds for restriction. */
export const restrictionGrounds = [
  'accuracy-contested',
  'unlawful-processing',
  'legal-claims',
  'objection-pending',
] as const;
export type RestrictionGround = (typeof restrictionGrounds)[number];

/** What a requester adds to a request, by type. Free text is personal data: it never reaches logs or the audit trail. */
export interface RequestDetails {
  rectification?: { category?: string | undefined; desired: string; current?: string | undefined };
  restriction?: { ground: RestrictionGround; explanation?: string | undefined };
  objection?: {
    kind: 'direct-marketing' | 'legitimate-interest';
    purpose?: string | undefined;
    explanation?: string | undefined;
  };
  withdrawal?: { purpose: string };
  /** Free text for any type ("which data", context). */
  message?: string | undefined;
}

/** Whether fulfilment of a type waits for a grace period after verification (cancellable from the link). */
export function hasGracePeriod(type: RequestType): boolean {
  return type === 'erasure';
}

/** Whether the charter gives erasures a grace period at all: `erasureGracePeriod: P0D` means at once. */
export function erasureWaits(charter: Charter): boolean {
  return approximateDays(duration(charter.rights.erasureGracePeriod)) > 0;
}

/**
 * When a request confirmed at `now` is executed: the end of the erasure grace period, or null for at once — a
 * request of another type, or an erasure under `P0D`, which then has no cancel link and no lease to wait for.
 */
export function executeAfterFor(charter: Charter, type: RequestType, now: Date): Date | null {
  return hasGracePeriod(type) && erasureWaits(charter)
    ? addDurationInZone(now, charter.rights.erasureGracePeriod)
    : null;
}

/**
 * Whether the mailbox owner proved control (typed the code or used the mailed link) in some browser. From then on the
 * request's progress and every further step belong to the browser that did it: the browser that filed the request
 * may be an impostor's, and a click in the mailbox hands it nothing.
 */
export function provenByMailbox(request: { codeVerifiedAt: Date | null }): boolean {
  return request.codeVerifiedAt !== null;
}

/**
 * Whether a browser that did not present the mailed secret may still withdraw the request: only while nobody proved
 * control of the mailbox (it then withdraws what it filed itself, nothing the mailbox owner decided).
 */
export function filerMayCancel(request: { state: RequestState; codeVerifiedAt: Date | null }): boolean {
  return (request.state === 'received' || request.state === 'awaiting-verification') && !provenByMailbox(request);
}
