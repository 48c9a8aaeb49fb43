import { describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import { deletionOrder, referenceCycles, storeModel, traversalPlan } from './plan.js';
import { shopHolds, shopStore } from './testing/shop.js';

const store = (tables: unknown[]) => storeSchema.parse({ id: 's', kind: 'postgres', connection: 'S_URL', tables });

const edge = (e: { source: string; target: string; direction: string; reference: { column: string } }) =>
  `${e.source}-${e.direction}->${e.target} (${e.reference.column})`;

describe('traversalPlan', () => {
  it('seeds from identity columns and walks down owner references only', () => {
    const model = storeModel(shopStore(), shopHolds);
    const plan = traversalPlan(model, ['email']);
    expect(plan.seeds.map((s) => `${s.table}.${s.column}`).sort()).toEqual([
      'customers.email',
      'newsletter.email',
      'tickets.email',
    ]);
    expect(plan.reachable.sort()).toEqual(['customers', 'invoices', 'newsletter', 'order_lines', 'orders', 'tickets']);
    // The invoice belongs to its customer; its order is only a link (Bob's invoice may pay for Alice's order). A
    // ticket holds an email but belongs to the customer it names too.
    expect(plan.edges.map(edge).sort()).toEqual([
      'customers-back->invoices (customer_id)',
      'customers-back->orders (customer_id)',
      'customers-back->tickets (customer_id)',
      'orders-back->order_lines (order_id)',
    ]);
  });

  it('leaves out the newsletter for a customer number: it holds only an email and names no customer', () => {
    const plan = traversalPlan(storeModel(shopStore(), shopHolds), ['customer-number']);
    expect(plan.unreachable).toEqual(['newsletter']);
  });

  it('never climbs to a shared parent, whatever the obsolete traverse says, and climbs to a declared profile', () => {
    const model = storeModel(
      store([
        {
          name: 'companies',
          primaryKey: 'id',
          columns: [{ name: 'name', category: 'professional.company-name', erase: 'keep' }],
        },
        {
          name: 'accounts',
          primaryKey: 'id',
          columns: [{ name: 'password', category: 'account.password', erase: 'null', secret: true }],
        },
        {
          name: 'contacts',
          primaryKey: 'id',
          columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
          references: [
            { column: 'company_id', to: 'companies.id', traverse: 'both' },
            { column: 'account_id', to: 'accounts.id', profile: true },
          ],
        },
      ]),
    );
    const plan = traversalPlan(model, ['email']);
    expect(plan.edges.map(edge)).toEqual(['contacts-to->accounts (account_id)']);
    expect(plan.unreachable).toEqual(['companies']);
  });
});

describe('owner references', () => {
  const owners = (tables: unknown[]) =>
    Object.fromEntries(
      [...storeModel(store(tables)).tables.values()].map((t) => [t.name, t.owners.map((r) => r.column)]),
    );
  const person = (name: string, references: unknown[] = []) => ({
    name,
    primaryKey: 'id',
    columns: [{ name: 'email', category: 'contact.email', identity: 'email' }],
    references,
  });
  const plain = (name: string, references: unknown[] = []) => ({ name, primaryKey: 'id', references });

  it('gives a table with its own identity no owner but a person, and prefers references to people over links', () => {
    expect(
      owners([
        person('clients'),
        plain('events', [{ column: 'client_id', to: 'clients.id' }]),
        person('guests', [{ column: 'event_id', to: 'events.id' }]),
        plain('photos', [
          { column: 'guest_id', to: 'guests.id' },
          { column: 'event_id', to: 'events.id' },
        ]),
      ]),
    ).toEqual({ clients: [], events: ['client_id'], guests: [], photos: ['guest_id'] });
  });

  it('follows chains and diamonds to tables that belong to someone, never to a catalog or a self-reference', () => {
    expect(
      owners([
        person('customers'),
        plain('products'),
        plain('orders', [{ column: 'customer_id', to: 'customers.id' }]),
        plain('lines', [
          { column: 'order_id', to: 'orders.id' },
          { column: 'product_id', to: 'products.id' },
        ]),
        plain('returns', [{ column: 'line_id', to: 'lines.id' }]),
        plain('comments', [
          { column: 'parent_id', to: 'comments.id' },
          { column: 'order_id', to: 'orders.id' },
          { column: 'return_id', to: 'returns.id' },
        ]),
      ]),
    ).toEqual({
      customers: [],
      products: [],
      orders: ['customer_id'],
      lines: ['order_id'],
      returns: ['line_id'],
      comments: ['order_id', 'return_id'],
    });
  });

  it('takes exactly the references marked owner: true once a table marks any', () => {
    expect(
      owners([
        person('customers'),
        person('emails', [{ column: 'customer_id', to: 'customers.id', owner: true }]),
        plain('messages', [
          { column: 'sender_id', to: 'customers.id', owner: true },
          { column: 'recipient_id', to: 'customers.id', owner: false },
        ]),
      ]),
    ).toEqual({ customers: [], emails: ['customer_id'], messages: ['sender_id'] });
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
        {
          name: 'a',
          primaryKey: 'id',
          columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
          references: [{ column: 'b_id', to: 'b.id' }],
        },
        { name: 'b', primaryKey: 'id', references: [{ column: 'a_id', to: 'a.id', nullable }] },
      ]);
    expect(referenceCycles(storeModel(tables(false)))).toEqual([['a', 'b', 'a']]);
    expect(() => deletionOrder(storeModel(tables(false)))).toThrow(/cycle/);
    expect(referenceCycles(storeModel(tables(true)))).toEqual([]);
    expect(deletionOrder(storeModel(tables(true)))).toEqual(['a', 'b']);
  });

  it('resolves an anchor in a referenced table through the reference', () => {
    const model = storeModel(shopStore(), shopHolds);
    expect(model.tables.get('orders')?.anchor).toMatchObject({
      column: 'contract_ended_at',
      via: { toTable: 'customers', column: 'customer_id' },
    });
    expect(model.tables.get('invoices')?.holds[1]).toMatchObject({
      hold: 'vat-invoices',
      law: 'Belgian VAT Code, art. 60',
      duration: 'P10Y',
    });
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
