/**
 * The generated company database of the stores benchmark (also used by the retention and requests benchmarks):
 * ten related tables, about 11 rows per customer — 1 million customers make about 11 million rows — generated
 * server-side (generate_series on PostgreSQL, the SEQUENCE engine on MariaDB), never row by row. Values that
 * carry a checksum (IBAN, national register number, company number, card number) come from a small lookup table
 * of valid values computed here, so `charter scan` has real data to find.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import { storeSchema, type Store } from '../src/charter/schema.js';
import type { HoldDefinition } from '../src/stores/plan.js';
import type { Dialect, SqlDriver } from '../src/stores/sql/driver.js';

export const benchHolds: HoldDefinition[] = [
  { id: 'vat-invoices', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' },
];

/** Extra log entries of the heavy subject (customer 1), for the memory measurement. */
export const heavyCustomerId = 1;

export function benchEmail(id: number): string {
  return `c${id}@example.be`;
}

/** The columns that hold personal data (ground truth for the scan), as table.column. */
export const seededPersonalColumns = [
  'customers.email',
  'customers.first_name',
  'customers.last_name',
  'customers.phone',
  'customers.birth_date',
  'customers.national_number',
  'customers.iban',
  'addresses.street',
  'addresses.postal_code',
  'invoices.billing_name',
  'invoices.vat_number',
  'invoices.payment_card',
  'newsletter_subscriptions.email',
  'newsletter_subscriptions.first_name',
  'event_registrations.email',
  'event_registrations.full_name',
  'support_tickets.email',
  'consents.source_ip',
  'log_entries.ip',
];

/**
 * Creates the empty `company` database on a benchmark's database server and returns its URL; on MariaDB with the
 * character set a benchmark names (the server's default otherwise).
 */
export async function createCompanyDatabase(
  kind: 'postgres' | 'mysql',
  serverUrl: string,
  options: { charset?: string } = {},
): Promise<string> {
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('create database company');
    await admin.end();
    return serverUrl.replace(/\/postgres$/, '/company');
  }
  const admin = await mysql.createConnection({ uri: serverUrl });
  await admin.query(`create database company${options.charset ? ` character set ${options.charset}` : ''}`);
  await admin.end();
  return `${serverUrl}company`;
}

/** The charter declaration of the benchmark store. */
export function benchStore(kind: 'postgres' | 'mysql', options: { columns?: boolean } = {}): Store {
  const withColumns = options.columns ?? true;
  const cols = (list: unknown[]) => (withColumns ? list : []);
  return storeSchema.parse({
    id: 'company',
    kind,
    connection: 'COMPANY_DATABASE_URL',
    tables: [
      {
        name: 'customers',
        primaryKey: 'id',
        restrictColumn: 'restricted',
        purpose: 'customers',
        anchor: 'contract_ended_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'hash' },
          ...cols([
            { name: 'customer_number', category: 'commercial.contract', identity: 'customer-number', erase: 'keep' },
            { name: 'first_name', category: 'identity.name', erase: 'redact' },
            { name: 'last_name', category: 'identity.name', erase: 'redact' },
            { name: 'phone', category: 'contact.phone', erase: 'null' },
            { name: 'birth_date', category: 'identity.date-of-birth', erase: 'null' },
            { name: 'national_number', category: 'identity.national-number', erase: 'null' },
            { name: 'iban', category: 'financial.bank-account', erase: 'null' },
          ]),
        ],
      },
      {
        name: 'addresses',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id' }],
        columns: cols([
          { name: 'street', category: 'contact.postal-address', erase: 'delete' },
          { name: 'postal_code', category: 'contact.postal-code', erase: 'delete' },
          { name: 'city', category: 'contact.postal-address', erase: 'delete' },
        ]),
      },
      {
        name: 'orders',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id' }],
        purpose: 'customers',
        anchor: 'customers.contract_ended_at',
        columns: cols([
          { name: 'delivery_note', category: 'commercial.order-history', erase: 'null' },
          { name: 'total', category: 'commercial.order-history', erase: 'keep' },
        ]),
      },
      {
        name: 'order_lines',
        primaryKey: 'id',
        references: [{ column: 'order_id', to: 'orders.id' }],
        columns: [{ name: 'product', category: 'commercial.order-history', erase: 'keep' }],
      },
      {
        name: 'invoices',
        primaryKey: 'id',
        references: [
          { column: 'customer_id', to: 'customers.id' },
          { column: 'order_id', to: 'orders.id' },
        ],
        purpose: 'invoicing',
        anchor: 'issued_at',
        holds: [
          {
            hold: 'vat-invoices',
            anchor: 'issued_at',
            keep: ['number', 'issued_at', 'billing_name', 'vat_number', 'amount'],
          },
        ],
        columns: cols([
          { name: 'number', category: 'financial.invoice', erase: 'keep' },
          { name: 'billing_name', category: 'identity.name', erase: 'null' },
          { name: 'vat_number', category: 'professional.company-number', erase: 'null' },
          { name: 'payment_card', category: 'financial.card-number', erase: 'null' },
        ]),
      },
      {
        name: 'newsletter_subscriptions',
        primaryKey: 'id',
        purpose: 'newsletter',
        anchor: 'last_contact_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' },
          ...cols([{ name: 'first_name', category: 'identity.name', erase: 'delete' }]),
        ],
      },
      {
        name: 'event_registrations',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id', nullable: true }],
        purpose: 'events',
        anchor: 'registered_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' },
          ...cols([{ name: 'full_name', category: 'identity.name', erase: 'delete' }]),
        ],
      },
      {
        name: 'support_tickets',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id', nullable: true }],
        purpose: 'support',
        anchor: 'received_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'hash' },
          ...cols([
            { name: 'subject', category: 'communication.support-ticket', erase: 'redact' },
            { name: 'body', category: 'communication.support-ticket', erase: 'redact' },
          ]),
        ],
      },
      {
        name: 'consents',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id' }],
        columns: cols([
          { name: 'purpose', category: 'consent.record', erase: 'keep' },
          { name: 'source_ip', category: 'online.ip-address', erase: 'null' },
        ]),
      },
      {
        name: 'log_entries',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id' }],
        purpose: 'security',
        anchor: 'at',
        columns: cols([
          { name: 'ip', category: 'online.ip-address', erase: 'null' },
          { name: 'user_agent', category: 'online.user-agent', erase: 'null' },
        ]),
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Valid values with checksums

function mod97(digits: string): number {
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder;
}

function belgianIban(n: number): string {
  const account = String(100_000_000 + n * 7919)
    .padStart(10, '0')
    .slice(-10);
  const bankCheck = mod97(account) === 0 ? 97 : mod97(account);
  const bban = `${account}${String(bankCheck).padStart(2, '0')}`;
  // IBAN check digits: 98 − (BBAN + "BE00" as digits) mod 97; B=11, E=14.
  const check = 98 - mod97(`${bban}111400`);
  return `BE${String(check).padStart(2, '0')}${bban}`;
}

function nationalNumber(n: number): string {
  const year = 50 + (n % 45);
  const month = 1 + (n % 12);
  const day = 1 + (n % 28);
  const serial = 1 + (n % 997);
  const base = `${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  const check = 97 - (Number(base) % 97);
  return `${base.slice(0, 2)}.${base.slice(2, 4)}.${base.slice(4, 6)}-${base.slice(6, 9)}.${String(check).padStart(2, '0')}`;
}

function companyNumber(n: number): string {
  const base = `0${String(200_000_0 + n * 13)
    .padStart(7, '0')
    .slice(-7)}`;
  const check = 97 - (Number(base) % 97);
  const digits = `${base}${String(check).padStart(2, '0')}`;
  return `BE${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

function cardNumber(n: number): string {
  const body = `4${String(100_000_000_000_00 + n * 104_729)
    .padStart(14, '0')
    .slice(-14)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Generation

export interface GenerateOptions {
  customers: number;
  /** Extra log entries for the heavy customer (memory measurement). */
  heavyRows: number;
  log?: (text: string) => void;
}

function ddl(dialect: Dialect): string[] {
  const bool = dialect === 'postgres' ? 'boolean' : 'tinyint(1)';
  const ts = dialect === 'postgres' ? 'timestamptz' : 'datetime';
  const tail = dialect === 'mysql' ? ' engine=InnoDB' : '';
  return [
    `create table bench_values (kind varchar(20) not null, i integer not null, value varchar(40) not null, primary key (kind, i))${tail}`,
    `create table customers (id bigint primary key, email varchar(255) not null, customer_number varchar(20) not null, first_name varchar(100), last_name varchar(100),
      phone varchar(30), birth_date date, national_number varchar(20), iban varchar(34), restricted ${bool} not null default false,
      created_at ${ts} not null, contract_ended_at ${ts} null)${tail}`,
    `create table addresses (id bigint primary key, customer_id bigint not null, street varchar(200), postal_code varchar(10), city varchar(100), country char(2))${tail}`,
    `create table orders (id bigint primary key, customer_id bigint not null, ordered_at ${ts} not null, delivery_note varchar(200), total decimal(10,2))${tail}`,
    `create table order_lines (id bigint primary key, order_id bigint not null, product varchar(50) not null, quantity integer not null, price decimal(10,2))${tail}`,
    `create table invoices (id bigint primary key, order_id bigint not null, customer_id bigint not null, number varchar(20) not null, issued_at ${ts} not null,
      billing_name varchar(200), vat_number varchar(20), payment_card varchar(25), amount decimal(10,2))${tail}`,
    `create table newsletter_subscriptions (id bigint primary key, email varchar(255) not null, first_name varchar(100), subscribed_at ${ts} not null, last_contact_at ${ts})${tail}`,
    `create table event_registrations (id bigint primary key, customer_id bigint, email varchar(255) not null, full_name varchar(200), event_code varchar(20), registered_at ${ts} not null)${tail}`,
    `create table support_tickets (id bigint primary key, customer_id bigint, email varchar(255) not null, subject varchar(200), body text, received_at ${ts} not null)${tail}`,
    `create table consents (id bigint primary key, customer_id bigint not null, purpose varchar(40) not null, given_at ${ts} not null, source_ip varchar(45))${tail}`,
    `create table log_entries (id bigint primary key, customer_id bigint not null, at ${ts} not null, ip varchar(45), user_agent varchar(200), action varchar(40))${tail}`,
  ];
}

const indexes = [
  'create unique index customers_email on customers (email)',
  'create unique index customers_number on customers (customer_number)',
  'create index addresses_customer on addresses (customer_id)',
  'create index orders_customer on orders (customer_id)',
  'create index order_lines_order on order_lines (order_id)',
  'create index invoices_customer on invoices (customer_id)',
  'create index invoices_order on invoices (order_id)',
  'create index newsletter_email on newsletter_subscriptions (email)',
  'create index events_email on event_registrations (email)',
  'create index events_customer on event_registrations (customer_id)',
  'create index tickets_email on support_tickets (email)',
  'create index tickets_customer on support_tickets (customer_id)',
  'create index consents_customer on consents (customer_id)',
  'create index log_entries_customer on log_entries (customer_id)',
];

const foreignKeys = [
  'alter table addresses add constraint addresses_fk foreign key (customer_id) references customers (id)',
  'alter table orders add constraint orders_fk foreign key (customer_id) references customers (id)',
  'alter table order_lines add constraint order_lines_fk foreign key (order_id) references orders (id)',
  'alter table invoices add constraint invoices_customer_fk foreign key (customer_id) references customers (id)',
  'alter table invoices add constraint invoices_order_fk foreign key (order_id) references orders (id)',
  'alter table event_registrations add constraint events_fk foreign key (customer_id) references customers (id)',
  'alter table support_tickets add constraint tickets_fk foreign key (customer_id) references customers (id)',
  'alter table consents add constraint consents_fk foreign key (customer_id) references customers (id)',
  'alter table log_entries add constraint log_entries_fk foreign key (customer_id) references customers (id)',
];

/** Creates and fills the company database; returns the number of rows per table. */
export async function generateCompanyDatabase(
  driver: SqlDriver,
  options: GenerateOptions,
): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  const c = options.customers;
  const pg = driver.dialect === 'postgres';
  for (const statement of ddl(driver.dialect)) await driver.query(statement);
  const lookups: [string, (n: number) => string][] = [
    ['iban', belgianIban],
    ['nn', nationalNumber],
    ['vat', companyNumber],
    ['card', cardNumber],
  ];
  for (const [kind, make] of lookups) {
    const values = Array.from({ length: 1000 }, (_, i) => [kind, i, make(i)] as const);
    const placeholders = values
      .map((_, i) => (pg ? `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})` : '(?, ?, ?)'))
      .join(', ');
    await driver.query(`insert into bench_values (kind, i, value) values ${placeholders}`, values.flat());
  }
  // A row source of n integers: generate_series, or MariaDB's SEQUENCE engine.
  const series = (n: number) => (pg ? `generate_series(1, ${n}) as s(n)` : `seq_1_to_${n} as s`);
  const n = pg ? 's.n' : 's.seq';
  const days = (expression: string) =>
    pg ? `now() - (${expression}) * interval '1 day'` : `now() - interval (${expression}) day`;
  const concat = (...parts: string[]) => (pg ? parts.join(' || ') : `concat(${parts.join(', ')})`);
  const text = (expression: string) => (pg ? `(${expression})::text` : `cast(${expression} as char)`);
  const lookup = (kind: string, expression: string) =>
    `(select value from bench_values v where v.kind = '${kind}' and v.i = (${expression}) % 1000)`;
  const hex = (expression: string) => (pg ? `to_hex(${expression})` : `hex(${expression})`);
  const mod = (a: string, b: number) => `mod(${a}, ${b})`;
  const started = Date.now();
  const step = async (label: string, statement: string) => {
    const t = Date.now();
    await driver.query(statement);
    log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };

  await step(
    'customers',
    `insert into customers select ${n}, ${concat("'c'", text(n), "'@example.be'")}, ${concat("'C-'", text(n))},
      ${concat("'First'", text(mod(n, 5000)))}, ${concat("'Last'", text(mod(n, 20000)))}, ${concat("'+3247'", pg ? `lpad(${text(n)}, 7, '0')` : `lpad(${n}, 7, '0')`)},
      ${pg ? `date '1950-01-01' + (${n} % 18000)::int` : `date_add('1950-01-01', interval mod(${n}, 18000) day)`},
      ${lookup('nn', n)}, ${lookup('iban', n)}, false, ${days(mod(n, 3650))},
      case when ${mod(n, 4)} = 0 then ${days(mod(n, 5000))} else null end
    from ${series(c)}`,
  );
  await step(
    'addresses',
    `insert into addresses select ${n}, ${n}, ${concat("'Kerkstraat '", text(mod(n, 300)))}, ${text(`1000 + ${mod(n, 8999)}`)}, 'Gent', 'BE' from ${series(c)}`,
  );
  await step(
    'orders',
    `insert into orders select ${n}, ${mod(`${n} - 1`, c)} + 1, ${days(mod(n, 4000))}, case when ${mod(n, 3)} = 0 then 'leave at the door' else null end, ${mod(n, 500)} + 0.5 from ${series(2 * c)}`,
  );
  await step(
    'order_lines',
    `insert into order_lines select ${n}, ${mod(`${n} - 1`, 2 * c)} + 1, ${concat("'product-'", text(mod(n, 200)))}, 1 + ${mod(n, 3)}, ${mod(n, 90)} + 0.99 from ${series(3 * c)}`,
  );
  await step(
    'invoices',
    `insert into invoices select ${n}, ${n}, ${mod(`${n} - 1`, c)} + 1, ${concat("'F-'", text(n))}, ${days(mod(n, 4500))},
      ${concat("'First'", text(mod(n, 5000)), "' Last'", text(mod(n, 20000)))}, ${lookup('vat', n)}, ${lookup('card', n)}, ${mod(n, 900)} + 0.25 from ${series(c)}`,
  );
  await step(
    'newsletter_subscriptions',
    `insert into newsletter_subscriptions select ${n}, ${concat("'c'", text(`${n} * 2`), "'@example.be'")}, ${concat("'First'", text(mod(n, 5000)))}, ${days(mod(n, 2000))}, ${days(mod(n, 1500))} from ${series(Math.floor(c / 2))}`,
  );
  await step(
    'event_registrations',
    `insert into event_registrations select ${n}, case when ${mod(n, 10)} = 0 then null else ${n} * 2 end, ${concat("'c'", text(`${n} * 2`), "'@example.be'")},
      ${concat("'First'", text(mod(n, 5000)), "' Last'", text(mod(n, 20000)))}, ${concat("'EV-'", text(mod(n, 400)))}, ${days(mod(n, 1000))} from ${series(Math.floor(c / 2))}`,
  );
  await step(
    'support_tickets',
    `insert into support_tickets select ${n}, ${n} * 2 - 1, ${concat("'c'", text(`${n} * 2 - 1`), "'@example.be'")}, 'Question about my order',
      'Hello, where is my parcel? Kind regards', ${days(mod(n, 1200))} from ${series(Math.floor(c / 2))}`,
  );
  await step(
    'consents',
    `insert into consents select ${n}, ${n} * 2, 'newsletter', ${days(mod(n, 800))}, ${concat("'192.0.2.'", text(mod(n, 250)))} from ${series(Math.floor(c / 2))}`,
  );
  await step(
    'log_entries',
    `insert into log_entries select ${n}, ${mod(`${n} - 1`, c)} + 1, ${days(mod(n, 400))},
      case when ${mod(n, 2)} = 0 then ${concat("'10.'", text(mod(n, 250)), "'.'", text(mod(n, 199)), "'.7'")} else ${concat("'2001:db8::'", hex(n))} end,
      'Mozilla/5.0 (X11; Linux x86_64)', 'login' from ${series(c)}`,
  );
  if (options.heavyRows > 0) {
    await step(
      'log_entries (heavy subject)',
      `insert into log_entries select ${c} + ${n}, ${heavyCustomerId}, ${days(mod(n, 400))}, '10.0.0.1', 'Mozilla/5.0', 'api-call' from ${series(options.heavyRows)}`,
    );
  }
  // The restriction flag, indexed as docs/ownership.md advises: each retention batch looks the restricted rows up.
  const restrictedIndex = pg
    ? 'create index customers_restricted on customers (id) where restricted'
    : 'create index customers_restricted on customers (restricted)';
  for (const statement of [...indexes, restrictedIndex])
    await step(/index (\w+)/.exec(statement)?.[1] ?? 'index', statement);
  for (const statement of foreignKeys) await step(statement.split(' ')[5] ?? 'fk', statement);
  if (pg) await driver.query('analyze');
  else
    for (const table of [
      'customers',
      'addresses',
      'orders',
      'order_lines',
      'invoices',
      'newsletter_subscriptions',
      'event_registrations',
      'support_tickets',
      'consents',
      'log_entries',
    ])
      await driver.query(`analyze table ${table}`);
  log(`  generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const counts: Record<string, number> = {};
  for (const table of [
    'customers',
    'addresses',
    'orders',
    'order_lines',
    'invoices',
    'newsletter_subscriptions',
    'event_registrations',
    'support_tickets',
    'consents',
    'log_entries',
  ]) {
    const { rows } = await driver.query(`select count(*) as n from ${table}`);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
