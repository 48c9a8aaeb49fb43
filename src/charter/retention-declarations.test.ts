import { describe, expect, it } from 'vitest';
import { ledgerShopYaml } from '../retention/testing/ledger-shop.js';
import { loadCharter } from './loader.js';

const shop = ledgerShopYaml({ connection: 'SHOP_URL', kind: 'postgres' });
const lineOf = (text: string, needle: string, after = 0) =>
  text.split('\n').findIndex((line, i) => i >= after && line.includes(needle)) + 1;

describe('retention declarations', () => {
  it('accepts a table with a column rule beside its rule on whole rows', () => {
    const loaded = loadCharter(shop);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('refuses restrictColumn pointing at a parent table: restriction is inherited through ownership', () => {
    const broken = shop.replace(
      '        purpose: shop-orders\n        anchor: placed_at\n',
      '        purpose: shop-orders\n        anchor: placed_at\n        restrictColumn: customers.restricted\n',
    );
    const loaded = loadCharter(broken);
    expect(loaded.ok).toBe(false);
    const problem = loaded.ok ? undefined : loaded.problems.find((p) => p.path.endsWith('restrictColumn'));
    expect(problem?.message).toMatch(/restriction is inherited through ownership/);
    expect(problem?.line).toBe(lineOf(broken, 'restrictColumn: customers.restricted'));
  });

  it('reports one physical table declared in two stores, at both positions', () => {
    const twice = `${shop}  - id: shop-again
    kind: postgres
    connection: SHOP_URL
    tables:
      - name: vouchers
        primaryKey: id
        columns:
          - { name: code, category: commercial.loyalty, identity: customer-number, erase: keep }
`;
    const loaded = loadCharter(twice);
    expect(loaded.ok).toBe(false);
    const duplicates = loaded.ok ? [] : loaded.problems.filter((p) => p.code === 'duplicate_table');
    expect(duplicates.map((p) => p.line)).toEqual([
      lineOf(twice, '- name: vouchers'),
      lineOf(twice, '- name: vouchers', lineOf(twice, 'id: shop-again')),
    ]);
    expect(duplicates[0]?.message).toContain('is declared twice (also at stores[1].tables[0])');
    expect(duplicates[1]?.message).toContain('(also at stores[0].tables[6])');
  });

  it('accepts the same table name in another database or schema', () => {
    const other = `${shop}  - id: shop-archive
    kind: postgres
    connection: ARCHIVE_URL
    tables:
      - name: vouchers
        primaryKey: id
        columns:
          - { name: code, category: commercial.loyalty, identity: customer-number, erase: keep }
`;
    const loaded = loadCharter(other);
    expect(loaded.ok ? [] : loaded.problems.filter((p) => p.code === 'duplicate_table')).toEqual([]);
  });
});
