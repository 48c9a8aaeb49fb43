import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkReferences } from '../../charter/references.js';
import { buildCharter } from '../../../test/support/charter.js';
import { deletionOrder, storeModel, traversalPlan } from '../plan.js';
import { wordpressPreset, wordpressPresetYaml } from './wordpress.js';

describe('the WordPress + WooCommerce preset', () => {
  it('is a valid store declaration in a charter that declares the VAT hold', () => {
    const charter = buildCharter((c) => {
      c.holds = [{ id: 'vat-invoices', reason: 'Invoices', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' }];
      c.stores = [wordpressPreset()];
    });
    expect(checkReferences(charter).filter((p) => p.path[0] === 'stores')).toEqual([]);
  });

  it('reaches every table from an email and deletes users without waiting for orders kept under the hold', () => {
    const model = storeModel(wordpressPreset({ prefix: 'shop_' }));
    expect(traversalPlan(model, ['email']).unreachable).toEqual([]);
    const order = deletionOrder(model);
    expect(order).toHaveLength(7);
    expect(model.tables.get('shop_wc_orders')?.references[0]).toMatchObject({ toTable: 'shop_users', enforced: false });
  });

  it('leaves WooCommerce out on request and renders as YAML to paste under stores', () => {
    expect(wordpressPreset({ woocommerce: false }).tables.map((t) => t.name)).toEqual([
      'wp_users',
      'wp_usermeta',
      'wp_comments',
    ]);
    const yaml = wordpressPresetYaml({ connection: 'SITE_DB_URL' });
    const [store] = parse(yaml) as [{ connection: string; kind: string }];
    expect(store).toMatchObject({ connection: 'SITE_DB_URL', kind: 'mysql' });
  });
});
