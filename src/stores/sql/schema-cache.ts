/**
 * The store's live schema, read once per connector: the families of the identity columns (so a value a column cannot
 * hold is never compared with it) and the keys of the reachable tables (so no request writes by a column that is not
 * a key).
 */
import { StoreError, type LiveSchema } from '../connector.js';
import type { StoreModel, TraversalPlan } from '../plan.js';
import type { SqlDriver } from './driver.js';
import { valueFitsFamily } from './traverse.js';

/** Which values a seed column may be compared with: `(table, column, value) → boolean`. */
export type SeedFilter = (table: string, column: string, value: string) => boolean;

export interface SchemaCache {
  /** The live schema, or undefined when it cannot be read (then every value is allowed, as before). */
  live(): Promise<LiveSchema | undefined>;
  seedFilter(): Promise<SeedFilter>;
  /**
   * Refuses a request that would reach a table whose declared primary key is not a key of the live table (one column
   * of a composite key, or a column that is neither the primary key nor unique): rows would be told apart by it and
   * written by it, so a write for one person would reach another person's rows sharing the value. `stores check`
   * reports the same table; a schema that cannot be read is left to the statements themselves.
   */
  assertKeys(plan: TraversalPlan): Promise<void>;
}

export function createSchemaCache(id: string, model: StoreModel, driver: SqlDriver): SchemaCache {
  // Only a successful read is kept: a failed or timed-out one (the store briefly unreachable) is tried again by the
  // next request, not cached as an empty schema until the connector is reopened.
  let liveSchema: Promise<LiveSchema | undefined> | undefined;
  const live = () =>
    (liveSchema ??= driver.introspect(model.schema).catch(() => {
      liveSchema = undefined;
      return undefined;
    }));
  return {
    live,
    async seedFilter() {
      const known = new Map(
        ((await live())?.tables ?? []).flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c.family] as const)),
      );
      return (table, column, value) => valueFitsFamily(known.get(`${table}.${column}`), value);
    },
    async assertKeys(plan) {
      const schema = await live();
      if (!schema) return;
      for (const name of plan.reachable) {
        const t = model.tables.get(name);
        const liveTable = schema.tables.find((l) => l.name === name);
        if (!t || !liveTable) continue;
        const column = liveTable.columns.find((c) => c.name === t.primaryKey);
        const isKey =
          (liveTable.primaryKey.length === 1 && liveTable.primaryKey[0] === t.primaryKey) || Boolean(column?.unique);
        if (!isKey) {
          throw new StoreError(
            id,
            `"${name}.${t.primaryKey}" is not a key of ${name} (its primary key is ${liveTable.primaryKey.length > 0 ? `(${liveTable.primaryKey.join(', ')})` : 'missing'}): rows of different people could share it, so no request acts on this store until a unique column is declared (charter stores check)`,
            'primary_key',
          );
        }
      }
    },
  };
}
