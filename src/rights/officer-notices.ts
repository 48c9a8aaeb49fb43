/**
 * Mail to the organisation's officers when a request arrives and when it is verified (the reminders before the
 * deadline are due.ts's). Durable and once each, on the platform job runner: a ticker finds the requests received or
 * verified in the last two days and enqueues one job per request and event under a dedupe key, so however many
 * processes tick (or a process dies between finding and mailing), each officer mail is queued once and retried until
 * it went out. The event's job fans out one job per recipient (its own dedupe key), so a mail that fails is retried for
 * that recipient alone and the others never get it twice. The mail names the reference, the kind, the deadline and the
 * console link — nothing of the person.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { enqueueJob, type JobRunner } from '../platform/jobs.js';
import { viewOf } from '../platform/db/view.js';
import { staffRecipientHourlyCap } from '../platform/mail.js';
import type { RightsContext } from './context.js';
import type { RightsDb } from './tables.js';
import { officerMailOf } from './officer-mail.js';
import { findRequest } from './repository.js';

const rightsView = viewOf<RightsDb>();

export const officerNoticeQueue = 'rights.officer-notice';
export const officerNoticeEvents = ['received', 'verified'] as const;
export type OfficerNoticeEvent = (typeof officerNoticeEvents)[number];

/** How far back the ticker looks: wide enough to outlive a stopped server over a weekend, narrow enough to stay cheap. */
const lookBackMs = 3 * 86_400_000;

/** Enqueues the officer mails of requests received or verified lately (once each: the dedupe key). */
export async function enqueueOfficerNotices<DB extends RightsDb>(anyDb: Kysely<DB>, now: Date): Promise<number> {
  const db = rightsView(anyDb);
  const since = new Date(now.getTime() - lookBackMs);
  const organisations = await db
    .selectFrom('organisations')
    .select('id')
    .where('active_revision_seq', 'is not', null)
    .where('archived_at', 'is', null)
    .execute();
  let enqueued = 0;
  for (const { id: organisationId } of organisations) {
    const rows = await inOrganisation(db, { organisationId }, (trx) =>
      trx
        .selectFrom('rights_requests')
        .select(['id', 'received_at', 'verified_at'])
        .where('organisation_id', '=', organisationId)
        .where((eb) => eb.or([eb('received_at', '>', since), eb('verified_at', '>', since)]))
        .execute(),
    );
    for (const row of rows) {
      const events: OfficerNoticeEvent[] = [];
      if (new Date(row.received_at) > since) events.push('received');
      if (row.verified_at && new Date(row.verified_at) > since) events.push('verified');
      for (const event of events) {
        const created = await enqueueJob(
          db,
          {
            queue: officerNoticeQueue,
            key: `${row.id}:${event}`,
            organisationId,
            payload: { requestId: row.id, event },
          },
          now,
        );
        if (created) enqueued++;
      }
    }
  }
  return enqueued;
}

/**
 * Queues one mail job per officer for one event of one request (the owners and privacy officers, else the charter's
 * DPO or privacy contact). Each job's key names the request, the event and a hash of the address: queued once,
 * however often this runs. Returns how many recipients there are.
 */
export async function fanOutOfficerNotice(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  event: OfficerNoticeEvent,
  now: Date,
): Promise<number> {
  const request = await findRequest(context.db, scope, requestId);
  if (!request) return 0;
  const charter = await context.charter(scope);
  const recipients = await context.deps.officers.emails(scope, charter);
  for (const to of recipients) {
    const recipientKey = createHash('sha256').update(to.toLowerCase()).digest('hex').slice(0, 24);
    await enqueueJob(
      context.db,
      {
        queue: officerNoticeQueue,
        key: `${requestId}:${event}:${recipientKey}`,
        organisationId: scope.organisationId,
        payload: { requestId, event, to },
      },
      now,
    );
  }
  return recipients.length;
}

/**
 * Mails one officer about one event of one request, in the charter's default language (the console language of each
 * person is kept in their browser only). Throws when the mail could not be handed over, so that this job (and only this
 * recipient's) is retried.
 */
export async function sendOfficerNotice(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  event: OfficerNoticeEvent,
  to: string,
): Promise<boolean> {
  const request = await findRequest(context.db, scope, requestId);
  if (!request) return false;
  const charter = await context.charter(scope);
  const { language, mail } = officerMailOf(context, charter, request, event);
  if (!(await context.send(scope, to, mail, language, { hourlyCap: staffRecipientHourlyCap })))
    throw new Error('an officer mail was not sent');
  return true;
}

/** Registers the ticker and the handler of the officer mails on a runner. */
export function registerOfficerNotices(
  runner: JobRunner,
  context: RightsContext,
  options: { tickEveryMs?: number } = {},
): void {
  const every = options.tickEveryMs ?? 30_000;
  let last = 0;
  runner.addTicker(async (now) => {
    if (every > 0 && now.getTime() - last < every) return;
    last = now.getTime();
    await enqueueOfficerNotices(context.db, now);
  });
  runner.register(officerNoticeQueue, async ({ job }) => {
    const { requestId, event, to } = job.payload as { requestId?: unknown; event?: unknown; to?: unknown };
    if (
      !job.organisationId ||
      typeof requestId !== 'string' ||
      !(officerNoticeEvents as readonly unknown[]).includes(event)
    )
      return;
    const scope = { organisationId: job.organisationId };
    // The event's job (no recipient) fans out; a recipient's job mails that one person.
    if (typeof to === 'string') await sendOfficerNotice(context, scope, requestId, event as OfficerNoticeEvent, to);
    else await fanOutOfficerNotice(context, scope, requestId, event as OfficerNoticeEvent, context.now());
  });
}
