/**
 * Mail to the organisation's officers when a request arrives and when it is verified (the reminders before the
 * deadline are due.ts's). Durable and once each, on the platform job runner: a ticker finds the requests received or
 * verified in the last two days and enqueues one job per request and event under a dedupe key, so however many
 * processes tick (or a process dies between finding and mailing), each officer mail is queued once and retried until
 * it went out. The mail names the reference, the kind, the deadline and the console link — nothing of the person.
 */
import type { Kysely } from 'kysely';
import type { Language } from '../charter/schema.js';
import type { Database } from '../database.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { enqueueJob, type JobRunner, type JobTables } from '../platform/jobs.js';
import { staffRecipientHourlyCap } from '../platform/mail.js';
import type { RightsContext } from './context.js';
import { mailContext, officerMail } from './mails.js';
import { findRequest } from './repository.js';

export const officerNoticeQueue = 'rights.officer-notice';
export const officerNoticeEvents = ['received', 'verified'] as const;
export type OfficerNoticeEvent = (typeof officerNoticeEvents)[number];

/** How far back the ticker looks: wide enough to outlive a stopped server over a weekend, narrow enough to stay cheap. */
const lookBackMs = 3 * 86_400_000;

/** Enqueues the officer mails of requests received or verified lately (once each: the dedupe key). */
export async function enqueueOfficerNotices(db: Kysely<Database>, now: Date): Promise<number> {
  const since = new Date(now.getTime() - lookBackMs);
  const organisations = await db.selectFrom('organisations').select('id').where('active_revision_seq', 'is not', null).where('archived_at', 'is', null).execute();
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
        const created = await enqueueJob(db as unknown as Kysely<JobTables>, { queue: officerNoticeQueue, key: `${row.id}:${event}`, organisationId, payload: { requestId: row.id, event } }, now);
        if (created) enqueued++;
      }
    }
  }
  return enqueued;
}

/**
 * Mails the officers about one event of one request, in the charter's default language (the console language of each
 * person is kept in their browser only). Throws when a mail could not be handed over, so that the job is retried.
 */
export async function sendOfficerNotice(context: RightsContext, scope: OrgScope, requestId: string, event: OfficerNoticeEvent): Promise<number> {
  const request = await findRequest(context.db, scope, requestId);
  if (!request) return 0;
  const charter = await context.charter(scope);
  const language: Language = charter.defaultLanguage ?? charter.languages[0] ?? 'en';
  const mail = officerMail(event, { ...mailContext(charter, request), language, state: request.state, dueOn: request.dueOn, link: context.link(`/console/requests/${request.id}`) });
  // The officer port: the owners and privacy officers, else the charter's DPO or privacy contact.
  const recipients = await context.deps.officers.emails(scope, charter);
  let failed = 0;
  for (const to of recipients) if (!(await context.send(scope, to, mail, language, { hourlyCap: staffRecipientHourlyCap }))) failed++;
  if (failed > 0) throw new Error(`${failed} of ${recipients.length} officer mails not sent`);
  return recipients.length;
}

/** Registers the ticker and the handler of the officer mails on a runner. */
export function registerOfficerNotices(runner: JobRunner, context: RightsContext, options: { tickEveryMs?: number } = {}): void {
  const every = options.tickEveryMs ?? 30_000;
  let last = 0;
  runner.addTicker(async (now) => {
    if (every > 0 && now.getTime() - last < every) return;
    last = now.getTime();
    await enqueueOfficerNotices(context.db, now);
  });
  runner.register(officerNoticeQueue, async ({ job }) => {
    const { requestId, event } = job.payload as { requestId?: unknown; event?: unknown };
    if (!job.organisationId || typeof requestId !== 'string' || !(officerNoticeEvents as readonly unknown[]).includes(event)) return;
    await sendOfficerNotice(context, { organisationId: job.organisationId }, requestId, event as OfficerNoticeEvent);
  });
}
