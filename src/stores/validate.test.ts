import { describe, expect, it } from 'vitest';
import { lintCharter } from '../lint.js';
import { checkReferences } from '../charter/references.js';
import type { Charter } from '../charter/schema.js';
import { ambiguityWarnings } from './reach.js';
import { shopCharter } from './testing/shop-charter.js';

const withShop = (edit?: (charter: Charter) => void) => shopCharter('postgres', edit);
const codes = (charter: Charter) =>
  checkReferences(charter)
    .filter((p) => p.path[0] === 'stores' || p.path[0] === 'rights')
    .map((p) => p.code);

describe('store checks in the charter', () => {
  it('accepts the shop declaration', () => {
    expect(codes(withShop())).toEqual([]);
  });

  it('reports a reference cycle of non-nullable references', () => {
    const charter = withShop((c) => {
      c.stores[0]!.tables.find((t) => t.name === 'customers')!.references.push({
        column: 'last_order_id',
        to: 'orders.id',
        profile: false,
        nullable: false,
        enforced: true,
      });
    });
    const problem = checkReferences(charter).find((p) => p.code === 'reference_cycle');
    expect(problem?.message).toMatch(/customers → orders → customers|orders → customers → orders/);
  });

  it('reports a table no identity reaches and a reference to an undeclared column', () => {
    const charter = withShop((c) => {
      c.stores[0]!.tables.push({
        name: 'leads',
        primaryKey: 'id',
        columns: [{ name: 'name', category: 'identity.name', erase: 'delete', secret: false }],
        references: [],
        holds: [],
      });
      c.stores[0]!.tables.find((t) => t.name === 'orders')!.references[0]!.to = 'customers.uuid';
    });
    expect(codes(charter)).toEqual(expect.arrayContaining(['unreachable_table', 'unknown_reference']));
  });

  it('reports an identity requesters may use that no store holds', () => {
    const charter = withShop((c) => {
      c.rights.identities = ['email', 'phone'];
    });
    expect(codes(charter)).toEqual(['unreachable_identity']);
  });

  it('reports a hold anchored on a date when the hold has no duration', () => {
    const charter = withShop((c) => {
      c.stores[0]!.tables.find((t) => t.name === 'invoices')!.holds[0] = { hold: 'legal-claim', anchor: 'issued_at' };
    });
    expect(codes(charter)).toEqual(['impossible_value']);
  });
});

describe('identity columns that name another person', () => {
  const withReferrer = (mentions?: boolean) =>
    withShop((c) => {
      c.stores[0]!.tables.find((t) => t.name === 'customers')!.columns.push({
        name: 'referrer_email',
        category: 'contact.email',
        identity: 'email',
        erase: 'null',
        secret: false,
        ...(mentions === undefined ? {} : { mentions }),
      });
    });

  it('warns once per table, in lint and validate, when two email columns are not told apart, naming them and what to write', () => {
    const charter = withReferrer();
    const findings = lintCharter(charter).filter((f) => f.rule === 'ambiguous-identity');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.path).toEqual(['stores', 0, 'tables', 0, 'columns']);
    expect(findings[0]?.message).toContain('email, referrer_email (email)');
    expect(findings[0]?.message).toContain('mentions: true');
    expect(ambiguityWarnings(charter)).toEqual([`stores.${charter.stores[0]!.id}: ${findings[0]!.message}`]);
  });

  it('is quiet once the referrer column is marked', () => {
    const charter = withReferrer(true);
    expect(lintCharter(charter).filter((f) => f.rule === 'ambiguous-identity')).toEqual([]);
    expect(ambiguityWarnings(charter)).toEqual([]);
    expect(codes(charter)).toEqual([]);
  });

  it('refuses "mentions" on a column that is not an identity column', () => {
    const charter = withShop((c) => {
      c.stores[0]!.tables.find((t) => t.name === 'invoices')!.columns.find(
        (col) => col.name === 'billing_email',
      )!.mentions = true;
    });
    expect(codes(charter)).toEqual(['impossible_value']);
  });
});
