/**
 * The connector's side of processor data (`processedFor`): rows of a table processed for a customer are found and
 * counted per customer, never handed to the access sink nor written by erasure, rectification or restriction — unless
 * the caller asks for `processorData: 'include'`. A kept processor row still protects the row it references, and is
 * never unlinked from it. On PGlite (the same engine runs every SQL store).
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import type { AccessRecord, StoreConnector } from './connector.js';
import { storeModel } from './plan.js';
import { createSqlConnector } from './sql/engine.js';
import { createPgliteDriver } from './sql/postgres.js';
import { readTable } from './testing/shop.js';
import type { SqlDriver } from './sql/driver.js';

const store = storeSchema.parse({
  id: 'gallery',
  kind: 'postgres',
  connection: 'UNUSED_URL',
  tables: [
    {
      name: 'guests',
      primaryKey: 'id',
      restrictColumn: 'restricted',
      columns: [
        { name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' },
        { name: 'name', category: 'identity.name', erase: 'null' },
      ],
    },
    {
      name: 'photos',
      primaryKey: 'id',
      references: [{ column: 'guest_id', to: 'guests.id', nullable: true }],
      processedFor: { customer: 'event-organisers' },
      restrictColumn: 'restricted',
      columns: [
        { name: 'image_url', category: 'media.photo', erase: 'delete' },
        { name: 'caption', category: 'communication.message', erase: 'null' },
      ],
    },
  ],
});

let pglite: PGlite;
let driver: SqlDriver;
let connector: StoreConnector;
const guest = [{ type: 'email' as const, value: 'guest@example.be' }];

beforeAll(async () => {
  pglite = await PGlite.create('memory://');
  driver = createPgliteDriver(pglite);
  await driver.query(
    'create table guests (id integer primary key, email varchar(200), name varchar(200), restricted boolean not null default false)',
  );
  await driver.query(
    'create table photos (id integer primary key, guest_id integer null references guests(id), image_url varchar(200), caption varchar(200), restricted boolean not null default false)',
  );
  await driver.query(
    `insert into guests (id, email, name) values (1, 'guest@example.be', 'Guest'), (2, 'other@example.be', 'Other')`,
  );
  await driver.query(
    `insert into photos (id, guest_id, image_url, caption) values (1, 1, 'a.jpg', 'Hello'), (2, 1, 'b.jpg', 'Hi'), (3, 2, 'c.jpg', 'Other')`,
  );
  connector = createSqlConnector({
    id: 'gallery',
    kind: 'postgres',
    model: storeModel(store),
    driver,
    context: { hashKey: Buffer.from('processor-rows-test-key-0123456789') },
  });
});
afterAll(async () => {
  await pglite?.close();
});

async function collect(options: { processorData?: 'count' | 'include' } = {}) {
  const records: AccessRecord[] = [];
  const summary = await connector.access({ identities: guest, ...options }, (batch) => {
    records.push(...batch);
  });
  return { records, summary };
}

describe('processor rows in the SQL connector', () => {
  it('access counts the customer’s rows and hands only the organisation’s own to the sink', async () => {
    const { records, summary } = await collect();
    expect(records.map((r) => `${r.table}:${r.key}`)).toEqual(['guests:1']);
    expect(summary.processorRows).toEqual([{ table: 'photos', customer: 'event-organisers', rows: 2 }]);
  });

  it('includes them when the caller asks (on the customer’s documented instruction)', async () => {
    const { records, summary } = await collect({ processorData: 'include' });
    expect(records.map((r) => `${r.table}:${r.key}`).sort()).toEqual(['guests:1', 'photos:1', 'photos:2']);
    expect(summary.processorRows).toBeUndefined();
  });

  it('rectification and restriction leave them alone and count them', async () => {
    const rectified = await connector.rectify({
      jobId: 'r1',
      identities: guest,
      changes: [{ table: 'photos', column: 'caption', value: 'changed' }],
    });
    expect(rectified.updated).toEqual([]);
    expect(rectified.processorRows).toEqual([{ table: 'photos', customer: 'event-organisers', rows: 2 }]);
    const restricted = await connector.restrict({ jobId: 'x1', identities: guest, restricted: true });
    expect(restricted.updated).toEqual([{ table: 'guests', rows: 1 }]);
    expect(restricted.processorRows).toEqual([{ table: 'photos', customer: 'event-organisers', rows: 2 }]);
    const photos = await readTable(driver, 'photos');
    expect(photos.map((p) => [p.caption, p.restricted])).toEqual([
      ['Hello', false],
      ['Hi', false],
      ['Other', false],
    ]);
    await connector.restrict({ jobId: 'x2', identities: guest, restricted: false });
  });

  it('erasure writes none of them, keeps the guest they reference (its columns erased) instead of unlinking them', async () => {
    const before = await readTable(driver, 'photos');
    const result = await connector.erase({ jobId: 'e1', identities: guest });
    expect(result.processorRows).toEqual([{ table: 'photos', customer: 'event-organisers', rows: 2 }]);
    expect(await readTable(driver, 'photos')).toEqual(before);
    const guests = await readTable(driver, 'guests');
    expect(guests.map((g) => [g.id, g.email, g.name])).toEqual([
      [1, null, null],
      [2, 'other@example.be', 'Other'],
    ]);
    expect(result.kept.map((k) => k.table)).toEqual(['guests']);
  });
});
