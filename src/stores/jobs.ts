/**
 * Jobs that act on the organisation's stores for one subject — erasure, rectification, restriction — made
 * resumable: each store is one step, recorded in Charter's own database (`store_jobs`, `store_job_steps`) in the
 * same transaction as its audit entry. Running a job again (after a crash, a timeout, a failed store) skips the
 * steps already done and repeats the others; the connectors' strategies are idempotent, so a step that ran but was
 * not recorded (a crash between the store's commit and ours) changes nothing the second time.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction, type UpdateObject } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { conflict } from '../platform/errors.js';
import { viewOf } from '../platform/db/view.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import {
  StoreError,
  type BatchProgress,
  type ColumnChange,
  type ErasureResult,
  type Identity,
  type RectificationResult,
  type RestrictionResult,
  type StoreConnector,
} from './connector.js';
import type { StoreJobStepTable, StoresDb } from './tables.js';

export type StoreJobKind = 'erasure' | 'rectification' | 'restriction';

export interface StoreJobStep<R> {
  store: string;
  status: 'done' | 'failed';
  /** True when this run skipped the step because an earlier run had done it. */
  resumed: boolean;
  result?: R | undefined;
  /** Error code (never a message from the store: it could quote personal data). */
  error?: string | undefined;
}

export interface StoreJobReport<R> {
  jobId: string;
  kind: StoreJobKind;
  status: 'completed' | 'failed';
  steps: StoreJobStep<R>[];
}

/** A digest of the identities (sorted, normalised): proves a re-run is for the same person without storing them. */
export function identityDigest(identities: readonly Identity[]): string {
  const canonical = identities
    .map((i) => `${i.type}:${i.value.trim().toLowerCase()}`)
    .sort()
    .join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}

interface JobOptions<R> {
  jobId: string;
  kind: StoreJobKind;
  identities: Identity[];
  actor: string;
  dryRun?: boolean;
  now?: () => Date;
  run: (connector: StoreConnector) => Promise<R>;
  /** Counts for the audit entry: ids and numbers only. */
  summarise: (result: R) => Record<string, unknown>;
}

const storesView = viewOf<StoresDb>();

/** A job's identity within the organisation, and the clock its records are stamped with. */
interface JobKey {
  organisationId: string;
  jobId: string;
  now: () => Date;
}

/** The steps a run finds: none and `fresh` on the job's first run (its first step's attempt already counted). */
interface OpenedJob {
  steps: Selectable<StoreJobStepTable>[];
  fresh: boolean;
}

/**
 * Records the job and a pending step per store on the first run, counting the first step's attempt in the same
 * transaction (one commit less per request); on a later run checks it is the same operation for the same person and
 * returns the steps recorded (a store added since gets a pending step).
 */
async function openJob<R>(
  db: Kysely<StoresDb>,
  scope: OrgScope,
  connectors: readonly StoreConnector[],
  key: JobKey,
  options: JobOptions<R>,
): Promise<OpenedJob> {
  const { organisationId, jobId, now } = key;
  const digest = identityDigest(options.identities);
  return inOrganisation(db, scope, async (trx) => {
    const created = await trx
      .insertInto('store_jobs')
      .values({
        organisation_id: organisationId,
        id: jobId,
        kind: options.kind,
        identity_digest: digest,
        dry_run: Boolean(options.dryRun),
        status: 'running',
        actor: options.actor,
        created_at: now(),
        updated_at: now(),
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (created) {
      await addPendingSteps(trx, key, connectors, connectors[0]?.id);
      return { steps: [], fresh: true };
    }
    const job = await trx
      .selectFrom('store_jobs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    if (job.kind !== options.kind || job.identity_digest !== digest || job.dry_run !== Boolean(options.dryRun)) {
      throw conflict(`store job ${jobId} already exists for another operation or another person`);
    }
    // A store added to the charter since the first run gets its step now.
    await addPendingSteps(trx, key, connectors);
    const steps = await trx
      .selectFrom('store_job_steps')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('job_id', '=', jobId)
      .execute();
    return { steps, fresh: false };
  });
}

/**
 * A pending step per store, in one statement (a step already recorded is left as it is); `attempting` names the store
 * whose step starts now, its attempt counted here.
 */
async function addPendingSteps(
  trx: Transaction<StoresDb>,
  { organisationId, jobId, now }: JobKey,
  connectors: readonly StoreConnector[],
  attempting?: string,
) {
  if (connectors.length === 0) return;
  await trx
    .insertInto('store_job_steps')
    .values(
      connectors.map((connector) => ({
        organisation_id: organisationId,
        job_id: jobId,
        store_id: connector.id,
        status: 'pending' as const,
        updated_at: now(),
        attempts: connector.id === attempting ? 1 : 0,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'job_id', 'store_id']).doNothing())
    .execute();
}

function finishJob(trx: Transaction<StoresDb>, { organisationId, jobId, now }: JobKey, status: 'completed' | 'failed') {
  return trx
    .updateTable('store_jobs')
    .set({ status, updated_at: now(), completed_at: status === 'completed' ? now() : null })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', jobId)
    .execute();
}

/** Updates one store's step of the job. */
function updateStep(
  trx: Transaction<StoresDb>,
  { organisationId, jobId }: JobKey,
  store: string,
  set: UpdateObject<StoresDb, 'store_job_steps'>,
) {
  return trx
    .updateTable('store_job_steps')
    .set(set)
    .where('organisation_id', '=', organisationId)
    .where('job_id', '=', jobId)
    .where('store_id', '=', store)
    .execute();
}

/**
 * Runs one store's step: its result recorded with its audit entry in one transaction (and, when `completes`, the
 * job completed in the same one), or its failure recorded by error code.
 */
async function runStep<R>(
  db: Kysely<StoresDb>,
  scope: OrgScope,
  connector: StoreConnector,
  key: JobKey,
  options: JobOptions<R>,
  completes: boolean,
  attemptCounted: boolean,
): Promise<StoreJobStep<R>> {
  const { now } = key;
  if (!attemptCounted)
    await inOrganisation(db, scope, (trx) =>
      updateStep(trx, key, connector.id, { attempts: sql<number>`${sql.ref('attempts')} + 1`, updated_at: now() }),
    );
  try {
    const result = await options.run(connector);
    await inOrganisation(db, scope, async (trx) => {
      await updateStep(trx, key, connector.id, {
        status: 'done',
        result: JSON.stringify(result),
        error: null,
        updated_at: now(),
      });
      if (completes) await finishJob(trx, key, 'completed');
      if (!options.dryRun) {
        await recordAudit(
          trx,
          scope,
          {
            actor: options.actor,
            action: `store.${options.kind}`,
            target: `store-job:${key.jobId}`,
            data: { store: connector.id, ...options.summarise(result) },
          },
          now(),
        );
      }
    });
    return { store: connector.id, status: 'done', resumed: false, result };
  } catch (error) {
    const code = error instanceof StoreError ? error.code : 'store_failed';
    await inOrganisation(db, scope, (trx) =>
      updateStep(trx, key, connector.id, { status: 'failed', error: code, updated_at: now() }),
    );
    return { store: connector.id, status: 'failed', resumed: false, error: code };
  }
}

async function runStoreJob<DB extends StoresDb, R>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  connectors: readonly StoreConnector[],
  options: JobOptions<R>,
): Promise<StoreJobReport<R>> {
  const db = storesView(anyDb);
  const key: JobKey = {
    organisationId: requireScope(scope),
    jobId: options.jobId,
    now: options.now ?? (() => new Date()),
  };
  const opened = await openJob(db, scope, connectors, key, options);
  const existing = opened.steps;
  const steps: StoreJobStep<R>[] = [];
  for (const connector of connectors) {
    const previous = existing.find((s) => s.store_id === connector.id);
    if (previous?.status === 'done') {
      steps.push({ store: connector.id, status: 'done', resumed: true, result: previous.result as R });
      continue;
    }
    // The last step of a job whose other steps are done completes the job in the same transaction (one commit less).
    const completes = connector === connectors[connectors.length - 1] && steps.every((s) => s.status === 'done');
    const attemptCounted = opened.fresh && connector === connectors[0];
    const step = await runStep(db, scope, connector, key, options, completes, attemptCounted);
    steps.push(step);
    if (completes && step.status === 'done')
      return { jobId: options.jobId, kind: options.kind, status: 'completed', steps };
  }
  const status = steps.every((s) => s.status === 'done') ? 'completed' : 'failed';
  await inOrganisation(db, scope, (trx) => finishJob(trx, key, status));
  return { jobId: options.jobId, kind: options.kind, status, steps };
}

export interface EraseSubjectInput {
  jobId: string;
  identities: Identity[];
  actor: string;
  dryRun?: boolean;
  batchSize?: number;
  onBatch?: (progress: BatchProgress) => void;
  now?: () => Date;
}

/** Erases a subject across stores, one resumable step per store. */
export function eraseSubject<DB extends StoresDb>(
  db: Kysely<DB>,
  scope: OrgScope,
  connectors: readonly StoreConnector[],
  input: EraseSubjectInput,
): Promise<StoreJobReport<ErasureResult>> {
  return runStoreJob<DB, ErasureResult>(db, scope, connectors, {
    jobId: input.jobId,
    kind: 'erasure',
    identities: input.identities,
    actor: input.actor,
    dryRun: input.dryRun,
    now: input.now,
    run: (connector) =>
      connector.erase({
        jobId: `${input.jobId}:${connector.id}`,
        identities: input.identities,
        dryRun: input.dryRun,
        batchSize: input.batchSize,
        onBatch: input.onBatch,
      }),
    summarise: (result) => ({
      deleted: result.erased.reduce((n, e) => n + e.deleted, 0),
      updated: result.erased.reduce((n, e) => n + e.updated, 0),
      kept: result.kept.map((k) => ({ table: k.table, rows: k.rows, hold: k.hold })),
    }),
  });
}

/** Sets new values for declared columns, one resumable step per store; `changes` keyed by store id. */
export function rectifySubject<DB extends StoresDb>(
  db: Kysely<DB>,
  scope: OrgScope,
  connectors: readonly StoreConnector[],
  input: {
    jobId: string;
    identities: Identity[];
    actor: string;
    changes: Record<string, ColumnChange[]>;
    now?: () => Date;
  },
): Promise<StoreJobReport<RectificationResult>> {
  const involved = connectors.filter((c) => (input.changes[c.id]?.length ?? 0) > 0);
  return runStoreJob<DB, RectificationResult>(db, scope, involved, {
    jobId: input.jobId,
    kind: 'rectification',
    identities: input.identities,
    actor: input.actor,
    now: input.now,
    run: (connector) =>
      connector.rectify({
        jobId: `${input.jobId}:${connector.id}`,
        identities: input.identities,
        changes: input.changes[connector.id] ?? [],
      }),
    // Column names only: the new values are personal data.
    summarise: (result) => ({
      updated: result.updated,
      columns: (input.changes[result.store] ?? []).map((c) => `${c.table}.${c.column}`),
    }),
  });
}

/** Restricts (or lifts the restriction of) a subject's rows, one resumable step per store. */
export function restrictSubject<DB extends StoresDb>(
  db: Kysely<DB>,
  scope: OrgScope,
  connectors: readonly StoreConnector[],
  input: { jobId: string; identities: Identity[]; actor: string; restricted: boolean; now?: () => Date },
): Promise<StoreJobReport<RestrictionResult>> {
  return runStoreJob<DB, RestrictionResult>(db, scope, connectors, {
    jobId: input.jobId,
    kind: 'restriction',
    identities: input.identities,
    actor: input.actor,
    now: input.now,
    run: (connector) =>
      connector.restrict({
        jobId: `${input.jobId}:${connector.id}`,
        identities: input.identities,
        restricted: input.restricted,
      }),
    summarise: (result) => ({ restricted: input.restricted, updated: result.updated, unsupported: result.unsupported }),
  });
}
