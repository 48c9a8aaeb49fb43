/**
 * Opens connectors for the stores a charter declares. The connection URL (and an HTTP store's signing secret) come
 * from the environment variables the charter names, never from the charter itself.
 */
import type { Charter, Store } from '../charter/schema.js';
import { StoreError, type ConnectorContext, type StoreConnector } from './connector.js';
import { createHttpConnector } from './http/client.js';
import { storeModel } from './plan.js';
import { createSqlConnector } from './sql/engine.js';
import { createMysqlDriver } from './sql/mysql.js';
import { createPostgresDriver } from './sql/postgres.js';
import { retryingConnector, storeTimeouts } from './timeouts.js';
import { engineHolds } from '../charter/localized.js';

/** Options for opening the stores of a charter. */
export interface OpenStoresOptions {
  env: NodeJS.ProcessEnv;
  /** Key of the `hash` strategy: from CHARTER_HASH_KEY (or CHARTER_SECRET) in the CLI and the server. */
  hashKey: Buffer;
  redactToken?: string;
  /** Connections per SQL store (default 4). */
  poolSize?: number;
}

/** Reads the hash key from the environment: CHARTER_HASH_KEY, else CHARTER_SECRET. */
export function hashKeyFromEnv(env: NodeJS.ProcessEnv): Buffer | undefined {
  const value = env.CHARTER_HASH_KEY || env.CHARTER_SECRET;
  return value ? Buffer.from(value, 'utf8') : undefined;
}

/**
 * Opens the connector of one store, bounded by the store's timeouts and retrying what may pass (a lock, a lost
 * connection). Throws a StoreError naming the missing variable when it is not set.
 */
export function openStore(
  store: Store,
  charter: Pick<Charter, 'holds'> & Partial<Pick<Charter, 'languages' | 'defaultLanguage'>>,
  options: OpenStoresOptions,
): StoreConnector {
  return retryingConnector(openBareStore(store, charter, options), storeTimeouts(store).retries);
}

function openBareStore(
  store: Store,
  charter: Pick<Charter, 'holds'> & Partial<Pick<Charter, 'languages' | 'defaultLanguage'>>,
  options: OpenStoresOptions,
): StoreConnector {
  const url = options.env[store.connection];
  if (!url)
    throw new StoreError(
      store.id,
      `environment variable ${store.connection} (named by connection) is not set`,
      'not_configured',
    );
  const context: ConnectorContext = {
    holds: engineHolds(charter),
    hashKey: options.hashKey,
    env: options.env,
    redactToken: options.redactToken,
  };
  const timeouts = storeTimeouts(store);
  if (store.kind === 'http') {
    const secret = store.secret ? options.env[store.secret] : undefined;
    if (!secret)
      throw new StoreError(
        store.id,
        `an HTTP store needs its signing secret in the variable named by secret${store.secret ? ` (${store.secret} is not set)` : ''}`,
        'not_configured',
      );
    return createHttpConnector({ id: store.id, url, secret, timeoutMs: timeouts.statementMs });
  }
  const model = storeModel(store, context.holds);
  const driverOptions = { poolSize: options.poolSize, store: store.id, timeouts };
  if (store.kind === 'postgres') {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new StoreError(store.id, `${store.connection} must hold a postgres:// URL`, 'not_configured');
    return createSqlConnector({
      id: store.id,
      kind: 'postgres',
      model,
      driver: createPostgresDriver(url, driverOptions),
      context,
    });
  }
  if (!/^(mysql|mariadb):\/\//.test(url))
    throw new StoreError(store.id, `${store.connection} must hold a mysql:// URL`, 'not_configured');
  return createSqlConnector({
    id: store.id,
    kind: 'mysql',
    model,
    driver: createMysqlDriver(url, driverOptions),
    context,
  });
}

/** The open connectors of a charter's stores; close them all with `close()`. */
export interface StoreSet {
  connectors: StoreConnector[];
  get(id: string): StoreConnector | undefined;
  close(): Promise<void>;
}

/** Opens every declared store (or only `only`). */
export function openStores(
  charter: Pick<Charter, 'stores' | 'holds'>,
  options: OpenStoresOptions,
  only?: readonly string[],
): StoreSet {
  const connectors: StoreConnector[] = [];
  try {
    for (const store of charter.stores) {
      if (only && !only.includes(store.id)) continue;
      connectors.push(openStore(store, charter, options));
    }
  } catch (error) {
    void Promise.allSettled(connectors.map((c) => c.close()));
    throw error;
  }
  return {
    connectors,
    get: (id) => connectors.find((c) => c.id === id),
    close: async () => {
      await Promise.allSettled(connectors.map((c) => c.close()));
    },
  };
}
