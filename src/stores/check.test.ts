import { describe, expect, it } from 'vitest';
import type { LiveColumn, LiveSchema } from './connector.js';
import { checkStore, renameHint } from './check.js';
import { shopHolds, shopStore } from './testing/shop.js';

const col = (name: string, over: Partial<LiveColumn> = {}): LiveColumn => ({ name, rawType: 'varchar(255)', family: 'text', nullable: true, unique: false, maxLength: 255, ...over });
const id = col('id', { rawType: 'integer', family: 'integer', nullable: false, unique: true, maxLength: undefined });
const ts = (name: string) => col(name, { rawType: 'timestamptz', family: 'timestamp', maxLength: undefined });
const bool = (name: string) => col(name, { rawType: 'boolean', family: 'boolean', nullable: false, maxLength: undefined });
const ref = (name: string, nullable = false) => col(name, { rawType: 'integer', family: 'integer', nullable, maxLength: undefined });

function liveShop(): LiveSchema {
  return {
    tables: [
      { name: 'customers', primaryKey: ['id'], foreignKeys: [], columns: [id, col('email', { nullable: false, unique: true }), col('customer_number', { unique: true }), col('name', { nullable: false }), col('phone'), col('password_hash'), bool('processing_restricted'), ts('contract_ended_at'), ts('created_at')] },
      { name: 'orders', primaryKey: ['id'], foreignKeys: [{ columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['id'] }], columns: [id, ref('customer_id'), col('delivery_address'), col('note'), ts('ordered_at')] },
      { name: 'order_lines', primaryKey: ['id'], foreignKeys: [{ columns: ['order_id'], referencedTable: 'orders', referencedColumns: ['id'] }], columns: [id, ref('order_id'), col('product')] },
      { name: 'invoices', primaryKey: ['id'], foreignKeys: [], columns: [id, ref('customer_id'), ref('order_id', true), col('number'), ts('issued_at'), col('billing_name'), col('billing_email'), col('amount', { family: 'decimal', rawType: 'numeric' }), bool('legal_claim')] },
      { name: 'newsletter', primaryKey: ['id'], foreignKeys: [], columns: [id, col('email'), col('first_name'), ts('subscribed_at'), ts('last_contact_at')] },
      { name: 'tickets', primaryKey: ['id'], foreignKeys: [], columns: [id, ref('customer_id', true), col('email'), col('body', { rawType: 'text', maxLength: undefined }), ts('received_at')] },
    ],
  };
}

describe('checkStore', () => {
  it('finds nothing on a matching schema', () => {
    expect(checkStore(shopStore(), liveShop(), shopHolds)).toEqual([]);
  });

  it('catches null into NOT NULL, redact into a unique column, hash into a short column, a nullable reference that is not', () => {
    const live = liveShop();
    const customers = live.tables[0]!;
    customers.columns = customers.columns.map((c) => (c.name === 'phone' ? { ...c, nullable: false } : c.name === 'name' ? { ...c, unique: true } : c.name === 'email' ? { ...c, maxLength: 20, rawType: 'varchar(20)' } : c));
    const tickets = live.tables[5]!;
    tickets.columns = tickets.columns.map((c) => (c.name === 'customer_id' ? { ...c, nullable: false } : c));
    const codes = checkStore(shopStore(), live, shopHolds).map((f) => `${f.code} ${f.table}.${f.column}`);
    expect(codes.sort()).toEqual(['not_null customers.phone', 'not_null tickets.customer_id', 'too_short customers.email', 'unique_redact customers.name']);
  });

  it('catches an anchor that is not a date, a flag that is not a boolean, and a foreign key the charter does not declare', () => {
    const live = liveShop();
    const newsletter = live.tables[4]!;
    newsletter.columns = newsletter.columns.map((c) => (c.name === 'last_contact_at' ? col('last_contact_at') : c));
    const invoices = live.tables[3]!;
    invoices.columns = invoices.columns.map((c) => (c.name === 'legal_claim' ? col('legal_claim') : c));
    live.tables[2]!.foreignKeys.push({ columns: ['product'], referencedTable: 'newsletter', referencedColumns: ['id'] });
    const findings = checkStore(shopStore(), live, shopHolds);
    expect(findings.map((f) => f.code).sort()).toEqual(['anchor_type', 'flag_type', 'undeclared_reference']);
    expect(findings.find((f) => f.code === 'undeclared_reference')?.severity).toBe('warning');
  });
});

describe('renameHint', () => {
  it('suggests a close spelling or a longer name that contains the old one', () => {
    expect(renameHint('emial', ['email', 'id'])).toBe('email');
    expect(renameHint('phone', ['id', 'phone_number'])).toBe('phone_number');
    expect(renameHint('phone', ['id', 'created_at'])).toBeUndefined();
  });
});
