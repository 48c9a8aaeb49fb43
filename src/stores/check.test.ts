import { describe, expect, it } from 'vitest';
import type { LiveColumn, LiveSchema } from './connector.js';
import { checkStore, createIndexStatement, postgresRelease, renameHint } from './check.js';
import { shopHolds, shopStore } from './testing/shop.js';

const col = (name: string, over: Partial<LiveColumn> = {}): LiveColumn => ({
  name,
  rawType: 'varchar(255)',
  family: 'text',
  nullable: true,
  unique: false,
  maxLength: 255,
  ...over,
});
const id = col('id', { rawType: 'integer', family: 'integer', nullable: false, unique: true, maxLength: undefined });
const ts = (name: string) => col(name, { rawType: 'timestamptz', family: 'timestamp', maxLength: undefined });
const bool = (name: string) =>
  col(name, { rawType: 'boolean', family: 'boolean', nullable: false, maxLength: undefined });
const ref = (name: string, nullable = false) =>
  col(name, { rawType: 'integer', family: 'integer', nullable, maxLength: undefined });

function liveShop(): LiveSchema {
  return {
    tables: [
      {
        name: 'customers',
        primaryKey: ['id'],
        foreignKeys: [],
        columns: [
          id,
          col('email', { nullable: false, unique: true }),
          col('customer_number', { unique: true }),
          col('name', { nullable: false }),
          col('phone'),
          col('password_hash'),
          bool('processing_restricted'),
          ts('contract_ended_at'),
          ts('created_at'),
        ],
      },
      {
        name: 'orders',
        primaryKey: ['id'],
        foreignKeys: [{ columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] }],
        columns: [id, ref('customer_id'), col('delivery_address'), col('note'), ts('ordered_at')],
      },
      {
        name: 'order_lines',
        primaryKey: ['id'],
        foreignKeys: [{ columns: ['order_id'], referencedTable: 'orders', referencedColumns: ['id'] }],
        columns: [id, ref('order_id'), col('product')],
      },
      {
        name: 'invoices',
        primaryKey: ['id'],
        foreignKeys: [],
        columns: [
          id,
          ref('customer_id'),
          ref('order_id', true),
          col('number'),
          ts('issued_at'),
          col('billing_name'),
          col('billing_email'),
          col('amount', { family: 'decimal', rawType: 'numeric' }),
          bool('legal_claim'),
        ],
      },
      {
        name: 'newsletter',
        primaryKey: ['id'],
        foreignKeys: [],
        columns: [id, col('email'), col('first_name'), ts('subscribed_at'), ts('last_contact_at')],
      },
      {
        name: 'tickets',
        primaryKey: ['id'],
        foreignKeys: [],
        columns: [
          id,
          ref('customer_id', true),
          col('email'),
          col('body', { rawType: 'text', maxLength: undefined }),
          ts('received_at'),
        ],
      },
    ],
  };
}

describe('checkStore', () => {
  it('finds nothing on a matching schema', () => {
    expect(checkStore(shopStore(), liveShop(), shopHolds)).toEqual([]);
  });

  it('warns once of a table whose two email identity columns are not told apart, and not once one is marked', () => {
    const store = shopStore();
    const customers = store.tables.find((t) => t.name === 'customers')!;
    customers.columns.push({
      name: 'referrer_email',
      category: 'contact.email',
      identity: 'email',
      erase: 'null',
      secret: false,
    });
    const live = liveShop();
    live.tables[0]!.columns.push(col('referrer_email'));
    expect(checkStore(store, live, shopHolds).map((f) => `${f.severity} ${f.code} ${f.table}`)).toEqual([
      'warning ambiguous_identity customers',
    ]);
    customers.columns.at(-1)!.mentions = true;
    expect(checkStore(store, live, shopHolds)).toEqual([]);
  });

  it('catches null into NOT NULL, redact into a unique column, hash into a short column, a nullable reference that is not', () => {
    const live = liveShop();
    const customers = live.tables[0]!;
    customers.columns = customers.columns.map((c) =>
      c.name === 'phone'
        ? { ...c, nullable: false }
        : c.name === 'name'
          ? { ...c, unique: true }
          : c.name === 'email'
            ? { ...c, maxLength: 20, rawType: 'varchar(20)' }
            : c,
    );
    const tickets = live.tables[5]!;
    tickets.columns = tickets.columns.map((c) => (c.name === 'customer_id' ? { ...c, nullable: false } : c));
    const codes = checkStore(shopStore(), live, shopHolds).map((f) => `${f.code} ${f.table}.${f.column}`);
    expect(codes.sort()).toEqual([
      'not_null customers.phone',
      'not_null tickets.customer_id',
      'too_short customers.email',
      'unique_redact customers.name',
    ]);
  });

  it('catches an anchor that is not a date, a flag that is not a boolean, and a foreign key the charter does not declare', () => {
    const live = liveShop();
    const newsletter = live.tables[4]!;
    newsletter.columns = newsletter.columns.map((c) => (c.name === 'last_contact_at' ? col('last_contact_at') : c));
    const invoices = live.tables[3]!;
    invoices.columns = invoices.columns.map((c) => (c.name === 'legal_claim' ? col('legal_claim') : c));
    live.tables[2]!.foreignKeys.push({
      columns: ['product'],
      referencedTable: 'newsletter',
      referencedColumns: ['id'],
    });
    const findings = checkStore(shopStore(), live, shopHolds);
    expect(findings.map((f) => f.code).sort()).toEqual(['anchor_type', 'flag_type', 'undeclared_reference']);
    expect(findings.find((f) => f.code === 'undeclared_reference')?.severity).toBe('warning');
  });
});

describe('checkStore: indexes', () => {
  const indexedEverywhere = (live: LiveSchema): LiveSchema => ({
    tables: live.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, indexed: true })) })),
  });

  it('warns of an identity, a reference and an anchor column that no index starts with, once each', () => {
    const live = indexedEverywhere(liveShop());
    const unindex = (table: string, column: string) => {
      const found = live.tables.find((t) => t.name === table)!;
      found.columns = found.columns.map((c) => (c.name === column ? { ...c, indexed: false } : c));
    };
    unindex('customers', 'email');
    unindex('orders', 'customer_id');
    unindex('newsletter', 'last_contact_at');
    unindex('orders', 'note'); // looked up by nothing: no warning
    live.tables.find((t) => t.name === 'orders')!.estimatedRows = 120_000;
    const findings = checkStore(shopStore(), live, shopHolds);
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.table}.${f.column}`).sort()).toEqual([
      'warning not_indexed customers.email',
      'warning not_indexed newsletter.last_contact_at',
      'warning not_indexed orders.customer_id',
    ]);
    const orders = findings.find((f) => f.table === 'orders')!;
    expect(orders.message).toBe(
      'no index starts with "orders.customer_id", so following orders.customer_id to customers reads the whole table (about 120,000 rows): create index on orders (customer_id)',
    );
    expect(findings.find((f) => f.table === 'customers')?.message).toContain("finding a person's rows by email");
    expect(findings.find((f) => f.table === 'newsletter')?.message).toContain('every retention batch');
  });

  it('says nothing when every such column is indexed, or when the connector cannot tell', () => {
    expect(checkStore(shopStore(), indexedEverywhere(liveShop()), shopHolds)).toEqual([]);
    expect(checkStore(shopStore(), liveShop(), shopHolds)).toEqual([]);
  });
});

describe('checkStore: the restriction flag (issue 15)', () => {
  const withFlag = (indexed: boolean | undefined): LiveSchema => {
    const live = liveShop();
    for (const t of live.tables) t.columns = t.columns.map((c) => ({ ...c, indexed: true }));
    const customers = live.tables.find((t) => t.name === 'customers')!;
    customers.columns = customers.columns.map((c) => (c.name === 'processing_restricted' ? { ...c, indexed } : c));
    customers.estimatedRows = 2_000_000;
    return live;
  };

  it('warns, with the statement to run, when no index starts with a declared restriction flag', () => {
    const findings = checkStore(shopStore(), withFlag(false), shopHolds);
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.table}.${f.column}`)).toEqual([
      'warning restriction_not_indexed customers.processing_restricted',
    ]);
    expect(findings[0]?.message).toBe(
      'no index starts with the restriction flag "customers.processing_restricted", so every retention batch reads the whole table (about 2,000,000 rows) to find the restricted rows: create index customers_processing_restricted_idx on customers (processing_restricted);',
    );
  });

  it('says nothing when an index starts with the flag, or when the connector cannot tell', () => {
    expect(checkStore(shopStore(), withFlag(true), shopHolds)).toEqual([]);
    expect(checkStore(shopStore(), withFlag(undefined), shopHolds)).toEqual([]);
  });

  it("names the index within both databases' limits, in the store's schema on PostgreSQL, quoting odd names", () => {
    expect(createIndexStatement({ kind: 'postgres', schema: 'shop' }, 'Customers', 'restricted')).toBe(
      'create index "Customers_restricted_idx" on shop."Customers" (restricted);',
    );
    expect(createIndexStatement({ kind: 'mysql', schema: 'ignored' }, 'wp_users', 'restricted')).toBe(
      'create index wp_users_restricted_idx on wp_users (restricted);',
    );
    expect(createIndexStatement({ kind: 'mysql' }, 'a'.repeat(60), 'flag')).toBe(
      `create index ${'a'.repeat(60)}_fla on ${'a'.repeat(60)} (flag);`,
    );
  });
});

describe('checkStore: PostgreSQL version', () => {
  it('refuses the retention of every anchored table on a PostgreSQL older than 12', () => {
    const findings = checkStore(shopStore(), { ...liveShop(), postgresVersion: 110022 }, shopHolds);
    // order_lines has no anchor of its own: its rows go with their order's.
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.table}`).sort()).toEqual(
      ['customers', 'invoices', 'newsletter', 'orders', 'tickets'].map((table) => `error server_version ${table}`),
    );
    expect(findings[0]?.message).toContain('PostgreSQL 11.22 cannot run the retention batches of');
  });

  it('accepts PostgreSQL 12 and later, and a connector that does not say', () => {
    for (const postgresVersion of [120000, 150018, undefined])
      expect(checkStore(shopStore(), { ...liveShop(), postgresVersion }, shopHolds)).toEqual([]);
  });

  it('names releases as PostgreSQL does', () => {
    expect(postgresRelease(150018)).toBe('15.18');
    expect(postgresRelease(120000)).toBe('12.0');
    expect(postgresRelease(90624)).toBe('9.6.24');
  });
});

describe('renameHint', () => {
  it('suggests a close spelling or a longer name that contains the old one', () => {
    expect(renameHint('emial', ['email', 'id'])).toBe('email');
    expect(renameHint('phone', ['id', 'phone_number'])).toBe('phone_number');
    expect(renameHint('phone', ['id', 'created_at'])).toBeUndefined();
  });
});
