/**
 * The SQL connector reads the live schema once (the identity columns' families) and keeps it — but only a read that
 * succeeded: a read that failed or timed out (the store briefly unreachable) is tried again by the next request
 * instead of leaving an empty schema cached until the connector is reopened. On PGlite, with the first schema read
 * failing the way a statement timeout does.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchema } from '../../charter/schema.js';
import { StoreError, type AccessRecord } from '../connector.js';
import { storeModel } from '../plan.js';
import type { SqlDriver } from './driver.js';
import { createSqlConnector } from './engine.js';
import { createPgliteDriver } from './postgres.js';

const store = storeSchema.parse({
  id: 'shop',
  kind: 'postgres',
  connection: 'UNUSED_URL',
  tables: [
    {
      name: 'customers',
      primaryKey: 'id',
      columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
    },
  ],
});

let pglite: PGlite;

beforeAll(async () => {
  pglite = await PGlite.create('memory://');
});
afterAll(async () => {
  await pglite.close();
});

describe('the live schema read', () => {
  it('is read again after a failed read, and kept once a read succeeded', async () => {
    const real = createPgliteDriver(pglite);
    await real.query('create table customers (id integer primary key, email varchar(200))');
    await real.query(`insert into customers (id, email) values (1, 'ann@example.be')`);
    let reads = 0;
    const driver: SqlDriver = {
      dialect: real.dialect,
      query: (text, params) => real.query(text, params),
      stream: (text, params, size, onRows) => real.stream(text, params, size, onRows),
      transaction: (work) => real.transaction(work),
      close: () => real.close(),
      introspect: async (schema) => {
        reads++;
        if (reads === 1)
          throw new StoreError('shop', 'a statement took longer than 60 s and was cancelled', 'statement_timeout');
        return real.introspect(schema);
      },
    };
    const connector = createSqlConnector({
      id: 'shop',
      kind: 'postgres',
      model: storeModel(store),
      driver,
      context: { hashKey: Buffer.from('schema-read-test-key-0123456789') },
    });
    const access = async () => {
      const records: AccessRecord[] = [];
      await connector.access({ identities: [{ type: 'email', value: 'ann@example.be' }] }, async (batch) => {
        records.push(...batch);
      });
      return records.length;
    };
    // The first read fails; the request still answers, and the schema is read again (within the request, where a second
    // step needs it, or by the next one) instead of the failure being kept.
    expect(await access()).toBe(1);
    expect(await access()).toBe(1);
    const afterSuccess = reads;
    expect(afterSuccess).toBeGreaterThan(1);
    expect(await access()).toBe(1);
    expect(reads).toBe(afterSuccess);
  });
});
