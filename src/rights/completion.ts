/**
 * Completion of an executed request: one transaction records the result, the package, the Art. 19 notifications and
 * the remembered restriction with the state change and its audit entries; then the requester is told (the package
 * link, or what was done and who else was told).
 */
import type { Charter, Language } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { RightsContext } from './context.js';
import type { PreparedPackage } from './access-package.js';
import { completedMail, erasureLines, mailContext, remedies } from './mails.js';
import { mailRecipients, notificationsOf, recordNotifications, type NotificationRecord } from './notifications.js';
import { ownDataUntouched, personLines, personMail, type ProcessorFinding } from './processor-data.js';
import {
  forThePerson,
  informsRecipients,
  notificationLines,
  type NotificationView,
  type PlannedNotification,
} from './recipients.js';
import { insertPackage, moveState, recordTransition } from './repository.js';
import { eventAudit } from './request-events.js';
import { identitiesOf } from './request-identities.js';
import type { RightsRequest } from './request-row.js';
import { rememberRestriction, type UnmarkedTable } from './restricted-identities.js';
import type { ErasureSummary } from './results.js';

/** What the work on the stores and the ledger produced, to be recorded by the completion. */
export interface Execution {
  result: Record<string, unknown>;
  /** Art. 19: who is told of a rectification, erasure or restriction, and how; recorded with the completion. */
  notifications: PlannedNotification[];
  /** Rows found in data held for customers (Art. 28): left alone by the stores, routed to the controller. */
  processor: { customer: string; rows: number }[];
  /** Tables a restriction could not be marked in: Charter remembers the person's identities for retention. */
  unmarked: UnmarkedTable[];
  /** Access and portability: the package to store and how to deliver its single-use link afterwards. */
  delivery?: { package: PreparedPackage; deliver: () => Promise<void> };
}

/** The completed request and the notification records as the completing transaction left them. */
export interface Completed {
  request: RightsRequest;
  recorded: NotificationRecord[] | undefined;
}

/**
 * Records the execution and moves the request to `completed`, in one transaction; undefined (nothing written) when the
 * request is no longer in progress (another worker finished it, or staff moved it meanwhile). Replaces the package's
 * bytes in `done.result` by what the result keeps of them.
 */
export async function completeRequest(
  context: RightsContext,
  scope: OrgScope,
  request: RightsRequest,
  done: Execution,
): Promise<Completed | undefined> {
  const now = context.now();
  const p = done.delivery?.package;
  if (p)
    done.result = {
      ...done.result,
      package: { id: p.id, size: p.content.byteLength, sha256: p.sha256, expiresAt: p.expiresAt.toISOString() },
    };
  const result = done.result;
  return inOrganisation(context.db, scope, async (trx) => {
    // The conditional UPDATE takes the row lock and checks the state in one round trip: nothing below runs when the
    // request moved on, and the whole transaction (state, package, notifications, audit) commits or none of it.
    const completed = await moveState(trx, scope, request, 'completed', {
      at: now,
      patch: { result: JSON.stringify(result), closed_at: now, next_attempt_at: null, last_error: null },
    });
    if (!completed) return undefined;
    // The package's timeline event and audit entry are written with the transition's (one statement each, at the end).
    const packaged = p && {
      actor: 'system',
      kind: 'package-created',
      at: now,
      data: { package: p.id, size: p.content.byteLength },
    };
    if (p) {
      await insertPackage(trx, scope, {
        id: p.id,
        requestId: request.id,
        createdAt: now,
        expiresAt: p.expiresAt,
        fileName: p.fileName,
        content: p.content,
        sha256: p.sha256,
        linkHash: p.linkHash,
      });
    }
    await recordNotifications(trx, scope, request, done.notifications, now);
    await rememberRestriction(trx, scope, request, identitiesOf(request), done.unmarked, now);
    // Read here, in the transaction that recorded them (one statement), not in two transactions of their own after.
    const recorded = informsRecipients(request.type) ? await notificationsOf(trx, scope, request.id) : undefined;
    await recordTransition(trx, scope, request, 'completed', {
      actor: 'system',
      at: now,
      data: auditSummary(result),
      events: packaged ? [{ requestId: request.id, ...packaged }] : [],
      audit: packaged ? [eventAudit(request, packaged)] : [],
    });
    return { request: completed, recorded };
  });
}

/** Tells the requester what was done: the package link, or the outcome with the recipients told (Art. 19). */
export async function tellRequester(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  { request: completed, recorded }: Completed,
  done: Execution,
  findings: ProcessorFinding[],
): Promise<void> {
  const language = completed.language as Language;
  if (done.delivery) {
    await done.delivery.deliver();
    // The package mail carries only its link: the person reads who decides about the rest in a mail of its own.
    if (findings.length > 0)
      for (const email of completed.contacts)
        await context.send(scope, email, personMail(charter, findings, language, completed.reference), language);
    return;
  }
  let told: NotificationView[] = [];
  if (informsRecipients(completed.type)) {
    // The records as mailing left them: each mail sent is marked done (in its own transaction, with its audit entry).
    told = await mailRecipients(context, scope, charter, { ...completed, type: completed.type }, recorded);
  }
  const erasure = done.result.erasure as ErasureSummary | undefined;
  // The person reads about recipients only; the officer's restriction tasks stay in the console.
  const ownLines = erasure
    ? erasureLines(erasure, charter, language, forThePerson(told))
    : notificationLines(charter, forThePerson(told), language);
  // Art. 28(3)(e): what was left to a customer, and that the customer decides.
  const routed = findings.length > 0 ? personLines(charter, findings, language, completed.reference) : [];
  const mailLines = [...ownLines, ...(ownLines.length && routed.length ? [''] : []), ...routed];
  // Only data held for customers was found: "your data has been erased" would not be true; say what was done.
  const message =
    routed.length > 0 && ownDataUntouched(done.result)
      ? personMail(charter, findings, language, completed.reference, remedies(charter, language))
      : completedMail(mailContext(charter, completed), mailLines, done.result);
  for (const email of completed.contacts) await context.send(scope, email, message, language);
}

/** Counts only, for the audit trail. */
function auditSummary(result: Record<string, unknown>): Record<string, unknown> {
  const erasure = result.erasure as { erased: { rows: number }[]; kept: { rows: number }[] } | undefined;
  if (erasure)
    return {
      erasedRows: erasure.erased.reduce((n, e) => n + e.rows, 0),
      keptRows: erasure.kept.reduce((n, k) => n + k.rows, 0),
    };
  if (result.tables) return { tables: Object.keys(result.tables).length };
  return {};
}
