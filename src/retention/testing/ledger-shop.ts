/**
 * Test fixture of the honest-retention tests (test-only module): a shop on a real PostgreSQL or MariaDB where a
 * retention run meets everything that must not be deleted — a restricted customer (Art. 18) whose orders, order lines,
 * invoices and account (a profile row) are due; a due customer an invoice under a VAT hold still references; one a
 * table no rule governs references; a voucher a redemption references and that has nothing to anonymise — and a
 * column rule (the ID-card copy erased 30 days after acceptance while the customer stays).
 */
import { addDuration, duration } from '../../charter/duration.js';
import type { Charter } from '../../charter/schema.js';
import type { SqlDriver } from '../../stores/sql/driver.js';
import { insertRows } from '../../stores/testing/shop.js';
import { dialectTypes, fixtureYaml, loadFixtureCharter, readTables, recreateTables, type StoreKind } from './crm.js';

export const ledgerTables = [
  'redemptions',
  'vouchers',
  'notes',
  'invoices',
  'order_lines',
  'orders',
  'customers',
  'accounts',
] as const;

export function ledgerDdl(kind: StoreKind): string[] {
  const { time, engine } = dialectTypes(kind);
  return [
    `create table accounts (id integer primary key, username varchar(100), last_login_at ${time} null)${engine}`,
    `create table customers (id integer primary key, email varchar(200), name varchar(200), account_id integer null references accounts(id),
       ended_at ${time} null, accepted_at ${time} null, id_card_copy varchar(200) null, restricted boolean not null default false)${engine}`,
    `create table orders (id integer primary key, customer_id integer not null references customers(id), placed_at ${time} not null, address varchar(200))${engine}`,
    `create table order_lines (id integer primary key, order_id integer not null references orders(id), product varchar(100))${engine}`,
    `create table invoices (id integer primary key, customer_id integer not null references customers(id), issued_at ${time} not null, billing_name varchar(200))${engine}`,
    `create table notes (id integer primary key, customer_id integer not null references customers(id), body varchar(200))${engine}`,
    `create table vouchers (id integer primary key, code varchar(40) not null, created_at ${time} not null)${engine}`,
    `create table redemptions (id integer primary key, voucher_id integer not null references vouchers(id), note varchar(200))${engine}`,
  ];
}

export async function seedLedgerShop(driver: SqlDriver, kind: StoreKind, now: Date): Promise<void> {
  const ago = (iso: string) => addDuration(now, duration(iso), -1);
  await recreateTables(driver, ledgerTables, ledgerDdl(kind));
  const rows: Record<string, Record<string, unknown>[]> = {
    accounts: [
      { id: 501, username: 'u1', last_login_at: ago('P2Y') }, // due: deleted, customer 1 unlinked
      { id: 502, username: 'u2', last_login_at: ago('P2Y') }, // due, but the restricted customer 2's profile: kept
      { id: 503, username: 'u3', last_login_at: ago('P1M') }, // not yet
    ],
    customers: [
      {
        id: 1,
        email: 'one@example.be',
        name: 'One',
        account_id: 501,
        ended_at: null,
        accepted_at: ago('P1Y'),
        id_card_copy: 'ID-1',
        restricted: false,
      }, // ID card erased
      {
        id: 2,
        email: 'two@example.be',
        name: 'Two',
        account_id: 502,
        ended_at: ago('P11Y'),
        accepted_at: ago('P11Y'),
        id_card_copy: 'ID-2',
        restricted: true,
      }, // restricted
      {
        id: 3,
        email: 'three@example.be',
        name: 'Three',
        account_id: null,
        ended_at: ago('P11Y'),
        accepted_at: null,
        id_card_copy: null,
        restricted: false,
      }, // blocked by a held invoice
      {
        id: 4,
        email: 'four@example.be',
        name: 'Four',
        account_id: null,
        ended_at: ago('P11Y'),
        accepted_at: null,
        id_card_copy: null,
        restricted: false,
      }, // blocked by an ungoverned note
      {
        id: 5,
        email: 'five@example.be',
        name: 'Five',
        account_id: null,
        ended_at: ago('P11Y'),
        accepted_at: null,
        id_card_copy: null,
        restricted: false,
      }, // deleted after its order
      {
        id: 6,
        email: 'six@example.be',
        name: 'Six',
        account_id: null,
        ended_at: ago('P1Y'),
        accepted_at: ago('P10D'),
        id_card_copy: 'ID-6',
        restricted: false,
      }, // nothing due
    ],
    orders: [
      { id: 20, customer_id: 2, placed_at: ago('P3Y'), address: 'Street 2' }, // due, the restricted customer's: kept
      { id: 21, customer_id: 5, placed_at: ago('P3Y'), address: 'Street 5' }, // due: deleted
    ],
    order_lines: [
      { id: 200, order_id: 20, product: 'lamp' }, // two levels under the restricted customer: kept
      { id: 201, order_id: 21, product: 'chair' }, // deleted
    ],
    invoices: [
      { id: 30, customer_id: 2, issued_at: ago('P12Y'), billing_name: 'Two' }, // due, VAT hold over, restricted customer: kept
      { id: 31, customer_id: 3, issued_at: ago('P5Y'), billing_name: 'Three' }, // under the VAT hold
    ],
    notes: [{ id: 40, customer_id: 4, body: 'called' }],
    vouchers: [
      { id: 60, code: 'V-60', created_at: ago('P2Y') }, // due, redeemed: stays (nothing to anonymise)
      { id: 61, code: 'V-61', created_at: ago('P2Y') }, // due: deleted
    ],
    redemptions: [{ id: 600, voucher_id: 60, note: 'used' }],
  };
  for (const table of [...ledgerTables].reverse()) await insertRows(driver, table, rows[table] ?? []);
}

export async function readLedgerShop(driver: SqlDriver): Promise<Record<string, Record<string, unknown>[]>> {
  return readTables(driver, ledgerTables);
}

/** The shop's purposes: accounts, an identity check on one column, orders, invoices under a hold, vouchers. */
const shopPurposes = `
  - id: customers
    name: Customers
    description: We keep our customers' accounts.
    legalBasis: contract
    subjects: [customer]
    data: [contact.email, identity.name, account.username]
    retention: { duration: P10Y, from: end-of-contract, action: delete }
  - id: id-checks
    name: Identity checks
    description: We check a new customer's identity card.
    legalBasis: legal-obligation
    legalObligation: Anti-money-laundering law, art. 26
    subjects: [customer]
    data: [identity.id-document]
    retention: { duration: P30D, from: collection, action: delete }
  - id: shop-orders
    name: Orders
    description: We deliver orders.
    legalBasis: contract
    subjects: [customer]
    data: [contact.postal-address, commercial.order-history]
    retention: { duration: P2Y, from: collection, action: delete }
  - id: invoicing
    name: Invoicing
    description: We send and keep invoices.
    legalBasis: legal-obligation
    legalObligation: Belgian VAT Code
    subjects: [customer]
    data: [identity.name, financial.invoice]
    retention: { duration: P2Y, from: collection, action: delete, holds: [vat-invoices] }
  - id: accounts
    name: Accounts
    description: Your login.
    legalBasis: contract
    subjects: [customer]
    data: [account.username]
    retention: { duration: P1Y, from: last-contact, action: delete }
  - id: vouchers
    name: Vouchers
    description: Gift vouchers.
    legalBasis: contract
    subjects: [customer]
    data: [commercial.loyalty]
    retention: { duration: P1Y, from: collection, action: delete }`;

/** The VAT hold and the shop store, with an ungoverned table (notes) and one referencing vouchers (redemptions). */
function shopStoreYaml(options: { connection: string; kind: StoreKind }): string {
  return `
holds:
  - id: vat-invoices
    reason: Invoices must be kept for the tax authorities.
    law: Belgian VAT Code, art. 60
    duration: P10Y
stores:
  - id: shop
    kind: ${options.kind}
    connection: ${options.connection}
    tables:
      - name: accounts
        primaryKey: id
        purpose: accounts
        anchor: last_login_at
        columns:
          - { name: username, category: account.username, erase: delete }
      - name: customers
        primaryKey: id
        purpose: customers
        anchor: ended_at
        restrictColumn: restricted
        rules:
          - { purpose: id-checks, anchor: accepted_at, columns: [id_card_copy] }
        references:
          - { column: account_id, to: accounts.id, profile: true, nullable: true }
        columns:
          - { name: email, category: contact.email, identity: email, erase: hash }
          - { name: name, category: identity.name, erase: redact }
          - { name: id_card_copy, category: identity.id-document, erase: 'null' }
      - name: orders
        primaryKey: id
        purpose: shop-orders
        anchor: placed_at
        references:
          - { column: customer_id, to: customers.id }
        columns:
          - { name: address, category: contact.postal-address, erase: 'null' }
      - name: order_lines
        primaryKey: id
        purpose: shop-orders
        anchor: orders.placed_at
        references:
          - { column: order_id, to: orders.id }
        columns:
          - { name: product, category: commercial.order-history, erase: keep }
      - name: invoices
        primaryKey: id
        purpose: invoicing
        anchor: issued_at
        references:
          - { column: customer_id, to: customers.id }
        holds:
          - { hold: vat-invoices, anchor: issued_at }
        columns:
          - { name: billing_name, category: identity.name, erase: 'null' }
      - name: notes
        primaryKey: id
        references:
          - { column: customer_id, to: customers.id }
        columns:
          - { name: body, category: commercial.feedback, erase: redact }
      - name: vouchers
        primaryKey: id
        purpose: vouchers
        anchor: created_at
        columns:
          - { name: code, category: commercial.loyalty, identity: customer-number, erase: keep }
      - name: redemptions
        primaryKey: id
        references:
          - { column: voucher_id, to: vouchers.id }
        columns:
          - { name: note, category: commercial.loyalty, erase: 'null' }
`;
}

export function ledgerShopYaml(options: { organisation?: string; connection: string; kind: StoreKind }): string {
  return fixtureYaml(shopPurposes, shopStoreYaml(options), options.organisation);
}

export function ledgerShopCharter(options: { organisation?: string; connection: string; kind: StoreKind }): Charter {
  return loadFixtureCharter(ledgerShopYaml(options), 'ledger-shop.yaml', 'ledger shop');
}
