/**
 * Telling people of significant changes: a visitor leaves an email address (double opt-in: nothing is sent but the
 * confirmation until they confirm), the privacy team marks a version as significant, and one announcement per
 * confirmed subscriber is queued in the same transaction, then sent through the mail port in the subscriber's
 * language with what changed. Every mail carries its own unsubscribe link; unsubscribing deletes the address.
 *
 * Audit entries carry ids only, never an address. Unconfirmed addresses are deleted after a week.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { randomSecret, secretHash } from '../accounts/secrets.js';
import { recordAudit } from '../audit/trail.js';
import type { Language } from '../charter/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import type { Mailer } from '../platform/mail.js';
import type { DocumentKind } from './document.js';
import { noticeTexts } from './texts/index.js';
import { noticesView, type NoticesDb } from './tables.js';
import { versionsWithMark } from './versions.js';

/**
 * The audit entry of a step the subscriber took (`notice.subscription-<step>`, actor `subject`): the subscription's id
 * and its site (and language), never the address.
 */
function auditSubjectStep(
  trx: Transaction<NoticesDb>,
  scope: OrgScope,
  step: 'requested' | 'confirmed' | 'removed',
  id: string,
  data: Record<string, unknown>,
  now: Date,
) {
  const entry = { actor: 'subject', action: `notice.subscription-${step}`, target: `notice-subscription:${id}`, data };
  return recordAudit(trx, scope, entry, now);
}

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
export async function requestSubscription<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  mailer: Mailer,
  input: SubscriptionRequest,
  now: Date,
): Promise<void> {
  const db = noticesView(anyDb);
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
    await auditSubjectStep(trx, scope, 'requested', id, { site: input.siteId, language: input.language }, now);
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

/** The subscription of a site whose confirmation token hashes to `hash`, if any. */
function rowByTokenHash(trx: Transaction<NoticesDb>, organisationId: string, siteId: string, hash: string) {
  return trx
    .selectFrom('notice_subscriptions')
    .select(['id', 'site_id', 'language', 'status', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('site_id', '=', siteId)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

/** The subscription a confirmation token belongs to (pending ones only within the confirmation window). */
export async function subscriptionByToken<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  token: string,
  now: Date,
): Promise<TokenSubscription | undefined> {
  const db = noticesView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const row = await rowByTokenHash(trx, organisationId, siteId, secretHash(token));
    if (!row) return undefined;
    if (row.status === 'pending' && now.getTime() - row.created_at.getTime() > confirmationWindowMs) return undefined;
    return { id: row.id, siteId: row.site_id, language: row.language, status: row.status };
  });
}

/** Confirms a pending subscription (idempotent for a confirmed one). */
export async function confirmSubscription<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  token: string,
  now: Date,
): Promise<boolean> {
  const db = noticesView(anyDb);
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
    await auditSubjectStep(trx, scope, 'confirmed', found.id, { site: siteId }, now);
  });
  return true;
}

/**
 * Deletes a subscription, found by the confirmation token or by the unsubscribe token of any mail sent to it.
 * Returns false for an unknown token.
 */
export async function unsubscribe<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  token: string,
  now: Date,
): Promise<boolean> {
  const db = noticesView(anyDb);
  const organisationId = requireScope(scope);
  const hash = secretHash(token);
  return inOrganisation(db, scope, async (trx) => {
    const byToken = await rowByTokenHash(trx, organisationId, siteId, hash);
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
    await auditSubjectStep(trx, scope, 'removed', id, { site: siteId }, now);
    return true;
  });
}

/** Counts of subscribers of a site by status and language (for the console; no addresses). */
export async function subscriptionSummary<DB extends NoticesDb>(anyDb: Kysely<DB>, scope: OrgScope, siteId: string) {
  const db = noticesView(anyDb);
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
export async function markSignificant<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: MarkSignificant,
  now: Date,
): Promise<{ queued: number }> {
  const db = noticesView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    // The version, and whether it is already marked, in one read.
    const version = await versionsWithMark(trx, organisationId, input.siteId, input.kind)
      .select(['v.version', 's.marked_at'])
      .where('v.version', '=', input.version)
      .executeTakeFirst();
    if (!version) throw notFound('notice version');
    if (version.marked_at !== null) throw conflict('This version is already marked as a significant change.');
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

/** Deletes addresses never confirmed within the window (installation-level, for the job runner). */
export async function purgeUnconfirmed<DB extends NoticesDb>(anyDb: Kysely<DB>, now: Date): Promise<number> {
  const db = noticesView(anyDb);
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
