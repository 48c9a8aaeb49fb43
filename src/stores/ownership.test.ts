import { describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import {
  ambiguousIdentities,
  classifyRows,
  mentionedColumns,
  personColumns,
  restrictable,
  visibleColumns,
  type ProfileReferrers,
} from './ownership.js';
import { storeModel } from './plan.js';

const model = (tables: unknown[]) =>
  storeModel(storeSchema.parse({ id: 's', kind: 'postgres', connection: 'S_URL', tables }));
const person = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  primaryKey: 'id',
  columns: [{ name: 'email', category: 'contact.email', identity: 'email' }],
  ...extra,
});

describe('classifyRows', () => {
  it('makes a row shared when one of its owners is someone else, and withholds their columns', () => {
    const m = model([
      person('customers'),
      {
        name: 'messages',
        primaryKey: 'id',
        columns: [
          { name: 'body', category: 'communication.message' },
          { name: 'sender_name', category: 'identity.name', of: 'sender_id' },
          { name: 'recipient_name', category: 'identity.name', of: 'recipient_id' },
        ],
        references: [
          { column: 'sender_id', to: 'customers.id' },
          { column: 'recipient_id', to: 'customers.id' },
        ],
      },
    ]);
    // Alice (1) is found; her message to herself (10) is hers alone, her message to Bob (11) is shared.
    const found = new Map([
      ['customers', [{ id: 1 }]],
      [
        'messages',
        [
          { id: 10, sender_id: 1, recipient_id: 1 },
          { id: 11, sender_id: 1, recipient_id: 2 },
        ],
      ],
    ]);
    const result = classifyRows(m, found, new Map());
    expect(result.get('messages')?.get('10')?.exclusive).toBe(true);
    const shared = result.get('messages')?.get('11');
    expect(shared?.exclusive).toBe(false);
    expect([...(shared?.mine ?? [])]).toEqual(['sender_id']);
    const table = m.tables.get('messages');
    expect(visibleColumns(table?.columns ?? [], shared!).map((c) => c.name)).toEqual(['body', 'sender_name']);
  });

  it('passes sharing down to the rows that belong to a shared row, and never makes a cycle exclusive', () => {
    const m = model([
      person('customers'),
      {
        name: 'threads',
        primaryKey: 'id',
        references: [
          { column: 'a_id', to: 'customers.id' },
          { column: 'b_id', to: 'customers.id' },
        ],
      },
      { name: 'posts', primaryKey: 'id', references: [{ column: 'thread_id', to: 'threads.id' }] },
      { name: 'x', primaryKey: 'id', references: [{ column: 'y_id', to: 'y.id', owner: true }] },
      { name: 'y', primaryKey: 'id', references: [{ column: 'x_id', to: 'x.id', owner: true }] },
    ]);
    const found = new Map<string, Record<string, unknown>[]>([
      ['customers', [{ id: 1 }]],
      ['threads', [{ id: 5, a_id: 1, b_id: 2 }]],
      ['posts', [{ id: 7, thread_id: 5 }]],
      ['x', [{ id: 1, y_id: 1 }]],
      ['y', [{ id: 1, x_id: 1 }]],
    ]);
    const result = classifyRows(m, found, new Map());
    expect(result.get('posts')?.get('7')?.exclusive).toBe(false);
    expect(result.get('x')?.get('1')?.exclusive).toBe(false);
    expect(result.get('y')?.get('1')?.exclusive).toBe(false);
  });

  it('keeps a profile row exclusive only while no one else names it as their profile', () => {
    const m = model([
      { name: 'accounts', primaryKey: 'id' },
      person('customers', { references: [{ column: 'account_id', to: 'accounts.id', profile: true }] }),
    ]);
    const ref = m.tables.get('customers')!.references[0]!;
    const found = new Map([
      ['customers', [{ id: 1, account_id: 9 }]],
      ['accounts', [{ id: 9 }]],
    ]);
    const alone: ProfileReferrers = new Map([[ref, new Map([['9', new Set(['1'])]])]]);
    const sharedAccount: ProfileReferrers = new Map([[ref, new Map([['9', new Set(['1', '2'])]])]]);
    expect(classifyRows(m, found, alone).get('accounts')?.get('9')?.exclusive).toBe(true);
    expect(classifyRows(m, found, sharedAccount).get('accounts')?.get('9')?.exclusive).toBe(false);
  });

  it('marks rows restricted through the rows they belong to and through profiles', () => {
    const m = model([
      { name: 'accounts', primaryKey: 'id', restrictColumn: 'restricted' },
      person('customers', { references: [{ column: 'account_id', to: 'accounts.id', profile: true }] }),
      { name: 'orders', primaryKey: 'id', references: [{ column: 'customer_id', to: 'customers.id' }] },
      { name: 'lines', primaryKey: 'id', references: [{ column: 'order_id', to: 'orders.id' }] },
    ]);
    const found = new Map<string, Record<string, unknown>[]>([
      ['accounts', [{ id: 9, restricted: true }]],
      ['customers', [{ id: 1, account_id: 9 }]],
      ['orders', [{ id: 3, customer_id: 1 }]],
      ['lines', [{ id: 4, order_id: 3 }]],
    ]);
    const result = classifyRows(m, found, new Map());
    expect(result.get('lines')?.get('4')?.restricted).toBe(true);
    expect(restrictable(m, 'lines')).toBe(true);
    expect(
      restrictable(
        model([
          person('customers'),
          { name: 'orders', primaryKey: 'id', references: [{ column: 'customer_id', to: 'customers.id' }] },
        ]),
        'orders',
      ),
    ).toBe(false);
  });

  it('compares keys across types (a bigint read as text, a number)', () => {
    const m = model([
      person('customers'),
      { name: 'orders', primaryKey: 'id', references: [{ column: 'customer_id', to: 'customers.id' }] },
    ]);
    const found = new Map<string, Record<string, unknown>[]>([
      ['customers', [{ id: '12' }]],
      ['orders', [{ id: 1, customer_id: 12 }]],
    ]);
    expect(classifyRows(m, found, new Map()).get('orders')?.get('1')?.exclusive).toBe(true);
  });
});

describe('mentionedColumns', () => {
  const customers = model([
    {
      name: 'customers',
      primaryKey: 'id',
      columns: [
        { name: 'email', category: 'contact.email', identity: 'email' },
        { name: 'referrer_email', category: 'contact.email', identity: 'email' },
        { name: 'customer_number', category: 'commercial.contract', identity: 'customer-number' },
      ],
    },
  ]).tables.get('customers')!;
  const alice = [{ type: 'email', value: ' Alice@Shop.test ' }];

  it("names the columns holding the person's value when another identity column of the request's types names someone else", () => {
    expect(mentionedColumns(customers, { email: 'bob@shop.test', referrer_email: 'alice@shop.test' }, alice)).toEqual([
      'referrer_email',
    ]);
  });

  it("leaves the person's own row alone: every identity of the request's types is theirs, others types are not compared", () => {
    expect(
      mentionedColumns(customers, { email: 'alice@shop.test', referrer_email: null, customer_number: 'C-7' }, alice),
    ).toBeUndefined();
    expect(
      mentionedColumns(customers, { email: 'alice@shop.test', referrer_email: 'ALICE@shop.test' }, alice),
    ).toBeUndefined();
  });

  it('does not take a dotted variant of an email for the same address', () => {
    expect(
      mentionedColumns(customers, { email: 'a.lice@shop.test', referrer_email: 'alice@shop.test' }, alice),
    ).toEqual(['referrer_email']);
  });

  describe('with the referrer column marked "mentions: true"', () => {
    const marked = model([
      {
        name: 'customers',
        primaryKey: 'id',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email' },
          { name: 'referrer_email', category: 'contact.email', identity: 'email', mentions: true },
          { name: 'phone', category: 'contact.phone', identity: 'phone' },
        ],
      },
    ]).tables.get('customers')!;

    it("keeps Alice's own row hers when it names Bob as her referrer", () => {
      expect(
        mentionedColumns(marked, { email: 'alice@shop.test', referrer_email: 'bob@shop.test' }, alice),
      ).toBeUndefined();
    });

    it("makes Bob's row, found only through its referrer column, one that mentions Alice in that column", () => {
      expect(mentionedColumns(marked, { email: 'bob@shop.test', referrer_email: 'alice@shop.test' }, alice)).toEqual([
        'referrer_email',
      ]);
      // Even with no own address on the row: the column says it names another person.
      expect(mentionedColumns(marked, { email: null, referrer_email: 'alice@shop.test' }, alice)).toEqual([
        'referrer_email',
      ]);
    });

    it("keeps a row found through an unmarked column of another type the person's own (a changed phone number beside her email)", () => {
      const both = [...alice, { type: 'phone', value: '+32 470 00 00 01' }];
      expect(
        mentionedColumns(marked, { email: 'alice@shop.test', referrer_email: null, phone: '+32470999999' }, both),
      ).toBeUndefined();
    });
  });
});

describe('ambiguousIdentities', () => {
  it('names the identity columns of one type when none is marked, and nothing once one is', () => {
    const columns = [
      { name: 'email', identity: 'email' },
      { name: 'referrer_email', identity: 'email' },
      { name: 'phone', identity: 'phone' },
      { name: 'notes' },
    ];
    expect(ambiguousIdentities(columns)).toEqual([{ type: 'email', columns: ['email', 'referrer_email'] }]);
    expect(ambiguousIdentities([columns[0]!, { ...columns[1]!, mentions: true }, columns[2]!])).toEqual([]);
    expect(ambiguousIdentities([columns[0]!, columns[2]!])).toEqual([]);
  });
});

describe('personColumns', () => {
  it('in a row that only mentions the person, is the columns naming them and nothing else, not even a column of a reference pointing at them', () => {
    const columns = [
      {
        name: 'email',
        category: 'contact.email',
        erase: 'null' as const,
        identity: 'email' as const,
        mentions: false,
        secret: false,
      },
      {
        name: 'referrer_email',
        category: 'contact.email',
        erase: 'null' as const,
        identity: 'email' as const,
        mentions: true,
        secret: false,
      },
      {
        name: 'note',
        category: 'identity.name',
        erase: 'null' as const,
        mentions: false,
        secret: false,
        of: 'friend_id',
      },
    ];
    const ownership = {
      exclusive: false,
      mine: new Set(['friend_id']),
      restricted: false,
      mentioned: ['referrer_email'],
    };
    expect(personColumns(columns, ownership).map((c) => c.name)).toEqual(['referrer_email']);
    expect(visibleColumns(columns, ownership).map((c) => c.name)).toEqual(['referrer_email']);
    expect(personColumns(columns, { ...ownership, mentioned: undefined }).map((c) => c.name)).toEqual(['note']);
  });
});
