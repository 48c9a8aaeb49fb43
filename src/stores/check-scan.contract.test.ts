/**
 * `charter stores check` and `charter scan` against live databases (PostgreSQL and MariaDB): the check catches a
 * renamed column, a wrong type and a missing table; the scan finds seeded personal data the charter does not declare.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../cli/main.js';
import type { CliIo } from '../cli/command.js';
import type { SqlDriver } from './sql/driver.js';
import { createMysqlDriver } from './sql/mysql.js';
import { createPostgresDriver } from './sql/postgres.js';
import { seedShop } from './testing/shop.js';
import { shopCharter } from './testing/shop-charter.js';
import { newMariaDbDatabase, newPostgresDatabase } from './testing/targets.js';

async function run(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    env: { ...process.env, ...env },
    cwd: process.cwd(),
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, text: out.join('\n') };
}

const targets = [
  {
    name: 'postgres',
    kind: 'postgres' as const,
    url: newPostgresDatabase,
    driver: createPostgresDriver,
    renameColumn: 'alter table customers rename column phone to phone_number',
  },
  {
    name: 'mariadb',
    kind: 'mysql' as const,
    url: newMariaDbDatabase,
    driver: createMysqlDriver,
    renameColumn: 'alter table customers rename column phone to phone_number',
  },
];

describe.each(targets)('on $name', (target) => {
  let dir: string;
  let file: string;
  let url: string;
  let driver: SqlDriver;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'charter-stores-'));
    file = join(dir, 'charter.yaml');
    await writeFile(file, stringify(shopCharter(target.kind)));
    url = await target.url();
    driver = target.driver(url);
    await seedShop(driver, new Date());
  });
  afterAll(async () => {
    await driver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds nothing wrong with a database that matches its declaration', async () => {
    const result = await run(['stores', 'check', '--charter', file], { SHOP_DATABASE_URL: url });
    expect(result.text).toContain('shop: 0 errors');
    expect(result.code).toBe(0);
  });

  it('says per table how a request reaches it, and explains one person before anything runs', async () => {
    const check = await run(['stores', 'check', '--charter', file], { SHOP_DATABASE_URL: url });
    expect(check.text).toContain('invoices ← customers (owner reference invoices.customer_id)');
    expect(check.text).toContain('order_lines ← orders (owner reference order_lines.order_id)');
    const before = await driver.query('select count(*) as n from orders');
    const result = await run(
      ['stores', 'explain', '--charter', file, '--identity', 'email=alice@example.be', '--type', 'erasure', '--json'],
      { SHOP_DATABASE_URL: url },
    );
    expect(result.code).toBe(0);
    const [explained] = JSON.parse(result.text) as {
      tables: { table: string; rows: number; shared: number }[];
      erasure: { erased: { table: string; deleted: number }[] };
    }[];
    expect(Object.fromEntries(explained!.tables.map((t) => [t.table, t.rows]))).toMatchObject({
      customers: 1,
      orders: 3,
      order_lines: 6,
      invoices: 3,
    });
    expect(explained!.erasure.erased.find((e) => e.table === 'order_lines')?.deleted).toBe(6);
    // A dry run: nothing was written.
    expect((await driver.query('select count(*) as n from orders')).rows).toEqual(before.rows);
    const usage = await run(['stores', 'explain', '--charter', file, '--identity', 'mail=alice@example.be'], {
      SHOP_DATABASE_URL: url,
    });
    expect(usage.code).toBe(2);
    expect(usage.text).toContain('--identity takes TYPE=VALUE');
  });

  it('warns of the lookup columns no index starts with, from the live indexes', async () => {
    const notIndexed = async () => {
      const result = await run(['stores', 'check', '--charter', file, '--json'], { SHOP_DATABASE_URL: url });
      const [check] = JSON.parse(result.text) as { findings: { code: string; table: string; column?: string }[] }[];
      return check!.findings.filter((f) => f.code === 'not_indexed').map((f) => `${f.table}.${f.column}`);
    };
    const before = await notIndexed();
    // An identity column without an index; unique columns and primary keys have one.
    expect(before).toContain('newsletter.email');
    expect(before).not.toContain('customers.email');
    // PostgreSQL does not index a foreign key's column by itself; InnoDB does.
    if (target.name === 'postgres') expect(before).toContain('orders.customer_id');
    else expect(before).not.toContain('orders.customer_id');
    await driver.query('create index newsletter_email on newsletter (email)');
    const after = await notIndexed();
    expect(after).not.toContain('newsletter.email');
    expect(after).toEqual(before.filter((column) => column !== 'newsletter.email'));
  });

  it('warns of a restriction flag no index starts with, with the statement to run, and is silent once it exists', async () => {
    const flagFindings = async () => {
      const result = await run(['stores', 'check', '--charter', file, '--json'], { SHOP_DATABASE_URL: url });
      const [check] = JSON.parse(result.text) as {
        findings: { severity: string; code: string; table: string; column?: string; message: string }[];
      }[];
      return { code: result.code, findings: check!.findings.filter((f) => f.code === 'restriction_not_indexed') };
    };
    const before = await flagFindings();
    expect(before.findings).toEqual([
      expect.objectContaining({ severity: 'warning', table: 'customers', column: 'processing_restricted' }),
    ]);
    // A warning: the check still passes.
    expect(before.code).toBe(0);
    const statement = /create index .*;$/.exec(before.findings[0]!.message)?.[0];
    expect(statement).toBe('create index customers_processing_restricted_idx on customers (processing_restricted);');
    // The statement as printed is one the store accepts, and afterwards nothing is reported.
    await driver.query(statement!.replace(/;$/, ''));
    expect((await flagFindings()).findings).toEqual([]);
    const text = await run(['stores', 'check', '--charter', file], { SHOP_DATABASE_URL: url });
    expect(text.text).not.toContain('restriction_not_indexed');
  });

  it('finds undeclared personal data, and only that', async () => {
    await driver.query('alter table customers add column iban varchar(40)');
    await driver.query('alter table customers add column birth_date date');
    await driver.query('alter table customers add column rrn varchar(20)');
    await driver.query('alter table tickets add column client_ip varchar(45)');
    await driver.query('alter table order_lines add column payment_card varchar(25)');
    await driver.query(
      `update customers set iban = 'BE68539007547034', birth_date = '1985-07-30', rrn = '85.07.30-033.28'`,
    );
    await driver.query(`update tickets set client_ip = '192.0.2.44'`);
    await driver.query(`update order_lines set payment_card = '4111 1111 1111 1111'`);
    const result = await run(['scan', '--charter', file, '--json'], { SHOP_DATABASE_URL: url });
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.text) as {
      undeclared: { table: string; column: string; category: string; confidence: number }[];
    }[];
    const found = Object.fromEntries(report!.undeclared.map((f) => [`${f.table}.${f.column}`, f.category]));
    expect(found).toEqual({
      'customers.iban': 'financial.bank-account',
      'customers.birth_date': 'identity.date-of-birth',
      'customers.rrn': 'identity.national-number',
      'tickets.client_ip': 'online.ip-address',
      'order_lines.payment_card': 'financial.card-number',
    });
    expect(report!.undeclared.every((f) => f.confidence >= 0.75)).toBe(true);
  });

  it('finds personal data inside free text, and shows it masked only', async () => {
    await driver.query('alter table customers add column notes text');
    await driver.query(
      `update customers set notes = 'pays by transfer from BE68 5390 0754 7034, ring twice' where id = 1`,
    );
    await driver.query(
      `update customers set notes = 'leave it with the neighbour, call 0470 12 34 56 first' where id = 2`,
    );
    await driver.query(`update customers set notes = 'gift wrap please' where id = 3`);
    const json = await run(['scan', '--charter', file, '--json'], { SHOP_DATABASE_URL: url });
    const [report] = JSON.parse(json.text) as {
      undeclared: {
        table: string;
        column: string;
        category: string;
        categories: string[];
        evidence: string[];
        examples: string[];
      }[];
    }[];
    const notes = report!.undeclared.find((f) => f.table === 'customers' && f.column === 'notes');
    expect(notes).toMatchObject({
      category: 'financial.bank-account',
      categories: ['financial.bank-account', 'contact.phone'],
      evidence: ['in-text:iban', 'in-text:phone'],
    });
    expect(notes!.examples).toEqual(['BE** **** **** **34', '**** ** ** 56']);
    const text = await run(['scan', '--charter', file], { SHOP_DATABASE_URL: url });
    expect(text.text).toContain('customers.notes: financial.bank-account (also contact.phone)');
    expect(text.text).toContain('e.g. BE** **** **** **34');
    // Never a value as it is, in either output.
    for (const output of [json.text, text.text]) expect(output).not.toMatch(/5390 0754|BE68|0470 12 34/);
  });

  it('catches a renamed column, a wrong type and a missing table', async () => {
    await driver.query(target.renameColumn);
    await driver.query('alter table tickets drop column body');
    await driver.query('alter table tickets add column body integer');
    await driver.query('drop table newsletter');
    const result = await run(['stores', 'check', '--charter', file, '--json'], { SHOP_DATABASE_URL: url });
    expect(result.code).toBe(1);
    const [check] = JSON.parse(result.text) as {
      findings: { code: string; table: string; column?: string; message: string }[];
    }[];
    const codes = check!.findings.map((f) => `${f.code} ${f.table}${f.column ? `.${f.column}` : ''}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'missing_column customers.phone',
        'strategy_type tickets.body',
        'missing_table newsletter',
      ]),
    );
    expect(check!.findings.find((f) => f.code === 'missing_column')?.message).toContain('renamed to "phone_number"');
  });

  it('reports a store whose variable is not set without failing the others', async () => {
    const result = await run(['stores', 'check', '--charter', file], { SHOP_DATABASE_URL: '' });
    expect(result.text).toContain('SHOP_DATABASE_URL');
    expect(result.code).toBe(1);
  });
});
