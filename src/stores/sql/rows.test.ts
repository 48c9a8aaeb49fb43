import { describe, expect, it } from 'vitest';
import { storeModel } from '../plan.js';
import { shopHolds, shopStore } from '../testing/shop.js';
import { keyText, rowHold, toJson, writtenColumns } from './rows.js';

const model = storeModel(shopStore(), shopHolds);
const invoices = model.tables.get('invoices')!;
const names = (columns: { name: string }[]) => columns.map((c) => c.name);

describe('rules over one row read from a store', () => {
  it('turns dates, binary and big integers into JSON', () => {
    expect(
      toJson({ at: new Date('2026-01-02T03:04:05.000Z'), raw: Buffer.from('hi'), n: 12n, no: new Date('x') }),
    ).toEqual({ at: '2026-01-02T03:04:05.000Z', raw: 'aGk=', n: '12', no: null });
    expect(keyText(7)).toBe('7');
    expect(keyText('k-1')).toBe('k-1');
  });

  it('keeps a row under the first hold that applies: a set flag, or a date whose duration has not run', () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    expect(rowHold(invoices.holds, { legal_claim: 1, issued_at: null }, now)?.hold.hold).toBe('legal-claim');
    const vat = rowHold(invoices.holds, { legal_claim: false, issued_at: '2020-03-01' }, now);
    expect(vat?.hold.hold).toBe('vat-invoices');
    expect(vat?.until?.toISOString()).toBe('2030-03-01T00:00:00.000Z');
    expect(rowHold(invoices.holds, { legal_claim: 0, issued_at: '2010-03-01' }, now)).toBeUndefined();
  });

  it('writes by strategy in an update, everything but the kept columns in a reduction or an anonymisation', () => {
    expect(names(writtenColumns(invoices, 'update'))).toEqual(['billing_name', 'billing_email']);
    expect(names(writtenColumns(invoices, 'reduce', ['billing_name']))).toEqual(['billing_email']);
    expect(names(writtenColumns(invoices, 'anonymise'))).toEqual(['billing_name', 'billing_email']);
  });
});
