import { describe, expect, it } from 'vitest';
import type { Store } from '../charter/schema.js';
import type { LiveColumn, LiveSchema, StoreConnector } from '../stores/connector.js';
import type { TableRule } from './rules.js';
import { checkTables, openedStore } from './store-access.js';

const column = (name: string, extra: Partial<LiveColumn> = {}): LiveColumn => ({
  name,
  rawType: 'text',
  family: 'text',
  nullable: true,
  unique: false,
  ...extra,
});

const store: Store = {
  id: 'crm',
  kind: 'postgres',
  connection: 'CRM_URL',
  tables: [
    {
      name: 'visits',
      primaryKey: 'id',
      purpose: 'analytics',
      anchor: 'visited_at',
      references: [],
      holds: [],
      columns: [
        { name: 'ip', category: 'online.ip-address', erase: 'null', secret: false },
        { name: 'visitor', category: 'online.identifier', erase: 'hash', secret: false },
        { name: 'email', category: 'contact.email', erase: 'redact', secret: false },
        { name: 'page', category: 'online.log-file', erase: 'keep', secret: false },
      ],
    },
  ],
};

const rule = (action: 'delete' | 'anonymise'): TableRule => ({
  id: 'crm/visits',
  store: 'crm',
  storeKind: 'postgres',
  table: 'visits',
  purpose: 'analytics',
  from: 'collection',
  duration: 'P13M',
  period: 'P13M',
  action,
  anchor: { declared: 'visited_at', table: 'visits', column: 'visited_at' },
  holds: [],
  purposeHolds: [],
});

function live(columns: LiveColumn[]): LiveSchema {
  return {
    tables: [
      {
        name: 'visits',
        primaryKey: ['id'],
        foreignKeys: [],
        columns: [
          column('id', { family: 'integer', nullable: false, unique: true }),
          column('visited_at', { family: 'timestamp' }),
          ...columns,
        ],
      },
    ],
  };
}

describe('checking a table before a sweep touches it', () => {
  const healthy = [column('ip'), column('visitor'), column('email'), column('page', { nullable: false })];

  it('passes a table whose anonymisation fits its columns', () => {
    expect(checkTables(store, live(healthy), [rule('anonymise')]).get('visits')).toEqual([]);
  });

  it('refuses an anonymisation that would break NOT NULL or unique constraints, or write text into a number', () => {
    const problems = checkTables(
      store,
      live([
        column('ip', { nullable: false }),
        column('visitor', { family: 'integer', rawType: 'integer' }),
        column('email', { unique: true }),
        column('page'),
      ]),
      [rule('anonymise')],
    ).get('visits');
    expect(problems).toHaveLength(3);
    expect(problems?.join('\n')).toMatch(/"ip" is NOT NULL/);
    expect(problems?.join('\n')).toMatch(/"visitor" is integer/);
    expect(problems?.join('\n')).toMatch(/"email" is unique/);
  });

  it('does not hold deletions to the columns, only to the table and its anchor', () => {
    expect(checkTables(store, live([column('ip', { nullable: false })]), [rule('delete')]).get('visits')).toEqual([]);
    expect(checkTables(store, { tables: [] }, [rule('delete')]).get('visits')).toEqual([
      'table visits does not exist in the database',
    ]);
    const noAnchor = live(healthy);
    noAnchor.tables[0]!.columns = noAnchor.tables[0]!.columns.filter((c) => c.name !== 'visited_at');
    expect(checkTables(store, noAnchor, [rule('delete')]).get('visits')).toEqual([
      'anchor column visited_at does not exist',
    ]);
  });

  it('refuses every sweep of a store on a PostgreSQL older than 12 (the version of the live server)', async () => {
    // PostgreSQL 11 cannot run here: a connector that describes such a server stands in for one.
    const describing = (postgresVersion: number) =>
      ({
        capabilities: { introspect: true },
        introspect: () => Promise.resolve({ ...live(healthy), postgresVersion }),
      }) as unknown as StoreConnector;
    const old = await openedStore(describing(110005), store).check([rule('delete')]);
    expect(old?.get('visits')).toEqual([
      'PostgreSQL 11.5 cannot run the retention batches of "visits": they need PostgreSQL 12 or later',
    ]);
    expect((await openedStore(describing(120001), store).check([rule('delete')]))?.get('visits')).toEqual([]);
  });

  it('refuses to hash without a configured key', () => {
    expect(checkTables(store, live(healthy), [rule('anonymise')], { hashKeyAvailable: false }).get('visits')).toEqual([
      'column visitor is hashed: set CHARTER_HASH_KEY (or CHARTER_SECRET) first',
    ]);
  });
});
