/**
 * The plan of the lumen-av example charter, on its CRM store seeded with known dates, against counts computed by
 * hand (each row's due date is written beside it). The plan is taken at 2026-11-02T00:00Z; month i of the plan is
 * (2026-11-02 + (i-1) months, 2026-11-02 + i months]. On PostgreSQL (as the example declares) and on MariaDB.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../accounts/organisations.js';
import { loadCharterFile } from '../charter/template-files.js';
import { applyCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import type { Database } from '../database.js';
import { main } from '../cli/main.js';
import { readConfig } from '../platform/config.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { projectFile } from '../platform/project.js';
import type { SqlDriver } from '../stores/sql/driver.js';
import { createPostgresDatabase, testDbKind } from '../../test/support/database.js';
import { composeRetention } from './deps.js';
import { computePlan, type RetentionPlan } from './plan.js';
import { insertRows, newStoreDatabase, storeDriver, type StoreKind, type StoreServers } from './testing/crm.js';
import { retentionWorld } from './testing/setup.js';

const at = new Date('2026-11-02T00:00:00.000Z');
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function lumenDdl(kind: StoreKind): string[] {
  const time = kind === 'postgres' ? 'timestamptz' : 'datetime(3)';
  return [
    `create table customers (id integer primary key, email varchar(200), customer_number varchar(20), name varchar(200), phone varchar(40),
       company varchar(200), address varchar(300), contract_ended_at ${time} null, processing_restricted boolean not null default false)`,
    `create table prospects (id integer primary key, email varchar(200), name varchar(200), phone varchar(40), company varchar(200),
       job_title varchar(100), last_contact_at ${time} null)`,
    `create table orders (id integer primary key, customer_id integer not null references customers(id), delivery_address varchar(300),
       site_contact_name varchar(200), site_contact_phone varchar(40), description varchar(300))`,
    `create table invoices (id integer primary key, customer_id integer not null references customers(id), order_id integer null references orders(id),
       number varchar(20) not null, issued_at ${time} not null, billing_name varchar(200), billing_email varchar(200), billing_address varchar(300),
       vat_number varchar(20), iban varchar(40), payment_reference varchar(40), amount_excl_vat decimal(12,2), vat_amount decimal(12,2))`,
    `create table newsletter_subscriptions (id integer primary key, email varchar(200) not null, first_name varchar(100), consent_receipt varchar(64),
       last_contact_at ${time} null)`,
    `create table applications (id integer primary key, email varchar(200), name varchar(200), phone varchar(40), address varchar(300),
       cv_file varchar(200), motivation text, received_at ${time} not null)`,
  ];
}

const customer = (id: number, ended: Date | null, restricted = false) => ({
  id,
  email: `c${id}@example.be`,
  customer_number: `C-${id}`,
  name: `Customer ${id}`,
  phone: null,
  company: 'Co',
  address: 'Street',
  contract_ended_at: ended,
  processing_restricted: restricted,
});
const invoice = (id: number, customerId: number, issued: Date) => ({
  id,
  customer_id: customerId,
  order_id: null,
  number: `F-${id}`,
  issued_at: issued,
  billing_name: 'Co',
  billing_email: 'billing@example.be',
  billing_address: 'Street',
  vat_number: 'BE0',
  iban: 'BE00',
  payment_reference: `R${id}`,
  amount_excl_vat: 100,
  vat_amount: 21,
});

async function seedLumen(driver: SqlDriver, kind: StoreKind) {
  for (const statement of lumenDdl(kind)) await driver.query(statement);
  await insertRows(driver, 'customers', [
    customer(1, d('2016-01-15')), //                due 2026-01-15: now
    customer(2, d('2016-03-10'), true), //          due 2026-03-10, but restricted (Art. 18): held
    customer(3, d('2016-12-20')), //                due 2026-12-20: month 2
    customer(4, d('2017-06-01')), //                due 2027-06-01: month 7
    customer(5, null), //                           contract running: no anchor
    customer(6, d('2020-01-01')), //                due 2030: beyond the plan
  ]);
  await insertRows(driver, 'orders', [
    {
      id: 1,
      customer_id: 1,
      delivery_address: 'A',
      site_contact_name: 'X',
      site_contact_phone: null,
      description: 'projector',
    }, // customer 1: now
    {
      id: 2,
      customer_id: 1,
      delivery_address: 'B',
      site_contact_name: 'X',
      site_contact_phone: null,
      description: 'screen',
    }, //    customer 1: now
    {
      id: 3,
      customer_id: 3,
      delivery_address: 'C',
      site_contact_name: 'Y',
      site_contact_phone: null,
      description: 'cables',
    }, //    customer 3: month 2
    {
      id: 4,
      customer_id: 5,
      delivery_address: 'D',
      site_contact_name: 'Z',
      site_contact_phone: null,
      description: 'speakers',
    }, //  customer 5: no anchor
  ]);
  await insertRows(driver, 'invoices', [
    invoice(1, 1, d('2015-06-01')), // anchor due now; VAT hold ended 2025-06-01: now
    invoice(2, 1, d('2016-12-01')), // anchor due now; VAT hold until 2026-12-01: held now, month 1
    invoice(3, 3, d('2016-11-01')), // anchor due 2026-12-20; VAT hold ended 2026-11-01: month 2
    invoice(4, 6, d('2019-03-01')), // anchor due 2030: beyond the plan
  ]);
  await insertRows(driver, 'prospects', [
    {
      id: 1,
      email: 'p1@example.be',
      name: 'P1',
      phone: null,
      company: 'Co',
      job_title: 'CTO',
      last_contact_at: d('2023-01-10'),
    }, // due 2026-01-10: now
    {
      id: 2,
      email: 'p2@example.be',
      name: 'P2',
      phone: null,
      company: 'Co',
      job_title: 'CTO',
      last_contact_at: d('2023-10-15'),
    }, // due 2026-10-15: now
    {
      id: 3,
      email: 'p3@example.be',
      name: 'P3',
      phone: null,
      company: 'Co',
      job_title: 'CTO',
      last_contact_at: d('2023-11-15'),
    }, // due 2026-11-15: month 1
    {
      id: 4,
      email: 'p4@example.be',
      name: 'P4',
      phone: null,
      company: 'Co',
      job_title: 'CTO',
      last_contact_at: d('2024-03-01'),
    }, // due 2027-03-01: month 4
    {
      id: 5,
      email: 'p5@example.be',
      name: 'P5',
      phone: null,
      company: 'Co',
      job_title: 'CTO',
      last_contact_at: d('2025-05-05'),
    }, // due 2028: beyond
    { id: 6, email: 'p6@example.be', name: 'P6', phone: null, company: 'Co', job_title: 'CTO', last_contact_at: null }, //            no anchor
  ]);
  await insertRows(driver, 'newsletter_subscriptions', [
    { id: 1, email: 'a@example.be', first_name: 'A', consent_receipt: null, last_contact_at: d('2022-05-01') }, // consent 2025-01-10 renews to 2028-01-10: beyond
    { id: 2, email: 'b@example.be', first_name: 'B', consent_receipt: null, last_contact_at: d('2022-05-01') }, // consent 2023-12-15 renews to 2026-12-15: month 2
    { id: 3, email: 'c@example.be', first_name: 'C', consent_receipt: null, last_contact_at: d('2023-06-01') }, // no consent, due 2026-06-01: now
    { id: 4, email: 'd@example.be', first_name: 'D', consent_receipt: null, last_contact_at: d('2024-01-20') }, // due 2027-01-20: month 3
    { id: 5, email: 'e@example.be', first_name: 'E', consent_receipt: null, last_contact_at: d('2022-01-01') }, // consent withdrawn: due 2025-01-01: now
  ]);
  await insertRows(driver, 'applications', [
    {
      id: 1,
      email: 'x1@example.be',
      name: 'X1',
      phone: null,
      address: null,
      cv_file: 'cv1.pdf',
      motivation: 'm',
      received_at: d('2025-10-01'),
    }, // due 2026-10-01: now
    {
      id: 2,
      email: 'x2@example.be',
      name: 'X2',
      phone: null,
      address: null,
      cv_file: 'cv2.pdf',
      motivation: 'm',
      received_at: d('2025-11-02'),
    }, // due exactly at the plan date: now
    {
      id: 3,
      email: 'x3@example.be',
      name: 'X3',
      phone: null,
      address: null,
      cv_file: 'cv3.pdf',
      motivation: 'm',
      received_at: d('2026-01-31'),
    }, // due 2027-01-31: month 3
    {
      id: 4,
      email: 'x4@example.be',
      name: 'X4',
      phone: null,
      address: null,
      cv_file: 'cv4.pdf',
      motivation: 'm',
      received_at: d('2026-10-30'),
    }, // due 2027-10-30: month 12
  ]);
}

const consents = [
  { email: 'a@example.be', action: 'granted', at: d('2025-01-10') },
  { email: 'b@example.be', action: 'granted', at: d('2023-12-15') },
  { email: 'e@example.be', action: 'granted', at: d('2025-01-01') },
  { email: 'e@example.be', action: 'withdrawn', at: d('2025-06-01') },
];

/** Month i (1-based) → count, as byMonth arrays. */
const months = (entries: Record<number, number>) => Array.from({ length: 12 }, (_, i) => entries[i + 1] ?? 0);

/** The hand-computed plan (see the comments beside each row). */
const expected = {
  // Customer 1 is due now but invoice 2 (VAT hold until 2026-12-01) still references it: blocked now (not due), it
  // goes in month 1 with its invoice.
  customers: { dueNow: 0, byMonth: months({ 1: 1, 2: 1, 7: 1 }), held: { restricted: 1 }, withoutAnchor: 1 },
  orders: { dueNow: 2, byMonth: months({ 2: 1 }), held: {}, withoutAnchor: 1 },
  invoices: { dueNow: 1, byMonth: months({ 1: 1, 2: 1 }), held: { 'vat-invoices': 1 }, withoutAnchor: 0 },
  prospects: { dueNow: 2, byMonth: months({ 1: 1, 4: 1 }), held: {}, withoutAnchor: 1 },
  newsletter_subscriptions: { dueNow: 2, byMonth: months({ 2: 1, 3: 1 }), held: {}, withoutAnchor: 0 },
  applications: { dueNow: 2, byMonth: months({ 3: 1, 12: 1 }), held: {}, withoutAnchor: 0 },
};

function storeRules(plan: RetentionPlan) {
  return Object.fromEntries(
    plan.rules
      .filter((r) => r.store === 'crm')
      .map((r) => [
        r.table,
        {
          dueNow: r.dueNow,
          byMonth: r.byMonth,
          held: Object.fromEntries(Object.entries(r.held).filter(([, n]) => n > 0)),
          withoutAnchor: r.withoutAnchor,
        },
      ]),
  );
}

let servers: StoreServers;
let database: OpenDatabase<Database>;
const world = retentionWorld();
beforeAll(() => {
  ({ servers, database } = world);
});

async function lumenCharter(kind: StoreKind): Promise<Charter> {
  const loaded = await loadCharterFile(projectFile('examples/lumen-av/charter.yaml'));
  if (!loaded.ok) throw new Error('the lumen-av example must load');
  const charter = loaded.charter;
  if (kind === 'mysql') charter.stores = charter.stores.map((s) => ({ ...s, kind: 'mysql', schema: undefined }));
  return charter;
}

describe.each(['postgres', 'mysql'] as const)('the plan of the lumen-av example on %s', (kind) => {
  let driver: SqlDriver;
  let url: string;

  beforeAll(async () => {
    url = await newStoreDatabase(servers, kind);
    driver = storeDriver(kind, url);
    await seedLumen(driver, kind);
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  it('matches the counts computed by hand, renewals from the consent ledger included', async () => {
    const charter = await lumenCharter(kind);
    const organisation = await ensureOrganisation(database.db, `lumen-${randomUUID().slice(0, 6)}`, 'Lumen');
    const scope = { organisationId: organisation.id };
    charter.sites = charter.sites.map((s) => ({ ...s, id: `${s.id}-${organisation.slug}` }));
    await applyCharter(database.db, scope, { charter, source: '', format: 'json', actor: 'system' });
    await inOrganisation(database.db, scope, async (trx) => {
      for (const consent of consents) {
        const hash = `h-${consent.email}`;
        await sql`insert into purpose_consent_subjects (organisation_id, subject_hash, email) values (${organisation.id}, ${hash}, ${consent.email}) on conflict do nothing`.execute(
          trx,
        );
        await sql`insert into purpose_consents (organisation_id, id, subject_hash, purpose_id, action, text_version, language, method, actor, recorded_at)
                  values (${organisation.id}, ${randomUUID()}, ${hash}, 'newsletter-prospects', ${consent.action}, 'v1', 'en', 'form', 'test', ${consent.at.toISOString()}::timestamptz)`.execute(
          trx,
        );
      }
    });
    const deps = composeRetention({
      db: database.db,
      dbKind: database.kind,
      config: readConfig({}),
      env: { LUMEN_CRM_DATABASE_URL: url },
      clock: () => at,
    });
    const plan = await computePlan(deps, scope, charter, at);
    expect(plan.rules.filter((r) => r.status === 'error')).toEqual([]);
    expect(storeRules(plan)).toEqual(expected);
    expect(plan.months[0]).toBe('2026-12-02T00:00:00.000Z');
    expect(plan.months[11]).toBe('2027-11-02T00:00:00.000Z');
    expect(plan.totals.dueNow).toBe(9);
    expect(plan.rules.find((r) => r.table === 'invoices')?.why).toBe(
      'orders-invoicing: delete 10 years after end-of-contract (customers.contract_ended_at); hold vat-invoices 10 years from issued_at (Belgian VAT Code, art. 60, keeps number, issued_at, billing_name, billing_address, vat_number, amount_excl_vat, vat_amount)',
    );
  });

  it('prints the same plan from the CLI for a charter file (no ledger yet: no renewals)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-retention-cli-'));
    const out: string[] = [];
    try {
      const file = join(dir, 'charter.yaml');
      const { readFile, writeFile } = await import('node:fs/promises');
      let yaml = await readFile(projectFile('examples/lumen-av/charter.yaml'), 'utf8');
      if (kind === 'mysql')
        yaml = yaml.replace('    kind: postgres\n', '    kind: mysql\n').replace('    schema: public\n', '');
      await writeFile(file, yaml);
      // --init: the data directory is new (a command creates none without it); stderr names the database.
      const code = await main(['retention', 'plan', '--charter', file, '--at', '2026-11-02', '--json', '--init'], {
        out: (text) => out.push(text),
        err: () => {},
        env: {
          ...(testDbKind() === 'postgres'
            ? { DATABASE_URL: await createPostgresDatabase('retention_cli') }
            : { CHARTER_DATA_DIR: join(dir, 'data') }),
          LUMEN_CRM_DATABASE_URL: url,
          LOG_LEVEL: 'silent',
        },
        cwd: dir,
        isTTY: false,
      });
      expect(code).toBe(0);
      const plan = JSON.parse(out.join('\n')) as RetentionPlan;
      // Without the organisation's ledger, a@ and b@ are not renewed: both due now.
      expect(storeRules(plan)).toEqual({
        ...expected,
        newsletter_subscriptions: { ...expected.newsletter_subscriptions, dueNow: 4, byMonth: months({ 3: 1 }) },
      });
      expect(plan.rules.every((r) => r.store === 'crm')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
