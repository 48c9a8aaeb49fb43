/**
 * What becomes due with time, computed from the requests themselves (durable: nothing is lost when a process dies,
 * the next tick finds it): undispatched requests, erasures whose grace period ended, executions to resume, requests
 * that could not be verified by their deadline, reminders to the privacy officer at 7 and 2 days and when overdue
 * (each exactly once), packages past their expiry, whose bytes are deleted, and Art. 19 notices to recipients that
 * did not go out.
 */
import { sql, type Transaction } from 'kysely';
import type { Charter } from '../charter/schema.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { viewOf } from '../platform/db/view.js';
import type { RightsContext } from './context.js';
import { reminderAt, reminderDays } from './deadline.js';
import { advance, mailOfficers, resumableRequests, work } from './fulfilment.js';
import { dispatch } from './dispatch.js';
import { pruneThrottleCounts } from '../platform/throttle.js';
import { mailRecipients, requestsWithUnsentNotices } from './notifications.js';
import { informsRecipients } from './recipients.js';
import { claimReminder, findRequest, pruneSessions, recordEvent, toRequest, updatePackage } from './repository.js';
import { closeUnverifiable } from './staff.js';
import type { RightsDb } from './tables.js';
import { emitWebhookEvent } from '../webhooks/events.js';

export interface TickReport {
  dispatched: number;
  started: number;
  resumed: number;
  closedUnverifiable: number;
  reminders: number;
  packagesDeleted: number;
  /** Completed requests whose unsent Art. 19 notices to recipients were tried again. */
  recipientNotices: number;
}

const rightsView = viewOf<RightsDb>();

/** A request not yet dispatched this long after receipt is dispatched by the tick (the in-process dispatch was lost). */
const dispatchGraceMs = 60_000;
const batch = 200;
/** Notices younger than this are still being sent by the process that completed the request. */
const noticeGraceMs = 5 * 60_000;
/** Notices older than this are left to the privacy officer, who sees them as not done. */
const noticeRetryMs = 7 * 86_400_000;

/** The organisations with a charter: each one's due work is independent of the others' (see `tickLane`). */
export async function tickLanes(context: RightsContext): Promise<string[]> {
  // An archived organisation's deadlines and reminders stop with it (its requests are kept).
  const organisations = await context.db
    .selectFrom('organisations')
    .select('id')
    .where('active_revision_seq', 'is not', null)
    .where('archived_at', 'is', null)
    .execute();
  return organisations.map((o) => o.id);
}

/** Runs every due step of one organisation (nothing when its charter cannot be read). */
export async function tickLane(context: RightsContext, organisationId: string): Promise<TickReport | undefined> {
  const scope = { organisationId };
  let charter: Charter;
  try {
    charter = await context.charter(scope);
  } catch {
    return undefined;
  }
  return tickOrganisation(context, scope, charter);
}

function emptyReport(): TickReport {
  return {
    dispatched: 0,
    started: 0,
    resumed: 0,
    closedUnverifiable: 0,
    reminders: 0,
    packagesDeleted: 0,
    recipientNotices: 0,
  };
}

/** Runs every due step for every organisation. */
export async function tick(context: RightsContext): Promise<TickReport> {
  const report = emptyReport();
  for (const id of await tickLanes(context)) {
    const part = await tickLane(context, id);
    if (!part) continue;
    for (const key of Object.keys(report) as (keyof TickReport)[]) report[key] += part[key];
  }
  return report;
}

export async function tickOrganisation(context: RightsContext, scope: OrgScope, charter: Charter): Promise<TickReport> {
  const organisationId = requireScope(scope);
  const now = context.now();
  const report = emptyReport();
  const scoped = <T>(read: (trx: Transaction<RightsDb>) => Promise<T>) => scopedRead(context, scope, read);
  const select = (trx: Transaction<RightsDb>) => requestsOf(trx, organisationId);

  // A dispatch whose store lookup failed waits out its back-off (next_attempt_at) before the next try.
  const undispatched = await scoped((trx) =>
    select(trx)
      .select('id')
      .where('state', '=', 'received')
      .where('dispatched_at', 'is', null)
      .where('received_at', '<=', new Date(now.getTime() - dispatchGraceMs))
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .limit(batch)
      .execute(),
  );
  for (const { id } of undispatched) {
    await guarded(context, 'dispatch', () => dispatch(context, scope, id));
    report.dispatched++;
  }

  const ready = await scoped((trx) =>
    select(trx)
      .select('id')
      .where('state', '=', 'verified')
      .where((eb) => eb.or([eb('execute_after', 'is', null), eb('execute_after', '<=', now)]))
      .limit(batch)
      .execute(),
  );
  for (const { id } of ready) {
    await guarded(context, 'advance', () => advance(context, scope, id));
    report.started++;
  }

  for (const id of await resumableRequests(context, scope, now)) {
    await guarded(context, 'resume', () => work(context, scope, id));
    report.resumed++;
  }

  const unverifiable = await scoped((trx) =>
    select(trx)
      .select('id')
      .where('state', 'in', ['received', 'awaiting-verification'])
      .where('due_at', '<=', now)
      .limit(batch)
      .execute(),
  );
  for (const { id } of unverifiable) {
    if (await guarded(context, 'close', () => closeUnverifiable(context, scope, charter, id)))
      report.closedUnverifiable++;
  }

  report.reminders += await remindOfficers(context, scope, charter, now);
  report.packagesDeleted += await deleteExpiredPackages(context, scope, now);
  report.recipientNotices += await retryRecipientNotices(context, scope, charter, now);

  await inOrganisation(context.db, scope, (trx) =>
    pruneThrottleCounts(trx, organisationId, new Date(now.getTime() - 2 * 86_400_000)),
  );
  await pruneSessions(context.db, scope, now);
  return report;
}

/** Each read in its own scoped transaction: the steps open theirs, and a long tick must not hold one open. */
function scopedRead<T>(context: RightsContext, scope: OrgScope, read: (trx: Transaction<RightsDb>) => Promise<T>) {
  return inOrganisation(rightsView(context.db), scope, read);
}

function requestsOf(trx: Transaction<RightsDb>, organisationId: string) {
  return trx.selectFrom('rights_requests').where('organisation_id', '=', organisationId);
}

/** Reminders: the officer acts on verified work; unverified requests close by themselves. Returns how many went out. */
async function remindOfficers(context: RightsContext, scope: OrgScope, charter: Charter, now: Date): Promise<number> {
  const organisationId = requireScope(scope);
  let reminders = 0;
  const open = await scopedRead(context, scope, (trx) =>
    requestsOf(trx, organisationId)
      .selectAll()
      .where('state', 'in', ['verified', 'in-progress', 'awaiting-approval'])
      .where('due_at', '<=', new Date(now.getTime() + 8 * 86_400_000))
      .limit(batch * 5)
      .execute(),
  );
  for (const row of open) {
    const request = toRequest(row);
    const due: { kind: string; at: Date; days?: number }[] = [
      ...reminderDays.map((days) => ({ kind: `${days}d`, at: reminderAt(request.dueAt, days), days })),
      { kind: 'overdue', at: request.dueAt },
    ];
    // Only the latest reminder that is due is sent: a request found late gets one mail, not three.
    const latest = due.filter((d) => d.at <= now).at(-1);
    if (!latest) continue;
    const kind = request.extendedAt ? `${latest.kind}-extended` : latest.kind;
    if (!(await claimReminder(context.db, scope, request.id, kind, now))) continue;
    const event = { requestId: request.id, requestType: request.type, dueAt: request.dueAt.toISOString() };
    await guarded(context, 'webhook', () =>
      latest.kind === 'overdue'
        ? emitWebhookEvent(context.db, scope, 'request.overdue', event, now)
        : emitWebhookEvent(context.db, scope, 'request.deadline-near', { ...event, daysLeft: latest.days ?? 0 }, now),
    );
    await guarded(context, 'reminder', () =>
      mailOfficers(context, scope, charter, request, latest.kind === 'overdue' ? 'overdue' : 'reminder', {
        days: latest.days ?? 0,
      }),
    );
    reminders++;
  }
  return reminders;
}

/** Packages past their expiry lose their content; the request's timeline says so. Returns how many. */
async function deleteExpiredPackages(context: RightsContext, scope: OrgScope, now: Date): Promise<number> {
  const organisationId = requireScope(scope);
  let deleted = 0;
  const expired = await scopedRead(context, scope, (trx) =>
    trx
      .selectFrom('rights_packages')
      .select(['id', 'request_id'])
      .where('organisation_id', '=', organisationId)
      .where('expires_at', '<=', now)
      .where(sql<boolean>`content is not null`)
      .limit(batch)
      .execute(),
  );
  for (const p of expired) {
    await inOrganisation(context.db, scope, async (trx) => {
      await updatePackage(trx, scope, p.id, { content: null, deleted_at: now });
      const row = await trx
        .selectFrom('rights_requests')
        .select(['id', 'type'])
        .where('organisation_id', '=', organisationId)
        .where('id', '=', p.request_id)
        .executeTakeFirstOrThrow();
      await recordEvent(
        trx,
        scope,
        { id: row.id, type: row.type as 'access' },
        { actor: 'system', kind: 'package-deleted', at: now, data: { package: p.id } },
      );
    });
    deleted++;
  }
  return deleted;
}

/** Art. 19 notices to recipients that were not sent (or failed) are retried. Returns how many requests were tried. */
async function retryRecipientNotices(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  now: Date,
): Promise<number> {
  let tried = 0;
  for (const id of await requestsWithUnsentNotices(
    context.db,
    scope,
    new Date(now.getTime() - noticeRetryMs),
    new Date(now.getTime() - noticeGraceMs),
    batch,
  )) {
    const request = await findRequest(context.db, scope, id);
    const type = request?.type;
    if (!request || request.state !== 'completed' || !type || !informsRecipients(type)) continue;
    await guarded(context, 'recipient notices', () => mailRecipients(context, scope, charter, { ...request, type }));
    tried++;
  }
  return tried;
}

async function guarded<T>(context: RightsContext, step: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    context.deps.logger.error({ step, err: { name: (error as Error).name } }, 'rights due step failed');
    return undefined;
  }
}
