/**
 * A charter whose one store is the test shop (testing/shop.ts), with the holds and the purposes the shop's tables
 * name, so that it passes the reference checks. Kept apart from shop.ts, which the reference adapter's demo also
 * loads: this one builds on the test charter of test/support.
 */
import { buildCharter } from '../../../test/support/charter.js';
import type { Charter, Store } from '../../charter/schema.js';
import { shopStore } from './shop.js';

export function shopCharter(kind: Store['kind'] = 'postgres', edit?: (charter: Charter) => void): Charter {
  return buildCharter((charter) => {
    charter.holds = [
      {
        id: 'vat-invoices',
        reason: 'Invoices are kept for the tax authorities',
        law: 'Belgian VAT Code, art. 60',
        duration: 'P10Y',
      },
      { id: 'legal-claim', reason: 'Open claims', law: 'Civil Code' },
    ];
    charter.purposes.push(
      { ...structuredClone(charter.purposes[0]!), id: 'newsletter' },
      { ...structuredClone(charter.purposes[0]!), id: 'support' },
    );
    charter.stores = [shopStore(kind)];
    edit?.(charter);
  });
}
