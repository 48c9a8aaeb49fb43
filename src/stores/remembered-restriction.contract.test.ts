/**
 * Art. 18 in a table that cannot mark a restriction (no `restrictColumn`): the shop's newsletter. Restricting Alice
 * reports the table as unsupported; with her identity remembered by Charter (`restrictedIdentities`), retention counts
 * her newsletter row and the clicks that belong to it as held `restricted` and a sweep keeps them while deleting the
 * other people's due rows; once the restriction is lifted (no identity passed), retention acts on her rows again.
 * On real PostgreSQL and MariaDB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import type { Identity, StoreConnector } from './connector.js';
import type { SqlDriver } from './sql/driver.js';
import { filledSqlStore, sqlDriverTargets } from './testing/targets.js';

function store(kind: 'postgres' | 'mysql') {
  return storeSchema.parse({
    id: 'shop',
    kind,
    connection: 'UNUSED_URL',
    tables: [
      {
        name: 'customers',
        primaryKey: 'id',
        restrictColumn: 'restricted',
        anchor: 'created_at',
        columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
      },
      {
        name: 'newsletter',
        primaryKey: 'id',
        anchor: 'subscribed_at',
        columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
      },
      {
        name: 'clicks',
        primaryKey: 'id',
        anchor: 'clicked_at',
        references: [{ column: 'subscriber_id', to: 'newsletter.id', owner: true }],
        columns: [{ name: 'url', category: 'online.browsing', erase: 'delete' }],
      },
    ],
  });
}

const people = ['alice', 'bob', 'carol'];

async function fill(driver: SqlDriver, kind: 'postgres' | 'mysql'): Promise<void> {
  const time = kind === 'postgres' ? 'timestamp' : 'datetime(3)';
  await driver.query(
    `create table customers (id integer primary key, email varchar(200), restricted boolean not null default false, created_at ${time} not null)`,
  );
  await driver.query(
    `create table newsletter (id integer primary key, email varchar(200), subscribed_at ${time} not null)`,
  );
  await driver.query(
    `create table clicks (id integer primary key, subscriber_id integer not null references newsletter (id), url varchar(200), clicked_at ${time} not null)`,
  );
  // Customers are recent (not due); every newsletter row and click is years past its retention.
  await driver.query(
    `insert into customers (id, email, created_at) values ${people.map((p, k) => `(${k + 1}, '${p}@example.be', '2026-05-01 00:00:00')`).join(', ')}`,
  );
  await driver.query(
    `insert into newsletter (id, email, subscribed_at) values ${people.map((p, k) => `(${k + 1}, '${p}@example.be', '2015-01-01 00:00:00')`).join(', ')}`,
  );
  await driver.query(
    `insert into clicks (id, subscriber_id, url, clicked_at) values ${people.flatMap((_, k) => [`(${k * 10 + 1}, ${k + 1}, 'https://shop.example/a', '2015-02-01 00:00:00')`, `(${k * 10 + 2}, ${k + 1}, 'https://shop.example/b', '2015-03-01 00:00:00')`]).join(', ')}`,
  );
}

describe.each(sqlDriverTargets)(
  'a restriction Charter remembers, in a table without restrictColumn (%s)',
  (_, kind, open) => {
    let driver: SqlDriver;
    let connector: StoreConnector;
    const now = '2026-06-01T00:00:00.000Z';
    // As the person typed it: the store holds it in lower case, without spaces.
    const alice: Identity[] = [{ type: 'email', value: ' Alice@Example.be' }];
    const rules = [
      { table: 'newsletter', period: 'P1Y' },
      { table: 'clicks', period: 'P1Y' },
    ];

    const target = filledSqlStore(kind, open, fill, store(kind));
    beforeAll(() => {
      ({ driver, connector } = target);
    });

    const ids = async (table: string) =>
      (await driver.query(`select id from ${table} order by id`)).rows.map((row) => Number(row.id));
    /** A year's retention of `table` counted now, with the identities a restriction remembers (if any). */
    const countDue = (table: string, restrictedIdentities?: Identity[]) =>
      connector.countDue({
        table,
        period: 'P1Y',
        cutoffs: [now],
        now,
        action: 'delete',
        rules,
        ...(restrictedIdentities ? { restrictedIdentities } : {}),
      });
    const sweepAll = async (table: string, restrictedIdentities?: Identity[]) => {
      let deleted = 0;
      for (let batch = 0; batch < 20; batch++) {
        const result = await connector.sweep({
          jobId: `run-${table}`,
          table,
          period: 'P1Y',
          cutoff: now,
          now,
          action: 'delete',
          batchSize: 2,
          ...(restrictedIdentities ? { restrictedIdentities } : {}),
        });
        deleted += result.deleted;
        if (result.done) break;
      }
      return deleted;
    };

    it('reports the newsletter and its clicks as tables the restriction cannot be marked in', async () => {
      const result = await connector.restrict({ jobId: 'r1', identities: alice, restricted: true });
      expect(result.unsupported.sort()).toEqual(['clicks', 'newsletter']);
      expect(result.updated.find((u) => u.table === 'customers')?.rows).toBe(1);
    });

    it('counts her newsletter row and clicks as held restricted, the others as due', async () => {
      const newsletter = await countDue('newsletter', alice);
      expect(newsletter.due).toEqual([2]);
      expect(newsletter.held.restricted).toBe(1);
      const clicks = await countDue('clicks', alice);
      expect(clicks.due).toEqual([4]);
      expect(clicks.held.restricted).toBe(2);
    });

    it('sweeps the other people’s due rows and keeps every row of hers', async () => {
      expect(await sweepAll('clicks', alice)).toBe(4);
      expect(await sweepAll('newsletter', alice)).toBe(2);
      expect(await ids('clicks')).toEqual([1, 2]);
      expect(await ids('newsletter')).toEqual([1]);
      expect(await ids('customers')).toEqual([1, 2, 3]);
    });

    it('acts on her rows again once the restriction is lifted (no identity remembered)', async () => {
      // Her clicks go in the same run (their rule deletes them), so they do not block her newsletter row.
      const count = await countDue('newsletter');
      expect(count.due).toEqual([1]);
      expect(count.held.restricted ?? 0).toBe(0);
      expect(await sweepAll('clicks')).toBe(2);
      expect(await sweepAll('newsletter')).toBe(1);
      expect(await ids('clicks')).toEqual([]);
      expect(await ids('newsletter')).toEqual([]);
    });
  },
);
