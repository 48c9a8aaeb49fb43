/**
 * Retention's restriction check is bounded (src/stores/sql/restricted.ts): on the shape that made the former nested
 * `exists` predicate grow with every path — profile references in a cycle among four tables, each table referencing
 * every other one, no index on any reference — with several restricted people, counting and sweeping finish under
 * the stores' default statement bound and keep exactly the restricted people's rows (reached through profile
 * references both ways). On real PostgreSQL and MariaDB (references unenforced, so MariaDB creates no index either).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import type { StoreConnector } from './connector.js';
import type { SqlDriver } from './sql/driver.js';
import { filledSqlStore, sqlDriverTargets } from './testing/targets.js';

const tables = ['t0', 't1', 't2', 't3'];
const people = 30;
/** Person 0 and 5 are restricted in t0, person 10 in t2: each reaches their rows of every table through profiles. */
const restricted: [string, number][] = [
  ['t0', 0],
  ['t0', 5],
  ['t2', 10],
];

function store(kind: 'postgres' | 'mysql') {
  return storeSchema.parse({
    id: 'cycle',
    kind,
    connection: 'UNUSED_URL',
    tables: tables.map((name) => ({
      name,
      primaryKey: 'id',
      restrictColumn: 'restricted',
      anchor: 'created_at',
      references: tables
        .filter((other) => other !== name)
        .map((other) => ({ column: `${other}_id`, to: `${other}.id`, profile: true, nullable: true, enforced: false })),
      columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
    })),
  });
}

async function fill(driver: SqlDriver, kind: 'postgres' | 'mysql'): Promise<void> {
  const time = kind === 'postgres' ? 'timestamp' : 'datetime(3)';
  for (const name of tables) {
    const links = tables.filter((other) => other !== name).map((other) => `${other}_id integer null`);
    await driver.query(
      `create table ${name} (id integer primary key, email varchar(200), restricted boolean not null default false, created_at ${time} not null, ${links.join(', ')})`,
    );
    const rows = Array.from({ length: people }, (_, k) => {
      const flag = restricted.some(([t, p]) => t === name && p === k);
      // Each person's rows point at one another (a profile cycle through all four tables).
      return `(${k}, 'p${k}@example.be', ${flag ? 'true' : 'false'}, '2015-01-01 00:00:00', ${tables
        .filter((other) => other !== name)
        .map(() => k)
        .join(', ')})`;
    });
    const columns = `id, email, restricted, created_at, ${tables
      .filter((other) => other !== name)
      .map((other) => `${other}_id`)
      .join(', ')}`;
    await driver.query(`insert into ${name} (${columns}) values ${rows.join(', ')}`);
  }
}

describe.each(sqlDriverTargets)('restriction check on profile cycles without indexes (%s)', (_, kind, open) => {
  let driver: SqlDriver;
  let connector: StoreConnector;
  const now = '2026-06-01T00:00:00.000Z';

  const target = filledSqlStore(kind, open, fill, store(kind));
  beforeAll(() => {
    ({ driver, connector } = target);
  });

  it('counts the restricted people as held and the others as due, in every table', async () => {
    for (const table of tables) {
      const count = await connector.countDue({
        table,
        period: 'P1Y',
        cutoffs: [now],
        now,
        action: 'delete',
        rules: tables.map((t) => ({ table: t, period: 'P1Y' })),
      });
      expect(count.due).toEqual([people - restricted.length]);
      expect(count.held.restricted).toBe(restricted.length);
    }
  });

  it('sweeps every table and keeps exactly the restricted people’s rows', async () => {
    for (const table of tables) {
      for (let batch = 0; batch < 10; batch++) {
        const result = await connector.sweep({
          jobId: 'cycle',
          table,
          period: 'P1Y',
          cutoff: now,
          now,
          action: 'delete',
          batchSize: 7,
        });
        if (result.done) break;
      }
      const { rows } = await driver.query(`select id from ${table} order by id`);
      expect(rows.map((row) => Number(row.id))).toEqual([0, 5, 10]);
    }
  });
});
