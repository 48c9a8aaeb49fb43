/**
 * Durable jobs: one job per dedupe key, a claimed job is nobody else's until its lease runs out, retries with
 * backoff until the last attempt, and locks that refuse a second holder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import type { Database } from '../database.js';
import { testDatabase } from '../../test/support/database.js';
import type { OpenDatabase } from './db/database.js';
import { claimJob, completeJob, createJobRunner, enqueueJob, failJob, withExclusiveLock } from './jobs.js';
import { createLogger } from './logger.js';

let database: OpenDatabase<Database>;
beforeAll(async () => {
  database = await testDatabase();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const t0 = new Date('2026-06-15T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('durable jobs', () => {
  it('enqueues one job per queue and key', async () => {
    expect(await enqueueJob(database.db, { queue: 'test.dedupe', key: 'day-1' }, t0)).toBe(true);
    expect(await enqueueJob(database.db, { queue: 'test.dedupe', key: 'day-1' }, t0)).toBe(false);
    expect(await enqueueJob(database.db, { queue: 'test.dedupe', key: 'day-2' }, t0)).toBe(true);
    const rows = await database.db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('queue', '=', 'test.dedupe')
      .orderBy('dedupe_key')
      .execute();
    expect(rows.map((r) => r.dedupe_key)).toEqual(['day-1', 'day-2']);
  });

  it('gives a claimed job to nobody else until its lease runs out, then to the next worker', async () => {
    await enqueueJob(database.db, { queue: 'test.lease', key: 'one' }, t0);
    const first = await claimJob(database.db, ['test.lease'], 'worker-a', 60_000, t0);
    expect(first?.attempts).toBe(1);
    expect(await claimJob(database.db, ['test.lease'], 'worker-b', 60_000, later(30_000))).toBeUndefined();
    // worker-a died: after the lease, worker-b takes the job over, and worker-a's late completion counts for nothing.
    const second = await claimJob(database.db, ['test.lease'], 'worker-b', 60_000, later(61_000));
    expect(second).toMatchObject({ id: first?.id, attempts: 2 });
    await completeJob(database.db, first?.id ?? '', 'worker-a', later(62_000));
    expect(
      await database.db
        .selectFrom('jobs')
        .select(['status', 'locked_by'])
        .where('id', '=', first?.id ?? '')
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'running', locked_by: 'worker-b' });
    await completeJob(database.db, second?.id ?? '', 'worker-b', later(63_000));
    expect(
      (
        await database.db
          .selectFrom('jobs')
          .select('status')
          .where('id', '=', first?.id ?? '')
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('done');
  });

  it('never hands one job to two concurrent claimers', async () => {
    for (let i = 0; i < 5; i++) await enqueueJob(database.db, { queue: 'test.race', key: String(i) }, t0);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimJob(database.db, ['test.race'], `w${i}`, 60_000, t0)),
    );
    const ids = claims.filter((c) => c !== undefined).map((c) => c.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it('retries a failed job after a backoff, and gives up after its last attempt', async () => {
    await enqueueJob(database.db, { queue: 'test.retry', key: 'x', maxAttempts: 2 }, t0);
    const first = await claimJob(database.db, ['test.retry'], 'w', 60_000, t0);
    await failJob(database.db, first?.id ?? '', 'w', 'boom', t0);
    expect(await claimJob(database.db, ['test.retry'], 'w', 60_000, later(10_000))).toBeUndefined();
    const second = await claimJob(database.db, ['test.retry'], 'w', 60_000, later(31_000));
    expect(second?.attempts).toBe(2);
    await failJob(database.db, second?.id ?? '', 'w', 'boom again', later(31_000));
    const row = await database.db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('id', '=', first?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', last_error: 'boom again' });
  });

  it('runs registered handlers and records failures through the runner', async () => {
    const runner = createJobRunner({ db: database.db, logger: createLogger('silent'), clock: () => later(3_600_000) });
    const seen: string[] = [];
    runner.register('test.runner', async ({ job }) => {
      seen.push(String(job.payload.name));
      if (job.payload.name === 'bad') throw new Error('handler failed');
    });
    await enqueueJob(database.db, { queue: 'test.runner', key: 'good', payload: { name: 'good' } }, t0);
    await enqueueJob(database.db, { queue: 'test.runner', key: 'bad', payload: { name: 'bad' } }, t0);
    expect(await runner.runOnce()).toBe(2);
    expect(seen.sort()).toEqual(['bad', 'good']);
    const rows = await database.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status', 'last_error'])
      .where('queue', '=', 'test.runner')
      .orderBy('dedupe_key')
      .execute();
    expect(rows).toEqual([
      { dedupe_key: 'bad', status: 'queued', last_error: 'handler failed' },
      { dedupe_key: 'good', status: 'done', last_error: null },
    ]);
  });
});

/** Waits until `condition` holds, polling; the test's own timeout bounds the wait. */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('isolation of the runner', () => {
  it("keeps claiming other organisations' jobs and ticking their lanes while one organisation's job and lane hang", async () => {
    const stuck = await ensureOrganisation(database.db, 'lanes-stuck', 'Stuck');
    const other = await ensureOrganisation(database.db, 'lanes-other', 'Other');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    const otherLaneRuns: number[] = [];
    const runner = createJobRunner({ db: database.db, logger: createLogger('silent'), pollMs: 20, tickerGraceMs: 20 });
    runner.register('test.lanes', async ({ job }) => {
      if (job.payload.name === 'stuck') await released;
      done.push(String(job.payload.name));
    });
    // A plain ticker that hangs (a store that never answers) and a laned one whose stuck organisation's lane hangs.
    runner.addTicker(() => released);
    runner.addLanedTicker({
      lanes: async () => [stuck.id, other.id],
      run: async (lane) => {
        if (lane === stuck.id) await released;
        else otherLaneRuns.push(otherLaneRuns.length);
      },
    });
    await enqueueJob(database.db, {
      queue: 'test.lanes',
      key: 'stuck',
      organisationId: stuck.id,
      payload: { name: 'stuck' },
    });
    await enqueueJob(database.db, {
      queue: 'test.lanes',
      key: 'stuck-next',
      organisationId: stuck.id,
      payload: { name: 'stuck-next' },
    });
    await enqueueJob(database.db, {
      queue: 'test.lanes',
      key: 'other',
      organisationId: other.id,
      payload: { name: 'other' },
    });
    runner.start();
    try {
      await until(() => done.includes('other') && otherLaneRuns.length >= 3);
      const status = async (key: string) =>
        (
          await database.db
            .selectFrom('jobs')
            .select('status')
            .where('queue', '=', 'test.lanes')
            .where('dedupe_key', '=', key)
            .executeTakeFirstOrThrow()
        ).status;
      // The stuck organisation's job holds its lane: its next job waits; nobody else's does.
      expect(await status('stuck')).toBe('running');
      expect(await status('stuck-next')).toBe('queued');
      expect(await status('other')).toBe('done');
      release();
      await until(async () => (await status('stuck-next')) === 'done');
      expect(done).toEqual(['other', 'stuck', 'stuck-next']);
    } finally {
      release();
      await runner.stop();
    }
  });
});

describe('exclusive locks', () => {
  it('refuses a second holder of the same name while the first holds it, and frees it afterwards', async () => {
    let inner: unknown;
    const outer = await withExclusiveLock(database.db, database.kind, 'test:lock', async () => {
      inner = await withExclusiveLock(database.db, database.kind, 'test:lock', async () => 'inner');
      const other = await withExclusiveLock(database.db, database.kind, 'test:other', async () => 'other');
      return other;
    });
    expect(outer).toEqual({ acquired: true, result: { acquired: true, result: 'other' } });
    expect(inner).toEqual({ acquired: false });
    expect(await withExclusiveLock(database.db, database.kind, 'test:lock', async () => 'again')).toEqual({
      acquired: true,
      result: 'again',
    });
  });
});
