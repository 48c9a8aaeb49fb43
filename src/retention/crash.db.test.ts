/**
 * Killed mid-run: a sweep in a child process is killed with SIGKILL in the middle of a table, then the next run
 * finishes the interrupted one. The store ends exactly as after one clean, uninterrupted run of the same rules on an
 * identical store, and the run's counts are those of the clean run (nothing happened twice).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import { applyCharter } from '../charter/repository.js';
import { migrations, type Database } from '../database.js';
import { readConfig } from '../platform/config.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import type { SqlDriver } from '../stores/sql/driver.js';
import { createPostgresDatabase, testDbKind } from '../../test/support/database.js';
import { composeRetention } from './deps.js';
import { getRun } from './runs.js';
import { runRetention, type RunOptions } from './sweep.js';
import {
  crmCharter,
  insertRows,
  newStoreDatabase,
  readAll,
  seedCrm,
  storeDriver,
  storeServers,
  testHashKey,
  testNow,
  type StoreKind,
  type StoreServers,
} from './testing/crm.js';

let servers: StoreServers;
beforeAll(async () => {
  servers = await storeServers();
}, 180_000);
afterAll(() => servers?.stop());

const options: RunOptions = { trigger: 'cli', actor: 'cli', approve: true, batchSize: 2, maxShare: 0.1 };
const child = fileURLToPath(new URL('./testing/sweep-child.ts', import.meta.url));

/** Charter's database for this test, reachable from a second process: a PostgreSQL URL, or a PGlite directory. */
async function charterDatabase(): Promise<{
  open(): Promise<OpenDatabase<Database>>;
  env: Record<string, string>;
  cleanup(): void;
}> {
  if (testDbKind() === 'postgres') {
    const url = await createPostgresDatabase('retention_crash');
    return {
      open: () => openDatabase<Database>({ url, poolSize: 4 }),
      env: { CHARTER_TEST_DATABASE_URL: url },
      cleanup: () => {},
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'charter-retention-crash-'));
  return {
    open: () => openDatabase<Database>({ dataDir: dir }),
    env: { CHARTER_TEST_DATA_DIR: dir },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs the child until it says "paused", then kills it with SIGKILL. */
async function sweepUntilKilled(env: Record<string, string>): Promise<void> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  process_.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    process_.once('exit', (code, signal) => resolve(signal === 'SIGKILL' ? -9 : code)),
  );
  await new Promise<void>((resolve, reject) => {
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('paused')) resolve();
      if (output.includes('finished')) reject(new Error('the child finished before it could be killed'));
    });
    void exited.then((code) => reject(new Error(`the child exited (${code}) before pausing: ${errors.slice(-2000)}`)));
  });
  process_.kill('SIGKILL');
  expect(await exited).toBe(-9);
}

async function retry<T>(work: () => Promise<T>): Promise<T> {
  // The server notices the killed session (and drops its lock) within moments; retry a 409 for a few seconds.
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { status?: number }).status !== 409 || attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe.each([
  ['postgres', 'after its record'],
  ['mysql', 'after its record'],
  ['postgres', "between the store's commit and its record"],
  ['mysql', "between the store's commit and its record"],
] as const)('a run killed mid-way on a %s store, %s', (kind: StoreKind, moment) => {
  it('is finished by the next run, with the same final state and counts as one clean run', async () => {
    const charterDb = await charterDatabase();
    const drivers: SqlDriver[] = [];
    try {
      // Two identical stores: one swept cleanly, one swept by a process that gets killed.
      const stores: Record<
        'clean' | 'crashed',
        { url: string; driver: SqlDriver; connection: string; organisationId: string }
      > = {} as never;
      let database = await charterDb.open();
      await migrate(database.db, migrations);
      for (const name of ['clean', 'crashed'] as const) {
        const url = await newStoreDatabase(servers, kind);
        const driver = storeDriver(kind, url);
        drivers.push(driver);
        await seedCrm(driver, kind);
        // Enough due prospects for several batches, so the kill lands inside a table.
        const old = new Date(testNow.getTime() - 5 * 365 * 86_400_000);
        await insertRows(
          driver,
          'prospects',
          Array.from({ length: 11 }, (_, i) => ({
            id: 300 + i,
            email: `p${300 + i}@example.be`,
            name: 'Old',
            last_contact_at: old,
          })),
        );
        const slug = `crash-${name}-${randomUUID().slice(0, 6)}`;
        const connection = `CRM_${name.toUpperCase()}_${slug.slice(-6).toUpperCase().replace(/-/g, '_')}`;
        const organisation = await ensureOrganisation(database.db, slug, slug);
        await applyCharter(
          database.db,
          { organisationId: organisation.id },
          {
            charter: crmCharter({ organisation: slug, connection, kind }),
            source: '',
            format: 'json',
            actor: 'system',
          },
        );
        stores[name] = { url, driver, connection, organisationId: organisation.id };
      }
      const env = {
        [stores.clean.connection]: stores.clean.url,
        [stores.crashed.connection]: stores.crashed.url,
        CHARTER_HASH_KEY: testHashKey,
      };
      const deps = (db: OpenDatabase<Database>) =>
        composeRetention({ db: db.db, dbKind: db.kind, config: readConfig({}), env, clock: () => testNow });

      const clean = await runRetention(deps(database), { organisationId: stores.clean.organisationId }, options);
      expect(clean.run?.status).toBe('completed');
      const cleanState = await readAll(stores.clean.driver);
      const initialState = await readAll(stores.crashed.driver);

      // PGlite belongs to one process at a time: hand it over to the child.
      if (database.kind === 'pglite') await database.close();
      await sweepUntilKilled({
        ...charterDb.env,
        ...env,
        ORGANISATION_ID: stores.crashed.organisationId,
        NOW: testNow.toISOString(),
        PAUSE_TABLE: 'prospects',
        PAUSE_AFTER: '4',
        ...(moment.startsWith('between') ? { PAUSE_AT: 'store-commit' } : {}),
      });
      if (database.kind === 'pglite') database = await charterDb.open();

      // The kill left a half-done run: some rows gone, others not.
      const interrupted = await readAll(stores.crashed.driver);
      expect(interrupted).not.toEqual(initialState);
      expect(interrupted).not.toEqual(cleanState);
      expect(interrupted.prospects?.length).toBeGreaterThan(cleanState.prospects?.length ?? 0);

      const next = await retry(() =>
        runRetention(deps(database), { organisationId: stores.crashed.organisationId }, { ...options, approve: false }),
      );
      expect(next.resumed).toHaveLength(1);
      const resumed = next.resumed[0];
      expect(resumed?.status).toBe('completed');
      expect(await readAll(stores.crashed.driver)).toEqual(cleanState);
      const counts = (run: typeof resumed) => run?.steps.map((s) => [s.table, s.deleted, s.anonymised, s.reduced]);
      // The batch the store committed before the kill is counted once, whether or not the run had recorded it.
      expect(counts(resumed)).toEqual(counts(clean.run));
      expect(resumed?.totals).toEqual(clean.run?.totals);
      const audited = await database.db
        .selectFrom('audit_entries')
        .select('data')
        .where('organisation_id', '=', stores.crashed.organisationId)
        .where('action', '=', 'retention.run.completed')
        .where('target', '=', `retention-run:${resumed?.id ?? ''}`)
        .executeTakeFirstOrThrow();
      const auditedSteps = (typeof audited.data === 'string' ? JSON.parse(audited.data) : audited.data) as {
        steps: { table: string; deleted: number }[];
      };
      expect(auditedSteps.steps.map((s) => [s.table, s.deleted])).toEqual(
        clean.run?.steps.map((s) => [s.table, s.deleted]),
      );
      // The run started after it finds nothing left, and needs no approval (the store now has history).
      expect(next.run?.status).toBe('completed');
      expect(next.run?.totals).toMatchObject({ deleted: 0, anonymised: 0 });
      expect(
        (await getRun(database.db, { organisationId: stores.crashed.organisationId }, resumed?.id ?? '')).approval
          ?.actor,
      ).toBe('cli');
      await database.close();
    } finally {
      await Promise.allSettled(drivers.map((d) => d.close()));
      charterDb.cleanup();
    }
  }, 240_000);
});
