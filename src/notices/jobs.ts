/**
 * The notices' background work on the platform job runner, as one ticker run on every poll of every process: bring
 * notice versions up to date with newly applied charter revisions (so a version exists, dated with its revision, even
 * if nobody opened the notice), send queued change announcements (retries included), and delete subscription requests
 * never confirmed within a week. Each step is cheap when there is nothing to do.
 */
import type { Kysely } from 'kysely';
import type { JobRunner } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { deliverAnnouncements, organisationsWithPendingAnnouncements } from './announcements.js';
import { purgeUnconfirmed } from './subscriptions.js';
import type { NoticesDb } from './tables.js';
import { organisationsBehind, syncNoticeVersions } from './versions.js';

export interface NoticeJobDeps<DB extends NoticesDb = NoticesDb> {
  db: Kysely<DB>;
  logger: Logger;
  mailer: Mailer;
  /** The URL people reach this server at, for links in mails. */
  baseUrl: string;
}

/** One pass of the notices' background work (what the ticker runs), for the runner and for tests. */
export async function runNoticeWork<DB extends NoticesDb>(
  deps: NoticeJobDeps<DB>,
  now: Date,
): Promise<{ synced: number; sent: number; purged: number }> {
  let synced = 0;
  for (const organisationId of await organisationsBehind(deps.db))
    synced += (await syncNoticeVersions(deps.db, { organisationId })).created;
  let sent = 0;
  for (const organisationId of await organisationsWithPendingAnnouncements(deps.db)) {
    sent += (
      await deliverAnnouncements(
        { db: deps.db, mailer: deps.mailer, logger: deps.logger, baseUrl: deps.baseUrl },
        { organisationId },
        now,
      )
    ).sent;
  }
  const purged = await purgeUnconfirmed(deps.db, now);
  if (synced || sent || purged)
    deps.logger.info(
      { noticeVersions: synced, announcements: sent, unconfirmedDeleted: purged },
      'notices background work',
    );
  return { synced, sent, purged };
}

export function registerNoticeJobs<DB extends NoticesDb>(runner: JobRunner, deps: NoticeJobDeps<DB>): void {
  runner.addTicker(async (now) => {
    await runNoticeWork(deps, now);
  });
}
