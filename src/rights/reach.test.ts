import { describe, expect, it } from 'vitest';
import { shopStore } from '../stores/testing/shop.js';
import { buildCharter } from '../../test/support/charter.js';
import { reachCounter, summariseReach } from './reach.js';

describe('summariseReach', () => {
  it('lists each table a request reaches with its rows, shared rows and how, and counts an HTTP store as its adapter answers', () => {
    const charter = buildCharter((c) => {
      c.stores = [shopStore('postgres', 'shop'), shopStore('http', 'remote')];
    });
    const counter = reachCounter();
    counter.add([
      { store: 'shop', table: 'customers', key: '1', columns: [], restricted: false },
      { store: 'shop', table: 'orders', key: '10', columns: [], restricted: false },
      { store: 'shop', table: 'orders', key: '11', columns: [], restricted: false, shared: true },
      { store: 'remote', table: 'orders', key: '7', columns: [], restricted: false },
    ]);
    const reach = summariseReach(charter, ['email'], counter.counts);
    expect(reach.find((r) => r.store === 'shop' && r.table === 'orders')).toMatchObject({
      rows: 2,
      shared: 1,
      how: 'owner',
      via: { table: 'customers', column: 'customer_id' },
    });
    expect(reach.find((r) => r.store === 'shop' && r.table === 'customers')).toMatchObject({
      rows: 1,
      how: 'identity',
    });
    expect(reach.find((r) => r.store === 'shop' && r.table === 'invoices')).toMatchObject({ rows: 0, how: 'owner' });
    expect(reach.filter((r) => r.store === 'remote')).toEqual([
      { store: 'remote', storeName: 'remote', table: 'orders', rows: 1, shared: 0, how: 'adapter' },
    ]);
  });
});
