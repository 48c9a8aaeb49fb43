import { describe, expect, it } from 'vitest';
import { storeSchema } from '../charter/schema.js';
import { holdsPersonalData, ownerlessKeys, rowsKey, type ErasedForms, type FoundRow } from './ownerless.js';
import { classifyRows } from './ownership.js';
import { storeModel } from './plan.js';
import { hashValue } from './strategies.js';

// accounts (identity) ← bookings (owned by an account and a claim) → claims (identity, flag hold)
const model = storeModel(
  storeSchema.parse({
    id: 's',
    kind: 'postgres',
    connection: 'S_URL',
    tables: [
      {
        name: 'accounts',
        primaryKey: 'id',
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' },
          { name: 'name', category: 'identity.name', erase: 'redact' },
          { name: 'plan', category: 'identity.name', erase: 'keep' },
        ],
      },
      {
        name: 'claims',
        primaryKey: 'id',
        columns: [{ name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' }],
        holds: [{ hold: 'claim', flag: 'held', keep: ['email'] }],
      },
      {
        name: 'bookings',
        primaryKey: 'id',
        columns: [{ name: 'note', category: 'identity.name' }],
        references: [
          { column: 'account_id', to: 'accounts.id' },
          { column: 'claim_id', to: 'claims.id', nullable: true },
        ],
      },
    ],
  }),
  [{ id: 'claim', law: 'Civil Code' }],
);
const accounts = model.tables.get('accounts')!;
const forms: ErasedForms = { redactToken: '[erased]', heldColumns: () => undefined };

describe('holdsPersonalData', () => {
  it('sees an erased husk as empty: NULL, a hash, the redaction token and keep columns name nobody', () => {
    const husk = { id: 1, email: null, name: '[erased]', plan: 'gold' };
    expect(holdsPersonalData(accounts, husk, forms)).toBe(false);
    expect(holdsPersonalData(accounts, { ...husk, email: hashValue('a@x.test', Buffer.alloc(32)) }, forms)).toBe(false);
  });

  it('sees a name without an address as someone (a contact known only by name), and any live identity value', () => {
    expect(holdsPersonalData(accounts, { id: 1, email: null, name: 'Carl', plan: null }, forms)).toBe(true);
    expect(holdsPersonalData(accounts, { id: 1, email: 'a@x.test', name: null, plan: null }, forms)).toBe(true);
  });

  it('does not count the columns a hold in force keeps', () => {
    const held: ErasedForms = { ...forms, heldColumns: () => ['name'] };
    expect(holdsPersonalData(accounts, { id: 1, email: null, name: 'Carl', plan: null }, held)).toBe(false);
  });
});

describe('ownerlessKeys', () => {
  const asked = [rowsKey('accounts', 'id', 101), rowsKey('accounts', 'id', 102), rowsKey('accounts', 'id', 103)];
  const husk: FoundRow = { id: 101, email: null, name: null, plan: null };
  const carl: FoundRow = { id: 102, email: null, name: 'Carl', plan: null };
  const fetched = new Map([['accounts', [husk, carl]]]);
  const byKey = new Map([
    [rowsKey('accounts', 'id', 101), [husk]],
    [rowsKey('accounts', 'id', 102), [carl]],
  ]);

  it('names the husk and a value no row has, never a row with personal data', () => {
    const nobody = ownerlessKeys(model, fetched, byKey, () => false, asked, forms);
    expect([...nobody].sort()).toEqual([rowsKey('accounts', 'id', 101), rowsKey('accounts', 'id', 103)].sort());
  });
});

describe('classifyRows with rows that belong to nobody', () => {
  // Ann's held claim 201 is found; her booking 301 still points at her erased account 101.
  const found = new Map([
    ['claims', [{ id: 201, held: true }]],
    ['bookings', [{ id: 301, account_id: 101, claim_id: 201 }]],
  ]);

  it('counts a reference to a husk as NULL: the booking stays hers alone', () => {
    const nobody = new Set([rowsKey('accounts', 'id', 101)]);
    const own = classifyRows(model, found, new Map(), new Map(), nobody).get('bookings')?.get('301');
    expect(own?.exclusive).toBe(true);
    expect([...(own?.mine ?? [])]).toEqual(['claim_id']);
  });

  it('without knowing whose the account is, keeps the booking shared (the safe side)', () => {
    expect(classifyRows(model, found, new Map()).get('bookings')?.get('301')?.exclusive).toBe(false);
  });
});
