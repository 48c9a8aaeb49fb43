/**
 * Month partitions of the consent ledger. Records are partitioned by the UTC month of their server timestamp
 * (PostgreSQL declarative range partitioning, also on PGlite), one table `consent_records_YYYY_MM` per month, created
 * on demand. A month leaves the ledger only whole, by `dropConsentMonth`, and only when every record in it is past
 * retention: that is the one way records are ever removed (the append-only trigger refuses UPDATE, DELETE and
 * TRUNCATE; dropping a partition fires none of them).
 *
 * Partitions hold the records of every organisation of the installation, so the retention engine passes the cutoff
 * that holds for all of them (the earliest `now − retention` among the organisations with records in that month).
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { consentView, type ConsentDb } from './tables.js';
import { conflict, invalidInput } from '../platform/errors.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Creates the partition of the month starting `monthStart` (YYYY-MM-01) unless it exists. Safe across processes. */
export async function ensureMonth<DB extends ConsentDb>(anyDb: Kysely<DB>, monthStart: string): Promise<void> {
  const db = consentView(anyDb);
  await sql`select consent_records_ensure_month(${monthStart}::date)`.execute(db);
}

export interface ConsentMonth {
  /** YYYY-MM */
  month: string;
  partition: string;
  /** First instant after the month (UTC): every record of the month is older. */
  endsAt: Date;
}

/** Every month partition of the ledger, oldest first. */
export async function listConsentMonths<DB extends ConsentDb>(anyDb: Kysely<DB>): Promise<ConsentMonth[]> {
  const db = consentView(anyDb);
  // The catalogue, not the records: it names the table without reading a row.
  const { rows } = await acrossOrganisations('list the ledger partitions', () =>
    sql<{ name: string }>`
      select c.relname as name
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'consent_records'::regclass
       order by c.relname`.execute(db),
  );
  return rows.flatMap((row) => {
    const match = /^consent_records_(\d{4})_(\d{2})$/.exec(row.name);
    if (!match) return [];
    const month = `${match[1]}-${match[2]}`;
    return [{ month, partition: row.name, endsAt: monthEnd(month) }];
  });
}

/** Months whose every record is older than `notAfter` (the retention cutoff): these may be dropped. */
export async function droppableConsentMonths<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  notAfter: Date,
): Promise<ConsentMonth[]> {
  const db = consentView(anyDb);
  return (await listConsentMonths(db)).filter((m) => m.endsAt.getTime() <= notAfter.getTime());
}

export interface DropResult {
  month: string;
  dropped: boolean;
  records: number;
  organisations: number;
}

/**
 * Drops the partition of `month` (YYYY-MM) with every record in it, if the whole month lies before `notAfter` — the
 * retention cutoff, e.g. now minus the consent-proof retention period — and before `now`. Each organisation with
 * records in the month gets an audit entry (`consent.month-dropped`, with the count) in the same transaction as the
 * drop. Returns `dropped: false` when there is no such partition. Throws 409 when the month is not past retention.
 *
 * @example
 *   // retention engine: consent proof kept 5 years after the month it was given in
 *   await dropConsentMonth(db, { month: '2020-03', notAfter: addDuration(now, duration('P5Y'), -1), now, actor: 'system' });
 */
export async function dropConsentMonth<DB extends ConsentDb>(
  anyDb: Kysely<DB>,
  input: { month: string; notAfter: Date; now: Date; actor: string },
): Promise<DropResult> {
  const db = consentView(anyDb);
  if (!monthPattern.test(input.month)) throw invalidInput([{ path: 'month', message: 'a month as YYYY-MM' }]);
  const endsAt = monthEnd(input.month);
  const cutoff = Math.min(input.notAfter.getTime(), input.now.getTime());
  if (endsAt.getTime() > cutoff) {
    throw conflict(
      `Records of ${input.month} are not all past retention: the month ends ${endsAt.toISOString()}, the cutoff is ${new Date(cutoff).toISOString()}.`,
    );
  }
  const partition = `consent_records_${input.month.replace('-', '_')}`;
  // A partition holds every organisation's records of the month: dropping it, and the audit entry of each
  // organisation it held, is installation-level maintenance in one transaction.
  return acrossOrganisations('drop a ledger month of every organisation', () =>
    db.transaction().execute(async (trx) => {
      const exists = await sql<{ found: string | null }>`select to_regclass(${partition})::text as found`.execute(trx);
      if (!exists.rows[0]?.found) return { month: input.month, dropped: false, records: 0, organisations: 0 };
      // Lock the partition first, so no record can arrive between the count and the drop.
      await sql`lock table ${sql.table(partition)} in access exclusive mode`.execute(trx);
      const counts = await sql<{ organisation_id: string; records: number }>`
      select organisation_id, count(*)::int as records from ${sql.table(partition)} group by organisation_id`.execute(
        trx,
      );
      for (const row of counts.rows) {
        await recordAudit(
          trx,
          { organisationId: row.organisation_id },
          {
            actor: input.actor,
            action: 'consent.month-dropped',
            target: `consent-month:${input.month}`,
            data: { month: input.month, records: row.records },
          },
          input.now,
        );
      }
      await sql`drop table ${sql.table(partition)}`.execute(trx);
      return {
        month: input.month,
        dropped: true,
        records: counts.rows.reduce((sum, row) => sum + row.records, 0),
        organisations: counts.rows.length,
      };
    }),
  );
}

function monthEnd(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 1));
}
