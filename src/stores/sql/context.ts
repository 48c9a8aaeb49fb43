/**
 * What every part of the SQL connector shares, as one explicit object instead of closure variables: the store's
 * declaration, the driver, the anonymisation settings, the limits and the cached live schema.
 */
import { StoreError, type ConnectorContext, type Identity } from '../connector.js';
import type { StoreModel, TableModel } from '../plan.js';
import { defaultRedactToken } from '../strategies.js';
import type { SqlDriver } from './driver.js';
import { createSchemaCache, type SchemaCache } from './schema-cache.js';

export interface SqlConnectorOptions {
  id: string;
  kind: 'postgres' | 'mysql';
  model: StoreModel;
  driver: SqlDriver;
  context: Pick<ConnectorContext, 'hashKey' | 'redactToken'>;
  /** Statements an access runs at once over the pool (default 4; keep at most the pool size). */
  concurrency?: number;
}

export interface SqlContext {
  /** The store's id, as errors and results name it. */
  id: string;
  kind: 'postgres' | 'mysql';
  model: StoreModel;
  driver: SqlDriver;
  /** The token a `redact` strategy writes. */
  token: string;
  /** The key of the keyed hash a `hash` strategy writes. */
  hashKey: Buffer;
  /** Statements an access runs at once over the pool. */
  concurrency: number;
  schema: SchemaCache;
  /** The declared table, or a `StoreError` naming it. */
  table(name: string): TableModel;
}

export function createSqlContext(options: SqlConnectorOptions): SqlContext {
  const { id, model, driver } = options;
  return {
    id,
    kind: options.kind,
    model,
    driver,
    token: options.context.redactToken ?? defaultRedactToken,
    hashKey: options.context.hashKey,
    concurrency: options.concurrency ?? 4,
    schema: createSchemaCache(id, model, driver),
    table(name) {
      const found = model.tables.get(name);
      if (!found) throw new StoreError(id, `table "${name}" is not declared in the charter`, 'unknown_table');
      return found;
    },
  };
}

/** The identity types of a request, each once. */
export function identityTypes(identities: readonly Identity[]): Identity['type'][] {
  return [...new Set(identities.map((i) => i.type))];
}
