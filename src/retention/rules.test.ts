import { describe, expect, it } from 'vitest';
import { loadCharterFile } from '../charter/template-files.js';
import type { Charter } from '../charter/schema.js';
import { projectFile } from '../platform/project.js';
import { buildCharter } from '../../test/support/charter.js';
import { dueDate, longerDuration, resolveRetentionRules } from './rules.js';

async function lumen(): Promise<Charter> {
  const loaded = await loadCharterFile(projectFile('examples/lumen-av/charter.yaml'));
  if (!loaded.ok) throw new Error('the lumen-av example must load');
  return loaded.charter;
}

function withStore(edit: (charter: Charter) => void): Charter {
  return buildCharter((charter) => {
    charter.holds = [
      { id: 'vat', reason: 'VAT', law: 'VAT Code, art. 60', duration: 'P10Y' },
      { id: 'claim', reason: 'Open claim', law: 'Civil Code' },
    ];
    charter.stores = [
      {
        id: 'db',
        kind: 'postgres',
        connection: 'DB_URL',
        tables: [
          {
            name: 'customers',
            primaryKey: 'id',
            purpose: 'orders',
            anchor: 'ended_at',
            columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'hash', secret: false }],
            references: [],
            holds: [],
          },
        ],
      },
    ];
    edit(charter);
  });
}

describe('resolving retention rules from a charter', () => {
  it('resolves every governed table of the lumen-av example with its anchor, holds and renewal', async () => {
    const { rules, ungoverned, problems } = resolveRetentionRules(await lumen());
    expect(problems).toEqual([]);
    expect(ungoverned).toEqual([]);
    const byTable = Object.fromEntries(rules.map((r) => [r.table, r]));
    expect(Object.keys(byTable).sort()).toEqual([
      'applications',
      'customers',
      'invoices',
      'newsletter_subscriptions',
      'orders',
      'prospects',
    ]);
    expect(byTable.customers).toMatchObject({
      purpose: 'customer-management',
      period: 'P10Y',
      action: 'delete',
      anchor: { table: 'customers', column: 'contract_ended_at' },
      restrictColumn: 'processing_restricted',
    });
    // An anchor in a related table, reached through the declared reference.
    expect(byTable.orders?.anchor).toEqual({
      declared: 'customers.contract_ended_at',
      table: 'customers',
      column: 'contract_ended_at',
      via: { column: 'customer_id', to: 'customers.id' },
    });
    expect(byTable.invoices?.holds).toEqual([
      {
        hold: 'vat-invoices',
        law: 'Belgian VAT Code, art. 60',
        kind: 'duration',
        anchor: 'issued_at',
        duration: 'P10Y',
        keep: ['number', 'issued_at', 'billing_name', 'billing_address', 'vat_number', 'amount_excl_vat', 'vat_amount'],
      },
    ]);
    // The purpose names the hold; invoices implement it, orders do not (shown, not enforced there).
    expect(byTable.invoices?.purposeHolds).toEqual([]);
    expect(byTable.orders?.purposeHolds).toEqual(['vat-invoices']);
    expect(byTable.newsletter_subscriptions?.renewal).toEqual({
      purpose: 'newsletter-prospects',
      emailColumn: 'email',
    });
    expect(byTable.prospects?.renewal).toBeUndefined();
  });

  it('runs the period for at least the minimum, and warns when the minimum exceeds the duration', () => {
    const charter = withStore((c) => {
      const orders = c.purposes.find((p) => p.id === 'orders');
      if (orders) orders.retention = { ...orders.retention, duration: 'P1Y', minimum: 'P2Y' };
    });
    const { rules, problems } = resolveRetentionRules(charter);
    expect(rules[0]?.period).toBe('P2Y');
    expect(problems).toEqual([
      {
        store: 'db',
        table: 'customers',
        severity: 'warning',
        message: 'minimum P2Y is longer than the duration P1Y: the minimum applies',
      },
    ]);
    expect(longerDuration('P3Y', 'P6M')).toBe('P3Y');
    expect(longerDuration('P30D', 'P1M')).toBe('P1M');
  });

  it('turns flag holds and duration holds into hold rules, and refuses an open-ended hold without a flag', () => {
    const flagged = resolveRetentionRules(
      withStore((c) => (c.stores[0]!.tables[0]!.holds = [{ hold: 'claim', flag: 'legal_claim' }])),
    );
    expect(flagged.rules[0]?.holds).toEqual([
      { hold: 'claim', law: 'Civil Code', kind: 'flag', flag: 'legal_claim', keep: undefined },
    ]);
    const dated = resolveRetentionRules(withStore((c) => (c.stores[0]!.tables[0]!.holds = [{ hold: 'vat' }])));
    expect(dated.rules[0]?.holds[0]).toMatchObject({ kind: 'duration', anchor: 'ended_at', duration: 'P10Y' });
    const open = resolveRetentionRules(withStore((c) => (c.stores[0]!.tables[0]!.holds = [{ hold: 'claim' }])));
    expect(open.rules).toEqual([]);
    expect(open.problems[0]?.message).toMatch(/no duration and the table gives no flag column/);
  });

  it('reports tables it cannot execute and tables no purpose governs', () => {
    const charter = withStore((c) => {
      const table = c.stores[0]!.tables[0]!;
      c.stores[0]!.tables.push(
        { ...table, name: 'no_anchor', anchor: undefined },
        { ...table, name: 'bad_ref', anchor: 'accounts.closed_at' },
        { ...table, name: 'unknown_purpose', purpose: 'nope' },
        { ...table, name: 'logs', purpose: undefined },
        { ...table, name: 'no_email', purpose: 'analytics', columns: [] },
      );
      const analytics = c.purposes.find((p) => p.id === 'analytics');
      if (analytics) analytics.retention = { ...analytics.retention, renewableByConsent: true };
    });
    const { rules, ungoverned, problems } = resolveRetentionRules(charter);
    expect(rules.map((r) => r.table)).toEqual(['customers']);
    expect(ungoverned).toEqual([{ store: 'db', table: 'logs' }]);
    expect(problems.map((p) => `${p.table}: ${p.message}`)).toEqual([
      'no_anchor: no anchor column: declare the column the 10 years run from',
      'bad_ref: anchor "accounts.closed_at" needs a reference from bad_ref to accounts',
      'unknown_purpose: purpose "nope" is not declared',
      'no_email: renewable by consent, but the table has no email identity column to match consents on',
    ]);
  });

  it('reserves the store id "charter" for Charter\'s own data', () => {
    const { rules, problems } = resolveRetentionRules(withStore((c) => (c.stores[0]!.id = 'charter')));
    expect(rules).toEqual([]);
    expect(problems[0]?.message).toMatch(/reserved/);
  });

  it('moves the due date to a later consent, never to an earlier one', () => {
    const anchor = new Date('2023-03-31T10:00:00Z');
    expect(dueDate({ period: 'P3Y' }, anchor).toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(dueDate({ period: 'P3Y' }, anchor, new Date('2025-01-15T00:00:00Z')).toISOString()).toBe(
      '2028-01-15T00:00:00.000Z',
    );
    expect(dueDate({ period: 'P3Y' }, anchor, new Date('2020-01-15T00:00:00Z')).toISOString()).toBe(
      '2026-03-31T10:00:00.000Z',
    );
    // Calendar-correct: 31 January + 1 month is the end of February.
    expect(dueDate({ period: 'P1M' }, new Date('2025-01-31T00:00:00Z')).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });
});

describe('several rules per table', () => {
  it('resolves a column rule beside the rule on whole rows, each with its own id, anchor and action', () => {
    const charter = withStore((c) => {
      const table = c.stores[0]?.tables[0];
      if (!table) return;
      table.columns.push({ name: 'id_card_copy', category: 'identity.id-document', erase: 'null', secret: false });
      table.rules = [{ purpose: 'analytics', anchor: 'accepted_at', columns: ['id_card_copy'] }];
    });
    const { rules, problems, ungoverned } = resolveRetentionRules(charter);
    expect(problems).toEqual([]);
    expect(ungoverned).toEqual([]);
    expect(rules.map((r) => [r.id, r.action, r.anchor.declared, r.columns])).toEqual([
      ['db/customers', 'delete', 'ended_at', undefined],
      ['db/customers#id_card_copy', 'anonymise', 'accepted_at', ['id_card_copy']],
    ]);
  });

  it('refuses a second rule on whole rows and a column rule on a kept or undeclared column', () => {
    const charter = withStore((c) => {
      const table = c.stores[0]?.tables[0];
      if (!table) return;
      table.columns.push({ name: 'kept', category: 'identity.name', erase: 'keep', secret: false });
      table.rules = [
        { purpose: 'analytics', anchor: 'ended_at' },
        { purpose: 'analytics', anchor: 'ended_at', columns: ['kept'] },
        { purpose: 'analytics', anchor: 'ended_at', columns: ['ghost'] },
      ];
    });
    const { rules, problems } = resolveRetentionRules(charter);
    expect(rules.map((r) => r.id)).toEqual(['db/customers']);
    expect(problems.map((p) => p.message)).toEqual([
      'rule analytics: a table has one rule for its whole rows; give this one the columns it erases (columns: [...])',
      'rule analytics: column kept is kept (erase: keep or the primary key), a column rule cannot erase it',
      'rule analytics: column ghost is not declared on the table',
    ]);
  });

  it('counts a table with only column rules as ungoverned (nothing deletes its rows)', () => {
    const charter = withStore((c) => {
      const table = c.stores[0]?.tables[0];
      if (!table) return;
      delete table.purpose;
      table.rules = [{ purpose: 'analytics', anchor: 'ended_at', columns: ['email'] }];
    });
    const { rules, ungoverned } = resolveRetentionRules(charter);
    expect(rules.map((r) => r.id)).toEqual(['db/customers#email']);
    expect(ungoverned).toEqual([{ store: 'db', table: 'customers' }]);
  });
});
