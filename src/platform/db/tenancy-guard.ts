/**
 * The tenancy guard: a query that reads or writes an organisation-owned table (one with row-level security, rls.ts)
 * outside a scoped transaction (`inOrganisation`/`enterOrganisation`, tenancy.ts) throws instead of running on the
 * unrestricted connection. Row-level security only binds the `charter_app` role; the connecting role passes every
 * policy, so without this guard a repository that forgot its scope would read every organisation's rows.
 *
 * It wraps the dialect's driver and watches each connection: `set local role charter_app` scopes the connection until
 * its transaction ends. The protected tables are read from the catalogue (every table with row-level security), once
 * on first use and again after migrations, so a new organisation table is guarded without a list to keep.
 *
 * The few installation-level tasks that must cross organisations (migrations, signing in, resolving an API token, the
 * consent group commit, claiming due jobs) say so with `acrossOrganisations(reason, work)`; the reason is kept for the
 * reader, not logged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { InvariantError } from '../errors.js';
import { applicationRole } from './rls.js';

const installationWork = new AsyncLocalStorage<string>();

/**
 * Runs `work` with leave to touch organisation tables outside a scoped transaction. Only for installation-level work
 * whose organisation is not known yet (which organisation does this token belong to?) or that spans organisations by
 * design (migrations, the consent group commit). Everything an organisation's caller asks for runs in `inOrganisation`.
 */
export function acrossOrganisations<T>(reason: string, work: () => Promise<T>): Promise<T> {
  return installationWork.run(reason, work);
}

// How enterOrganisation (tenancy.ts) takes the restricted role: `set local role`, or its function form.
const scopingStatement = new RegExp(
  `^\\s*set\\s+local\\s+role\\s+"?${applicationRole}"?\\s*$|set_config\\('role', '${applicationRole}', true\\)`,
  'i',
);

/** Protected tables and their matcher; shared by every connection of one database. */
export class TenancyGuard {
  #matcher: RegExp | undefined;
  #loading: Promise<void> | undefined;
  #loaded = false;
  #tables: readonly string[] = [];

  /** The tables guarded now (for tests). */
  get tables(): readonly string[] {
    return this.#tables;
  }

  /** Reads the protected tables from the catalogue: every table of the schema with row-level security. */
  async load(query: (text: string) => Promise<{ relname: string }[]>): Promise<void> {
    const rows = await query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relrowsecurity and c.relkind in ('r', 'p')`,
    );
    this.#tables = rows.map((r) => r.relname).sort();
    this.#loaded = true;
    // Whole identifiers only: a partition (consent_records_2026_01) or a column sharing a prefix does not match.
    this.#matcher =
      this.#tables.length > 0 ? new RegExp(`(?<![\\w$])(${this.#tables.join('|')})(?![\\w$])`) : undefined;
  }

  /** Loads the tables once, on the first connection. */
  async ensureLoaded(connection: DatabaseConnection): Promise<void> {
    if (this.#loaded) return;
    this.#loading ??= this.load(
      async (text) => (await connection.executeQuery<{ relname: string }>(CompiledQuery.raw(text))).rows,
    ).finally(() => (this.#loading = undefined));
    await this.#loading;
  }

  /** Throws when `sql` names a protected table and the connection is not scoped. */
  check(sql: string, scoped: boolean): void {
    if (scoped || !this.#matcher) return;
    const match = this.#matcher.exec(sql);
    if (!match) return;
    if (installationWork.getStore() !== undefined) return;
    if (inspectedByTest()) return;
    throw new InvariantError(`organisation table ${match[1]} used outside a scoped transaction (use inOrganisation)`);
  }
}

/**
 * Whether the offending query was written by a test itself (a test file or test/support), not by a repository it
 * called: a test may look at every organisation's rows to check what the product wrote. Only computed on a violation,
 * so the stack is never captured on the normal path.
 */
function inspectedByTest(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    if (/node_modules|node:|\/src\/platform\/db\//.test(line)) continue;
    return /\.test\.ts:\d|\/test\/support\//.test(line);
  }
  return false;
}

const guards = new WeakMap<object, TenancyGuard>();

/** The guard of a database opened by openDatabase, if any. */
export function tenancyGuardOf(db: Kysely<unknown>): TenancyGuard | undefined {
  return guards.get(db);
}

/** Registers the guard of a Kysely instance (openDatabase). */
export function registerTenancyGuard(db: Kysely<unknown>, guard: TenancyGuard): void {
  guards.set(db, guard);
}

/**
 * The statement that opens a transaction and scopes it to one organisation in one round trip, for a connection whose
 * transaction has not been sent yet (`beginWithScope`): undefined when `compiled` is not `enterOrganisation`'s
 * statement with a well-formed organisation id (then `begin` goes alone first). The id is inlined as a literal only
 * once it is known to be a UUID, as the simple-query protocol that carries two statements takes no parameters.
 */
export function scopedBegin(compiled: CompiledQuery): string | undefined {
  const [organisationId, ...rest] = compiled.parameters;
  if (rest.length > 0 || typeof organisationId !== 'string' || !uuid.test(organisationId)) return undefined;
  if (compiled.sql !== scopeStatement) return undefined;
  return `begin; ${scopeStatement.replace('$1', `'${organisationId}'`)}`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** enterOrganisation's statement as Kysely compiles it for PostgreSQL (tenancy.ts). */
const scopeStatement = `select set_config('charter.organisation_id', $1, true), set_config('role', '${applicationRole}', true)`;

/**
 * Wraps a dialect so that every connection it hands out is guarded. With `beginWithScope` (node-postgres), a plain
 * `begin` is held back until the transaction's first statement and, when that statement scopes the connection to an
 * organisation (every `inOrganisation`), both go in one round trip: one statement fewer per transaction; a
 * transaction that sends nothing sends no `begin` and no `commit` either.
 */
export class GuardedDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    readonly guard: TenancyGuard,
    private readonly options: { beginWithScope?: boolean } = {},
  ) {}
  createDriver(): Driver {
    return new GuardedDriver(this.inner.createDriver(), this.guard, this.options.beginWithScope ?? false);
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

class GuardedConnection implements DatabaseConnection {
  scoped = false;
  /** `set local` outside a transaction block changes nothing: only inside one does it scope the connection. */
  inTransaction = false;
  /** Whether the connection was scoped when each open savepoint was taken: rolling back to one undoes `set local`. */
  readonly savepoints = new Map<string, boolean>();
  /** A `begin` held back until the transaction's first statement (GuardedDialect's `beginWithScope`). */
  beginPending = false;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly guard: TenancyGuard,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.guard.check(compiled.sql, this.scoped);
    if (this.beginPending) {
      this.beginPending = false;
      const merged = scopedBegin(compiled);
      if (merged) {
        await this.inner.executeQuery(CompiledQuery.raw(merged));
        this.scoped = true;
        return { rows: [] };
      }
      await this.inner.executeQuery(CompiledQuery.raw('begin'));
    }
    const result = await this.inner.executeQuery<R>(compiled);
    if (this.inTransaction && scopingStatement.test(compiled.sql)) this.scoped = true;
    return result;
  }

  /** Sends a `begin` still held back (before a statement that does not go through executeQuery). */
  async flushBegin(): Promise<void> {
    if (!this.beginPending) return;
    this.beginPending = false;
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    this.guard.check(compiled.sql, this.scoped);
    await this.flushBegin();
    yield* this.inner.streamQuery<R>(compiled, chunkSize);
  }
}

class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly guard: TenancyGuard,
    private readonly beginWithScope: boolean,
  ) {
    // Savepoints exactly when the wrapped driver has them (Kysely refuses them otherwise, rather than ignoring them).
    if (!inner.savepoint)
      Object.assign(this, { savepoint: undefined, rollbackToSavepoint: undefined, releaseSavepoint: undefined });
  }
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    try {
      await this.guard.ensureLoaded(connection);
    } catch (error) {
      await this.inner.releaseConnection(connection);
      throw error;
    }
    return new GuardedConnection(connection, this.guard);
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const guarded = connection as GuardedConnection;
    guarded.scoped = false;
    guarded.inTransaction = true;
    // Only a plain `begin` waits: isolation level and access mode go as Kysely sends them.
    if (this.beginWithScope && settings.isolationLevel === undefined && settings.accessMode === undefined) {
      guarded.beginPending = true;
      return Promise.resolve();
    }
    return this.inner.beginTransaction(guarded.inner, settings);
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as GuardedConnection, (inner) => this.inner.commitTransaction(inner));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as GuardedConnection, (inner) => this.inner.rollbackTransaction(inner));
  }
  /** Commits or rolls back; nothing to send when the transaction never sent its `begin`. */
  private async end(guarded: GuardedConnection, send: (inner: DatabaseConnection) => Promise<void>): Promise<void> {
    // `set local` ends with the transaction, whichever way it ends.
    try {
      if (!guarded.beginPending) await send(guarded.inner);
    } finally {
      guarded.beginPending = false;
      guarded.scoped = false;
      guarded.inTransaction = false;
    }
  }
  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    const guarded = connection as GuardedConnection;
    guarded.savepoints.set(name, guarded.scoped);
    await guarded.flushBegin();
    await this.inner.savepoint?.(guarded.inner, name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    const guarded = connection as GuardedConnection;
    await this.inner.rollbackToSavepoint?.(guarded.inner, name, compile);
    guarded.scoped = guarded.savepoints.get(name) ?? false;
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    const guarded = connection as GuardedConnection;
    await this.inner.releaseSavepoint?.(guarded.inner, name, compile);
    guarded.savepoints.delete(name);
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const guarded = connection as GuardedConnection;
    guarded.scoped = false;
    guarded.inTransaction = false;
    guarded.beginPending = false;
    await this.inner.releaseConnection(guarded.inner);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
