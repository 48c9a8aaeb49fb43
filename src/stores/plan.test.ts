import { describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import { deletionOrder, referenceCycles, storeModel, traversalPlan } from './plan.js';
import { shopHolds, shopStore } from './testing/shop.js';

const store = (tables: unknown[]) => storeSchema.parse({ id: 's', kind: 'postgres', connection: 'S_URL', tables });

describe('traversalPlan', () => {
  it('seeds from identity columns of the requested types and follows references both ways', () => {
    const model = storeModel(shopStore(), shopHolds);
    const plan = traversalPlan(model, ['email']);
    expect(plan.seeds.map((s) => `${s.table}.${s.column}`).sort()).toEqual(['customers.email', 'newsletter.email', 'tickets.email']);
    expect(plan.reachable.sort()).toEqual(['customers', 'invoices', 'newsletter', 'order_lines', 'orders', 'tickets']);
    expect(plan.edges).toContainEqual({ source: 'customers', sourceColumn: 'id', target: 'orders', targetColumn: 'customer_id', direction: 'back' });
    expect(plan.edges).toContainEqual({ source: 'orders', sourceColumn: 'customer_id', target: 'customers', targetColumn: 'id', direction: 'to' });
  });

  it('leaves out the newsletter for a customer number, which only the customer table holds', () => {
    const plan = traversalPlan(storeModel(shopStore(), shopHolds), ['customer-number']);
    expect(plan.unreachable).toEqual(['newsletter']);
  });

  it('honours traverse: to, so a shared parent does not lead to other people', () => {
    const model = storeModel(
      store([
        { name: 'companies', primaryKey: 'id', columns: [{ name: 'name', category: 'professional.company-name', erase: 'keep' }] },
        {
          name: 'contacts',
          primaryKey: 'id',
          columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
          references: [{ column: 'company_id', to: 'companies.id', traverse: 'to' }],
        },
      ]),
    );
    const plan = traversalPlan(model, ['email']);
    expect(plan.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['contacts->companies']);
  });
});

describe('deletionOrder', () => {
  it('puts children before the parents they reference', () => {
    const order = deletionOrder(storeModel(shopStore(), shopHolds));
    const before = (a: string, b: string) => order.indexOf(a) < order.indexOf(b);
    expect(before('order_lines', 'orders')).toBe(true);
    expect(before('orders', 'customers')).toBe(true);
    expect(before('invoices', 'customers')).toBe(true);
    expect(order).toHaveLength(6);
  });

  it('detects a cycle of non-nullable references and lets a nullable reference break it', () => {
    const tables = (nullable: boolean) =>
      store([
        { name: 'a', primaryKey: 'id', columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }], references: [{ column: 'b_id', to: 'b.id' }] },
        { name: 'b', primaryKey: 'id', references: [{ column: 'a_id', to: 'a.id', nullable }] },
      ]);
    expect(referenceCycles(storeModel(tables(false)))).toEqual([['a', 'b', 'a']]);
    expect(() => deletionOrder(storeModel(tables(false)))).toThrow(/cycle/);
    expect(referenceCycles(storeModel(tables(true)))).toEqual([]);
    expect(deletionOrder(storeModel(tables(true)))).toEqual(['a', 'b']);
  });

  it('resolves an anchor in a referenced table through the reference', () => {
    const model = storeModel(shopStore(), shopHolds);
    expect(model.tables.get('orders')?.anchor).toMatchObject({ column: 'contract_ended_at', via: { toTable: 'customers', column: 'customer_id' } });
    expect(model.tables.get('invoices')?.holds[1]).toMatchObject({ hold: 'vat-invoices', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' });
  });
});

describe('valueFitsFamily', () => {
  it('keeps a value a number column cannot hold away from it', async () => {
    const { valueFitsFamily } = await import('./sql/traverse.js');
    expect(valueFitsFamily('integer', '12')).toBe(true);
    expect(valueFitsFamily('integer', '12abc')).toBe(false);
    expect(valueFitsFamily('uuid', 'not-a-uuid')).toBe(false);
    expect(valueFitsFamily('text', '12abc')).toBe(true);
    expect(valueFitsFamily(undefined, 'anything')).toBe(true);
  });
});
