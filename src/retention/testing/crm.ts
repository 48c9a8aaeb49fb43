/**
 * Test fixture of the retention tests (test-only module): a small CRM store on a real PostgreSQL or MariaDB, with one
 * table per kind of rule — an anchor in the table itself, an anchor in a related table, renewal by consent, a
 * minimum, an anonymisation, duration and flag holds, a restriction — rows dated relative to a fixed "now", and the
 * charter that declares it.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { inject } from 'vitest';
import { addDuration, duration } from '../../charter/duration.js';
import { loadCharter } from '../../charter/loader.js';
import type { Charter } from '../../charter/schema.js';
import type { SqlDriver } from '../../stores/sql/driver.js';
import { createMysqlDriver } from '../../stores/sql/mysql.js';
import { createPostgresDriver } from '../../stores/sql/postgres.js';
import { insertRows, readTable } from '../../stores/testing/shop.js';
import { minimalCharterYaml } from '../../../test/support/charter.js';
import { startMariaDb, type MariaDbServer } from '../../../test/support/mariadb-server.js';
import { startPostgres, type PostgresServer } from '../../../test/support/postgres-server.js';

export type StoreKind = 'postgres' | 'mysql';
export type Row = Record<string, unknown>;

/** The instant the tests run "at". */
export const testNow = new Date('2026-06-15T12:00:00.000Z');
export const testHashKey = 'retention-tests-hash-key-0123456789';

const ago = (iso: string, from: Date = testNow) => addDuration(from, duration(iso), -1);

export interface StoreServers {
  postgres: string;
  mariadb: string;
  stop(): void;
}

/**
 * The PostgreSQL and MariaDB servers of the test run: the global setups' when present, else started here (MariaDB
 * only when asked for: `mariadb: false` leaves its URL empty).
 */
export async function storeServers(options: { mariadb?: boolean } = {}): Promise<StoreServers> {
  let provided: { postgres?: string; mariadb?: string };
  try {
    provided = { postgres: inject('postgresUrl'), mariadb: inject('mariadbUrl') };
  } catch {
    provided = {};
  }
  let startedPg: PostgresServer | undefined;
  let startedMaria: MariaDbServer | undefined;
  const postgres = provided.postgres ?? (startedPg = await startPostgres({ fsync: false })).url;
  const mariadb = provided.mariadb ?? (options.mariadb === false ? '' : (startedMaria = await startMariaDb()).url);
  return {
    postgres,
    mariadb,
    stop() {
      startedPg?.stop();
      startedMaria?.stop();
    },
  };
}

/** A new, empty store database; returns its URL. */
export async function newStoreDatabase(servers: StoreServers, kind: StoreKind): Promise<string> {
  const name = `crm_${randomBytes(5).toString('hex')}`;
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: servers.postgres });
    await client.connect();
    try {
      await client.query(`create database ${name}`);
    } finally {
      await client.end();
    }
    return servers.postgres.replace(/\/postgres$/, `/${name}`);
  }
  const connection = await mysql.createConnection({ uri: servers.mariadb });
  try {
    await connection.query(`create database ${name} character set utf8mb4`);
  } finally {
    await connection.end();
  }
  return `${servers.mariadb}${name}`;
}

export function storeDriver(kind: StoreKind, url: string): SqlDriver {
  return kind === 'postgres' ? createPostgresDriver(url, { poolSize: 2 }) : createMysqlDriver(url, { poolSize: 2 });
}

export const crmTables = [
  'customers',
  'orders',
  'invoices',
  'prospects',
  'newsletter',
  'applications',
  'visits',
] as const;

/** The column type of an instant and the table options, in the dialect a fixture creates its tables in. */
export function dialectTypes(kind: StoreKind): { time: string; engine: string } {
  return {
    time: kind === 'postgres' ? 'timestamptz' : 'datetime(3)',
    engine: kind === 'mysql' ? ' engine=InnoDB' : '',
  };
}

/** Drops a fixture's tables (in the order given: referencing tables first) and creates them again from `ddl`. */
export async function recreateTables(driver: SqlDriver, dropOrder: readonly string[], ddl: string[]): Promise<void> {
  for (const table of dropOrder) await driver.query(`drop table if exists ${table}`);
  for (const statement of ddl) await driver.query(statement);
}

/** Every row of each of `tables`, by table. */
export async function readTables(driver: SqlDriver, tables: readonly string[]): Promise<Record<string, Row[]>> {
  const all: Record<string, Row[]> = {};
  for (const table of tables) all[table] = await readTable(driver, table);
  return all;
}

/** The minimal test charter with a fixture's purposes added and its store declared, for one organisation. */
export function fixtureYaml(purposes: string, storeYaml: string, organisation: string | undefined): string {
  return forOrganisation(minimalCharterYaml.replace('purposes:\n', `purposes:${purposes}\n`) + storeYaml, organisation);
}

/** A fixture's charter, loaded; throws with the problems if the fixture stopped being valid. */
export function loadFixtureCharter(yaml: string, file: string, label: string): Charter {
  const loaded = loadCharter(yaml, file);
  if (!loaded.ok) throw new Error(`${label} charter invalid: ${JSON.stringify(loaded.problems, null, 2)}`);
  return loaded.charter;
}

export function crmDdl(kind: StoreKind): string[] {
  const { time, engine } = dialectTypes(kind);
  return [
    `create table customers (id integer primary key, email varchar(200), name varchar(200) not null, phone varchar(50),
       contract_ended_at ${time} null, processing_restricted boolean not null default false)${engine}`,
    `create index customers_ended on customers (contract_ended_at)`,
    `create table orders (id integer primary key, customer_id integer not null references customers(id),
       delivery_address varchar(300), description varchar(300))${engine}`,
    `create index orders_customer on orders (customer_id)`,
    `create table invoices (id integer primary key, customer_id integer null references customers(id), number varchar(40) not null,
       issued_at ${time} not null, billing_name varchar(200), billing_email varchar(200), iban varchar(64),
       legal_claim boolean not null default false)${engine}`,
    `create index invoices_issued on invoices (issued_at)`,
    `create table prospects (id integer primary key, email varchar(200), name varchar(200), last_contact_at ${time} null)${engine}`,
    `create index prospects_contact on prospects (last_contact_at)`,
    `create table newsletter (id integer primary key, email varchar(200) not null, first_name varchar(100), last_contact_at ${time} null)${engine}`,
    `create table applications (id integer primary key, email varchar(200), name varchar(200), received_at ${time} not null)${engine}`,
    `create table visits (id integer primary key, ip varchar(64), visitor varchar(64), page varchar(200) not null, visited_at ${time} not null)${engine}`,
    `create index visits_at on visits (visited_at)`,
  ];
}

/** Customers by how their contract ended: due, restricted, not yet, running, due with orders or invoices. */
function customerRows(at: (iso: string) => Date): Row[] {
  return [
    {
      id: 1,
      email: 'one@example.be',
      name: 'One',
      phone: '+3211',
      contract_ended_at: at('P11Y'),
      processing_restricted: false,
    }, // due
    {
      id: 2,
      email: 'two@example.be',
      name: 'Two',
      phone: '+3212',
      contract_ended_at: at('P11Y'),
      processing_restricted: true,
    }, // restricted (Art. 18)
    {
      id: 3,
      email: 'three@example.be',
      name: 'Three',
      phone: '+3213',
      contract_ended_at: at('P2Y'),
      processing_restricted: false,
    }, // not yet
    {
      id: 4,
      email: 'four@example.be',
      name: 'Four',
      phone: '+3214',
      contract_ended_at: null,
      processing_restricted: false,
    }, // contract running
    {
      id: 5,
      email: 'five@example.be',
      name: 'Five',
      phone: '+3215',
      contract_ended_at: at('P10Y1D'),
      processing_restricted: false,
    }, // due, has orders
    {
      id: 6,
      email: 'six@example.be',
      name: 'Six',
      phone: '+3216',
      contract_ended_at: at('P10Y6M'),
      processing_restricted: false,
    }, // due, has invoices
    {
      id: 7,
      email: 'seven@example.be',
      name: 'Seven',
      phone: '+3217',
      contract_ended_at: at('P9Y11M'),
      processing_restricted: false,
    }, // due next month
  ];
}

/** Invoices under the VAT hold (over, reducing), not yet due, and under an open legal claim. */
function invoiceRows(at: (iso: string) => Date): Row[] {
  return [
    {
      id: 70,
      customer_id: 6,
      number: 'F-70',
      issued_at: at('P12Y'),
      billing_name: 'Six',
      billing_email: 'six@example.be',
      iban: 'BE70',
      legal_claim: false,
    }, // due, VAT hold over
    {
      id: 71,
      customer_id: 6,
      number: 'F-71',
      issued_at: at('P5Y'),
      billing_name: 'Six',
      billing_email: 'six@example.be',
      iban: 'BE71',
      legal_claim: false,
    }, // due, VAT hold: reduced
    {
      id: 72,
      customer_id: 3,
      number: 'F-72',
      issued_at: at('P1Y'),
      billing_name: 'Three',
      billing_email: 'three@example.be',
      iban: 'BE72',
      legal_claim: false,
    }, // not yet
    {
      id: 73,
      customer_id: 6,
      number: 'F-73',
      issued_at: at('P12Y'),
      billing_name: 'Six',
      billing_email: 'six@example.be',
      iban: 'BE73',
      legal_claim: true,
    }, // open claim
  ];
}

/** The seeded rows, dated from `now`. Comments say what each row is for. */
export function crmRows(now: Date = testNow): Record<(typeof crmTables)[number], Row[]> {
  const at = (iso: string) => ago(iso, now);
  return {
    customers: customerRows(at),
    orders: [
      { id: 50, customer_id: 5, delivery_address: 'Street 5', description: 'projector' }, // due through customer 5
      { id: 51, customer_id: 3, delivery_address: 'Street 3', description: 'screen' }, // not yet
      { id: 52, customer_id: 1, delivery_address: 'Street 1', description: 'cables' }, // due through customer 1
      { id: 53, customer_id: 4, delivery_address: 'Street 4', description: 'speakers' }, // no anchor (contract running)
    ],
    invoices: invoiceRows(at),
    prospects: [
      { id: 80, email: 'p80@example.be', name: 'Old prospect', last_contact_at: at('P4Y') }, // due
      { id: 81, email: 'p81@example.be', name: 'Recent prospect', last_contact_at: at('P1Y') }, // not yet
      { id: 82, email: 'p82@example.be', name: 'Undated prospect', last_contact_at: null }, // no anchor
    ],
    newsletter: [
      { id: 90, email: 'renewed@example.be', first_name: 'Renewed', last_contact_at: at('P4Y') }, // consent 6 months ago: renewed
      { id: 91, email: 'stale@example.be', first_name: 'Stale', last_contact_at: at('P4Y') }, // consent 3.5 years ago: due
      { id: 92, email: 'withdrawn@example.be', first_name: 'Withdrawn', last_contact_at: at('P4Y') }, // consent then withdrawal: due
      { id: 93, email: 'active@example.be', first_name: 'Active', last_contact_at: at('P1Y') }, // not yet
    ],
    applications: [
      { id: 100, email: 'a100@example.be', name: 'Applicant 18m', received_at: at('P1Y6M') }, // past the minimum, within the duration: kept
      { id: 101, email: 'a101@example.be', name: 'Applicant 25m', received_at: at('P2Y1M') }, // past the duration: due
      { id: 102, email: 'a102@example.be', name: 'Applicant 3m', received_at: at('P3M') }, // within the minimum: kept
    ],
    visits: [
      { id: 110, ip: '192.0.2.10', visitor: 'v-110', page: '/home', visited_at: at('P2Y') }, // anonymised
      { id: 111, ip: '192.0.2.11', visitor: 'v-111', page: '/about', visited_at: at('P1M') }, // not yet
    ],
  };
}

/** Purpose consents of the newsletter in the ledger (inserted by the tests), relative to `now`. */
export function newsletterConsents(now: Date = testNow) {
  return [
    { email: 'renewed@example.be', action: 'granted' as const, at: ago('P6M', now) },
    { email: 'stale@example.be', action: 'granted' as const, at: ago('P3Y6M', now) },
    { email: 'withdrawn@example.be', action: 'granted' as const, at: ago('P1Y', now) },
    { email: 'withdrawn@example.be', action: 'withdrawn' as const, at: ago('P6M', now) },
  ];
}

export async function seedCrm(driver: SqlDriver, kind: StoreKind, now: Date = testNow): Promise<void> {
  await recreateTables(driver, [...crmTables].reverse(), crmDdl(kind));
  const rows = crmRows(now);
  for (const table of crmTables) await insertRows(driver, table, rows[table]);
}

/** The stores fixture's helpers, under the names the retention tests use. */
export { insertRows };
export const readRows = readTable;

export async function readAll(driver: SqlDriver): Promise<Record<string, Row[]>> {
  return readTables(driver, crmTables);
}

export const ids = (rows: Row[] | undefined) => (rows ?? []).map((r) => Number(r.id));

/** The minimal test charter's organisation, domain and site renamed after `organisation` (one per test), if given. */
export function forOrganisation(yaml: string, organisation: string | undefined): string {
  if (!organisation) return yaml;
  return yaml
    .replace('  id: testco\n', `  id: ${organisation}\n`)
    .replace('    domain: www.testco.example', `    domain: www.${organisation}.example`)
    .replace('  - id: main\n', `  - id: ${organisation}-main\n`);
}

/** The CRM's purposes: one per kind of retention rule. */
const crmPurposes = `
  - id: customer-management
    name: Customer management
    description: We keep our customers' details.
    legalBasis: contract
    subjects: [customer]
    data: [contact.email, identity.name, contact.phone, contact.postal-address, commercial.order-history]
    retention: { duration: P10Y, from: end-of-contract, action: delete }
  - id: invoicing
    name: Invoicing
    description: We send and keep invoices.
    legalBasis: legal-obligation
    legalObligation: Belgian VAT Code
    subjects: [customer]
    data: [identity.name, contact.email, financial.bank-account, financial.invoice]
    retention: { duration: P2Y, from: collection, action: delete, holds: [vat-invoices] }
  - id: prospects
    name: Prospects
    description: We follow up on contacts.
    legalBasis: legitimate-interests
    legitimateInterest: Following up on a professional contact.
    subjects: [customer]
    data: [contact.email, identity.name]
    retention: { duration: P3Y, from: last-contact, action: delete }
  - id: newsletter
    name: Newsletter
    description: Our newsletter.
    legalBasis: consent
    subjects: [customer]
    data: [contact.email, identity.name]
    consent: { text: Send me the newsletter. }
    directMarketing: true
    retention: { duration: P3Y, from: last-contact, action: delete, renewableByConsent: true }
  - id: recruitment
    name: Recruitment
    description: We assess applications.
    legalBasis: contract
    subjects: [customer]
    data: [contact.email, identity.name]
    retention: { duration: P2Y, minimum: P6M, from: receipt, action: delete }
  - id: site-statistics
    name: Site statistics
    description: We count visits.
    legalBasis: legitimate-interests
    legitimateInterest: Knowing which pages are read.
    subjects: [customer]
    data: [online.ip-address, online.cookie-id, online.browsing-behaviour]
    retention: { duration: P13M, from: collection, action: anonymise }`;

/** The holds and the CRM store, its tables mapped to the purposes. */
function crmStoreYaml(options: { connection?: string; kind?: StoreKind }): string {
  return `
holds:
  - id: vat-invoices
    reason: Invoices must be kept for the tax authorities.
    law: Belgian VAT Code, art. 60
    duration: P10Y
  - id: legal-claim
    reason: An open claim about the invoice.
    law: Judicial Code, art. 2262bis
stores:
  - id: crm
    kind: ${options.kind ?? 'postgres'}
    connection: ${options.connection ?? 'CRM_URL'}
    tables:
      - name: customers
        primaryKey: id
        purpose: customer-management
        anchor: contract_ended_at
        restrictColumn: processing_restricted
        columns:
          - { name: email, category: contact.email, identity: email, erase: hash }
          - { name: name, category: identity.name, erase: redact }
          - { name: phone, category: contact.phone, erase: 'null' }
      - name: orders
        primaryKey: id
        purpose: customer-management
        anchor: customers.contract_ended_at
        references:
          - { column: customer_id, to: customers.id }
        columns:
          - { name: delivery_address, category: contact.postal-address, erase: 'null' }
          - { name: description, category: commercial.order-history, erase: keep }
      - name: invoices
        primaryKey: id
        purpose: invoicing
        anchor: issued_at
        references:
          - { column: customer_id, to: customers.id, nullable: true }
        holds:
          - { hold: vat-invoices, anchor: issued_at, keep: [number, issued_at, billing_name] }
          - { hold: legal-claim, flag: legal_claim }
        columns:
          - { name: billing_name, category: identity.name, erase: 'null' }
          - { name: billing_email, category: contact.email, erase: 'null' }
          - { name: iban, category: financial.bank-account, erase: 'null' }
      - name: prospects
        primaryKey: id
        purpose: prospects
        anchor: last_contact_at
        columns:
          - { name: email, category: contact.email, identity: email, erase: delete }
          - { name: name, category: identity.name, erase: delete }
      - name: newsletter
        primaryKey: id
        purpose: newsletter
        anchor: last_contact_at
        columns:
          - { name: email, category: contact.email, identity: email, erase: delete }
          - { name: first_name, category: identity.name, erase: delete }
      - name: applications
        primaryKey: id
        purpose: recruitment
        anchor: received_at
        columns:
          - { name: email, category: contact.email, identity: email, erase: delete }
          - { name: name, category: identity.name, erase: delete }
      - name: visits
        primaryKey: id
        purpose: site-statistics
        anchor: visited_at
        columns:
          - { name: ip, category: online.ip-address, erase: 'null' }
          - { name: visitor, category: online.cookie-id, identity: account-id, erase: hash }
          - { name: page, category: online.browsing-behaviour, erase: keep }
`;
}

/** The charter of the fixture: the minimal test charter plus the purposes, holds and store of the CRM. */
export function crmCharter(options: { organisation?: string; connection?: string; kind?: StoreKind } = {}): Charter {
  return loadFixtureCharter(
    fixtureYaml(crmPurposes, crmStoreYaml(options), options.organisation),
    'crm-charter.yaml',
    'crm',
  );
}
