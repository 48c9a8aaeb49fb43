/**
 * Approvals of retention runs: the privacy officer's decision on a held run, the CLI operator's `--approve`, and the
 * superseding of older held runs an approval makes stale. Each is audited in the transaction that records it.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { conflict, notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { isUuid, parseJson } from './run-record.js';
import type { ApprovalReason } from './schemas.js';
import { retentionView, type RetentionDb } from './tables.js';

/**
 * A privacy officer's decision on a run waiting for approval: recorded once, audited in the same transaction. An
 * approved run is then executed by the job runner (or by the CLI that approved it).
 */
export async function decideRun<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  runId: string,
  decision: { decision: 'approved' | 'rejected'; actor: string; note?: string | undefined },
  now: Date,
): Promise<void> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  if (!isUuid(runId)) throw notFound('retention run');
  await inOrganisation(db, scope, async (trx) => {
    const run = await trx
      .selectFrom('retention_runs')
      .select(['status', 'approval_reasons'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound('retention run');
    if (run.status !== 'awaiting-approval')
      throw conflict(`The run is ${run.status}; only a run awaiting approval can be ${decision.decision}.`);
    await insertApproval(trx, organisationId, runId, decision, now);
    await trx
      .updateTable('retention_runs')
      .set({
        status: decision.decision === 'approved' ? 'approved' : 'rejected',
        ...(decision.decision === 'rejected' ? { finished_at: now } : {}),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', runId)
      .execute();
    if (decision.decision === 'approved') await supersedeOlder(trx, scope, runId, decision.actor, now);
    await recordAudit(
      trx,
      scope,
      {
        actor: decision.actor,
        action: decision.decision === 'approved' ? 'retention.run.approved' : 'retention.run.rejected',
        target: `retention-run:${runId}`,
        data: {
          reasons: parseJson<ApprovalReason[]>(run.approval_reasons, []).map(
            (r) => r.kind + ':' + r.store + (r.table ? `/${r.table}` : ''),
          ),
        },
      },
      now,
    );
  });
}

/** The CLI operator's `--approve`: approves a run it is executing, recorded and audited like a console approval. */
export async function approveInline<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  runId: string,
  actor: string,
  reasons: ApprovalReason[],
  now: Date,
): Promise<void> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, async (trx) => {
    await insertApproval(
      trx,
      organisationId,
      runId,
      { decision: 'approved', actor, note: 'approved with --approve' },
      now,
    );
    await trx
      .updateTable('retention_runs')
      .set({ approval_reasons: JSON.stringify(reasons) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', runId)
      .execute();
    await recordAudit(
      trx,
      scope,
      {
        actor,
        action: 'retention.run.approved',
        target: `retention-run:${runId}`,
        data: { reasons: reasons.map((r) => r.kind + ':' + r.store + (r.table ? `/${r.table}` : '')) },
      },
      now,
    );
    await supersedeOlder(trx, scope, runId, actor, now);
  });
}

/**
 * Approving a run supersedes the runs created before it that still wait for approval: their counts are stale (the
 * approved run acts on the same rules at a later cutoff), so they must not be approved and executed later. Each is
 * audited.
 */
async function supersedeOlder(
  trx: Transaction<RetentionDb>,
  scope: OrgScope,
  runId: string,
  actor: string,
  now: Date,
): Promise<void> {
  const organisationId = requireScope(scope);
  const approved = await trx
    .selectFrom('retention_runs')
    .select('created_at')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const older = await trx
    .updateTable('retention_runs')
    .set({ status: 'superseded', finished_at: now, error: `superseded by run ${runId}` })
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'awaiting-approval')
    .where('id', '<>', runId)
    .where('created_at', '<=', approved.created_at)
    .returning('id')
    .execute();
  for (const run of older) {
    await recordAudit(
      trx,
      scope,
      { actor, action: 'retention.run.superseded', target: `retention-run:${run.id}`, data: { by: runId } },
      now,
    );
  }
}

async function insertApproval(
  trx: Transaction<RetentionDb>,
  organisationId: string,
  runId: string,
  decision: { decision: 'approved' | 'rejected'; actor: string; note?: string | undefined },
  now: Date,
) {
  await trx
    .insertInto('retention_approvals')
    .values({
      organisation_id: organisationId,
      run_id: runId,
      decision: decision.decision,
      actor: decision.actor,
      note: decision.note ?? null,
      decided_at: now,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'run_id']).doNothing())
    .execute();
}

export async function isApproved<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  runId: string,
): Promise<boolean> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('retention_approvals')
      .select('decision')
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row?.decision === 'approved';
  });
}
