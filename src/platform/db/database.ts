/**
 * Opens the database: a real PostgreSQL when a URL is given, otherwise the embedded PGlite in a data directory, with
 * commits synced to disk (pglite-durable.ts), or in memory for tests. Both speak the same PostgreSQL dialect and run
 * the same migrations.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type Dialect, type Migration, type MigrationResultSet } from 'kysely';
import { acquireDataDirectoryLock, type DataDirectoryLock } from './data-dir-lock.js';
import { loadPg } from './pg.js';
import { PGliteDialect } from './pglite-dialect.js';
import {
  acrossOrganisations,
  GuardedDialect,
  registerTenancyGuard,
  TenancyGuard,
  tenancyGuardOf,
} from './tenancy-guard.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** What opens a PGlite directory, written in its lock file for whoever is refused (default `charter`). */
  command?: string;
}

export interface OpenDatabase<DB> {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The exclusive lock of a PGlite directory (data-dir-lock.ts); absent for PostgreSQL and in-memory databases. */
  lock?: DataDirectoryLock;
  /** Writes a consistent copy of a PGlite directory to a file (pglite-backup.ts); returns its size. PGlite directories only. */
  backup?: (file: string) => Promise<number>;
  close(): Promise<void>;
}

export async function openDatabase<DB>(options: DatabaseOptions): Promise<OpenDatabase<DB>> {
  if (options.url) {
    const pg = await loadPg();
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    // A transaction's `begin` and its scope to an organisation share one round trip (tenancy-guard.ts).
    const db = guarded<DB>(new PostgresDialect({ pool }), { beginWithScope: true });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  const { PGlite } = await import('@electric-sql/pglite');
  const parsers = { 20: (value: string) => Number(value) };
  if (inMemory) {
    const pglite = await PGlite.create(dataDir, { parsers });
    const db = guarded<DB>(new PGliteDialect(pglite));
    return { db, kind: 'pglite', close: () => db.destroy() };
  }
  // Before PGlite touches a file: a second PostgreSQL on the same directory destroys it at the next unclean stop.
  await mkdir(dirname(resolve(dataDir)), { recursive: true });
  const lock = acquireDataDirectoryLock(dataDir, options.command ?? 'charter');
  try {
    await mkdir(dataDir, { recursive: true });
    const { DurableNodeFS, durableStartParams } = await import('./pglite-durable.js');
    const pglite = await PGlite.create({
      fs: new DurableNodeFS(dataDir),
      startParams: [...durableStartParams],
      parsers,
    });
    const db = guarded<DB>(new PGliteDialect(pglite));
    return {
      db,
      kind: 'pglite',
      lock,
      backup: async (file) => (await import('./pglite-backup.js')).writePgliteBackup(db, pglite, file),
      close: async () => {
        try {
          await db.destroy();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A Kysely whose connections refuse organisation tables outside a scoped transaction (tenancy-guard.ts). */
function guarded<DB>(dialect: Dialect, options: { beginWithScope?: boolean } = {}): Kysely<DB> {
  const guard = new TenancyGuard();
  const db = new Kysely<DB>({ dialect: new GuardedDialect(dialect, guard, options) });
  registerTenancyGuard(db as Kysely<unknown>, guard);
  return db;
}

/** Applies every pending migration in name order. Safe to call from several processes at once (Kysely locks). */
export async function migrate<DB>(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<MigrationResultSet> {
  // Migrations create and backfill organisation tables for every organisation at once.
  const result = await acrossOrganisations('migrations', () => migrateAll(db, migrations));
  // Tables that migrations just put under row-level security are guarded from now on.
  if (result.results && result.results.length > 0) await reloadGuard(db);
  return result;
}

async function reloadGuard<DB>(db: Kysely<DB>): Promise<void> {
  const guard = tenancyGuardOf(db as Kysely<unknown>);
  if (guard) await guard.load(async (text) => (await sql.raw<{ relname: string }>(text).execute(db)).rows);
}

async function migrateAll<DB>(db: Kysely<DB>, migrations: Record<string, Migration>): Promise<MigrationResultSet> {
  // The common case, a restart on an up-to-date database, costs one query: Kysely's migrator would first describe
  // every table of the database (to learn whether its own tables exist), which takes half a second on PGlite.
  if (await allApplied(db, Object.keys(migrations))) return { results: [] };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'charter_migration',
    migrationLockTableName: 'charter_migration_lock',
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error('migration failed');
  return result;
}

async function allApplied<DB>(db: Kysely<DB>, names: readonly string[]): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from charter_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return names.every((name) => applied.has(name));
  } catch {
    // No migration table yet (a new database), or unreadable: the migrator decides.
    return false;
  }
}

/** Whether the database answers: for /readyz. */
export async function isReachable<DB>(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
