/**
 * Renewal by consent: where a purpose's retention is `renewableByConsent` (direct marketing), a fresh purpose consent
 * in the ledger moves the anchor of that person's rows to the moment of the consent.
 *
 * The consent domain keeps purpose consents as append-only events (`purpose_consents`: requested, granted,
 * withdrawn) keyed by a keyed hash of the normalised email, with the email itself in `purpose_consent_subjects`
 * (deleted when the person is erased). The grant in force for a person is their latest `granted` event, provided no
 * `withdrawn` event came after it (a withdrawn consent renews nothing; a pending double opt-in neither).
 *
 * Matching against a store: the store table's email identity column, compared with the normalised email
 * (`normaliseEmail` of the consent domain: trimmed, NFC, lower-cased) — passed to the connector as a `DueExclusion` per cutoff (see timing.ts `renewedAt`).
 * This module only reads the consent tables.
 */
import { sql, type Kysely } from 'kysely';
import { retentionView, type RetentionDb } from './tables.js';
import { normaliseEmail } from '../consent/ledger-keys.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { Renewal } from './timing.js';

/** Where renewals come from; the plan and the sweep take it as a port (tests may pass a fixed list). */
export interface RenewalSource {
  /** The grants in force for a purpose, one per person. */
  grantsInForce(scope: OrgScope, purposeId: string): Promise<Renewal[]>;
}

/** Reads the purpose-consent ledger of Charter's database. */
export function ledgerRenewals<DB extends RetentionDb>(anyDb: Kysely<DB>): RenewalSource {
  const db = retentionView(anyDb);
  return {
    async grantsInForce(scope, purposeId) {
      const organisationId = requireScope(scope);
      const rows = await inOrganisation(db, scope, async (trx) => {
        const result = await sql<{ email: string; recorded_at: Date | string; action: string }>`
          select s.email, last.recorded_at, last.action
            from (select distinct on (c.subject_hash) c.subject_hash, c.recorded_at, c.action
                    from purpose_consents c
                   where c.organisation_id = ${organisationId} and c.purpose_id = ${purposeId}
                     and c.action in ('granted', 'withdrawn')
                   order by c.subject_hash, c.seq desc) last
            join purpose_consent_subjects s
              on s.organisation_id = ${organisationId} and s.subject_hash = last.subject_hash
           where last.action = 'granted'`.execute(trx);
        return result.rows;
      });
      return rows.map((row) => ({ email: normaliseEmail(row.email), grantedAt: new Date(row.recorded_at) }));
    },
  };
}
