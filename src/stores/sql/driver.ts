/**
 * The small driver interface the SQL engine needs from a database: run a statement, stream a large result in
 * batches, run work in a transaction on one connection, describe the live schema. PostgreSQL (`pg` pool or PGlite)
 * and MySQL/MariaDB (`mysql2`) implement it; the engine never touches a driver library directly.
 */
import type { LiveSchema } from '../connector.js';

export type Dialect = 'postgres' | 'mysql';

export interface QueryResult {
  rows: Record<string, unknown>[];
  /** Rows changed by an insert/update/delete. */
  affected: number;
}

/** One connection's worth of work (the pool, or the connection of an open transaction). */
export interface SqlSession {
  readonly dialect: Dialect;
  query(text: string, params?: readonly unknown[]): Promise<QueryResult>;
  /**
   * Runs a select and hands its rows over in batches of at most `batchSize`, awaiting `onRows` between batches (a
   * server-side cursor on PostgreSQL, a row stream on MySQL): memory stays bounded whatever the result size.
   */
  stream(
    text: string,
    params: readonly unknown[],
    batchSize: number,
    onRows: (rows: Record<string, unknown>[]) => Promise<void>,
  ): Promise<void>;
}

export interface SqlDriver extends SqlSession {
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Tables of the store's schema (PostgreSQL: `schema`, default `public`; MySQL: the connection's database). */
  introspect(schema?: string): Promise<LiveSchema>;
  close(): Promise<void>;
}

/**
 * Builds one statement with its parameters in the dialect's placeholder style (`$1` or `?`), and quotes
 * identifiers. Values always travel as parameters, never spliced into the text.
 */
export class Statement {
  readonly params: unknown[] = [];
  constructor(readonly dialect: Dialect) {}

  /**
   * A parameter placeholder for `value`. Fragments may be built in any order: the placeholder is a marker the
   * driver renders (`$n` on PostgreSQL; `?` on MySQL, with the parameters reordered as they appear in the text).
   */
  param(value: unknown): string {
    this.params.push(value);
    return `${marker}${this.params.length}${marker}`;
  }

  /** `expression IN (values)`: one array parameter on PostgreSQL, a placeholder list on MySQL. */
  inList(expression: string, values: readonly unknown[]): string {
    if (values.length === 0) return '1 = 0';
    if (this.dialect === 'postgres') return `${expression} = any(${this.param(values)})`;
    return `${expression} in (${values.map((v) => this.param(v)).join(', ')})`;
  }

  /** `expression NOT IN (values)` (true for an empty list). */
  notInList(expression: string, values: readonly unknown[]): string {
    if (values.length === 0) return '1 = 1';
    if (this.dialect === 'postgres') return `not (${expression} = any(${this.param(values)}))`;
    return `${expression} not in (${values.map((v) => this.param(v)).join(', ')})`;
  }

  /** A UTC instant as a parameter the dialect compares correctly with date, timestamp and timestamptz columns. */
  instant(value: Date): string {
    if (this.dialect === 'postgres') return this.param(value.toISOString());
    return this.param(value.toISOString().replace('T', ' ').replace('Z', ''));
  }

  id(name: string): string {
    return quoteIdentifier(this.dialect, name);
  }
}

const marker = '\u0001';
// eslint-disable-next-line no-control-regex -- the marker is a control character precisely so no SQL text contains it
const markerPattern = /\u0001(\d+)\u0001/g;

/** Turns a statement's markers into the dialect's placeholders; text without markers passes unchanged. */
export function renderPlaceholders(
  dialect: Dialect,
  text: string,
  params: readonly unknown[],
): { text: string; params: unknown[] } {
  if (!text.includes(marker)) return { text, params: [...params] };
  if (dialect === 'postgres')
    return { text: text.replace(markerPattern, (_, n: string) => `$${n}`), params: [...params] };
  const ordered: unknown[] = [];
  const rendered = text.replace(markerPattern, (_, n: string) => {
    ordered.push(params[Number(n) - 1]);
    return '?';
  });
  return { text: rendered, params: ordered };
}

export function quoteIdentifier(dialect: Dialect, name: string): string {
  return dialect === 'postgres' ? `"${name.replace(/"/g, '""')}"` : `\`${name.replace(/`/g, '``')}\``;
}

/** A session that counts the statements it runs: benchmarks prove queries do not grow with the rows found. */
export function countingSession(session: SqlSession): SqlSession & { readonly count: number } {
  let count = 0;
  return {
    dialect: session.dialect,
    get count() {
      return count;
    },
    query(text, params) {
      count++;
      return session.query(text, params);
    },
    stream(text, params, batchSize, onRows) {
      count++;
      return session.stream(text, params, batchSize, onRows);
    },
  };
}
