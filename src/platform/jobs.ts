/**
 * Durable jobs in the database, shared by any number of server processes: a `jobs` table claimed with
 * `FOR UPDATE SKIP LOCKED` (so two processes never take the same job), a lease renewed while the handler works (a job
 * whose process died is taken again once its lease runs out), retries with backoff, and dedupe keys (enqueueing the
 * same occurrence twice, e.g. "the daily sweep of 2026-11-23" from two processes, creates one job). Periodic producers
 * ("tickers") run on every poll to enqueue what has become due. Work is isolated per organisation: a ticker or job
 * stuck on one organisation's store holds up only that organisation's lane, never the claiming of other work.
 *
 * `withExclusiveLock` is the other half: a lock that is released the moment its holder dies (a PostgreSQL session
 * advisory lock; in-process for PGlite, which is one process by construction). Long work that must never run twice
 * at once (a retention sweep of one organisation) takes it, so a killed process does not block the next one for the
 * length of a lease.
 *
 * This module knows no domain: handlers and tickers are registered by the composition root.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Kysely, type Migration } from 'kysely';
import type { DatabaseKind } from './db/database.js';
import type { Logger } from './logger.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  queue: string;
  /** Same queue + key = same job: the second enqueue is ignored. */
  dedupe_key: string | null;
  /** The organisation the job works for (null for installation work). */
  organisation_id: string | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: JobStatus;
  run_at: ColumnType<Date, Date | string, Date | string>;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface JobTables {
  jobs: JobTable;
}

export const jobMigrations: Record<string, Migration> = {
  '0090-platform-jobs': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table jobs (
          id uuid primary key,
          queue text not null,
          dedupe_key text,
          organisation_id uuid references organisations(id),
          payload jsonb not null default '{}',
          status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
          run_at timestamptz not null,
          attempts integer not null default 0,
          max_attempts integer not null default 5,
          locked_by text,
          locked_until timestamptz,
          last_error text,
          created_at timestamptz not null default now(),
          finished_at timestamptz
        )`.execute(db);
      await sql`create unique index jobs_dedupe on jobs (queue, dedupe_key)`.execute(db);
      // The claim query: queued jobs that are due, and running jobs whose lease ran out.
      await sql`create index jobs_claimable on jobs (run_at) where status in ('queued', 'running')`.execute(db);
    },
  },
};

export interface Job {
  id: string;
  queue: string;
  dedupeKey: string | null;
  organisationId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface EnqueueInput {
  queue: string;
  key?: string | undefined;
  organisationId?: string | null | undefined;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

/** Any database that has the jobs table among its tables. */
type JobDb<DB extends JobTables = JobTables> = Kysely<DB>;

/** The runner and the functions only touch the jobs table. */
const jobsOf = <DB extends JobTables>(db: JobDb<DB>) => db as unknown as Kysely<JobTables>;

/** Enqueues a job; with a key, a job already enqueued under that key (in any state) wins and this returns false. */
export async function enqueueJob<DB extends JobTables>(
  db: JobDb<DB>,
  input: EnqueueInput,
  now: Date = new Date(),
): Promise<boolean> {
  const result = await jobsOf(db)
    .insertInto('jobs')
    .values({
      id: randomUUID(),
      queue: input.queue,
      dedupe_key: input.key ?? null,
      organisation_id: input.organisationId ?? null,
      payload: JSON.stringify(input.payload ?? {}),
      status: 'queued',
      run_at: input.runAt ?? now,
      attempts: 0,
      max_attempts: input.maxAttempts ?? 5,
      locked_by: null,
      locked_until: null,
      last_error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.columns(['queue', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Takes one due job of the given queues for `worker`, or undefined. A running job whose lease expired (its process
 * died) counts as due again; SKIP LOCKED lets concurrent claimers pass each other instead of queueing.
 */
export async function claimJob<DB extends JobTables>(
  db: JobDb<DB>,
  queues: readonly string[],
  worker: string,
  leaseMs: number,
  now: Date = new Date(),
  busy: BusyLanes = {},
): Promise<Job | undefined> {
  if (queues.length === 0) return undefined;
  const organisations = [...(busy.organisations ?? [])];
  const installationQueues = [...(busy.installationQueues ?? [])];
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<{
    id: string;
    queue: string;
    dedupe_key: string | null;
    organisation_id: string | null;
    payload: unknown;
    attempts: number;
  }>`
    update jobs set status = 'running', locked_by = ${worker}, locked_until = ${until.toISOString()}::timestamptz,
                    attempts = attempts + 1
     where id = (
       select id from jobs
        where queue = any(${[...queues]}::text[])
          and run_at <= ${now.toISOString()}::timestamptz
          and (status = 'queued' or (status = 'running' and locked_until < ${now.toISOString()}::timestamptz))
          and (organisation_id is null or not (organisation_id = any(${organisations}::uuid[])))
          -- An archived organisation's jobs wait (kept, not failed): unarchiving lets them run again.
          and (organisation_id is null or not exists (select 1 from organisations o where o.id = jobs.organisation_id and o.archived_at is not null))
          and (organisation_id is not null or not (queue = any(${installationQueues}::text[])))
        order by run_at
        for update skip locked
        limit 1)
    returning id, queue, dedupe_key, organisation_id, payload, attempts`.execute(jobsOf(db));
  const row = result.rows[0];
  if (!row) return undefined;
  const payload =
    typeof row.payload === 'string'
      ? (JSON.parse(row.payload) as Record<string, unknown>)
      : ((row.payload ?? {}) as Record<string, unknown>);
  return {
    id: row.id,
    queue: row.queue,
    dedupeKey: row.dedupe_key,
    organisationId: row.organisation_id,
    payload,
    attempts: row.attempts,
  };
}

/**
 * Lanes the claimer is busy in: a job of an organisation (or an installation job of a queue) already running here is
 * not joined by another of the same lane, so one organisation's stuck store occupies one slot, never all of them.
 */
export interface BusyLanes {
  organisations?: Iterable<string>;
  installationQueues?: Iterable<string>;
}

/** Extends the lease of a job this worker holds; false when it lost the job (lease taken over). */
export async function extendLease<DB extends JobTables>(
  db: JobDb<DB>,
  jobId: string,
  worker: string,
  leaseMs: number,
  now: Date = new Date(),
): Promise<boolean> {
  const result = await jobsOf(db)
    .updateTable('jobs')
    .set({ locked_until: new Date(now.getTime() + leaseMs) })
    .where('id', '=', jobId)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function completeJob<DB extends JobTables>(
  db: JobDb<DB>,
  jobId: string,
  worker: string,
  now: Date = new Date(),
): Promise<void> {
  await jobsOf(db)
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, locked_until: null })
    .where('id', '=', jobId)
    .where('locked_by', '=', worker)
    .execute();
}

/** Records a failure: queued again after a backoff (30 s × 2^attempts, at most an hour), or failed for good. */
export async function failJob<DB extends JobTables>(
  db: JobDb<DB>,
  jobId: string,
  worker: string,
  error: string,
  now: Date = new Date(),
): Promise<void> {
  const job = await jobsOf(db)
    .selectFrom('jobs')
    .select(['attempts', 'max_attempts'])
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (!job) return;
  const final = job.attempts >= job.max_attempts;
  const delay = Math.min(3_600_000, 30_000 * 2 ** Math.max(0, job.attempts - 1));
  await jobsOf(db)
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'queued',
      run_at: final ? now : new Date(now.getTime() + delay),
      last_error: error.slice(0, 1000),
      locked_by: null,
      locked_until: null,
      finished_at: final ? now : null,
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', worker)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Exclusive locks that die with their holder

const inProcessLocks = new Set<string>();

/**
 * Runs `work` while holding an exclusive lock named `key`, or returns `{ acquired: false }` at once when someone holds
 * it. PostgreSQL: a session advisory lock on a connection reserved for the duration (released by the server if this
 * process dies, so a crashed holder never blocks the next one); `work` itself uses the pool as usual. PGlite: the
 * database belongs to this one process, so an in-process lock is exact.
 */
export async function withExclusiveLock<DB, T>(
  db: Kysely<DB>,
  kind: DatabaseKind,
  key: string,
  work: () => Promise<T>,
): Promise<{ acquired: true; result: T } | { acquired: false }> {
  if (kind === 'pglite') {
    if (inProcessLocks.has(key)) return { acquired: false };
    inProcessLocks.add(key);
    try {
      return { acquired: true, result: await work() };
    } finally {
      inProcessLocks.delete(key);
    }
  }
  return db.connection().execute(async (connection) => {
    const locked = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_lock(hashtext('charter.lock'), hashtext(${key})) as ok`.execute(connection);
    if (!locked.rows[0]?.ok) return { acquired: false as const };
    try {
      return { acquired: true as const, result: await work() };
    } finally {
      await sql`select pg_advisory_unlock(hashtext('charter.lock'), hashtext(${key}))`.execute(connection);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The runner

export interface JobContext {
  job: Job;
  /** Renews the lease; long handlers call it between steps. Resolves false when the job was lost. */
  heartbeat: () => Promise<boolean>;
  now: () => Date;
}

export type JobHandler = (context: JobContext) => Promise<void>;

/** Runs on every poll before claiming: enqueues what has become due (e.g. from a schedule table). */
export type JobTicker = (now: Date) => Promise<void>;

/**
 * A ticker whose work splits into independent lanes (one per organisation): each lane runs on its own, and a lane
 * still busy from an earlier poll (a store that does not answer) is skipped while the other lanes go on.
 */
export interface LanedTicker {
  lanes(now: Date): Promise<string[]>;
  run(lane: string, now: Date): Promise<void>;
}

export interface JobRunnerOptions<DB extends JobTables> {
  db: Kysely<DB>;
  logger: Logger;
  clock?: () => Date;
  /** Poll interval (default 5 s). */
  pollMs?: number;
  /** Lease of a claimed job (default 2 minutes); handlers heartbeat to keep it. */
  leaseMs?: number;
  /** Jobs run at once by this process (default 4), at most one per organisation. */
  concurrency?: number;
  /** How long a poll waits for its tickers before it claims jobs anyway (default: the poll interval). */
  tickerGraceMs?: number;
}

export interface JobRunner {
  readonly worker: string;
  register(queue: string, handler: JobHandler): void;
  addTicker(ticker: JobTicker): void;
  addLanedTicker(ticker: LanedTicker): void;
  /**
   * One poll, awaited to the end: tickers, then claim and run jobs until none is due. Used by tests; the loop started
   * by `start()` waits for its tickers at most `tickerGraceMs` and polls again on time, whatever is still running.
   */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * A poller running registered handlers; one per process. Tickers and jobs are isolated from one another: a ticker
 * (or a ticker's lane) still running from an earlier poll is skipped, not waited for; jobs run concurrently up to
 * `concurrency`, one per organisation at a time, so a job stuck on one organisation's store delays only that
 * organisation's next job.
 */
export function createJobRunner<DB extends JobTables>(options: JobRunnerOptions<DB>): JobRunner {
  const db = jobsOf(options.db);
  const clock = options.clock ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const tickerGraceMs = options.tickerGraceMs ?? pollMs;
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const handlers = new Map<string, JobHandler>();
  const tickers: JobTicker[] = [];
  const lanedTickers: LanedTicker[] = [];
  const tickerRuns = tickerTracker(options.logger);
  /** Jobs running in this process, by id, with their lane. */
  const runningJobs = new Map<string, { organisationId: string | null; queue: string; done: Promise<void> }>();
  let filling: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<unknown> | undefined;
  let stopped = false;

  async function runJob(job: Job): Promise<void> {
    const handler = handlers.get(job.queue);
    if (!handler) return;
    const started = Date.now();
    try {
      await handler({ job, heartbeat: () => extendLease(db, job.id, worker, leaseMs, clock()), now: clock });
      await completeJob(db, job.id, worker, clock());
      options.logger.info({ job: job.id, queue: job.queue, ms: Date.now() - started }, 'job done');
    } catch (error) {
      options.logger.error({ job: job.id, queue: job.queue, err: errorSummary(error) }, 'job failed');
      await failJob(db, job.id, worker, errorSummary(error).message, clock()).catch((failure: unknown) =>
        options.logger.error({ job: job.id, err: errorSummary(failure) }, 'job failure not recorded'),
      );
    }
  }

  /** Claims due jobs into free slots; a finished job frees its slot and claims again. One filler at a time. */
  function fill(poll: Poll): Promise<void> {
    filling = filling.then(async () => {
      while (!stopped && runningJobs.size < concurrency) {
        const lanes = [...runningJobs.values()];
        const job = await claimJob(db, [...handlers.keys()], worker, leaseMs, clock(), {
          organisations: lanes.flatMap((j) => (j.organisationId ? [j.organisationId] : [])),
          installationQueues: lanes.flatMap((j) => (j.organisationId ? [] : [j.queue])),
        });
        if (!job) return;
        poll.ran++;
        const done = runJob(job).finally(() => runningJobs.delete(job.id));
        runningJobs.set(job.id, { organisationId: job.organisationId, queue: job.queue, done });
        poll.pending.push(done.then(() => fill(poll)));
      }
    });
    const current = filling.catch((error: unknown) =>
      options.logger.error({ err: errorSummary(error) }, 'job claim failed'),
    );
    filling = current;
    return current;
  }

  /** Starts the tickers, waits for them (at most `graceMs` when given), then claims what is due. */
  async function poll(graceMs?: number): Promise<Poll> {
    const current: Poll = { ran: 0, pending: [] };
    await atMost(startTickers(current, tickerRuns, tickers, lanedTickers, clock), graceMs);
    await fill(current);
    return current;
  }

  async function runOnce(): Promise<number> {
    const current = await poll();
    let seen = 0;
    while (seen < current.pending.length) {
      const batch = current.pending.slice(seen);
      seen = current.pending.length;
      await Promise.allSettled(batch);
    }
    return current.ran;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      polling = poll(tickerGraceMs)
        .catch((error: unknown) => options.logger.error({ err: errorSummary(error) }, 'job poll failed'))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  return {
    worker,
    register(queue, handler) {
      handlers.set(queue, handler);
    },
    addTicker(ticker) {
      tickers.push(ticker);
    },
    addLanedTicker(ticker) {
      lanedTickers.push(ticker);
    },
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await polling;
      await Promise.allSettled([...tickerRuns.running(), ...[...runningJobs.values()].map((j) => j.done)]);
    },
  };
}

/** Everything started by one poll, so `runOnce` can wait for all of it. */
interface Poll {
  ran: number;
  pending: Promise<unknown>[];
}

/** Ticker work running in this process, so that a ticker (or a ticker's lane) still busy is skipped, not waited for. */
interface TickerTracker {
  /** Starts `work` under `key` (`ticker:<n>`, `laned:<n>`, `laned:<n>:<lane>`) unless that key is still running. */
  track(poll: Poll, key: string, work: () => Promise<void>): Promise<void> | undefined;
  running(): Promise<void>[];
}

function tickerTracker(logger: Logger): TickerTracker {
  const busy = new Map<string, Promise<void>>();
  return {
    track(poll, key, work) {
      if (busy.has(key)) return undefined;
      const task = Promise.resolve()
        .then(work)
        .catch((error: unknown) => logger.error({ ticker: key, err: errorSummary(error) }, 'job ticker failed'))
        .finally(() => busy.delete(key));
      busy.set(key, task);
      poll.pending.push(task);
      return task;
    },
    running: () => [...busy.values()],
  };
}

/** Starts every ticker and laned ticker not still running; settles when all that started (and their lanes) are done. */
async function startTickers(
  poll: Poll,
  tracker: TickerTracker,
  tickers: readonly JobTicker[],
  lanedTickers: readonly LanedTicker[],
  clock: () => Date,
): Promise<void> {
  const tickerWork: Promise<unknown>[] = [];
  tickers.forEach((ticker, index) => {
    const task = tracker.track(poll, `ticker:${index}`, () => ticker(clock()));
    if (task) tickerWork.push(task);
  });
  const laneWork: Promise<unknown>[] = [];
  lanedTickers.forEach((ticker, index) => {
    const task = tracker.track(poll, `laned:${index}`, async () => {
      for (const lane of await ticker.lanes(clock())) {
        const run = tracker.track(poll, `laned:${index}:${lane}`, () => ticker.run(lane, clock()));
        if (run) laneWork.push(run);
      }
    });
    if (task) tickerWork.push(task);
  });
  await Promise.allSettled(tickerWork);
  await Promise.allSettled(laneWork);
}

/** Waits for `work`, but at most `graceMs` when given (the work goes on after). */
async function atMost(work: Promise<unknown>, graceMs: number | undefined): Promise<void> {
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([
    work,
    ...(graceMs === undefined
      ? []
      : [
          new Promise<void>((resolve) => {
            grace = setTimeout(resolve, graceMs);
            grace.unref();
          }),
        ]),
  ]);
  clearTimeout(grace);
}

/** Error name and message only: messages of Charter's own errors carry no personal data. */
function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
