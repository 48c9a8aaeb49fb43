/**
 * A fresh, migrated Charter database for one test file: in-memory PGlite, or a new database in the PostgreSQL the
 * global setup started — chosen by CHARTER_TEST_DB (pglite | postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrations, type Database } from '../../src/database.js';
import { migrate, openDatabase, type OpenDatabase } from '../../src/platform/db/database.js';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.CHARTER_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** Creates an empty PostgreSQL database in the test server and returns its URL. */
export async function createPostgresDatabase(prefix = 'charter_test'): Promise<string> {
  const adminUrl = inject('postgresUrl');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

export async function testDatabase(): Promise<OpenDatabase<Database>> {
  const database =
    testDbKind() === 'postgres'
      ? await openDatabase<Database>({ url: await createPostgresDatabase(), poolSize: 5 })
      : await openDatabase<Database>({ dataDir: 'memory://' });
  await migrate(database.db, migrations);
  return database;
}

/**
 * A database that the tested CLI opens too, named by the environment it reads: a new database in the test PostgreSQL,
 * or a PGlite directory (chosen by CHARTER_TEST_DB). `remove` deletes the directory.
 */
export async function cliTestDatabase(
  prefix: string,
): Promise<{ env: Record<string, string>; remove: () => Promise<void> }> {
  // The test processes' audit key (vitest.config.ts), so the CLI verifies what the test wrote in-process.
  const auditKey: Record<string, string> = {
    ...(process.env.CHARTER_AUDIT_KEY ? { CHARTER_AUDIT_KEY: process.env.CHARTER_AUDIT_KEY } : {}),
    ...(process.env.CHARTER_SECRETS_KEY ? { CHARTER_SECRETS_KEY: process.env.CHARTER_SECRETS_KEY } : {}),
  };
  if (testDbKind() === 'postgres')
    return {
      env: { DATABASE_URL: await createPostgresDatabase(), LOG_LEVEL: 'silent', ...auditKey },
      remove: async () => {},
    };
  const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return {
    env: { CHARTER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...auditKey },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
