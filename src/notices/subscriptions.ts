/**
 * Telling people of significant changes: a visitor leaves an email address (double opt-in: nothing is sent but the
 * confirmation until they confirm), the privacy team marks a version as significant, and one announcement per
 * confirmed subscriber is queued in the same transaction, then sent through the mail port in the subscriber's
 * language with what changed. Every mail carries its own unsubscribe link; unsubscribing deletes the address.
 *
 * Audit entries carry ids only, never an address. Unconfirmed addresses are deleted after a week.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { randomSecret, secretHash } from '../accounts/secrets.js';
import { recordAudit } from '../audit/trail.js';
import type { Language } from '../charter/schema.js';
import type { Database } from '../database.js';
import { conflict, notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { diffDocuments } from './diff.js';
import type { DocumentKind } from './document.js';
import { dateInWords } from './phrasing.js';
import { noticeTexts } from './texts/index.js';
import { revisionsOfVersion } from './versions.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';

/** Unconfirmed subscriptions are deleted after this long (the confirmation mail says so). */
export const confirmationWindowMs = 7 * 86_400_000;
const resendAfterMs = 10 * 60_000;

export interface SubscriptionRequest {
  siteId: string;
  email: string;
  language: Language;
  organisationName: string;
  siteName: string;
  baseUrl: string;
}

/**
 * Records a request to be told of changes and mails the confirmation link. The answer is the same whether the
 * address was unknown, pending or already confirmed (no probing); a confirmed address gets no new mail.
 */
export async function requestSubscription(
  db: Kysely<Database>,
  scope: OrgScope,
  mailer: Mailer,
  input: SubscriptionRequest,
  now: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  const email = input.email.trim().toLowerCase();
  const token = randomSecret();
  const outcome = await inOrganisation(db, scope, async (trx) => {
    const existing = await trx
      .selectFrom('notice_subscriptions')
      .select(['id', 'status', 'created_at'])
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', input.siteId)
      .where('email', '=', email)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'confirmed') return undefined;
    // A repeated request within ten minutes sends no second mail: nobody can flood an inbox through this form.
    if (existing && now.getTime() - existing.created_at.getTime() < resendAfterMs) return undefined;
    const id = existing?.id ?? randomUUID();
    if (existing) {
      await trx
        .updateTable('notice_subscriptions')
        .set({ token_hash: secretHash(token), language: input.language, created_at: now })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('notice_subscriptions')
        .values({
          organisation_id: organisationId,
          id,
          site_id: input.siteId,
          email,
          language: input.language,
          token_hash: secretHash(token),
          status: 'pending',
          created_at: now,
          confirmed_at: null,
        })
        .execute();
    }
    await recordAudit(
      trx,
      scope,
      {
        actor: 'subject',
        action: 'notice.subscription-requested',
        target: `notice-subscription:${id}`,
        data: { site: input.siteId, language: input.language },
      },
      now,
    );
    return id;
  });
  if (!outcome) return;
  const t = noticeTexts[input.language].subscription;
  const link = `${input.baseUrl}/privacy/${input.siteId}/notice/subscription?token=${encodeURIComponent(token)}&lang=${input.language}`;
  await mailer.send({
    organisationId,
    to: email,
    subject: t.confirmSubject(input.organisationName),
    text: t.confirmText({ organisation: input.organisationName, site: input.siteName, link }),
    template: 'notice.subscription-confirm',
    language: input.language,
  });
}

export interface TokenSubscription {
  id: string;
  siteId: string;
  language: string;
  status: 'pending' | 'confirmed';
}

/** The subscription a confirmation token belongs to (pending ones only within the confirmation window). */
export async function subscriptionByToken(
  db: Kysely<Database>,
  scope: OrgScope,
  siteId: string,
  token: string,
  now: Date,
): Promise<TokenSubscription | undefined> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('notice_subscriptions')
      .select(['id', 'site_id', 'language', 'status', 'created_at'])
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', siteId)
      .where('token_hash', '=', secretHash(token))
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.status === 'pending' && now.getTime() - row.created_at.getTime() > confirmationWindowMs) return undefined;
    return { id: row.id, siteId: row.site_id, language: row.language, status: row.status };
  });
}

/** Confirms a pending subscription (idempotent for a confirmed one). */
export async function confirmSubscription(
  db: Kysely<Database>,
  scope: OrgScope,
  siteId: string,
  token: string,
  now: Date,
): Promise<boolean> {
  const found = await subscriptionByToken(db, scope, siteId, token, now);
  if (!found) return false;
  if (found.status === 'confirmed') return true;
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, async (trx) => {
    await trx
      .updateTable('notice_subscriptions')
      .set({ status: 'confirmed', confirmed_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', found.id)
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor: 'subject',
        action: 'notice.subscription-confirmed',
        target: `notice-subscription:${found.id}`,
        data: { site: siteId },
      },
      now,
    );
  });
  return true;
}

/**
 * Deletes a subscription, found by the confirmation token or by the unsubscribe token of any mail sent to it.
 * Returns false for an unknown token.
 */
export async function unsubscribe(
  db: Kysely<Database>,
  scope: OrgScope,
  siteId: string,
  token: string,
  now: Date,
): Promise<boolean> {
  const organisationId = requireScope(scope);
  const hash = secretHash(token);
  return inOrganisation(db, scope, async (trx) => {
    const byToken = await trx
      .selectFrom('notice_subscriptions')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', siteId)
      .where('token_hash', '=', hash)
      .executeTakeFirst();
    const byMail = byToken
      ? undefined
      : await trx
          .selectFrom('notice_deliveries')
          .select('subscription_id as id')
          .where('organisation_id', '=', organisationId)
          .where('site_id', '=', siteId)
          .where('unsubscribe_hash', '=', hash)
          .executeTakeFirst();
    const id = byToken?.id ?? byMail?.id;
    if (!id) return false;
    const deleted = await trx
      .deleteFrom('notice_subscriptions')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    await trx
      .deleteFrom('notice_deliveries')
      .where('organisation_id', '=', organisationId)
      .where('subscription_id', '=', id)
      .execute();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await recordAudit(
      trx,
      scope,
      {
        actor: 'subject',
        action: 'notice.subscription-removed',
        target: `notice-subscription:${id}`,
        data: { site: siteId },
      },
      now,
    );
    return true;
  });
}

/** Counts of subscribers of a site by status and language (for the console; no addresses). */
export async function subscriptionSummary(db: Kysely<Database>, scope: OrgScope, siteId: string) {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom('notice_subscriptions')
      .select(['status', 'language', (eb) => eb.fn.countAll<number>().as('count')])
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', siteId)
      .groupBy(['status', 'language'])
      .execute();
    return rows.map((r) => ({ status: r.status, language: r.language, count: Number(r.count) }));
  });
}

export interface MarkSignificant {
  siteId: string;
  kind: DocumentKind;
  version: number;
  actor: string;
  note?: string | undefined;
  /** Queue an announcement to every confirmed subscriber of the site (default true). */
  notify: boolean;
}

/**
 * Marks a version as a significant change and, in the same transaction, queues one announcement per confirmed
 * subscriber. A version can be marked once.
 */
export async function markSignificant(
  db: Kysely<Database>,
  scope: OrgScope,
  input: MarkSignificant,
  now: Date,
): Promise<{ queued: number }> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const version = await trx
      .selectFrom('notice_versions')
      .select('version')
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', input.siteId)
      .where('kind', '=', input.kind)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (!version) throw notFound('notice version');
    const already = await trx
      .selectFrom('notice_significant_changes')
      .select('version')
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', input.siteId)
      .where('kind', '=', input.kind)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (already) throw conflict('This version is already marked as a significant change.');
    await trx
      .insertInto('notice_significant_changes')
      .values({
        organisation_id: organisationId,
        site_id: input.siteId,
        kind: input.kind,
        version: input.version,
        marked_at: now,
        marked_by: input.actor,
        note: input.note ?? null,
      })
      .execute();
    const subscribers = input.notify
      ? await trx
          .selectFrom('notice_subscriptions')
          .select(['id', 'language'])
          .where('organisation_id', '=', organisationId)
          .where('site_id', '=', input.siteId)
          .where('status', '=', 'confirmed')
          .execute()
      : [];
    if (subscribers.length > 0) {
      await trx
        .insertInto('notice_deliveries')
        .values(
          subscribers.map((s) => ({
            organisation_id: organisationId,
            id: randomUUID(),
            site_id: input.siteId,
            kind: input.kind,
            version: input.version,
            subscription_id: s.id,
            language: s.language,
            status: 'pending' as const,
            attempts: 0,
            created_at: now,
            claimed_at: null,
            sent_at: null,
            mail_id: null,
            last_error: null,
            // Replaced by the real token's hash when the mail goes out; unique meanwhile.
            unsubscribe_hash: `pending:${randomUUID()}`,
          })),
        )
        .execute();
    }
    await recordAudit(
      trx,
      scope,
      {
        actor: input.actor,
        action: 'notice.marked-significant',
        target: `notice:${input.siteId}/${input.kind}/${input.version}`,
        data: { site: input.siteId, kind: input.kind, version: input.version, queued: subscribers.length },
      },
      now,
    );
    return { queued: subscribers.length };
  });
}

export interface DeliveryDeps {
  db: Kysely<Database>;
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

/**
 * Sends queued announcements of one organisation, a batch at a time. A batch is claimed in a short transaction
 * (`FOR UPDATE SKIP LOCKED`, then marked `sending`), so several processes never send the same mail; the mails go out
 * after that transaction (the mail port writes its own outbox row), and each result is recorded. A failure is retried
 * five minutes later, up to five times; a claim whose process died is taken again after ten minutes.
 */
export async function deliverAnnouncements(
  deps: DeliveryDeps,
  scope: OrgScope,
  now: Date,
  batch = 20,
): Promise<{ sent: number; failed: number }> {
  const organisationId = requireScope(scope);
  let sent = 0;
  let failed = 0;
  const changeCache = new Map<string, { changes: string[]; organisationName: string; siteName: string }>();
  for (;;) {
    const claimed = await inOrganisation(deps.db, scope, async (trx): Promise<ClaimedDelivery[]> => {
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
    });
    let failedInBatch = 0;
    for (const delivery of claimed) {
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
        sent++;
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
        failedInBatch++;
      }
    }
    failed += failedInBatch;
    // Stop when nothing is left, or when mail fails (retry on a later call, not in a tight loop).
    if (claimed.length < batch || failedInBatch > 0) break;
  }
  return { sent, failed };
}

/** Organisations with announcements waiting (installation-level read, for the job runner). */
export async function organisationsWithPendingAnnouncements(db: Kysely<Database>): Promise<string[]> {
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

/** Deletes addresses never confirmed within the window (installation-level, for the job runner). */
export async function purgeUnconfirmed(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - confirmationWindowMs);
  const organisations = await acrossOrganisations('find organisations with unconfirmed addresses', () =>
    db
      .selectFrom('notice_subscriptions')
      .select('organisation_id')
      .distinct()
      .where('status', '=', 'pending')
      .where('created_at', '<', before)
      .execute(),
  );
  let deleted = 0;
  for (const { organisation_id: organisationId } of organisations) {
    const result = await inOrganisation(db, { organisationId }, (trx) =>
      trx
        .deleteFrom('notice_subscriptions')
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'pending')
        .where('created_at', '<', before)
        .executeTakeFirst(),
    );
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
