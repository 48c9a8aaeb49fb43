/**
 * Purpose consents outside the banner, tied to a person known by email: a newsletter (double opt-in), photos where
 * the person is the main subject, sharing contact details with other webinar participants, a parent's consent for a
 * child under the country's age. The purposes and their exact texts come from the charter (`purposes[].consent`).
 *
 * Storage keeps erasure possible: events are keyed by a keyed hash of the email; the address itself sits in one row
 * per person (`purpose_consent_subjects`), needed to send confirmations and to give the organisation its lists. The
 * events are append-only (a trigger refuses UPDATE and DELETE) except inside `erasePurposeConsents`, which removes the
 * person's events and address together. The marketing suppression list is separate and survives erasure.
 *
 * Every event names the version of the text shown (a hash of the text in every language, stored once).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { consentView, type ConsentDb } from './tables.js';
import { consentPorts, type PurposeConsentPorts } from './purpose-consent-ports.js';
import { z } from 'zod';
import { recordAudit } from '../audit/trail.js';
import { activeCharter } from '../charter/repository.js';
import { canonicalJson, sha256 } from '../charter/revision.js';
import { languages, type Charter, type Purpose } from '../charter/schema.js';
import { invalidInput, notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { consentKeysFor } from './ledger-keys.js';
import { ageOn, digitalConsentAge, jointConsentCountries } from './purpose-consent-ages.js';
import { confirmationMail } from './purpose-consent-pages.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';
import { eventsOf, statusOf } from './purpose-consent-reads.js';
import { confirmationToken, openConfirmationToken } from './purpose-consent-tokens.js';

// Reads and token helpers live in their own modules; re-exported so callers keep one import.
export {
  grantedEmails,
  hasConfirmedAddress,
  purposeConsentsOf,
  statusOf,
  type PurposeConsentStatus,
  type PurposeConsentSummary,
} from './purpose-consent-reads.js';
export { uuidBytes, uuidString } from './purpose-consent-tokens.js';
export type { PurposeConsentPorts } from './purpose-consent-ports.js';

/** How long a double opt-in confirmation link works. */
export const confirmationDays = 7;

/** At most one confirmation mail per address and purpose in this many minutes. */
export const confirmationThrottleMinutes = 10;

/** An email address as people type it: surrounding spaces are dropped before it is checked. */
export const emailInputSchema = z.string().trim().max(254).pipe(z.email('an email address'));

export const childSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as BE'),
  birthDate: z.iso.date('a date as YYYY-MM-DD'),
  agrees: z.boolean().optional().describe('the child agrees too (joint consent, e.g. France under 15)'),
});

export const purposeConsentInputSchema = z.strictObject({
  email: emailInputSchema,
  purpose: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a purpose id')
    .max(100),
  language: z.enum(languages),
  site: z.string().max(100).optional(),
  child: childSchema.optional().describe('for a parental consent: the child it is given for'),
});
export type PurposeConsentInput = z.infer<typeof purposeConsentInputSchema>;

interface ConsentPurpose {
  charter: Charter;
  purpose: Purpose & { consent: NonNullable<Purpose['consent']> };
}

/** The charter purpose `purposeId` if it asks for consent outside the banner; 422 otherwise. */
export async function consentPurpose<DB extends ConsentDb>(
  db: Kysely<DB>,
  scope: OrgScope,
  purposeId: string,
): Promise<ConsentPurpose> {
  const stored = await activeCharter(db, scope);
  if (!stored) throw notFound('charter');
  const purpose = stored.charter.purposes.find((p) => p.id === purposeId);
  if (!purpose) throw invalidInput([{ path: 'body.purpose', message: `unknown purpose "${purposeId}"` }]);
  if (!purpose.consent)
    throw invalidInput([
      { path: 'body.purpose', message: `purpose "${purposeId}" does not ask for consent outside the banner` },
    ]);
  return { charter: stored.charter, purpose: purpose as ConsentPurpose['purpose'] };
}

/** The version of a purpose's consent text: a hash of the text in every language and of how it is asked. */
export function textVersion(purpose: ConsentPurpose['purpose']): string {
  return sha256(canonicalJson({ purpose: purpose.id, consent: purpose.consent })).slice(0, 16);
}

/** Checks the parental part of an input and returns what is recorded about it (never the birth date itself). */
export function parentalFacts(
  charter: Charter,
  purpose: ConsentPurpose['purpose'],
  input: Pick<PurposeConsentInput, 'child'>,
  now: Date,
) {
  if (!purpose.consent.parental) {
    if (input.child) throw invalidInput([{ path: 'body.child', message: 'this purpose is not a parental consent' }]);
    return null;
  }
  const child = input.child;
  if (!child)
    throw invalidInput([{ path: 'body.child', message: 'a parental consent names the child: country and birth date' }]);
  const age = ageOn(child.birthDate, now);
  if (age < 0) throw invalidInput([{ path: 'body.child.birthDate', message: 'the birth date is in the future' }]);
  const minimumAge = digitalConsentAge(charter, child.country);
  if (age >= minimumAge) {
    // Art. 8(1): from this age the child's own consent is the valid one.
    throw invalidInput([
      {
        path: 'body.child.birthDate',
        message: `the child is ${age}: from ${minimumAge} in ${child.country} the child consents personally`,
      },
    ]);
  }
  const joint = jointConsentCountries.has(child.country);
  if (joint && child.agrees !== true) {
    throw invalidInput([
      {
        path: 'body.child.agrees',
        message: `in ${child.country} under ${minimumAge} the child consents together with the parent`,
      },
    ]);
  }
  return {
    country: child.country,
    minimumAge,
    childAge: age,
    childBirthYear: Number(child.birthDate.slice(0, 4)),
    joint,
  };
}

/**
 * What recording and requesting a purpose consent share: the language checked against the charter, the parental
 * facts, the version of the text, the person's keyed hash and the new event's id.
 */
async function prepareEvent(
  ports: PurposeConsentPorts,
  scope: OrgScope,
  charter: Charter,
  purpose: ConsentPurpose['purpose'],
  input: PurposeConsentInput,
) {
  checkLanguage(charter, input.language);
  const now = ports.clock();
  const parental = parentalFacts(charter, purpose, input, now);
  const version = textVersion(purpose);
  const subjectHash = await consentKeysFor(ports.db).hashEmail(scope, input.email);
  return { now, parental, version, subjectHash, id: randomUUID() };
}

async function storeText(
  trx: Transaction<ConsentDb>,
  organisationId: string,
  purpose: ConsentPurpose['purpose'],
  version: string,
) {
  await trx
    .insertInto('purpose_consent_texts')
    .values({
      organisation_id: organisationId,
      purpose_id: purpose.id,
      version,
      texts: JSON.stringify({ name: purpose.name, consent: purpose.consent }),
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'purpose_id', 'version']).doNothing())
    .execute();
}

async function storeSubject(trx: Transaction<ConsentDb>, organisationId: string, subjectHash: string, email: string) {
  await trx
    .insertInto('purpose_consent_subjects')
    .values({ organisation_id: organisationId, subject_hash: subjectHash, email: email.trim() })
    .onConflict((oc) => oc.columns(['organisation_id', 'subject_hash']).doNothing())
    .execute();
}

/**
 * Asks a person to confirm a purpose consent by email (double opt-in): records a `requested` event and sends a mail
 * with a signed confirmation link. Used for every consent given through a public form (the address is unproven) and
 * for staff records of purposes that require double opt-in. The answer never says whether the person was known, nor
 * whether a mail went out (at most one per address and purpose every `confirmationThrottleMinutes`).
 */
export async function requestPurposeConsent<DB extends ConsentDb>(
  anyPorts: PurposeConsentPorts<DB>,
  scope: OrgScope,
  input: PurposeConsentInput,
  options: { actor: string; method: string },
): Promise<{ status: 'confirmation-sent' }> {
  const ports = consentPorts(anyPorts);
  const organisationId = requireScope(scope);
  const { charter, purpose } = await consentPurpose(ports.db, scope, input.purpose);
  const { now, parental, version, subjectHash, id } = await prepareEvent(ports, scope, charter, purpose, input);
  const fresh = await inOrganisation(ports.db, scope, async (trx) => {
    // One confirmation mail per address and purpose per throttle period, whoever asks: a public form must not become
    // a way to flood someone's mailbox. The answer stays the same either way.
    await sql`select pg_advisory_xact_lock(hashtext(${`${subjectHash}:${purpose.id}`}))`.execute(trx);
    const recent = await trx
      .selectFrom('purpose_consents')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('subject_hash', '=', subjectHash)
      .where('purpose_id', '=', purpose.id)
      .where('action', '=', 'requested')
      .where('recorded_at', '>', new Date(now.getTime() - confirmationThrottleMinutes * 60_000))
      .executeTakeFirst();
    if (recent) return false;
    await storeText(trx, organisationId, purpose, version);
    await storeSubject(trx, organisationId, subjectHash, input.email);
    await trx
      .insertInto('purpose_consents')
      .values({
        organisation_id: organisationId,
        id,
        subject_hash: subjectHash,
        purpose_id: purpose.id,
        action: 'requested',
        text_version: version,
        language: input.language,
        method: options.method,
        site_id: input.site ?? null,
        parental: parental ? JSON.stringify(parental) : null,
        confirms: null,
        actor: options.actor,
        recorded_at: now,
      })
      .execute();
    return true;
  });
  if (!fresh) return { status: 'confirmation-sent' };
  const token = await confirmationToken(ports.db, scope, id);
  const mail = confirmationMail({
    language: input.language,
    organisation: organisationNameIn(charter, input.language),
    purposeName: purpose.name,
    consentText: purpose.consent.text,
    parental: parental !== null,
    link: `${ports.publicUrl}/consent/confirm/${token}`,
    days: confirmationDays,
  });
  await ports.mailer.send({
    organisationId,
    to: input.email.trim(),
    subject: mail.subject,
    text: mail.text,
    template: 'consent.purpose-confirm',
    language: input.language,
  });
  return { status: 'confirmation-sent' };
}

/**
 * Records a purpose consent the organisation collected itself (a signed form at an event, a webinar registration it
 * verified): granted at once, unless the purpose requires double opt-in, in which case the person is asked by email.
 */
export async function recordPurposeConsent<DB extends ConsentDb>(
  anyPorts: PurposeConsentPorts<DB>,
  scope: OrgScope,
  input: PurposeConsentInput,
  options: { actor: string; method: string },
): Promise<{ status: 'granted' | 'confirmation-sent'; id?: string }> {
  const ports = consentPorts(anyPorts);
  const organisationId = requireScope(scope);
  const { charter, purpose } = await consentPurpose(ports.db, scope, input.purpose);
  if (purpose.consent.doubleOptIn) return requestPurposeConsent(ports, scope, input, options);
  const { now, parental, version, subjectHash, id } = await prepareEvent(ports, scope, charter, purpose, input);
  await inOrganisation(ports.db, scope, async (trx) => {
    await storeText(trx, organisationId, purpose, version);
    await storeSubject(trx, organisationId, subjectHash, input.email);
    await insertEvent(trx, organisationId, {
      id,
      subjectHash,
      purposeId: purpose.id,
      action: 'granted',
      version,
      language: input.language,
      method: options.method,
      site: input.site ?? null,
      parental,
      confirms: null,
      actor: options.actor,
      now,
    });
    await recordAudit(
      trx,
      scope,
      {
        actor: options.actor,
        action: 'consent.purpose-granted',
        target: `purpose-consent:${id}`,
        data: { purpose: purpose.id, method: options.method, textVersion: version },
      },
      now,
    );
  });
  return { status: 'granted', id };
}

export type ConfirmOutcome =
  | { outcome: 'granted' | 'already-confirmed'; language: string; purposeName: Purpose['name']; organisation: string }
  | { outcome: 'expired' | 'invalid' };

/** What a confirmation link leads to, without changing anything (the GET page shows the text and a button). */
export async function inspectConfirmation<DB extends ConsentDb>(anyPorts: PurposeConsentPorts<DB>, token: string) {
  const ports = consentPorts(anyPorts);
  const found = await openConfirmationToken(ports.db, token);
  if (!found) return undefined;
  const { scope, requestId } = found;
  const organisationId = requireScope(scope);
  const organisation = await ports.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return inOrganisation(ports.db, scope, async (trx) => {
    const request = await trx
      .selectFrom('purpose_consents as c')
      .innerJoin('purpose_consent_texts as t', (join) =>
        join
          .onRef('t.organisation_id', '=', 'c.organisation_id')
          .onRef('t.purpose_id', '=', 'c.purpose_id')
          .onRef('t.version', '=', 'c.text_version'),
      )
      .select([
        'c.id',
        'c.subject_hash',
        'c.purpose_id',
        'c.text_version',
        'c.language',
        'c.site_id',
        'c.parental',
        'c.recorded_at',
        't.texts',
      ])
      .where('c.organisation_id', '=', organisationId)
      .where('c.id', '=', requestId)
      .where('c.action', '=', 'requested')
      .executeTakeFirst();
    if (!request) return undefined;
    const confirmed = await trx
      .selectFrom('purpose_consents')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('confirms', '=', requestId)
      .executeTakeFirst();
    const texts = (typeof request.texts === 'string' ? JSON.parse(request.texts) : request.texts) as {
      name: Purpose['name'];
      consent: NonNullable<Purpose['consent']>;
    };
    const expired = new Date(request.recorded_at).getTime() + confirmationDays * 86_400_000 < ports.clock().getTime();
    return { scope, request, texts, confirmed: confirmed !== undefined, expired, organisation: organisation.name };
  });
}

/** Confirms a double opt-in: records `granted` (confirming the request) unless already confirmed or expired. */
export async function confirmPurposeConsent<DB extends ConsentDb>(
  anyPorts: PurposeConsentPorts<DB>,
  token: string,
): Promise<ConfirmOutcome> {
  const ports = consentPorts(anyPorts);
  const found = await inspectConfirmation(ports, token);
  if (!found) return { outcome: 'invalid' };
  const { scope, request, texts, organisation } = found;
  const common = { language: request.language, purposeName: texts.name, organisation };
  if (found.confirmed) return { outcome: 'already-confirmed', ...common };
  if (found.expired) return { outcome: 'expired' };
  const organisationId = requireScope(scope);
  const now = ports.clock();
  const id = randomUUID();
  const outcome = await inOrganisation(ports.db, scope, async (trx) => {
    // Two clicks at once: the second waits here and then sees the first grant.
    await sql`select pg_advisory_xact_lock(hashtext(${request.id}))`.execute(trx);
    const already = await trx
      .selectFrom('purpose_consents')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('confirms', '=', request.id)
      .executeTakeFirst();
    if (already) return 'already-confirmed' as const;
    await insertEvent(trx, organisationId, {
      id,
      subjectHash: request.subject_hash,
      purposeId: request.purpose_id,
      action: 'granted',
      version: request.text_version,
      language: request.language,
      method: 'double-opt-in',
      site: request.site_id,
      parental: request.parental ?? null,
      confirms: request.id,
      actor: 'subject',
      now,
    });
    await recordAudit(
      trx,
      scope,
      {
        actor: 'subject',
        action: 'consent.purpose-granted',
        target: `purpose-consent:${id}`,
        data: {
          purpose: request.purpose_id,
          method: 'double-opt-in',
          confirms: request.id,
          textVersion: request.text_version,
        },
      },
      now,
    );
    return 'granted' as const;
  });
  return { outcome, ...common };
}

/**
 * Withdraws a person's consent for one purpose (Art. 7(3): as easy as giving it). Records a `withdrawn` event when the
 * consent is granted or pending; returns `withdrawn: false` when there was nothing to withdraw.
 *
 * @example
 *   await withdrawPurposeConsent(db, scope, { email: 'an@example.be', purpose: 'newsletter' }); // privacy center
 */
export async function withdrawPurposeConsent<DB extends ConsentDb>(
  db: Kysely<DB>,
  scope: OrgScope,
  input: { email: string; purpose: string },
  options: { actor?: string; method?: string; now?: Date } = {},
): Promise<{ withdrawn: boolean }> {
  const subjectHash = await consentKeysFor(db).hashEmail(scope, input.email);
  return withdrawBySubjectHash(db, scope, subjectHash, input.purpose, options);
}

/** `withdrawPurposeConsent` for a person known only by the keyed hash of their email (signed unsubscribe links). */
export async function withdrawBySubjectHash<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  subjectHash: string,
  purposeId: string,
  options: { actor?: string; method?: string; now?: Date } = {},
): Promise<{ withdrawn: boolean }> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const now = options.now ?? new Date();
  const actor = options.actor ?? 'subject';
  const method = options.method ?? 'withdrawal';
  return inOrganisation(db, scope, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`${subjectHash}:${purposeId}`}))`.execute(trx);
    const events = await eventsOf(trx, organisationId, subjectHash, purposeId);
    const state = statusOf(events);
    if (state.status !== 'granted' && state.status !== 'pending') return { withdrawn: false };
    const last = events.at(-1);
    if (!last) return { withdrawn: false };
    const id = randomUUID();
    await insertEvent(trx, organisationId, {
      id,
      subjectHash,
      purposeId,
      action: 'withdrawn',
      version: last.text_version,
      language: last.language,
      method,
      site: null,
      parental: null,
      confirms: null,
      actor,
      now,
    });
    await recordAudit(
      trx,
      scope,
      {
        actor,
        action: 'consent.purpose-withdrawn',
        target: `purpose-consent:${id}`,
        data: { purpose: purposeId, method },
      },
      now,
    );
    return { withdrawn: true };
  });
}

/**
 * Erases a person's purpose consents (Art. 17): their events and their address, in one transaction that states it is
 * an erasure (the append-only trigger lets only that through). The marketing suppression entry, if any, stays.
 */
export async function erasePurposeConsents<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  email: string,
  options: { actor: string; now?: Date },
): Promise<{ events: number }> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const subjectHash = await consentKeysFor(db).hashEmail(scope, email);
  return inOrganisation(db, scope, async (trx) => {
    await sql`select set_config('charter.consent_erasure', 'on', true)`.execute(trx);
    const deleted = await trx
      .deleteFrom('purpose_consents')
      .where('organisation_id', '=', organisationId)
      .where('subject_hash', '=', subjectHash)
      .executeTakeFirst();
    await trx
      .deleteFrom('purpose_consent_subjects')
      .where('organisation_id', '=', organisationId)
      .where('subject_hash', '=', subjectHash)
      .execute();
    await sql`select set_config('charter.consent_erasure', 'off', true)`.execute(trx);
    const events = Number(deleted.numDeletedRows);
    if (events > 0) {
      await recordAudit(
        trx,
        scope,
        { actor: options.actor, action: 'consent.purpose-consents-erased', data: { events } },
        options.now ?? new Date(),
      );
    }
    return { events };
  });
}

async function insertEvent(
  trx: Transaction<ConsentDb>,
  organisationId: string,
  event: {
    id: string;
    subjectHash: string;
    purposeId: string;
    action: 'granted' | 'withdrawn';
    version: string;
    language: string;
    method: string;
    site: string | null;
    parental: unknown;
    confirms: string | null;
    actor: string;
    now: Date;
  },
) {
  await trx
    .insertInto('purpose_consents')
    .values({
      organisation_id: organisationId,
      id: event.id,
      subject_hash: event.subjectHash,
      purpose_id: event.purposeId,
      action: event.action,
      text_version: event.version,
      language: event.language,
      method: event.method,
      site_id: event.site,
      parental: event.parental === null || event.parental === undefined ? null : JSON.stringify(event.parental),
      confirms: event.confirms,
      actor: event.actor,
      recorded_at: event.now,
    })
    .execute();
}

function checkLanguage(charter: Charter, language: string) {
  if (!(charter.languages as string[]).includes(language)) {
    throw invalidInput([
      { path: 'body.language', message: `not a language of this charter (${charter.languages.join(', ')})` },
    ]);
  }
}
