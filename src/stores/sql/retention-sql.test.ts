import { describe, expect, it } from 'vitest';
import { storeModel, type TableModel } from '../plan.js';
import { shopHolds, shopStore } from '../testing/shop.js';
import { Statement, renderPlaceholders } from './driver.js';
import {
  anchorOf,
  blockingReferences,
  dueSource,
  exclusions,
  holdPredicates,
  notYetErased,
  stayingNullableReferences,
} from './retention-sql.js';

const model = storeModel(shopStore(), shopHolds);
const table = (name: string): TableModel => model.tables.get(name)!;
const rendered = (statement: Statement, text: string) => renderPlaceholders(statement.dialect, text, statement.params);

describe('the SQL a retention count and sweep are built from', () => {
  it("takes a rule's anchor from its own column, or through the reference to the anchor's table", () => {
    expect(anchorOf(table('newsletter'), undefined)).toEqual({ column: 'last_contact_at' });
    expect(anchorOf(table('invoices'), 'issued_at')).toEqual({ column: 'issued_at' });
    expect(anchorOf(table('invoices'), 'invoices.issued_at')).toEqual({ column: 'issued_at' });
    const via = anchorOf(table('orders'), 'customers.contract_ended_at');
    expect(via?.column).toBe('contract_ended_at');
    expect(via?.via?.column).toBe('customer_id');
  });

  it('joins the anchor table when the anchor lives there', () => {
    const statement = new Statement('postgres');
    expect(dueSource(statement, model, table('orders'))).toEqual({
      from: '"orders" t join "customers" a on a."id" = t."customer_id"',
      anchor: 'a."contract_ended_at"',
    });
    expect(dueSource(new Statement('mysql'), model, table('newsletter'))).toEqual({
      from: '`newsletter` t',
      anchor: 't.`last_contact_at`',
    });
  });

  it('keeps a row under a flag hold while flagged and under a dated hold until its duration has run', () => {
    const statement = new Statement('postgres');
    const now = new Date('2026-01-01T00:00:00.000Z');
    const predicates = holdPredicates(statement, table('invoices'), now, 'bc');
    expect(predicates.map((p) => p.hold)).toEqual(['legal-claim', 'vat-invoices']);
    expect(rendered(statement, predicates.map((p) => p.sql).join(' / '))).toEqual({
      text: '(bc."legal_claim" is true) / (bc."issued_at" > $1)',
      params: ['2016-01-01T00:00:00.000Z'],
    });
  });

  it('leaves out excluded values but never a NULL, and builds nothing for an empty exclusion', () => {
    const statement = new Statement('mysql');
    const text = exclusions(statement, [
      { column: 'email', values: ['a@example.be', 'b@example.be'] },
      { column: 'phone', values: [] },
    ]);
    expect(rendered(statement, text)).toEqual({
      text: '(t.`email` is null or t.`email` not in (?, ?))',
      params: ['a@example.be', 'b@example.be'],
    });
    expect(exclusions(new Statement('postgres'), undefined)).toBe('');
  });

  it('finds rows not yet in their erased state, per strategy', () => {
    const statement = new Statement('postgres');
    const t = table('customers');
    const columns = t.columns.filter((c) => ['email', 'name', 'phone'].includes(c.name));
    expect(rendered(statement, notYetErased(statement, columns, '[erased]'))).toEqual({
      text: '((t."email" is not null and t."email" not like $1) or (t."name" is not null and t."name" <> $2) or t."phone" is not null)',
      params: ['h:%', '[erased]'],
    });
  });

  it('blocks a delete through non-nullable references, and through nullable ones only from rows that stay', () => {
    expect(blockingReferences(model, table('customers')).map((r) => `${r.table}.${r.column}`)).toEqual([
      'orders.customer_id',
      'invoices.customer_id',
    ]);
    // invoices has holds, so its nullable reference to orders blocks while an invoice stays.
    expect(stayingNullableReferences(model, table('orders'), new Map()).map((r) => `${r.table}.${r.column}`)).toEqual([
      'invoices.order_id',
    ]);
    // tickets belong to a customer (owner reference), so a restriction of the customer makes them stay.
    expect(stayingNullableReferences(model, table('customers'), new Map()).map((r) => r.table)).toEqual(['tickets']);
  });
});
