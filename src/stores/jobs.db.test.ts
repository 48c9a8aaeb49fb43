import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { testDatabase } from '../../test/support/database.js';
import { StoreError, type StoreConnector } from './connector.js';
import { eraseSubject, restrictSubject } from './jobs.js';
import { storeModel } from './plan.js';
import { createSqlConnector } from './sql/engine.js';
import { createPgliteDriver } from './sql/postgres.js';
import { seedShop, shopHolds, shopStore } from './testing/shop.js';

let database: OpenDatabase<Database>;
let pglite: PGlite;
let shop: StoreConnector;
const organisationId = randomUUID();
const scope = { organisationId };
const alice = [{ type: 'email' as const, value: 'alice@example.be' }];

/** Wraps a connector to count erase calls, or to fail them while `failing` is set. */
function instrumented(inner: StoreConnector, id: string) {
  const state = { calls: 0, failing: false };
  const connector: StoreConnector = {
    ...inner,
    id,
    async erase(request) {
      state.calls++;
      if (state.failing) throw new StoreError(id, 'connection refused', 'unreachable');
      return { ...(await inner.erase(request)), store: id };
    },
  };
  return { connector, state };
}

beforeAll(async () => {
  database = await testDatabase();
  await database.db
    .insertInto('organisations')
    .values({ id: organisationId, slug: `jobs-${organisationId.slice(0, 8)}`, name: 'Jobs test' })
    .execute();
  pglite = await PGlite.create('memory://');
  const driver = createPgliteDriver(pglite);
  await seedShop(driver, new Date());
  shop = createSqlConnector({
    id: 'shop',
    kind: 'postgres',
    model: storeModel(shopStore(), shopHolds),
    driver,
    context: { hashKey: Buffer.from('k'.repeat(32)) },
  });
});

afterAll(async () => {
  await pglite?.close();
  await database?.close();
});

/** Alice's erasure as job `jobId` over `connectors`, asked by a staff member. */
const eraseAlice = (jobId: string, connectors: StoreConnector[]) =>
  eraseSubject(database.db, scope, connectors, { jobId, identities: alice, actor: 'user:test' });

describe('store jobs', () => {
  it('records each store step with its audit entry and does not repeat done steps', async () => {
    const first = instrumented(shop, 'shop');
    const report = await eraseAlice('job-a', [first.connector]);
    expect(report.status).toBe('completed');
    expect(report.steps[0]?.result?.erased.length).toBeGreaterThan(0);
    const again = await eraseAlice('job-a', [first.connector]);
    expect(first.state.calls).toBe(1);
    expect(again.steps[0]).toMatchObject({ store: 'shop', status: 'done', resumed: true });
    expect(again.steps[0]?.result).toEqual(report.steps[0]?.result);
    const audits = await database.db
      .selectFrom('audit_entries')
      .select(['action', 'target', 'data'])
      .where('organisation_id', '=', organisationId)
      .execute();
    expect(audits).toEqual([expect.objectContaining({ action: 'store.erasure', target: 'store-job:job-a' })]);
    expect(JSON.stringify(audits)).not.toContain('alice');
  });

  it('marks a failing store, finishes the others, and repeats only the failed step on the next run', async () => {
    const good = instrumented(shop, 'crm');
    const bad = instrumented(shop, 'legacy');
    bad.state.failing = true;
    const report = await eraseAlice('job-b', [good.connector, bad.connector]);
    expect(report.status).toBe('failed');
    expect(report.steps.map((s) => [s.store, s.status, s.error])).toEqual([
      ['crm', 'done', undefined],
      ['legacy', 'failed', 'unreachable'],
    ]);
    bad.state.failing = false;
    const rerun = await eraseAlice('job-b', [good.connector, bad.connector]);
    expect(rerun.status).toBe('completed');
    expect([good.state.calls, bad.state.calls]).toEqual([1, 2]);
    const job = await database.db
      .selectFrom('store_jobs')
      .selectAll()
      .where('id', '=', 'job-b')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('completed');
  });

  it('refuses to resume a job for another person or another operation', async () => {
    await expect(
      eraseSubject(database.db, scope, [shop], {
        jobId: 'job-a',
        identities: [{ type: 'email', value: 'bob@example.be' }],
        actor: 'user:test',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      restrictSubject(database.db, scope, [shop], {
        jobId: 'job-a',
        identities: alice,
        actor: 'user:test',
        restricted: true,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('fails closed without an organisation scope', async () => {
    await expect(
      eraseSubject(database.db, { organisationId: '' }, [shop], {
        jobId: 'job-c',
        identities: alice,
        actor: 'user:test',
      }),
    ).rejects.toThrow(/scope/);
  });
});
