/**
 * The connector contract: every store connector — PostgreSQL, MariaDB, and the HTTP protocol in front of the
 * reference adapter — gives the same answers on the same shop data. Real servers only (started by the global setups).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRecord, Identity } from './connector.js';
import { Statement } from './sql/driver.js';
import { hashValue, isHashed } from './strategies.js';
import { httpTarget, mariadbTarget, postgresTarget, testHashKey, type ContractTarget } from './testing/targets.js';

const factories = { postgres: postgresTarget, mariadb: mariadbTarget, http: httpTarget } as const;
const alice: Identity[] = [{ type: 'email', value: ' Alice@Example.BE ' }];

async function collect(target: ContractTarget, identities: Identity[], options: { excludeRestricted?: boolean } = {}) {
  const records: AccessRecord[] = [];
  let batches = 0;
  const summary = await target.connector.access({ identities, ...options }, (batch) => {
    batches++;
    records.push(...batch);
  });
  return { records, summary, batches };
}

const keysByTable = (records: AccessRecord[]) => {
  const map: Record<string, string[]> = {};
  for (const r of records) (map[r.table] ??= []).push(r.key);
  for (const list of Object.values(map)) list.sort((a, b) => Number(a) - Number(b));
  return map;
};

describe.each(Object.keys(factories) as (keyof typeof factories)[])('the %s connector', (name) => {
  let target: ContractTarget;
  let now: Date;

  beforeAll(async () => {
    target = await factories[name]();
  });
  afterAll(async () => {
    await target?.close();
  });
  beforeEach(async () => {
    now = new Date();
    await target.reset(now);
  });
  /** A count at `now` (one cutoff), as most cases ask it. */
  const atNow = () => ({ cutoffs: [now.toISOString()], now: now.toISOString() });
  const countNow = (table: string, period: string) => target.connector.countDue({ table, period, ...atNow() });

  it('finds every row reachable from an email, down the references that make rows hers, and nothing of others', async () => {
    const { records, summary } = await collect(target, alice);
    expect(keysByTable(records)).toEqual({
      customers: ['1'],
      orders: ['10', '11', '12'],
      order_lines: ['1000', '1001', '1002', '1003', '1004', '1005'],
      invoices: ['50', '51', '52'],
      newsletter: ['70'],
      tickets: ['80', '81'],
    });
    expect(summary.store).toBe('shop');
    expect(Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]))).toMatchObject({
      customers: 1,
      orders: 3,
      order_lines: 6,
    });
    const customer = records.find((r) => r.table === 'customers');
    expect(customer?.columns).toEqual([
      { name: 'email', category: 'contact.email', value: 'alice@example.be' },
      { name: 'customer_number', category: 'commercial.contract', value: 'C-0001' },
      { name: 'name', category: 'identity.name', value: 'Alice Peeters' },
      { name: 'phone', category: 'contact.phone', value: '+32470000001' },
    ]);
    expect(customer?.restricted).toBe(false);
  });

  it('never exports columns declared secret unless asked', async () => {
    const { records } = await collect(target, alice);
    expect(records.flatMap((r) => r.columns.map((c) => c.name))).not.toContain('password_hash');
    const withSecrets: AccessRecord[] = [];
    await target.connector.access({ identities: alice, includeSecrets: true }, (batch) => {
      withSecrets.push(...batch);
    });
    expect(withSecrets.find((r) => r.table === 'customers')?.columns.map((c) => c.name)).toContain('password_hash');
  });

  it('issues the same number of queries for a subject with ten times more rows', async () => {
    const few = await collect(target, [{ type: 'customer-number', value: 'C-0001' }]);
    const many = await collect(target, [{ type: 'customer-number', value: 'C-0003' }]);
    expect(many.records.length).toBeGreaterThan(few.records.length * 5);
    expect(many.summary.queries).toBe(few.summary.queries);
  });

  it('answers an unknown identity with nothing', async () => {
    const { records } = await collect(target, [{ type: 'email', value: 'nobody@example.be' }]);
    expect(records).toEqual([]);
    expect(await target.connector.contacts([{ type: 'email', value: 'nobody@example.be' }])).toEqual({
      store: 'shop',
      found: false,
      contacts: [],
    });
  });

  it('gives the contacts on file for a customer number', async () => {
    const result = await target.connector.contacts([{ type: 'customer-number', value: 'C-0001' }]);
    expect(result.found).toBe(true);
    expect(result.contacts).toEqual(
      expect.arrayContaining([
        { type: 'email', value: 'alice@example.be' },
        { type: 'customer-number', value: 'C-0001' },
      ]),
    );
  });

  it('erases by strategy, keeps what a legal hold requires, reduces held rows, unlinks and deletes children first', async () => {
    const bobBefore = await bobRows(target);
    const result = await target.connector.erase({ jobId: 'job-1', identities: alice, batchSize: 2 });
    expect(result.dryRun).toBe(false);
    const erased = Object.fromEntries(result.erased.map((e) => [e.table, { deleted: e.deleted, updated: e.updated }]));
    expect(erased).toEqual({
      customers: { deleted: 0, updated: 1 },
      orders: { deleted: 3, updated: 0 },
      order_lines: { deleted: 6, updated: 0 },
      invoices: { deleted: 0, updated: 1 },
      newsletter: { deleted: 1, updated: 0 },
      tickets: { deleted: 0, updated: 2 },
    });
    const kept = result.kept
      .map(({ until, ...k }) => ({ ...k, until: Boolean(until) }))
      .sort((a, b) => a.hold.localeCompare(b.hold));
    expect(kept).toEqual([
      {
        table: 'invoices',
        rows: 1,
        hold: 'legal-claim',
        law: 'Belgian Civil Code, art. 2262bis (limitation of claims)',
        keptColumns: [],
        until: false,
      },
      {
        table: 'invoices',
        rows: 1,
        hold: 'vat-invoices',
        law: 'Belgian VAT Code, art. 60',
        keptColumns: ['number', 'issued_at', 'billing_name', 'amount'],
        until: true,
      },
    ]);

    const customer = (await target.rows('customers')).find((r) => r.id === 1);
    expect(isHashed(customer?.email)).toBe(true);
    expect(customer).toMatchObject({ customer_number: 'C-0001', name: '[erased]', phone: null, password_hash: null });
    expect((await target.rows('orders')).filter((r) => r.customer_id === 1)).toEqual([]);
    expect((await target.rows('order_lines')).filter((r) => [10, 11, 12].includes(r.order_id as number))).toEqual([]);
    const invoices = Object.fromEntries((await target.rows('invoices')).map((r) => [r.id, r]));
    expect(invoices[50]).toMatchObject({
      billing_name: null,
      billing_email: null,
      order_id: null,
      number: 'F-2013-001',
    });
    expect(invoices[51]).toMatchObject({
      billing_name: 'Alice Peeters',
      billing_email: null,
      order_id: null,
      number: 'F-2024-051',
      amount: 99,
    });
    expect(invoices[52]).toMatchObject({
      billing_name: 'Alice Peeters',
      billing_email: 'billing@alice.example',
      legal_claim: true,
      order_id: null,
    });
    expect((await target.rows('newsletter')).map((r) => r.id)).not.toContain(70);
    const tickets = (await target.rows('tickets')).filter((r) => r.id === 80 || r.id === 81);
    expect(tickets.every((t) => isHashed(t.email) && t.body === '[erased]')).toBe(true);
    // The same person hashes to the same value everywhere (keyed), so joins survive.
    expect(tickets[0]?.email).toBe(customer?.email);
    expect(await bobRows(target)).toEqual(bobBefore);
  });

  it('is idempotent: erasing again, by any identity, changes nothing more', async () => {
    await target.connector.erase({ jobId: 'job-1', identities: alice });
    const after = await snapshot(target);
    await target.connector.erase({ jobId: 'job-1', identities: alice });
    await target.connector.erase({ jobId: 'job-2', identities: [{ type: 'customer-number', value: 'C-0001' }] });
    expect(await snapshot(target)).toEqual(after);
  });

  it('changes nothing on a dry run but reports the same plan', async () => {
    const before = await snapshot(target);
    const dry = await target.connector.erase({ jobId: 'dry', identities: alice, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(await snapshot(target)).toEqual(before);
    const real = await target.connector.erase({ jobId: 'real', identities: alice });
    expect(dry.erased).toEqual(real.erased);
    expect(dry.kept).toEqual(real.kept);
  });

  it('rectifies declared columns and refuses undeclared ones', async () => {
    const result = await target.connector.rectify({
      jobId: 'r1',
      identities: alice,
      changes: [{ table: 'customers', column: 'name', value: 'Alice Peeters-Claes' }],
    });
    expect(result.updated).toEqual([{ table: 'customers', rows: 1 }]);
    expect((await target.rows('customers')).find((r) => r.id === 1)?.name).toBe('Alice Peeters-Claes');
    expect((await target.rows('customers')).find((r) => r.id === 2)?.name).toBe('Bob Janssens');
    await expect(
      target.connector.rectify({
        jobId: 'r2',
        identities: alice,
        changes: [{ table: 'customers', column: 'created_at', value: 'x' }],
      }),
    ).rejects.toThrow(/not declared/);
  });

  it('restricts: flags the rows, later exports and retention leave them out, and lifting it restores them', async () => {
    const result = await target.connector.restrict({ jobId: 'x1', identities: alice, restricted: true });
    expect(result.updated).toEqual([{ table: 'customers', rows: 1 }]);
    // Orders, their lines, invoices and tickets belong to the customer: the customer's flag protects them. A
    // newsletter row holds only its own email and has no flag to set.
    expect(result.unsupported.sort()).toEqual(['newsletter']);
    const exported = await collect(target, alice, { excludeRestricted: true });
    expect(
      exported.records.filter((r) => ['customers', 'orders', 'order_lines', 'invoices'].includes(r.table)),
    ).toEqual([]);
    const own = await collect(target, alice);
    for (const table of ['customers', 'orders', 'order_lines', 'invoices']) {
      const records = own.records.filter((r) => r.table === table);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.restricted)).toBe(true);
    }
    const due = await countNow('customers', 'P1Y');
    expect(due.due).toEqual([1]);
    expect(due.held.restricted).toBe(1);
    await target.connector.restrict({ jobId: 'x2', identities: alice, restricted: false });
    expect((await countNow('customers', 'P1Y')).due).toEqual([2]);
  });

  it("keeps a restricted customer's rows in every table she owns: counted as restricted, never swept", async () => {
    await target.connector.restrict({ jobId: 'x3', identities: alice, restricted: true });
    const at = atNow();
    // Her orders (anchored at her contract's end) belong to her: held, Bob's are due.
    const orders = await target.connector.countDue({ table: 'orders', period: 'P1Y', ...at });
    expect(orders.held.restricted).toBe(3);
    expect(orders.due).toEqual([1]);
    const invoices = await target.connector.countDue({ table: 'invoices', period: 'P1D', ...at });
    expect(invoices.held).toMatchObject({ restricted: 1 });
    // A column rule erases just its column, on Bob's invoice only (Carol's is under the VAT hold, Alice's restricted).
    const before = await target.rows('invoices');
    const swept = await target.connector.sweep({
      jobId: 'run-c',
      table: 'invoices',
      period: 'P1D',
      cutoff: now.toISOString(),
      now: now.toISOString(),
      action: 'anonymise',
      columns: ['billing_email'],
      batchSize: 10,
      batchId: 'b-1',
    });
    expect(swept).toMatchObject({ anonymised: 1, deleted: 0, reduced: {}, done: true });
    const afterSweep = await target.rows('invoices');
    expect(afterSweep.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(afterSweep.find((r) => r.id === 60)).toMatchObject({ billing_email: null, billing_name: 'Bob Janssens' });
    expect(afterSweep.filter((r) => r.id !== 60)).toEqual(before.filter((r) => r.id !== 60));
    // The batch's effect, read back from the store's ledger (SQL stores), as a resumed run does after a crash.
    if (target.connector.sweptBatch) {
      expect(await target.connector.sweptBatch('run-c', 'b-1')).toEqual({ deleted: 0, anonymised: 1, reduced: {} });
      expect(await target.connector.sweptBatch('run-c', 'b-0')).toBeUndefined();
    }
  });

  it('counts due rows that rows which stay still reference apart, with why', async () => {
    const at = atNow();
    const plain = await target.connector.countDue({ table: 'customers', period: 'P1Y', ...at });
    expect(plain.due).toEqual([2]);
    // Orders have no rule here: Alice's and Bob's orders keep them; invoices under a hold or claim too.
    const blocked = await target.connector.countDue({ table: 'customers', period: 'P1Y', ...at, action: 'delete' });
    expect(blocked.due).toEqual([0]);
    expect(blocked.blockedRows).toBe(2);
    expect(blocked.blocked).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'orders', reason: 'ungoverned', rows: 2 })]),
    );
    // With the orders' own rule, Bob's (due with his contract) go in the same run; Alice's (2 years) do not yet.
    const ruled = await target.connector.countDue({
      table: 'customers',
      period: 'P1Y',
      ...at,
      action: 'delete',
      rules: [
        { table: 'orders', period: 'P10Y' },
        { table: 'invoices', period: 'P10Y' },
        { table: 'order_lines', period: 'P1Y' },
      ],
    });
    expect(ruled.blocked?.find((b) => b.table === 'orders')).toMatchObject({ reason: 'not-due', rows: 1 });
  });

  it('counts rows due at each cutoff and those without an anchor', async () => {
    const inAYear = new Date(now);
    inAYear.setUTCFullYear(inAYear.getUTCFullYear() + 1);
    const result = await target.connector.countDue({
      table: 'newsletter',
      period: 'P3Y',
      cutoffs: [now.toISOString(), inAYear.toISOString()],
      now: now.toISOString(),
    });
    expect(result).toMatchObject({ store: 'shop', table: 'newsletter', due: [3, 4], withoutAnchor: 1 });
  });

  it('counts held rows apart, with an anchor in a related table', async () => {
    const invoices = await countNow('invoices', 'P1Y');
    expect(invoices.due).toEqual([2]);
    expect(invoices.held).toEqual({ 'legal-claim': 1, 'vat-invoices': 1 });
    const orders = await countNow('orders', 'P10Y');
    expect(orders.due).toEqual([1]); // Bob's order: his contract ended 11 years ago.
  });

  it('sweeps due rows in bounded batches until done', async () => {
    const sweep = (batchSize: number) =>
      target.connector.sweep({
        jobId: 'run-1',
        table: 'newsletter',
        period: 'P3Y',
        cutoff: now.toISOString(),
        now: now.toISOString(),
        action: 'delete',
        batchSize,
      });
    const first = await sweep(2);
    expect(first).toMatchObject({ deleted: 2, done: false });
    const second = await sweep(2);
    expect(second).toMatchObject({ deleted: 1, done: true });
    expect((await target.rows('newsletter')).map((r) => r.id)).toEqual([71, 73, 75]);
    expect(await sweep(2)).toMatchObject({ deleted: 0, done: true });
  });

  it('resumes each batch where the previous one stopped, also among rows that share an anchor', async () => {
    // Five more tickets received at the same instant, three years ago: due under a one-year period.
    const at = new Date(now);
    at.setUTCFullYear(at.getUTCFullYear() - 3);
    for (let id = 90; id < 95; id++) {
      const insert = new Statement(target.driver.dialect);
      await target.driver.query(
        `insert into tickets (id, customer_id, email, body, received_at) values (${insert.param(id)}, null, ${insert.param(`guest${id}@example.be`)}, 'Question', ${insert.param(at)})`,
        insert.params,
      );
    }
    const before = new Map((await target.rows('tickets')).map((r) => [r.id, r.email]));
    let after: string | undefined;
    let anonymised = 0;
    const batches: number[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await target.connector.sweep({
        jobId: 'run-5',
        table: 'tickets',
        period: 'P1Y',
        cutoff: now.toISOString(),
        now: now.toISOString(),
        action: 'anonymise',
        batchSize: 2,
        ...(after ? { after } : {}),
      });
      anonymised += result.anonymised;
      batches.push(result.anonymised);
      expect(result.next === undefined || !Number.isNaN(Date.parse(result.next))).toBe(true);
      after = result.next;
      if (result.done) break;
    }
    expect(anonymised).toBe(7); // 80, 82 and the five guests; 81 and 83 are not due.
    expect(batches.slice(0, 3)).toEqual([2, 2, 2]);
    for (const row of await target.rows('tickets')) {
      const due = row.id !== 81 && row.id !== 83;
      expect(row.email).toBe(due ? hashValue(before.get(row.id), testHashKey) : before.get(row.id));
      expect(row.body === '[erased]').toBe(due);
    }
  });

  it('anonymises once, reduces held rows to their kept columns, and leaves parents that children still reference', async () => {
    // The same batch twice (one job id): the second finds nothing left to anonymise.
    const anonymiseTickets = () =>
      target.connector.sweep({
        jobId: 'run-2',
        table: 'tickets',
        period: 'P1Y',
        cutoff: now.toISOString(),
        now: now.toISOString(),
        action: 'anonymise',
        batchSize: 10,
      });
    const tickets = await anonymiseTickets();
    expect(tickets).toMatchObject({ anonymised: 2, done: true });
    const again = await anonymiseTickets();
    expect(again.anonymised).toBe(0);
    const rows = await target.rows('tickets');
    expect(rows.filter((r) => r.body === '[erased]').map((r) => r.id)).toEqual([80, 82]);

    const invoices = await target.connector.sweep({
      jobId: 'run-3',
      table: 'invoices',
      period: 'P1Y',
      cutoff: now.toISOString(),
      now: now.toISOString(),
      action: 'delete',
      batchSize: 10,
    });
    expect(invoices).toMatchObject({ deleted: 2, reduced: { 'vat-invoices': 1 }, done: true });
    expect((await target.rows('invoices')).map((r) => r.id)).toEqual([51, 52, 53]);
    expect((await target.rows('invoices')).find((r) => r.id === 51)).toMatchObject({
      billing_email: null,
      billing_name: 'Alice Peeters',
    });

    const customers = await target.connector.sweep({
      jobId: 'run-4',
      table: 'customers',
      period: 'P1Y',
      cutoff: now.toISOString(),
      now: now.toISOString(),
      action: 'delete',
      batchSize: 10,
    });
    expect(customers.deleted).toBe(0); // Alice and Bob still have orders and invoices.
    expect((await target.rows('customers')).length).toBe(3);
  });

  it('describes its live schema when it can', async () => {
    if (!target.connector.capabilities.introspect) {
      await expect(target.connector.introspect()).rejects.toThrow(/does not describe/);
      return;
    }
    const schema = await target.connector.introspect();
    const customers = schema.tables.find((t) => t.name === 'customers');
    expect(customers?.primaryKey).toEqual(['id']);
    expect(customers?.columns.find((c) => c.name === 'email')).toMatchObject({
      family: 'text',
      nullable: false,
      unique: true,
      maxLength: 255,
      indexed: true,
    });
    expect(customers?.columns.find((c) => c.name === 'id')?.indexed).toBe(true);
    expect(customers?.columns.find((c) => c.name === 'name')?.indexed).toBe(false);
    // The PostgreSQL version is read from the server (15 here); MariaDB does not say.
    if (target.name === 'postgres') expect(schema.postgresVersion).toBeGreaterThanOrEqual(150000);
    else expect(schema.postgresVersion).toBeUndefined();
    expect(customers?.columns.find((c) => c.name === 'processing_restricted')?.family).toBe('boolean');
    expect(schema.tables.find((t) => t.name === 'orders')?.foreignKeys).toEqual([
      { columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] },
    ]);
  });
});

async function bobRows(target: ContractTarget) {
  return {
    customers: (await target.rows('customers')).filter((r) => r.id === 2),
    orders: (await target.rows('orders')).filter((r) => r.customer_id === 2),
    invoices: (await target.rows('invoices')).filter((r) => r.customer_id === 2),
    newsletter: (await target.rows('newsletter')).filter((r) => r.id === 71),
    tickets: (await target.rows('tickets')).filter((r) => r.id === 82),
  };
}

async function snapshot(target: ContractTarget) {
  const out: Record<string, unknown> = {};
  for (const table of ['customers', 'orders', 'order_lines', 'invoices', 'newsletter', 'tickets'])
    out[table] = await target.rows(table);
  return out;
}
