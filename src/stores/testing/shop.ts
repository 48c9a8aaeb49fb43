/**
 * A small shop database used by the connector contract suite, the crash test and the reference HTTP adapter's demo:
 * the same tables and rows on PostgreSQL, PGlite and MariaDB, and the charter `stores` declaration that describes
 * them. Dates are relative to `now` so holds and retention give the same answers whenever the tests run.
 */
import { addDuration, duration } from '../../charter/duration.js';
import type { Store } from '../../charter/schema.js';
import { storeSchema } from '../../charter/schema.js';
import type { HoldDefinition } from '../plan.js';
import type { Dialect, SqlDriver } from '../sql/driver.js';

export const shopHolds: HoldDefinition[] = [
  { id: 'vat-invoices', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' },
  { id: 'legal-claim', law: 'Belgian Civil Code, art. 2262bis (limitation of claims)' },
];

/** The store declaration, as a charter would write it (parsed through the schema, defaults applied). */
export function shopStore(kind: Store['kind'] = 'postgres', id = 'shop'): Store {
  return storeSchema.parse({
    id,
    kind,
    connection: 'SHOP_DATABASE_URL',
    ...(kind === 'http' ? { secret: 'SHOP_ADAPTER_SECRET' } : {}),
    tables: [
      {
        name: 'customers',
        primaryKey: 'id',
        restrictColumn: 'processing_restricted',
        purpose: 'orders',
        anchor: 'contract_ended_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'hash' },
          { name: 'customer_number', category: 'commercial.contract', identity: 'customer-number', erase: 'keep' },
          { name: 'name', category: 'identity.name', erase: 'redact' },
          { name: 'phone', category: 'contact.phone', erase: 'null' },
          { name: 'password_hash', category: 'account.password', erase: 'null', secret: true },
        ],
      },
      {
        name: 'orders',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id' }],
        purpose: 'orders',
        anchor: 'customers.contract_ended_at',
        columns: [
          { name: 'delivery_address', category: 'contact.postal-address', erase: 'delete' },
          { name: 'note', category: 'commercial.order-history', erase: 'delete' },
        ],
      },
      { name: 'order_lines', primaryKey: 'id', references: [{ column: 'order_id', to: 'orders.id' }] },
      {
        name: 'invoices',
        primaryKey: 'id',
        references: [
          { column: 'customer_id', to: 'customers.id' },
          { column: 'order_id', to: 'orders.id', nullable: true },
        ],
        purpose: 'orders',
        anchor: 'issued_at',
        holds: [
          { hold: 'legal-claim', flag: 'legal_claim' },
          { hold: 'vat-invoices', anchor: 'issued_at', keep: ['number', 'issued_at', 'billing_name', 'amount'] },
        ],
        columns: [
          { name: 'number', category: 'financial.invoice', erase: 'keep' },
          { name: 'billing_name', category: 'identity.name', erase: 'null' },
          { name: 'billing_email', category: 'contact.email', erase: 'null' },
          { name: 'amount', category: 'financial.invoice', erase: 'keep' },
        ],
      },
      {
        name: 'newsletter',
        primaryKey: 'id',
        purpose: 'newsletter',
        anchor: 'last_contact_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' },
          { name: 'first_name', category: 'identity.name', erase: 'delete' },
        ],
      },
      {
        name: 'tickets',
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: 'customers.id', nullable: true }],
        purpose: 'support',
        anchor: 'received_at',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'hash' },
          { name: 'body', category: 'communication.message', erase: 'redact' },
        ],
      },
    ],
  });
}

export function shopDdl(dialect: Dialect): string[] {
  // MariaDB would create a second foreign key from an inline REFERENCES next to the explicit one.
  return shopDdlText(dialect).map((statement) =>
    dialect === 'mysql' ? statement.replace(/(?<!\)) references \w+\(id\)/g, '') : statement,
  );
}

function shopDdlText(dialect: Dialect): string[] {
  const bool = dialect === 'postgres' ? 'boolean' : 'tinyint(1)';
  const ts = dialect === 'postgres' ? 'timestamptz' : 'datetime(3)';
  const engine = dialect === 'mysql' ? ' engine=InnoDB' : '';
  return [
    `create table customers (id integer primary key, email varchar(255) not null unique, customer_number varchar(20) unique,
      name varchar(200) not null, phone varchar(40), password_hash varchar(100), processing_restricted ${bool} not null default false,
      contract_ended_at ${ts} null, created_at ${ts} not null)${engine}`,
    `create table orders (id integer primary key, customer_id integer not null references customers(id),
      delivery_address varchar(300), note text, ordered_at ${ts} not null${dialect === 'mysql' ? ', foreign key (customer_id) references customers(id)' : ''})${engine}`,
    `create table order_lines (id integer primary key, order_id integer not null references orders(id), product varchar(100) not null,
      quantity integer not null${dialect === 'mysql' ? ', foreign key (order_id) references orders(id)' : ''})${engine}`,
    `create table invoices (id integer primary key, customer_id integer not null references customers(id), order_id integer references orders(id),
      number varchar(30) not null, issued_at ${ts} not null, billing_name varchar(200), billing_email varchar(255),
      amount decimal(10,2) not null, legal_claim ${bool} not null default false${dialect === 'mysql' ? ', foreign key (customer_id) references customers(id), foreign key (order_id) references orders(id)' : ''})${engine}`,
    `create table newsletter (id integer primary key, email varchar(255) not null, first_name varchar(100), subscribed_at ${ts} not null,
      last_contact_at ${ts})${engine}`,
    `create table tickets (id integer primary key, customer_id integer references customers(id), email varchar(255) not null,
      body text not null, received_at ${ts} not null${dialect === 'mysql' ? ', foreign key (customer_id) references customers(id)' : ''})${engine}`,
  ];
}

type Row = Record<string, unknown>;

/** Relative to `now`: the instant `iso` (an ISO 8601 duration) before it. */
type Ago = (iso: string) => Date;

/** Alice (contract ended two years ago), Bob (eleven years ago) and Carol (still a customer). */
function shopCustomers(ago: Ago): Row[] {
  return [
    {
      id: 1,
      email: 'alice@example.be',
      customer_number: 'C-0001',
      name: 'Alice Peeters',
      phone: '+32470000001',
      password_hash: '$argon2id$alice',
      processing_restricted: false,
      contract_ended_at: ago('P2Y'),
      created_at: ago('P12Y'),
    },
    {
      id: 2,
      email: 'bob@example.be',
      customer_number: 'C-0002',
      name: 'Bob Janssens',
      phone: '+32470000002',
      password_hash: '$argon2id$bob',
      processing_restricted: false,
      contract_ended_at: ago('P11Y'),
      created_at: ago('P15Y'),
    },
    {
      id: 3,
      email: 'carol@example.be',
      customer_number: 'C-0003',
      name: 'Carol Maes',
      phone: null,
      password_hash: null,
      processing_restricted: false,
      contract_ended_at: null,
      created_at: ago('P1Y'),
    },
  ];
}

/** Alice's three orders, Bob's one, Carol's thirty, and optionally many more of Alice's. */
function shopOrders(ago: Ago, extraOrders: number): Row[] {
  const orders: Row[] = [
    {
      id: 10,
      customer_id: 1,
      delivery_address: 'Kerkstraat 1, 9000 Gent',
      note: 'ring twice',
      ordered_at: ago('P12Y'),
    },
    { id: 11, customer_id: 1, delivery_address: 'Kerkstraat 1, 9000 Gent', note: null, ordered_at: ago('P3Y') },
    { id: 12, customer_id: 1, delivery_address: 'Veldstraat 9, 9000 Gent', note: 'gift', ordered_at: ago('P2Y') },
    { id: 20, customer_id: 2, delivery_address: 'Markt 2, 2000 Antwerpen', note: null, ordered_at: ago('P11Y') },
  ];
  for (let i = 0; i < 30; i++)
    orders.push({
      id: 100 + i,
      customer_id: 3,
      delivery_address: `Dorp ${i}, 3000 Leuven`,
      note: null,
      ordered_at: ago(`P${i + 1}D`),
    });
  // Extra orders for Alice (the crash test needs an erasure of many batches).
  for (let i = 0; i < extraOrders; i++) {
    orders.push({
      id: 10_000 + i,
      customer_id: 1,
      delivery_address: `Kouter ${i}, 9000 Gent`,
      note: `order ${i}`,
      ordered_at: ago(`P${(i % 300) + 1}D`),
    });
  }
  return orders;
}

/** Two lines per order. */
function shopOrderLines(orders: readonly Row[]): Row[] {
  const lines: Row[] = [];
  let lineId = 1000;
  // Line ids of the extra orders start far above the fixed ones.
  const extraLineStart = 100_000;
  let extraLineId = extraLineStart;
  for (const order of orders) {
    const extra = (order.id as number) >= 10_000;
    for (let j = 0; j < 2; j++)
      lines.push({
        id: extra ? extraLineId++ : lineId++,
        order_id: order.id,
        product: `product-${j}`,
        quantity: j + 1,
      });
  }
  return lines;
}

/** Alice's invoices (one old, one under the VAT hold, one under a legal claim), Carol's and Bob's. */
function shopInvoices(ago: Ago): Row[] {
  return [
    {
      id: 50,
      customer_id: 1,
      order_id: 10,
      number: 'F-2013-001',
      issued_at: ago('P12Y'),
      billing_name: 'Alice Peeters',
      billing_email: 'alice@example.be',
      amount: 120.5,
      legal_claim: false,
    },
    {
      id: 51,
      customer_id: 1,
      order_id: 12,
      number: 'F-2024-051',
      issued_at: ago('P2Y'),
      billing_name: 'Alice Peeters',
      billing_email: 'alice@example.be',
      amount: 99,
      legal_claim: false,
    },
    {
      id: 52,
      customer_id: 1,
      order_id: 11,
      number: 'F-2023-052',
      issued_at: ago('P3Y'),
      billing_name: 'Alice Peeters',
      billing_email: 'billing@alice.example',
      amount: 10,
      legal_claim: true,
    },
    {
      id: 53,
      customer_id: 3,
      order_id: 100,
      number: 'F-2025-053',
      issued_at: ago('P6M'),
      billing_name: 'Carol Maes',
      billing_email: 'carol@example.be',
      amount: 12,
      legal_claim: false,
    },
    {
      id: 60,
      customer_id: 2,
      order_id: 20,
      number: 'F-2014-060',
      issued_at: ago('P11Y'),
      billing_name: 'Bob Janssens',
      billing_email: 'bob@example.be',
      amount: 75,
      legal_claim: false,
    },
  ];
}

/** Subscribers, some with their last contact long ago, one never contacted. */
function shopNewsletter(ago: Ago): Row[] {
  return [
    { id: 70, email: 'alice@example.be', first_name: 'Alice', subscribed_at: ago('P5Y'), last_contact_at: ago('P4Y') },
    { id: 71, email: 'bob@example.be', first_name: 'Bob', subscribed_at: ago('P5Y'), last_contact_at: ago('P1Y') },
    { id: 72, email: 'dave@example.be', first_name: 'Dave', subscribed_at: ago('P6Y'), last_contact_at: ago('P5Y') },
    { id: 73, email: 'erin@example.be', first_name: 'Erin', subscribed_at: ago('P6Y'), last_contact_at: null },
    {
      id: 74,
      email: 'frank@example.be',
      first_name: 'Frank',
      subscribed_at: ago('P4Y'),
      last_contact_at: ago('P3Y6M'),
    },
    { id: 75, email: 'gina@example.be', first_name: 'Gina', subscribed_at: ago('P3Y'), last_contact_at: ago('P2Y6M') },
  ];
}

/** Tickets of Alice (one as a guest), Bob and Carol. */
function shopTickets(ago: Ago): Row[] {
  return [
    { id: 80, customer_id: 1, email: 'alice@example.be', body: 'Where is my parcel?', received_at: ago('P2Y') },
    { id: 81, customer_id: null, email: 'alice@example.be', body: 'Guest question', received_at: ago('P6M') },
    { id: 82, customer_id: 2, email: 'bob@example.be', body: 'Invoice copy please', received_at: ago('P4Y') },
    { id: 83, customer_id: 3, email: 'carol@example.be', body: 'Many orders, one question', received_at: ago('P1M') },
  ];
}

/** The rows of the shop, relative to `now`. Alice has data everywhere; Bob is a bystander; Carol has many orders. */
export function shopRows(now: Date, options: { extraOrders?: number } = {}): Record<string, Row[]> {
  const ago: Ago = (iso) => addDuration(now, duration(iso), -1);
  const orders = shopOrders(ago, options.extraOrders ?? 0);
  return {
    customers: shopCustomers(ago),
    orders,
    order_lines: shopOrderLines(orders),
    invoices: shopInvoices(ago),
    newsletter: shopNewsletter(ago),
    tickets: shopTickets(ago),
  };
}

export const shopTables = ['customers', 'orders', 'order_lines', 'invoices', 'newsletter', 'tickets'] as const;

/** Creates the tables and inserts the rows (multi-row inserts). */
export async function seedShop(driver: SqlDriver, now: Date, options: { extraOrders?: number } = {}): Promise<void> {
  for (const statement of shopDdl(driver.dialect)) await driver.query(statement);
  const rows = shopRows(now, options);
  for (const table of shopTables) {
    for (let start = 0; start < (rows[table] ?? []).length; start += 500)
      await insertRows(driver, table, (rows[table] ?? []).slice(start, start + 500));
  }
}

/** Inserts rows in one statement; dates written as each dialect reads them back. */
export async function insertRows(driver: SqlDriver, table: string, list: Row[]): Promise<void> {
  if (list.length === 0) return;
  const columns = Object.keys(list[0] ?? {});
  let n = 0;
  const placeholders = list.map(
    () => `(${columns.map(() => (driver.dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`,
  );
  const params = list.flatMap((row) =>
    columns.map((c) => {
      const value = row[c];
      if (value instanceof Date)
        return driver.dialect === 'postgres'
          ? value.toISOString()
          : value.toISOString().replace('T', ' ').replace('Z', '');
      return value;
    }),
  );
  await driver.query(`insert into ${table} (${columns.join(', ')}) values ${placeholders.join(', ')}`, params);
}

/** Every row of a table ordered by id, values normalised (dates as ISO strings, booleans as booleans, numbers as numbers). */
export async function readTable(driver: SqlDriver, table: string): Promise<Row[]> {
  const { rows } = await driver.query(`select * from ${table} order by id`);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        if (value instanceof Date) return [key, value.toISOString()];
        if (['processing_restricted', 'legal_claim'].includes(key)) return [key, value === true || value === 1];
        if (key === 'amount' || key === 'id' || key.endsWith('_id'))
          return [key, value === null ? null : Number(value)];
        return [key, value];
      }),
    ),
  );
}
