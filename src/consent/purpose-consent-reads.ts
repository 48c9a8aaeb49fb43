/**
 * Reading purpose consents: a person's events and the status they add up to, their summary per purpose, whether an
 * address was confirmed by double opt-in, and the addresses whose consent to a purpose is in force.
 */
import type { Kysely, Transaction } from 'kysely';
import { consentView, type ConsentDb } from './tables.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { consentKeysFor } from './ledger-keys.js';

export type PurposeConsentStatus = 'granted' | 'withdrawn' | 'pending' | 'none';

export interface PurposeConsentSummary {
  purpose: string;
  status: PurposeConsentStatus;
  /** When the current status began. */
  since: string | null;
  textVersion: string | null;
  events: { action: string; at: string; method: string; textVersion: string; language: string; parental: unknown }[];
}

/** Every purpose consent of a person, with its history (for the console, access requests and the privacy center). */
export async function purposeConsentsOf<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  email: string,
): Promise<PurposeConsentSummary[]> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const subjectHash = await consentKeysFor(db).hashEmail(scope, email);
  const rows = await inOrganisation(db, scope, (trx) => eventsOf(trx, organisationId, subjectHash));
  const byPurpose = new Map<string, EventRow[]>();
  for (const row of rows) byPurpose.set(row.purpose_id, [...(byPurpose.get(row.purpose_id) ?? []), row]);
  return [...byPurpose.entries()].map(([purpose, events]) => {
    const state = statusOf(events);
    return {
      purpose,
      status: state.status,
      since: state.since?.toISOString() ?? null,
      textVersion: state.textVersion,
      events: events.map((e) => ({
        action: e.action,
        at: new Date(e.recorded_at).toISOString(),
        method: e.method,
        textVersion: e.text_version,
        language: e.language,
        parental: e.parental,
      })),
    };
  });
}

/**
 * Whether the ledger holds a confirmed address for `email`: a double opt-in that the person confirmed from the mail
 * sent to it (a `granted` event that `confirms` a request). That proves the address reached its owner once, so the
 * privacy center may send a verification code to it. A later withdrawal does not undo the proof; an erasure does
 * (the events are gone).
 */
export async function hasConfirmedAddress<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  email: string,
): Promise<boolean> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const subjectHash = await consentKeysFor(db).hashEmail(scope, email);
  const row = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('purpose_consents')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('subject_hash', '=', subjectHash)
      .where('action', '=', 'granted')
      .where('confirms', 'is not', null)
      .limit(1)
      .executeTakeFirst(),
  );
  return row !== undefined;
}

/** The email addresses whose consent for `purposeId` is currently granted (e.g. the newsletter's list). */
export async function grantedEmails<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  purposeId: string,
): Promise<string[]> {
  const db = consentView(anyDb);
  const organisationId = requireScope(scope);
  const rows = await inOrganisation(db, scope, (trx) =>
    trx
      .selectFrom('purpose_consents as c')
      .innerJoin('purpose_consent_subjects as s', (join) =>
        join.onRef('s.organisation_id', '=', 'c.organisation_id').onRef('s.subject_hash', '=', 'c.subject_hash'),
      )
      .select(['s.email', 'c.action'])
      .distinctOn('c.subject_hash')
      .where('c.organisation_id', '=', organisationId)
      .where('c.purpose_id', '=', purposeId)
      .where('c.action', '!=', 'requested')
      .orderBy('c.subject_hash')
      .orderBy('c.seq', 'desc')
      .execute(),
  );
  return rows
    .filter((r) => r.action === 'granted')
    .map((r) => r.email)
    .sort();
}

export type EventRow = {
  id: string;
  purpose_id: string;
  action: 'requested' | 'granted' | 'withdrawn';
  text_version: string;
  language: string;
  method: string;
  parental: unknown;
  recorded_at: Date;
  seq: number;
};

/** A person's purpose consent events (of one purpose, when given), in order. */
export async function eventsOf<DB extends ConsentDb>(
  anyTrx: Transaction<DB>,
  organisationId: string,
  subjectHash: string,
  purposeId?: string,
): Promise<EventRow[]> {
  const trx = consentView(anyTrx);
  let query = trx
    .selectFrom('purpose_consents')
    .select(['id', 'purpose_id', 'action', 'text_version', 'language', 'method', 'parental', 'recorded_at', 'seq'])
    .where('organisation_id', '=', organisationId)
    .where('subject_hash', '=', subjectHash);
  if (purposeId) query = query.where('purpose_id', '=', purposeId);
  return query.orderBy('seq').execute();
}

/** The status after a purpose's events (in order): the last grant or withdrawal decides; a later request is pending. */
export function statusOf(events: readonly Pick<EventRow, 'action' | 'recorded_at' | 'text_version'>[]): {
  status: PurposeConsentStatus;
  since: Date | null;
  textVersion: string | null;
} {
  let state: { status: PurposeConsentStatus; since: Date | null; textVersion: string | null } = {
    status: 'none',
    since: null,
    textVersion: null,
  };
  for (const event of events) {
    if (event.action === 'requested') {
      if (state.status === 'none' || state.status === 'withdrawn')
        state = { status: 'pending', since: new Date(event.recorded_at), textVersion: event.text_version };
    } else {
      state = { status: event.action, since: new Date(event.recorded_at), textVersion: event.text_version };
    }
  }
  return state;
}
