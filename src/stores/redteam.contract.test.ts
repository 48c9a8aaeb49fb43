/**
 * Red-team shapes for issue 15 (stores the engine's authors may not have had in mind), on real PostgreSQL and
 * MariaDB: each case declares a store the way a new user would, fills it with two or three people and checks that a
 * request for one person reaches, shows and writes that person's rows only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSchema, type Store } from '../charter/schema.js';
import type { AccessRecord, Identity, StoreConnector } from './connector.js';
import { storeModel } from './plan.js';
import type { SqlDriver } from './sql/driver.js';
import { createSqlConnector } from './sql/engine.js';
import { createMysqlDriver } from './sql/mysql.js';
import { createPostgresDriver } from './sql/postgres.js';
import { insertRows, readTable } from './testing/shop.js';
import { newMariaDbDatabase, newPostgresDatabase, testHashKey } from './testing/targets.js';

const targets = {
  postgres: async () => createPostgresDriver(await newPostgresDatabase()),
  mariadb: async () => createMysqlDriver(await newMariaDbDatabase()),
};

const email = (value: string): Identity[] => [{ type: 'email', value }];

describe.each(Object.keys(targets) as (keyof typeof targets)[])('red-team stores on %s', (name) => {
  let driver: SqlDriver;
  const connectors: StoreConnector[] = [];
  beforeAll(async () => {
    driver = await targets[name]();
  });
  afterAll(async () => {
    for (const c of connectors) await c.close();
  });

  const connect = (store: unknown): StoreConnector => {
    const parsed: Store = storeSchema.parse(store);
    const connector = createSqlConnector({
      id: parsed.id,
      kind: driver.dialect === 'postgres' ? 'postgres' : 'mysql',
      model: storeModel(parsed, []),
      driver,
      context: { hashKey: testHashKey },
    });
    connectors.push(connector);
    return connector;
  };
  const access = async (connector: StoreConnector, who: string) => {
    const records: AccessRecord[] = [];
    await connector.access({ identities: email(who) }, (batch) => void records.push(...batch));
    return records;
  };
  const ddl = async (statements: string[]) => {
    for (const s of statements) await driver.query(s);
  };
  const fk = (name: string, column: string, to: string) =>
    `, constraint ${name} foreign key (${column}) references ${to}`;
  /** A store declaration as a new user writes it, in the dialect of the database under test. */
  const declared = (id: string, connection: string, tables: unknown[]) => ({
    id,
    kind: driver.dialect === 'postgres' ? 'postgres' : 'mysql',
    connection,
    tables,
  });
  /** The referral shop: customers whose row may name another customer's address, and (optionally) their orders. */
  const createReferralTables = (withOrders: boolean) =>
    ddl([
      'drop table if exists ref_orders',
      'drop table if exists ref_customers',
      'create table ref_customers (id integer primary key, email varchar(200), name varchar(200), referrer_email varchar(200))',
      ...(withOrders
        ? [
            `create table ref_orders (id integer primary key, customer_id integer, address varchar(200)${fk('ref_orders_c', 'customer_id', 'ref_customers (id)')})`,
          ]
        : []),
    ]);
  const referralCustomers = (erase: { details: 'hash' | 'delete'; name: 'redact' | 'delete' }, mentions: boolean) => ({
    name: 'ref_customers',
    primaryKey: 'id',
    columns: [
      { name: 'email', category: 'contact.email', identity: 'email', erase: erase.details },
      { name: 'name', category: 'identity.name', erase: erase.name },
      {
        name: 'referrer_email',
        category: 'contact.email',
        identity: 'email',
        ...(mentions ? { mentions: true } : {}),
        erase: 'null',
      },
    ],
  });
  const referralOrders = {
    name: 'ref_orders',
    primaryKey: 'id',
    columns: [{ name: 'address', category: 'contact.address', erase: 'delete' }],
    references: [{ column: 'customer_id', to: 'ref_customers.id' }],
  };
  const hashed = { details: 'hash', name: 'redact' } as const;

  it("a second email column holding someone else's address (referred_by_email) does not make their row the person's", async () => {
    await createReferralTables(true);
    await insertRows(driver, 'ref_customers', [
      { id: 1, email: 'alice@shop.test', name: 'Alice', referrer_email: null },
      { id: 2, email: 'bob@shop.test', name: 'Bob', referrer_email: 'alice@shop.test' },
    ]);
    await insertRows(driver, 'ref_orders', [
      { id: 10, customer_id: 1, address: 'Alice street' },
      { id: 20, customer_id: 2, address: 'Bob street' },
    ]);
    const connector = connect(declared('referrals', 'REF_URL', [referralCustomers(hashed, false), referralOrders]));
    const records = await access(connector, 'alice@shop.test');
    const seen = records.map((r) => `${r.table}#${r.key}`).sort();
    // Bob's order and Bob's name are Bob's: Alice may learn that her address is on Bob's row, not Bob's data.
    expect(seen).not.toContain('ref_orders#20');
    // Bob's row is shown with the one column that holds Alice's address, marked shared.
    const bob = records.find((r) => r.table === 'ref_customers' && r.key === '2');
    expect(bob).toMatchObject({ shared: true, columns: [{ name: 'referrer_email', value: 'alice@shop.test' }] });
    expect(seen).toEqual(['ref_customers#1', 'ref_customers#2', 'ref_orders#10']);
    await connector.erase({ jobId: 'alice-ref', identities: email('alice@shop.test') });
    const customers = await readTable(driver, 'ref_customers');
    const orders = await readTable(driver, 'ref_orders');
    expect(orders.map((o) => o.id)).toContain(20);
    expect(customers.find((c) => c.id === 2)).toEqual({
      id: 2,
      email: 'bob@shop.test',
      name: 'Bob',
      referrer_email: null,
    });
    expect(orders.map((o) => o.id)).toEqual([20]);
  });

  it("an address someone typed into another person's row is never a contact on file for that person's requests", async () => {
    await createReferralTables(false);
    // Mallory signs up and names Alice as the friend who referred her.
    await insertRows(driver, 'ref_customers', [
      { id: 1, email: 'alice@shop.test', name: 'Alice', referrer_email: null },
      { id: 3, email: 'mallory@evil.test', name: 'Mallory', referrer_email: 'alice@shop.test' },
    ]);
    const connector = connect(declared('referral-contacts', 'REF_URL', [referralCustomers(hashed, false)]));
    const onFile = await connector.contacts(email('alice@shop.test'));
    expect(onFile.found).toBe(true);
    // The verification code for a request in Alice's name must not go to Mallory.
    expect(onFile.contacts.map((c) => c.value)).toEqual(['alice@shop.test']);
  });

  it("Alice's own row naming a referrer (marked mentions: true) stays hers: her package has her row and her orders, Bob's request sees only the referrer column", async () => {
    await createReferralTables(true);
    // Bob referred Alice: her own row names him.
    await insertRows(driver, 'ref_customers', [
      { id: 1, email: 'alice@shop.test', name: 'Alice', referrer_email: 'bob@shop.test' },
      { id: 2, email: 'bob@shop.test', name: 'Bob', referrer_email: null },
    ]);
    await insertRows(driver, 'ref_orders', [
      { id: 10, customer_id: 1, address: 'Alice street' },
      { id: 11, customer_id: 1, address: 'Alice office' },
      { id: 20, customer_id: 2, address: 'Bob street' },
    ]);
    const connector = connect(
      declared('referrals-marked', 'REF_URL', [referralCustomers(hashed, true), referralOrders]),
    );
    const alice = await access(connector, 'alice@shop.test');
    expect(alice.map((r) => `${r.table}#${r.key}`).sort()).toEqual([
      'ref_customers#1',
      'ref_orders#10',
      'ref_orders#11',
    ]);
    const own = alice.find((r) => r.table === 'ref_customers');
    expect(own?.shared).toBeUndefined();
    expect(own?.columns.map((c) => c.name)).toEqual(['email', 'name', 'referrer_email']);

    const bob = await access(connector, 'bob@shop.test');
    expect(bob.map((r) => `${r.table}#${r.key}`).sort()).toEqual([
      'ref_customers#1',
      'ref_customers#2',
      'ref_orders#20',
    ]);
    // Alice's row is reached for Bob only in the column that names him, and never walked from (her orders stay hers).
    expect(bob.find((r) => r.key === '1')).toMatchObject({
      shared: true,
      columns: [{ name: 'referrer_email', value: 'bob@shop.test' }],
    });

    // Bob's address on Alice's row is not a channel of Alice's, nor hers of Bob's.
    expect((await connector.contacts(email('alice@shop.test'))).contacts.map((c) => c.value)).toEqual([
      'alice@shop.test',
    ]);
    expect((await connector.contacts(email('bob@shop.test'))).contacts.map((c) => c.value)).toEqual(['bob@shop.test']);

    // Alice's erasure clears her whole row (the referrer column by its strategy too) and her orders; Bob keeps his.
    await connector.erase({ jobId: 'alice-ref-marked', identities: email('alice@shop.test') });
    const customers = await readTable(driver, 'ref_customers');
    const aliceAfter = customers.find((c) => c.id === 1);
    expect(aliceAfter?.email).toMatch(/^h:[0-9a-f]{32}$/);
    expect(aliceAfter?.name).not.toBe('Alice');
    expect(aliceAfter?.referrer_email).toBeNull();
    expect(customers.find((c) => c.id === 2)).toEqual({
      id: 2,
      email: 'bob@shop.test',
      name: 'Bob',
      referrer_email: null,
    });
    expect((await readTable(driver, 'ref_orders')).map((o) => o.id)).toEqual([20]);
  });

  it("Bob's erasure, reaching Alice's row only through its referrer column, clears that column and nothing else of hers", async () => {
    await createReferralTables(false);
    await insertRows(driver, 'ref_customers', [
      { id: 1, email: 'alice@shop.test', name: 'Alice', referrer_email: 'bob@shop.test' },
      { id: 2, email: 'bob@shop.test', name: 'Bob', referrer_email: null },
    ]);
    const connector = connect(
      declared('referrals-marked-bob', 'REF_URL', [referralCustomers({ details: 'delete', name: 'delete' }, true)]),
    );
    await connector.erase({ jobId: 'bob-ref-marked', identities: email('bob@shop.test') });
    expect(await readTable(driver, 'ref_customers')).toEqual([
      { id: 1, email: 'alice@shop.test', name: 'Alice', referrer_email: null },
    ]);
  });

  it("a join table with a composite key, declared by one of its columns, never lets an erasure reach another person's rows", async () => {
    await ddl([
      'drop table if exists cl_likes',
      'drop table if exists cl_posts',
      'drop table if exists cl_customers',
      'create table cl_customers (id integer primary key, email varchar(200))',
      'create table cl_posts (id integer primary key, title varchar(200))',
      `create table cl_likes (customer_id integer not null, post_id integer not null, note varchar(200), primary key (customer_id, post_id)${fk('cl_likes_c', 'customer_id', 'cl_customers (id)')}${fk('cl_likes_p', 'post_id', 'cl_posts (id)')})`,
    ]);
    await insertRows(driver, 'cl_customers', [
      { id: 1, email: 'alice@shop.test' },
      { id: 2, email: 'bob@shop.test' },
    ]);
    await insertRows(driver, 'cl_posts', [{ id: 7, title: 'Spring sale' }]);
    await insertRows(driver, 'cl_likes', [
      { customer_id: 1, post_id: 7, note: 'Alice likes it' },
      { customer_id: 2, post_id: 7, note: 'Bob likes it' },
    ]);
    // The composite key cannot be declared: the new user names one of its columns (the one that is "the like").
    const connector = connect(
      declared('likes', 'LIKES_URL', [
        {
          name: 'cl_customers',
          primaryKey: 'id',
          columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
        },
        { name: 'cl_posts', primaryKey: 'id', columns: [{ name: 'title', category: 'identity.name', erase: 'keep' }] },
        {
          name: 'cl_likes',
          primaryKey: 'post_id',
          columns: [{ name: 'note', category: 'identity.name', erase: 'delete' }],
          references: [
            { column: 'customer_id', to: 'cl_customers.id' },
            { column: 'post_id', to: 'cl_posts.id' },
          ],
        },
      ]),
    );
    // Refused before anything is read or written: the declared key cannot tell Alice's like from Bob's.
    await expect(connector.erase({ jobId: 'alice-likes', identities: email('alice@shop.test') })).rejects.toMatchObject(
      { code: 'primary_key' },
    );
    await expect(connector.access({ identities: email('alice@shop.test') }, () => undefined)).rejects.toMatchObject({
      code: 'primary_key',
    });
    const { rows } = await driver.query('select customer_id, note from cl_likes order by customer_id');
    expect(rows.map((r) => [Number(r.customer_id), r.note])).toEqual([
      [1, 'Alice likes it'],
      [2, 'Bob likes it'],
    ]);
  });

  it("an address that the database collation only likens to the person's (alice@gmäil.test) finds nothing and gets no code", async () => {
    await ddl([
      'drop table if exists lk_customers',
      'create table lk_customers (id integer primary key, email varchar(200), name varchar(200))',
    ]);
    await insertRows(driver, 'lk_customers', [{ id: 1, email: 'alice@gmail.test', name: 'Alice' }]);
    const connector = connect(
      declared('lookalike', 'LK_URL', [
        {
          name: 'lk_customers',
          primaryKey: 'id',
          columns: [
            { name: 'email', category: 'contact.email', identity: 'email', erase: 'hash' },
            { name: 'name', category: 'identity.name', erase: 'redact' },
          ],
        },
      ]),
    );
    // MariaDB's default utf8mb4 collation compares ä with a: the impostor owns the look-alike domain's mailbox.
    for (const impostor of ['alice@gmäil.test', 'alicé@gmail.test', 'ALICE@GMAIL.TEST\u200b']) {
      expect(await connector.contacts(email(impostor))).toMatchObject({ found: false, contacts: [] });
      expect(await access(connector, impostor)).toEqual([]);
    }
    // The person herself, typed with capitals and spaces, is still found.
    expect((await access(connector, '  Alice@Gmail.test ')).map((r) => r.key)).toEqual(['1']);
  });
});
