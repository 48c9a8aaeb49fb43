/**
 * Sending the announcements of significant changes: the queued mails of an organisation are claimed a batch at a
 * time, sent through the mail port in the subscriber's language with what changed, and each result recorded (sent,
 * or retried with a back-off, then failed). Each mail carries its own unsubscribe link.
 */
import { randomSecret, secretHash } from '../accounts/secrets.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';
import type { Language } from '../charter/schema.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { type OrgScope, inOrganisation, requireScope } from '../platform/db/tenancy.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { diffDocuments } from './diff.js';
import type { DocumentKind } from './document.js';
import { dateInWords } from './phrasing.js';
import { noticeTexts } from './texts/index.js';
import { revisionsOfVersion } from './versions.js';
import type { Kysely, Transaction } from 'kysely';
import { noticesView, type NoticesDb } from './tables.js';

export interface DeliveryDeps<DB extends NoticesDb = NoticesDb> {
  db: Kysely<DB>;
  mailer: Mailer;
  logger: Logger;
  baseUrl: string;
}

const maxAttempts = 5;
/** A claimed announcement whose process died is taken again after this long. */
const claimLeaseMs = 10 * 60_000;
/** A failed announcement is tried again after this long. */
const retryAfterMs = 5 * 60_000;

interface ClaimedDelivery {
  id: string;
  siteId: string;
  kind: DocumentKind;
  version: number;
  language: Language;
  attempts: number;
  email: string;
  publishedAt: Date;
  organisationName: string;
  siteName: string;
  changes: string[];
}

type ChangeCache = Map<string, { changes: string[]; organisationName: string; siteName: string }>;

/**
 * Claims up to `batch` announcements that are due (new, waited out their back-off, or abandoned by a dead process) and
 * marks them `sending`, with what changed in each version described in the subscriber's language.
 */
async function claimBatch(
  trx: Transaction<NoticesDb>,
  scope: OrgScope,
  now: Date,
  batch: number,
  changeCache: ChangeCache,
): Promise<ClaimedDelivery[]> {
  const organisationId = requireScope(scope);
  const rows = await trx
    .selectFrom('notice_deliveries as d')
    .innerJoin('notice_subscriptions as s', (join) =>
      join.onRef('s.organisation_id', '=', 'd.organisation_id').onRef('s.id', '=', 'd.subscription_id'),
    )
    .innerJoin('notice_versions as v', (join) =>
      join
        .onRef('v.organisation_id', '=', 'd.organisation_id')
        .onRef('v.site_id', '=', 'd.site_id')
        .onRef('v.kind', '=', 'd.kind')
        .onRef('v.version', '=', 'd.version'),
    )
    .select(['d.id', 'd.site_id', 'd.kind', 'd.version', 'd.language', 'd.attempts', 's.email', 'v.published_at'])
    .where('d.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        // New, or failed before and waited out the back-off; or claimed by a process that died.
        eb.and([
          eb('d.status', '=', 'pending'),
          eb.or([eb('d.attempts', '=', 0), eb('d.claimed_at', '<', new Date(now.getTime() - retryAfterMs))]),
        ]),
        eb.and([eb('d.status', '=', 'sending'), eb('d.claimed_at', '<', new Date(now.getTime() - claimLeaseMs))]),
      ]),
    )
    .orderBy('d.created_at')
    .limit(batch)
    .forUpdate('d')
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  await trx
    .updateTable('notice_deliveries')
    .set({ status: 'sending', claimed_at: now })
    .where('organisation_id', '=', organisationId)
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const out: ClaimedDelivery[] = [];
  for (const row of rows) {
    const language = (row.language in noticeTexts ? row.language : 'en') as Language;
    const key = `${row.site_id}/${row.kind}/${row.version}/${language}`;
    let described = changeCache.get(key);
    if (!described) {
      const revisions = await revisionsOfVersion(trx, scope, {
        siteId: row.site_id,
        kind: row.kind,
        version: row.version,
      });
      described = revisions
        ? {
            changes: diffDocuments(row.kind, revisions.before, revisions.after, row.site_id, language).map(
              (c) => c.text,
            ),
            organisationName: organisationNameIn(revisions.after, language),
            siteName: revisions.after.sites.find((s) => s.id === row.site_id)?.name ?? row.site_id,
          }
        : { changes: [], organisationName: '', siteName: row.site_id };
      changeCache.set(key, described);
    }
    out.push({
      id: row.id,
      siteId: row.site_id,
      kind: row.kind,
      version: row.version,
      language,
      attempts: row.attempts,
      email: row.email,
      publishedAt: row.published_at,
      ...described,
    });
  }
  return out;
}

/** Sends one claimed announcement and records the result; false when the mail failed (it is retried later). */
async function sendAnnouncement(
  deps: DeliveryDeps,
  scope: OrgScope,
  delivery: ClaimedDelivery,
  now: Date,
): Promise<boolean> {
  const organisationId = requireScope(scope);
  const t = noticeTexts[delivery.language];
  const token = randomSecret();
  const path = delivery.kind === 'privacy-notice' ? 'notice' : 'cookies';
  const unsubscribeLink = `${deps.baseUrl}/privacy/${delivery.siteId}/notice/unsubscribe?token=${encodeURIComponent(token)}`;
  try {
    const mail = await deps.mailer.send({
      organisationId,
      to: delivery.email,
      subject: t.subscription.changeSubject(delivery.organisationName),
      text: t.subscription.changeText({
        organisation: delivery.organisationName,
        site: delivery.siteName,
        version: delivery.version,
        date: dateInWords(delivery.publishedAt.toISOString(), delivery.language),
        changes: delivery.changes.length ? delivery.changes : [t.history.noChange],
        link: `${deps.baseUrl}/privacy/${delivery.siteId}/${path}?lang=${delivery.language}&version=${delivery.version}`,
        unsubscribe: `${unsubscribeLink}&lang=${delivery.language}`,
      }),
      template: 'notice.change',
      language: delivery.language,
      // RFC 2369: the mail client can offer its own unsubscribe button.
      headers: { 'List-Unsubscribe': `<${unsubscribeLink}>` },
    });
    await inOrganisation(deps.db, scope, (trx) =>
      trx
        .updateTable('notice_deliveries')
        .set({
          status: 'sent',
          sent_at: now,
          mail_id: mail.id,
          attempts: delivery.attempts + 1,
          unsubscribe_hash: secretHash(token),
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', delivery.id)
        .execute(),
    );
    return true;
  } catch (error) {
    const attempts = delivery.attempts + 1;
    await inOrganisation(deps.db, scope, (trx) =>
      trx
        .updateTable('notice_deliveries')
        .set({
          status: attempts >= maxAttempts ? 'failed' : 'pending',
          attempts,
          claimed_at: now,
          last_error: error instanceof Error ? error.message.slice(0, 500) : 'mail failed',
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', delivery.id)
        .execute(),
    );
    deps.logger.warn({ delivery: delivery.id, attempts }, 'notice announcement not sent');
    return false;
  }
}

/**
 * Sends queued announcements of one organisation, a batch at a time. A batch is claimed in a short transaction
 * (`FOR UPDATE SKIP LOCKED`, then marked `sending`), so several processes never send the same mail; the mails go out
 * after that transaction (the mail port writes its own outbox row), and each result is recorded. A failure is retried
 * five minutes later, up to five times; a claim whose process died is taken again after ten minutes.
 */
export async function deliverAnnouncements<DB extends NoticesDb>(
  anyDeps: DeliveryDeps<DB>,
  scope: OrgScope,
  now: Date,
  batch = 20,
): Promise<{ sent: number; failed: number }> {
  requireScope(scope);
  const deps: DeliveryDeps = { ...anyDeps, db: noticesView(anyDeps.db) };
  let sent = 0;
  let failed = 0;
  const changeCache: ChangeCache = new Map();
  for (;;) {
    const claimed = await inOrganisation(deps.db, scope, (trx) => claimBatch(trx, scope, now, batch, changeCache));
    let failedInBatch = 0;
    for (const delivery of claimed) {
      if (await sendAnnouncement(deps, scope, delivery, now)) sent++;
      else failedInBatch++;
    }
    failed += failedInBatch;
    // Stop when nothing is left, or when mail fails (retry on a later call, not in a tight loop).
    if (claimed.length < batch || failedInBatch > 0) break;
  }
  return { sent, failed };
}

/** Organisations with announcements waiting (installation-level read, for the job runner). */
export async function organisationsWithPendingAnnouncements<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
): Promise<string[]> {
  const db = noticesView(anyDb);
  // Only organisation ids leave this query; the deliveries are sent scoped, per organisation.
  const rows = await acrossOrganisations('find organisations with announcements to send', () =>
    db
      .selectFrom('notice_deliveries')
      .select('organisation_id')
      .distinct()
      .where('status', 'in', ['pending', 'sending'])
      // An archived organisation sends nothing; its pending announcements wait for an unarchive.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('organisations as o')
              .select('o.id')
              .whereRef('o.id', '=', 'notice_deliveries.organisation_id')
              .where('o.archived_at', 'is not', null),
          ),
        ),
      )
      .execute(),
  );
  return rows.map((r) => r.organisation_id);
}
