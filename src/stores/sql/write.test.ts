import { describe, expect, it } from 'vitest';
import { storeModel } from '../plan.js';
import { hashValue } from '../strategies.js';
import { shopHolds, shopStore } from '../testing/shop.js';
import { Statement, renderPlaceholders } from './driver.js';
import { writtenColumns } from './rows.js';
import { strategyUpdate } from './write.js';

const model = storeModel(shopStore(), shopHolds);
const customers = model.tables.get('customers')!;
const hashKey = Buffer.from('test-key');
const ctx = { model, token: '[erased]', hashKey };
const rows = [
  { id: 1, email: 'alice@example.be' },
  { id: 2, email: 'bob@example.be' },
];
const update = (dialect: 'postgres' | 'mysql', columns = writtenColumns(customers, 'update')) => {
  const statement = new Statement(dialect);
  return renderPlaceholders(dialect, strategyUpdate(ctx, statement, customers, rows, columns), statement.params);
};

describe('the update that writes a batch of rows by strategy', () => {
  it('writes fixed values in one statement by primary key when no column is hashed', () => {
    const columns = customers.columns.filter((c) => c.name === 'name' || c.name === 'phone');
    expect(update('postgres', columns)).toEqual({
      text: 'update "customers" set "name" = $1, "phone" = null where "id" = any($2)',
      params: ['[erased]', [1, 2]],
    });
  });

  it("looks each row's hash up by its key in one JSON object on PostgreSQL", () => {
    const { text, params } = update('postgres');
    expect(text).toBe(
      'update "customers" set "email" = $1::jsonb ->> ("id"::text), "name" = $2, "phone" = null, "password_hash" = null where "id" = any($3)',
    );
    expect(JSON.parse(String(params[0]))).toEqual({
      1: hashValue('alice@example.be', hashKey),
      2: hashValue('bob@example.be', hashKey),
    });
  });

  it('joins a derived table of keys and hashes on MySQL', () => {
    const { text, params } = update('mysql');
    expect(text).toBe(
      'update `customers` t join (select ? as k, ? as h0 union all select ?, ?) u on t.`id` = u.k set t.`email` = u.h0, t.`name` = ?, t.`phone` = null, t.`password_hash` = null',
    );
    expect(params).toEqual([
      1,
      hashValue('alice@example.be', hashKey),
      2,
      hashValue('bob@example.be', hashKey),
      '[erased]',
    ]);
  });
});
