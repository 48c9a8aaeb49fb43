/**
 * A slow or hung store stalls nothing but its own work: with a table locked by another session (real PostgreSQL and
 * MariaDB) or an HTTP adapter that accepts and never answers, a call gives up after the store's bound with an error
 * naming what timed out, a data-subject request shows that error on its timeline (and goes out once the store
 * answers again), and `charter retention run` ends with a non-zero exit saying which store failed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/app.js';
import { tokenFor } from '../../test/support/auth.js';
import { runCli } from '../../test/support/cli.js';
import { cliTestDatabase } from '../../test/support/database.js';
import { storeSchema, type Store } from '../charter/schema.js';
import { tickLane } from '../rights/due.js';
import { rightsContextOf } from '../rights/register.js';
import { rightsCharter } from '../rights/testing/fixtures.js';
import { ledgerShopYaml, seedLedgerShop } from '../retention/testing/ledger-shop.js';
import { StoreError } from './connector.js';
import { openStore } from './open.js';
import { createMysqlDriver } from './sql/mysql.js';
import { createPostgresDriver } from './sql/postgres.js';
import type { SqlDriver } from './sql/driver.js';
import { seedShop, shopStore } from './testing/shop.js';
import { newMariaDbDatabase, newPostgresDatabase } from './testing/targets.js';

const hashKey = Buffer.from('store-timeouts-hash-key-0123456789');

/** A table lock held by another session until `release()`. */
interface HeldLock {
  release(): Promise<void>;
}

async function lockPostgres(url: string, table: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  return {
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}

async function lockMariaDb(url: string, table: string): Promise<HeldLock> {
  const connection = await mysql.createConnection({ uri: url });
  await connection.query(`lock tables ${table} write`);
  return {
    async release() {
      await connection.query('unlock tables');
      await connection.end();
    },
  };
}

/** An HTTP "adapter" that accepts every connection and never answers. */
async function startHangingAdapter(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => {});
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/charter`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface Target {
  name: 'postgres' | 'mariadb' | 'http';
  kind: Store['kind'];
  url: string;
  driver?: SqlDriver;
  /** Makes the store stop answering: a lock on `table`, or nothing (the HTTP adapter never answers). */
  stall(table: string): Promise<HeldLock>;
}

const prefix = `TIMEOUTS_${randomBytes(4).toString('hex').toUpperCase()}`;
const targets: Target[] = [];
let hanging: Awaited<ReturnType<typeof startHangingAdapter>>;

beforeAll(async () => {
  const postgresUrl = await newPostgresDatabase();
  const mariadbUrl = await newMariaDbDatabase();
  hanging = await startHangingAdapter();
  targets.push(
    {
      name: 'postgres',
      kind: 'postgres',
      url: postgresUrl,
      driver: createPostgresDriver(postgresUrl),
      stall: (table) => lockPostgres(postgresUrl, table),
    },
    {
      name: 'mariadb',
      kind: 'mysql',
      url: mariadbUrl,
      driver: createMysqlDriver(mariadbUrl),
      stall: (table) => lockMariaDb(mariadbUrl, table),
    },
    { name: 'http', kind: 'http', url: hanging.url, stall: async () => ({ release: async () => {} }) },
  );
  for (const target of targets) if (target.driver) await seedShop(target.driver, new Date());
  // The HTTP store's signing secret: the adapter never checks it, it never answers.
  process.env[`${prefix}_HTTP_SECRET`] = randomBytes(16).toString('hex');
  for (const target of targets) process.env[`${prefix}_${target.name.toUpperCase()}_URL`] = target.url;
}, 180_000);
afterAll(async () => {
  for (const target of targets) await target.driver?.close();
  await hanging?.close();
});

/** The shop store of `target`, bounded at one second of lock wait and two of statement, retried once. */
function boundedStore(target: Target): Store {
  return storeSchema.parse({
    ...shopStore(target.kind, 'shop'),
    connection: `${prefix}_${target.name.toUpperCase()}_URL`,
    ...(target.kind === 'http' ? { secret: `${prefix}_HTTP_SECRET` } : {}),
    timeouts: { lock: 1, statement: 2, connect: 2, retries: 1 },
  });
}

const byName = (name: Target['name']) => () => targets.find((t) => t.name === name)!;

describe.each([
  ['postgres', byName('postgres'), 'lock_timeout', /gave up waiting for a lock held by another session after 1 s/],
  ['mariadb', byName('mariadb'), 'lock_timeout', /gave up waiting for a lock held by another session after 1 s/],
  ['http', byName('http'), 'statement_timeout', /did not answer \/contacts within 2 s/],
] as const)('a stalled %s store', (_name, target, code, message) => {
  it('answers a call with a timeout error naming the store and the bound, and answers again once free', async () => {
    const store = boundedStore(target());
    const connector = openStore(store, { holds: [] }, { env: process.env, hashKey });
    const lock = await target().stall('customers');
    try {
      const failure = await connector
        .contacts([{ type: 'email', value: 'ann@shop.test' }])
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreError);
      expect((failure as StoreError).code).toBe(code);
      expect((failure as StoreError).message).toMatch(message);
      expect((failure as StoreError).message).toMatch(/^store shop: /);
    } finally {
      await lock.release();
    }
    if (target().driver)
      expect((await connector.contacts([{ type: 'email', value: 'nobody@shop.test' }])).store).toBe('shop');
    await connector.close();
  });

  it("puts the error on the request's timeline, and the tick dispatches the request once the store answers", async () => {
    let now = new Date();
    const t = await buildTestApp({
      charter: rightsCharter([boundedStore(target())]),
      now: () => now,
      env: { PUBLIC_URL: 'http://charter.test' },
    });
    const lock = await target().stall('customers');
    let id: string;
    try {
      const response = await t.app.inject({
        method: 'POST',
        url: '/privacy/main/requests',
        remoteAddress: '192.0.2.90',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          lang: 'en',
          type: 'access',
          identityType: 'email',
          identity: 'ann@shop.test',
        }).toString(),
      });
      expect(response.statusCode).toBe(303);
      id = /requests\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1] ?? '';
      await rightsContextOf(t.app).idle();
      const headers = await tokenFor(t, ['requests:read']);
      const detail = (await t.app.inject({ url: `/api/v1/requests/${id}`, headers })).json();
      expect(detail.state).toBe('received');
      const failed = detail.timeline.find((e: { kind: string }) => e.kind === 'dispatch-failed');
      expect(failed.data).toMatchObject({ attempts: 1, store: 'shop', code });
      expect(failed.data.error).toMatch(message);
      expect(JSON.stringify(detail.timeline)).not.toContain('ann@shop.test');
    } finally {
      await lock.release();
    }
    if (target().driver) {
      // Past the back-off, the tick tries again and the request goes out.
      now = new Date(now.getTime() + 5 * 60_000);
      await tickLane(rightsContextOf(t.app), t.organisationId!);
      const headers = await tokenFor(t, ['requests:read']);
      const detail = (await t.app.inject({ url: `/api/v1/requests/${id}`, headers })).json();
      expect(detail.state).toBe('awaiting-verification');
    }
    await t.close();
  }, 60_000);
});

describe('charter retention run on a stalled store', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let removeDatabase: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'charter-store-timeouts-'));
    const database = await cliTestDatabase('charter-store-timeouts');
    removeDatabase = database.remove;
    env = { ...database.env, CHARTER_HASH_KEY: hashKey.toString('utf8') };
  }, 120_000);
  afterAll(async () => {
    await removeDatabase?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['postgres', 'postgres', newPostgresDatabase, lockPostgres],
    ['mariadb', 'mysql', newMariaDbDatabase, lockMariaDb],
  ] as const)(
    'exits non-zero and names the store when a %s table stays locked',
    async (name, kind, newDatabase, lock) => {
      const url = await newDatabase();
      const driver = kind === 'postgres' ? createPostgresDriver(url) : createMysqlDriver(url);
      await seedLedgerShop(driver, kind, new Date());
      await driver.close();
      const organisation = `stalled-${name}`;
      const yaml = ledgerShopYaml({ organisation, connection: 'STALLED_URL', kind }).replace(
        'connection: STALLED_URL',
        'connection: STALLED_URL\n    timeouts: { lock: 1, statement: 5, retries: 0 }',
      );
      await writeFile(join(dir, `${name}.yaml`), yaml);
      const held = await lock(url, 'customers');
      try {
        const run = await runCli(['retention', 'run', '--charter', `${name}.yaml`, '--approve'], {
          env: { ...env, STALLED_URL: url },
          cwd: dir,
        });
        expect(run.code).not.toBe(0);
        // The report wraps to the terminal's width: matched with its lines joined.
        expect(`${run.out}\n${run.err}`.replace(/\s+/g, ' ')).toMatch(
          /store shop: gave up waiting for a lock held by another session after 1 s/,
        );
      } finally {
        await held.release();
      }
    },
    120_000,
  );
});
