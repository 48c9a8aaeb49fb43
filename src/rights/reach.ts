/**
 * The rows a request reaches, per store and table, with how they are reached — the part of a request's plan that
 * shows an officer, before anything runs, that only the person's own rows are touched (docs/ownership.md). Counts
 * and names only, never a value.
 */
import type { Charter } from '../charter/schema.js';
import type { AccessRecord, IdentityType } from '../stores/connector.js';
import { storeModel } from '../stores/plan.js';
import { describeReach, type TableReach } from '../stores/reach.js';
import { engineHolds } from '../charter/localized.js';

export interface ReachedTable {
  store: string;
  storeName: string;
  table: string;
  rows: number;
  /** Rows shared with someone else (their columns withheld, only the person's columns written). */
  shared: number;
  /** How the table is reached; `adapter` for an HTTP store, whose adapter decides which rows are the person's. */
  how: TableReach['how'] | 'adapter';
  via?: TableReach['via'];
}

/** Counts records per store and table as they stream from the stores. */
export function reachCounter(): {
  add(records: readonly AccessRecord[]): void;
  counts: Map<string, { rows: number; shared: number }>;
} {
  const counts = new Map<string, { rows: number; shared: number }>();
  return {
    counts,
    add(records) {
      for (const record of records) {
        const key = `${record.store}\u0000${record.table}`;
        const count = counts.get(key) ?? { rows: 0, shared: 0 };
        count.rows++;
        if (record.shared) count.shared++;
        counts.set(key, count);
      }
    },
  };
}

/** Every table of the charter's SQL stores a request with these identity types reaches, with its counts. */
export function summariseReach(
  charter: Charter,
  types: readonly IdentityType[],
  counts: ReadonlyMap<string, { rows: number; shared: number }>,
): ReachedTable[] {
  const tables: ReachedTable[] = [];
  for (const store of charter.stores) {
    if (store.kind === 'http') {
      for (const [key, count] of counts) {
        const [id, table = ''] = key.split('\u0000');
        if (id === store.id)
          tables.push({ store: store.id, storeName: store.name ?? store.id, table, ...count, how: 'adapter' });
      }
      continue;
    }
    for (const reach of describeReach(storeModel(store, engineHolds(charter)), types)) {
      if (reach.how === 'not-reached') continue;
      const count = counts.get(`${store.id}\u0000${reach.table}`) ?? { rows: 0, shared: 0 };
      tables.push({
        store: store.id,
        storeName: store.name ?? store.id,
        table: reach.table,
        ...count,
        how: reach.how,
        ...(reach.via ? { via: reach.via } : {}),
      });
    }
  }
  return tables;
}
