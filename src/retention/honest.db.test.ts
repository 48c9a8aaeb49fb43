/**
 * Honest retention on real stores (PostgreSQL and MariaDB; Charter's database on PGlite or PostgreSQL): a restricted
 * person's rows are kept in every table (owner references up any depth, and their profile row); a due row that a
 * held or ungoverned row still references is anonymised instead, or reported as what stayed, and the run is then
 * `partial`; a column rule erases its columns and keeps the row; approving a newer run supersedes an older waiting one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import { isHashed } from '../stores/strategies.js';
import { computePlan } from './plan.js';
import { getRun } from './runs.js';
import { runRetention, type RunOptions } from './sweep.js';
import { ids, testNow, type StoreKind } from './testing/crm.js';
import { ledgerShopCharter, readLedgerShop, seedLedgerShop } from './testing/ledger-shop.js';
import { organisationWithStore, type StoreFixture } from './testing/organisation.js';
import { retentionWorld } from './testing/setup.js';

// The servers and the database are read from `world` inside hooks and tests, once its `beforeAll` has run.
const world = retentionWorld();

const options: RunOptions = { trigger: 'cli', actor: 'cli', batchSize: 2, maxShare: 0.1 };

const fixture = (kind: StoreKind): Promise<StoreFixture> =>
  organisationWithStore(world.database, world.servers, kind, {
    prefix: 'shop',
    connectionPrefix: 'SHOP',
    seed: (driver) => seedLedgerShop(driver, kind, testNow),
    charter: (organisation, connection) => ledgerShopCharter({ organisation, connection, kind }),
  });

describe.each(['postgres', 'mysql'] as const)('honest retention on a %s store', (kind) => {
  let f: Awaited<ReturnType<typeof fixture>>;
  let run: Awaited<ReturnType<typeof runRetention>>['run'];
  let after: Awaited<ReturnType<typeof readLedgerShop>>;
  const step = (rule: string) => run?.steps.find((s) => s.rule === rule);

  beforeAll(async () => {
    f = await fixture(kind);
    ({ run } = await runRetention(f.deps, f.scope, { ...options, approve: true }));
    after = await readLedgerShop(f.driver);
  }, 120_000);
  afterAll(async () => {
    await f?.driver.close();
  });

  it('keeps every row of a restricted customer, through owner references at any depth and its profile row', () => {
    expect(run?.steps.filter((s) => s.error).map((s) => `${s.rule}: ${s.error}`)).toEqual([]);
    expect(ids(after.orders)).toEqual([20]);
    expect(ids(after.order_lines)).toEqual([200]);
    expect(ids(after.invoices)).toEqual([30, 31]);
    expect(ids(after.accounts)).toEqual([502, 503]);
    expect(after.customers?.find((c) => c.id === 2)).toMatchObject({
      email: 'two@example.be',
      id_card_copy: 'ID-2',
      account_id: 502,
    });
    for (const rule of [
      'shop/orders',
      'shop/order_lines',
      'shop/invoices',
      'shop/accounts',
      'shop/customers',
      'shop/customers#id_card_copy',
    ]) {
      expect(step(rule)?.held.restricted, rule).toBe(1);
    }
    expect(step('shop/orders')).toMatchObject({ due: 1, deleted: 1 });
    expect(step('shop/order_lines')).toMatchObject({ due: 1, deleted: 1 });
    expect(step('shop/accounts')).toMatchObject({ due: 1, deleted: 1 });
  });

  it('anonymises a due customer that a held invoice or an ungoverned note still references, and says why', () => {
    expect(ids(after.customers)).toEqual([1, 2, 3, 4, 6]);
    for (const id of [3, 4]) {
      const customer = after.customers?.find((c) => c.id === id);
      expect(isHashed(customer?.email)).toBe(true);
      expect(customer?.name).toBe('[erased]');
    }
    const customers = step('shop/customers');
    expect(customers).toMatchObject({ status: 'done', due: 1, deleted: 1, anonymised: 2 });
    expect(customers?.blocked?.rows).toEqual(
      expect.arrayContaining([
        { table: 'invoices', reason: 'vat-invoices', rows: 1, by: 1 },
        { table: 'notes', reason: 'ungoverned', rows: 1, by: 1 },
      ]),
    );
    expect(customers?.blocked).toMatchObject({ anonymised: 2, stayed: 0 });
  });

  it('reports a due row that could be neither deleted nor anonymised as stayed, and the run as partial', () => {
    expect(ids(after.vouchers)).toEqual([60]);
    const vouchers = step('shop/vouchers');
    expect(vouchers).toMatchObject({ status: 'blocked', due: 1, deleted: 1, anonymised: 0 });
    expect(vouchers?.blocked).toEqual({
      rows: [{ table: 'redemptions', reason: 'ungoverned', rows: 1, by: 1 }],
      anonymised: 0,
      stayed: 1,
    });
    expect(run?.status).toBe('partial');
    expect(run?.totals.stayed).toBe(1);
  });

  it("erases a column rule's columns when due and keeps the row", () => {
    expect(after.customers?.find((c) => c.id === 1)).toMatchObject({
      email: 'one@example.be',
      name: 'One',
      id_card_copy: null,
      account_id: null,
    });
    expect(after.customers?.find((c) => c.id === 6)).toMatchObject({ id_card_copy: 'ID-6' });
    expect(step('shop/customers#id_card_copy')).toMatchObject({
      action: 'anonymise',
      columns: ['id_card_copy'],
      due: 1,
      anonymised: 1,
      deleted: 0,
    });
  });

  it('plans blocked rows apart from due ones, and a second run neither re-counts nor re-approves them', async () => {
    const stored = await activeCharter(world.database.db, f.scope);
    const plan = await computePlan(f.deps, f.scope, stored?.charter as Charter, testNow);
    const vouchers = plan.rules.find((r) => r.id === 'shop/vouchers');
    expect(vouchers).toMatchObject({
      dueNow: 0,
      blocked: [{ table: 'redemptions', reason: 'ungoverned', rows: 1, by: 1 }],
    });
    expect(plan.rules.find((r) => r.id === 'shop/customers')).toMatchObject({
      dueNow: 0,
      blocked: [],
      held: { referenced: 2, restricted: 1 },
    });
    expect(plan.rules.find((r) => r.id === 'shop/customers#id_card_copy')).toMatchObject({
      dueNow: 0,
      columns: ['id_card_copy'],
    });
    const { run: second } = await runRetention(f.deps, f.scope, options);
    expect(second?.status).toBe('partial');
    expect(second?.approvalReasons).toEqual([]);
    const customers = second?.steps.find((s) => s.rule === 'shop/customers');
    expect(customers).toMatchObject({ due: 0, deleted: 0, anonymised: 0 });
    expect(customers?.held).toMatchObject({ referenced: 2, restricted: 1 });
    expect(second?.steps.find((s) => s.rule === 'shop/vouchers')).toMatchObject({
      status: 'blocked',
      due: 0,
      blocked: { stayed: 1 },
    });
    expect(await readLedgerShop(f.driver)).toEqual(after);
  });
});

describe('approving a newer run', () => {
  it('supersedes an older run still waiting for approval, audited', async () => {
    const f = await fixture('postgres');
    try {
      const { run: waiting } = await runRetention(f.deps, f.scope, options);
      expect(waiting?.status).toBe('awaiting-approval');
      const { run: approved } = await runRetention(f.deps, f.scope, { ...options, approve: true });
      expect(approved?.status).toBe('partial');
      const old = await getRun(world.database.db, f.scope, waiting?.id ?? '');
      expect(old.status).toBe('superseded');
      expect(old.error).toBe(`superseded by run ${approved?.id ?? ''}`);
      const audit = await world.database.db
        .selectFrom('audit_entries')
        .select(['action', 'target'])
        .where('organisation_id', '=', f.scope.organisationId)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'charter.applied',
        'retention.run.awaiting-approval',
        'retention.run.approved',
        'retention.run.superseded',
        'retention.run.partial',
      ]);
      expect(audit.find((a) => a.action === 'retention.run.superseded')?.target).toBe(
        `retention-run:${waiting?.id ?? ''}`,
      );
    } finally {
      await f.driver.close();
    }
  }, 120_000);
});
