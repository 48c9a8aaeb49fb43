/**
 * The adapter's edge: signatures, replays and bad input are refused with the right status, and bad fields are named
 * by their path. (The operations themselves are covered by the connector contract suite.)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeModel } from '../plan.js';
import { createSqlConnector } from '../sql/engine.js';
import { createPgliteDriver } from '../sql/postgres.js';
import { seedShop, shopHolds, shopStore } from '../testing/shop.js';
import { createHttpStoreHandler } from './adapter.js';
import { nonceHeader, sign, signatureHeader, timestampHeader } from './protocol.js';

const secret = randomBytes(24).toString('hex');
let server: Server;
let pglite: PGlite;
let base: string;

async function post(path: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('base64url');
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      [timestampHeader]: timestamp,
      [nonceHeader]: nonce,
      [signatureHeader]: sign(secret, timestamp, nonce, body),
      ...headers,
    },
    ...(method === 'POST' ? { body } : {}),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; details?: { path: string }[] } },
  };
}

beforeAll(async () => {
  pglite = await PGlite.create('memory://');
  const driver = createPgliteDriver(pglite);
  await seedShop(driver, new Date());
  const connector = createSqlConnector({
    id: 'shop',
    kind: 'postgres',
    model: storeModel(shopStore(), shopHolds),
    driver,
    context: { hashKey: Buffer.from('k'.repeat(32)) },
  });
  server = createServer(createHttpStoreHandler({ secret, connector }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charter`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pglite.close();
});

describe('the HTTP store adapter', () => {
  it('answers a signed request', async () => {
    const result = await post(
      '/contacts',
      JSON.stringify({ identities: [{ type: 'email', value: 'bob@example.be' }] }),
    );
    expect(result.status).toBe(200);
  });

  it('refuses a wrong signature, a stale timestamp and a replayed nonce', async () => {
    const body = JSON.stringify({ identities: [{ type: 'email', value: 'bob@example.be' }] });
    expect((await post('/contacts', body, { [signatureHeader]: 'v1=00' })).status).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    const nonce = randomBytes(16).toString('base64url');
    expect(
      (
        await post('/contacts', body, {
          [timestampHeader]: old,
          [nonceHeader]: nonce,
          [signatureHeader]: sign(secret, old, nonce, body),
        })
      ).status,
    ).toBe(401);
    const now = String(Math.floor(Date.now() / 1000));
    const replayed = {
      [timestampHeader]: now,
      [nonceHeader]: nonce,
      [signatureHeader]: sign(secret, now, nonce, body),
    };
    expect((await post('/contacts', body, replayed)).status).toBe(200);
    expect((await post('/contacts', body, replayed)).status).toBe(401);
  });

  it('names the field of bad input, and refuses unknown operations and methods', async () => {
    const bad = await post('/erase', JSON.stringify({ jobId: 'j', identities: [{ type: 'passport', value: 'x' }] }));
    expect(bad.status).toBe(422);
    expect(bad.body.error?.details?.[0]?.path).toBe('body.identities.0.type');
    expect((await post('/nothing', '{}')).status).toBe(404);
    expect((await post('/access', 'not json')).status).toBe(400);
    expect((await post('/access', '', {}, 'GET')).status).toBe(405);
  });

  it('answers an undeclared column with 422, not a 500', async () => {
    const result = await post(
      '/rectify',
      JSON.stringify({
        jobId: 'r',
        identities: [{ type: 'email', value: 'bob@example.be' }],
        changes: [{ table: 'customers', column: 'created_at', value: 'x' }],
      }),
    );
    expect(result.status).toBe(422);
    expect(result.body.error?.code).toBe('unknown_column');
  });
});
