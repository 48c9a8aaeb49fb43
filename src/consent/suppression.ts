/**
 * The marketing suppression list. An objection to direct marketing is absolute (Art. 21(3)) and an unsubscribe must
 * hold, so both add a keyed hash of the normalised email — never the address — which survives the erasure of the
 * person (erasure removes the address and the purpose consents; this hash stays so the person is never mailed again
 * from an imported list). Entries are never updated or deleted (a trigger refuses).
 *
 * A suppression is lifted only by a newer, still-standing consent to a direct-marketing purpose (e.g. the person
 * subscribes again and confirms by double opt-in): that is a fresh, specific and informed choice of the person.
 *
 * Outgoing marketing mail carries RFC 8058 one-click unsubscribe headers with a per-recipient signed link, so nobody
 * can unsubscribe anyone else.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { activeCharter } from '../charter/repository.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { consentView, type ConsentDb, type MarketingSuppressionTable } from './tables.js';
import { consentKeysFor } from './ledger-keys.js';
import { withdrawBySubjectHash } from './purpose-consent.js';
import { openSignedToken, uuidBytes } from './purpose-consent-tokens.js';

export type SuppressionReason = MarketingSuppressionTable['reason'];
export const suppressionReasons = [
  'objection',
  'unsubscribe',
  'complaint',
  'erasure',
  'manual',
] as const satisfies readonly SuppressionReason[];

/**
 * Adds an email to the organisation's suppression list (idempotent) and withdraws the person's consents to
 * direct-marketing purposes. For the rights domain: call it for an Art. 21(3) objection, and before an erasure when
 * the person must not be mailed again.
 *
 * @example
 *   await suppress(db, scope, 'an@example.be', 'objection', { actor: 'user:…', source: 'request:…' });
 */
export async function suppress<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  email: string,
  reason: SuppressionReason,
  options: { actor?: string; source?: string; now?: Date } = {},
): Promise<{ added: boolean }> {
  const db = consentView(anyDb);
  const emailHash = await consentKeysFor(db).hashEmail(scope, email);
  return suppressHash(db, scope, emailHash, reason, options);
}

/** `suppress` for a person known only by the keyed hash of their email (signed unsubscribe links). */
export async function suppressHash<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  emailHash: string,
  reason: SuppressionReason,
  options: { actor?: string; source?: string; now?: Date } = {},
): Promise<{ added: boolean }> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const now = options.now ?? new Date();
  const actor = options.actor ?? 'subject';
  const source = options.source ?? reason;
  const added = await inOrganisation(db, scope, async (trx) => {
    const inserted = await trx
      .insertInto('marketing_suppressions')
      .values({ organisation_id: organisationId, email_hash: emailHash, reason, source, created_at: now })
      .onConflict((oc) => oc.columns(['organisation_id', 'email_hash']).doNothing())
      .returning('email_hash')
      .execute();
    const isNew = inserted.length > 0;
    await recordAudit(trx, scope, { actor, action: 'consent.suppressed', data: { reason, source, added: isNew } }, now);
    return isNew;
  });
  // Each withdrawal is its own append-only event; the suppression above already stops mail even if this is cut short.
  for (const purpose of await directMarketingPurposes(db, scope)) {
    await withdrawBySubjectHash(db, scope, emailHash, purpose, { actor, method: reason, now });
  }
  return { added };
}

/** Whether marketing mail to `email` must be suppressed. */
export async function isSuppressed<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  email: string,
): Promise<boolean> {
  const db = consentView(anyDb);
  return (await suppressedAmong(db, scope, [email])).has(email);
}

/** Which of `emails` are suppressed (one query for the whole list; for mail tools checking a send list). */
export async function suppressedAmong<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  emails: readonly string[],
): Promise<Set<string>> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  if (emails.length === 0) return new Set();
  const keys = consentKeysFor(db);
  const hashes = new Map<string, string[]>();
  for (const email of emails) {
    const hash = await keys.hashEmail(scope, email);
    hashes.set(hash, [...(hashes.get(hash) ?? []), email]);
  }
  const purposes = await directMarketingPurposes(db, scope);
  const { rows } = await inOrganisation(db, scope, (trx) =>
    sql<{ email_hash: string }>`
      select s.email_hash from marketing_suppressions s
       where s.organisation_id = ${organisationId}
         and s.email_hash = any(${[...hashes.keys()]}::text[])
         and not exists (
           select 1 from purpose_consents c
            where c.organisation_id = s.organisation_id and c.subject_hash = s.email_hash
              and c.purpose_id = any(${purposes}::text[]) and c.action = 'granted' and c.recorded_at > s.created_at
              and not exists (
                select 1 from purpose_consents w
                 where w.organisation_id = c.organisation_id and w.subject_hash = c.subject_hash
                   and w.purpose_id = c.purpose_id and w.action = 'withdrawn' and w.seq > c.seq))`.execute(trx),
  );
  return new Set(rows.flatMap((row) => hashes.get(row.email_hash) ?? []));
}

const purposeCache = new Map<string, { at: number; ids: string[] }>();

/** Ids of the charter's direct-marketing purposes (cached for five seconds: mail tools check in bulk). */
async function directMarketingPurposes(db: Kysely<ConsentDb>, scope: OrgScope): Promise<string[]> {
  const organisationId = requireScope(scope);
  const cached = purposeCache.get(organisationId);
  if (cached && Date.now() - cached.at < 5000) return cached.ids;
  const stored = await activeCharter(db, scope);
  const ids = stored?.charter.purposes.filter((p) => p.directMarketing).map((p) => p.id) ?? [];
  purposeCache.set(organisationId, { at: Date.now(), ids });
  return ids;
}

// Unsubscribe links: `/unsubscribe/<token>[?purpose=<id>]`. The token holds the organisation id (16 bytes) and the
// email's keyed hash (32 bytes), and a signature with the organisation's link key over both and the purpose. It holds
// no address, and the signature binds it to one recipient. (The purpose rides in the query string: route parameters
// are limited to 100 characters.)
const tokenLabel = Buffer.from('unsubscribe:');

function signedPart(payload: Buffer, purpose: string | undefined): Buffer {
  return Buffer.concat([tokenLabel, payload, Buffer.from(`:${purpose ?? ''}`, 'utf8')]);
}

/** The path and query of one recipient's unsubscribe link (and purpose, when the mail is about one). */
export async function unsubscribePath<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  email: string,
  purpose?: string,
): Promise<string> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const keys = consentKeysFor(db);
  const payload = Buffer.concat([uuidBytes(organisationId), Buffer.from(await keys.hashEmail(scope, email), 'hex')]);
  const token = `${payload.toString('base64url')}.${await keys.sign(scope, signedPart(payload, purpose))}`;
  return `/unsubscribe/${token}${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ''}`;
}

/** Opens a link's token: who it is for, or undefined when it is malformed or its signature does not match. */
export async function openUnsubscribeToken<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  token: string,
  purpose: string | undefined,
): Promise<{ scope: OrgScope; emailHash: string; purpose: string | undefined } | undefined> {
  const db = consentView(anyDb);
  const [encoded, signature, extra] = token.split('.');
  if (extra !== undefined) return undefined;
  const opened = await openSignedToken(db, { encoded, signature }, 48, (payload) => signedPart(payload, purpose));
  return opened && { scope: opened.scope, emailHash: opened.payload.subarray(16, 48).toString('hex'), purpose };
}

/**
 * The RFC 8058 headers for one outgoing marketing mail: a per-recipient HTTPS unsubscribe link and the one-click
 * marker. Mail clients (Gmail, Yahoo, Apple Mail) then offer "Unsubscribe", which POSTs `List-Unsubscribe=One-Click`.
 *
 * @example
 *   const headers = await listUnsubscribeHeaders(db, scope, { email, purpose: 'newsletter', baseUrl: publicUrl(config) });
 *   await mailer.send({ organisationId, to: email, subject, text, template: 'newsletter', headers });
 */
export async function listUnsubscribeHeaders<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: { email: string; purpose?: string | undefined; baseUrl: string },
): Promise<{ 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string }> {
  const db = consentView(anyDb);
  const path = await unsubscribePath(db, scope, input.email, input.purpose);
  return {
    'List-Unsubscribe': `<${input.baseUrl.replace(/\/$/, '')}${path}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/**
 * Carries out an unsubscribe link: suppresses the recipient and withdraws the consent of the purpose named in the
 * link. Idempotent. Returns undefined for an invalid token.
 */
export async function unsubscribe<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  link: { token: string; purpose: string | undefined },
  options: { now: Date; source: 'one-click' | 'page' },
): Promise<{ organisationId: string; purpose: string | undefined } | undefined> {
  const db = consentView(anyDb);
  const opened = await openUnsubscribeToken(db, link.token, link.purpose);
  if (!opened) return undefined;
  await suppressHash(db, opened.scope, opened.emailHash, 'unsubscribe', {
    actor: 'subject',
    source: options.source,
    now: options.now,
  });
  if (opened.purpose) {
    await withdrawBySubjectHash(db, opened.scope, opened.emailHash, opened.purpose, {
      actor: 'subject',
      method: 'unsubscribe',
      now: options.now,
    });
  }
  return { organisationId: opened.scope.organisationId, purpose: opened.purpose };
}
