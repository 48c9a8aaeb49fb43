/**
 * The repository of retention runs: runs, their steps and progress, approvals, history. Every function takes an
 * organisation scope and works inside `inOrganisation` (RLS on). Changes of consequence (a run reaching a state, an
 * approval) write their audit entry in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit } from '../audit/trail.js';
import type { Database } from '../database.js';
import { conflict, notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { customerOfPurpose } from './processor-rules.js';
import type { TableRule } from './rules.js';
import type { ApprovalReason, BlockedOutcome, RunRecord, RunStep } from './schemas.js';
import type { RetentionRunStepTable, RetentionRunTable, RunStatus, RunTrigger, StepStatus } from './tables.js';

export type { RunRecord, RunStep };

export interface NewRun {
  trigger: RunTrigger;
  actor: string;
  dryRun: boolean;
  cutoff: Date;
  charterSeq: number;
  charterRevision: string;
  jobId?: string | undefined;
  rules: readonly TableRule[];
  /**
   * Join a real run of the organisation that is not finished (counting, approved or running) instead of creating a
   * second one: the same "start a run" posted to two server processes at once sweeps once.
   */
  joinUnfinished?: boolean;
}

/**
 * Creates a run and its steps (one per rule, in sweep order), status `counting`; with `joinUnfinished` (and not a dry
 * run), returns the id of the organisation's unfinished real run when there is one.
 */
export async function createRun(db: Kysely<Database>, scope: OrgScope, input: NewRun, now: Date): Promise<string> {
  const organisationId = requireScope(scope);
  let id: string = randomUUID();
  await inOrganisation(db, scope, async (trx) => {
    if (input.joinUnfinished && !input.dryRun) {
      // Serialises concurrent starts of one organisation across processes (an advisory lock: row locks need the
      // UPDATE privilege the scoped role does not have on organisations), so the second start sees the first's run.
      await sql`select pg_advisory_xact_lock(hashtext(${`retention-start:${organisationId}`}))`.execute(trx);
      const unfinished = await trx
        .selectFrom('retention_runs')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('dry_run', '=', false)
        .where('status', 'in', ['counting', 'approved', 'running'])
        .orderBy('created_at')
        .executeTakeFirst();
      if (unfinished) {
        id = unfinished.id;
        return;
      }
    }
    await trx
      .insertInto('retention_runs')
      .values({
        organisation_id: organisationId,
        id,
        trigger: input.trigger,
        actor: input.actor,
        dry_run: input.dryRun,
        cutoff: input.cutoff,
        charter_seq: input.charterSeq,
        charter_revision: input.charterRevision,
        status: 'counting',
        approval_reasons: '[]',
        job_id: input.jobId ?? null,
        created_at: now,
        started_at: null,
        finished_at: null,
        heartbeat_at: null,
        error: null,
      })
      .execute();
    if (input.rules.length > 0) {
      await trx
        .insertInto('retention_run_steps')
        .values(
          input.rules.map((rule, position) => ({
            organisation_id: organisationId,
            run_id: id,
            position,
            store_id: rule.store,
            table_name: rule.table,
            purpose_id: rule.purpose,
            action: rule.action,
            period: rule.period,
            anchor: rule.anchor.declared,
            status: 'pending' as const,
            due: null,
            total: null,
            held: '{}',
            without_anchor: null,
            deleted: 0,
            anonymised: 0,
            reduced: '{}',
            batches: 0,
            problems: '[]',
            error: null,
            rule_id: rule.id,
            columns: rule.columns ? JSON.stringify(rule.columns) : null,
            blocked: null,
            pending_batch: null,
            started_at: null,
            finished_at: null,
            duration_ms: null,
          })),
        )
        .execute();
    }
  });
  return id;
}

/** The run created for a job (a retried scheduled job finds the run it started). */
export async function runOfJob(db: Kysely<Database>, scope: OrgScope, jobId: string): Promise<string | undefined> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('retention_runs')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('job_id', '=', jobId)
      .executeTakeFirst();
    return row?.id;
  });
}

/** Runs that were started and not finished (their process died, or they were approved and wait to be executed). */
export async function unfinishedRuns(db: Kysely<Database>, scope: OrgScope): Promise<string[]> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom('retention_runs')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('status', 'in', ['counting', 'approved', 'running'])
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  });
}

/** Stores that already had a completed run which acted on them (not a dry run): no first-run gate for them. */
export async function storesWithHistory(db: Kysely<Database>, scope: OrgScope): Promise<Set<string>> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom('retention_run_steps as s')
      .innerJoin('retention_runs as r', (join) =>
        join.onRef('r.organisation_id', '=', 's.organisation_id').onRef('r.id', '=', 's.run_id'),
      )
      .select('s.store_id')
      .distinct()
      .where('s.organisation_id', '=', organisationId)
      // A partial run (some due rows stayed) acted too: the officer has seen the rules at work on the store.
      .where('r.status', 'in', ['completed', 'partial'])
      .where('r.dry_run', '=', false)
      .where('s.status', '=', 'done')
      .execute();
    return new Set(rows.map((r) => r.store_id));
  });
}

export async function getRun(db: Kysely<Database>, scope: OrgScope, id: string): Promise<RunRecord> {
  const organisationId = requireScope(scope);
  if (!isUuid(id)) throw notFound('retention run');
  const run = await inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('retention_runs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const steps = await trx
      .selectFrom('retention_run_steps')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', id)
      .orderBy('position')
      .execute();
    const approval = await trx
      .selectFrom('retention_approvals')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', id)
      .executeTakeFirst();
    return { row, steps, approval };
  });
  if (!run) throw notFound('retention run');
  return toRecord(run.row, run.steps, run.approval);
}

/** Run history, newest first. */
export async function listRuns(
  db: Kysely<Database>,
  scope: OrgScope,
  options: { limit: number; before?: Date | undefined },
): Promise<RunRecord[]> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    let query = trx.selectFrom('retention_runs').selectAll().where('organisation_id', '=', organisationId);
    if (options.before) query = query.where('created_at', '<', options.before);
    const rows = await query.orderBy('created_at', 'desc').limit(options.limit).execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const steps = await trx
      .selectFrom('retention_run_steps')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('run_id', 'in', ids)
      .orderBy('position')
      .execute();
    const approvals = await trx
      .selectFrom('retention_approvals')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('run_id', 'in', ids)
      .execute();
    return rows.map((row) =>
      toRecord(
        row,
        steps.filter((s) => s.run_id === row.id),
        approvals.find((a) => a.run_id === row.id),
      ),
    );
  });
}

/** Saves a step's counts (or its refusal) before the sweep. */
export async function recordStepCount(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  position: number,
  counts: {
    status: 'counted' | 'refused' | 'failed';
    due?: number;
    total?: number | undefined;
    held?: Record<string, number>;
    withoutAnchor?: number;
    problems?: string[];
    error?: string;
  },
): Promise<void> {
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, (trx) =>
    trx
      .updateTable('retention_run_steps')
      .set({
        status: counts.status,
        due: counts.due ?? null,
        total: counts.total ?? null,
        held: JSON.stringify(counts.held ?? {}),
        without_anchor: counts.withoutAnchor ?? null,
        problems: JSON.stringify(counts.problems ?? []),
        error: counts.error ?? null,
      })
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', runId)
      .where('position', '=', position)
      .execute(),
  );
}

/**
 * Adds one batch's effect to a step (increments, so a resumed step keeps what it had) and names the next batch in
 * flight (`next`), in one transaction; heartbeats the run. A run killed after the store committed a batch and before
 * this record finds that batch as the step's pending one on resume, and reads its effect back from the store.
 */
export async function recordBatch(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  position: number,
  batch: { deleted: number; anonymised: number; reduced: Record<string, number>; ms: number },
  now: Date,
  next: string | null = null,
): Promise<void> {
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, async (trx) => {
    const step = await trx
      .selectFrom('retention_run_steps')
      .select(['reduced', 'started_at'])
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', runId)
      .where('position', '=', position)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const reduced = { ...parseJson<Record<string, number>>(step.reduced, {}) };
    for (const [hold, n] of Object.entries(batch.reduced)) reduced[hold] = (reduced[hold] ?? 0) + n;
    await trx
      .updateTable('retention_run_steps')
      .set((eb) => ({
        status: 'running',
        deleted: eb('deleted', '+', batch.deleted),
        anonymised: eb('anonymised', '+', batch.anonymised),
        reduced: JSON.stringify(reduced),
        batches: eb('batches', '+', 1),
        duration_ms: sql<number>`coalesce(duration_ms, 0) + ${Math.round(batch.ms)}`,
        started_at: step.started_at ?? now,
        pending_batch: next,
      }))
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', runId)
      .where('position', '=', position)
      .execute();
    await trx
      .updateTable('retention_runs')
      .set({ heartbeat_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', runId)
      .execute();
  });
}

/** The batch a step sent to its store and has not recorded yet (set before each batch, cleared with its record). */
export async function pendingBatch(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  position: number,
): Promise<string | undefined> {
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const row = await trx
      .selectFrom('retention_run_steps')
      .select('pending_batch')
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', runId)
      .where('position', '=', position)
      .executeTakeFirst();
    return row?.pending_batch ?? undefined;
  });
}

export async function setStepStatus(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  position: number,
  status: StepStatus,
  now: Date,
  error?: string,
  extra: { pendingBatch?: string | null; blocked?: BlockedOutcome | null } = {},
): Promise<void> {
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, (trx) =>
    trx
      .updateTable('retention_run_steps')
      .set((eb) => ({
        status,
        error: error ?? null,
        ...(extra.pendingBatch !== undefined ? { pending_batch: extra.pendingBatch } : {}),
        ...(extra.blocked !== undefined
          ? { blocked: extra.blocked === null ? null : JSON.stringify(extra.blocked) }
          : {}),
        started_at: eb.fn.coalesce('started_at', sql<Date>`${now.toISOString()}::timestamptz`),
        ...(status === 'done' || status === 'blocked' || status === 'failed' ? { finished_at: now } : {}),
      }))
      .where('organisation_id', '=', organisationId)
      .where('run_id', '=', runId)
      .where('position', '=', position)
      .execute(),
  );
}

/** Moves a run to a new status; terminal and waiting states write the run's audit entry in the same transaction. */
export async function setRunStatus(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  status: RunStatus,
  now: Date,
  extra: {
    reasons?: ApprovalReason[];
    error?: string;
    audit?: { actor: string; action: string; data: Record<string, unknown> };
  } = {},
): Promise<void> {
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, async (trx) => {
    await trx
      .updateTable('retention_runs')
      .set({
        status,
        heartbeat_at: now,
        ...(extra.reasons ? { approval_reasons: JSON.stringify(extra.reasons) } : {}),
        ...(status === 'running'
          ? { started_at: sql<Date>`coalesce(started_at, ${now.toISOString()}::timestamptz)` }
          : {}),
        ...(status === 'completed' || status === 'partial' || status === 'failed' || status === 'rejected'
          ? { finished_at: now }
          : {}),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', runId)
      .execute();
    if (extra.audit)
      await recordAudit(
        trx,
        scope,
        {
          actor: extra.audit.actor,
          action: extra.audit.action,
          target: `retention-run:${runId}`,
          data: extra.audit.data,
        },
        now,
      );
    if (status === 'awaiting-approval' || status === 'completed' || status === 'partial' || status === 'failed') {
      const totals = await trx
        .selectFrom('retention_run_steps')
        .select((eb) => [
          eb.fn.sum<number>('due').as('due'),
          eb.fn.sum<number>('deleted').as('deleted'),
          eb.fn.sum<number>('anonymised').as('anonymised'),
        ])
        .where('organisation_id', '=', organisationId)
        .where('run_id', '=', runId)
        .executeTakeFirst();
      if (status === 'awaiting-approval')
        await emitWebhookEvent(
          trx,
          scope,
          'retention.run.awaiting-approval',
          { runId, dueRows: Number(totals?.due ?? 0) },
          now,
        );
      else
        await emitWebhookEvent(
          trx,
          scope,
          'retention.run.completed',
          { runId, status, deleted: Number(totals?.deleted ?? 0), anonymised: Number(totals?.anonymised ?? 0) },
          now,
        );
    }
  });
}

/**
 * A privacy officer's decision on a run waiting for approval: recorded once, audited in the same transaction. An
 * approved run is then executed by the job runner (or by the CLI that approved it).
 */
export async function decideRun(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  decision: { decision: 'approved' | 'rejected'; actor: string; note?: string | undefined },
  now: Date,
): Promise<void> {
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
export async function approveInline(
  db: Kysely<Database>,
  scope: OrgScope,
  runId: string,
  actor: string,
  reasons: ApprovalReason[],
  now: Date,
): Promise<void> {
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
  trx: Transaction<Database>,
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
  trx: Transaction<Database>,
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

export async function isApproved(db: Kysely<Database>, scope: OrgScope, runId: string): Promise<boolean> {
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

function toRecord(
  row: Selectable<RetentionRunTable>,
  steps: Selectable<RetentionRunStepTable>[],
  approval: { decision: 'approved' | 'rejected'; actor: string; note: string | null; decided_at: Date } | undefined,
): RunRecord {
  const mapped: RunStep[] = steps.map((s) => ({
    position: s.position,
    store: s.store_id,
    table: s.table_name,
    purpose: s.purpose_id,
    customer: customerOfPurpose(s.purpose_id) ?? null,
    action: s.action,
    period: s.period,
    anchor: s.anchor,
    status: s.status,
    due: s.due === null ? null : Number(s.due),
    total: s.total === null ? null : Number(s.total),
    held: parseJson<Record<string, number>>(s.held, {}),
    withoutAnchor: s.without_anchor === null ? null : Number(s.without_anchor),
    deleted: Number(s.deleted),
    anonymised: Number(s.anonymised),
    reduced: parseJson<Record<string, number>>(s.reduced, {}),
    blocked: parseJson<BlockedOutcome | null>(s.blocked, null),
    rule: s.rule_id ?? `${s.store_id}/${s.table_name}`,
    columns: parseJson<string[] | null>(s.columns, null),
    batches: s.batches,
    problems: parseJson<string[]>(s.problems, []),
    error: s.error,
    startedAt: iso(s.started_at),
    finishedAt: iso(s.finished_at),
    durationMs: s.duration_ms,
  }));
  const sum = (f: (s: RunStep) => number) => mapped.reduce((total, s) => total + f(s), 0);
  const values = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return {
    id: row.id,
    trigger: row.trigger,
    actor: row.actor,
    dryRun: row.dry_run,
    cutoff: iso(row.cutoff) ?? '',
    charterSeq: row.charter_seq,
    charterRevision: row.charter_revision,
    status: row.status,
    approvalReasons: parseJson<ApprovalReason[]>(row.approval_reasons, []),
    approval: approval
      ? {
          decision: approval.decision,
          actor: approval.actor,
          note: approval.note,
          decidedAt: iso(approval.decided_at) ?? '',
        }
      : null,
    createdAt: iso(row.created_at) ?? '',
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    heartbeatAt: iso(row.heartbeat_at),
    error: row.error,
    totals: {
      due: sum((s) => s.due ?? 0),
      deleted: sum((s) => s.deleted),
      anonymised: sum((s) => s.anonymised),
      reduced: sum((s) => values(s.reduced)),
      held: sum((s) => values(s.held)),
      stayed: sum((s) => s.blocked?.stayed ?? 0),
    },
    steps: mapped,
  };
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function parseJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
