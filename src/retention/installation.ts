/**
 * Installation-wide retention of Charter's own data, outside any one organisation:
 *
 * - consent records: the ledger is partitioned by month for every organisation at once, so a month goes whole, once
 *   every choice in it has expired (13 months at most, the longest a banner choice can stay in force) and the
 *   limitation period `RETENTION_CONSENT_RECORDS` (default P5Y) after that has passed — the proof of consent is kept
 *   for as long as the consent could be relied on, plus the time a claim about it can still be brought. The consent
 *   domain's `dropConsentMonth` writes each organisation's audit entry in the drop's transaction.
 * - installation mails (no organisation: first-run links) in the outbox, after `RETENTION_MAIL_OUTBOX`.
 *
 * Run by the daily installation job and by `charter retention run`.
 */
import { sql, type Kysely } from 'kysely';
import { retentionView, type RetentionDb } from './tables.js';
import { addDuration, duration } from '../charter/duration.js';
import { dropConsentMonth, droppableConsentMonths, type DropResult } from '../consent/ledger-partitions.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import type { OwnDataSettings } from './own-data.js';

/** The longest a banner choice stays in force (Charter refuses a longer `consent.expiry`). */
export const longestConsentLife = 'P13M';

export interface InstallationSweep {
  consentMonths: DropResult[];
  installationMails: number;
}

/** The instant before which consent records are past retention (whole months before it may go). */
export function consentCutoff(now: Date, limitation: string): Date {
  return addDuration(addDuration(now, duration(limitation), -1), duration(longestConsentLife), -1);
}

export async function sweepInstallation<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  own: OwnDataSettings,
  now: Date,
  batchSize: number,
): Promise<InstallationSweep> {
  const db = retentionView(anyDb);
  const consentMonths: DropResult[] = [];
  if (own.consentRecords) {
    const notAfter = consentCutoff(now, own.consentRecords);
    for (const month of await droppableConsentMonths(db, notAfter)) {
      consentMonths.push(await dropConsentMonth(db, { month: month.month, notAfter, now, actor: 'system' }));
    }
  }
  let installationMails = 0;
  if (own.mailOutbox) {
    for (;;) {
      // Installation mails belong to no organisation: no scope reaches them.
      const result = await acrossOrganisations('installation mails past retention', () =>
        sql`
          delete from mail_outbox where id in (
            select id from mail_outbox
             where organisation_id is null and created_at <= ${now.toISOString()}::timestamptz - ${own.mailOutbox}::interval
             limit ${batchSize})`.execute(db),
      );
      const deleted = Number(result.numAffectedRows ?? 0);
      installationMails += deleted;
      if (deleted < batchSize) break;
    }
  }
  return { consentMonths, installationMails };
}
