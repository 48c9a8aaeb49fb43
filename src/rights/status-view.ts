/**
 * The status page's view of a request: the request behind a browser's status cookie, and, for a person verified in
 * the last day, their purpose consents and withdrawing one (Art. 7(3)).
 */
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { RightsContext } from './context.js';
import { findRequest, recordEvent, findSession, type RightsRequest } from './repository.js';

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
