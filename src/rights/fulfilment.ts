/**
 * Fulfilment: a verified request becomes work on the organisation's stores and consent ledger. `advance` starts it
 * once the grace period (erasure) is over; `work` either prepares the plan for a privacy officer's approval or
 * executes, then records the result and tells the requester. Every step is resumable: work is claimed with a lease
 * (a crashed worker's request is taken again), and the stores engine is idempotent per job id.
 */
import { randomUUID } from 'node:crypto';
import type { Charter, Language } from '../charter/schema.js';
import type { Transaction } from 'kysely';
import type { Database } from '../database.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { staffRecipientHourlyCap } from '../platform/mail.js';
import type { AccessRecord, Identity } from '../stores/connector.js';
import { safeMessage, type RightsContext } from './context.js';
import { addDurationInZone, formatDate, toLocal } from './deadline.js';
import { completedMail, erasureLines, mailContext, officerMail, packageMail, remedies } from './mails.js';
import { mailRecipients, notificationsOf, recordNotifications, type NotificationRecord } from './notifications.js';
import { buildPackage } from './package.js';
import {
  ownDataUntouched,
  personLines,
  personMail,
  processorCounts,
  processorTableTest,
  routeToControllers,
} from './processor-data.js';
import type { ConsentHistory } from './ports.js';
import {
  findRequest,
  insertPackage,
  patchRequest,
  recordEvent,
  toRequest,
  transition,
  claimReminder,
  type RightsRequest,
} from './repository.js';
import {
  calledHttpStores,
  forThePerson,
  informsRecipients,
  notificationLines,
  planNotifications,
  restrictionTasks,
  type NotificationView,
  type PlannedNotification,
} from './recipients.js';
import { rememberRestriction, restrictedIdentities, type UnmarkedTable } from './restricted-identities.js';
import { identityKey } from '../stores/sql/traverse.js';
import {
  changesByStore,
  proposeRectification,
  summariseErasure,
  summariseRectification,
  summariseRestriction,
  type ErasureSummary,
  type PlannedChange,
} from './results.js';
import { reachCounter, summariseReach } from './reach.js';
import { generateLinkSecret } from './secrets.js';
import { needsApproval } from './workflow.js';

/** How long a worker holds a request it executes before another may take it over. */
const leaseMs = 10 * 60_000;
/** After this many failed executions the privacy officer is told (Charter keeps retrying with backoff). */
const failuresBeforeAlert = 3;

/**
 * Moves a verified request to in-progress inside the caller's transaction when nothing makes it wait (no grace period
 * left), so that verification and the start of the work commit together. Returns the started request, if any.
 */
export async function startIfReady(
  trx: Transaction<Database>,
  scope: OrgScope,
  request: RightsRequest,
  now: Date,
): Promise<RightsRequest | undefined> {
  if (request.state !== 'verified' || (request.executeAfter && request.executeAfter > now)) return undefined;
  return transition(trx, scope, request, 'in-progress', {
    actor: 'system',
    at: now,
    patch: { next_attempt_at: null, attempts: 0, last_error: null },
  });
}

/** Starts a verified request once its grace period (if any) is over, and works on an in-progress one. */
export async function advance(context: RightsContext, scope: OrgScope, requestId: string): Promise<void> {
  const now = context.now();
  const ready = await inOrganisation(context.db, scope, async (trx) => {
    const request = await findRequest(trx, scope, requestId, { lock: true });
    if (request?.state === 'in-progress') return true;
    return request ? (await startIfReady(trx, scope, request, now)) !== undefined : false;
  });
  if (ready) await work(context, scope, requestId);
}

/** Takes an in-progress request for this worker (lease), or undefined when another holds it or it moved on. */
async function claim(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  now: Date,
): Promise<RightsRequest | undefined> {
  const organisationId = requireScope(scope);
  return inOrganisation(context.db, scope, async (trx) => {
    const row = await trx
      .updateTable('rights_requests')
      .set((eb) => ({
        next_attempt_at: new Date(now.getTime() + leaseMs),
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('organisation_id', '=', organisationId)
      .where('id', '=', requestId)
      .where('state', '=', 'in-progress')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .returningAll()
      .executeTakeFirst();
    return row ? toRequest(row) : undefined;
  });
}

function identitiesOf(request: RightsRequest): Identity[] {
  return [{ type: request.identity.type as Identity['type'], value: request.identity.value }];
}

/** The addresses a person's purpose consents may be filed under: the email identity and the verified contacts. */
function emailsOf(request: RightsRequest): string[] {
  const emails = new Set(request.contacts);
  if (request.identity.type === 'email') emails.add(request.identity.value);
  return [...emails];
}

/** Plans or executes an in-progress request. Failures are recorded (without personal data) and retried later. */
export async function work(context: RightsContext, scope: OrgScope, requestId: string): Promise<void> {
  const now = context.now();
  const request = await claim(context, scope, requestId, now);
  if (!request) return;
  const charter = await context.charter(scope);
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

/** Mails the privacy officers about a request, in the charter's default language. */
export async function mailOfficers(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
  kind: 'reminder' | 'overdue' | 'approval' | 'failure',
  extra: { days?: number; attempts?: number; error?: string } = {},
): Promise<void> {
  const language: Language = charter.defaultLanguage ?? charter.languages[0] ?? 'en';
  const mail = officerMail(kind, {
    ...mailContext(charter, request),
    language,
    state: request.state,
    dueOn: request.dueOn,
    link: context.link(`/console/requests/${request.id}`),
    ...extra,
  });
  // Staff mail: the higher cap, so that a day's reminders for a full inbox all arrive.
  for (const email of await context.deps.officers.emails(scope, charter))
    await context.send(scope, email, mail, language, { hourlyCap: staffRecipientHourlyCap });
}

/**
 * Prepares what a privacy officer approves: the dry-run plan of an erasure (stores, tables, rows, fields, holds), the
 * proposed column changes of a rectification, the restriction pending an objection's assessment (Art. 18(1)(d)), or
 * the rows an access package would hold.
 */
async function prepareForApproval(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<void> {
  const identities = identitiesOf(request);
  let plan: unknown;
  let changes: PlannedChange[] | undefined;
  // Which tables and rows the request reaches, and how (shown with the plan, before anything runs).
  // Rows held for customers are counted apart: they will be routed to the customer, not exported or written.
  let processorData: { customer: string; rows: number }[] = [];
  // Art. 18(1)(d): tables the restriction pending the objection could not be marked in (remembered with the plan).
  let unmarkedWhileWeighed: UnmarkedTable[] = [];
  const reached = async () => {
    const counter = reachCounter();
    const summaries = await context.withStores(scope, charter, (s) =>
      s.collect(identities, (records) => counter.add(records)),
    );
    processorData = processorCounts(charter, summaries);
    return summariseReach(charter, [...new Set(identities.map((i) => i.type))], counter.counts);
  };
  switch (request.type) {
    case 'erasure': {
      const planned = await context.withStores(scope, charter, (s) => s.erase(request.id, identities, true));
      plan = {
        erasure: summariseErasure(charter, planned),
        processorData: processorCounts(charter, planned),
        reach: await reached(),
      };
      break;
    }
    case 'rectification': {
      changes =
        (request.changes as PlannedChange[] | null) ??
        proposeRectification(
          charter,
          request.details.rectification?.category,
          request.details.rectification?.desired ?? '',
        );
      plan = { changes: changes.map(({ store, table, column }) => ({ store, table, column })) };
      break;
    }
    case 'objection':
      if (request.details.objection?.kind === 'legitimate-interest') {
        // Art. 18(1)(d): the data is restricted while the officer weighs the grounds.
        const restricted = summariseRestriction(
          await context.withStores(scope, charter, (s) => s.restrict(request.id, identities, true)),
        );
        plan = { restriction: restricted, purpose: request.details.objection.purpose ?? null };
        unmarkedWhileWeighed = restricted.unsupported;
      } else plan = { suppression: true };
      break;
    case 'access':
    case 'portability': {
      const reach = await reached();
      plan = { reach, processorData };
      break;
    }
    default:
      plan = { type: request.type };
  }
  const now = context.now();
  const waiting = await inOrganisation(context.db, scope, async (trx) => {
    const current = await findRequest(trx, scope, request.id, { lock: true });
    if (!current || current.state !== 'in-progress') return undefined;
    await rememberRestriction(trx, scope, request, identities, unmarkedWhileWeighed, now);
    await recordNotifications(trx, scope, request, restrictionTasks(unmarkedWhileWeighed), now);
    return transition(trx, scope, current, 'awaiting-approval', {
      actor: 'system',
      at: now,
      patch: {
        plan: JSON.stringify(plan),
        next_attempt_at: null,
        last_error: null,
        ...(changes ? { changes: JSON.stringify(changes) } : {}),
      },
    });
  });
  if (waiting) await mailOfficers(context, scope, charter, waiting, 'approval');
}

/** Executes a request on the stores and the ledger, completes it, and tells the requester. */
async function execute(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
): Promise<void> {
  const identities = identitiesOf(request);
  const language = request.language as Language;
  const mail = mailContext(charter, request);
  let result: Record<string, unknown>;
  // Art. 19: who is told of a rectification, erasure or restriction, and how; recorded with the completion.
  let notifications: PlannedNotification[] = [];
  let after: (() => Promise<void>) | undefined;
  // Rows found in data held for customers (Art. 28): left alone by the stores, routed to the controller below.
  let processor: { customer: string; rows: number }[] = [];
  // Tables a restriction could not be marked in: Charter remembers the person's identities for retention.
  let unmarked: UnmarkedTable[] = [];

  switch (request.type) {
    case 'access':
    case 'portability': {
      const delivered = await preparePackage(context, scope, charter, request);
      result = delivered.result;
      processor = delivered.processor;
      after = delivered.deliver;
      break;
    }
    case 'erasure': {
      const results = await context.withStores(scope, charter, (s) => s.erase(request.id, identities, false));
      processor = processorCounts(charter, results);
      const summary = summariseErasure(charter, results);
      const touched = [...summary.erased, ...summary.kept].map((e) => ({ store: e.store, table: e.table }));
      notifications = planNotifications(
        charter,
        touched,
        calledHttpStores(charter, results),
        rowsByStore(
          results.map((r) => ({ store: r.store, rows: r.erased.reduce((n, e) => n + e.deleted + e.updated, 0) })),
        ),
      );
      // The purpose consents filed under the person's addresses go too (their marketing suppression, if any, stays).
      let consentEvents = 0;
      for (const email of emailsOf(request)) consentEvents += await context.deps.consent.erase(scope, email);
      result = { erasure: summary, consentEventsErased: consentEvents };
      break;
    }
    case 'rectification': {
      const changes = (request.changes as PlannedChange[] | null) ?? [];
      const results = await context.withStores(scope, charter, (s) =>
        s.rectify(request.id, identities, changesByStore(changes)),
      );
      processor = processorCounts(charter, results);
      const summary = summariseRectification(charter, results);
      notifications = planNotifications(
        charter,
        summary.updated,
        calledHttpStores(charter, results),
        rowsByStore(results.map((r) => ({ store: r.store, rows: r.updated.reduce((n, u) => n + u.rows, 0) }))),
      );
      result = { rectification: summary };
      break;
    }
    case 'restriction': {
      const results = await context.withStores(scope, charter, (s) => s.restrict(request.id, identities, true));
      processor = processorCounts(charter, results);
      const summary = summariseRestriction(results);
      // Art. 18 where a table cannot mark it: the officer restricts by hand (a task per table), Charter keeps the
      // rows from retention meanwhile (the identities are remembered below, in the completing transaction).
      notifications = [
        ...planNotifications(
          charter,
          summary.updated,
          calledHttpStores(charter, results),
          rowsByStore(results.map((r) => ({ store: r.store, rows: r.updated.reduce((n, u) => n + u.rows, 0) }))),
        ),
        ...restrictionTasks(summary.unsupported),
      ];
      unmarked = summary.unsupported;
      result = { restriction: summary };
      break;
    }
    case 'objection': {
      if (request.details.objection?.kind === 'legitimate-interest') {
        result = { objection: 'upheld', purpose: request.details.objection.purpose ?? null };
      } else {
        const marketing = charter.purposes.filter((p) => p.directMarketing && p.legalBasis === 'consent');
        let withdrawn = 0;
        for (const email of emailsOf(request)) {
          await context.deps.consent.suppress(scope, email);
          for (const purpose of marketing)
            if (
              await context.deps.consent.withdraw(scope, { email, purpose: purpose.id, reference: request.reference })
            )
              withdrawn++;
        }
        result = { objection: 'direct-marketing', suppressed: emailsOf(request).length, consentsWithdrawn: withdrawn };
      }
      break;
    }
    case 'withdrawal': {
      const purpose = request.details.withdrawal?.purpose ?? '';
      let withdrawn = 0;
      for (const email of emailsOf(request))
        if (await context.deps.consent.withdraw(scope, { email, purpose, reference: request.reference })) withdrawn++;
      result = { withdrawal: { purpose, withdrawn } };
      break;
    }
  }

  const findings = await routeToControllers(context, scope, charter, request, processor);
  if (findings.length > 0) result = { ...result, processorData: findings };

  const now = context.now();
  let recorded: NotificationRecord[] | undefined;
  const completed = await inOrganisation(context.db, scope, async (trx) => {
    const current = await findRequest(trx, scope, request.id, { lock: true });
    if (!current || current.state !== 'in-progress') return undefined;
    if (result.package) {
      const p = result.package as {
        id: string;
        content: Uint8Array;
        sha256: string;
        fileName: string;
        linkHash: string;
        expiresAt: Date;
      };
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
      result = {
        ...result,
        package: { id: p.id, size: p.content.byteLength, sha256: p.sha256, expiresAt: p.expiresAt.toISOString() },
      };
      await recordEvent(trx, scope, request, {
        actor: 'system',
        kind: 'package-created',
        at: now,
        data: { package: p.id, size: p.content.byteLength },
      });
    }
    await recordNotifications(trx, scope, request, notifications, now);
    await rememberRestriction(trx, scope, request, identities, unmarked, now);
    // Read here, in the transaction that recorded them (one statement), not in two transactions of their own after.
    if (informsRecipients(current.type)) recorded = await notificationsOf(trx, scope, request.id);
    return transition(trx, scope, current, 'completed', {
      actor: 'system',
      at: now,
      patch: { result: JSON.stringify(result), closed_at: now, next_attempt_at: null, last_error: null },
      data: auditSummary(result),
    });
  });
  if (!completed) return;
  if (after) {
    await after();
    // The package mail carries only its link: the person reads who decides about the rest in a mail of its own.
    if (findings.length > 0)
      for (const email of completed.contacts)
        await context.send(scope, email, personMail(charter, findings, language, request.reference), language);
  } else {
    let told: NotificationView[] = [];
    if (informsRecipients(completed.type)) {
      // The records as mailing left them: each mail sent is marked done (in its own transaction, with its audit entry).
      told = await mailRecipients(context, scope, charter, { ...completed, type: completed.type }, recorded);
    }
    const erasure = result.erasure as ErasureSummary | undefined;
    // The person reads about recipients only; the officer's restriction tasks stay in the console.
    const ownLines = erasure
      ? erasureLines(erasure, charter, language, forThePerson(told))
      : notificationLines(charter, forThePerson(told), language);
    // Art. 28(3)(e): what was left to a customer, and that the customer decides.
    const routed = findings.length > 0 ? personLines(charter, findings, language, request.reference) : [];
    const mailLines = [...ownLines, ...(ownLines.length && routed.length ? [''] : []), ...routed];
    // Only data held for customers was found: "your data has been erased" would not be true; say what was done.
    const message =
      routed.length > 0 && ownDataUntouched(result)
        ? personMail(charter, findings, language, request.reference, remedies(charter, language))
        : completedMail(mail, mailLines, result);
    for (const email of completed.contacts) await context.send(scope, email, message, language);
  }
}

function rowsByStore(entries: { store: string; rows: number }[]): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const { store, rows: n } of entries) rows[store] = (rows[store] ?? 0) + n;
  return rows;
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

/** Collects the person's data and consents, builds the ZIP, and returns how to deliver its single-use link. */
async function preparePackage(context: RightsContext, scope: OrgScope, charter: Charter, request: RightsRequest) {
  const records: AccessRecord[] = [];
  const processorTable = processorTableTest(charter);
  // Art. 18: a person Charter remembers as restricted (some table could not mark it) has every row marked restricted,
  // also those in tables without a restrictColumn.
  const restricted = await rememberedAsRestricted(context, scope, identitiesOf(request));
  const summaries = await context.withStores(scope, charter, (s) =>
    s.collect(identitiesOf(request), (batch) => {
      // Never the customers' data as the organisation's own, whatever a store sends back (Art. 28(3)(e)).
      records.push(
        ...batch
          .filter((r) => !processorTable(r.store, r.table))
          .map((r) => (restricted ? { ...r, restricted: true } : r)),
      );
    }),
  );
  const consents = await consentHistory(context, scope, emailsOf(request));
  const now = context.now();
  const built = buildPackage({
    charter,
    language: request.language as Language,
    reference: request.reference,
    generatedAt: now,
    records,
    consents,
  });
  const key = await context.key(scope);
  const secret = generateLinkSecret();
  const expiresAt = addDurationInZone(now, charter.rights.exportExpiry);
  const id = randomUUID();
  return {
    processor: processorCounts(charter, summaries),
    result: {
      tables: built.counts,
      package: {
        id,
        content: built.bytes,
        sha256: built.sha256,
        fileName: built.fileName,
        linkHash: key.linkHash(secret),
        expiresAt,
      },
    } as Record<string, unknown>,
    deliver: async () => {
      const mail = packageMail(
        mailContext(charter, request),
        context.link(`/privacy/${request.siteId}/download/${secret}?lang=${request.language}`),
        formatDate(toLocal(expiresAt)),
      );
      for (const email of request.contacts) await context.send(scope, email, mail, request.language as Language);
    },
  };
}

/** Whether one of the identities is among the restricted identities Charter remembers (compared like seed rows). */
async function rememberedAsRestricted(
  context: RightsContext,
  scope: OrgScope,
  identities: readonly Identity[],
): Promise<boolean> {
  const remembered = await restrictedIdentities(context.db, scope);
  return identities.some((i) =>
    remembered.some((r) => r.type === i.type && identityKey(r.type, r.value) === identityKey(i.type, i.value)),
  );
}

async function consentHistory(context: RightsContext, scope: OrgScope, emails: string[]): Promise<ConsentHistory> {
  const merged: ConsentHistory = { current: [], events: [] };
  for (const email of emails) {
    const history = await context.deps.consent.history(scope, email);
    merged.current.push(...history.current);
    merged.events.push(...history.events);
  }
  merged.events.sort((a, b) => a.at.localeCompare(b.at));
  return merged;
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
