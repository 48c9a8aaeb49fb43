/**
 * The repository of retention runs: runs, their steps and progress, approvals, history. Every function takes an
 * organisation scope and works inside `inOrganisation` (RLS on). Changes of consequence (a run reaching a state, an
 * approval) write their audit entry in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit } from '../audit/trail.js';
import { notFound } from '../platform/errors.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { isUuid, parseJson, toRecord } from './run-record.js';
import type { TableRule } from './rules.js';
import type { ApprovalReason, BlockedOutcome, RunRecord, RunStep } from './schemas.js';
import { retentionView, type RetentionDb, type RunStatus, type RunTrigger, type StepStatus } from './tables.js';

export type { RunRecord, RunStep };
// Approvals and the record mapping live in their own modules; re-exported so callers keep one import.
export { approveInline, decideRun, isApproved } from './run-approvals.js';
export { isUuid } from './run-record.js';

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
export async function createRun<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: NewRun,
  now: Date,
): Promise<string> {
  const db = retentionView(anyDb);
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
export async function runOfJob<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  jobId: string,
): Promise<string | undefined> {
  const db = retentionView(anyDb);
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
export async function unfinishedRuns<DB extends RetentionDb>(anyDb: Kysely<DB>, scope: OrgScope): Promise<string[]> {
  const db = retentionView(anyDb);
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
export async function storesWithHistory<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
): Promise<Set<string>> {
  const db = retentionView(anyDb);
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

export async function getRun<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  id: string,
): Promise<RunRecord> {
  const db = retentionView(anyDb);
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
export async function listRuns<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  options: { limit: number; before?: Date | undefined },
): Promise<RunRecord[]> {
  const db = retentionView(anyDb);
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
export async function recordStepCount<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
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
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, (trx) =>
    updateStep(trx, organisationId, runId, position)
      .set({
        status: counts.status,
        due: counts.due ?? null,
        total: counts.total ?? null,
        held: JSON.stringify(counts.held ?? {}),
        without_anchor: counts.withoutAnchor ?? null,
        problems: JSON.stringify(counts.problems ?? []),
        error: counts.error ?? null,
      })
      .execute(),
  );
}

/**
 * Adds one batch's effect to a step (increments, so a resumed step keeps what it had) and names the next batch in
 * flight (`next`), in one transaction; heartbeats the run. A run killed after the store committed a batch and before
 * this record finds that batch as the step's pending one on resume, and reads its effect back from the store.
 */
export async function recordBatch<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  runId: string,
  position: number,
  batch: { deleted: number; anonymised: number; reduced: Record<string, number>; ms: number },
  now: Date,
  next: string | null = null,
): Promise<void> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, async (trx) => {
    const step = await selectStep(trx, organisationId, runId, position)
      .select(['reduced', 'started_at'])
      .forUpdate()
      .executeTakeFirstOrThrow();
    const reduced = { ...parseJson<Record<string, number>>(step.reduced, {}) };
    for (const [hold, n] of Object.entries(batch.reduced)) reduced[hold] = (reduced[hold] ?? 0) + n;
    await updateStep(trx, organisationId, runId, position)
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
export async function pendingBatch<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  runId: string,
  position: number,
): Promise<string | undefined> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const row = await selectStep(trx, organisationId, runId, position).select('pending_batch').executeTakeFirst();
    return row?.pending_batch ?? undefined;
  });
}

export async function setStepStatus<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  runId: string,
  position: number,
  status: StepStatus,
  now: Date,
  error?: string,
  extra: { pendingBatch?: string | null; blocked?: BlockedOutcome | null } = {},
): Promise<void> {
  const db = retentionView(anyDb);
  const organisationId = requireScope(scope);
  await inOrganisation(db, scope, (trx) =>
    updateStep(trx, organisationId, runId, position)
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
      .execute(),
  );
}

/** Moves a run to a new status; terminal and waiting states write the run's audit entry in the same transaction. */
export async function setRunStatus<DB extends RetentionDb>(
  anyDb: Kysely<DB>,
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
  const db = retentionView(anyDb);
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

/** One step of a run, to update: every step write names its step by organisation, run and position. */
function updateStep(trx: Transaction<RetentionDb>, organisationId: string, runId: string, position: number) {
  return trx
    .updateTable('retention_run_steps')
    .where('organisation_id', '=', organisationId)
    .where('run_id', '=', runId)
    .where('position', '=', position);
}

/** One step of a run, to read (named as `updateStep` names it). */
function selectStep(trx: Transaction<RetentionDb>, organisationId: string, runId: string, position: number) {
  return trx
    .selectFrom('retention_run_steps')
    .where('organisation_id', '=', organisationId)
    .where('run_id', '=', runId)
    .where('position', '=', position);
}
