/**
 * The retention API: the plan, starting a run (executed by the job runner; started twice, one run), the approval by a privacy officer (a
 * token or a viewer may not), run history and one run, the schedule; bad input answers 422 with the field path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../platform/jobs.js';
import { createLogger } from '../platform/logger.js';
import { readConfig } from '../platform/config.js';
import type { SqlDriver } from '../stores/sql/driver.js';
import { buildTestApp, type TestApp } from '../../test/support/app.js';
import { sessionFor, tokenFor } from '../../test/support/auth.js';
import { composeRetention } from './deps.js';
import { registerRetentionJobs } from './jobs.js';
import type { RetentionPlan, RunRecord } from './schemas.js';
import {
  crmCharter,
  ids,
  newStoreDatabase,
  readAll,
  seedCrm,
  storeDriver,
  storeServers,
  testHashKey,
  type StoreServers,
} from './testing/crm.js';

let servers: StoreServers;
let t: TestApp;
let driver: SqlDriver;
let runner: JobRunner;

beforeAll(async () => {
  servers = await storeServers();
  const url = await newStoreDatabase(servers, 'postgres');
  driver = storeDriver('postgres', url);
  await seedCrm(driver, 'postgres', new Date());
  // The routes read store connections from the process environment, as the server does.
  process.env.CRM_ROUTES_URL = url;
  process.env.CHARTER_HASH_KEY = testHashKey;
  t = await buildTestApp({ charter: crmCharter({ connection: 'CRM_ROUTES_URL' }) });
  const config = readConfig({ LOG_LEVEL: 'silent' });
  runner = createJobRunner({ db: t.database.db, logger: createLogger('silent') });
  registerRetentionJobs(
    runner,
    composeRetention({ db: t.database.db, dbKind: t.database.kind, config, env: process.env, clock: () => new Date() }),
    config,
    createLogger('silent'),
  );
}, 180_000);
afterAll(async () => {
  await driver?.close();
  await t?.close();
  servers?.stop();
});

describe('the retention API', () => {
  it('answers the plan to a caller with retention:read, and nobody else', async () => {
    expect((await t.app.inject({ url: '/api/v1/retention/plan' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/v1/retention/plan', headers: await tokenFor(t, ['records:read']) })).statusCode,
    ).toBe(403);
    const response = await t.app.inject({
      url: '/api/v1/retention/plan',
      headers: await tokenFor(t, ['retention:read']),
    });
    expect(response.statusCode).toBe(200);
    const plan = response.json<RetentionPlan>();
    expect(plan.rules.find((r) => r.table === 'prospects')).toMatchObject({
      dueNow: 1,
      withoutAnchor: 1,
      status: 'ok',
    });
    expect(plan.months).toHaveLength(12);
    expect(plan.rules.find((r) => r.store === 'charter' && r.table === 'mail_outbox')).toBeDefined();
  });

  it('refuses a bad date or run id with the field path', async () => {
    const headers = await tokenFor(t, ['retention:read']);
    const plan = await t.app.inject({ url: '/api/v1/retention/plan?at=yesterday', headers });
    expect(plan.statusCode).toBe(422);
    expect(plan.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('query.at');
    const run = await t.app.inject({ url: '/api/v1/retention/runs/42', headers });
    expect(run.statusCode).toBe(422);
    expect(run.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('params.id');
    expect(
      (await t.app.inject({ url: '/api/v1/retention/runs/6f1c1f0e-2f61-4d0a-9a55-1b1c8a7f0e11', headers })).statusCode,
    ).toBe(404);
  });

  it('starts a run in the background, holds it for approval, and executes it once a privacy officer approves', async () => {
    const before = await readAll(driver);
    const headers = await tokenFor(t, ['retention:run']);
    // Started twice at once (a double click, two processes behind a proxy): the second start joins the first's run.
    const [started, twice] = await Promise.all(
      [0, 1].map(() => t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers, payload: {} })),
    );
    expect(started?.statusCode).toBe(202);
    const run = started!.json<RunRecord>();
    expect(run).toMatchObject({ status: 'counting', trigger: 'api', dryRun: false });
    expect(twice?.json<RunRecord>().id).toBe(run.id);

    await runner.runOnce();
    const reader = await tokenFor(t, ['retention:read']);
    const held = (await t.app.inject({ url: `/api/v1/retention/runs/${run.id}`, headers: reader })).json<RunRecord>();
    expect(held.status).toBe('awaiting-approval');
    expect(held.approvalReasons.map((r) => r.kind)).toContain('first-run');
    expect(await readAll(driver)).toEqual(before);

    // An API token, even with retention:run, and a viewer may not approve: it takes a privacy officer or an owner.
    const byToken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/retention/runs/${run.id}/approve`,
      headers: await tokenFor(t, ['retention:run']),
      payload: {},
    });
    expect(byToken.statusCode).toBe(403);
    const byViewer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/retention/runs/${run.id}/approve`,
      headers: await sessionFor(t, 'viewer'),
      payload: {},
    });
    expect(byViewer.statusCode).toBe(403);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/retention/runs/${run.id}/approve`,
      headers: await sessionFor(t, 'privacy-officer'),
      payload: { note: 'checked the counts' },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<RunRecord>()).toMatchObject({
      status: 'approved',
      approval: { decision: 'approved', note: 'checked the counts' },
    });

    await runner.runOnce();
    const done = (await t.app.inject({ url: `/api/v1/retention/runs/${run.id}`, headers: reader })).json<RunRecord>();
    expect(done.status).toBe('completed');
    expect(ids((await readAll(driver)).prospects)).toEqual([81, 82]);

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/retention/runs/${run.id}/approve`,
      headers: await sessionFor(t, 'owner'),
      payload: {},
    });
    expect(again.statusCode).toBe(409);

    const history = (await t.app.inject({ url: '/api/v1/retention/runs?limit=5', headers: reader })).json<{
      runs: RunRecord[];
    }>();
    expect(history.runs.map((r) => r.id)).toEqual([run.id]);
  });

  it('shows and changes the daily schedule', async () => {
    const reader = await tokenFor(t, ['retention:read']);
    const initial = (await t.app.inject({ url: '/api/v1/retention/schedule', headers: reader })).json<{
      enabled: boolean;
      timeOfDay: string;
    }>();
    expect(initial).toMatchObject({ enabled: true, timeOfDay: '02:30' });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/retention/schedule',
      headers: await sessionFor(t, 'owner'),
      payload: { enabled: true, timeOfDay: '25:00' },
    });
    expect(bad.statusCode).toBe(422);
    const changed = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/retention/schedule',
      headers: await sessionFor(t, 'privacy-officer'),
      payload: { enabled: false, timeOfDay: '04:15' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/retention/schedule', headers: reader })).json()).toEqual({
      enabled: false,
      timeOfDay: '04:15',
      nextRunAt: null,
    });
  });
});
