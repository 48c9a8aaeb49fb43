/**
 * Charter's own data follows retention rules too, executed by the same runs, steps and reports as the stores'.
 * They appear as the pseudo-store `charter`:
 *
 * - `mail_outbox` — copies of the mail Charter sent (codes, confirmations): deleted `RETENTION_MAIL_OUTBOX` (default
 *   P90D) after they were written. Installation mails (no organisation) are swept by the installation step.
 * - `audit_entries` — kept forever by default (`RETENTION_AUDIT=forever`): entries hold ids, never personal data, and
 *   they are the proof that every other deletion happened. With a duration, the oldest entries are pruned as a prefix
 *   of the chain: never the head, and an `audit.pruned` entry recording the seq and hash of the last pruned entry is
 *   written in the same transaction as the first deletion, so the remaining chain stays verifiable from that anchor
 *   (the first kept entry's `prev_hash` equals the recorded hash).
 * - `rights_requests` — a closed data-subject request is kept as the proof it was handled, then anonymised
 *   `RETENTION_REQUESTS` (default P5Y) after it closed: the identity, the contacts, the typed details and the
 *   rectification values are erased; the reference, type, dates, states and outcome stay (statistics and
 *   accountability). The packages' bytes are deleted by the rights domain itself when the download expires.
 * - consent records (the banner ledger) — partitioned by month for every organisation at once, so they are handled
 *   at installation level (see installation.ts): a month is dropped whole once every choice in it has expired
 *   (13 months at most) and the limitation period `RETENTION_CONSENT_RECORDS` (default P5Y) has passed.
 *
 * Each implements the two retention calls of the store connector port (`countDue`, `sweep`) over Charter's database.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { retentionView, type RetentionDb } from './tables.js';
import { genesisHash, recordAudit } from '../audit/trail.js';
import type { Config } from '../platform/config.js';
import { InvariantError } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import type { DueQuery, StoreConnector, SweepRequest, SweepResult } from '../stores/connector.js';
import { ownStoreId, type TableRule } from './rules.js';

/** The pseudo-store id of Charter's own data in plans and runs. */
export const ownStore = ownStoreId;

export interface OwnDataSettings {
  /** ISO duration, or undefined for "kept forever". */
  mailOutbox?: string | undefined;
  audit?: string | undefined;
  consentRecords?: string | undefined;
  requests?: string | undefined;
}

export function ownDataSettings(
  config: Pick<
    Config,
    'RETENTION_MAIL_OUTBOX' | 'RETENTION_AUDIT' | 'RETENTION_CONSENT_RECORDS' | 'RETENTION_REQUESTS'
  >,
): OwnDataSettings {
  const period = (value: string) => (value === 'forever' ? undefined : value);
  return {
    mailOutbox: period(config.RETENTION_MAIL_OUTBOX),
    audit: period(config.RETENTION_AUDIT),
    consentRecords: period(config.RETENTION_CONSENT_RECORDS),
    requests: period(config.RETENTION_REQUESTS),
  };
}

function ownRule(
  table: string,
  purpose: string,
  period: string,
  anchor: string,
  action: TableRule['action'] = 'delete',
): TableRule {
  return {
    id: `${ownStore}/${table}`,
    store: ownStore,
    storeKind: 'charter',
    table,
    purpose,
    from: 'collection',
    duration: period,
    period,
    action,
    anchor: { declared: anchor, table, column: anchor },
    holds: [],
    purposeHolds: [],
  };
}

/** The rules on Charter's own per-organisation data under these settings (none for data kept forever). */
export function ownDataRules(settings: OwnDataSettings): TableRule[] {
  const rules: TableRule[] = [];
  if (settings.mailOutbox) rules.push(ownRule('mail_outbox', 'charter-mail-copies', settings.mailOutbox, 'created_at'));
  if (settings.requests)
    rules.push(ownRule('rights_requests', 'charter-request-records', settings.requests, 'closed_at', 'anonymise'));
  if (settings.audit) rules.push(ownRule('audit_entries', 'charter-audit-trail', settings.audit, 'at'));
  return rules;
}

/** A due count, with the table's size where the target knows it (for the approval gate's share). */
export type TargetDueCount = Awaited<ReturnType<StoreConnector['countDue']>> & { total?: number | undefined };

/** What a sweep needs from a target: the two retention calls of the connector port. */
export interface DueTarget {
  countDue(query: DueQuery): Promise<TargetDueCount>;
  sweep(request: SweepRequest): Promise<SweepResult>;
  /** The recorded effect of a committed batch (SQL stores' ledger); absent where the target keeps none. */
  sweptBatch?: StoreConnector['sweptBatch'];
}

/** Charter's own data of one organisation as a retention target. */
export function ownDataTarget<DB extends RetentionDb>(anyDb: Kysely<DB>, scope: OrgScope): DueTarget {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  return {
    async countDue(query: DueQuery): Promise<TargetDueCount> {
      const due: number[] = [];
      for (const cutoff of query.cutoffs) {
        const count = await inOrganisation(db, scope, async (trx) => {
          if (query.table === 'mail_outbox') {
            const row = await sql<{ n: number }>`
              select count(*)::int as n from mail_outbox
               where organisation_id = ${organisationId} and created_at <= ${cutoff}::timestamptz - ${query.period}::interval`.execute(
              trx,
            );
            return row.rows[0]?.n ?? 0;
          }
          if (query.table === 'audit_entries')
            return (await auditPrefix(trx, organisationId, cutoff, query.period)).count;
          if (query.table === 'rights_requests') return countClosedRequests(trx, organisationId, cutoff, query.period);
          throw new InvariantError(`unknown own table ${query.table}`);
        });
        due.push(count);
      }
      const total = await inOrganisation(db, scope, async (trx) => {
        const table = {
          mail_outbox: sql`mail_outbox`,
          audit_entries: sql`audit_entries`,
          rights_requests: sql`rights_requests`,
        }[query.table];
        if (!table) throw new InvariantError(`unknown own table ${query.table}`);
        const row = await sql<{
          n: number;
        }>`select count(*)::int as n from ${table} where organisation_id = ${organisationId}`.execute(trx);
        return row.rows[0]?.n ?? 0;
      });
      return { store: ownStore, table: query.table, due, held: {}, withoutAnchor: 0, total };
    },

    async sweep(request: SweepRequest): Promise<SweepResult> {
      if (request.table === 'rights_requests') {
        const anonymised = await inOrganisation(db, scope, (trx) =>
          request.dryRun
            ? countClosedRequests(trx, organisationId, request.cutoff, request.period)
            : anonymiseClosedRequests(trx, organisationId, request),
        );
        return {
          store: ownStore,
          table: request.table,
          deleted: 0,
          anonymised,
          reduced: {},
          done: request.dryRun === true || anonymised < request.batchSize,
        };
      }
      const deleted = await inOrganisation(db, scope, async (trx) => {
        if (request.dryRun) return 0;
        if (request.table === 'mail_outbox') {
          const result = await sql`
            delete from mail_outbox where id in (
              select id from mail_outbox
               where organisation_id = ${organisationId} and created_at <= ${request.cutoff}::timestamptz - ${request.period}::interval
               limit ${request.batchSize})`.execute(trx);
          return Number(result.numAffectedRows ?? 0);
        }
        if (request.table === 'audit_entries') return pruneAudit(trx, scope, request);
        throw new InvariantError(`unknown own table ${request.table}`);
      });
      return {
        store: ownStore,
        table: request.table,
        deleted,
        anonymised: 0,
        reduced: {},
        done: deleted < request.batchSize,
      };
    },
  };
}

/** The token an anonymised request's identity becomes (the column is NOT NULL). */
const erasedIdentity = '[erased]';

/** Closed requests past the period whose identity is still there. */
async function countClosedRequests(
  trx: Kysely<RetentionDb>,
  organisationId: string,
  cutoff: string,
  period: string,
): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from rights_requests
     where organisation_id = ${organisationId} and closed_at is not null
       and closed_at <= ${cutoff}::timestamptz - ${period}::interval and identity_value <> ${erasedIdentity}`.execute(
    trx,
  );
  return row.rows[0]?.n ?? 0;
}

/** Erases the personal parts of one batch of closed requests; the record of how each was handled stays. */
async function anonymiseClosedRequests(
  trx: Kysely<RetentionDb>,
  organisationId: string,
  request: SweepRequest,
): Promise<number> {
  const result = await sql`
    update rights_requests
       set identity_value = ${erasedIdentity}, identity_hash = ${erasedIdentity}, declared_contact = null, contacts = '[]'::jsonb,
           details = '{}'::jsonb, changes = null, refusal_explanation = null
     where organisation_id = ${organisationId} and id in (
       select id from rights_requests
        where organisation_id = ${organisationId} and closed_at is not null
          and closed_at <= ${request.cutoff}::timestamptz - ${request.period}::interval and identity_value <> ${erasedIdentity}
        limit ${request.batchSize})`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** The prunable prefix of an organisation's audit chain: entries older than the period, never the head. */
async function auditPrefix(trx: Kysely<RetentionDb>, organisationId: string, cutoff: string, period: string) {
  const row = await sql<{ through: number | null; n: number }>`
    select max(e.seq)::int as through, count(*)::int as n from audit_entries e
     where e.organisation_id = ${organisationId}
       and e.at <= ${cutoff}::timestamptz - ${period}::interval
       and e.seq < (select h.seq from audit_heads h where h.organisation_id = ${organisationId})`.execute(trx);
  return { through: row.rows[0]?.through ?? null, count: row.rows[0]?.n ?? 0 };
}

/**
 * Deletes one batch of the prunable prefix. Before the first deletion of a prefix, the anchor (seq and hash of its
 * last entry) goes into the chain itself as `audit.pruned`, in the same transaction.
 */
async function pruneAudit(trx: Transaction<RetentionDb>, scope: OrgScope, request: SweepRequest): Promise<number> {
  const organisationId = requireScope(scope);
  const prefix = await auditPrefix(trx, organisationId, request.cutoff, request.period);
  if (prefix.through === null) return 0;
  const last = await trx
    .selectFrom('audit_entries')
    .select(['hash'])
    .where('organisation_id', '=', organisationId)
    .where('seq', '=', prefix.through)
    .executeTakeFirst();
  const anchored = await sql<{ n: number }>`
    select count(*)::int as n from audit_entries
     where organisation_id = ${organisationId} and action = 'audit.pruned' and (data ->> 'throughSeq')::int = ${prefix.through}`.execute(
    trx,
  );
  if ((anchored.rows[0]?.n ?? 0) === 0) {
    await recordAudit(
      trx,
      scope,
      {
        actor: 'system',
        action: 'audit.pruned',
        target: `run:${request.jobId}`,
        data: { throughSeq: prefix.through, throughHash: last?.hash ?? genesisHash, period: request.period },
      },
      new Date(request.now),
    );
  }
  // `charter_app` may not delete audit entries: the database's own function deletes, and its trigger lets only a prefix
  // that an `audit.pruned` entry accounts for go (audit/migrations.ts).
  const result = await sql<{
    n: number;
  }>`select audit_prune_prefix(${organisationId}::uuid, ${prefix.through}::int, ${request.batchSize}::int) as n`.execute(
    trx,
  );
  return Number(result.rows[0]?.n ?? 0);
}
