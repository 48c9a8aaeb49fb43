/**
 * How long Charter waits for an organisation's store, and what it does when the wait ends: every connection, statement
 * and lock wait is bounded (a store left without bounds, with a table locked by another session, kept a request
 * `received` and a retention run open for as long as the lock lasted), the driver's own failure is turned into a
 * `StoreError` whose message names what timed out and never the statement or its values, and transient failures (a
 * lock that may be released, a connection that may come back) are tried again with back-off.
 */
import type { Store } from '../charter/schema.js';
import { StoreError, type AccessSink, type StoreConnector } from './connector.js';

/** Bounds in milliseconds, resolved from the charter's `timeouts` (seconds) and the defaults. */
export interface StoreTimeouts {
  connectMs: number;
  statementMs: number;
  lockMs: number;
  retries: number;
}

/** Safe defaults: a lock held by someone else is given up quickly (and retried), a long sweep statement is not. */
export const defaultStoreTimeouts: StoreTimeouts = {
  connectMs: 10_000,
  statementMs: 60_000,
  lockMs: 5_000,
  retries: 2,
};

export function storeTimeouts(store: Pick<Store, 'timeouts'>): StoreTimeouts {
  const t = store.timeouts ?? {};
  return {
    connectMs: (t.connect ?? defaultStoreTimeouts.connectMs / 1000) * 1000,
    statementMs: (t.statement ?? defaultStoreTimeouts.statementMs / 1000) * 1000,
    lockMs: (t.lock ?? defaultStoreTimeouts.lockMs / 1000) * 1000,
    retries: t.retries ?? defaultStoreTimeouts.retries,
  };
}

/** Store error codes worth another try: the other session may release its lock, the server may come back. */
export const transientCodes: ReadonlySet<string> = new Set(['lock_timeout', 'connect_timeout', 'unreachable']);

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Recognises a driver's timeout or connection failure (`pg`: SQLSTATE 57014 / 55P03 and its connection errors;
 * `mysql2`: errno 1205 / 1969, its client-side timeout and socket errors) and returns a StoreError saying which bound
 * was reached; anything else comes back unchanged. The driver's own message is not kept: it may quote the statement.
 */
export function classifyDriverError(store: string, error: unknown, timeouts: StoreTimeouts): unknown {
  if (!(error instanceof Error) || error instanceof StoreError) return error;
  const e = error as Error & { code?: string | number; errno?: number };
  const code = String(e.code ?? '');
  const message = e.message ?? '';
  if (code === '55P03' || e.errno === 1205 || code === 'ER_LOCK_WAIT_TIMEOUT')
    return new StoreError(
      store,
      `gave up waiting for a lock held by another session after ${seconds(timeouts.lockMs)}`,
      'lock_timeout',
    );
  if (
    code === '57014' ||
    e.errno === 1969 ||
    code === 'PROTOCOL_SEQUENCE_TIMEOUT' ||
    /query read timeout/i.test(message)
  )
    return new StoreError(
      store,
      `a statement took longer than ${seconds(timeouts.statementMs)} and was cancelled`,
      'statement_timeout',
    );
  if (/connection timeout|timeout expired|connect ETIMEDOUT/i.test(message) || code === 'ETIMEDOUT')
    return new StoreError(store, `no connection within ${seconds(timeouts.connectMs)}`, 'connect_timeout');
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'PROTOCOL_CONNECTION_LOST'].includes(code))
    return new StoreError(store, `the database cannot be reached (${code})`, 'unreachable');
  return error;
}

/** Back-off before retry `attempt` (1-based): 0.5 s, 1 s, 2 s … at most 10 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** (attempt - 1));
}

/**
 * Runs `operation`, trying again after a transient store failure up to `retries` times with back-off. `retryable`
 * may refuse a retry (an access answer that already reached its sink would be delivered twice).
 */
export async function withStoreRetries<T>(
  retries: number,
  operation: () => Promise<T>,
  retryable: () => boolean = () => true,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const transient = error instanceof StoreError && transientCodes.has(error.code);
      if (!transient || attempt > retries || !retryable()) throw error;
      await sleep(retryDelayMs(attempt));
    }
  }
}

/**
 * The connector with retries around every operation. Every operation is idempotent (connector.ts), so a retry after
 * a rolled-back attempt is safe; an access call is retried only while its sink has received nothing.
 */
export function retryingConnector(connector: StoreConnector, retries: number): StoreConnector {
  if (retries <= 0) return connector;
  const retry = <T>(operation: () => Promise<T>) => withStoreRetries(retries, operation);
  return {
    ...connector,
    access(request, sink: AccessSink) {
      let delivered = false;
      const counted: AccessSink = (records) => {
        if (records.length > 0) delivered = true;
        return sink(records);
      };
      return withStoreRetries(
        retries,
        () => connector.access(request, counted),
        () => !delivered,
      );
    },
    contacts: (identities) => retry(() => connector.contacts(identities)),
    erase: (request) => retry(() => connector.erase(request)),
    rectify: (request) => retry(() => connector.rectify(request)),
    restrict: (request) => retry(() => connector.restrict(request)),
    countDue: (query) => retry(() => connector.countDue(query)),
    sweep: (request) => retry(() => connector.sweep(request)),
    ...(connector.sweptBatch
      ? { sweptBatch: (jobId: string, batchId: string) => retry(() => connector.sweptBatch!(jobId, batchId)) }
      : {}),
    introspect: () => retry(() => connector.introspect()),
    sample: (table, limit) => retry(() => connector.sample(table, limit)),
    close: () => connector.close(),
  };
}
