/**
 * Killing the process in the middle of an erasure and running the job again leaves exactly the state of an
 * uninterrupted run: per-store transactions roll back, recorded steps are not repeated, strategies never apply twice.
 * Real servers: Charter's database and one store on PostgreSQL, another store on MariaDB; the erasure runs in a
 * child process killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations, type Database } from '../database.js';
import { migrate, openDatabase, type OpenDatabase } from '../platform/db/database.js';
import { projectFile } from '../platform/project.js';
import { eraseSubject } from './jobs.js';
import type { SqlDriver } from './sql/driver.js';
import { createMysqlDriver } from './sql/mysql.js';
import { createPostgresDriver } from './sql/postgres.js';
import { readTable, seedShop, shopTables } from './testing/shop.js';
import { shopPairConnectors } from './testing/shop-pair.js';
import { newMariaDbDatabase, newPostgresDatabase } from './testing/targets.js';

const hashKey = 'crash-test-hash-key-0123456789';
const extraOrders = 400;

interface Pair {
  shopUrl: string;
  legacyUrl: string;
  shop: SqlDriver;
  legacy: SqlDriver;
}

async function seededPair(now: Date): Promise<Pair> {
  const shopUrl = await newPostgresDatabase();
  const legacyUrl = await newMariaDbDatabase();
  const pair = { shopUrl, legacyUrl, shop: createPostgresDriver(shopUrl), legacy: createMysqlDriver(legacyUrl) };
  await seedShop(pair.shop, now, { extraOrders });
  await seedShop(pair.legacy, now, { extraOrders });
  return pair;
}

async function state(pair: Pair) {
  const out: Record<string, unknown> = {};
  for (const table of shopTables) {
    out[`shop.${table}`] = await readTable(pair.shop, table);
    out[`legacy.${table}`] = await readTable(pair.legacy, table);
  }
  return out;
}

function connectors(pair: Pair) {
  return shopPairConnectors({ shop: pair.shopUrl, legacy: pair.legacyUrl }, Buffer.from(hashKey));
}

/** Runs the child until it reaches its killing point, then kills it with SIGKILL. */
function runAndKill(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectFile('src/stores/testing/erase-child.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('killing-point')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(output);
      else reject(new Error(`the child ended without being killed (code ${code}): ${output}\n${errors}`));
    });
  });
}

describe('an erasure killed with SIGKILL and run again', () => {
  let charter: OpenDatabase<Database>;
  let charterUrl: string;
  const organisationId = randomUUID();
  const now = new Date();
  let clean: Pair;
  let cleanState: Record<string, unknown>;

  beforeAll(async () => {
    charterUrl = await newPostgresDatabase();
    charter = await openDatabase<Database>({ url: charterUrl, poolSize: 3 });
    await migrate(charter.db, migrations);
    await charter.db
      .insertInto('organisations')
      .values({ id: organisationId, slug: 'crash-test', name: 'Crash test' })
      .execute();
    clean = await seededPair(now);
    const stores = connectors(clean);
    const report = await eraseSubject(charter.db, { organisationId }, stores, {
      jobId: 'clean-run',
      identities: [{ type: 'email', value: 'alice@example.be' }],
      actor: 'cli',
      batchSize: 25,
    });
    expect(report.status).toBe('completed');
    for (const store of stores) await store.close();
    cleanState = await state(clean);
  });

  afterAll(async () => {
    await clean?.shop.close();
    await clean?.legacy.close();
    await charter?.close();
  });

  it.each([
    ['in the middle of the first store (PostgreSQL)', 'shop:5'],
    ['in the middle of the second store (MariaDB), after the first was done', 'legacy:5'],
  ])('leaves the state of an uninterrupted run when killed %s', async (_label, killAt) => {
    const crashed = await seededPair(now);
    const jobId = `crash-${killAt}`;
    const output = await runAndKill({
      CHARTER_DB_URL: charterUrl,
      ORGANISATION_ID: organisationId,
      SHOP_URL: crashed.shopUrl,
      LEGACY_URL: crashed.legacyUrl,
      JOB_ID: jobId,
      HASH_KEY: hashKey,
      KILL_AT: killAt,
    });
    expect(output).toContain(`killing-point ${killAt.replace(':', ' ')}`);

    // The killed store's transaction rolled back: Alice's orders are all still there.
    const killedStore = killAt.startsWith('shop') ? crashed.shop : crashed.legacy;
    expect((await readTable(killedStore, 'orders')).filter((r) => r.customer_id === 1).length).toBe(3 + extraOrders);
    const steps = await charter.db
      .selectFrom('store_job_steps')
      .select(['store_id', 'status'])
      .where('job_id', '=', jobId)
      .orderBy('store_id')
      .execute();
    expect(steps).toEqual(
      killAt.startsWith('shop')
        ? [
            { store_id: 'legacy', status: 'pending' },
            { store_id: 'shop', status: 'pending' },
          ]
        : [
            { store_id: 'legacy', status: 'pending' },
            { store_id: 'shop', status: 'done' },
          ],
    );

    const stores = connectors(crashed);
    const report = await eraseSubject(charter.db, { organisationId }, stores, {
      jobId,
      identities: [{ type: 'email', value: 'alice@example.be' }],
      actor: 'cli',
      batchSize: 25,
    });
    for (const store of stores) await store.close();
    expect(report.status).toBe('completed');
    expect(report.steps.find((s) => s.store === 'shop')?.resumed).toBe(!killAt.startsWith('shop'));
    expect(await state(crashed)).toEqual(cleanState);
    const audits = await charter.db
      .selectFrom('audit_entries')
      .select('data')
      .where('target', '=', `store-job:${jobId}`)
      .execute();
    expect(audits.map((a) => (a.data as { store: string }).store).sort()).toEqual(['legacy', 'shop']);
    await crashed.shop.close();
    await crashed.legacy.close();
  });
});
