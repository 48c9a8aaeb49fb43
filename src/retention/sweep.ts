/**
 * Executing retention: a run counts what is due at its cutoff (per rule and table), stops for approval when the gate
 * says so, then sweeps each table in bounded batches (one short transaction per batch in the store), recording every
 * batch's effect on its step. Everything a run does is decided by its cutoff and its charter revision, both fixed at
 * creation: a run killed mid-way is resumed by the next `retention run` (or the next scheduled job) and finishes
 * the same work, and since every batch is idempotent (a deleted row is gone, an anonymised row is no longer
 * selected), nothing happens twice.
 *
 * One organisation is swept by one process at a time: the run holds an exclusive lock that dies with its process
 * (platform/jobs.ts `withExclusiveLock`), so a crashed run is picked up at once, never run twice in parallel.
 */
import { activeCharter, charterRevisionBySeq } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { conflict, InvariantError } from '../platform/errors.js';
import { safeMessage } from '../platform/safe-message.js';
import type { DatabaseKind } from '../platform/db/database.js';
import { requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { withExclusiveLock } from '../platform/jobs.js';
import { approvalReasons, type GateStep } from './gate.js';
import { ownStore, type DueTarget } from './own-data.js';
import { allRules, countRule, openFor, rowRules, ruleTarget, targetFor, type RetentionDeps } from './plan.js';
import type { BlockedOutcome } from './schemas.js';
import type { DueExclusion } from '../stores/connector.js';
import { randomUUID } from 'node:crypto';
import {
  approveInline,
  createRun,
  getRun,
  isApproved,
  pendingBatch,
  recordBatch,
  recordStepCount,
  runOfJob,
  setRunStatus,
  setStepStatus,
  storesWithHistory,
  unfinishedRuns,
  type RunRecord,
  type RunStep,
} from './runs.js';
import { sweepOrder, type OpenedStore } from './store-access.js';
import type { RunTrigger } from './tables.js';
import { renewedAt, type Renewal } from './timing.js';
import type { TableRule } from './rules.js';

export interface SweepDeps extends RetentionDeps {
  dbKind: DatabaseKind;
  clock: () => Date;
}

export interface RunProgress {
  runId: string;
  position: number;
  steps: number;
  store: string;
  table: string;
  action: 'delete' | 'anonymise';
  /** Rows acted on so far in this step, and the rows counted due. */
  done: number;
  due: number;
}

export interface RunOptions {
  trigger: RunTrigger;
  actor: string;
  dryRun?: boolean | undefined;
  /** The operator approves a run the gate would hold (CLI `--approve`); recorded and audited. */
  approve?: boolean | undefined;
  /** The job that asked (a scheduled occurrence): a retried job resumes its own run. */
  jobId?: string | undefined;
  /** Only finish interrupted and approved runs; start no new one. */
  resumeOnly?: boolean | undefined;
  batchSize: number;
  maxShare: number;
  /** Called after every batch is committed and recorded; awaited (a slow callback slows the sweep). */
  onProgress?: ((progress: RunProgress) => void | Promise<void>) | undefined;
  /** Called after every batch (the job runner renews its lease). */
  heartbeat?: (() => Promise<unknown>) | undefined;
}

export interface RunOutcome {
  /** Runs found unfinished and finished now (a crashed run, an approved one). */
  resumed: RunRecord[];
  /** The run started by this call. */
  run?: RunRecord | undefined;
}

/**
 * Rows per anonymisation batch: a fifth of the deletion batch. Anonymising writes every personal column of a row (and
 * computes its hashes) where a deletion removes it, so its batches are kept shorter to hold row locks as briefly.
 */
export function anonymiseBatchSize(batchSize: number): number {
  return Math.max(1, Math.ceil(batchSize / 5));
}

/** Lock name of an organisation's sweep. */
export const sweepLock = (organisationId: string) => `retention:${organisationId}`;

/**
 * Finishes the organisation's unfinished runs, then starts one (counted, gated, swept). Throws 409 when another
 * process is sweeping this organisation right now.
 */
export async function runRetention(deps: SweepDeps, scope: OrgScope, options: RunOptions): Promise<RunOutcome> {
  const organisationId = requireScope(scope);
  const locked = await withExclusiveLock(deps.db, deps.dbKind, sweepLock(organisationId), async () => {
    const resumed: RunRecord[] = [];
    // A dry run changes nothing: it leaves interrupted runs for a real run to finish.
    if (!options.dryRun) {
      const existing = options.jobId ? await runOfJob(deps.db, scope, options.jobId) : undefined;
      for (const id of await unfinishedRuns(deps.db, scope)) {
        if (id === existing) continue;
        resumed.push(await executeRun(deps, scope, id, { ...options, approve: false }));
      }
      if (existing) return { resumed, run: await executeRun(deps, scope, existing, options) };
    }
    if (options.resumeOnly) return { resumed };
    const stored = await activeCharter(deps.db, scope);
    if (!stored) throw conflict('The organisation has no charter yet: apply one first.');
    const { rules } = allRules(stored.charter, deps.own, true);
    const now = deps.clock();
    const id = await createRun(
      deps.db,
      scope,
      {
        trigger: options.trigger,
        actor: options.actor,
        dryRun: options.dryRun ?? false,
        cutoff: now,
        charterSeq: stored.seq,
        charterRevision: stored.revision,
        jobId: options.jobId,
        rules: orderRules(stored.charter, rules),
      },
      now,
    );
    return { resumed, run: await executeRun(deps, scope, id, options) };
  });
  if (!locked.acquired) throw conflict('Another retention run of this organisation is in progress.');
  return locked.result;
}

/** Steps in sweep order: per store, children before parents; Charter's own data last. */
export function orderRules(charter: Charter, rules: TableRule[]): TableRule[] {
  const position = new Map<string, number>();
  let next = 0;
  for (const store of charter.stores) {
    for (const table of sweepOrder(store, charter)) position.set(`${store.id}/${table}`, next++);
  }
  return [...rules].sort(
    (a, b) => (position.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
}

/** What the phases of one run share: its charter revision's rules, the stores opened so far, cached renewals. */
interface RunState {
  deps: SweepDeps;
  scope: OrgScope;
  runId: string;
  options: RunOptions;
  charter: Charter;
  rules: Map<string, TableRule>;
  cutoff: Date;
  opened: Map<string, OpenedStore | Error>;
  /** Live-schema problems per store (checked once per run). */
  checks: Map<string, Map<string, string[]> | undefined>;
  renewalsOf(rule: TableRule): Promise<Renewal[]>;
}

/** Executes one run from wherever it stands. The caller holds the organisation's sweep lock. */
export async function executeRun(
  deps: SweepDeps,
  scope: OrgScope,
  runId: string,
  options: RunOptions,
): Promise<RunRecord> {
  let run = await getRun(deps.db, scope, runId);
  const revision = await charterRevisionBySeq(deps.db, scope, run.charterSeq);
  if (!revision) throw new InvariantError(`charter revision ${run.charterSeq} is gone`);
  const charter = revision.charter;
  const renewals = new Map<string, Renewal[]>();
  const state: RunState = {
    deps,
    scope,
    runId,
    options,
    charter,
    rules: new Map(allRules(charter, deps.own, true).rules.map((r) => [r.id, r])),
    cutoff: new Date(run.cutoff),
    opened: new Map(),
    checks: new Map(),
    async renewalsOf(rule) {
      if (!rule.renewal) return [];
      const cached =
        renewals.get(rule.renewal.purpose) ?? (await deps.renewals.grantsInForce(scope, rule.renewal.purpose));
      renewals.set(rule.renewal.purpose, cached);
      return cached;
    },
  };

  try {
    if (run.status === 'counting') {
      for (const step of run.steps) if (step.status === 'pending') await countStep(state, step);
      run = await getRun(deps.db, scope, runId);
      if (run.dryRun) return await finish(deps, scope, run);
      const held = await gateRun(state, run);
      if (held) return held;
      await setRunStatus(deps.db, scope, runId, 'running', deps.clock());
    } else if (run.status === 'approved') {
      await setRunStatus(deps.db, scope, runId, 'running', deps.clock());
    } else if (run.status !== 'running') {
      return run;
    }

    run = await getRun(deps.db, scope, runId);
    for (const step of run.steps) {
      if (step.status !== 'counted' && step.status !== 'running') continue;
      const rule = state.rules.get(step.rule);
      if (rule) await sweepStep(state, run.steps.length, step, rule);
    }
    return await finish(deps, scope, await getRun(deps.db, scope, runId));
  } finally {
    await Promise.allSettled([...state.opened.values()].flatMap((o) => (o instanceof Error ? [] : [o.close()])));
  }
}

/** Counts one pending step at the run's cutoff, or records why it cannot be swept (its table's live check, an error). */
async function countStep(state: RunState, step: RunStep): Promise<void> {
  const { deps, scope, runId, charter, rules, opened, checks } = state;
  const rule = rules.get(step.rule);
  if (!rule) {
    await recordStepCount(deps.db, scope, runId, step.position, {
      status: 'failed',
      error: "the rule no longer resolves from the run's charter revision",
    });
    return;
  }
  try {
    if (step.store !== ownStore) {
      const store = await openFor(deps, charter, step.store, opened);
      if (!checks.has(step.store))
        checks.set(step.store, await store.check([...rules.values()].filter((r) => r.store === step.store)));
      const problems = checks.get(step.store)?.get(step.table) ?? [];
      if (problems.length > 0) {
        await recordStepCount(deps.db, scope, runId, step.position, { status: 'refused', problems });
        return;
      }
    }
    const target = await targetFor(deps, scope, charter, rule, opened);
    const counted = await countRule(
      target,
      rule,
      [state.cutoff],
      await state.renewalsOf(rule),
      rowRules(rules.values(), rule.store),
    );
    await recordStepCount(deps.db, scope, runId, step.position, {
      status: 'counted',
      due: counted.due[0] ?? 0,
      total: counted.total,
      held: counted.held,
      withoutAnchor: counted.withoutAnchor,
    });
  } catch (error) {
    await recordStepCount(deps.db, scope, runId, step.position, { status: 'failed', error: safeMessage(error) });
  }
}

/**
 * The approval gate of a counted run: when it needs an approval it does not have, the run waits for one (returned),
 * unless the operator approves it inline (`--approve`). Undefined: the run may go ahead.
 */
async function gateRun(state: RunState, run: RunRecord): Promise<RunRecord | undefined> {
  const { deps, scope, runId, options } = state;
  const gate: GateStep[] = run.steps
    .filter((s) => s.status === 'counted')
    .map((s) => ({
      store: s.store,
      table: s.table,
      due: s.due ?? 0,
      total: s.total ?? undefined,
      own: s.store === ownStore,
    }));
  const reasons = approvalReasons({
    steps: gate,
    storesWithHistory: await storesWithHistory(deps.db, scope),
    maxShare: options.maxShare,
  });
  if (reasons.length === 0 || (await isApproved(deps.db, scope, runId))) return undefined;
  if (!options.approve) {
    await setRunStatus(deps.db, scope, runId, 'awaiting-approval', deps.clock(), {
      reasons,
      audit: {
        actor: options.actor,
        action: 'retention.run.awaiting-approval',
        data: { reasons: reasons.map((r) => r.message), cutoff: run.cutoff },
      },
    });
    return getRun(deps.db, scope, runId);
  }
  await approveInline(deps.db, scope, runId, options.actor, reasons, deps.clock());
  return undefined;
}

/** A step being swept: its target, the renewal exclusions, the rows acted on so far and the next batch's id. */
interface StepSweep {
  target: DueTarget;
  rule: TableRule;
  step: RunStep;
  steps: number;
  exclusions: DueExclusion[] | undefined;
  done: number;
  batchId: string;
}

/** Sweeps one counted (or interrupted) step to its end, then records it done, blocked or failed. */
async function sweepStep(state: RunState, steps: number, step: RunStep, rule: TableRule): Promise<void> {
  const { deps, scope, runId, rules, cutoff } = state;
  try {
    const target: DueTarget = await targetFor(deps, scope, state.charter, rule, state.opened);
    const exclusions = rule.renewal
      ? [{ column: rule.renewal.emailColumn, values: renewedAt(await state.renewalsOf(rule), rule.period, cutoff) }]
      : undefined;
    const sweep: StepSweep = {
      target,
      rule,
      step,
      steps,
      exclusions,
      done: step.deleted + step.anonymised,
      batchId: '',
    };
    // A batch the store committed but this run did not record (killed in between): its effect, from the store's ledger.
    const pending = await pendingBatch(deps.db, scope, runId, step.position);
    if (pending && target.sweptBatch) {
      const swept = await target.sweptBatch(runId, pending);
      if (swept) {
        await recordBatch(deps.db, scope, runId, step.position, { ...swept, ms: 0 }, deps.clock());
        sweep.done += swept.deleted + swept.anonymised;
      }
    }
    sweep.batchId = randomUUID();
    await setStepStatus(deps.db, scope, runId, step.position, 'running', deps.clock(), undefined, {
      pendingBatch: sweep.batchId,
    });
    const sweepAll = (extra: { referencedOnly?: boolean; action: 'delete' | 'anonymise' }) =>
      sweepBatches(state, sweep, extra);
    await sweepAll({ action: rule.action });
    // Only a table other rows reference can have due rows a delete could not reach.
    const blocked =
      rule.store !== ownStore && rule.action === 'delete' && !rule.columns && rule.referenced
        ? await settleBlocked(
            target,
            rule,
            cutoff,
            exclusions,
            [
              ...new Set(
                [...rules.values()]
                  .filter((r) => r.store === rule.store && !r.columns && r.action === 'delete')
                  .map((r) => r.table),
              ),
            ],
            sweepAll,
          )
        : null;
    await setStepStatus(
      deps.db,
      scope,
      runId,
      step.position,
      blocked && blocked.stayed > 0 ? 'blocked' : 'done',
      deps.clock(),
      undefined,
      { pendingBatch: null, blocked },
    );
  } catch (error) {
    await setStepStatus(deps.db, scope, runId, step.position, 'failed', deps.clock(), safeMessage(error));
  }
}

/**
 * Sweeps a step's table in batches until the store says it is done or a batch changes nothing, recording each batch
 * (with the id the next one will carry) and reporting progress. Returns the rows anonymised.
 */
async function sweepBatches(
  state: RunState,
  sweep: StepSweep,
  extra: { referencedOnly?: boolean; action: 'delete' | 'anonymise' },
): Promise<number> {
  const { deps, scope, runId, options, cutoff } = state;
  const { target, rule, step, exclusions } = sweep;
  let after: string | undefined;
  let acted = 0;
  for (;;) {
    const started = performance.now();
    const { columns, ...target_ } = ruleTarget(rule);
    const result = await target.sweep({
      jobId: runId,
      ...target_,
      ...(columns ? { columns } : {}),
      cutoff: cutoff.toISOString(),
      now: cutoff.toISOString(),
      action: extra.action,
      batchSize: extra.action === 'anonymise' ? anonymiseBatchSize(options.batchSize) : options.batchSize,
      ...(exclusions ? { exclude: exclusions } : {}),
      ...(after ? { after } : {}),
      ...(extra.referencedOnly ? { referencedOnly: true } : {}),
      batchId: sweep.batchId,
    });
    after = result.next;
    const reduced = Object.values(result.reduced).reduce((a, b) => a + b, 0);
    sweep.batchId = randomUUID();
    await recordBatch(
      deps.db,
      scope,
      runId,
      step.position,
      {
        deleted: result.deleted,
        anonymised: result.anonymised,
        reduced: result.reduced,
        ms: performance.now() - started,
      },
      deps.clock(),
      sweep.batchId,
    );
    sweep.done += result.deleted + result.anonymised;
    acted += result.anonymised;
    await options.onProgress?.({
      runId,
      position: step.position,
      steps: sweep.steps,
      store: step.store,
      table: step.table,
      action: step.action,
      done: sweep.done,
      due: step.due ?? 0,
    });
    await options.heartbeat?.();
    // A batch that changed nothing cannot make progress: stop here.
    if (result.done || result.deleted + result.anonymised + reduced === 0) return acted;
  }
}

/**
 * After a delete rule's sweep: due rows that rows which stay still reference (a held invoice, an ungoverned table)
 * cannot be deleted. They are anonymised by their columns' strategies where the table allows it, and what stayed is
 * counted again from the store — never reported as done.
 */
async function settleBlocked(
  target: DueTarget,
  rule: TableRule,
  cutoff: Date,
  exclude: DueExclusion[] | undefined,
  governed: readonly string[],
  sweepAll: (extra: { referencedOnly?: boolean; action: 'delete' | 'anonymise' }) => Promise<number>,
): Promise<BlockedOutcome | null> {
  const count = async () => {
    const { columns: _columns, ...counted } = ruleTarget(rule);
    const at = cutoff.toISOString();
    // After the sweep every referencing row left stays (its own rule's due rows went first): governed tables are named
    // without a period, so the report says "not due" or the hold rather than "no rule deletes them".
    return target.countDue({
      ...counted,
      cutoffs: [at],
      now: at,
      action: 'delete',
      rules: governed.map((table) => ({ table })),
      ...(exclude ? { exclude } : {}),
    });
  };
  const before = await count();
  const rows = before.blocked ?? [];
  if ((before.blockedRows ?? 0) === 0 && (before.due[0] ?? 0) === 0) return null;
  let anonymised = 0;
  let error: string | undefined;
  if ((before.blockedRows ?? 0) > 0) {
    try {
      anonymised = await sweepAll({ action: 'anonymise', referencedOnly: true });
    } catch (failure) {
      // The table cannot take its anonymised values (a NOT NULL column declared null…): the rows stay, reported.
      error = safeMessage(failure);
    }
  }
  const after = await count();
  const stayed = (after.blockedRows ?? 0) + (after.due[0] ?? 0);
  return { rows, anonymised, stayed, ...(error ? { error } : {}) };
}

/** Completes (or fails) a run: status, report and audit entry in one transaction. */
async function finish(deps: SweepDeps, scope: OrgScope, run: RunRecord): Promise<RunRecord> {
  const failed = run.steps.filter((s) => s.status === 'failed');
  // Due rows that stayed (blocked by rows that reference them, or a table refused by its live check): not done.
  const stayed = run.steps.filter((s) => s.status === 'blocked' || s.status === 'refused');
  const status = failed.length > 0 ? 'failed' : stayed.length > 0 && !run.dryRun ? 'partial' : 'completed';
  const steps = run.steps.map((s) => ({
    store: s.store,
    table: s.table,
    action: s.action,
    status: s.status,
    due: s.due,
    deleted: s.deleted,
    anonymised: s.anonymised,
    reduced: s.reduced,
    held: s.held,
    ...(s.blocked ? { blocked: s.blocked } : {}),
  }));
  await setRunStatus(deps.db, scope, run.id, status, deps.clock(), {
    ...(failed.length > 0
      ? { error: `${failed.length} step(s) failed: ${failed.map((s) => `${s.store}/${s.table}`).join(', ')}` }
      : status === 'partial'
        ? { error: `due rows stayed in ${stayed.map((s) => `${s.store}/${s.table}`).join(', ')}` }
        : {}),
    audit: {
      actor: run.actor,
      action: `retention.run.${status}`,
      data: { dryRun: run.dryRun, cutoff: run.cutoff, charterRevision: run.charterRevision, steps },
    },
  });
  return getRun(deps.db, scope, run.id);
}
